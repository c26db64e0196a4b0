// Validators built from the official OParl 1.1 and Open Referral HSDS 3.0 schemas vendored in
// `vendor/` at the repository root (never from a hand-written copy). Shared by the domain's and the
// API's tests. See vendor/README.md for what is adapted in memory and why.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Ajv, type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";

/** The folder with the vendored schemas. */
export const vendorDir = fileURLToPath(new URL("../../../vendor/", import.meta.url));

type Json = Record<string, unknown>;

const readJson = (path: string) => JSON.parse(readFileSync(path, "utf8")) as Json;

/** A validation problem, readable in a test failure. */
export interface SchemaProblem {
  readonly object: string;
  readonly schema: string;
  readonly path: string;
  readonly message: string;
}

// ---------------------------------------------------------------------------------------------
// OParl 1.1

const oparlSchemaDir = join(vendorDir, "oparl-1.1/schema");
const oparlSchemas = new Map(
  readdirSync(oparlSchemaDir)
    .filter((f) => f.endsWith(".json"))
    .map((f) => [f, readJson(join(oparlSchemaDir, f))]),
);

/** The OParl object types the vendored schemas define (`Meeting`, …). */
export const oparlSchemaTypes = [...oparlSchemas.keys()].map((f) => f.replace(/\.json$/, ""));

function makeOParlAjv(): Ajv {
  // OParl's non-standard keywords and its `\:` in patterns need these settings (vendor/README.md).
  const ajv = new Ajv({ strict: false, unicodeRegExp: false, allErrors: true });
  ajv.addFormat("url", (value: string) => {
    try {
      const url = new URL(value);
      return url.protocol === "http:" || url.protocol === "https:";
    } catch {
      return false;
    }
  });
  addFormats(ajv, ["date", "date-time"]);
  for (const [file, schema] of oparlSchemas) ajv.addSchema(schema, file);
  return ajv;
}

const oparlAjv = makeOParlAjv();

