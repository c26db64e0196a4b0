import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { MemoryApi } from "../test/memory-api.js";
import { renderApp } from "../test/render.js";
import { ApiError } from "./api/problem.js";
import { keyStorage } from "./auth/session.js";

describe("the app", () => {
  it("signs in with an API key, shows the tenant's name, returns to the page asked for and signs out", async () => {
    const user = userEvent.setup();
    const { router } = renderApp("/actors?kind=chamber", { signedIn: false });
    const key = await screen.findByLabelText(/API-Schlüssel/);
    expect(router.state.location.pathname).toBe("/sign-in");

    await user.type(key, "oha_wrong");
    await user.click(screen.getByRole("button", { name: "Anmelden" }));
    expect(await screen.findByLabelText(/API-Schlüssel/)).toHaveAccessibleDescription(/ungültig/);
    expect(sessionStorage.getItem(keyStorage)).toBeNull();

    await user.clear(key);
    await user.type(key, "oha_valid");
    await user.click(screen.getByRole("button", { name: "Anmelden" }));
    const tenant = await screen.findByText("Landkreis Osterode am Harz");
    const header = screen.getByRole("banner");
    expect(header).toContainElement(tenant);
    expect(within(header).getByText(/Koordination \(alles im Mandanten\)/)).toBeInTheDocument();
    expect(router.state.location.pathname + router.state.location.search).toBe("/actors?kind=chamber");
    expect(sessionStorage.getItem(keyStorage)).toBe("oha_valid");

    await user.click(within(header).getByRole("button", { name: "Abmelden" }));
    expect(await screen.findByRole("heading", { level: 1, name: "Anmelden" })).toBeInTheDocument();
    expect(sessionStorage.getItem(keyStorage)).toBeNull();
  });

  it("keeps the session over a reload by asking the server again", async () => {
    const api = new MemoryApi();
    sessionStorage.setItem(keyStorage, api.key);
    renderApp("/", { api, signedIn: false });
    expect(
      await screen.findByRole("heading", { level: 1, name: "Landkreis Osterode am Harz" }),
    ).toBeInTheDocument();
    expect(api.callsOf("me")).toHaveLength(1);
  });

  it("switches to English and back; enum labels follow", async () => {
    const user = userEvent.setup();
    const api = new MemoryApi();
    api.seed("actor", { name: "Jobcenter", kind: "job_centre" });
    renderApp("/actors", { api });
    expect(await screen.findByRole("cell", { name: "Jobcenter" })).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "English" }));
    expect(await screen.findByRole("heading", { level: 1, name: "Actors" })).toBeInTheDocument();
    expect(screen.getByRole("cell", { name: "Job centre" })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe("en");
    await user.click(screen.getByRole("button", { name: "Deutsch" }));
    expect(await screen.findByRole("heading", { level: 1, name: "Akteure" })).toBeInTheDocument();
  });

  it("shows a clear message when the server cannot be reached, never a blank page", async () => {
    const user = userEvent.setup();
    const api = new MemoryApi();
    api.offline = true;
    renderApp("/actors", { api });
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Der Server ist nicht erreichbar.");
    api.offline = false;
    await user.click(within(alert).getByRole("button", { name: "Erneut versuchen" }));
    await waitFor(() => expect(screen.queryByRole("alert")).not.toBeInTheDocument());
  });

  it("shows the problem's title from the server", async () => {
    const api = new MemoryApi();
    api.list = async () => {
      throw new ApiError("http", {
        status: 500,
        title: "Ein interner Fehler ist aufgetreten.",
        requestId: "req-42",
      });
    };
    renderApp("/measures", { api });
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Ein interner Fehler ist aufgetreten.");
    expect(alert).toHaveTextContent("req-42");
  });

  it("tells a partner that another actor's measure cannot be edited", async () => {
    const api = new MemoryApi("oha_partner", {
      id: "key:2",
      role: "partner",
      kind: "api_key",
      actorId: "act_000000000001",
    });
    const own = api.seed("actor", { name: "Eigener Träger", kind: "independent_provider" });
    const other = api.seed("actor", { name: "Anderer Träger", kind: "independent_provider" });
    (api.principal as { actorId?: string }).actorId = own.id;
    const foreign = api.seed("measure", {
      title: "Fremde Maßnahme",
      providerActorId: other.id,
      category: "counselling",
      from: "2026-01-01",
    });
    const { unmount } = renderApp(`/measures/${foreign.id}`, { api });
    expect(await screen.findByRole("heading", { level: 1, name: "Fremde Maßnahme" })).toBeInTheDocument();
    expect(screen.queryByRole("link", { name: "Bearbeiten" })).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Öffentlich machen" })).not.toBeInTheDocument();
    unmount();
    renderApp(`/measures/${foreign.id}/edit`, { api });
    expect(await screen.findByRole("alert")).toHaveTextContent(
      "Sie dürfen diesen Datensatz (Maßnahme) nicht bearbeiten.",
    );
    expect(screen.queryByRole("button", { name: "Speichern" })).not.toBeInTheDocument();
  });

  it("answers an unknown address with a page, not a blank screen", async () => {
    renderApp("/nowhere");
    expect(
      await screen.findByRole("heading", { level: 1, name: "Seite nicht gefunden" }),
    ).toBeInTheDocument();
  });
});
