import { z } from "zod";
import { type LocalizedText, text } from "../common/i18n.js";

/** Removes `undefined` values and empty arrays, which OParl and HSDS ask servers to leave out. */
export function compact<T extends Record<string, unknown>>(value: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (v === undefined) continue;
    if (Array.isArray(v) && v.length === 0) continue;
    out[key] = v;
  }
  return out as T;
}

/** Removes `undefined` values only (empty lists stay: they are part of a transfer item's content). */
export function defined<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** A JSON text of a value with object keys sorted, so equal content compares equal whatever the key order. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : v,
  );
}

/** The later of two ISO instants (either may be missing). */
export function laterOf(a: string | undefined, b: string | undefined): string | undefined {
  if (!a) return b;
  if (!b) return a;
  return Date.parse(a) >= Date.parse(b) ? a : b;
}

/** A point in time as OParl and HSDS list filters take it: ISO 8601 with a time and an offset. */
export const FilterInstant = z.iso.datetime({ offset: true });

/** Sorts by a string key, in a fixed, locale-independent order. */
export function byKey<T>(key: (item: T) => string): (a: T, b: T) => number {
  return (a, b) => {
    const ka = key(a);
    const kb = key(b);
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  };
}

/** The German federal states by the first two digits of an official municipality key (AGS). */
export const federalStates: Readonly<Record<string, LocalizedText>> = {
  "01": text("Schleswig-Holstein", "Schleswig-Holstein"),
  "02": text("Hamburg", "Hamburg"),
  "03": text("Niedersachsen", "Lower Saxony"),
  "04": text("Bremen", "Bremen"),
  "05": text("Nordrhein-Westfalen", "North Rhine-Westphalia"),
  "06": text("Hessen", "Hesse"),
  "07": text("Rheinland-Pfalz", "Rhineland-Palatinate"),
  "08": text("Baden-Württemberg", "Baden-Württemberg"),
  "09": text("Bayern", "Bavaria"),
  "10": text("Saarland", "Saarland"),
  "11": text("Berlin", "Berlin"),
  "12": text("Brandenburg", "Brandenburg"),
  "13": text("Mecklenburg-Vorpommern", "Mecklenburg-Western Pomerania"),
  "14": text("Sachsen", "Saxony"),
  "15": text("Sachsen-Anhalt", "Saxony-Anhalt"),
  "16": text("Thüringen", "Thuringia"),
};
