import { labels } from "@oha/domain";
import { act, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { MemoryApi } from "../../test/memory-api.js";
import { renderApp } from "../../test/render.js";

function seedActors(api: MemoryApi) {
  for (let i = 1; i <= 30; i++) {
    api.seed("actor", {
      name: `Schule ${String(i).padStart(2, "0")}`,
      kind: i <= 27 ? "general_school" : "chamber",
    });
  }
}

const rows = () => within(screen.getByRole("table")).getAllByRole("row").slice(1);

describe("list state", () => {
  it("pages through a list and keeps the page in the URL", async () => {
    const user = userEvent.setup();
    const api = new MemoryApi();
    seedActors(api);
    const { router } = renderApp("/actors", { api });
    expect(await screen.findByText("1–25 von 30 · Seite 1 von 2")).toBeInTheDocument();
    expect(rows()).toHaveLength(25);
    await user.click(screen.getByRole("button", { name: "Nächste Seite" }));
    expect(await screen.findByText("26–30 von 30 · Seite 2 von 2")).toBeInTheDocument();
    expect(router.state.location.search).toBe("?page=2");
    expect(api.callsOf("list", "actor").at(-1)?.query).toMatchObject({ limit: 25, offset: 25, sort: "name" });
  });

  it("filters by kind with labels from the domain, going back to page 1", async () => {
    const user = userEvent.setup();
    const api = new MemoryApi();
    seedActors(api);
    const { router } = renderApp("/actors?page=2", { api });
    const kind = await screen.findByLabelText("Art");
    const options = within(kind)
      .getAllByRole("option")
      .slice(1)
      .map((o) => o.textContent);
    expect(options).toEqual(Object.values(labels.ActorKind).map((l) => l.de));
    await user.selectOptions(kind, "Kammer (IHK, HWK, …)");
    await waitFor(() => expect(rows()).toHaveLength(3));
    expect(router.state.location.search).toBe("?kind=chamber");
    expect(api.callsOf("list", "actor").at(-1)?.query).toMatchObject({
      offset: 0,
      filters: { kind: "chamber" },
    });
  });

  it("restores filter, sort and page from the URL on reload and goes back with the browser", async () => {
    const user = userEvent.setup();
    const api = new MemoryApi();
    seedActors(api);
    const { router } = renderApp("/actors?kind=general_school&sort=-name&page=2", { api });
    expect(await screen.findByText("26–27 von 27 · Seite 2 von 2")).toBeInTheDocument();
    expect(screen.getByLabelText("Art")).toHaveValue("general_school");
    expect(rows().map((r) => within(r).getByRole("rowheader").textContent)).toEqual([
      "Schule 02",
      "Schule 01",
    ]);
    expect(screen.getByRole("columnheader", { name: /Name/ })).toHaveAttribute("aria-sort", "descending");

    await user.click(screen.getByRole("button", { name: /^Name/ }));
    await waitFor(() => expect(router.state.location.search).toBe("?kind=general_school"));
    expect(screen.getByRole("columnheader", { name: /Name/ })).toHaveAttribute("aria-sort", "ascending");

    await act(() => router.navigate(-1));
    expect(await screen.findByText("26–27 von 27 · Seite 2 von 2")).toBeInTheDocument();
    expect(router.state.location.search).toBe("?kind=general_school&sort=-name&page=2");
  });

  it("searches as one types, replacing the history entry", async () => {
    const user = userEvent.setup();
    const api = new MemoryApi();
    seedActors(api);
    const { router } = renderApp("/actors", { api });
    await user.type(await screen.findByRole("searchbox", { name: "Suche" }), "Schule 1");
    await waitFor(() => expect(router.state.location.search).toBe("?q=Schule+1"));
    await waitFor(() => expect(rows()).toHaveLength(10));
    expect(router.state.historyAction).toBe("REPLACE");
  });

  it("filters measures by grade and period in the browser and pages the result", async () => {
    const user = userEvent.setup();
    const api = new MemoryApi();
    const provider = api.seed("actor", { name: "BBS", kind: "vocational_school" });
    const measure = (title: string, grades: { min: number; max: number }, from: string, to?: string) =>
      api.seed("measure", {
        title,
        providerActorId: provider.id,
        category: "internship",
        grades,
        from,
        ...(to ? { to } : {}),
      });
    measure("Praxistag 8", { min: 8, max: 8 }, "2025-08-01", "2026-07-31");
    measure("Bewerbungstraining", { min: 9, max: 10 }, "2025-08-01");
    measure("Alt", { min: 8, max: 10 }, "2020-08-01", "2021-07-31");
    renderApp("/measures?grade=8&activeFrom=2025-09-01", { api });
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(rows()[0]).toHaveTextContent("Praxistag 8");
    await user.clear(screen.getByLabelText("Klassenstufe"));
    await user.type(screen.getByLabelText("Klassenstufe"), "9");
    await waitFor(() => expect(rows()[0]).toHaveTextContent("Bewerbungstraining"));
    expect(rows()).toHaveLength(1);
  });
});
