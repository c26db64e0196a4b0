import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { entityNames } from "@oha/domain";
import { getTableName } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { type Connection, rows } from "../src/db.js";
import { defaultMigrationsFolder, migrateDatabase } from "../src/migrate.js";
import { connect, makeStore, openStore } from "../src/store.js";
import { entityTable } from "../src/tables.js";
import { backends, ctx, sql, value } from "./backends.js";

const temporary: string[] = [];
afterAll(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  temporary.push(dir);
  return dir;
}

/** A copy of the migrations folder with only the first `count` migrations: an older release. */
function olderMigrations(count: number): string {
  const dir = tempDir("oha-migrations-");
  cpSync(defaultMigrationsFolder, dir, { recursive: true });
  const journalPath = join(dir, "meta", "_journal.json");
  const journal = JSON.parse(readFileSync(journalPath, "utf8")) as { entries: unknown[] };
  journal.entries = journal.entries.slice(0, count);
  writeFileSync(journalPath, JSON.stringify(journal));
  return dir;
}

const journal = JSON.parse(readFileSync(join(defaultMigrationsFolder, "meta", "_journal.json"), "utf8")) as {
  entries: { tag: string }[];
};

/** What the migrations built: tables, columns, indexes, policies; the same on both databases. */
async function describeSchema(connection: Connection) {
  const columns = await rows<{ t: string; c: string; type: string; nullable: string }>(
    connection.db,
    sql`select table_name as t, column_name as c, data_type as type, is_nullable as nullable
      from information_schema.columns where table_schema = 'public' order by table_name, ordinal_position`,
  );
  const indexes = await rows<{ name: string; def: string }>(
    connection.db,
    sql`select indexname as name, indexdef as def from pg_indexes where schemaname = 'public' order by indexname`,
  );
  const policies = await rows<{
    t: string;
    name: string;
    cmd: string;
    roles: string;
    qual: string;
    check: string;
  }>(
    connection.db,
    sql`select tablename as t, policyname as name, cmd, roles::text as roles, qual, with_check as check
      from pg_policies where schemaname = 'public' order by tablename`,
  );
  const secured = await rows<{ t: string }>(
    connection.db,
    sql`select relname as t from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind = 'r' and c.relrowsecurity order by relname`,
  );
  const applied = await rows<{ n: number }>(
    connection.db,
    sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
  );
  return { columns, indexes, policies, secured: secured.map((r) => r.t), applied: Number(applied[0]?.n) };
}

describe.each(backends)("migrations on $name", (backend) => {
  /** An empty database; for PGlite a new folder on disk, or (quicker) one in memory. */
  const fresh = async (
    where: "disk" | "memory" = "disk",
  ): Promise<{ options: { databaseUrl?: string; dataDir?: string }; drop(): Promise<void> }> => {
    if (backend.emptyDatabase) {
      const database = await backend.emptyDatabase();
      return { options: { databaseUrl: database.url }, drop: database.drop };
    }
    const dataDir = where === "disk" ? join(tempDir("oha-pglite-"), "data") : "memory://";
    return { options: { dataDir }, drop: async () => {} };
  };

  it("builds the whole schema on an empty database, and opening again changes nothing", async () => {
    const target = await fresh();
    try {
      const store = await openStore(target.options);
      expect(store.kind).toBe(backend.name);
      const tenantId = value(
        await store.createTenant({ name: "Landkreis Leer", kind: "district" }, "setup"),
      ).id;
      await store.close();

      const again = await openStore(target.options);
      expect((await again.listTenants()).map((t) => t.id)).toEqual([tenantId]);
      await again.close();

      const connection = await connect(target.options);
      try {
        const schema = await describeSchema(connection);
        expect(schema.applied).toBe(journal.entries.length);
        const tables = [...new Set(schema.columns.map((c) => c.t))];
        for (const name of entityNames) {
          expect(tables).toContain(getTableName(entityTable(name)));
        }
        expect(tables).toEqual(
          expect.arrayContaining(["tenants", "history", "api_keys", "idempotency_keys"]),
        );
        expect(schema.secured.sort()).toEqual([...tables].sort());
        expect(schema.policies).toHaveLength(tables.length);
        const role = await rows(
          connection.db,
          sql`select 1 from pg_roles where rolname = 'oha_app' and not rolcanlogin`,
        );
        expect(role).toHaveLength(1);
      } finally {
        if (connection.kind === "pglite") await connection.client.close();
        else await connection.client.end();
      }
    } finally {
      await target.drop();
    }
  });

  it("upgrades an older database and keeps its data", async () => {
    const target = await fresh("memory");
    try {
      const connection = await connect(target.options);
      try {
        await migrateDatabase(connection, olderMigrations(2));
        // Rows written by the older release, before the grants of the third migration existed.
        await connection.db.execute(sql`insert into tenants (id, name, created_at, created_by)
          values ('reg_older0000001', 'Altkreis', now(), 'old release')`);
        await connection.db.execute(sql`insert into regions (tenant_id, id, version, created_at, updated_at, data)
          values ('reg_older0000001', 'reg_older0000001', 1, '2020-01-01T00:00:00Z', '2020-01-01T00:00:00Z',
            '{"id":"reg_older0000001","name":"Altkreis","kind":"district","status":"active","keys":[],"municipalities":[],"version":1,"createdAt":"2020-01-01T00:00:00.000Z","updatedAt":"2020-01-01T00:00:00.000Z","deleted":false}')`);
        const before = await describeSchema(connection);
        expect(before.applied).toBe(2);

        await migrateDatabase(connection);
        expect((await describeSchema(connection)).applied).toBe(journal.entries.length);
        const store = makeStore(connection);
        const tenant = store.tenant("reg_older0000001");
        expect(value(await tenant.get("region", "reg_older0000001")).name).toBe("Altkreis");
        value(await tenant.create("actor", { name: "Neu nach dem Update", kind: "other" }, ctx));
        expect(value(await tenant.list("actor")).total).toBe(1);
      } finally {
        if (connection.kind === "pglite") await connection.client.close();
        else await connection.client.end();
      }
    } finally {
      await target.drop();
    }
  });

  if (backend.name === "postgres") {
    it("lets two processes start on an empty database at the same time", async () => {
      const target = await fresh();
      try {
        const stores = await Promise.all([openStore(target.options), openStore(target.options)]);
        for (const store of stores) expect(await store.listTenants()).toEqual([]);
        await Promise.all(stores.map((store) => store.close()));
      } finally {
        await target.drop();
      }
    });
  }
});

describe.runIf(backends.length === 2)("the same schema on PGlite and PostgreSQL", () => {
  it("has identical tables, columns, indexes and policies", async () => {
    const [pglite, server] = await Promise.all(backends.map((backend) => backend.open()));
    try {
      const a = await describeSchema(pglite!.connection);
      const b = await describeSchema(server!.connection);
      expect(a).toEqual(b);
      expect(a.columns.filter((c) => c.c === "tenant_id").length).toBe(entityNames.length + 3);
    } finally {
      await pglite?.dispose();
      await server?.dispose();
    }
  });
});
