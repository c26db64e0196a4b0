import { describe, expect, it } from "vitest";
import { created, expectIssue, ids, later, richCreate, tryCreate } from "../../test/fixtures.js";
import { messages } from "../common/messages.js";
import { updateRecord } from "./entities.js";
import { IntRange } from "./measure.js";

describe("Measure ranges", () => {
  it.each(["grades", "ages"])("refuses %s whose minimum is above the maximum", (field) => {
    const issue = expectIssue(
      tryCreate("measure", { [field]: { min: 10, max: 8 } }),
      `${field}.max`,
      "min_above_max",
    );
    expect(issue.messages).toEqual(messages.min_above_max({}));
  });

  it("accepts a range of one value", () => {
    expect(tryCreate("measure", { grades: { min: 9, max: 9 } }).ok).toBe(true);
  });

  it("keeps ranges within 0–99 whole numbers", () => {
    expect(IntRange.safeParse({ min: 0, max: 99 }).success).toBe(true);
    expectIssue(tryCreate("measure", { ages: { min: 15, max: 100 } }), "ages.max", "too_big");
    expectIssue(tryCreate("measure", { ages: { min: 15.5, max: 20 } }), "ages.min", "invalid_type");
  });
});

describe("Measure lists", () => {
  it("refuses a target group named twice", () => {
    const targetGroups = ["applicants", "neet", "applicants"];
    expectIssue(tryCreate("measure", { targetGroups }), "targetGroups.2", "duplicate_value");
  });

  it("refuses a municipality served twice and malformed municipality keys", () => {
    expectIssue(
      tryCreate("measure", { areaServed: ["03156012", "03156012"] }),
      "areaServed.1",
      "duplicate_value",
    );
    expectIssue(tryCreate("measure", { areaServed: ["3156012"] }), "areaServed.0", "invalid_format");
  });

  it("refuses an unknown target group", () => {
    expectIssue(tryCreate("measure", { targetGroups: ["everyone"] }), "targetGroups.0", "invalid_value");
  });
});

describe("Measure period and defaults", () => {
  it("refuses an end before the start", () => {
    expectIssue(tryCreate("measure", { to: "2024-07-31" }), "to", "end_before_start");
  });

  it("is planned, not public and serves the whole region by default", () => {
    expect(created("measure")).toMatchObject({
      status: "planned",
      public: false,
      areaServed: [],
      funding: [],
    });
  });

  it("refuses negative places and amounts", () => {
    expectIssue(tryCreate("measure", { places: -1 }), "places", "too_small");
    expectIssue(tryCreate("measure", { funding: [{ amountEur: -5 }] }), "funding.0.amountEur", "too_small");
  });

  it("refuses a patch that makes a range upside down", () => {
    const measure = created("measure", richCreate.measure);
    expectIssue(
      updateRecord("measure", measure, { grades: { min: 10, max: 5 } }, later),
      "grades.max",
      "min_above_max",
    );
    const cleared = updateRecord("measure", measure, { grades: null }, later);
    expect(cleared.ok && "grades" in cleared.value).toBe(false);
  });
});

describe("OverlapReview", () => {
  it("reviews exactly two measures with their versions", () => {
    expectIssue(tryCreate("overlapReview", { measureIds: [ids.measure] }), "measureIds", "too_small");
    expectIssue(tryCreate("overlapReview", { measureVersions: [1, 1, 1] }), "measureVersions", "too_big");
    expectIssue(tryCreate("overlapReview", { measureVersions: [0, 1] }), "measureVersions.0", "too_small");
  });

  it("needs a review time with offset", () => {
    expectIssue(tryCreate("overlapReview", { reviewedAt: "2024-04-02" }), "reviewedAt", "invalid_format");
  });
});
