import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { MemoryApi } from "../../test/memory-api.js";
import { renderApp } from "../../test/render.js";
import { ApiError } from "../api/problem.js";

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

describe("the meeting's papers", () => {
  it("fetches the minutes and the calendar event in the page's language and offers them as files", async () => {
    const user = userEvent.setup();
    const { api, meeting } = network();
    const createObjectURL = vi.spyOn(URL, "createObjectURL").mockReturnValue("blob:paper");
    const revokeObjectURL = vi.spyOn(URL, "revokeObjectURL").mockImplementation(() => undefined);
    try {
      renderApp(`/meetings/${meeting.id}`, { api });
      const papers = await screen.findByRole("region", { name: "Sitzungsunterlagen" });
      await user.click(within(papers).getByRole("button", { name: "Protokoll als PDF" }));
      expect(
        await within(papers).findByText("„Protokoll-2026-03-10.pdf“ ist heruntergeladen."),
      ).toBeInTheDocument();
      await user.click(within(papers).getByRole("button", { name: "Termin für den Kalender (.ics)" }));
      expect(
        await within(papers).findByText("„Sitzung-2026-03-10.ics“ ist heruntergeladen."),
      ).toBeInTheDocument();
      expect(api.callsOf("meetingPaper").map((c) => [c.id, c.body])).toEqual([
        [meeting.id, { paper: "minutes.pdf", lang: "de" }],
        [meeting.id, { paper: "invitation.ics", lang: "de" }],
      ]);
      expect(createObjectURL).toHaveBeenCalledTimes(2);
    } finally {
      createObjectURL.mockRestore();
      revokeObjectURL.mockRestore();
    }
  });

  it("says why when the server cannot make a paper", async () => {
    const user = userEvent.setup();
    const { api, meeting } = network();
    api.meetingPaper = async () => {
      throw new ApiError("http", { status: 404, title: "Nicht gefunden." });
    };
    renderApp(`/meetings/${meeting.id}`, { api });
    const papers = await screen.findByRole("region", { name: "Sitzungsunterlagen" });
    await user.click(within(papers).getByRole("button", { name: "Einladung als PDF" }));
    expect(await within(papers).findByRole("alert")).toHaveTextContent("Nicht gefunden.");
  });
});
