import { execFileSync } from "node:child_process";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  checkAccessibility,
  executablePath,
  screenshots,
  signIn as signInWith,
  soon,
  textOf,
  visible,
} from "./helpers.js";
import { apiCall, startServer, type TestServer } from "./server.js";

let server: TestServer;
let browser: Browser;
let coordinatorKey = "";
let context: BrowserContext;
let page: Page;
const checked = new Set<string>();

/**
 * Checks the page with axe-core for WCAG 2.1 A and AA violations and writes a screenshot, and
 * notes its route: every route the tests visit goes through here.
 */
async function check(p: Page, name: string) {
  await checkAccessibility(p, name);
  checked.add(new URL(p.url()).pathname.replace(/[a-z]{3}_[0-9A-Za-z]{12}/g, ":id"));
}

const signIn = (p: Page, key: string) => signInWith(p, server.url, key);

const today = () => new Date().toISOString().slice(0, 10);

/** The accessible description of an input: the texts its `aria-describedby` points at. */
const descriptionOf = (l: Locator) =>
  l.evaluate((el) =>
    (el.getAttribute("aria-describedby") ?? "")
      .split(" ")
      .map((id) => document.getElementById(id)?.textContent ?? "")
      .join(" "),
  );

/** Deletes the funding programme on screen, confirming, and waits for its list. */
async function deleteShownRecord() {
  await page.getByRole("button", { name: "Löschen" }).click();
  await page.getByRole("button", { name: "Ja, löschen" }).click();
  await page.getByRole("heading", { level: 1, name: "Förderprogramme" }).waitFor();
}

beforeAll(async () => {
  await rm(screenshots, { recursive: true, force: true });
  await mkdir(screenshots, { recursive: true });
  server = await startServer();
  const created = await apiCall<{ id: string; secret: string }>(
    server,
    server.adminKey,
    "POST",
    "/api/v1/api-keys",
    {
      role: "coordinator",
      name: "E2E Koordination",
    },
  );
  expect(created.status, "POST /api/v1/api-keys").toBe(201);
  coordinatorKey = created.body.secret;
  browser = await chromium.launch({ executablePath, args: ["--no-sandbox", "--disable-dev-shm-usage"] });
  context = await browser.newContext({
    locale: "de-DE",
    acceptDownloads: true,
    viewport: { width: 1280, height: 900 },
  });
  // Every wait of the browser (navigation, an element to appear) has the same generous bound.
  context.setDefaultTimeout(soon.timeout);
  context.setDefaultNavigationTimeout(soon.timeout);
  page = await context.newPage();
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
});

