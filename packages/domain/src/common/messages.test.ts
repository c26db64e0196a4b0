import { describe, expect, it } from "vitest";
import { messages } from "./messages.js";
import { err, errorCodes, ok } from "./result.js";

describe("messages", () => {
  it("has a German and an English text for every code, and they differ", () => {
    for (const [key, message] of Object.entries(messages)) {
      const texts = message({
        value: "x",
        min: 1,
        max: 5,
        system: "ags",
        example: "act_0123456789ab",
        divisor: 5,
      });
      expect(texts.de.trim(), key).not.toBe("");
      expect(texts.en.trim(), key).not.toBe("");
      expect(texts.de, key).not.toBe(texts.en);
      expect(`${texts.de} ${texts.en}`, key).not.toMatch(/\{\w+\}/);
    }
  });

  it("fills parameters and leaves missing ones visible", () => {
    expect(messages.rating_out_of_scale({ min: 1, max: 5 }).de).toBe(
      "Die Bewertung liegt außerhalb der Skala 1–5.",
    );
    expect(messages.duplicate_value({}).en).toBe("“{value}” appears twice.");
  });
});

describe("results", () => {
  it("wraps values and errors", () => {
    expect(ok(1)).toEqual({ ok: true, value: 1 });
    expect(err({ code: "not_found", message: "x" })).toEqual({
      ok: false,
      error: { code: "not_found", message: "x" },
    });
    expect(new Set(errorCodes).size).toBe(errorCodes.length);
    expect(errorCodes).toContain("validation_failed");
  });
});
