import type { Role } from "@oha/domain";
import { osterodeExample } from "@oha/domain/example";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { MemoryApi } from "../../test/memory-api.js";
import { renderApp } from "../../test/render.js";

/** The Osterode example's region, actors, measures and overlap reviews, with their ids. */
function osterode(role: Role = "coordinator") {
  const api = new MemoryApi("oha_valid", { id: "key:1", role, kind: "api_key" });
  for (const name of ["region", "actor", "measure", "overlapReview"] as const)
    for (const record of osterodeExample[name]) api.seedRecord(name, record);
  api.tenantId = osterodeExample.region[0]?.id ?? "";
  return api;
}

const section = (name: RegExp) => screen.findByRole("region", { name });

describe("the overlap review page", () => {
  it("shows the open pair side by side with provider names, municipalities and reasons", async () => {
    renderApp("/offers/overlaps", { api: osterode() });
    expect(await screen.findByRole("heading", { level: 1, name: "Überschneidungen prüfen" })).toBeVisible();
    const open = await section(/^Offene Paare \(1\)/);
    const card = within(open).getByRole("article", {
      name: /Bewerbungstraining für Abgangsklassen ↔ Fit für die Bewerbung/,
    });
    const table = within(card).getByRole("table", { name: "Die beiden Angebote nebeneinander" });
    const provider = within(table).getByRole("row", { name: /^Träger/ });
    await waitFor(() => expect(provider).not.toHaveTextContent("act_"));
    const cells = (row: RegExp) =>
      within(within(table).getByRole("row", { name: row }))
        .getAllByRole("cell")
        .map((cell) => cell.textContent);
    expect(cells(/^Gemeinden/)).toEqual(["Osterode am Harz", "Osterode am Harz, Herzberg am Harz"]);
    expect(cells(/^Klassenstufen/)).toEqual(["9–10", "9–10"]);
    expect(cells(/^Plätze/)).toEqual(["40", "30"]);
    expect(cells(/^Zeitraum/)).toEqual(["01.08.2023 – 31.07.2024", "01.09.2023 – 30.06.2024"]);
    expect(within(card).getByText(/Gleiche Angebotsart: Bewerbungstraining/)).toBeVisible();
    // The example's dismissed pair is in its own section, with the note of its review.
    const dismissed = await section(/^Verworfene Paare \(1\)/);
    expect(within(dismissed).getByRole("article", { name: /Berufsfelderkundung im Handwerk/ })).toBeVisible();
    expect(await within(dismissed).findByText(/Handwerk und IHK-Berufe ergänzen sich/)).toBeVisible();
    // The time is shown in the browser's time zone.
    expect(within(dismissed).getByText(/^Bewertet:/)).toHaveTextContent(
      /^Bewertet: Ergänzen sich \(keine Redundanz\) – Geprüft am 05\.10\.2023, \d\d:00 \(Koordinierungsstelle Bildung-Beruf\)$/,
    );
  });

  it("dismisses a pair with a note; the pair moves to the dismissed ones", async () => {
    const user = userEvent.setup();
    const { api } = renderApp("/offers/overlaps", { api: osterode() });
    const open = await section(/^Offene Paare \(1\)/);
    const card = within(open).getByRole("article");
    await user.click(within(card).getByRole("button", { name: "Bewertung speichern" }));
    expect(within(card).getByText("Bitte wählen Sie eine Bewertung.")).toBeVisible();
    expect(api.callsOf("reviewOverlap")).toHaveLength(0);
    await user.click(within(card).getByRole("radio", { name: "Ergänzen sich (keine Redundanz)" }));
    await user.type(within(card).getByLabelText("Notiz"), "Verschiedene Schulen, abgestimmt.");
    await user.click(within(card).getByRole("button", { name: "Bewertung speichern" }));
    expect(await screen.findByRole("status")).toHaveTextContent(/steht jetzt unter „Verworfene Paare“/);
    await section(/^Offene Paare \(0\)/);
    const dismissed = await section(/^Verworfene Paare \(2\)/);
    expect(within(dismissed).getByText(/Verschiedene Schulen, abgestimmt\./)).toBeVisible();
    expect(api.callsOf("reviewOverlap")[0]?.body).toEqual({
      measureIds: ["msr_osterode0001", "msr_osterode0002"],
      verdict: "complementary",
      note: "Verschiedene Schulen, abgestimmt.",
    });
  });

  it("confirms a pair; a changed grade range reopens it with the old verdict shown", async () => {
    const user = userEvent.setup();
    const api = osterode();
    const { client } = renderApp("/offers/overlaps", { api });
    const card = within(await section(/^Offene Paare \(1\)/)).getByRole("article");
    await user.click(within(card).getByRole("radio", { name: "Redundant" }));
    await user.click(within(card).getByRole("button", { name: "Bewertung speichern" }));
    await section(/^Bestätigte Überschneidungen \(1\)/);
    api.changeBehindTheBack("msr_osterode0002", { grades: { min: 9, max: 9 } });
    await client.invalidateQueries();
    const reopened = within(await section(/^Offene Paare \(1\)/)).getByRole("article");
    expect(reopened).toHaveTextContent(/Die frühere Bewertung gilt nicht mehr.*Redundant/);
    await section(/^Bestätigte Überschneidungen \(0\)/);
  });

  it("filters pairs by municipality, grade and category, keeping the filter in the URL", async () => {
    const user = userEvent.setup();
    const { router } = renderApp("/offers/overlaps", { api: osterode() });
    await section(/^Offene Paare \(1\)/);
    await user.selectOptions(screen.getByLabelText("Gemeinde"), "Herzberg am Harz");
    // Only the second offer serves Herzberg: the pair does not overlap there.
    await section(/^Offene Paare \(0\)/);
    expect(router.state.location.search).toBe("?municipality=03156009");
    await user.selectOptions(screen.getByLabelText("Gemeinde"), "Osterode am Harz");
    await section(/^Offene Paare \(1\)/);
    await user.type(screen.getByLabelText("Klassenstufe"), "8");
    await section(/^Offene Paare \(0\)/);
    // Grade 8 is in both dismissed offers (8 and 8–9), which serve the whole region.
    await section(/^Verworfene Paare \(1\)/);
    await user.clear(screen.getByLabelText("Klassenstufe"));
    await user.selectOptions(screen.getByLabelText("Kategorie"), "Berufliche Orientierung");
    await section(/^Offene Paare \(0\)/);
    await section(/^Verworfene Paare \(1\)/);
  });

  it("is read-only for a viewer, in English too", async () => {
    renderApp("/offers/overlaps", { api: osterode("viewer"), locale: "en" });
    const open = await section(/^Open pairs \(1\)/);
    expect(
      screen.getByText("You can look at the pairs; the coordination office reviews them."),
    ).toBeVisible();
    expect(within(open).queryByRole("button", { name: "Save verdict" })).not.toBeInTheDocument();
    expect(within(open).getByText(/Same activity/)).toBeVisible();
  });

  it("is in the offers navigation for every role that may read measures", async () => {
    renderApp("/", { api: osterode("partner") });
    const nav = await screen.findByRole("navigation", { name: "Hauptnavigation" });
    const links = within(nav)
      .getAllByRole("link")
      .map((l) => l.textContent);
    const at = links.indexOf("Maßnahmen");
    expect(links.slice(at, at + 3)).toEqual(["Maßnahmen", "Überschneidungen prüfen", "Angebotsabdeckung"]);
  });
});