describe("the admin UI against the real server", () => {
  let actorId = "";
  let measureId = "";
  let handoverBodyId = "";
  let programmeId = "";

  it("lets a coordinator sign in and shows the tenant's name", async () => {
    await page.goto(`${server.url}/`);
    await page.getByRole("heading", { level: 1, name: "Anmelden" }).waitFor();
    await check(page, "01-sign-in");
    await signIn(page, coordinatorKey);
    await visible(page.getByRole("banner").getByText("Landkreis Osterode am Harz"));
    await check(page, "02-home");
  });

  it("creates an actor with a contact and hands the contact over to a successor", async () => {
    await page
      .getByRole("navigation", { name: "Hauptnavigation" })
      .getByRole("link", { name: "Akteure" })
      .click();
    await page.getByRole("heading", { level: 1, name: "Akteure" }).waitFor();
    await check(page, "03-actors");
    await page.getByRole("link", { name: "Akteur anlegen" }).click();
    await page.getByRole("button", { name: "Anlegen" }).click();
    await expect
      .poll(() => descriptionOf(page.getByLabel(/Name des Akteurs/)), soon)
      .toMatch(/Pflichtangabe fehlt/);
    await check(page, "04-actor-new-errors");
    await page.getByLabel(/Name des Akteurs/).fill("Bildungswerk Harz (E2E)");
    await page.getByLabel(/^Art/).selectOption({ label: "Freier Träger" });
    await page.getByRole("button", { name: "Anlegen" }).click();
    await page.getByRole("heading", { level: 1, name: "Bildungswerk Harz (E2E)" }).waitFor();
    actorId = new URL(page.url()).pathname.split("/").at(-1) ?? "";
    expect(actorId).toMatch(/^act_/);

    const contacts = page.getByRole("region", { name: "Ansprechpersonen im Zeitverlauf" });
    await contacts.getByRole("button", { name: "Ansprechperson hinzufügen" }).click();
    await contacts.getByLabel(/Vorname/).fill("Petra");
    await contacts.getByLabel(/Nachname/).fill("Peters-E2E");
    await contacts.getByLabel(/Funktion/).fill("Geschäftsführung");
    await contacts.getByLabel(/Ebene/).selectOption("leadership");
    await contacts.getByLabel(/^Von/).fill("2020-01-01");
    await contacts.getByRole("button", { name: "Ansprechperson speichern" }).click();
    const petra = contacts.getByRole("row", { name: /Petra Peters-E2E/ });
    await expect.poll(() => textOf(petra), soon).toContain("bis heute");

    // Petra sits in a body for her actor: after the handover, her successor must sit there.
    const body = await apiCall<{ id: string }>(server, coordinatorKey, "POST", "/api/v1/bodies", {
      name: "Zukunftswerkstatt Übergang (E2E)",
      kind: "working_group",
      decisionAuthority: "works",
      targetMeetingsPerYear: 4,
    });
    expect(body.status, `POST /api/v1/bodies: ${JSON.stringify(body.body)}`).toBe(201);
    handoverBodyId = body.body.id;
    const found = await apiCall<{ items: { id: string }[] }>(
      server,
      coordinatorKey,
      "GET",
      "/api/v1/contacts?q=Peters-E2E",
    );
    const petraId = found.body.items[0]?.id ?? "";
    const seat = await apiCall(server, coordinatorKey, "POST", "/api/v1/memberships", {
      bodyId: handoverBodyId,
      contactId: petraId,
      actorId,
      role: "member",
      from: "2020-01-01",
    });
    expect(seat.status, `POST /api/v1/memberships: ${JSON.stringify(seat.body)}`).toBe(201);

    await petra.getByRole("button", { name: /übergeben/ }).click();
    const handover = page.getByRole("form", { name: /Übergabe/ });
    await handover.getByLabel(/Vorname/).fill("Quentin");
    await handover.getByLabel(/Nachname/).fill("Quast-E2E");
    await handover.getByLabel(/Übergabetag/).fill(today());
    await check(page, "05-actor-handover");
    await handover.getByRole("button", { name: "Übergabe speichern" }).click();
    await expect
      .poll(() => textOf(contacts.getByRole("row", { name: /Petra Peters-E2E/ })), soon)
      .toContain("Übergabe an Nachfolge → Quentin Quast-E2E");
    const quentin = contacts
      .getByRole("row")
      .filter({ has: page.getByRole("rowheader", { name: /Quentin Quast-E2E/ }) });
    await expect.poll(() => textOf(quentin), soon).toContain("bis heute");
    await check(page, "06-actor");
  });

  it("puts the successor on the body's attendance list after the handover, not the predecessor", async () => {
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const meeting = await apiCall<{ id: string }>(server, coordinatorKey, "POST", "/api/v1/meetings", {
      bodyId: handoverBodyId,
      title: "Sitzung nach der Übergabe (E2E)",
      start: `${tomorrow}T10:00:00.000Z`,
    });
    expect(meeting.status, `POST /api/v1/meetings: ${JSON.stringify(meeting.body)}`).toBe(201);
    await page.goto(`${server.url}/meetings/${meeting.body.id}`);
    await page.getByRole("heading", { level: 1, name: "Sitzung nach der Übergabe (E2E)" }).waitFor();
    const attendance = page.getByRole("region", { name: "Anwesenheit" });
    await visible(attendance.getByRole("group", { name: /Quentin Quast-E2E/ }));
    expect(await attendance.getByRole("group", { name: /Petra Peters-E2E/ }).count()).toBe(0);
    await check(page, "06b-meeting-after-handover");
  });

  it("plans a meeting, takes attendance and records a decision with an action item", async () => {
    await page
      .getByRole("navigation", { name: "Hauptnavigation" })
      .getByRole("link", { name: "Gremien" })
      .click();
    await page.getByRole("heading", { level: 1, name: "Gremien" }).waitFor();
    await check(page, "07-bodies");
    await page.getByRole("table").getByRole("rowheader").getByRole("link").first().click();
    await page.getByRole("region", { name: "Sitze" }).waitFor();
    await check(page, "08-body");
    await page.getByRole("link", { name: "Sitzung planen" }).click();
    await page.getByLabel(/Titel der Sitzung/).fill("Sitzung E2E");
    await page.getByLabel(/^Beginn/).fill("2026-05-12T10:00");
    await page.getByLabel(/^Ort/).fill("Kreishaus Osterode");
    await check(page, "09-meeting-new");
    await page.getByRole("button", { name: "Anlegen" }).click();
    await page.getByRole("heading", { level: 1, name: "Sitzung E2E" }).waitFor();

    const agenda = page.getByRole("region", { name: "Tagesordnung" });
    await agenda.getByRole("button", { name: "Tagesordnungspunkt hinzufügen" }).click();
    await agenda.getByLabel(/Thema/).fill("Praxistage an allen Schulen");
    await agenda.getByRole("button", { name: "Tagesordnung speichern" }).click();
    await visible(agenda.getByText(/Gespeichert um/));

    const attendance = page.getByRole("region", { name: "Anwesenheit" });
    await attendance.getByLabel("Weitere Person erfassen").selectOption({ label: "Quentin Quast-E2E" });
    await attendance.getByRole("button", { name: "Hinzufügen" }).click();
    const members = attendance.getByRole("group");
    if ((await members.count()) > 1) {
      await members.first().getByRole("radio", { name: "Entschuldigt", exact: true }).check();
    }
    await attendance.getByRole("button", { name: "Alle übrigen als anwesend markieren" }).click();
    await expect
      .poll(
        () =>
          attendance
            .getByRole("group", { name: /Quentin Quast-E2E/ })
            .getByRole("radio", { name: "Anwesend", exact: true })
            .isChecked(),
        soon,
      )
      .toBe(true);
    await attendance.getByRole("button", { name: "Anwesenheit speichern" }).click();
    await visible(attendance.getByText(/Gespeichert um/));

    const decisions = page.getByRole("region", { name: "Beschlüsse" });
    await decisions.getByRole("button", { name: "Beschluss hinzufügen" }).click();
    await decisions
      .getByLabel(/Wortlaut/)
      .fill("Praxistage werden ab dem Schuljahr 2026/27 an allen Schulen angeboten.");
    await decisions.getByLabel("Zu Tagesordnungspunkt").selectOption({ index: 1 });
    await decisions.getByRole("button", { name: "Beschlüsse speichern" }).click();
    await visible(decisions.getByText(/Gespeichert um/));

    const actions = page.getByRole("region", { name: "Aufgaben" });
    await actions.getByRole("button", { name: "Aufgabe hinzufügen" }).click();
    await actions.getByLabel(/^Aufgabe/).fill("Konzept Praxistage vorlegen (E2E)");
    await actions.getByLabel("Verantwortliche Person").selectOption({ label: "Quentin Quast-E2E" });
    await actions.getByLabel("Fällig am").fill("2026-06-30");
    await actions.getByRole("button", { name: "Aufgaben speichern" }).click();
    await visible(actions.getByText(/Gespeichert um/));
    await check(page, "10-meeting");

    // The meeting's papers, made by the server: the calendar event with the agenda, the minutes as tagged PDF.
    const papers = page.getByRole("region", { name: "Sitzungsunterlagen" });
    const [event] = await Promise.all([
      page.waitForEvent("download", { timeout: 900_000 }),
      papers.getByRole("button", { name: "Termin für den Kalender (.ics)" }).click(),
    ]);
    expect(event.suggestedFilename()).toBe("Sitzung-2026-05-12.ics");
    // Long lines of an iCalendar file are folded (RFC 5545, 3.1): unfold before reading.
    const calendar = (await readFile(await event.path(), "utf8")).replace(/\r\n[ \t]/g, "");
    expect(calendar).toContain("BEGIN:VCALENDAR");
    expect(calendar).toContain("Praxistage an allen Schulen");
    const [minutes] = await Promise.all([
      page.waitForEvent("download", { timeout: 900_000 }),
      papers.getByRole("button", { name: "Protokoll als PDF" }).click(),
    ]);
    expect(minutes.suggestedFilename()).toBe("Protokoll-2026-05-12.pdf");
    const minutesPdf = join(screenshots, "minutes.pdf");
    await minutes.saveAs(minutesPdf);
    expect(execFileSync("pdfinfo", [minutesPdf], { encoding: "utf8" })).toMatch(/^Tagged:\s+yes$/m);
    expect(execFileSync("pdftotext", [minutesPdf, "-"], { encoding: "utf8" }).replace(/\s+/g, " ")).toContain(
      "Praxistage werden ab dem Schuljahr 2026/27",
    );

    await page
      .getByRole("navigation", { name: "Hauptnavigation" })
      .getByRole("link", { name: "Offene Aufgaben" })
      .click();
    const row = page.getByRole("row", { name: /Konzept Praxistage vorlegen \(E2E\)/ });
    await expect.poll(() => textOf(row), soon).toContain("Quentin Quast-E2E");
    await check(page, "11-action-items");
  });

  it("creates and edits a measure, marks it public and verified, and handles a stale edit", async () => {
    await page
      .getByRole("navigation", { name: "Hauptnavigation" })
      .getByRole("link", { name: "Maßnahmen" })
      .click();
    await page.getByRole("heading", { level: 1, name: "Maßnahmen" }).waitFor();
    await check(page, "12-measures");
    await page.getByRole("link", { name: "Maßnahme anlegen" }).click();
    await page.getByLabel(/Titel der Maßnahme/).fill("Bewerbungswerkstatt (E2E)");
    await page.getByLabel(/Träger/).selectOption({ label: "Bildungswerk Harz (E2E)" });
    await page.getByLabel(/^Kategorie/).selectOption("application_support");
    await page.getByRole("checkbox", { name: "Schülerinnen und Schüler Sek I", exact: true }).check();
    const grades = page.getByRole("group", { name: "Klassenstufen" });
    await grades.getByLabel("von").fill("9");
    await grades.getByLabel("bis").fill("8");
    await page.getByLabel(/^Von/).fill("2026-08-01");
    await page.getByRole("button", { name: "Anlegen" }).click();
    await expect
      .poll(() => descriptionOf(grades.getByLabel("bis")), soon)
      .toMatch(/Der Mindestwert liegt über dem Höchstwert/);
    await check(page, "13-measure-new-errors");
    await grades.getByLabel("bis").fill("10");
    await page.getByRole("button", { name: "Anlegen" }).click();
    await page.getByRole("heading", { level: 1, name: "Bewerbungswerkstatt (E2E)" }).waitFor();
    measureId = new URL(page.url()).pathname.split("/").at(-1) ?? "";

    await page.getByRole("link", { name: "Bearbeiten" }).click();
    await page.getByLabel(/Plätze je Schuljahr/).fill("24");
    await check(page, "14-measure-edit");
    await page.getByRole("button", { name: "Speichern" }).click();
    await page.getByRole("heading", { level: 1, name: "Bewerbungswerkstatt (E2E)" }).waitFor();
    await visible(page.getByRole("definition").filter({ hasText: /^24$/ }));

    await page.getByRole("button", { name: "Öffentlich machen" }).click();
    await visible(page.getByText("Die Maßnahme ist jetzt öffentlich."));
    await page.getByRole("button", { name: "Als geprüft markieren" }).click();
    await visible(page.getByText("Die Maßnahme ist als geprüft markiert."));
    // The sentence under the heading (the details table also has a row header of that name).
    await visible(page.getByText(/Zuletzt geprüft am \d/));
    await check(page, "15-measure");

    // Someone else changes the measure while this person edits it.
    await page.getByRole("link", { name: "Bearbeiten" }).click();
    await page.getByLabel(/Hinweis zum Turnus/).fill("dienstags");
    const current = await apiCall<{ version: number }>(
      server,
      server.adminKey,
      "GET",
      `/api/v1/measures/${measureId}`,
    );
    const changed = await apiCall(
      server,
      server.adminKey,
      "PATCH",
      `/api/v1/measures/${measureId}`,
      { places: 30 },
      {
        "If-Match": `"${current.body.version}"`,
      },
    );
    expect(changed.status).toBe(200);
    await page.getByRole("button", { name: "Speichern" }).click();
    const conflict = page.getByRole("region", { name: /Jemand anderes hat diesen Datensatz/ });
    await expect
      .poll(() => textOf(conflict.getByRole("row", { name: /Plätze je Schuljahr/ })), soon)
      .toContain("30");
    await expect
      .poll(() => textOf(conflict.getByRole("row", { name: /Hinweis zum Turnus/ })), soon)
      .toContain("dienstags");
    await check(page, "16-measure-conflict");
    await conflict.getByRole("button", { name: "Meine Änderungen trotzdem speichern" }).click();
    await page.getByRole("heading", { level: 1, name: "Bewerbungswerkstatt (E2E)" }).waitFor();
    const saved = await apiCall<{ places: number; scheduleNote: string }>(
      server,
      server.adminKey,
      "GET",
      `/api/v1/measures/${measureId}`,
    );
    expect(saved.body).toMatchObject({ places: 30, scheduleNote: "dienstags" });
  });

  it("imports a CSV: the bad row is shown with its reason and not written", async () => {
    await page
      .getByRole("navigation", { name: "Hauptnavigation" })
      .getByRole("link", { name: "CSV-Import" })
      .click();
    await page.getByRole("heading", { level: 1, name: "CSV-Import" }).waitFor();
    await check(page, "17-import");
    await page.getByRole("radio", { name: "Akteure" }).check();
    const csv = [
      "Name;Art;E-Mail;PLZ;Ort",
      "Import-Schule Nord (E2E);Allgemeinbildende Schule;nord@schule.example;37520;Osterode am Harz",
      "Import-Fehlerhaft (E2E);Raumstation;falsch;12;Nirgendwo",
      "Import-Verband Süd (E2E);association;;;",
    ].join("\n");
    await page
      .getByLabel("CSV-Datei")
      .setInputFiles({ name: "akteure.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
    await visible(page.getByText("3 Zeilen: 2 in Ordnung, 1 fehlerhaft."));
    const bad = page.getByRole("table", { name: "1 fehlerhafte Zeile und warum" });
    const row = bad.getByRole("row", { name: /^3/ });
    await expect.poll(() => textOf(row), soon).toContain("Art: Bitte einen der vorgesehenen Werte wählen.");
    await expect.poll(() => textOf(row), soon).toContain("E-Mail:");
    await check(page, "18-import-preview");
    await page.getByRole("button", { name: "Probelauf mit 2 Zeilen" }).click();
    await visible(page.getByText(/Probelauf erfolgreich: 2 Zeilen/));
    const before = await apiCall<{ total: number }>(
      server,
      coordinatorKey,
      "GET",
      "/api/v1/actors?q=Import-&limit=1",
    );
    expect(before.body.total).toBe(0);
    await page.getByRole("button", { name: "2 Zeilen importieren" }).click();
    await visible(page.getByText("2 Zeilen importiert."));
    await check(page, "19-import-done");
    const after = await apiCall<{ items: { name: string }[] }>(
      server,
      coordinatorKey,
      "GET",
      "/api/v1/actors?q=Import-&limit=10",
    );
    expect(after.body.items.map((a) => a.name).sort()).toEqual([
      "Import-Schule Nord (E2E)",
      "Import-Verband Süd (E2E)",
    ]);
  });

  it("exports a list as CSV and Excel with the list's filter", async () => {
    await page.goto(`${server.url}/actors?q=Import-`);
    await visible(page.getByText("1–2 von 2 · Seite 1 von 1"));
    await check(page, "20-actors-filtered");
    const [csvDownload] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "CSV herunterladen" }).click(),
    ]);
    expect(csvDownload.suggestedFilename()).toMatch(/^akteure-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = await readFile((await csvDownload.path()) as string, "utf8");
    const lines = csv
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toBe("ID;Name des Akteurs;Kurzname;Art;Rechtskreise;E-Mail;Telefon;Website;Anschrift");
    expect(lines).toHaveLength(3);
    expect(csv).toContain("Allgemeinbildende Schule");
    const [xlsxDownload] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Excel herunterladen" }).click(),
    ]);
    const xlsx = await readFile((await xlsxDownload.path()) as string);
    expect(xlsx.subarray(0, 2).toString()).toBe("PK");
  });

  it("keeps list state over reload and back, and speaks English when asked", async () => {
    await page.goto(`${server.url}/measures?status=running&sort=-title&page=1`);
    await page.getByRole("heading", { level: 1, name: "Maßnahmen" }).waitFor();
    await expect.poll(() => page.getByLabel("Status").inputValue(), soon).toBe("running");
    await page.getByLabel("Kategorie").selectOption("internship");
    await expect.poll(() => page.url(), soon).toMatch(/category=internship/);
    await page.reload();
    await expect.poll(() => page.getByLabel("Kategorie").inputValue(), soon).toBe("internship");
    await page.goBack();
    await expect.poll(() => page.url(), soon).not.toMatch(/category=/);
    await expect.poll(() => page.getByLabel("Kategorie").inputValue(), soon).toBe("");
    await page.getByRole("button", { name: "English" }).click();
    await page.getByRole("heading", { level: 1, name: "Measures" }).waitFor();
    await check(page, "21-measures-english");
    await page.getByRole("button", { name: "Deutsch" }).click();
    await page.getByRole("heading", { level: 1, name: "Maßnahmen" }).waitFor();
  });

  it("does not let a partner edit another actor's measure", async () => {
    const partner = await apiCall<{ secret: string }>(server, server.adminKey, "POST", "/api/v1/api-keys", {
      role: "partner",
      name: "E2E Partner",
      actorId,
    });
    expect(partner.status).toBe(201);
    const foreign = await apiCall<{ items: { id: string; providerActorId: string; title: string }[] }>(
      server,
      server.adminKey,
      "GET",
      "/api/v1/measures?limit=20",
    );
    const other = foreign.body.items.find((m) => m.providerActorId !== actorId);
    expect(other, "a measure of another actor in the example").toBeDefined();
    const partnerContext = await browser.newContext({
      locale: "de-DE",
      viewport: { width: 1280, height: 900 },
    });
    partnerContext.setDefaultTimeout(soon.timeout);
    const p = await partnerContext.newPage();
    try {
      await signIn(p, partner.body.secret);
      await expect.poll(() => textOf(p.getByRole("banner")), soon).toContain("Netzwerkpartner");
      await p.goto(`${server.url}/measures/${other?.id}`);
      await p.getByRole("heading", { level: 1, name: other?.title ?? "" }).waitFor();
      await expect.poll(() => p.getByRole("link", { name: "Bearbeiten" }).count(), soon).toBe(0);
      await visible(p.getByText("Sie können diese Maßnahme ansehen, aber nicht bearbeiten."));
      await check(p, "22-partner-foreign-measure");
      await p.goto(`${server.url}/measures/${other?.id}/edit`);
      await expect
        .poll(() => textOf(p.getByRole("alert")), soon)
        .toContain("Sie dürfen diesen Datensatz (Maßnahme) nicht bearbeiten.");
      await expect.poll(() => p.getByRole("button", { name: "Speichern" }).count(), soon).toBe(0);
      await check(p, "23-partner-edit-refused");
      // The server refuses it too, whatever a client shows.
      const current = await apiCall<{ version: number }>(
        server,
        partner.body.secret,
        "GET",
        `/api/v1/measures/${other?.id}`,
      );
      const refused = await apiCall(
        server,
        partner.body.secret,
        "PATCH",
        `/api/v1/measures/${other?.id}`,
        { places: 1 },
        {
          "If-Match": `"${current.body.version}"`,
        },
      );
      expect(refused.status).toBe(403);
      // Its own measure it may edit.
      await p.goto(`${server.url}/measures/${measureId}`);
      await visible(p.getByRole("link", { name: "Bearbeiten" }));
    } finally {
      await partnerContext.close();
    }
  });

  it("deletes a record, offers to restore it, and restores it from the recently deleted list", async () => {
    await page
      .getByRole("navigation", { name: "Hauptnavigation" })
      .getByRole("link", { name: "Alle Bereiche" })
      .click();
    await page.getByRole("heading", { level: 1, name: "Alle Bereiche des Netzwerks" }).waitFor();
    await check(page, "20-areas");
    await page.getByRole("link", { name: "Förderprogramme" }).click();
    await page.getByRole("heading", { level: 1, name: "Förderprogramme" }).waitFor();
    await check(page, "21-funding-programmes");
    await page.getByRole("link", { name: "Förderprogramm anlegen" }).click();
    await page.getByLabel(/^Name/).fill("Regionales Übergangsmanagement (E2E)");
    await page.getByLabel(/^Fördermittelgeber/).fill("Landkreis Osterode am Harz");
    await page.getByLabel(/^Ebene des Fördermittelgebers/).selectOption({ label: "Landkreis / Kommune" });
    await check(page, "22-funding-programme-new");
    await page.getByRole("button", { name: "Anlegen" }).click();
    const title = page.getByRole("heading", { level: 1, name: "Regionales Übergangsmanagement (E2E)" });
    await title.waitFor();
    programmeId = new URL(page.url()).pathname.split("/").at(-1) ?? "";
    expect(programmeId).toMatch(/^fun_/);
    await check(page, "23-funding-programme");

    await deleteShownRecord();
    const notice = page.getByRole("region", { name: "Kürzlich gelöscht" });
    await expect
      .poll(() => textOf(notice), soon)
      .toContain("„Regionales Übergangsmanagement (E2E)“ wurde gelöscht.");
    await expect
      .poll(() => page.getByRole("row", { name: /Regionales Übergangsmanagement \(E2E\)/ }).count(), soon)
      .toBe(0);
    await check(page, "24-funding-programmes-deleted-notice");
    await notice.getByRole("button", { name: "Wiederherstellen" }).click();
    await visible(page.getByText("„Regionales Übergangsmanagement (E2E)“ ist wiederhergestellt."));
    await visible(page.getByRole("row", { name: /Regionales Übergangsmanagement \(E2E\)/ }));

    // Deleted again, it is restored from the list of recently deleted records.
    await page
      .getByRole("row", { name: /Regionales Übergangsmanagement \(E2E\)/ })
      .getByRole("link")
      .click();
    await title.waitFor();
    await deleteShownRecord();
    await page.getByRole("link", { name: "Kürzlich gelöscht" }).first().click();
    await page.getByRole("heading", { level: 1, name: "Förderprogramme: kürzlich gelöscht" }).waitFor();
    await check(page, "25-funding-programmes-recently-deleted");
    await page
      .getByRole("button", { name: "Wiederherstellen: Regionales Übergangsmanagement (E2E)" })
      .click();
    await title.waitFor();
    const restored = await apiCall<{ deleted: boolean; version: number }>(
      server,
      coordinatorKey,
      "GET",
      `/api/v1/funding-programmes/${programmeId}`,
    );
    expect(restored.status).toBe(200);
    // Created, deleted, restored, deleted, restored: five versions, nothing lost.
    expect(restored.body).toMatchObject({ deleted: false, version: 5 });
  });

  it("asks before leaving a form with unsaved changes, and keeps them when the person stays", async () => {
    await page.getByRole("link", { name: "Bearbeiten" }).click();
    const name = page.getByLabel(/^Name/);
    await expect.poll(() => name.inputValue(), soon).toBe("Regionales Übergangsmanagement (E2E)");
    await name.fill("Regionales Übergangsmanagement (E2E, geändert)");
    await page
      .getByRole("navigation", { name: "Hauptnavigation" })
      .getByRole("link", { name: "Akteure" })
      .click();
    const dialog = page.getByRole("alertdialog", { name: "Ungespeicherte Änderungen" });
    await visible(dialog);
    await check(page, "26-unsaved-changes");
    await dialog.getByRole("button", { name: "Weiter bearbeiten" }).click();
    expect(await name.inputValue()).toBe("Regionales Übergangsmanagement (E2E, geändert)");
    expect(await page.getByRole("heading", { level: 1, name: "Akteure" }).count()).toBe(0);

    await page
      .getByRole("navigation", { name: "Hauptnavigation" })
      .getByRole("link", { name: "Akteure" })
      .click();
    await page
      .getByRole("alertdialog", { name: "Ungespeicherte Änderungen" })
      .getByRole("button", { name: "Änderungen verwerfen" })
      .click();
    await page.getByRole("heading", { level: 1, name: "Akteure" }).waitFor();
    const unchanged = await apiCall<{ name: string }>(
      server,
      coordinatorKey,
      "GET",
      `/api/v1/funding-programmes/${programmeId}`,
    );
    expect(unchanged.body.name).toBe("Regionales Übergangsmanagement (E2E)");

    // A save leaves without asking.
    await page.goto(`${server.url}/funding-programmes`);
    await page
      .getByRole("row", { name: /Regionales Übergangsmanagement \(E2E\)/ })
      .getByRole("link")
      .click();
    await page.getByRole("link", { name: "Bearbeiten" }).click();
    await page.getByLabel(/^Name/).fill("Regionales Übergangsmanagement Harz (E2E)");
    await page.getByRole("button", { name: "Speichern" }).click();
    await page
      .getByRole("heading", { level: 1, name: "Regionales Übergangsmanagement Harz (E2E)" })
      .waitFor();
    expect(await page.getByRole("alertdialog").count()).toBe(0);
  });

  it("records the partners' signatures, and the agreement is in force with the last one", async () => {
    const others = await apiCall<{ items: { id: string }[] }>(
      server,
      coordinatorKey,
      "GET",
      "/api/v1/actors?limit=2",
    );
    const otherId = others.body.items.find((a) => a.id !== actorId)?.id ?? "";
    const created = await apiCall<{ id: string }>(server, coordinatorKey, "POST", "/api/v1/agreements", {
      title: "Kooperationsvereinbarung Übergang (E2E)",
      status: "negotiating",
      partyActorIds: [actorId, otherId],
      validFrom: "2026-01-01",
    });
    expect(created.status, `POST /api/v1/agreements: ${JSON.stringify(created.body)}`).toBe(201);
    await page.goto(`${server.url}/agreements/${created.body.id}`);
    const signatures = page.getByRole("region", { name: "Unterschriften" });
    await visible(signatures.getByText("Es fehlen noch die Unterschriften von"));
    await check(page, "27-agreement");
    for (const name of ["Bildungswerk Harz (E2E)", undefined]) {
      const select = signatures.getByLabel(/^Partner/);
      if (name) await select.selectOption({ label: name });
      else await select.selectOption({ index: 1 });
      await signatures.getByRole("button", { name: "Unterschrift erfassen" }).click();
      await visible(signatures.getByText(/ist erfasst\./));
    }
    await expect.poll(() => textOf(signatures), soon).toContain("Stand heute: In Kraft");
    await visible(signatures.getByText("Alle Partner haben die geltende Fassung unterschrieben."));
    const stored = await apiCall<{ status: string; signatures: unknown[] }>(
      server,
      coordinatorKey,
      "GET",
      `/api/v1/agreements/${created.body.id}`,
    );
    expect(stored.body.signatures).toHaveLength(2);
    expect(["signed", "in_force"]).toContain(stored.body.status);
  });

  it("downloads the annual report and the practice guide from the UI, tagged PDFs; the report's first page renders", async () => {
    await page
      .getByRole("navigation", { name: "Hauptnavigation" })
      .getByRole("link", { name: "Berichte" })
      .click();
    await page.getByRole("heading", { level: 1, name: "Berichte" }).waitFor();
    await page.getByLabel("Berichtsjahr").selectOption("2025");
    await check(page, "28-reports");
    const [file] = await Promise.all([
      page.waitForEvent("download", { timeout: 900_000 }),
      page.getByRole("button", { name: "Jahresbericht 2025 als PDF herunterladen" }).click(),
    ]);
    expect(file.suggestedFilename()).toBe("Jahresbericht-2025.pdf");
    const pdf = join(screenshots, "annual-report-2025.pdf");
    await file.saveAs(pdf);
    await visible(page.getByText("Der Jahresbericht 2025 ist heruntergeladen."));
    const info = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
    expect(info).toMatch(/^Tagged:\s+yes$/m);
    expect(info).toMatch(/^Title:\s+\S/m);
    // The first page as PNG, and the same page in grey to count its dark pixels: not blank.
    const firstPage = join(screenshots, "annual-report-page-1");
    const renderFirstPage = (mode: "-png" | "-gray") =>
      execFileSync("pdftoppm", [mode, "-f", "1", "-l", "1", "-r", "50", "-singlefile", pdf, firstPage]);
    renderFirstPage("-png");
    expect((await readFile(`${firstPage}.png`)).subarray(1, 4).toString()).toBe("PNG");
    renderFirstPage("-gray");
    const pgm = await readFile(`${firstPage}.pgm`);
    const [, width, height] =
      /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 40).toString("latin1")) ?? [];
    const pixels = pgm.subarray(pgm.length - Number(width) * Number(height));
    const dark = pixels.filter((value) => value < 128).length;
    expect(dark, "dark pixels on the first page").toBeGreaterThan(500);

    const [guide] = await Promise.all([
      page.waitForEvent("download", { timeout: 900_000 }),
      page.getByRole("button", { name: "Praxisleitfaden als PDF herunterladen" }).click(),
    ]);
    expect(guide.suggestedFilename()).toBe("Praxisleitfaden.pdf");
    const guidePdf = join(screenshots, "practice-guide.pdf");
    await guide.saveAs(guidePdf);
    expect(execFileSync("pdfinfo", [guidePdf], { encoding: "utf8" })).toMatch(/^Tagged:\s+yes$/m);
  });

  it("exports the transfer package, compares a changed copy and takes it, and links the open interfaces", async () => {
    await page
      .getByRole("navigation", { name: "Hauptnavigation" })
      .getByRole("link", { name: "Austausch" })
      .click();
    await page.getByRole("heading", { level: 1, name: "Austausch" }).waitFor();
    await check(page, "29-transfer");
    const [file] = await Promise.all([
      page.waitForEvent("download", { timeout: 900_000 }),
      page.getByRole("button", { name: "Transferpaket herunterladen" }).click(),
    ]);
    const exported = join(screenshots, "transfer.json");
    await file.saveAs(exported);
    const pkg = JSON.parse(await readFile(exported, "utf8")) as {
      format: string;
      standards: { code: string; title: string }[];
    };
    expect(pkg.format).toBe("oha.transfer-package");
    expect(pkg.standards.length).toBeGreaterThan(0);

    // The district's own package: everything is the same, nothing to take.
    const upload = page.getByLabel("Transferpaket (JSON-Datei)");
    await upload.setInputFiles(exported);
    await visible(page.getByText(/Im Paket: 0 neu, 0 geändert, \d+ gleich wie bei Ihnen\./));
    expect(await page.getByRole("button", { name: /übernehmen$/ }).isDisabled()).toBe(true);

    // Another district's version: one standard reworded, one added.
    const first = pkg.standards[0] as { code: string; title: string };
    const changed = {
      ...pkg,
      standards: [
        { ...first, title: `${first.title} (überarbeitet)` },
        ...pkg.standards.slice(1),
        { ...first, code: "E2E-01", title: "Übergabe an die Jugendberufsagentur (E2E)" },
      ],
    };
    const other = join(screenshots, "transfer-changed.json");
    await writeFile(other, JSON.stringify(changed));
    await upload.setInputFiles(other);
    await visible(page.getByText(/Im Paket: 1 neu, 1 geändert, \d+ gleich wie bei Ihnen\./));
    const table = page.getByRole("table", { name: "Vergleich von „transfer-changed.json“ mit Ihren Daten" });
    const row = table.getByRole("row", { name: new RegExp(`${first.title} \\(überarbeitet\\)`) });
    expect(await textOf(row)).toContain("Geändert");
    expect(await textOf(row)).toContain("→");
    await check(page, "30-transfer-preview");
    await page.getByRole("button", { name: "2 ausgewählte Einträge übernehmen" }).click();
    await visible(page.getByText(/^Übernommen: /));
    const standards = await apiCall<{ items: { code: string; title: string }[] }>(
      server,
      coordinatorKey,
      "GET",
      "/api/v1/standards?limit=200",
    );
    expect(standards.body.items.map((s) => s.code)).toContain("E2E-01");
    expect(standards.body.items.find((s) => s.code === first.code)?.title).toBe(
      `${first.title} (überarbeitet)`,
    );

    // Taken once, the same package changes nothing the second time.
    await upload.setInputFiles(join(screenshots, "transfer.json"));
    await upload.setInputFiles(other);
    await visible(page.getByText(/Im Paket: 0 neu, 0 geändert, \d+ gleich wie bei Ihnen\./));

    const oparl = await page.getByRole("link", { name: /\/oparl\/v1\.1\/regions\// }).getAttribute("href");
    const system = await fetch(oparl ?? "");
    expect(system.status).toBe(200);
    expect(((await system.json()) as { type: string }).type).toMatch(/System$/);
  });

  it("lets an admin give a new coordinator access, whose key then signs in, and revoke it", async () => {
    const adminContext = await browser.newContext({
      locale: "de-DE",
      viewport: { width: 1280, height: 900 },
    });
    adminContext.setDefaultTimeout(soon.timeout);
    const p = await adminContext.newPage();
    try {
      await signIn(p, server.adminKey);
      await p
        .getByRole("navigation", { name: "Hauptnavigation" })
        .getByRole("link", { name: "Zugänge" })
        .click();
      await p.getByRole("heading", { level: 1, name: "Zugänge" }).waitFor();
      await check(p, "31-access");
      await p.getByLabel(/^Bezeichnung/).fill("Koordination Frau Neu (E2E)");
      await p.getByLabel(/^Rolle/).selectOption("coordinator");
      await p.getByRole("button", { name: "Zugang anlegen" }).click();
      await visible(p.getByLabel("Der neue Schlüssel"));
      const secret = (await p.getByLabel("Der neue Schlüssel").inputValue()).trim();
      expect(secret.length).toBeGreaterThan(20);
      const me = await apiCall<{ principal: { role: string } }>(server, secret, "GET", "/api/v1/me");
      expect(me.status).toBe(200);
      expect(me.body.principal.role).toBe("coordinator");
      await p.getByRole("button", { name: "Zugang „Koordination Frau Neu (E2E)“ sperren" }).click();
      await p.getByRole("button", { name: "Ja, „Koordination Frau Neu (E2E)“ sperren" }).click();
      await visible(p.getByRole("row", { name: /Koordination Frau Neu \(E2E\)/ }).getByText(/Gesperrt am/));
      expect((await apiCall(server, secret, "GET", "/api/v1/me")).status).toBe(401);
    } finally {
      await adminContext.close();
    }
  });

  it("checked every route it visited with axe", () => {
    expect([...checked].sort()).toEqual(
      expect.arrayContaining([
        "/sign-in",
        "/",
        "/actors",
        "/actors/new",
        "/actors/:id",
        "/bodies",
        "/bodies/:id",
        "/meetings/new",
        "/meetings/:id",
        "/action-items",
        "/measures",
        "/measures/new",
        "/measures/:id",
        "/measures/:id/edit",
        "/import",
        "/areas",
        "/funding-programmes",
        "/funding-programmes/new",
        "/funding-programmes/:id",
        "/funding-programmes/deleted",
        "/agreements/:id",
        "/reports",
        "/transfer",
        "/access",
      ]),
    );
  });
});
