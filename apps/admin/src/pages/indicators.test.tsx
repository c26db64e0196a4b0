import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { MemoryApi } from "../../test/memory-api.js";
import { renderApp } from "../../test/render.js";
import { parsePastedObservations } from "./indicators.js";

describe("observations", () => {
  it("reads pasted spreadsheet rows with German dates and decimal commas, skipping a header", () => {
    const rows = parsePastedObservations(
      "Stichtag\tWert\n30.09.2024\t412\t2023/24\n30.09.2025\t1.234,5\nmorgen\tviel",
      "ind_000000000001",
      "de",
    );
    expect(rows.map((r) => r.line)).toEqual([2, 3, 4]);
    expect(rows[0]).toMatchObject({
      errors: [],
      input: { date: "2024-09-30", value: 412, periodLabel: "2023/24" },
    });
    expect(rows[1]?.input).toMatchObject({ date: "2025-09-30", value: 1234.5 });
    expect(rows[2]?.errors.map((e) => e.path).sort()).toEqual(["date", "value"]);
  });

  it("saves pasted observations only when every row is valid", async () => {
    const user = userEvent.setup();
    const api = new MemoryApi();
    const indicator = api.seed("indicator", {
      code: "SQ",
      name: "Schulabgänge ohne Abschluss",
      unit: "count",
      direction: "lower_is_better",
      source: "Landesamt für Statistik",
    });
    renderApp(`/indicators/${indicator.id}`, { api });
    const box = await screen.findByLabelText("Zeilen aus einer Tabelle");
    await user.type(box, "30.09.2024;61{enter}31.13.2025;58");
    await user.click(screen.getByRole("button", { name: "Zeilen prüfen" }));
    const preview = screen.getByRole("table", { name: /Vorschau: 2 Zeilen, davon 1 fehlerhaft/ });
    expect(within(preview).getByRole("row", { name: /^2/ })).toHaveTextContent("date:");
    expect(screen.queryByRole("button", { name: /speichern/ })).not.toBeInTheDocument();
    await user.clear(box);
    await user.type(box, "30.09.2024;61{enter}30.09.2025;58");
    await user.click(screen.getByRole("button", { name: "Zeilen prüfen" }));
    await user.click(screen.getByRole("button", { name: "2 Messwerte speichern" }));
    await waitFor(() => expect(api.all("observation")).toHaveLength(2));
    expect(await screen.findByRole("cell", { name: "58" })).toBeInTheDocument();
  });
});
