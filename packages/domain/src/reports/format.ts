import type { Locale, LocalizedText } from "../common/i18n.js";
import type { ParagraphBlock, ReportBlock, TableBlock } from "./document.js";

/** A non-breaking space: keeps a figure and its unit on one line. */
export const nbsp = "\u00a0";

const tags: Record<Locale, string> = { de: "de-DE", en: "en-GB" };
const numberFormats = new Map<string, Intl.NumberFormat>();

/**
 * Formats a number the way the document's language writes it (`116,9` in German, `116.9` in English).
 *
 * @example
 * formatNumber(74367, "de"); // "74.367"
 */
export function formatNumber(value: number, locale: Locale, fractionDigits = 1): string {
  const key = `${locale}|${fractionDigits}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(tags[locale], { maximumFractionDigits: fractionDigits });
    numberFormats.set(key, format);
  }
  return format.format(value);
}

/**
 * Formats a share in 0..1 as a percentage with one decimal and a non-breaking space (`51,2 %`).
 *
 * @example
 * formatPercent(0.512, "de"); // "51,2 %"
 */
export function formatPercent(share: number, locale: Locale): string {
  return `${formatNumber(Math.round(share * 1000) / 10, locale, 1)}${nbsp}%`;
}

/**
 * Formats an ISO date (`2023-03-15`) as `15.03.2023` in German or `15 Mar 2023` in English.
 *
 * @example
 * formatDate("2023-03-15", "de"); // "15.03.2023"
 */
export function formatDate(iso: string, locale: Locale): string {
  const date = new Date(`${iso.slice(0, 10)}T12:00:00Z`);
  return locale === "de"
    ? date.toLocaleDateString("de-DE", { day: "2-digit", month: "2-digit", year: "numeric", timeZone: "UTC" })
    : date.toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
}

/**
 * Formats the clock time of an ISO instant in the district's time zone (Europe/Berlin), e.g. `09:00`.
 *
 * @example
 * formatTime("2023-03-15T09:00:00+01:00", "de"); // "09:00"
 */
export function formatTime(instant: string, locale: Locale): string {
  return new Date(instant).toLocaleTimeString(tags[locale], {
    hour: "2-digit",
    minute: "2-digit",
    timeZone: "Europe/Berlin",
  });
}

/** The calendar date (ISO) of an instant in the district's time zone. */
export function berlinDate(instant: string): string {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone: "Europe/Berlin",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(new Date(instant));
  return parts.slice(0, 10);
}

/** Picks the text of a locale from a pair. */
export const say = (pair: LocalizedText, locale: Locale): string => pair[locale];

/** Builds a translator for one locale: `t("Ja", "Yes")`. */
export function translator(locale: Locale): (de: string, en: string) => string {
  return (de, en) => (locale === "de" ? de : en);
}

/** A paragraph block. */
export function paragraph(text: string, style: ParagraphBlock["style"] = "normal"): ReportBlock {
  return { type: "paragraph", text, style };
}

/** A table block; `empty` is shown when there are no rows. */
export function table(
  caption: string,
  columns: readonly (string | { label: string; align: "left" | "right" })[],
  rows: readonly (readonly string[])[],
  options: { empty?: string; rowHeaders?: boolean } = {},
): TableBlock {
  return {
    type: "table",
    caption,
    columns: columns.map((c) => (typeof c === "string" ? { label: c, align: "left" } : c)),
    rows: rows.map((r) => [...r]),
    rowHeaders: options.rowHeaders ?? false,
    ...(options.empty === undefined ? {} : { empty: options.empty }),
  };
}

/** A right-aligned column, for figures. */
export const figure = (label: string) => ({ label, align: "right" as const });

/** Joins the parts of an enumeration in the document's language: "a, b und c". */
export function enumerate(parts: readonly string[], locale: Locale): string {
  if (parts.length <= 1) return parts.join("");
  const last = parts[parts.length - 1];
  return `${parts.slice(0, -1).join(", ")} ${locale === "de" ? "und" : "and"} ${last}`;
}
