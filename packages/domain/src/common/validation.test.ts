import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { minimalCreate, richCreate } from "../../test/fixtures.js";
import { entities, entityNames } from "../model/entities.js";
import { messages } from "./messages.js";
import { describeIssues, report, validate } from "./validation.js";

const hostile = {
  withBoxedValues: true,
  withSet: true,
  withMap: true,
  withObjectString: true,
  withNullPrototype: true,
  withBigInt: true,
  withDate: true,
  withTypedArray: true,
  withSparseArray: true,
  withUnicodeString: true,
} as const;

const schemas = entityNames.flatMap((name) =>
  (["Create", "Patch", "Record"] as const).map((kind) => [`${name}.${kind}`, entities[name][kind]] as const),
);

function expectWellFormed(result: ReturnType<typeof validate>, locale: "de" | "en" = "de"): void {
  if (result.ok) return;
  expect(result.error.code).toBe("validation_failed");
  for (const detail of result.error.details ?? []) {
    expect(typeof detail.path).toBe("string");
    expect(detail.messages.de.length).toBeGreaterThan(0);
    expect(detail.messages.en.length).toBeGreaterThan(0);
    expect(detail.message).toBe(detail.messages[locale]);
  }
}

// Property tests run hundreds of parses each; give them room on a busy machine.
describe("validate never throws", () => {
  it.each(schemas)("%s, for any value", (_, schema) => {
    fc.assert(
      fc.property(fc.anything(hostile), (input) => {
        expectWellFormed(validate(schema, input));
      }),
      { numRuns: 150 },
    );
  });

  it.each(
    entityNames.map((name) => [name] as const),
  )("%s, for objects whose known fields hold anything", (name) => {
    const fields = Object.keys({ ...richCreate[name], ...minimalCreate[name] });
    const arbitrary = fc.record(Object.fromEntries(fields.map((f) => [f, fc.anything(hostile)])), {
      requiredKeys: [],
    });
    fc.assert(
      fc.property(arbitrary, (input) => {
        expectWellFormed(validate(entities[name].Create, input));
        expectWellFormed(validate(entities[name].Patch, input, "en"), "en");
      }),
      { numRuns: 100 },
    );
  });

  it("for a value whose length is no number (found by the property above)", () => {
    const result = validate(entities.standard.Create, { description: { length: Object.create(null) } }, "en");
    expect(result.ok).toBe(false);
    expectWellFormed(result, "en");
    if (!result.ok) expect(result.error.details?.map((d) => d.path)).toContain("");
  });

  it("for nested values mutated one at a time", () => {
    // Replaces one leaf of a valid rich input by anything, so cross-field rules meet odd data.
    const leaves = (value: unknown, path: (string | number)[] = []): (string | number)[][] =>
      value !== null && typeof value === "object"
        ? Object.entries(value).flatMap(([k, v]) =>
            leaves(v, [...path, Array.isArray(value) ? Number(k) : k]),
          )
        : [path];
    for (const name of entityNames) {
      const base = richCreate[name];
      const paths = leaves(base);
      fc.assert(
        fc.property(fc.constantFrom(...paths), fc.anything(hostile), (path, replacement) => {
          const input = structuredClone(base) as Record<string | number, unknown>;
          let node: Record<string | number, unknown> = input;
          for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
          node[path.at(-1) as string | number] = replacement;
          expectWellFormed(validate(entities[name].Create, input));
        }),
        { numRuns: 40 },
      );
    }
  });
});

