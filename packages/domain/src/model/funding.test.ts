import { describe, expect, it } from "vitest";
import { created, expectIssue, tryCreate } from "../../test/fixtures.js";

describe("FundingProgramme", () => {
  it("refuses an end before the start", () => {
    expectIssue(
      tryCreate("fundingProgramme", { from: "2014-01-01", to: "2013-12-31" }),
      "to",
      "end_before_start",
    );
  });

  it("refuses a malformed link and blank rules", () => {
    expectIssue(tryCreate("fundingProgramme", { url: "programm" }), "url", "invalid_format");
    expectIssue(tryCreate("fundingProgramme", { url: "javascript:alert(1)" }), "url", "invalid_format");
    expectIssue(tryCreate("fundingProgramme", { rules: [" "] }), "rules.0", "too_small");
  });

  it("has no rules and is not illustrative by default", () => {
    expect(created("fundingProgramme")).toMatchObject({ rules: [], illustrative: false });
  });
});
