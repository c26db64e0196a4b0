// Keeps ARCHITECTURE.md's "adding an entity" checklist true: every file it names exists (the
// entity's model file for every entity of the registry), and every entity of the registry has what
// the checklist asks for: its table, its migration, its routes in /openapi.json and its admin resource.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { type EntityName, entities, entityNames } from "@oha/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends, openTestApp, type Page, type TestApp } from "./harness.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
const read = (path: string) => readFileSync(join(root, path), "utf8");

/** The checklist's text, between its markers in ARCHITECTURE.md. */
function checklist(): string {
  const text = read("ARCHITECTURE.md");
  const start = text.indexOf("<!-- checklist:start -->");
  const end = text.indexOf("<!-- checklist:end -->");
  expect(start, "ARCHITECTURE.md has no <!-- checklist:start --> marker").toBeGreaterThanOrEqual(0);
  expect(end, "the checklist's end marker must follow its start").toBeGreaterThan(start);
  return text.slice(start, end);
}

/** Every path the checklist names: the code spans of its items that look like a file path. */
function checklistPaths(): string[] {
  return [...checklist().matchAll(/`([^`\s]+)`/g)]
    .map((match) => match[1] as string)
    .filter((span) => span.includes("/") && /\.[a-z]+$/.test(span));
}

/** The table name of an entity, as the checklist spells it (`<plural_with_underscores>`). */
const tableOf = (name: EntityName) => entities[name].plural.replaceAll("-", "_");

/** The model files of the domain, by the Record schemas they export. */
async function modelFileOf(): Promise<Map<unknown, string>> {
  const folder = "packages/domain/src/model";
  const byRecord = new Map<unknown, string>();
  for (const file of readdirSync(join(root, folder))) {
    // The registry re-exports the model files; it is not one of them.
    if (!file.endsWith(".ts") || file.endsWith(".test.ts") || file === "entities.ts") continue;
    const module = (await import(join(root, folder, file))) as Record<string, unknown>;
    for (const value of Object.values(module))
      if (!byRecord.has(value)) byRecord.set(value, `${folder}/${file}`);
  }
  return byRecord;
}

describe("the checklist for adding an entity", () => {
  const paths = checklistPaths();

  it("names the files an entity needs, at least the model file, the registry and the store schema", () => {
    expect(paths).toEqual(
      expect.arrayContaining([
        "packages/domain/src/model/<entity>.ts",
        "packages/domain/src/model/entities.ts",
        "packages/store/src/schema.ts",
      ]),
    );
  });

  it.each(paths.filter((path) => !path.includes("<")))("names %s, which exists", (path) => {
    expect(existsSync(join(root, path)), `${path} is named in ARCHITECTURE.md's checklist`).toBe(true);
  });

  it("names at most six hand-written files", () => {
    // The migration and the domain README's table of entities are written by commands, not by hand.
    expect(new Set(paths.map((path) => path.replace(/<[^>]+>/g, "*"))).size).toBeLessThanOrEqual(6);
  });

  it("names the model file: every entity's Record schema comes from such a file, exported by the registry", async () => {
    const pattern = paths.find((path) => path.includes("<entity>"));
    expect(pattern).toBeDefined();
    const [before, after] = (pattern as string).split("<entity>") as [string, string];
    const files = await modelFileOf();
    const registry = read("packages/domain/src/model/entities.ts");
    // The package exports the registry, and with it the model files it exports.
    expect(read("packages/domain/src/index.ts")).toContain('export * from "./model/entities.js";');
    for (const name of entityNames) {
      const file = files.get(entities[name].Record);
      expect(file, `no model file exports the Record schema of ${name}`).toBeDefined();
      expect(file?.startsWith(before) && file.endsWith(after), `${name}: ${file}`).toBe(true);
      const stem = (file as string).slice(before.length, (file as string).length - after.length);
      expect(registry, `packages/domain/src/model/entities.ts does not export ${file}`).toContain(
        `export * from "./${stem}.js";`,
      );
    }
    // The entity added last has a model file of its own, named after it.
    expect(files.get(entities.document.Record)).toBe(`${before}document${after}`);
  });

  it("names the changesets folder, which holds at least one change", () => {
    const pattern = paths.find((path) => path.startsWith(".changeset/"));
    expect(pattern).toBeDefined();
    const folder = dirname(pattern as string);
    expect(readdirSync(join(root, folder)).filter((file) => file.endsWith(".md")).length).toBeGreaterThan(0);
  });
});

