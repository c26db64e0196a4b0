// The start pages against the real server with the Osterode example: the coordinator's dashboard
// (the region's density, the steering group's meeting target, the office's history) and the
// partner's page, where a partner marks its own task done.
import { type Browser, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkA11yAtWidths, executablePath, signIn, soon, textOf, visible } from "./helpers.js";
import { apiCall, startServer, type TestServer } from "./server.js";

let server: TestServer;
let browser: Browser;
let coordinatorKey = "";

type OpenItem = {
  meetingId: string;
  item: { id: string; title: string; ownerActorId?: string; status: string };
};

/** A date-time a year from now, for a meeting that is still to come whenever the test runs. */
const nextYear = () => {
  const d = new Date();
  d.setUTCFullYear(d.getUTCFullYear() + 1);
  return `${d.toISOString().slice(0, 10)}T09:00:00+01:00`;
};

beforeAll(async () => {
  server = await startServer();
  const created = await apiCall<{ secret: string }>(server, server.adminKey, "POST", "/api/v1/api-keys", {
    role: "coordinator",
    name: "E2E Steuerung",
  });
  expect(created.status).toBe(201);
  coordinatorKey = created.body.secret;
  browser = await chromium.launch({ executablePath, args: ["--no-sandbox", "--disable-dev-shm-usage"] });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("the start pages", () => {
  let steeringGroupId = "";

  it("shows the coordinator how the network is doing and what needs the office now", async () => {
    const bodies = await apiCall<{ items: { id: string; kind: string; name: string }[] }>(
      server,
      coordinatorKey,
      "GET",
      "/api/v1/bodies?kind=steering_group",
    );
    steeringGroupId = bodies.body.items[0]?.id ?? "";
    expect(steeringGroupId).toMatch(/^bod_/);
    const planned = await apiCall(server, coordinatorKey, "POST", "/api/v1/meetings", {
      bodyId: steeringGroupId,
      title: "Sitzung der Steuerungsgruppe (E2E)",
      start: nextYear(),
      location: "Kreishaus, Sitzungsraum",
    });
    expect(planned.status).toBe(201);

    const context = await browser.newContext({ locale: "de-DE", viewport: { width: 1440, height: 900 } });

    context.setDefaultTimeout(300_000);
    const page = await context.newPage();
    try {
      await signIn(page, server.url, coordinatorKey);
      await page.getByRole("heading", { level: 1, name: "Landkreis Osterode am Harz" }).waitFor();

      const region = page.getByRole("region", { name: "Die Region" });
      await visible(region.getByText("116,9 Einwohner je km²"));
      expect(await textOf(region)).toContain("635,99 km²");
      expect(await textOf(region)).toContain("03156");

      const alerts = page.getByRole("region", { name: "Was jetzt ansteht" });
      const behind = alerts.getByRole("listitem").filter({
        has: page.getByRole("heading", { name: /Gremien unter ihrem Sitzungsziel/ }),
      });
      await expect
        .poll(() => textOf(behind), soon)
        .toMatch(
          /Steuerungsgruppe Übergang Bildung-Beruf: 0 von 2 Sitzungen .*\(Ziel: 2 Sitzungen im Jahr\)/,
        );

      const meetings = page.getByRole("region", { name: "Nächste Sitzungen" });
      await visible(meetings.getByRole("link", { name: "Sitzung der Steuerungsgruppe (E2E)" }));

      const office = page.getByRole("region", { name: "Die Koordinierungsstelle" });
      await expect.poll(() => textOf(office), soon).toContain("heute 2 Stellen");
      const history = office.getByRole("list", { name: "Geschichte der Koordinierungsstelle" });
      const lines = await history.getByRole("listitem").allInnerTexts();
      const at = (pattern: RegExp) => lines.findIndex((line) => pattern.test(line));
      const founded = at(/^2008–2010 Projekt: Programmgeförderte Stelle/);
      const department = at(/^2011–2013 Abteilung: Abteilung in der Stabsstelle/);
      const resolution = at(/^2013 Beschluss des Kreistags/);
      const today = at(/^seit 2014 2 Stellen/);
      expect(
        [founded, department, resolution, today].every((i) => i >= 0),
        lines.join("\n"),
      ).toBe(true);
      expect(founded).toBeLessThan(department);
      expect(department).toBeLessThan(resolution);
      expect(resolution).toBeLessThan(today);

      // The indicators: a chart drawn by the lazily loaded library, and the table with the same figures.
      const indicators = page.getByRole("region", { name: "Kennzahlen und ihre Entwicklung" });
      await visible(indicators.getByRole("table"));
      await expect.poll(() => indicators.locator(".sparkline canvas").count(), soon).toBeGreaterThan(0);
      expect(await textOf(indicators.getByRole("row", { name: /UE-01/ }))).toMatch(/7,2 %.*Verbessert/s);

      // A factor's rule and the records behind it, one click away.
      const health = page.getByRole("region", { name: "Wie geht es dem Netzwerk?" });
      const backing = health.getByRole("listitem").filter({
        has: page.getByRole("heading", { name: /Rückhalt der politischen Spitze/ }),
      });
      await backing.getByText(/Regel und Belege/).click();
      await visible(backing.getByText("Regel:"));
      await visible(backing.getByRole("link", { name: /Koordinierungsstelle/ }).first());

      await checkA11yAtWidths(page, "30-dashboard");
    } finally {
      await context.close();
    }
  });

  it("lets a partner mark its own task done, and shows it nothing it cannot use", async () => {
    const open = await apiCall<{ items: OpenItem[] }>(server, coordinatorKey, "GET", "/api/v1/action-items");
    const task = open.body.items.find((i) => i.item.ownerActorId);
    expect(task, "the example has an open action item with an owner").toBeDefined();
    const actorId = task?.item.ownerActorId ?? "";
    const partner = await apiCall<{ secret: string }>(server, server.adminKey, "POST", "/api/v1/api-keys", {
      role: "partner",
      name: "E2E Partner Start",
      actorId,
    });
    expect(partner.status).toBe(201);

    const context = await browser.newContext({ locale: "de-DE", viewport: { width: 1440, height: 900 } });

    context.setDefaultTimeout(300_000);
    const page = await context.newPage();
    try {
      await signIn(page, server.url, partner.body.secret);
      await visible(page.getByText(/Willkommen\. Hier sehen Sie, was für .+ ansteht\./));
      const nav = page.getByRole("navigation", { name: "Hauptnavigation" });
      expect(await nav.getByRole("link", { name: "CSV-Import" }).count()).toBe(0);
      expect(await page.getByRole("link", { name: "Sitzung planen" }).count()).toBe(0);

      const tasks = page.getByRole("region", { name: "Meine Aufgaben" });
      const title = task?.item.title ?? "";
      await visible(tasks.getByText(title, { exact: true }));
      await visible(page.getByRole("region", { name: "Meine Angebote" }));
      await visible(page.getByRole("region", { name: "Nächste Sitzungen meiner Gremien" }));
      await checkA11yAtWidths(page, "31-partner-home");

      await page.setViewportSize({ width: 1440, height: 900 });
      await tasks.getByRole("button", { name: `Als erledigt markieren: ${title}` }).click();
      await visible(tasks.getByText(`Erledigt: ${title}`));
      await expect
        .poll(() => tasks.getByRole("button", { name: `Als erledigt markieren: ${title}` }).count(), soon)
        .toBe(0);

      const meeting = await apiCall<{ actionItems: { id: string; status: string; doneOn?: string }[] }>(
        server,
        coordinatorKey,
        "GET",
        `/api/v1/meetings/${task?.meetingId}`,
      );
      expect(meeting.body.actionItems.find((i) => i.id === task?.item.id)).toMatchObject({
        status: "done",
        doneOn: new Date().toISOString().slice(0, 10),
      });
      await checkA11yAtWidths(page, "32-partner-home-done");
    } finally {
      await context.close();
    }
  });
});
