import { describe, expect, it } from "vitest";
import { created, expectIssue, later, richCreate, tryCreate } from "../../test/fixtures.js";
import { updateRecord } from "./entities.js";
import { checkResponseAgainstRound } from "./reconciliation.js";

describe("ReconciliationRound", () => {
  it("refuses closing before opening", () => {
    expectIssue(tryCreate("reconciliationRound", { closesOn: "2024-01-31" }), "closesOn", "end_before_start");
  });

  it("refuses a scale whose minimum is not below its maximum", () => {
    expectIssue(tryCreate("reconciliationRound", { scaleMin: 5, scaleMax: 5 }), "scaleMax", "min_above_max");
  });

  it("names each rating item once, with a plain key", () => {
    const ratingItems = [
      { key: "trust", de: "Vertrauen", en: "Trust" },
      { key: "trust", de: "Vertrauen", en: "Trust" },
    ];
    expectIssue(tryCreate("reconciliationRound", { ratingItems }), "ratingItems.1.key", "duplicate_value");
    const badKey = [{ key: "Trust!", de: "Vertrauen", en: "Trust" }];
    expectIssue(
      tryCreate("reconciliationRound", { ratingItems: badKey }),
      "ratingItems.0.key",
      "invalid_format",
    );
  });

  it("refuses a patch that inverts the scale", () => {
    const round = created("reconciliationRound", richCreate.reconciliationRound);
    expectIssue(
      updateRecord("reconciliationRound", round, { scaleMin: 7 }, later),
      "scaleMax",
      "min_above_max",
    );
  });
});

describe("ReconciliationResponse", () => {
  it("needs at least one topic per statement and an importance of 1–5", () => {
    expectIssue(
      tryCreate("reconciliationResponse", { expectations: [{ text: "Mehr Austausch", topics: [] }] }),
      "expectations.0.topics",
      "too_small",
    );
    expectIssue(
      tryCreate("reconciliationResponse", {
        selfInterests: [{ text: "Quote", topics: ["funding"], importance: 6 }],
      }),
      "selfInterests.0.importance",
      "too_big",
    );
  });

  it("gives statements a middle importance by default", () => {
    const response = created("reconciliationResponse", {
      ...richCreate.reconciliationResponse,
      workingMethods: [{ text: "Fallkonferenzen", topics: ["standards"] }],
    });
    expect(response.workingMethods[0]?.importance).toBe(3);
  });

  it("refuses malformed rating keys and values off the 0–10 range", () => {
    expectIssue(
      tryCreate("reconciliationResponse", { ratings: { "Bad Key": 3 } }),
      "ratings.Bad Key",
      "invalid_key",
    );
    expectIssue(tryCreate("reconciliationResponse", { ratings: { trust: 11 } }), "ratings.trust", "too_big");
  });
});

describe("checkResponseAgainstRound", () => {
  const round = { ratingItems: [{ key: "trust", de: "Vertrauen", en: "Trust" }], scaleMin: 1, scaleMax: 5 };

  it("accepts ratings of the round's items on its scale, including the ends", () => {
    expect(checkResponseAgainstRound({ ratings: { trust: 1 } }, round)).toEqual([]);
    expect(checkResponseAgainstRound({ ratings: { trust: 5 } }, round)).toEqual([]);
    expect(checkResponseAgainstRound({ ratings: {} }, round)).toEqual([]);
  });

  it("reports ratings of unknown items and ratings off the scale", () => {
    expect(checkResponseAgainstRound({ ratings: { weather: 3, trust: 0 } }, round)).toEqual([
      { path: "ratings.weather", key: "unknown_reference", params: { value: "weather" } },
      { path: "ratings.trust", key: "rating_out_of_scale", params: { min: 1, max: 5 } },
    ]);
    expect(checkResponseAgainstRound({ ratings: { trust: 6 } }, round)).toHaveLength(1);
  });

  it("checks the fixtures' response against their round", () => {
    const roundRecord = created("reconciliationRound", richCreate.reconciliationRound);
    const response = created("reconciliationResponse", richCreate.reconciliationResponse);
    expect(checkResponseAgainstRound(response, roundRecord)).toEqual([]);
    expect(checkResponseAgainstRound(response, { ...roundRecord, scaleMax: 4 })).toEqual([
      { path: "ratings.trust", key: "rating_out_of_scale", params: { min: 1, max: 4 } },
    ]);
  });
});
