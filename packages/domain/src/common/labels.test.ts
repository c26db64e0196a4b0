import { describe, expect, it } from "vitest";
import { z } from "zod";
import { text } from "./i18n.js";
import { labelledEnum } from "./labels.js";

describe("labelledEnum", () => {
  const map = { yes: text("Ja", "Yes"), no: text("Nein", "No") } as const;
  const Answer = labelledEnum("SampleAnswer", map);

  it("takes its values from the label map", () => {
    expect(Answer.options).toEqual(["yes", "no"]);
    expect(Answer.safeParse("yes").success).toBe(true);
    expect(Answer.safeParse("maybe").success).toBe(false);
  });

  it("names the enum and lists its values", () => {
    expect(z.globalRegistry.get(Answer)).toMatchObject({
      id: "SampleAnswer",
      description: "One of: yes, no",
    });
  });
});
