import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { MemoryApi } from "../../test/memory-api.js";
import { renderApp } from "../../test/render.js";

/** A small network on the test clock (2026-03-02): a steering group behind its target, a task overdue. */
function network(api = new MemoryApi()) {
  api.seed("region", {
    name: "Landkreis Osterode am Harz",
    kind: "district",
    keys: [{ system: "district_key", value: "03156", validTo: "2016-10-31" }],
    areaKm2: 635.99,
    population: 74_367,
  });
  // The memory API gives new ids; the session's tenant is reg_000000000001, so the region takes that id.
  const region = api.all("region")[0];
  if (region) {
    api.records.delete(region.id);
    api.records.set("reg_000000000001", { ...region, id: "reg_000000000001", entity: "region" });
  }
  const jobcenter = api.seed("actor", { name: "Jobcenter", kind: "job_centre" });
  const provider = api.seed("actor", { name: "Bildungswerk", kind: "independent_provider" });
  const anna = api.seed("contact", { givenName: "Anna", familyName: "Arndt" });
  const steering = api.seed("body", {
    name: "Steuerungsgruppe",
    kind: "steering_group",
    decisionAuthority: "decides",
    targetMeetingsPerYear: 2,
  });
  api.seed("membership", {
    bodyId: steering.id,
    contactId: anna.id,
    actorId: provider.id,
    role: "member",
    from: "2020-01-01",
  });
  const held = api.seed("meeting", {
    bodyId: steering.id,
    title: "Sitzung 1/2025",
    status: "held",
    start: "2025-01-10T09:00:00+01:00",
    actionItems: [
      { title: "Kennzahlen aufbereiten", ownerActorId: jobcenter.id, due: "2025-06-30" },
      { title: "Angebotsdaten prüfen", ownerActorId: provider.id, due: "2026-06-30" },
    ],
  });
  api.seed("meeting", {
    bodyId: steering.id,
    title: "Sitzung 1/2026",
    start: "2026-04-15T09:00:00+02:00",
    location: "Kreishaus",
  });
  api.seed("coordinationOffice", {
    name: "Koordinierungsstelle Bildung-Beruf",
    placements: [
      { from: "2008-01-01", to: "2010-12-31", unitKind: "project", unitName: "Programmgeförderte Stelle" },
      {
        from: "2011-01-01",
        to: "2013-12-31",
        unitKind: "department",
        unitName: "Abteilung in der Stabsstelle",
      },
    ],
    staffing: [{ from: "2014-01-01", posts: 2, funding: "core_budget" }],
    milestones: [
      { date: "2013-01-01", precision: "year", kind: "council_resolution", title: "Kreistagsbeschluss" },
    ],
  });
  const indicator = api.seed("indicator", {
    code: "UE-01",
    name: "Ohne Anschluss",
    unit: "percent",
    direction: "lower_is_better",
    source: "Befragung",
  });
  api.seed("observation", { indicatorId: indicator.id, date: "2024-07-31", value: 7.9 });
  api.seed("observation", { indicatorId: indicator.id, date: "2025-07-31", value: 7.2 });
  return { api, jobcenter, provider, steering, held };
}

