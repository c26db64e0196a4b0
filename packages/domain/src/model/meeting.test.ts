import { describe, expect, it } from "vitest";
import { created, expectIssue, ids, later, richCreate, tryCreate } from "../../test/fixtures.js";
import { updateRecord } from "./entities.js";

const rich = richCreate.meeting;

describe("Meeting times", () => {
  it("refuses an end before the start", () => {
    expectIssue(tryCreate("meeting", { end: "2024-03-12T13:00:00+01:00" }), "end", "end_before_start");
  });

  it("compares instants, not strings, across offsets", () => {
    // 13:30 UTC is 14:30 in the start's offset: after the start, although the string is smaller.
    expect(tryCreate("meeting", { end: "2024-03-12T13:30:00Z" }).ok).toBe(true);
    expectIssue(tryCreate("meeting", { end: "2024-03-12T12:30:00Z" }), "end", "end_before_start");
  });

  it("needs an offset on its times", () => {
    expectIssue(tryCreate("meeting", { start: "2024-03-12T14:00:00" }), "start", "invalid_format");
    expectIssue(tryCreate("meeting", { start: "2024-03-12" }), "start", "invalid_format");
  });
});

describe("Meeting attendance", () => {
  it("needs a stand-in for a represented member", () => {
    const attendance = [{ contactId: ids.contact, status: "represented" }];
    expectIssue(
      tryCreate("meeting", { attendance }),
      "attendance.0.representedByContactId",
      "represented_without_proxy",
    );
  });

  it("refuses a stand-in for a member who was not represented", () => {
    const attendance = [{ contactId: ids.contact, status: "excused", representedByContactId: ids.contact2 }];
    expectIssue(
      tryCreate("meeting", { attendance }),
      "attendance.0.representedByContactId",
      "proxy_without_representation",
    );
  });

  it("lists each person once", () => {
    const attendance = [
      { contactId: ids.contact, status: "present" },
      { contactId: ids.contact, status: "absent" },
    ];
    expectIssue(tryCreate("meeting", { attendance }), "attendance.1.contactId", "duplicate_value");
  });
});

describe("Meeting decisions and action items", () => {
  it("needs a completion date for a done action item", () => {
    const actionItems = [{ id: ids.actionItem, title: "Versenden", status: "done" }];
    expectIssue(tryCreate("meeting", { actionItems }), "actionItems.0.doneOn", "done_without_date");
  });

  it("opens action items by default", () => {
    const meeting = created("meeting", {
      ...rich,
      actionItems: [{ id: ids.actionItem, title: "Versenden" }],
    });
    expect(meeting.actionItems[0]?.status).toBe("open");
  });

  it("refuses a decision on an agenda item the meeting does not have", () => {
    const decisions = [{ id: ids.decision, agendaItemId: "agi_999999999999", text: "Zugestimmt." }];
    const issue = expectIssue(
      tryCreate("meeting", { ...rich, decisions, actionItems: [] }),
      "decisions.0.agendaItemId",
      "unknown_reference",
    );
    expect(issue.messages.de).toContain("agi_999999999999");
  });

  it("refuses an action item on a decision the meeting does not have", () => {
    const actionItems = [{ id: ids.actionItem, title: "Versenden", decisionId: "dec_999999999999" }];
    expectIssue(
      tryCreate("meeting", { ...rich, actionItems }),
      "actionItems.0.decisionId",
      "unknown_reference",
    );
  });

  it("refuses duplicate ids inside the meeting", () => {
    const agenda = [rich.agenda?.[0], { ...rich.agenda?.[0], title: "Noch einmal" }];
    expectIssue(tryCreate("meeting", { ...rich, agenda }), "agenda.1.id", "duplicate_value");
    const decisions = [rich.decisions?.[0], rich.decisions?.[0]];
    expectIssue(tryCreate("meeting", { ...rich, decisions }), "decisions.1.id", "duplicate_value");
    const actionItems = [rich.actionItems?.[0], rich.actionItems?.[0]];
    expectIssue(tryCreate("meeting", { ...rich, actionItems }), "actionItems.1.id", "duplicate_value");
  });

  it("refuses ids of the wrong kind inside the meeting", () => {
    const agenda = [{ id: ids.decision, number: "1", title: "Begrüßung" }];
    expectIssue(tryCreate("meeting", { agenda }), "agenda.0.id", "invalid_format");
  });

  it("refuses a patch that removes an agenda item a decision refers to", () => {
    const meeting = created("meeting", rich);
    expectIssue(
      updateRecord("meeting", meeting, { agenda: [] }, later),
      "decisions.0.agendaItemId",
      "unknown_reference",
    );
  });

  it("accepts minutes and decisions added by a patch", () => {
    const meeting = created("meeting");
    const result = updateRecord(
      "meeting",
      meeting,
      {
        status: "held",
        agenda: rich.agenda,
        decisions: [{ id: ids.decision, agendaItemId: ids.agendaItem, text: "Zugestimmt." }],
        minutes: "Protokoll",
      },
      later,
    );
    expect(result.ok && result.value.decisions).toHaveLength(1);
  });
});
