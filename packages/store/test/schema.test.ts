import { execFile } from "node:child_process";
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { promisify } from "node:util";
import { type EntityName, entities, entityNames } from "@oha/domain";
import { getTableName } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { fieldsOf } from "../src/query.js";
import { searchText } from "../src/records.js";
import { entityTable, tableOf } from "../src/tables.js";
import { migrationsFolder, packageDir } from "./fixtures/bundle.js";

describe("the schema", () => {
  it("has a table for every entity of the domain, named after its plural", () => {
    for (const name of entityNames) expect(() => entityTable(name)).not.toThrow();
    for (const name of entityNames) {
      expect(getTableName(entityTable(name))).toBe(entities[name].plural.replaceAll("-", "_"));
    }
  });

  it("copies only real fields into extra columns, and required ones where a column may not be empty", () => {
    for (const name of entityNames) {
      const { extracted } = tableOf(name);
      const shape = (
        entities[name].Record as unknown as {
          shape: Record<string, { safeParse(v: unknown): { success: boolean; data?: unknown } }>;
        }
      ).shape;
      for (const [field, column] of Object.entries(extracted)) {
        expect(fieldsOf(name).has(field), `${name}.${field}`).toBe(true);
        // A column that may not be empty needs a field that every record has (required, or with a default).
        const parsed = shape[field]?.safeParse(undefined);
        if (column.notNull)
          expect(parsed?.success && parsed.data === undefined, `${name}.${field}`).toBe(false);
      }
    }
    const hot: Partial<Record<EntityName, string[]>> = {
      measure: ["category", "status", "providerActorId", "public", "from", "to"],
      affiliation: ["actorId", "contactId"],
      membership: ["bodyId"],
      meeting: ["bodyId", "start"],
      observation: ["indicatorId", "date"],
    };
    for (const [name, fields] of Object.entries(hot) as [EntityName, string[]][]) {
      expect(Object.keys(tableOf(name).extracted)).toEqual(expect.arrayContaining(fields));
    }
  });

  it("searches the texts of a record but not its ids and timestamps", () => {
    const text = searchText({
      id: "msr_000000000000",
      title: "Praxistag",
      providerActorId: "act_000000000000",
      createdAt: "2024-01-01T00:00:00.000Z",
      places: 12,
      targetGroups: ["applicants"],
      description: "Für Schülerinnen",
    });
    expect(text.split("\n")).toEqual(["praxistag", "für schülerinnen"]);
  });

  it("has migrations for all of it: generating again finds nothing to do", async () => {
    const dir = mkdtempSync(join(tmpdir(), "oha-drizzle-"));
    try {
      cpSync(migrationsFolder, join(dir, "drizzle"), { recursive: true });
      // drizzle-kit wants paths relative to where it runs.
      const schema = relative(dir, join(packageDir, "src", "schema.ts"));
      writeFileSync(
        join(dir, "drizzle.config.ts"),
        `export default { dialect: "postgresql", schema: ${JSON.stringify(schema)}, out: "./drizzle" };\n`,
      );
      const kit = join(packageDir, "node_modules", ".bin", "drizzle-kit");
      const { stdout } = await promisify(execFile)(kit, ["generate", "--config", "drizzle.config.ts"], {
        cwd: dir,
      });
      expect(stdout).toContain("No schema changes");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
