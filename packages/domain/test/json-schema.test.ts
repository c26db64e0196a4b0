import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import {
  analysisResultSchemas,
  generateJsonSchemas,
  type JsonSchemaAnalysisEntry,
  type JsonSchemaIndexEntry,
  jsonSchemaBase,
} from "../scripts/json-schemas.js";
import { analyses } from "../src/analytics/analyses.js";
import { osterodeExample } from "../src/example/index.js";
import { createRecord, entities, entityNames } from "../src/model/entities.js";
import { datasets, resultsOf } from "./analytics-results.js";
import { ids, minimalCreate, now, richCreate } from "./fixtures.js";

const packageDir = fileURLToPath(new URL("..", import.meta.url));
const generated = generateJsonSchemas();
const documents = new Map(
  [...generated].filter(([name]) => name !== "index.json").map(([name, json]) => [name, JSON.parse(json)]),
);
const index = JSON.parse(generated.get("index.json") ?? "null") as {
  base: string;
  entities: JsonSchemaIndexEntry[];
  analytics: JsonSchemaAnalysisEntry[];
};

function readFolder(dir: string): Map<string, string> {
  return new Map(readdirSync(dir).map((name) => [name, readFileSync(join(dir, name), "utf8")]));
}

function makeAjv() {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats(ajv);
  for (const document of documents.values()) ajv.addSchema(document);
  return ajv;
}

const ajv = makeAjv();
const validatorOf = (file: string) => {
  const validator = ajv.getSchema(`${jsonSchemaBase}${file}`);
  if (!validator) throw new Error(`no schema ${file}`);
  return validator;
};
const fileOf = (name: (typeof entityNames)[number], kind: "record" | "create" | "patch") =>
  index.entities.find((e) => e.entity === name)?.schemas[kind] as string;
const asJson = (value: unknown) => JSON.parse(JSON.stringify(value));

describe("generated JSON Schema files", () => {
  const temp = mkdtempSync(join(tmpdir(), "oha-schemas-"));
  afterAll(() => rmSync(temp, { recursive: true, force: true }));

  it("are what the build script writes", () => {
    const tsx = createRequire(import.meta.url).resolve("tsx/cli");
    execFileSync(process.execPath, [tsx, join(packageDir, "scripts/generate-json-schemas.ts"), temp], {
      stdio: "pipe",
    });
    expect(readFolder(temp)).toEqual(generated);
  });

  it("match the build output in schemas/, when it has been built", () => {
    const built = join(packageDir, "schemas");
    const expected = existsSync(built) ? readFolder(built) : generated;
    expect(expected, "schemas/ is stale: run `pnpm --filter @oha/domain build`").toEqual(generated);
  });

  it("are deterministic", () => {
    expect(generateJsonSchemas()).toEqual(generated);
  });

  it("are one Record, Create and Patch schema per entity, one per analysis result, the transfer package, plus the index", () => {
    const resultFiles = new Set(index.analytics.map((a) => a.schema));
    expect(generated.size).toBe(entityNames.length * 3 + resultFiles.size + 2);
    expect(documents.has("TransferPackage.json")).toBe(true);
    expect(index.base).toBe(jsonSchemaBase);
    expect(index.entities.map((e) => e.entity)).toEqual(entityNames);
    for (const entry of index.entities) {
      for (const file of Object.values(entry.schemas)) expect(documents.has(file), file).toBe(true);
      expect(entry.idPrefix).toBe(entities[entry.entity].idPrefix);
    }
    expect(fileOf("actor", "record")).toBe("Actor.json");
    expect(fileOf("actor", "create")).toBe("ActorCreate.json");
    expect(fileOf("actor", "patch")).toBe("ActorPatch.json");
  });

  it("are shipped in the package under @oha/domain/json-schema/", () => {
    const manifest = JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8"));
    expect(manifest.exports["./json-schema/*.json"]).toBe("./schemas/*.json");
    expect(manifest.files).toContain("schemas");
  });
});

describe("the JSON Schemas of the analysis results", () => {
  it("are listed in the index with the entities each analysis reads", () => {
    expect(index.analytics.map((a) => a.analysis)).toEqual(analysisResultSchemas().map(([name]) => name));
    for (const entry of index.analytics) {
      expect(entry.reads).toEqual(analyses[entry.analysis].reads);
      expect(documents.has(entry.schema), entry.schema).toBe(true);
    }
    expect(index.analytics.find((a) => a.analysis === "assessNetworkHealth")?.schema).toBe(
      "NetworkHealth.json",
    );
  });

  it.each(
    datasets.map((d) => [d.name, d] as const),
  )("accept the real results for %s and refuse a changed one", (_, dataset) => {
    for (const { analysis, how, result } of resultsOf(dataset)) {
      const file = index.analytics.find((a) => a.analysis === analysis)?.schema as string;
      const check = validatorOf(file);
      const wire = asJson(result) as Record<string, unknown>;
      expect(check(wire), `${analysis} (${how}): ${JSON.stringify(check.errors?.slice(0, 3))}`).toBe(true);
      expect(check({ ...wire, unexpected: true }), `${analysis} (${how})`).toBe(false);
      expect(check({ ...wire, asOf: 20240131 }), `${analysis} (${how})`).toBe(false);
    }
  });
});

