import { mkdir } from "node:fs/promises";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  checkAtBothWidths,
  executablePath,
  screenshots,
  signIn,
  soon,
  textOf,
  visible,
  widths,
} from "./helpers.js";
import { apiCall, startServer, type TestServer } from "./server.js";

let server: TestServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let coordinatorKey = "";
/** The example's open pair of redundant offers, as the API reports it. */
let pair: { ids: [string, string]; titles: [string, string] };

interface Overlaps {
  pairs: { measureIds: [string, string] }[];
  dismissed: { measureIds: [string, string] }[];
}

async function makeKey(role: string, name: string) {
  const created = await apiCall<{ secret: string }>(server, server.adminKey, "POST", "/api/v1/api-keys", {
    role,
    name,
  });
  expect(created.status, "POST /api/v1/api-keys").toBe(201);
  return created.body.secret;
}

beforeAll(async () => {
  await mkdir(screenshots, { recursive: true });
  server = await startServer();
  coordinatorKey = await makeKey("coordinator", "E2E Koordination Angebote");
  const found = await apiCall<Overlaps>(server, coordinatorKey, "GET", "/api/v1/analytics/overlaps");
  expect(found.status).toBe(200);
  // The Osterode example has one open pair: two application trainings for grades 9–10 in Osterode.
  expect(found.body.pairs).toHaveLength(1);
  const ids = found.body.pairs[0]?.measureIds as [string, string];
  const titles = await Promise.all(
    ids.map(
      async (id) =>
        (await apiCall<{ title: string }>(server, coordinatorKey, "GET", `/api/v1/measures/${id}`)).body
          .title,
    ),
  );
  pair = { ids, titles: titles as [string, string] };
  browser = await chromium.launch({ executablePath, args: ["--no-sandbox", "--disable-dev-shm-usage"] });
  context = await browser.newContext({ locale: "de-DE", viewport: widths.desktop });
  context.setDefaultTimeout(300_000);
  page = await context.newPage();
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
});

const nav = () => page.getByRole("navigation", { name: "Hauptnavigation" });
const region = (name: RegExp) => page.getByRole("region", { name });
const pairCard = (section: RegExp) =>
  region(section).getByRole("article", { name: `${pair.titles[0]} ↔ ${pair.titles[1]}` });

async function openOverlaps() {
  await nav().getByRole("link", { name: "Überschneidungen prüfen" }).click();
  await page.getByRole("heading", { level: 1, name: "Überschneidungen prüfen" }).waitFor();
}

describe("the offers' analyses against the real server", () => {
  it("shows the coverage matrix with a gap, and the realisation of planned measures", async () => {
    await signIn(page, server.url, coordinatorKey);
    await nav().getByRole("link", { name: "Angebotsabdeckung" }).click();
    await page.getByRole("heading", { level: 1, name: "Angebotsabdeckung" }).waitFor();
    await page.getByLabel("Schuljahr", { exact: true }).selectOption("2023/24");
    const table = page.getByRole("table", {
      name: "Plätze je Zielgruppe, Kategorie und Gemeinde im Schuljahr 2023/24",
    });
    // Nobody offers language and integration for newly arrived young people in 2023/24.
    const row = table.getByRole("row", { name: /Neu Zugewanderte Sprache und Integration/ });
    await expect.poll(() => textOf(row), soon).toContain("Lücke: kein Angebot");
    await visible(region(/^8 Lücken im Schuljahr 2023\/24$/));
    const realisation = region(/^Realisierungsgrad geplanter Maßnahmen$/);
    await expect.poll(() => textOf(realisation), soon).toMatch(/Realisiert\s*83 %/);
    await checkAtBothWidths(page, "offers-01-coverage");
  });

  it("dismisses a pair with a note, and the dismissal lasts over a reload", async () => {
    await openOverlaps();
    const card = pairCard(/^Offene Paare \(1\)$/);
    await visible(card);
    await checkAtBothWidths(page, "offers-02-overlaps");
    await card.getByRole("radio", { name: "Ergänzen sich (keine Redundanz)" }).check();
    await card.getByLabel("Notiz").fill("Verschiedene Schulen, Termine abgestimmt (E2E).");
    await card.getByRole("button", { name: "Bewertung speichern" }).click();
    await expect
      .poll(() => textOf(page.getByRole("status").filter({ hasText: "bewertet" })), soon)
      .toContain("Verworfene Paare");
    await page.reload();
    const dismissed = pairCard(/^Verworfene Paare \(2\)$/);
    await expect
      .poll(() => textOf(dismissed), soon)
      .toContain("Verschiedene Schulen, Termine abgestimmt (E2E).");
    await visible(region(/^Offene Paare \(0\)$/));
    await checkAtBothWidths(page, "offers-03-overlaps-dismissed");
  });

  it("keeps the dismissal when the measure's entry is confirmed (verification stamp)", async () => {
    await pairCard(/^Verworfene Paare/)
      .getByRole("link", { name: pair.titles[0] })
      .click();
    await page.getByRole("heading", { level: 1, name: pair.titles[0], exact: true }).waitFor();
    await page.getByRole("button", { name: "Als geprüft markieren" }).click();
    await visible(page.getByText("Die Maßnahme ist als geprüft markiert."));
    await openOverlaps();
    await visible(pairCard(/^Verworfene Paare \(2\)$/));
    await visible(region(/^Offene Paare \(0\)$/));
    const after = await apiCall<Overlaps>(server, coordinatorKey, "GET", "/api/v1/analytics/overlaps");
    expect(after.body.dismissed.map((d) => d.measureIds)).toContainEqual(pair.ids);
  });

  it("reopens the pair when the grades of one of its measures change", async () => {
    await pairCard(/^Verworfene Paare/)
      .getByRole("link", { name: pair.titles[0] })
      .click();
    await page.getByRole("heading", { level: 1, name: pair.titles[0], exact: true }).waitFor();
    await page.getByRole("link", { name: "Bearbeiten" }).click();
    await page.getByRole("group", { name: "Klassenstufen" }).getByLabel("von").fill("8");
    await page.getByRole("button", { name: "Speichern" }).click();
    // The record page again (the edit page's heading names the measure too).
    await page.waitForURL((url) => !url.pathname.endsWith("/edit"));
    await page.getByRole("heading", { level: 1, name: pair.titles[0], exact: true }).waitFor();
    await openOverlaps();
    const reopened = pairCard(/^Offene Paare \(1\)$/);
    await expect.poll(() => textOf(reopened), soon).toMatch(/Die frühere Bewertung gilt nicht mehr/);
    await visible(region(/^Verworfene Paare \(1\)$/));
    await checkAtBothWidths(page, "offers-04-overlaps-reopened");
  });

  it("shows the pairs read-only to a viewer", async () => {
    const viewerKey = await makeKey("viewer", "E2E Lesen");
    await page.getByRole("button", { name: "Abmelden" }).click();
    await signIn(page, server.url, viewerKey);
    await openOverlaps();
    await visible(
      page.getByText("Sie können die Paare ansehen; bewerten kann sie die Koordinierungsstelle."),
    );
    await visible(pairCard(/^Offene Paare \(1\)$/));
    expect(await page.getByRole("button", { name: "Bewertung speichern" }).count()).toBe(0);
  });
});
