import { describe, expect, it } from "vitest";
import { created, expectIssue, ids, later, richCreate, tryCreate } from "../../test/fixtures.js";
import { messages } from "../common/messages.js";
import { updateRecord } from "./entities.js";

const ifc = richCreate.standard.interfaces?.[0] as object;

describe("Standard interfaces", () => {
  it.each(["from", "to"])("needs a %s side with an actor kind or an actor", (side) => {
    const issue = expectIssue(
      tryCreate("standard", { interfaces: [{ ...ifc, [side]: {} }] }),
      `interfaces.0.${side}`,
      "interface_without_parties",
    );
    expect(issue.messages).toEqual(messages.interface_without_parties({}));
  });

  it("accepts an actor instead of an actor kind", () => {
    expect(tryCreate("standard", { interfaces: [{ ...ifc, from: { actorId: ids.actor } }] }).ok).toBe(true);
  });

  it("refuses an interface id used twice", () => {
    expectIssue(tryCreate("standard", { interfaces: [ifc, ifc] }), "interfaces.1.id", "duplicate_value");
  });

  it("needs what is handed over and when", () => {
    expectIssue(
      tryCreate("standard", { interfaces: [{ ...ifc, handover: " " }] }),
      "interfaces.0.handover",
      "too_small",
    );
    expectIssue(
      tryCreate("standard", { interfaces: [{ ...ifc, trigger: undefined }] }),
      "interfaces.0.trigger",
      "invalid_type",
    );
  });
});

describe("Standard adoption and reviews", () => {
  it("records each actor's adoption once", () => {
    const adoptions = [
      { actorId: ids.actor, status: "adopted" },
      { actorId: ids.actor, status: "implemented" },
    ];
    expectIssue(tryCreate("standard", { adoptions }), "adoptions.1.actorId", "duplicate_value");
  });

  it("refuses an unknown effectiveness result", () => {
    const reviews = [{ date: "2016-03-01", result: "great", findings: "Gut." }];
    expectIssue(tryCreate("standard", { reviews }), "reviews.0.result", "invalid_value");
  });

  it("starts as a draft of revision 1.0, reviewed every 24 months", () => {
    expect(created("standard")).toMatchObject({ status: "draft", revision: "1.0", reviewIntervalMonths: 24 });
    expectIssue(tryCreate("standard", { reviewIntervalMonths: 0 }), "reviewIntervalMonths", "too_small");
  });

  it("refuses a patch that adds a second adoption by the same actor", () => {
    const standard = created("standard", richCreate.standard);
    const adoptions = [...standard.adoptions, { actorId: ids.actor, status: "declined" }];
    expectIssue(
      updateRecord("standard", standard, { adoptions }, later),
      "adoptions.1.actorId",
      "duplicate_value",
    );
  });
});

describe("Guide", () => {
  it("numbers each section once", () => {
    const sections = [
      { number: "1", title: "Einleitung" },
      { number: "1", title: "Noch eine Einleitung" },
    ];
    expectIssue(tryCreate("guide", { sections }), "sections.1.number", "duplicate_value");
  });

  it("gives sections an empty body and no standards by default", () => {
    const guide = created("guide", { title: "Leitfaden", sections: [{ number: "1", title: "Einleitung" }] });
    expect(guide.sections[0]).toEqual({ number: "1", title: "Einleitung", body: "", standardIds: [] });
  });

  it("refers to standards by their ids", () => {
    const sections = [{ number: "1", title: "Einleitung", standardIds: [ids.guide] }];
    expectIssue(tryCreate("guide", { sections }), "sections.0.standardIds.0", "invalid_format");
  });
});