describe("every entity of the registry", () => {
  const schema = read("packages/store/src/schema.ts");
  const drizzle = "packages/store/drizzle";
  const journal = JSON.parse(read(`${drizzle}/meta/_journal.json`)) as {
    entries: { idx: number; tag: string }[];
  };
  const migrations = journal.entries.map((entry) => read(`${drizzle}/${entry.tag}.sql`)).join("\n");

  it("has migrations and a journal that agree: one entry per SQL file, in order, each with its snapshot", () => {
    const files = readdirSync(join(root, drizzle))
      .filter((file) => file.endsWith(".sql"))
      .sort();
    expect(journal.entries.map((entry) => `${entry.tag}.sql`)).toEqual(files);
    journal.entries.forEach((entry, i) => {
      expect(entry.idx).toBe(i);
      expect(entry.tag.startsWith(String(i).padStart(4, "0"))).toBe(true);
      expect(
        existsSync(join(root, drizzle, "meta", `${entry.tag.slice(0, 4)}_snapshot.json`)),
        entry.tag,
      ).toBe(true);
    });
  });

  it.each(entityNames)("%s: has its table in the store's schema and a migration that creates it", (name) => {
    expect(schema, `packages/store/src/schema.ts lacks entityTable("${tableOf(name)}", …)`).toMatch(
      new RegExp(`entityTable\\(\\s*"${tableOf(name)}"`),
    );
    expect(migrations, `no migration creates the table ${tableOf(name)}`).toContain(
      `CREATE TABLE "${tableOf(name)}"`,
    );
  });

  it.each(entityNames)('%s: has a resource in apps/admin/src/resources.tsx ("<entity name>")', (name) => {
    const path = "apps/admin/src/resources.tsx";
    expect(existsSync(join(root, path)), `${path} does not exist`).toBe(true);
    expect(read(path), `${path} has no resource for ${name}`).toContain(`"${name}"`);
  });
});

describe.each(backends)("every entity of the registry, served on $name", (backend) => {
  let t: TestApp;
  let paths: Record<string, Record<string, unknown>>;
  beforeAll(async () => {
    t = await openTestApp(backend);
    const reply = await t.request<{ paths: typeof paths }>("GET", "/openapi.json");
    expect(reply.status).toBe(200);
    paths = reply.body.paths;
  });
  afterAll(() => t?.close());

  it.each(entityNames)("%s: list, get, create, patch and delete are documented under its plural", (name) => {
    const def = entities[name];
    const many = paths[`/api/v1/${def.plural}`] ?? {};
    const one = paths[`/api/v1/${def.plural}/{id}`] ?? {};
    expect(Object.keys(many), def.plural).toContain("get");
    expect(Object.keys(one), def.plural).toEqual(expect.arrayContaining(["get", "delete"]));
    if (def.writtenBy === "commands") {
      // Records only the domain's commands write have no generic patch (the registry says so); their
      // create, where there is one, is a command's route.
      expect(Object.keys(one)).not.toContain("patch");
    } else {
      expect(Object.keys(many), def.plural).toContain("post");
      expect(Object.keys(one), def.plural).toContain("patch");
    }
  });

  it.each(entityNames)("%s: its table exists in a migrated database (the list answers)", async (name) => {
    const reply = await t.request<Page>("GET", `/api/v1/${entities[name].plural}?limit=1`, {
      key: t.keys.coordinator,
    });
    expect(reply.status, reply.text).toBe(200);
    expect(reply.body.total).toBeGreaterThanOrEqual(0);
  });
});
