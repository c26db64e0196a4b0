// The analysis result schemas, proven against real results: the Osterode example and synthetic
// networks, parsed with each analysis's schema, sent through JSON and checked for strictness.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import * as analytics from "../src/analytics/index.js";
import { type AnalysisDeclaration, analyses } from "../src/analytics/index.js";
import * as domain from "../src/index.js";
import { type AnalysisResult, datasets, resultsOf } from "./analytics-results.js";

const resultSchemaOf = (analysis: AnalysisResult["analysis"]): z.ZodType => {
  const declared: AnalysisDeclaration = analyses[analysis];
  if (!declared.result) throw new Error(`${analysis} declares no result schema`);
  return declared.result;
};

/** Every Zod schema a module exports, by export name. */
const schemasOf = (module: Record<string, unknown>) =>
  Object.entries(module).filter((entry): entry is [string, z.ZodType] => entry[1] instanceof z.ZodType);

const results = datasets.map((dataset) => ({ dataset, results: resultsOf(dataset) }));

/** The paths of a value's plain objects, in walk order ("" is the value itself). */
function objectPaths(value: unknown, path: (string | number)[] = [], out: (string | number)[][] = []) {
  if (Array.isArray(value)) value.forEach((item, i) => void objectPaths(item, [...path, i], out));
  else if (value !== null && typeof value === "object") {
    out.push(path);
    for (const [key, child] of Object.entries(value)) objectPaths(child, [...path, key], out);
  }
  return out;
}

/** Whether a schema accepts a value with one extra field in the object at a path (the value is restored). */
function acceptsExtraField(schema: z.ZodType, value: unknown, path: readonly (string | number)[]): boolean {
  let target = value as Record<string | number, unknown>;
  for (const step of path) target = target[step] as Record<string | number, unknown>;
  target.unexpected = true;
  try {
    return schema.safeParse(value).success;
  } finally {
    delete target.unexpected;
  }
}

/** Every path of a value (without indices), and the paths where it holds a non-empty list or a non-null value. */
function pathsOf(value: unknown, path: string, all: Set<string>, filled: Set<string>) {
  all.add(path);
  if (Array.isArray(value)) {
    if (value.length > 0) filled.add(path);
    for (const item of value) pathsOf(item, `${path}[]`, all, filled);
  } else if (value !== null) {
    filled.add(path);
    if (typeof value === "object")
      for (const [key, child] of Object.entries(value)) pathsOf(child, `${path}.${key}`, all, filled);
  }
}

describe("the analytics' schemas", () => {
  const exported = schemasOf(analytics);

  it("are exported for every analysis with a result and for their parts", () => {
    expect(exported.length).toBeGreaterThan(50);
    for (const [name, declared] of Object.entries(analyses)) {
      if (!("result" in declared)) continue;
      expect(
        exported.map(([, schema]) => schema),
        name,
      ).toContain(declared.result);
    }
  });

  it("are named by their export name, which is unique in the whole package", () => {
    const byId = new Map<string, z.ZodType>();
    for (const [, schema] of schemasOf(domain)) {
      const id = z.globalRegistry.get(schema)?.id;
      if (!id) continue;
      const other = byId.get(id);
      expect(other === undefined || other === schema, `two schemas are named ${id}`).toBe(true);
      byId.set(id, schema);
    }
    for (const [name, schema] of exported) {
      expect(z.globalRegistry.get(schema)?.id, name).toBe(name);
      expect(name, "PascalCase, fit for an OpenAPI component").toMatch(/^[A-Z][A-Za-z0-9]*$/);
    }
  });

  it.each(
    exported.map(([name, schema]) => [name, schema] as const),
  )("%s converts to JSON Schema, the same for input and output (no transforms, no defaults)", (_, schema) => {
    const output = z.toJSONSchema(schema, { io: "output", target: "draft-2020-12" });
    const input = z.toJSONSchema(schema, { io: "input", target: "draft-2020-12" });
    expect(input).toEqual(output);
    expect(JSON.stringify(output)).not.toContain('"additionalProperties":{}');
  });
});

describe.each(
  results.map(({ dataset, results }) => [dataset.name, results] as const),
)("the results for %s", (_, list) => {
  it("cover every analysis with a result schema", () => {
    const declared = Object.entries(analyses)
      .filter(([, a]) => "result" in a)
      .map(([name]) => name)
      .filter((name) => name !== "compareReconciliationRounds" && name !== "analyseReconciliationRound");
    for (const name of declared) expect(list.map((r) => r.analysis)).toContain(name);
  });

  it("parse with their analysis's schema, unchanged", () => {
    for (const { analysis, how, result } of list) {
      const parsed = resultSchemaOf(analysis).safeParse(result);
      expect(parsed.error?.issues.slice(0, 5), `${analysis} (${how})`).toBeUndefined();
      expect(parsed.data, `${analysis} (${how})`).toStrictEqual(result);
    }
  });

  it("travel as JSON without loss", () => {
    for (const { analysis, how, result } of list) {
      const wire = JSON.parse(JSON.stringify(result));
      expect(resultSchemaOf(analysis).parse(wire), `${analysis} (${how})`).toStrictEqual(result);
    }
  });

  it("refuse an unexpected field anywhere", () => {
    for (const { analysis, how, result } of list) {
      const paths = objectPaths(result);
      // Every object of a small result; an even sample of a large one.
      const step = Math.max(1, Math.ceil(paths.length / 40));
      for (let i = 0; i < paths.length; i += step) {
        const path = paths[i] as (string | number)[];
        const accepted = acceptsExtraField(resultSchemaOf(analysis), result, path);
        expect(accepted, `${analysis} (${how}) at ${path.join(".") || "(top)"}`).toBe(false);
      }
    }
  });
});

describe("the datasets", () => {
  it("fill every list and every nullable field of every result at least once", () => {
    const all = new Set<string>();
    const filled = new Set<string>();
    for (const { results: list } of results)
      for (const { analysis, result } of list) pathsOf(result, analysis, all, filled);
    // The goal tree is recursive: its leaves on the third level repeat the shape of the levels above.
    const empty = [...all].filter((path) => !filled.has(path) && !/children\[\]\.children\[\]\./.test(path));
    expect(empty).toEqual([]);
    expect(all.size).toBeGreaterThan(400);
  });
});