describe("each JSON Schema", () => {
  it.each([...documents.keys()])("%s is valid JSON Schema 2020-12 with a stable $id", (file) => {
    const document = documents.get(file);
    expect(document.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(document.$id).toBe(`${jsonSchemaBase}${file}`);
    expect(document.title).toBe(file.replace(/\.json$/, ""));
    const checker = new Ajv2020({ strict: true });
    addFormats(checker);
    expect(checker.validateSchema(document), JSON.stringify(checker.errors)).toBe(true);
    expect(() => checker.compile(document)).not.toThrow();
  });
});

describe("the JSON Schemas and the Zod schemas agree", () => {
  it.each(entityNames.map((n) => [n] as const))("%s: accept valid inputs, records and patches", (name) => {
    for (const input of [minimalCreate[name], richCreate[name]]) {
      const create = validatorOf(fileOf(name, "create"));
      expect(create(asJson(input)), JSON.stringify(create.errors)).toBe(true);
      const record = createRecord(name, input, now);
      if (!record.ok) throw new Error("setup");
      const check = validatorOf(fileOf(name, "record"));
      expect(check(asJson(record.value)), JSON.stringify(check.errors)).toBe(true);
    }
    const patch = validatorOf(fileOf(name, "patch"));
    expect(patch({})).toBe(true);
    expect(patch(asJson(minimalCreate[name]))).toBe(true);
  });

  it.each(entityNames.map((n) => [n] as const))("%s: refuse what Zod refuses for its shape", (name) => {
    const record = createRecord(name, richCreate[name], now);
    if (!record.ok) throw new Error("setup");
    const value = asJson(record.value) as Record<string, unknown>;
    const check = validatorOf(fileOf(name, "record"));
    const { id: _id, ...withoutId } = value;
    expect(check(withoutId)).toBe(false);
    expect(check({ ...value, id: "nope" })).toBe(false);
    expect(check({ ...value, id: ids.region.replace("reg", name === "region" ? "act" : "reg") })).toBe(false);
    expect(check({ ...value, colour: "blue" })).toBe(false);
    expect(check({ ...value, version: 0 })).toBe(false);
    expect(check({ ...value, createdAt: "yesterday" })).toBe(false);
    const create = validatorOf(fileOf(name, "create"));
    expect(create({ ...asJson(minimalCreate[name]), colour: "blue" })).toBe(false);
    const patch = validatorOf(fileOf(name, "patch"));
    const [required] = Object.keys(minimalCreate[name]);
    expect(patch({ [required as string]: null })).toBe(false);
    expect(patch({ id: value.id })).toBe(false);
  });

  it("refuse a wrong enum value and accept null to clear an optional field", () => {
    expect(validatorOf("ActorCreate.json")({ name: "Jobcenter", kind: "school" })).toBe(false);
    expect(validatorOf("ActorPatch.json")({ website: null })).toBe(true);
    expect(validatorOf("ActorPatch.json")({ kind: null })).toBe(false);
  });

  it("mark defaulted fields optional in Create and required in the Record", () => {
    const create = documents.get("AgreementCreate.json").$defs.AgreementCreate;
    const record = documents.get("Agreement.json").$defs.Agreement;
    expect(create.required).toEqual(["title"]);
    expect(create.properties.status.default).toBe("draft");
    expect(record.required).toEqual(
      expect.arrayContaining(["title", "status", "signatures", "id", "version"]),
    );
  });

  it.each(
    entityNames.map((n) => [n] as const),
  )("%s: accept whatever the Zod Create schema accepts", (name) => {
    // JSON Schema cannot state cross-field rules, so it may accept more than Zod, never less.
    const create = validatorOf(fileOf(name, "create"));
    const base = richCreate[name] as Record<string, unknown>;
    const fields = Object.keys(base);
    const value = fc.oneof(
      fc.constantFrom(...fields.map((f) => base[f])),
      fc.string(),
      fc.integer({ min: -2, max: 120 }),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
      fc.constant("2024-02-29"),
      fc.constant(ids.actor),
    );
    fc.assert(
      fc.property(fc.constantFrom(...fields), value, (field, replacement) => {
        const input = { ...base, [field]: replacement };
        const zodOk = entities[name].Create.safeParse(input).success;
        if (zodOk) expect(create(asJson(input)), JSON.stringify(create.errors)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

describe("the Osterode example network", () => {
  it.each(entityNames.map((n) => [n] as const))("%s: every record passes the Record JSON Schema", (name) => {
    const check = validatorOf(fileOf(name, "record"));
    for (const record of osterodeExample[name]) {
      expect(check(asJson(record)), `${(record as { id: string }).id}: ${JSON.stringify(check.errors)}`).toBe(
        true,
      );
    }
  });

  it("has records to check", () => {
    expect(osterodeExample.actor.length).toBeGreaterThan(0);
    expect(osterodeExample.meeting.length).toBeGreaterThan(0);
  });
});