describe("validate", () => {
  const Sample = z.strictObject({
    name: z.string().min(1),
    kind: z.enum(["a", "b"]),
    count: z.int().min(0).max(3).optional(),
  });

  it("returns the parsed value on success", () => {
    expect(validate(Sample, { name: "x", kind: "a" })).toEqual({ ok: true, value: { name: "x", kind: "a" } });
  });

  it("describes each problem with its path, code and both languages", () => {
    const result = validate(Sample, { name: "", kind: "c", count: 9, extra: true });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.message).toBe("Die Eingabe enthält Fehler.");
    expect(result.error.details?.map((d) => [d.path, d.code])).toEqual([
      ["name", "too_small"],
      ["kind", "invalid_value"],
      ["count", "too_big"],
      ["extra", "unknown_field"],
    ]);
    const [name, kind, count, extra] = result.error.details ?? [];
    expect(name?.messages).toEqual(messages.required_field({}));
    expect(kind?.messages).toEqual(messages.invalid_choice({}));
    expect(count?.messages.de).toMatch(/^Höchstens \d+ ist erlaubt\.$/);
    expect(count?.messages.en).toMatch(/^At most \d+ is allowed\.$/);
    expect(extra?.messages).toEqual(messages.unknown_field({ value: "extra" }));
  });

  it("answers in English when asked", () => {
    const result = validate(Sample, { kind: "a" }, "en");
    expect(!result.ok && result.error.message).toBe("The input contains errors.");
    expect(!result.ok && result.error.details?.[0]?.message).toBe("This field is required.");
  });

  it("treats a missing enum or union field as missing, not as a wrong choice", () => {
    const result = validate(
      z.strictObject({ kind: z.enum(["a", "b"]), value: z.union([z.string(), z.number()]) }),
      {},
    );
    expect(!result.ok && result.error.details?.map((d) => d.messages)).toEqual([
      messages.required_field({}),
      messages.required_field({}),
    ]);
  });

  it("explains a malformed id with an example in both languages", () => {
    const result = validate(entities.actor.Record.shape.id, "act_123");
    expect(!result.ok && result.error.details?.[0]).toEqual({
      path: "",
      code: "invalid_format",
      message: "„act_123“ ist keine gültige Kennung; erwartet wird eine wie act_0123456789ab.",
      messages: messages.invalid_id({ value: "act_123", example: "act_0123456789ab" }),
    });
  });

  it("tells of other patterns in plain words, without the pattern", () => {
    const result = validate(z.string().regex(/^\d{5}$/), "123");
    expect(!result.ok && result.error.details?.[0]?.messages).toEqual(messages.wrong_format({}));
  });

  it("speaks of numbers, texts, dates and lists in plain words, not of types", () => {
    const Plain = z.strictObject({
      week: z.int().min(1).max(52),
      share: z.number().gt(0),
      code: z.string().max(3),
      on: z.iso.date(),
      at: z.iso.datetime({ offset: true }),
      mail: z.email(),
      web: z.httpUrl(),
      tags: z.array(z.string()).min(1).max(2),
      done: z.boolean(),
    });
    const wrong = validate(
      Plain,
      {
        week: 53,
        share: 0,
        code: "abcd",
        on: "31.03.2026",
        at: "morgen",
        mail: "x",
        web: "ftp://x",
        tags: [],
        done: "ja",
      },
      "de",
    );
    const byPath = Object.fromEntries(
      (!wrong.ok && wrong.error.details ? wrong.error.details : []).map((d) => [d.path, d.message]),
    );
    expect(byPath).toEqual({
      week: "Höchstens 52 ist erlaubt.",
      share: "Der Wert muss größer als 0 sein.",
      code: "Höchstens 3 Zeichen sind erlaubt.",
      on: "Bitte ein Datum angeben, zum Beispiel 2026-03-31.",
      at: "Bitte Datum und Uhrzeit angeben, zum Beispiel 2026-03-31T14:00:00+02:00.",
      mail: "Bitte eine E-Mail-Adresse angeben, zum Beispiel name@beispiel.de.",
      web: "Bitte eine Webadresse angeben, die mit https:// oder http:// beginnt.",
      tags: "Mindestens ein Eintrag ist nötig.",
      done: "Bitte „ja“ oder „nein“ wählen.",
    });
    const types = validate(
      Plain,
      { week: "zehn", share: "x", code: 5, on: 5, at: 5, mail: 5, web: 5, tags: "a", done: 1 },
      "en",
    );
    const messagesEn = (!types.ok && types.error.details ? types.error.details : []).map((d) => d.message);
    expect(messagesEn).toEqual([
      "Please enter a number.",
      "Please enter a number.",
      "Please enter a text.",
      "Please enter a date, for example 2026-03-31.",
      "Please enter a date and time, for example 2026-03-31T14:00:00+02:00.",
      "Please enter an email address, for example name@example.org.",
      "Please enter a web address starting with https:// or http://.",
      "Please give a list.",
      "Please choose “yes” or “no”.",
    ]);
    for (const text of messagesEn) expect(text).not.toMatch(/expected|received|string|\bint\b/i);
    const fraction = validate(Plain.pick({ week: true }), { week: 1.5 }, "de");
    expect(!fraction.ok && fraction.error.details?.[0]?.message).toBe("Bitte eine ganze Zahl eingeben.");
  });

  it("does not change a schema's own messages for plain parsing", () => {
    const parsed = entities.actor.Create.safeParse({ name: "x", kind: "nope" });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).not.toContain("oha-i18n");
  });
});

describe("report and describeIssues", () => {
  const Range = z.object({ min: z.number(), max: z.number() }).superRefine((r, ctx) => {
    if (r.min > r.max) report(ctx, "min_above_max", ["max"]);
    if (r.max > 100) report(ctx, "rating_out_of_scale", ["max"], { min: 0, max: 100 });
  });

  it("turns a reported problem into an issue with its message code", () => {
    const result = validate(Range, { min: 5, max: 1 });
    expect(!result.ok && result.error.details).toEqual([
      {
        path: "max",
        code: "min_above_max",
        message: messages.min_above_max({}).de,
        messages: messages.min_above_max({}),
      },
    ]);
  });

  it("fills the message's parameters", () => {
    const result = validate(Range, { min: 0, max: 101 }, "en");
    expect(!result.ok && result.error.details?.[0]?.message).toBe("The rating is outside the scale 0–100.");
  });

  it("gives the English text as the plain Zod message", () => {
    const parsed = Range.safeParse({ min: 5, max: 1 });
    expect(parsed.error?.issues[0]?.message).toBe(messages.min_above_max({}).en);
  });

  it("describes plain Zod issues, in both languages the same when there is no translation", () => {
    const parsed = z
      .string()
      .refine(() => false, "Custom text")
      .safeParse("x");
    const details = describeIssues(parsed.error?.issues ?? [], "en");
    expect(details).toEqual([
      {
        path: "",
        code: "custom",
        message: "Custom text",
        messages: { de: "Custom text", en: "Custom text" },
      },
    ]);
  });

  it("joins nested paths with dots", () => {
    const parsed = z.object({ a: z.array(z.object({ b: z.string() })) }).safeParse({ a: [{ b: 1 }] });
    expect(describeIssues(parsed.error?.issues ?? [])[0]?.path).toBe("a.0.b");
  });
});