describe("the coordinator's start page", () => {
  it("shows what needs the office, the next meeting, indicators with trend, the region and the office's history", async () => {
    const { api } = network();
    renderApp("/", { api });
    expect(
      await screen.findByRole("heading", { level: 1, name: "Landkreis Osterode am Harz" }),
    ).toBeVisible();

    const alerts = await screen.findByRole("region", { name: "Was jetzt ansteht" });
    const behind = await within(alerts).findByRole("heading", { name: /Gremien unter ihrem Sitzungsziel/ });
    const group = behind.closest("li") as HTMLElement;
    expect(group).toHaveTextContent(
      "Steuerungsgruppe: 0 von 2 Sitzungen in den letzten zwölf Monaten (Ziel: 2 Sitzungen im Jahr)",
    );
    const overdue = within(alerts).getByRole("heading", { name: /Überfällige Aufgaben \(1\)/ });
    expect(overdue.closest("li")).toHaveTextContent(
      "Kennzahlen aufbereiten: fällig seit 30.06.2025 (Jobcenter)",
    );

    const meetings = screen.getByRole("region", { name: "Nächste Sitzungen" });
    expect(await within(meetings).findByRole("link", { name: "Sitzung 1/2026" })).toBeVisible();
    expect(within(meetings).getByText(/Kreishaus/)).toBeVisible();
    expect(within(meetings).getByRole("link", { name: "Sitzung planen" })).toBeVisible();

    const indicators = screen.getByRole("region", { name: "Kennzahlen und ihre Entwicklung" });
    const table = await within(indicators).findByRole("table");
    const row = within(table).getByRole("row", { name: /UE-01/ });
    expect(row).toHaveTextContent("7,2 % (31.07.2025)");
    expect(row).toHaveTextContent("-0,7");
    expect(row).toHaveTextContent("Verbessert");

    const region = screen.getByRole("region", { name: "Die Region" });
    expect(await within(region).findByText("116,9 Einwohner je km²")).toBeVisible();
    expect(within(region).getByText(/03156/)).toBeVisible();
    expect(within(region).getByText("635,99 km²")).toBeVisible();

    const office = screen.getByRole("region", { name: "Die Koordinierungsstelle" });
    const history = await within(office).findByRole("list", { name: "Geschichte der Koordinierungsstelle" });
    expect(
      within(history)
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    ).toEqual([
      "2008–2010 Projekt: Programmgeförderte Stelle",
      "2011–2013 Abteilung: Abteilung in der Stabsstelle",
      "2013 Beschluss des Kreistags / Rats: Kreistagsbeschluss",
      "seit 2014 2 Stellen, Kommunaler Haushalt (verstetigt)",
    ]);
    expect(office).toHaveTextContent("heute 2 Stellen (Kommunaler Haushalt (verstetigt))");
  });

  it("shows each success factor with its level, and on request its rule and the records behind it", async () => {
    const user = userEvent.setup();
    const { api } = network();
    renderApp("/", { api });
    const health = await screen.findByRole("region", { name: "Wie geht es dem Netzwerk?" });
    const backing = await within(health).findByRole("heading", { name: /Rückhalt der politischen Spitze/ });
    const card = backing.closest("li") as HTMLElement;
    await user.click(within(card).getByText(/Regel und Belege/));
    expect(within(card).getByText("Regel:")).toBeVisible();
    const links = await within(card).findAllByRole("link");
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) expect(link.getAttribute("href")).toMatch(/^\/[a-z-]+\/[a-z]{3}_/);
  });

  it("says so when an analysis fails, and offers to try again", async () => {
    const { api } = network();
    api.offline = true;
    renderApp("/", { api });
    const alerts = await screen.findByRole("region", { name: "Was jetzt ansteht" });
    expect(await within(alerts).findByRole("alert")).toBeVisible();
    api.offline = false;
    await userEvent.setup().click(within(alerts).getByRole("button", { name: /erneut/i }));
    await waitFor(() => expect(within(alerts).queryByRole("alert")).toBeNull());
  });
});

describe("the partner's start page", () => {
  it("lists the partner's own tasks, marks one done, and shows its bodies' meetings and its measures", async () => {
    const user = userEvent.setup();
    const base = new MemoryApi("oha_partner", { id: "key:2", role: "partner", kind: "api_key" });
    const { api, provider } = network(base);
    const partner = new MemoryApi("oha_partner", {
      id: "key:2",
      role: "partner",
      kind: "api_key",
      actorId: provider.id,
    });
    for (const [id, record] of api.records) partner.records.set(id, record);
    partner.seed("measure", {
      title: "Bewerbungstraining",
      providerActorId: provider.id,
      category: "application_support",
      from: "2025-08-01",
    });
    renderApp("/", { api: partner });
    expect(
      await screen.findByText("Willkommen. Hier sehen Sie, was für Bildungswerk ansteht."),
    ).toBeVisible();
    const tasks = screen.getByRole("region", { name: "Meine Aufgaben" });
    expect(await within(tasks).findByText("Angebotsdaten prüfen")).toBeVisible();
    expect(within(tasks).queryByText("Kennzahlen aufbereiten")).toBeNull();
    await user.click(
      within(tasks).getByRole("button", { name: "Als erledigt markieren: Angebotsdaten prüfen" }),
    );
    expect(await within(tasks).findByText("Erledigt: Angebotsdaten prüfen")).toBeVisible();
    expect(await within(tasks).findByText("Keine offenen Aufgaben.")).toBeVisible();
    expect(partner.callsOf("completeActionItem")).toHaveLength(1);
    const meeting = partner.all("meeting").find((m) => m.title === "Sitzung 1/2025");
    expect(meeting?.actionItems).toEqual(
      expect.arrayContaining([expect.objectContaining({ title: "Angebotsdaten prüfen", status: "done" })]),
    );

    const meetings = screen.getByRole("region", { name: "Nächste Sitzungen meiner Gremien" });
    expect(await within(meetings).findByRole("link", { name: "Sitzung 1/2026" })).toBeVisible();
    const measures = screen.getByRole("region", { name: "Meine Angebote" });
    expect(await within(measures).findByRole("link", { name: "Bewerbungstraining" })).toBeVisible();
    expect(within(measures).getByRole("link", { name: "Angebot anlegen" })).toBeVisible();

    // Nothing a partner cannot use: no meeting planning, no import.
    expect(screen.queryByRole("link", { name: "Sitzung planen" })).toBeNull();
    const nav = screen.getByRole("navigation", { name: "Hauptnavigation" });
    expect(within(nav).queryByRole("link", { name: "CSV-Import" })).toBeNull();
  });
});
