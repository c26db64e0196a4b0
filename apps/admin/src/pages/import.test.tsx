import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { MemoryApi } from "../../test/memory-api.js";
import { renderApp } from "../../test/render.js";

const file = (text: string) => new File([text], "kontakte.csv", { type: "text/csv" });

describe("CSV import", () => {
  it("maps columns, shows every bad row and why, runs a dry run and writes only good rows", async () => {
    const user = userEvent.setup();
    const api = new MemoryApi();
    renderApp("/import", { api });
    await user.click(await screen.findByRole("radio", { name: "Ansprechpersonen" }));
    await user.upload(
      screen.getByLabelText("CSV-Datei"),
      file("Vorname;Nachname;Kontakt\nAnna;Arndt;anna@example.org\nBernd;;bernd@example\nClara;Conrad;\n"),
    );
    expect(await screen.findByText("„kontakte.csv“: 3 Zeilen, 3 Spalten.")).toBeInTheDocument();
    expect(screen.getByLabelText(/^Vorname/)).toHaveValue("Vorname");
    expect(screen.getByLabelText(/^Nachname/)).toHaveValue("Nachname");
    expect(screen.getByLabelText(/^E-Mail/)).toHaveValue("");
    await user.selectOptions(screen.getByLabelText(/^E-Mail/), "Kontakt");

    expect(screen.getByText("3 Zeilen: 2 in Ordnung, 1 fehlerhaft.")).toBeInTheDocument();
    const bad = screen.getByRole("table", { name: "1 fehlerhafte Zeile und warum" });
    const row = within(bad).getByRole("row", { name: /^3/ });
    expect(row).toHaveTextContent("Nachname: Pflichtangabe fehlt.");
    expect(row).toHaveTextContent(/E-Mail: .*E-Mail/);

    const write = screen.getByRole("button", { name: "2 Zeilen importieren" });
    expect(write).toBeDisabled();
    await user.click(screen.getByRole("button", { name: "Probelauf mit 2 Zeilen" }));
    expect(
      await screen.findByText(/Probelauf erfolgreich: 2 Zeilen können importiert werden/),
    ).toBeInTheDocument();
    expect(api.all("contact")).toHaveLength(0);
    await user.click(write);
    expect(await screen.findByText("2 Zeilen importiert.")).toBeInTheDocument();
    expect(
      api
        .all("contact")
        .map((c) => c.familyName)
        .sort(),
    ).toEqual(["Arndt", "Conrad"]);
    expect(api.callsOf("batch-dry-run")[0]?.body).toHaveLength(2);
  });

  it("shows rows the server refuses in the dry run and writes nothing", async () => {
    const user = userEvent.setup();
    const api = new MemoryApi();
    const original = api.batch.bind(api);
    api.batch = async (name, items, dryRun) => {
      const answer = await original(name, items, true);
      if (!dryRun) throw new Error("must not write");
      return {
        ...answer,
        ok: false,
        results: answer.results.map((r) =>
          r.index === 1
            ? {
                index: 1,
                ok: false,
                errors: [
                  {
                    path: "name",
                    code: "already_exists",
                    message: "Gibt es schon.",
                    messages: { de: "Gibt es schon.", en: "Exists already." },
                  },
                ],
              }
            : r,
        ),
      };
    };
    renderApp("/import", { api });
    await user.upload(
      await screen.findByLabelText("CSV-Datei"),
      file("Name,Art\nBBS,Berufsbildende Schule\nIHK,chamber\n"),
    );
    await user.click(await screen.findByRole("button", { name: "Probelauf mit 2 Zeilen" }));
    const bad = await screen.findByRole("table", { name: "1 fehlerhafte Zeile und warum" });
    expect(within(bad).getByRole("row", { name: /^3/ })).toHaveTextContent("Gibt es schon.");
    await waitFor(() => expect(screen.getByRole("button", { name: "1 Zeile importieren" })).toBeDisabled());
    expect(api.all("actor")).toHaveLength(0);
  });
});
