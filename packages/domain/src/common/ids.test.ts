import { describe, expect, it } from "vitest";
import { z } from "zod";
import { idExample, idSchema, newId } from "./ids.js";

describe("idSchema", () => {
  const SampleId = idSchema("smp", "SampleId");

  it("accepts the prefix and twelve base62 characters", () => {
    expect(SampleId.safeParse("smp_0123456789aB").success).toBe(true);
    for (const bad of [
      "smp_0123456789a",
      "smp_0123456789abc",
      "xyz_0123456789ab",
      "smp-0123456789ab",
      "smp_0123456789a_",
    ]) {
      expect(SampleId.safeParse(bad).success, bad).toBe(false);
    }
  });

  it("names the schema and gives an example", () => {
    expect(z.globalRegistry.get(SampleId)).toMatchObject({ id: "SampleId", examples: ["smp_000000000000"] });
  });

  it("knows an example for its pattern, and none for others", () => {
    expect(idExample(String(/^smp_[0-9A-Za-z]{12}$/))).toBe("smp_0123456789ab");
    expect(idExample(String(/^\d{5}$/))).toBeUndefined();
    expect(idExample(undefined)).toBeUndefined();
  });
});

describe("newId", () => {
  it("makes ids the schema accepts", () => {
    const SampleId = idSchema("new", "NewSampleId");
    for (let i = 0; i < 200; i++) expect(SampleId.safeParse(newId("new")).success).toBe(true);
  });

  it("does not repeat itself", () => {
    const made = new Set(Array.from({ length: 1000 }, () => newId("act")));
    expect(made.size).toBe(1000);
  });
});
