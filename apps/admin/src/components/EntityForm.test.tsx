import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { MemoryApi } from "../../test/memory-api.js";
import { renderApp } from "../../test/render.js";
import { ApiError } from "../api/problem.js";

describe("entity forms", () => {
  it("shows the domain's validation messages at the fields and in a summary, and sends nothing", async () => {
    const user = userEvent.setup();
    const { api } = renderApp("/actors/new");
    await user.click(await screen.findByRole("button", { name: "Anlegen" }));
    const name = screen.getByLabelText(/Name des Akteurs/);
    expect(name).toHaveAccessibleDescription(/Pflichtangabe fehlt\./);
    expect(name).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByLabelText(/^Art/)).toHaveAccessibleDescription(/Pflichtangabe fehlt\./);
    const summary = screen.getByRole("alert");
    expect(
      within(summary).getByRole("heading", { name: "Bitte prüfen Sie Ihre Eingaben" }),
    ).toBeInTheDocument();
    expect(
      within(summary).getByRole("link", { name: /Name des Akteurs: Pflichtangabe fehlt\./ }),
    ).toHaveAttribute("href", "#new-actor-name");
    expect(summary).toHaveFocus();
    expect(api.callsOf("create")).toHaveLength(0);
  });

  it("shows messages in English when the UI is English", async () => {
    const user = userEvent.setup();
    renderApp("/actors/new", { locale: "en" });
    await user.type(await screen.findByLabelText(/E-mail/), "not-an-address");
    await user.click(screen.getByRole("button", { name: "Create" }));
    expect(screen.getByLabelText(/Name of the actor/)).toHaveAccessibleDescription(
      /This field is required\./,
    );
    expect(screen.getByLabelText(/E-mail/)).toHaveAccessibleDescription(/email/i);
  });

  it("creates a record with enum values chosen by their domain labels and opens it", async () => {
    const user = userEvent.setup();
    const { api, router } = renderApp("/actors/new");
    await user.type(await screen.findByLabelText(/Name des Akteurs/), "  Jobcenter Osterode ");
    await user.selectOptions(screen.getByLabelText(/^Art/), "Jobcenter");
    await user.click(screen.getByRole("checkbox", { name: "SGB II – Grundsicherung für Arbeitsuchende" }));
    await user.click(screen.getByRole("button", { name: "Anlegen" }));
    await screen.findByRole("heading", { level: 1, name: "Jobcenter Osterode" });
    const [created] = api.all("actor");
    expect(created).toMatchObject({
      name: "Jobcenter Osterode",
      kind: "job_centre",
      legalFrameworks: ["sgb2"],
    });
    expect(router.state.location.pathname).toBe(`/actors/${created?.id}`);
  });

  it("shows the server's field errors at the field", async () => {
    const user = userEvent.setup();
    const api = new MemoryApi();
    api.create = async () => {
      throw new ApiError("http", {
        status: 400,
        title: "Die Eingabe enthält Fehler.",
        errors: [
          {
            path: "name",
            code: "already_exists",
            message: "Gibt es schon.",
            messages: { de: "Diesen Namen gibt es schon.", en: "This name exists already." },
          },
        ],
      });
    };
    renderApp("/actors/new", { api });
    await user.type(await screen.findByLabelText(/Name des Akteurs/), "IHK");
    await user.selectOptions(screen.getByLabelText(/^Art/), "chamber");
    await user.click(screen.getByRole("button", { name: "Anlegen" }));
    expect(await screen.findByLabelText(/Name des Akteurs/)).toHaveAccessibleDescription(
      /Diesen Namen gibt es schon\./,
    );
  });

  it("sends only what changed, with the version it started from", async () => {
    const user = userEvent.setup();
    const api = new MemoryApi();
    const actor = api.seed("actor", {
      name: "BBS Osterode",
      kind: "vocational_school",
      email: "info@bbs.example",
    });
    renderApp(`/actors/${actor.id}/edit`, { api });
    const name = await screen.findByLabelText(/Name des Akteurs/);
    await user.clear(name);
    await user.type(name, "BBS I Osterode");
    await user.clear(screen.getByLabelText(/E-Mail/));
    await user.click(screen.getByRole("button", { name: "Speichern" }));
    await screen.findByRole("heading", { level: 1, name: "BBS I Osterode" });
    expect(api.callsOf("update")).toEqual([
      expect.objectContaining({ id: actor.id, version: 1, body: { name: "BBS I Osterode", email: null } }),
    ]);
    const history = screen.getByRole("region", { name: "Änderungsverlauf" });
    const change = await within(history).findByRole("row", { name: /Name des Akteurs/ });
    expect(change).toHaveTextContent("BBS OsterodeBBS I Osterode");
    expect(within(history).getByText("Geändert")).toBeInTheDocument();
  });

  it("on a stale edit shows the other person's change and saves mine on top when asked", async () => {
    const user = userEvent.setup();
    const api = new MemoryApi();
    const actor = api.seed("actor", { name: "IHK", kind: "chamber" });
    renderApp(`/actors/${actor.id}/edit`, { api });
    const shortName = await screen.findByLabelText(/Kurzname/);
    api.changeBehindTheBack(actor.id, { email: "kontakt@ihk.example" });
    await user.type(shortName, "IHK H-H");
    await user.click(screen.getByRole("button", { name: "Speichern" }));
    const panel = await screen.findByRole("region", { name: /Jemand anderes hat diesen Datensatz/ });
    const emailRow = within(panel).getByRole("row", { name: /E-Mail/ });
    expect(emailRow).toHaveTextContent("kontakt@ihk.example");
    expect(within(panel).getByRole("row", { name: /Kurzname/ })).toHaveTextContent("IHK H-H");
    expect(api.all("actor")[0]?.shortName).toBeUndefined();
    await user.click(within(panel).getByRole("button", { name: "Meine Änderungen trotzdem speichern" }));
    await screen.findByRole("heading", { level: 1, name: "IHK" });
    expect(api.all("actor")[0]).toMatchObject({
      shortName: "IHK H-H",
      email: "kontakt@ihk.example",
      version: 3,
    });
    expect(api.callsOf("update").map((c) => [c.version, c.body])).toEqual([
      [1, { shortName: "IHK H-H" }],
      [2, { shortName: "IHK H-H" }],
    ]);
  });

  it("on a stale edit can load the current version instead, losing nothing silently", async () => {
    const user = userEvent.setup();
    const api = new MemoryApi();
    const actor = api.seed("actor", { name: "IHK", kind: "chamber" });
    renderApp(`/actors/${actor.id}/edit`, { api });
    const name = await screen.findByLabelText(/Name des Akteurs/);
    api.changeBehindTheBack(actor.id, { name: "IHK Hannover" });
    await user.clear(name);
    await user.type(name, "IHK Braunschweig");
    await user.click(screen.getByRole("button", { name: "Speichern" }));
    const panel = await screen.findByRole("region", { name: /Jemand anderes/ });
    expect(within(panel).getByRole("row", { name: /Name des Akteurs/ })).toHaveTextContent(
      /IHK Hannover.*IHK Braunschweig/,
    );
    await user.click(within(panel).getByRole("button", { name: "Aktuellen Stand laden" }));
    expect(screen.queryByRole("region", { name: /Jemand anderes/ })).not.toBeInTheDocument();
    expect(screen.getByLabelText(/Name des Akteurs/)).toHaveValue("IHK Hannover");
    await user.click(screen.getByRole("button", { name: "Speichern" }));
    await screen.findByRole("heading", { level: 1, name: "IHK Hannover" });
    expect(api.callsOf("update")).toHaveLength(1);
  });

  it("validates a measure with the domain's cross-field rules", async () => {
    const user = userEvent.setup();
    const api = new MemoryApi();
    api.seed("actor", { name: "BBS", kind: "vocational_school" });
    renderApp("/measures/new", { api });
    await user.type(await screen.findByLabelText(/Titel der Maßnahme/), "Praxistag");
    await waitFor(() => expect(screen.getByRole("option", { name: "BBS" })).toBeInTheDocument());
    await user.selectOptions(screen.getByLabelText(/Träger/), "BBS");
    await user.selectOptions(screen.getByLabelText(/^Kategorie/), "internship");
    const grades = screen.getByRole("group", { name: "Klassenstufen" });
    await user.type(within(grades).getByLabelText("von"), "10");
    await user.type(within(grades).getByLabelText("bis"), "8");
    await user.type(screen.getByLabelText(/^Von/), "2026-08-01");
    await user.type(screen.getByLabelText(/^Bis/), "2026-07-01");
    await user.click(screen.getByRole("button", { name: "Anlegen" }));
    expect(within(grades).getByLabelText("bis")).toHaveAccessibleDescription(
      /Der Mindestwert liegt über dem Höchstwert\./,
    );
    expect(screen.getByLabelText(/^Bis/)).toHaveAccessibleDescription(/Das Ende liegt vor dem Beginn\./);
    expect(api.callsOf("create")).toHaveLength(0);
  });
});