/** The OParl type of an object from its `type` URL. */
export function oparlTypeOf(object: unknown): string | undefined {
  const type = (object as { type?: unknown } | null)?.type;
  return typeof type === "string" ? type.replace(/^https:\/\/schema\.oparl\.org\/1\.1\//, "") : undefined;
}

/**
 * Validates an OParl object against the official schema of its type and resolves OParl's references:
 * every embedded object a property names a schema for (`"schema": "Location.json"`, also in `items`)
 * is validated against that schema too, recursively.
 */
export function validateOParl(
  object: unknown,
  expectedType?: string,
  where = "$",
  options: { resolve?: boolean } = {},
): SchemaProblem[] {
  const type = oparlTypeOf(object) ?? "";
  const problems: SchemaProblem[] = [];
  const id = String((object as { id?: unknown } | null)?.id ?? where);
  if (expectedType && type !== expectedType) {
    problems.push({
      object: id,
      schema: `${expectedType}.json`,
      path: "/type",
      message: `is ${type || "missing"}`,
    });
  }
  // An object is held to the schema its place names, whatever type it claims.
  const file = `${expectedType ?? type}.json`;
  const validate = oparlAjv.getSchema(file);
  if (!validate) {
    problems.push({ object: id, schema: file, path: "/type", message: "no official schema for this type" });
    return problems;
  }
  if (!validate(object)) {
    for (const e of validate.errors ?? []) {
      problems.push({ object: id, schema: file, path: e.instancePath, message: e.message ?? e.keyword });
    }
  }
  if (options.resolve === false) return problems;
  const properties = (oparlSchemas.get(file)?.properties ?? {}) as Record<string, Json>;
  for (const [name, property] of Object.entries(properties)) {
    const value = (object as Json)[name];
    if (value === undefined) continue;
    const named = (spec: Json | undefined) =>
      spec?.type === "object" && typeof spec.schema === "string"
        ? spec.schema.replace(/\.json$/, "")
        : undefined;
    const single = named(property);
    if (single) problems.push(...validateOParl(value, single, `${id}#${name}`));
    const listed = property.type === "array" ? named(property.items as Json | undefined) : undefined;
    if (listed && Array.isArray(value)) {
      value.forEach((item, i) => {
        problems.push(...validateOParl(item, listed, `${id}#${name}/${i}`));
      });
    }
  }
  return problems;
}

/** Validates one page of an OParl external list: its envelope and every object in `data`. */
export function validateOParlList(page: unknown, itemType: string): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  const p = page as { data?: unknown; pagination?: unknown; links?: { next?: unknown } };
  if (!Array.isArray(p?.data))
    problems.push({ object: "list", schema: "list", path: "/data", message: "missing" });
  if (typeof p?.pagination !== "object")
    problems.push({ object: "list", schema: "list", path: "/pagination", message: "missing" });
  if (typeof p?.links !== "object")
    problems.push({ object: "list", schema: "list", path: "/links", message: "missing" });
  for (const item of Array.isArray(p?.data) ? p.data : []) problems.push(...validateOParl(item, itemType));
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Open Referral HSDS 3.0

/** Where the HSDS reference API's `$ref`s point; the vendored files are registered under it. */
const hsdsBase = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/";
const hsdsDir = join(vendorDir, "hsds-3.0");

function makeHsdsAjv(): Ajv {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  for (const folder of ["schema", "compiled"]) {
    const dir = join(hsdsDir, folder);
    for (const file of readdirSync(dir).filter((f) => f.endsWith(".json") && f !== "openapi.json")) {
      const prefix = folder === "schema" ? hsdsBase : `${hsdsBase}compiled/`;
      ajv.addSchema(readJson(join(dir, file)), `${prefix}${file}`);
    }
  }
  return ajv;
}

const hsdsAjv = makeHsdsAjv();
const hsdsOpenApi = readJson(join(hsdsDir, "schema/openapi.json")) as {
  paths: Record<
    string,
    { get: { responses: { 200: { content: { "application/json": { schema: Json } } } } } }
  >;
  components: { schemas: Record<string, Json> };
};

/** Replaces the reference API's local `#/components/schemas/…` references by the schemas themselves. */
function inlineComponents(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(inlineComponents);
  if (!schema || typeof schema !== "object") return schema;
  const ref = (schema as Json).$ref;
  if (typeof ref === "string" && ref.startsWith("#/components/schemas/")) {
    return inlineComponents(hsdsOpenApi.components.schemas[ref.slice("#/components/schemas/".length)]);
  }
  return Object.fromEntries(Object.entries(schema).map(([k, v]) => [k, inlineComponents(v)]));
}

const responseValidators = new Map<string, ValidateFunction>();

/**
 * Validates an answer of an HSDS API path (`/services`, `/services/{id}`, …) against the response
 * schema the HSDS reference API (schema/openapi.json) gives for it. Full objects are validated
 * against the object schemas (`service.json` with its references) where the reference API names a
 * compiled file that is not part of the release.
 */
export function validateHsdsResponse(path: string, body: unknown): SchemaProblem[] {
  let validate = responseValidators.get(path);
  if (!validate) {
    const operation = hsdsOpenApi.paths[path]?.get;
    if (!operation) throw new Error(`The HSDS reference API has no path ${path}`);
    let schema = inlineComponents(operation.responses[200].content["application/json"].schema) as Json;
    const ref = typeof schema.$ref === "string" ? schema.$ref : undefined;
    // compiled/service.json and compiled/organization.json are not in the release: use the object schemas.
    if (ref === `${hsdsBase}compiled/service.json`) schema = { $ref: `${hsdsBase}service.json` };
    if (ref === `${hsdsBase}compiled/organization.json`) schema = { $ref: `${hsdsBase}organization.json` };
    validate = hsdsAjv.compile(schema);
    responseValidators.set(path, validate);
  }
  if (validate(body)) return [];
  return (validate.errors ?? []).map((e) => ({
    object: path,
    schema: e.schemaPath,
    path: e.instancePath,
    message: e.message ?? e.keyword,
  }));
}

/** Validates an object against one HSDS object schema (`service`, `organization`, `location`, …). */
export function validateHsds(kind: string, object: unknown): SchemaProblem[] {
  const validate = hsdsAjv.getSchema(`${hsdsBase}${kind}.json`);
  if (!validate) throw new Error(`No HSDS schema ${kind}`);
  if (validate(object)) return [];
  return (validate.errors ?? []).map((e) => ({
    object: String((object as { id?: unknown } | null)?.id ?? kind),
    schema: `${kind}.json`,
    path: e.instancePath,
    message: e.message ?? e.keyword,
  }));
}

/** The official HSDS example records. */
export function hsdsExample(name: "service_full" | "service_list" | "organization_full"): Json {
  return readJson(join(hsdsDir, "examples", `${name}.json`));
}

/** The official OParl examples. */
export function oparlExamples(): Json[] {
  const dir = join(vendorDir, "oparl-1.1/examples");
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .map((f) => readJson(join(dir, f)));
}
