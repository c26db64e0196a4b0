import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { MemoryApi } from "../../test/memory-api.js";
import { renderApp } from "../../test/render.js";

const admin = () => new MemoryApi("oha_valid", { id: "key:1", role: "admin", kind: "api_key" });

describe("the access page", () => {
  it("lets an admin make a coordinator's key, shows its secret once, and lists it", async () => {
    const user = userEvent.setup();
    const api = admin();
    renderApp("/access", { api });
    expect(await screen.findByText("Noch keine Zugänge.")).toBeInTheDocument();
    await user.type(screen.getByLabelText(/^Bezeichnung/), "Koordination Frau Arndt");
    await user.click(screen.getByRole("button", { name: "Zugang anlegen" }));
    expect(await screen.findByText("Der Zugang „Koordination Frau Arndt“ ist angelegt.")).toBeInTheDocument();
    expect(screen.getByLabelText("Der neue Schlüssel")).toHaveValue("oha_k1_secret");
    const row = await screen.findByRole("row", { name: /Koordination Frau Arndt/ });
    expect(row).toHaveTextContent("Koordination");
    expect(row).toHaveTextContent("noch nie");
    expect(api.callsOf("createApiKey")[0]?.body).toEqual({
      name: "Koordination Frau Arndt",
      role: "coordinator",
    });
  });

  it("asks for the partner's actor before making a partner's key", async () => {
    const user = userEvent.setup();
    const api = admin();
    const ihk = api.seed("actor", { name: "IHK Hannover", kind: "chamber" });
    renderApp("/access", { api });
    await user.type(await screen.findByLabelText(/^Bezeichnung/), "IHK");
    await user.selectOptions(screen.getByLabelText(/^Rolle/), "partner");
    await user.click(screen.getByRole("button", { name: "Zugang anlegen" }));
    expect(await screen.findByText("Pflichtangabe fehlt.")).toBeInTheDocument();
    expect(api.callsOf("createApiKey")).toHaveLength(0);
    await user.selectOptions(await screen.findByLabelText(/^Akteur des Partners/), "IHK Hannover");
    await user.click(screen.getByRole("button", { name: "Zugang anlegen" }));
    expect(await screen.findByRole("row", { name: /IHK/ })).toHaveTextContent("IHK Hannover");
    expect(api.callsOf("createApiKey")[0]?.body).toEqual({ name: "IHK", role: "partner", actorId: ihk.id });
  });

  it("revokes a key only after asking", async () => {
    const user = userEvent.setup();
    const api = admin();
    await api.createApiKey({ name: "Statistik-Import", role: "viewer" });
    renderApp("/access", { api });
    await user.click(await screen.findByRole("button", { name: "Zugang „Statistik-Import“ sperren" }));
    expect(api.callsOf("revokeApiKey")).toHaveLength(0);
    await user.click(screen.getByRole("button", { name: "Ja, „Statistik-Import“ sperren" }));
    expect(await screen.findByText(/^Gesperrt am /)).toBeInTheDocument();
    expect(api.apiKeys[0]?.revokedAt).not.toBeNull();
  });

  it("is in the navigation for admins only", async () => {
    renderApp("/", { api: admin() });
    const nav = await screen.findByRole("navigation", { name: "Hauptnavigation" });
    expect(within(nav).getByRole("link", { name: "Zugänge" })).toBeInTheDocument();
  });

  it("is not in a coordinator's navigation", async () => {
    renderApp("/");
    const nav = await screen.findByRole("navigation", { name: "Hauptnavigation" });
    expect(within(nav).queryByRole("link", { name: "Zugänge" })).not.toBeInTheDocument();
  });
});
