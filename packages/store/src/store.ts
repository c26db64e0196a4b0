import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { makeStore, type OpenStoreOptions, type Store } from "./core.js";
import type { Connection, Db } from "./db.js";
import { migrateDatabase } from "./migrate.js";
import { openPglite } from "./pglite.js";

export { type CreatedTenant, makeStore, type OpenStoreOptions, type Store } from "./core.js";

/** Opens a database connection without migrating. */
export async function connect(options: OpenStoreOptions = {}): Promise<Connection> {
  if (options.databaseUrl) {
    const client = postgres(options.databaseUrl, {
      max: options.maxConnections ?? 10,
      onnotice: () => {},
      connection: { application_name: "oha-store" },
    });
    return { kind: "postgres", client, db: drizzlePostgres({ client }) as unknown as Db };
  }
  const client = await openPglite(options.dataDir ?? "./data", options.memory ?? {});
  return { kind: "pglite", client, db: drizzlePglite({ client }) as unknown as Db };
}

/**
 * Opens the store and brings its schema up to date. PostgreSQL when `databaseUrl` is given,
 * otherwise the embedded database in `dataDir`.
 *
 * @example
 * const store = await openStore({ dataDir: "./data" });
 * const created = await store.createTenant({ name: "Landkreis Osterode am Harz", kind: "district" }, "setup");
 */
export async function openStore(options: OpenStoreOptions = {}): Promise<Store> {
  const connection = await connect(options);
  try {
    await migrateDatabase(connection, options.migrationsFolder);
  } catch (error) {
    if (connection.kind === "pglite") await connection.client.close();
    else await connection.client.end({ timeout: 5 });
    throw error;
  }
  return makeStore(connection);
}

/**
 * The store options a deployment sets through its environment: `DATABASE_URL` for PostgreSQL,
 * otherwise `OHA_DATA_DIR` (default `./data`) for the embedded database.
 */
export function storeOptionsFromEnv(
  env: Readonly<Record<string, string | undefined>> = process.env,
): OpenStoreOptions {
  const databaseUrl = env.DATABASE_URL?.trim();
  if (databaseUrl) return { databaseUrl };
  return { dataDir: env.OHA_DATA_DIR?.trim() || "./data" };
}
