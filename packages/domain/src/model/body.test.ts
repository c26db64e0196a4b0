import { describe, expect, it } from "vitest";
import { created, expectIssue, later, richCreate, tryCreate } from "../../test/fixtures.js";
import { updateRecord } from "./entities.js";

describe("Body", () => {
  it("refuses an end before the start", () => {
    expectIssue(tryCreate("body", { from: "2016-01-01", to: "2015-12-31" }), "to", "end_before_start");
  });

  it("meets at most weekly", () => {
    expectIssue(tryCreate("body", { targetMeetingsPerYear: 53 }), "targetMeetingsPerYear", "too_big");
    expectIssue(tryCreate("body", { targetMeetingsPerYear: -1 }), "targetMeetingsPerYear", "too_small");
    expect(tryCreate("body", { targetMeetingsPerYear: 0.5 }).ok).toBe(true);
  });

  it("refuses a patch that ends the body before it began", () => {
    const body = created("body", richCreate.body);
    expectIssue(updateRecord("body", body, { to: "2011-12-31" }, later), "to", "end_before_start");
  });
});

describe("Seat", () => {
  it("has a vote and one deputy by default", () => {
    expect(created("seat")).toMatchObject({ votingRight: true, deputiesAllowed: 1 });
  });

  it("refuses an end before the start and too many deputies", () => {
    expectIssue(tryCreate("seat", { from: "2016-01-01", to: "2015-01-01" }), "to", "end_before_start");
    expectIssue(tryCreate("seat", { deputiesAllowed: 11 }), "deputiesAllowed", "too_big");
  });
});

describe("Membership", () => {
  it("refuses an end before the start", () => {
    expectIssue(tryCreate("membership", { to: "2015-12-31" }), "to", "end_before_start");
  });

  it("keeps the voting right a patch leaves out", () => {
    const membership = created("membership", { ...richCreate.membership, votingRight: false });
    const next = updateRecord("membership", membership, { role: "member" }, later);
    expect(next.ok && next.value).toMatchObject({ role: "member", votingRight: false });
  });
});
