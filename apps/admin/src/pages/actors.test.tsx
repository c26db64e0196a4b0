import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { MemoryApi } from "../../test/memory-api.js";
import { renderApp } from "../../test/render.js";

describe("an actor's page", () => {
  it("adds a contact and hands them over to a successor without deleting anyone", async () => {
    const user = userEvent.setup();
    const api = new MemoryApi();
    const actor = api.seed("actor", { name: "BBS Osterode", kind: "vocational_school" });
    renderApp(`/actors/${actor.id}`, { api });
    const contacts = await screen.findByRole("region", { name: "Ansprechpersonen im Zeitverlauf" });

    await user.click(within(contacts).getByRole("button", { name: "Ansprechperson hinzufügen" }));
    await user.type(within(contacts).getByLabelText(/Vorname/), "Petra");
    await user.type(within(contacts).getByLabelText(/Nachname/), "Peters");
    await user.type(within(contacts).getByLabelText(/Funktion/), "Schulleitung");
    await user.selectOptions(within(contacts).getByLabelText(/Ebene/), "leadership");
    await user.clear(within(contacts).getByLabelText(/^Von/));
    await user.type(within(contacts).getByLabelText(/^Von/), "2019-08-01");
    await user.click(within(contacts).getByRole("button", { name: "Ansprechperson speichern" }));
    const row = await within(contacts).findByRole("row", { name: /Petra Peters/ });
    expect(row).toHaveTextContent("bis heute");

    await user.click(within(row).getByRole("button", { name: "Aufgabe von Petra Peters übergeben" }));
    const form = screen.getByRole("form", { name: /Übergabe: Petra Peters/ });
    await user.click(within(form).getByRole("button", { name: "Übergabe speichern" }));
    expect(within(form).getByLabelText(/Vorname/)).toHaveAccessibleDescription(/Pflichtangabe fehlt\./);
    await user.type(within(form).getByLabelText(/Vorname/), "Quentin");
    await user.type(within(form).getByLabelText(/Nachname/), "Quast");
    await user.clear(within(form).getByLabelText(/Übergabetag/));
    await user.type(within(form).getByLabelText(/Übergabetag/), "2026-02-01");
    await user.click(within(form).getByRole("button", { name: "Übergabe speichern" }));

    await waitFor(() => expect(api.all("affiliation")).toHaveLength(2));
    const petra = api.all("contact").find((c) => c.givenName === "Petra");
    const quentin = api.all("contact").find((c) => c.givenName === "Quentin");
    const ended = api.all("affiliation").find((a) => a.contactId === petra?.id);
    const started = api.all("affiliation").find((a) => a.contactId === quentin?.id);
    // The successor starts on the handover day; the predecessor's last day is the day before.
    expect(ended).toMatchObject({ to: "2026-01-31", endReason: "handover", successorContactId: quentin?.id });
    expect(started).toMatchObject({
      from: "2026-02-01",
      role: "Schulleitung",
      level: "leadership",
      actorId: actor.id,
    });
    // One command with the version the page showed, not three separate writes.
    expect(api.callsOf("handOver", "affiliation")).toHaveLength(1);
    expect(api.callsOf("handOver", "affiliation")[0]?.version).toBe(1);
    expect(api.callsOf("remove")).toHaveLength(0);
    const petraRow = await within(contacts).findByRole("row", { name: /Petra Peters/ });
    await waitFor(() => expect(petraRow).toHaveTextContent("Übergabe an Nachfolge → Quentin Quast"));
  });
});
