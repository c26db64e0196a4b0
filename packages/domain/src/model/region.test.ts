import { describe, expect, it } from "vitest";
import {
  created,
  expectIssue,
  ids,
  later,
  minimalCreate,
  now,
  richCreate,
  tryCreate,
} from "../../test/fixtures.js";
import { messages } from "../common/messages.js";
import { createRecord, updateRecord } from "./entities.js";
import { currentKey, populationDensity, type Region } from "./region.js";

describe("Region keys", () => {
  const valid = {
    ags: "03156012",
    ars: "031560012012",
    district_key: "03156",
    nuts: "DE91A",
    car_code: "OHA",
  } as const;
  const invalid = {
    ags: "0315601",
    ars: "03156001201",
    district_key: "3156",
    nuts: "de91a",
    car_code: "OHAX",
  } as const;

  it.each(Object.entries(valid))("accepts a well-formed %s key", (system, value) => {
    expect(tryCreate("region", { keys: [{ system, value }] }).ok).toBe(true);
  });

  it.each(Object.entries(invalid))("refuses a malformed %s key", (system, value) => {
    const issue = expectIssue(
      tryCreate("region", { keys: [{ system, value }] }),
      "keys.0.value",
      "invalid_key",
    );
    expect(issue.messages).toEqual(messages.invalid_key({ value, system }));
  });

  it("accepts umlauts in a vehicle registration code", () => {
    expect(tryCreate("region", { keys: [{ system: "car_code", value: "GÖ" }] }).ok).toBe(true);
  });

  it("refuses a key that ends before it starts", () => {
    const keys = [{ system: "car_code", value: "OHA", validFrom: "2017-01-01", validTo: "2016-10-31" }];
    expectIssue(tryCreate("region", { keys }), "keys.0.validTo", "end_before_start");
  });

  it("refuses an unknown key system", () => {
    expectIssue(
      tryCreate("region", { keys: [{ system: "plz", value: "37520" }] }),
      "keys.0.system",
      "invalid_value",
    );
  });
});

describe("Region rules", () => {
  it("needs a successor when merged", () => {
    expectIssue(tryCreate("region", { status: "merged" }), "successorId", "merged_without_successor");
    expect(tryCreate("region", { status: "merged", successorId: ids.successorRegion }).ok).toBe(true);
    expect(tryCreate("region", { status: "dissolved" }).ok).toBe(true);
  });

  it("cannot be its own successor", () => {
    const result = createRecord("region", { ...minimalCreate.region, successorId: ids.region }, now, {
      id: ids.region,
    });
    expectIssue(result, "successorId", "successor_is_self");
  });

  it("lists each municipality once", () => {
    const municipalities = [
      { name: "Osterode am Harz", ags: "03156012" },
      { name: "Osterode", ags: "03156012" },
    ];
    const issue = expectIssue(
      tryCreate("region", { municipalities }),
      "municipalities.1.ags",
      "duplicate_value",
    );
    expect(issue.messages.de).toContain("03156012");
  });

  it("refuses a non-positive area and a fractional population", () => {
    expectIssue(tryCreate("region", { areaKm2: 0 }), "areaKm2", "too_small");
    expectIssue(tryCreate("region", { population: 74367.5 }), "population", "invalid_type");
    expectIssue(tryCreate("region", { population: -1 }), "population", "too_small");
  });

  it("can be merged by a patch only together with its successor", () => {
    const region = created("region", minimalCreate.region, { id: ids.region });
    expectIssue(
      updateRecord("region", region, { status: "merged" }, later),
      "successorId",
      "merged_without_successor",
    );
    const merged = updateRecord(
      "region",
      region,
      { status: "merged", successorId: ids.successorRegion },
      later,
    );
    expect(merged.ok && merged.value.status).toBe("merged");
    if (!merged.ok) return;
    expectIssue(
      updateRecord("region", merged.value, { successorId: null }, later),
      "successorId",
      "merged_without_successor",
    );
  });
});

describe("populationDensity", () => {
  it("gives the seed's figure for Osterode am Harz", () => {
    expect(populationDensity({ areaKm2: 635.99, population: 74367 })).toBe(116.9);
  });

  it("rounds to one decimal", () => {
    expect(populationDensity({ areaKm2: 3, population: 10 })).toBe(3.3);
    expect(populationDensity({ areaKm2: 1, population: 0 })).toBe(0);
  });

  it("is undefined without area or population", () => {
    expect(populationDensity({ population: 100 })).toBeUndefined();
    expect(populationDensity({ areaKm2: 0, population: 100 })).toBeUndefined();
    expect(populationDensity({ areaKm2: 10 })).toBeUndefined();
    expect(populationDensity({})).toBeUndefined();
  });
});

describe("currentKey", () => {
  // Osterode am Harz (03156) merged into Göttingen (03159) on 1 Nov 2016.
  const region: Pick<Region, "keys"> = {
    keys: [
      { system: "district_key", value: "03156", validTo: "2016-10-31" },
      { system: "district_key", value: "03159", validFrom: "2016-11-01" },
      { system: "car_code", value: "OHA" },
    ],
  };

  it("gives the newest key without a date", () => {
    expect(currentKey(region, "district_key")).toBe("03159");
    expect(currentKey(region, "car_code")).toBe("OHA");
  });

  it("gives the key valid on a date, inclusive at both ends", () => {
    expect(currentKey(region, "district_key", "2010-05-01")).toBe("03156");
    expect(currentKey(region, "district_key", "2016-10-31")).toBe("03156");
    expect(currentKey(region, "district_key", "2016-11-01")).toBe("03159");
  });

  it("is undefined for a system without keys", () => {
    expect(currentKey(region, "ags")).toBeUndefined();
    expect(currentKey({ keys: [] }, "district_key", "2020-01-01")).toBeUndefined();
  });

  it("works on a created record", () => {
    expect(currentKey(created("region", richCreate.region), "district_key", "2016-11-01")).toBeUndefined();
    expect(currentKey(created("region", richCreate.region), "district_key", "2015-01-01")).toBe("03156");
  });
});
