import { describe, expect, it } from "vitest";
import { created, expectIssue, tryCreate } from "../../test/fixtures.js";

describe("Indicator", () => {
  it("is yearly by default", () => {
    expect(created("indicator").frequency).toBe("yearly");
  });

  it("needs a code and a source", () => {
    expectIssue(tryCreate("indicator", { code: "" }), "code", "too_small");
    expectIssue(tryCreate("indicator", { source: undefined }), "source", "invalid_type");
  });

  it("refuses an unknown iABE sector", () => {
    expectIssue(tryCreate("indicator", { iabeSector: "V" }), "iabeSector", "invalid_value");
  });
});

describe("Observation", () => {
  it("accepts a district key or a municipality key as the area", () => {
    expect(tryCreate("observation", { areaKey: "03156" }).ok).toBe(true);
    expect(tryCreate("observation", { areaKey: "03156012" }).ok).toBe(true);
    expectIssue(tryCreate("observation", { areaKey: "031560" }), "areaKey", "invalid_format");
  });

  it("needs a calendar date and a finite number", () => {
    expectIssue(tryCreate("observation", { date: "2023-02-30" }), "date", "invalid_format");
    expectIssue(tryCreate("observation", { value: Number.NaN }), "value", "invalid_type");
    expectIssue(tryCreate("observation", { value: "6,4" }), "value", "invalid_type");
  });

  it("is final unless marked provisional", () => {
    expect(created("observation").provisional).toBe(false);
  });
});
