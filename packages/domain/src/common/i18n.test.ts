import { describe, expect, it } from "vitest";
import { locales, pickLocale, text } from "./i18n.js";

describe("pickLocale", () => {
  it("falls back to German without a usable value", () => {
    for (const value of [undefined, null, "", " ", "*", "fr", "fr-FR, es;q=0.8", "en;q=0", "en;q=abc"]) {
      expect(pickLocale(value), String(value)).toBe("de");
    }
  });

  it("recognises both languages with and without region", () => {
    expect(pickLocale("en")).toBe("en");
    expect(pickLocale("en-GB")).toBe("en");
    expect(pickLocale("EN-us")).toBe("en");
    expect(pickLocale("de-AT")).toBe("de");
  });

  it("follows the quality values", () => {
    expect(pickLocale("de;q=0.5, en;q=0.9")).toBe("en");
    expect(pickLocale("en;q=0.5, de")).toBe("de");
    expect(pickLocale("fr-FR, fr;q=0.9, en-US;q=0.8, en;q=0.7, de;q=0.6")).toBe("en");
  });

  it("keeps the listed order between equal qualities", () => {
    expect(pickLocale("en, de")).toBe("en");
    expect(pickLocale("de, en")).toBe("de");
    expect(pickLocale("fr;q=0.8, en;q=0.8, de;q=0.8")).toBe("en");
  });

  it("ignores extra parameters and spacing", () => {
    expect(pickLocale("  en-US ; foo=bar ; q=0.9 ,de;q=0.1")).toBe("en");
  });
});

describe("text", () => {
  it("builds a German and English pair", () => {
    expect(text("Ja", "Yes")).toEqual({ de: "Ja", en: "Yes" });
    expect(locales).toEqual(["de", "en"]);
  });
});
