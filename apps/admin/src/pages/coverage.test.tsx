import { osterodeExample } from "@oha/domain/example";
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { MemoryApi } from "../../test/memory-api.js";
import { renderApp } from "../../test/render.js";
import { defaultSchoolYear } from "./coverage.js";

/** The Osterode example's region, actors and measures, with their ids. */
function osterode() {
  const api = new MemoryApi();
  for (const name of ["region", "actor", "measure"] as const)
    for (const record of osterodeExample[name]) api.seedRecord(name, record);
  api.tenantId = osterodeExample.region[0]?.id ?? "";
  return api;
}

const cellsOf = (table: HTMLElement, row: RegExp) =>
  within(within(table).getByRole("row", { name: row }))
    .getAllByRole("cell")
    .map((cell) => cell.textContent);

describe("the coverage page", () => {
  it("shows the matrix of a school year with gaps marked in words, and lists the gaps", async () => {
    renderApp("/offers/coverage?year=2023/24", { api: osterode() });
    expect(await screen.findByRole("heading", { level: 1, name: "Angebotsabdeckung" })).toBeVisible();
    const table = await screen.findByRole("table", {
      name: "Plätze je Zielgruppe, Kategorie und Gemeinde im Schuljahr 2023/24",
    });
    const headers = within(table)
      .getAllByRole("columnheader")
      .map((h) => h.textContent);
    expect(headers).toEqual(["Zielgruppe", "Kategorie", "Osterode am Harz", "Herzberg am Harz"]);
    expect(cellsOf(table, /^Neu Zugewanderte Sprache und Integration/)).toEqual([
      "⚠ Lücke: kein Angebot",
      "⚠ Lücke: kein Angebot",
    ]);
    expect(cellsOf(table, /^Schülerinnen und Schüler Sek I Bewerbung und Vermittlung/)).toEqual([
      "✓ 70 Plätze",
      "✓ 30 Plätze",
    ]);
    expect(cellsOf(table, /^Weder in Beschäftigung .* Beratung und Begleitung/)[0]).toBe(
      "? Lücke: 1 Angebot ohne Platzangabe",
    );
    // The matrix scrolls in a frame that the keyboard reaches.
    expect(screen.getByRole("region", { name: /^Plätze je Zielgruppe/ })).toHaveAttribute("tabindex", "0");
    const gaps = screen.getByRole("region", { name: "8 Lücken im Schuljahr 2023/24" });
    expect(within(gaps).getAllByRole("row")).toHaveLength(9);
    expect(within(gaps).getAllByText(/Kein Angebot für diese Zielgruppe und Kategorie/)).toHaveLength(4);
  });

  it("shows undersupply against a minimum number of places, kept in the URL", async () => {
    const user = userEvent.setup();
    const { router, api } = renderApp("/offers/coverage?year=2023/24", { api: osterode() });
    await screen.findByRole("table", { name: /^Plätze je Zielgruppe.*2023\/24$/ });
    await user.type(screen.getByLabelText("Mindestzahl der Plätze"), "35");
    const gaps = await screen.findByRole("region", { name: "26 Lücken im Schuljahr 2023/24" });
    expect(gaps).toBeVisible();
    const table = screen.getByRole("table", { name: /^Plätze je Zielgruppe.*2023\/24$/ });
    expect(cellsOf(table, /^Schülerinnen und Schüler Sek I Bewerbung und Vermittlung/)).toEqual([
      "✓ 70 Plätze",
      "▼ Unterversorgt: 30 von mindestens 35 Plätzen",
    ]);
    expect(new URLSearchParams(router.state.location.search).get("minimum")).toBe("35");
    expect(api.callsOf("coverage").at(-1)?.body).toEqual({ schoolYear: "2023/24", minimumPlaces: 35 });
  });

  it("shows the realisation of planned measures with the overdue ones, per school year", async () => {
    const user = userEvent.setup();
    renderApp("/offers/coverage?year=2023/24", { api: osterode() });
    const section = await screen.findByRole("region", { name: "Realisierungsgrad geplanter Maßnahmen" });
    const realised = await within(section).findByText("Realisiert");
    expect(realised.parentElement).toHaveTextContent("Realisiert83 %10 von 12 fälligen Maßnahmen");
    expect(
      await within(section).findByRole("link", {
        name: "Sprachförderung und Berufsorientierung für neu Zugewanderte",
      }),
    ).toHaveAttribute("href", "/measures/msr_osterode0011");
    await user.selectOptions(within(section).getByLabelText("Geplanter Beginn im Schuljahr"), "2024/25");
    // Only the overdue measure planned to start in 2024/25 is due.
    const overdue = await within(section).findByText("1 von 1 fälligen Maßnahme");
    expect(overdue.parentElement).toHaveTextContent("Überfällig (noch geplant)100 %");
    expect(within(section).getByText("Realisiert").parentElement).toHaveTextContent("Realisiert0 %");
  });

  it("speaks English", async () => {
    renderApp("/offers/coverage?year=2023/24", { api: osterode(), locale: "en" });
    const table = await screen.findByRole("table", {
      name: "Places per target group, category and municipality in the school year 2023/24",
    });
    expect(cellsOf(table, /^Newly arrived young people Language and integration/)).toEqual([
      "⚠ Gap: no offer",
      "⚠ Gap: no offer",
    ]);
  });

  it("starts with the current school year when measures touch it, else the latest", () => {
    expect(defaultSchoolYear(["2023/24", "2024/25"], "2024-03-01")).toBe("2023/24");
    expect(defaultSchoolYear(["2023/24", "2024/25"], "2026-12-02")).toBe("2024/25");
    expect(defaultSchoolYear([], "2026-12-02")).toBeUndefined();
  });
});
