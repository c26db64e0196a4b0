import type { PGlite } from "@electric-sql/pglite";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import { type SQL, sql } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import type { Sql } from "postgres";

/** A Drizzle database on either driver (queries are built from the tables in ./schema.ts). */
export type Db = PgDatabase<PgQueryResultHKT>;
/** A Drizzle transaction on either driver. */
export type Tx = PgTransaction<PgQueryResultHKT, NoSchema, ExtractTablesWithRelations<NoSchema>>;
type NoSchema = Record<string, never>;
/** Anything that can run a statement: the database or a transaction. */
export type Executor = Db | Tx;

/** An open database connection with its driver. */
export type Connection =
  | { readonly kind: "pglite"; readonly db: Db; readonly client: PGlite }
  | { readonly kind: "postgres"; readonly db: Db; readonly client: Sql };

/** Runs a statement and returns its rows, whichever driver answers (PGlite: `{ rows }`, postgres.js: an array). */
export async function rows<T>(executor: Executor, query: SQL): Promise<T[]> {
  const result: unknown = await executor.execute(query);
  if (Array.isArray(result)) return [...result] as T[];
  return (result as { rows: T[] }).rows;
}

/**
 * Runs `fn` in a transaction that can only see and write one tenant's rows: it switches to the
 * `oha_app` role (which row-level security applies to, unlike the owner or a superuser) and sets
 * `app.tenant_id`, which every policy compares `tenant_id` with. Both settings end with the transaction.
 */
export function scoped<T>(db: Db, tenantId: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(
      sql`select set_config('role', 'oha_app', true), set_config('app.tenant_id', ${tenantId}, true)`,
    );
    return fn(tx);
  });
}

/** An ISO 8601 UTC timestamp (`2026-01-31T12:00:00.000Z`) from a `timestamptz` column, the same on both drivers. */
export function isoText(column: SQL): SQL<string> {
  return sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}
