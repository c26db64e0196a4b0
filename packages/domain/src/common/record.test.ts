import { describe, expect, it } from "vitest";
import { z } from "zod";
import { activeOn, applyPatch, Illustrative, IsoDate, IsoDateTime, Name, Period, patchOf } from "./record.js";
import { validate } from "./validation.js";

describe("patchOf", () => {
  const Fields = z.strictObject({
    name: z.string().min(1),
    note: z.string().optional(),
    tags: z.array(z.string()).default([]),
    flag: z.boolean().default(false),
  });
  const Patch = patchOf(Fields, "SamplePatch");

  it("makes every field optional", () => {
    expect(Patch.parse({})).toEqual({});
  });

  it("lets only optional fields be cleared with null", () => {
    expect(Patch.parse({ note: null })).toEqual({ note: null });
    expect(Patch.safeParse({ name: null }).success).toBe(false);
    expect(Patch.safeParse({ tags: null }).success).toBe(false);
  });

  it("does not apply defaults", () => {
    expect(Patch.parse({ name: "x" })).toEqual({ name: "x" });
  });

  it("keeps the fields' own checks and refuses unknown fields", () => {
    expect(Patch.safeParse({ name: "" }).success).toBe(false);
    expect(Patch.safeParse({ other: 1 }).success).toBe(false);
  });

  it("names the schema", () => {
    expect(z.globalRegistry.get(Patch)?.id).toBe("SamplePatch");
  });
});

describe("applyPatch", () => {
  const record = { a: 1, b: "x", c: [1] };

  it("replaces given fields, removes null ones and ignores undefined ones", () => {
    expect(applyPatch(record, { a: 2, b: null, c: undefined })).toEqual({ a: 2, c: [1] });
  });

  it("leaves the original untouched", () => {
    applyPatch(record, { a: 2 });
    expect(record).toEqual({ a: 1, b: "x", c: [1] });
  });

  it("adds fields that were absent", () => {
    expect(applyPatch({ a: 1 } as { a: number; d?: string }, { d: "new" })).toEqual({ a: 1, d: "new" });
  });
});

describe("Period", () => {
  it("accepts an open or closed period and refuses an end before the start", () => {
    expect(Period.safeParse({ from: "2013-01-01" }).success).toBe(true);
    expect(Period.safeParse({ from: "2013-01-01", to: "2013-01-01" }).success).toBe(true);
    const result = validate(Period, { from: "2013-01-02", to: "2013-01-01" });
    expect(!result.ok && result.error.details?.[0]?.code).toBe("end_before_start");
    expect(!result.ok && result.error.details?.[0]?.path).toBe("to");
  });
});

describe("activeOn", () => {
  it("is inclusive at both ends and open without them", () => {
    const period = { from: "2020-01-01", to: "2020-12-31" };
    expect(activeOn(period, "2020-01-01")).toBe(true);
    expect(activeOn(period, "2020-12-31")).toBe(true);
    expect(activeOn(period, "2019-12-31")).toBe(false);
    expect(activeOn(period, "2021-01-01")).toBe(false);
    expect(activeOn({}, "1900-01-01")).toBe(true);
    expect(activeOn({ from: "2020-01-01" }, "2999-01-01")).toBe(true);
  });
});

describe("wire formats", () => {
  it("accepts calendar dates only", () => {
    expect(IsoDate.safeParse("2016-11-01").success).toBe(true);
    expect(IsoDate.safeParse("2016-02-29").success).toBe(true);
    expect(IsoDate.safeParse("2015-02-29").success).toBe(false);
    expect(IsoDate.safeParse("01.11.2016").success).toBe(false);
  });

  it("needs an offset on points in time", () => {
    expect(IsoDateTime.safeParse("2016-11-01T10:00:00Z").success).toBe(true);
    expect(IsoDateTime.safeParse("2016-11-01T10:00:00+01:00").success).toBe(true);
    expect(IsoDateTime.safeParse("2016-11-01T10:00:00").success).toBe(false);
  });

  it("trims names and bounds their length", () => {
    expect(Name.parse("  Beirat ")).toBe("Beirat");
    expect(Name.safeParse("x".repeat(301)).success).toBe(false);
  });

  it("marks nothing illustrative unless said", () => {
    expect(Illustrative.parse(undefined)).toBe(false);
  });
});
