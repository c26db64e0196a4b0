// One test suite, two databases: every test file runs its tests against PGlite (always) and a real
// PostgreSQL server (when reachable; in CI it must be). Each file gets its own PGlite instance and
// its own freshly created PostgreSQL database, dropped afterwards.
import { randomBytes } from "node:crypto";
import { type SQL, sql } from "drizzle-orm";
import postgres from "postgres";
import { type Connection, rows } from "../src/db.js";
import { migrateDatabase } from "../src/migrate.js";
import { connect, makeStore, type Store } from "../src/store.js";

/** The server the PostgreSQL run creates its databases on. */
export const serverUrl =
  process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/test";

/** An open store plus raw access to its database, for tests that check what the SQL layer does. */
export interface TestDatabase {
  readonly store: Store;
  readonly connection: Connection;
  /** Runs SQL directly, as the connecting (owner) user. */
  query<T = Record<string, unknown>>(statement: SQL): Promise<T[]>;
  /** Closes the store and removes the database. */
  dispose(): Promise<void>;
}

export interface Backend {
  readonly name: "pglite" | "postgres";
  /** Opens a fresh, migrated database. */
  open(): Promise<TestDatabase>;
  /** A connection string for a fresh, empty database (PostgreSQL only), and how to drop it. */
  emptyDatabase?(): Promise<{ url: string; drop(): Promise<void> }>;
}

async function reachable(url: string): Promise<string | undefined> {
  const client = postgres(url, { max: 1, connect_timeout: 3, onnotice: () => {} });
  try {
    await client`select 1`;
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    await client.end({ timeout: 1 });
  }
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function createDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `oha_test_${randomBytes(6).toString("hex")}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database ${name}`);
  } finally {
    await admin.end({ timeout: 1 });
  }
  return {
    url: withDatabase(serverUrl, name),
    async drop() {
      const dropper = postgres(serverUrl, { max: 1, onnotice: () => {} });
      try {
        await dropper.unsafe(`drop database if exists ${name} with (force)`);
      } finally {
        await dropper.end({ timeout: 1 });
      }
    },
  };
}

async function openOn(connection: Connection, drop: () => Promise<void>): Promise<TestDatabase> {
  await migrateDatabase(connection);
  const store = makeStore(connection);
  return {
    store,
    connection,
    query: (statement) => rows(connection.db, statement),
    async dispose() {
      await store.close();
      await drop();
    },
  };
}

const pglite: Backend = {
  name: "pglite",
  async open() {
    return openOn(await connect({ dataDir: "memory://" }), async () => {});
  },
};

const postgresBackend: Backend = {
  name: "postgres",
  async open() {
    const database = await createDatabase();
    return openOn(await connect({ databaseUrl: database.url, maxConnections: 4 }), database.drop);
  },
  emptyDatabase: createDatabase,
};

/**
 * The backends to run against. Without a reachable server PostgreSQL is left out, except in CI
 * (`CI=true`), where that is an error.
 */
export async function testBackends(): Promise<Backend[]> {
  const problem = await reachable(serverUrl);
  if (!problem) return [pglite, postgresBackend];
  if (process.env.CI === "true") {
    throw new Error(`PostgreSQL is required in CI but ${serverUrl} cannot be reached: ${problem}`);
  }
  console.warn(`PostgreSQL at ${serverUrl} is not reachable (${problem}); running against PGlite only.`);
  return [pglite];
}

export const backends = await testBackends();

/** Who the tests act as. */
export const ctx = { principal: "test", locale: "en" } as const;

/** Creates a tenant and fails the test if that does not work. */
export async function newTenant(store: Store, name = "Landkreis Test"): Promise<string> {
  const created = await store.createTenant({ name, kind: "district" }, ctx.principal);
  if (!created.ok) throw new Error(created.error.message);
  return created.value.id;
}

/** The value of a successful result; throws with the error otherwise. */
export function value<T>(
  result: { ok: true; value: T } | { ok: false; error: { code: string; message: string } },
): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

export { sql };
