import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { de } from "./de.js";
import { en } from "./en.js";

function keysOf(value: unknown, prefix = ""): string[] {
  if (typeof value === "string") return [prefix];
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) =>
    keysOf(v, prefix ? `${prefix}.${k}` : k),
  );
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !/\.test\./.test(name) ? [path] : [];
  });
}

describe("UI strings", () => {
  it("exist in German and English with the same keys", () => {
    expect(keysOf(en).sort()).toEqual(keysOf(de).sort());
  });

  it("are never empty and English differs from German where words are translated", () => {
    for (const key of keysOf(de)) {
      const value = key.split(".").reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], de);
      expect(value, key).not.toBe("");
    }
    expect(en.signIn.submit).not.toBe(de.signIn.submit);
  });

  it("cover every key the code asks for", () => {
    const known = new Set(keysOf(de).map((k) => k.replace(/_(one|other)$/, "")));
    const root = join(import.meta.dirname, "..");
    const missing: string[] = [];
    for (const file of sources(root)) {
      const code = readFileSync(file, "utf8");
      for (const match of code.matchAll(/\bt\(\s*"([a-zA-Z.]+)"/g)) {
        const key = match[1] as string;
        if (!known.has(key)) missing.push(`${file}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("hold no enum labels: those come from @oha/domain", () => {
    const text = JSON.stringify(de);
    for (const label of [
      "Berufsbildende Schule",
      "Steuerungsgruppe / Steuerkreis",
      "Unentschuldigt abwesend",
    ]) {
      expect(text).not.toContain(label);
    }
  });
});
