import { describe, expect, it } from "vitest";
import { created, expectIssue, ids, later, richCreate, tryCreate } from "../../test/fixtures.js";
import { updateRecord } from "./entities.js";

describe("Goal", () => {
  it("needs a deadline and an indicator for a target", () => {
    const result = tryCreate("goal", { target: 4 });
    expectIssue(result, "deadline", "target_without_deadline");
    expectIssue(result, "indicatorId", "target_without_indicator");
    expectIssue(
      tryCreate("goal", { target: 4, indicatorId: ids.indicator }),
      "deadline",
      "target_without_deadline",
    );
    expectIssue(
      tryCreate("goal", { target: 4, deadline: "2030-01-01" }),
      "indicatorId",
      "target_without_indicator",
    );
  });

  it("treats a target of zero as a target", () => {
    expectIssue(tryCreate("goal", { target: 0 }), "deadline", "target_without_deadline");
  });

  it("refuses a baseline equal to the target", () => {
    expectIssue(
      tryCreate("goal", { ...richCreate.goal, baseline: { value: 4 }, target: 4 }),
      "target",
      "baseline_equals_target",
    );
    expect(tryCreate("goal", { ...richCreate.goal, baseline: { value: 0 }, target: 4 }).ok).toBe(true);
  });

  it("may have a deadline and indicator without a target", () => {
    expect(tryCreate("goal", { deadline: "2030-01-01", indicatorId: ids.indicator }).ok).toBe(true);
  });

  it("needs a positive weight and defaults it to 1", () => {
    expectIssue(tryCreate("goal", { weight: 0 }), "weight", "too_small");
    expect(created("goal").weight).toBe(1);
    expect(created("goal").state).toBe("active");
  });

  it("refuses a patch that removes the deadline of a target", () => {
    const goal = created("goal", richCreate.goal);
    expectIssue(updateRecord("goal", goal, { deadline: null }, later), "deadline", "target_without_deadline");
    const noTarget = updateRecord("goal", goal, { deadline: null, target: null }, later);
    expect(noTarget.ok && "target" in noTarget.value).toBe(false);
  });

  it("refuses a patch that sets the target to the baseline", () => {
    const goal = created("goal", richCreate.goal);
    expectIssue(updateRecord("goal", goal, { target: 8 }, later), "target", "baseline_equals_target");
  });
});
