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
describe("validate never throws", { timeout: 60_000 }, () => {
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
      ["", "unrecognized_keys"],
    ]);
    const [name, kind, count, extra] = result.error.details ?? [];
    expect(name?.messages).toEqual(messages.required_field({}));
    expect(kind?.messages).toEqual(messages.invalid_choice({}));
    expect(count?.messages.de).toMatch(/groß/i);
    expect(count?.messages.en).toMatch(/big/i);
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

  it("keeps other patterns with Zod's localised message", () => {
    const result = validate(z.string().regex(/^\d{5}$/), "123");
    expect(!result.ok && result.error.details?.[0]?.messages.de).toContain("Muster");
    expect(!result.ok && result.error.details?.[0]?.messages.en).toContain("pattern");
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
