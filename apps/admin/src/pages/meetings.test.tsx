import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { MemoryApi } from "../../test/memory-api.js";
import { renderApp } from "../../test/render.js";

function network() {
  const api = new MemoryApi();
  const jobcenter = api.seed("actor", { name: "Jobcenter", kind: "job_centre" });
  const ihk = api.seed("actor", { name: "IHK", kind: "chamber" });
  const anna = api.seed("contact", { givenName: "Anna", familyName: "Arndt" });
  const bernd = api.seed("contact", { givenName: "Bernd", familyName: "Brandt" });
  const clara = api.seed("contact", { givenName: "Clara", familyName: "Conrad" });
  const body = api.seed("body", {
    name: "Steuerungsgruppe",
    kind: "steering_group",
    decisionAuthority: "decides",
    targetMeetingsPerYear: 2,
  });
  api.seed("membership", {
    bodyId: body.id,
    contactId: anna.id,
    actorId: jobcenter.id,
    role: "chair",
    from: "2024-01-01",
  });
  api.seed("membership", {
    bodyId: body.id,
    contactId: bernd.id,
    actorId: ihk.id,
    role: "member",
    from: "2024-01-01",
  });
  const meeting = api.seed("meeting", {
    bodyId: body.id,
    title: "1. Sitzung 2026",
    start: "2026-03-10T09:00:00.000Z",
  });
  return { api, anna, bernd, clara, body, meeting, jobcenter };
}

describe("meetings", () => {
  it("takes attendance with a few clicks and checks stand-ins with the domain's rules", async () => {
    const user = userEvent.setup();
    const { api, meeting, clara, anna, bernd } = network();
    renderApp(`/meetings/${meeting.id}`, { api });
    const section = await screen.findByRole("region", { name: "Anwesenheit" });
    const annaGroup = await within(section).findByRole("group", { name: /Anna Arndt/ });
    const berndGroup = within(section).getByRole("group", { name: /Bernd Brandt/ });
    await user.click(within(berndGroup).getByRole("radio", { name: "Vertreten" }));
    await user.click(within(section).getByRole("button", { name: "Alle übrigen als anwesend markieren" }));
    expect(within(annaGroup).getByRole("radio", { name: "Anwesend" })).toBeChecked();
    await user.click(within(section).getByRole("button", { name: "Anwesenheit speichern" }));
    expect(await within(section).findByRole("alert")).toHaveTextContent(
      "Bei Vertretung muss angegeben sein, wer vertreten hat.",
    );
    expect(api.callsOf("update", "meeting")).toHaveLength(0);
    await user.selectOptions(within(berndGroup).getByLabelText(/Vertreten durch/), "Clara Conrad");
    await user.click(within(section).getByRole("button", { name: "Anwesenheit speichern" }));
    await waitFor(() => expect(api.callsOf("update", "meeting")).toHaveLength(1));
    const saved = api.all("meeting")[0];
    expect(saved?.attendance).toEqual([
      expect.objectContaining({
        contactId: bernd.id,
        status: "represented",
        representedByContactId: clara.id,
      }),
      expect.objectContaining({ contactId: anna.id, status: "present" }),
    ]);
  });

  it("records a decision and an action item with owner and due date, listed as open across meetings", async () => {
    const user = userEvent.setup();
    const { api, meeting, jobcenter } = network();
    const { router } = renderApp(`/meetings/${meeting.id}`, { api });
    const decisions = await screen.findByRole("region", { name: "Beschlüsse" });
    await user.click(within(decisions).getByRole("button", { name: "Beschluss hinzufügen" }));
    await user.type(
      within(decisions).getByLabelText(/Wortlaut/),
      "Die Steuerungsgruppe beschließt den Praxistag.",
    );
    await user.click(within(decisions).getByRole("button", { name: "Beschlüsse speichern" }));
    await waitFor(() => expect(api.all("meeting")[0]?.decisions).toHaveLength(1));

    const actions = screen.getByRole("region", { name: "Aufgaben" });
    await user.click(within(actions).getByRole("button", { name: "Aufgabe hinzufügen" }));
    await user.type(within(actions).getByLabelText(/^Aufgabe/), "Konzept vorlegen");
    await user.selectOptions(within(actions).getByLabelText("Verantwortliche Person"), "Anna Arndt");
    await user.selectOptions(within(actions).getByLabelText("Verantwortlicher Akteur"), jobcenter.id);
    await user.type(within(actions).getByLabelText("Fällig am"), "2026-04-30");
    await user.selectOptions(within(actions).getByLabelText("Status"), "Erledigt");
    await user.click(within(actions).getByRole("button", { name: "Aufgaben speichern" }));
    expect(await within(actions).findByLabelText(/Erledigt am/)).toHaveAccessibleDescription(
      /Eine erledigte Aufgabe braucht ein Erledigungsdatum\./,
    );
    await user.selectOptions(within(actions).getByLabelText("Status"), "In Arbeit");
    await user.click(within(actions).getByRole("button", { name: "Aufgaben speichern" }));
    await waitFor(() => expect(api.all("meeting")[0]?.actionItems).toHaveLength(1));
    const saved = api.all("meeting")[0];
    expect(saved?.actionItems).toEqual([
      expect.objectContaining({
        title: "Konzept vorlegen",
        due: "2026-04-30",
        status: "in_progress",
        ownerActorId: jobcenter.id,
        decisionId: (saved?.decisions as { id: string }[])[0]?.id,
      }),
    ]);

    await user.click(screen.getByRole("link", { name: "Offene Aufgaben" }));
    await waitFor(() => expect(router.state.location.pathname).toBe("/action-items"));
    const row = await screen.findByRole("row", { name: /Konzept vorlegen/ });
    expect(row).toHaveTextContent("Anna Arndt, Jobcenter");
    expect(row).toHaveTextContent("In Arbeit");
    expect(within(row).getByRole("link", { name: /1\. Sitzung 2026/ })).toBeInTheDocument();
  });

  it("plans a meeting for a body with an agenda", async () => {
    const user = userEvent.setup();
    const { api, body } = network();
    renderApp(`/meetings/new?bodyId=${body.id}`, { api });
    expect(await screen.findByLabelText(/^Gremium/)).toHaveValue(body.id);
    await user.type(screen.getByLabelText(/Titel der Sitzung/), "2. Sitzung 2026");
    await user.type(screen.getByLabelText(/^Beginn/), "2026-10-01T10:00");
    await user.click(screen.getByRole("button", { name: "Anlegen" }));
    const agenda = await screen.findByRole("region", { name: "Tagesordnung" });
    await user.click(within(agenda).getByRole("button", { name: "Tagesordnungspunkt hinzufügen" }));
    await user.type(within(agenda).getByLabelText(/Thema/), "Bericht der Koordinierungsstelle");
    await user.click(within(agenda).getByRole("button", { name: "Tagesordnung speichern" }));
    await waitFor(() =>
      expect(api.all("meeting").find((m) => m.title === "2. Sitzung 2026")?.agenda).toEqual([
        expect.objectContaining({ number: "1", title: "Bericht der Koordinierungsstelle" }),
      ]),
    );
  });
});
