import { z } from "zod";

/** The languages OHA speaks: German first, English beside it. */
export const locales = ["de", "en"] as const;
/** One of the supported locales. */
export type Locale = (typeof locales)[number];

/** A text in German and English, as every label, message and finding carries it. */
export const LocalizedText = z.strictObject({ de: z.string(), en: z.string() }).meta({
  id: "LocalizedText",
  description: "A text in German (de) and English (en).",
  examples: [{ de: "Im Plan", en: "On track" }],
});
/** A text in German and English. */
export type LocalizedText = z.infer<typeof LocalizedText>;

/** Builds a {@link LocalizedText}; German comes first. */
export const text = (de: string, en: string): LocalizedText => ({ de, en });

/** Picks a locale from an `Accept-Language`-style value, falling back to German. */
export function pickLocale(value: string | null | undefined): Locale {
  if (!value) return "de";
  const ranked = value
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().toLowerCase().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      return { tag, q: q ? Number(q.slice(2)) : 1, index };
    })
    .filter((entry) => entry.tag && !Number.isNaN(entry.q) && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranked) {
    const primary = tag.split("-")[0];
    if (primary === "de" || primary === "en") return primary;
  }
  return "de";
}
