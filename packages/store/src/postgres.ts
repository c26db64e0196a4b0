// PostgreSQL without the embedded database: for edge runtimes (Cloudflare Workers with the
// `nodejs_compat` flag, which the PostgreSQL driver needs) and anything else that must not load
// PGlite or touch a file system. Migrations are not run here: run `oha migrate` beforehand.
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { makeStore, type Store } from "./core.js";
import type { Db } from "./db.js";

/**
 * Opens a store on a PostgreSQL database that is already migrated. Connects lazily.
 *
 * @example
 * const store = openPostgresStore({ databaseUrl: env.DATABASE_URL, maxConnections: 1 });
 */
export function openPostgresStore(options: {
  readonly databaseUrl: string;
  readonly maxConnections?: number;
}): Store {
  const client = postgres(options.databaseUrl, {
    max: options.maxConnections ?? 10,
    onnotice: () => {},
    // No lookup of the server's array types on connect: the store reads no array columns, and on
    // the edge every request opens its own connection, so the lookup would cost a round trip each.
    fetch_types: false,
    connection: { application_name: "oha-store" },
  });
  return makeStore({ kind: "postgres", client, db: drizzle({ client }) as unknown as Db });
}
