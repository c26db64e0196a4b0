import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { MemoryApi } from "../../test/memory-api.js";
import { renderApp } from "../../test/render.js";

const packageFile = (text: string) =>
  new File([text], "transfer-goettingen.json", { type: "application/json" });

/** What the server answers for a package with one new, one changed and one identical standard. */
function withPlan(api: MemoryApi) {
  api.transferPlan = {
    dryRun: true,
    items: [
      {
        ref: "standard:MS-07",
        kind: "standard",
        key: "MS-07",
        title: "Übergabe an die Berufsberatung",
        status: "new",
        changes: [],
        take: true,
        writes: 1,
      },
      {
        ref: "standard:MS-01",
        kind: "standard",
        key: "MS-01",
        title: "Berufsorientierung ab Klasse 7",
        status: "changed",
        existingId: "std_000000000001",
        changes: [
          {
            field: "title",
            before: "Berufsorientierung ab Klasse 8",
            after: "Berufsorientierung ab Klasse 7",
          },
        ],
        take: true,
        writes: 1,
      },
      {
        ref: "guide:Praxisleitfaden",
        kind: "guide",
        key: "Praxisleitfaden",
        title: "Praxisleitfaden",
        status: "identical",
        changes: [],
        take: false,
        writes: 0,
      },
    ],
    warnings: [],
    summary: { new: 1, changed: 1, identical: 1, taken: 2, created: 0, updated: 0 },
  };
}

describe("the exchange page", () => {
  it("compares a package first, shows what differs, and takes only the chosen items", async () => {
    const user = userEvent.setup();
    const api = new MemoryApi();
    withPlan(api);
    renderApp("/transfer", { api });
    await user.upload(
      await screen.findByLabelText("Transferpaket (JSON-Datei)"),
      packageFile('{"format":"x"}'),
    );

    expect(
      await screen.findByText("Im Paket: 1 neu, 1 geändert, 1 gleich wie bei Ihnen."),
    ).toBeInTheDocument();
    expect(api.callsOf("transfer-dry-run")).toHaveLength(1);
    expect(api.callsOf("transfer")).toHaveLength(0);
    const table = screen.getByRole("table", {
      name: "Vergleich von „transfer-goettingen.json“ mit Ihren Daten",
    });
    const changed = within(table).getByRole("row", { name: /Berufsorientierung ab Klasse 7/ });
    expect(changed).toHaveTextContent("Geändert");
    expect(changed).toHaveTextContent(
      "title: Berufsorientierung ab Klasse 8 → Berufsorientierung ab Klasse 7",
    );
    expect(screen.getByRole("checkbox", { name: "„Praxisleitfaden“ übernehmen" })).toBeDisabled();

    await user.click(screen.getByRole("checkbox", { name: "„Berufsorientierung ab Klasse 7“ übernehmen" }));
    await user.click(screen.getByRole("button", { name: "1 ausgewählten Eintrag übernehmen" }));
    expect(
      await screen.findByText("Übernommen: 1 Datensätze neu angelegt, 0 aktualisiert, jeweils als Entwurf."),
    ).toBeInTheDocument();
    expect(api.callsOf("transfer")[0]?.body).toEqual({ pkg: { format: "x" }, take: ["standard:MS-07"] });
  });

  it("says so when the file is no JSON, and sends nothing", async () => {
    const user = userEvent.setup();
    const api = new MemoryApi();
    renderApp("/transfer", { api });
    await user.upload(await screen.findByLabelText("Transferpaket (JSON-Datei)"), packageFile("kein JSON"));
    expect(await screen.findByRole("alert")).toHaveTextContent(
      "„transfer-goettingen.json“ ist keine lesbare JSON-Datei",
    );
    expect(api.callsOf("transfer-dry-run")).toHaveLength(0);
  });

  it("links the district's OParl and HSDS endpoints", async () => {
    renderApp("/transfer");
    const oparl = await screen.findByRole("link", { name: /\/oparl\/v1\.1\/regions\/reg_000000000001$/ });
    expect(oparl).toHaveAttribute(
      "href",
      expect.stringMatching(/\/oparl\/v1\.1\/regions\/reg_000000000001$/),
    );
    expect(
      screen.getByRole("link", { name: /\/hsds\/v3\/regions\/reg_000000000001\/services$/ }),
    ).toBeInTheDocument();
  });

  it("offers partners the export but not the import", async () => {
    const api = new MemoryApi("oha_valid", {
      id: "key:2",
      role: "partner",
      kind: "api_key",
      actorId: "act_000000000001",
    });
    renderApp("/transfer", { api });
    expect(await screen.findByRole("button", { name: "Transferpaket herunterladen" })).toBeInTheDocument();
    expect(screen.queryByLabelText("Transferpaket (JSON-Datei)")).not.toBeInTheDocument();
  });
});
