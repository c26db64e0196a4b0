import { describe, expect, it } from "vitest";
import { created, expectIssue, later, minimalCreate, richCreate, tryCreate } from "../../test/fixtures.js";
import { messages } from "../common/messages.js";
import { updateRecord } from "./entities.js";

const items = minimalCreate.maturityAssessment.items;
const wave = (answers: object[]) => [{ label: "2024", date: "2024-01-15", answers }];

describe("MaturityAssessment", () => {
  it("uses a 1–5 scale by default", () => {
    expect(created("maturityAssessment")).toMatchObject({ scaleMin: 1, scaleMax: 5, waves: [] });
  });

  it("refuses a scale whose minimum is not below its maximum", () => {
    expectIssue(tryCreate("maturityAssessment", { scaleMin: 5 }), "scaleMax", "min_above_max");
    expectIssue(tryCreate("maturityAssessment", { scaleMin: 3, scaleMax: 2 }), "scaleMax", "min_above_max");
    expectIssue(tryCreate("maturityAssessment", { scaleMax: 11 }), "scaleMax", "too_big");
  });

  it("needs at least one item, each key once", () => {
    expectIssue(tryCreate("maturityAssessment", { items: [] }), "items", "too_small");
    const twice = [...items, { ...items[0], de: "Nochmal", en: "Again" }];
    expectIssue(tryCreate("maturityAssessment", { items: twice }), "items.1.key", "duplicate_value");
  });

  it("accepts success factors and inhibitors as item factors", () => {
    const both = [
      ...items,
      { key: "cultures", factor: "different_cultures", de: "Kulturen", en: "Cultures" },
    ];
    expect(tryCreate("maturityAssessment", { items: both }).ok).toBe(true);
  });

  it("refuses an answer to an item the assessment does not have", () => {
    const issue = expectIssue(
      tryCreate("maturityAssessment", { waves: wave([{ itemKey: "weather", value: 3 }]) }),
      "waves.0.answers.0.itemKey",
      "unknown_reference",
    );
    expect(issue.messages.de).toContain("weather");
  });

  it("refuses answers outside the scale and accepts its ends", () => {
    const issue = expectIssue(
      tryCreate("maturityAssessment", { waves: wave([{ itemKey: "backing", value: 0 }]) }),
      "waves.0.answers.0.value",
      "rating_out_of_scale",
    );
    expect(issue.messages).toEqual(messages.rating_out_of_scale({ min: 1, max: 5 }));
    expectIssue(
      tryCreate("maturityAssessment", { waves: wave([{ itemKey: "backing", value: 6 }]) }),
      "waves.0.answers.0.value",
      "rating_out_of_scale",
    );
    const ends = wave([
      { itemKey: "backing", value: 1 },
      { itemKey: "backing", value: 5 },
    ]);
    expect(tryCreate("maturityAssessment", { waves: ends }).ok).toBe(true);
  });

  it("refuses a patch that narrows the scale below given answers", () => {
    const assessment = created("maturityAssessment", richCreate.maturityAssessment);
    expectIssue(
      updateRecord("maturityAssessment", assessment, { scaleMax: 3 }, later),
      "waves.0.answers.0.value",
      "rating_out_of_scale",
    );
  });

  it("refuses a patch that removes an item with answers", () => {
    const assessment = created("maturityAssessment", richCreate.maturityAssessment);
    expectIssue(
      updateRecord(
        "maturityAssessment",
        assessment,
        { items: [richCreate.maturityAssessment.items[0]] },
        later,
      ),
      "waves.0.answers.1.itemKey",
      "unknown_reference",
    );
  });
});
