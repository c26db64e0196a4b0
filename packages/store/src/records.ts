// Reading and writing rows of the entity tables. Every function takes the tenant explicitly and
// runs inside the caller's tenant-scoped transaction.
import { type EntityName, type IssueDetail, type Locale, type Reference, referencesOf } from "@oha/domain";
import { type SQL, sql } from "drizzle-orm";
import { type Executor, rows } from "./db.js";
import { hasNul, issue } from "./errors.js";
import { tableOf } from "./tables.js";

export type Fields = Record<string, unknown>;

/** The stored state of one record. */
export interface StoredRow {
  readonly data: Fields;
  readonly version: number;
  readonly deleted: boolean;
}

/** Loads a record of the tenant, optionally locking it for the rest of the transaction. */
export async function loadRecord(
  tx: Executor,
  entity: EntityName,
  tenantId: string,
  id: string,
  lock: boolean,
): Promise<StoredRow | undefined> {
  // No record has such an id, and PostgreSQL refuses the text: it is simply not found.
  if (hasNul(id)) return undefined;
  const { table, columns } = tableOf(entity);
  const [row] = await rows<StoredRow>(
    tx,
    sql`select ${columns.data} as data, ${columns.version} as version, ${columns.deleted} as deleted
      from ${table} where ${columns.tenantId} = ${tenantId} and ${columns.id} = ${id}
      ${lock ? sql`for update` : sql``}`,
  );
  return row;
}

/** Every record of one entity in the tenant, oldest first. */
export async function loadAll(
  tx: Executor,
  entity: EntityName,
  tenantId: string,
  includeDeleted: boolean,
): Promise<Fields[]> {
  const { table, columns } = tableOf(entity);
  const found = await rows<{ data: Fields }>(
    tx,
    sql`select ${columns.data} as data from ${table}
      where ${columns.tenantId} = ${tenantId} ${includeDeleted ? sql`` : sql`and ${columns.deleted} = false`}
      order by ${columns.createdAt}, ${columns.id}`,
  );
  return found.map((row) => row.data);
}

/**
 * The record's top-level texts (not ids or timestamps), one per line and in lower case: what the
 * text search looks at. Lower-casing here, not in SQL, makes the search a plain `like` (much faster
 * than `ilike`) that behaves the same whatever the database's collation.
 */
export function searchText(record: Fields): string {
  return Object.entries(record)
    .filter(([key, value]) => typeof value === "string" && key !== "id" && !key.endsWith("Id"))
    .filter(([key]) => key !== "createdAt" && key !== "updatedAt")
    .map(([, value]) => (value as string).toLowerCase())
    .join("\n");
}

function rowValues(entity: EntityName, tenantId: string, record: Fields): SQL[] {
  const { extracted } = tableOf(entity);
  return [
    sql`${tenantId}`,
    sql`${record.id as string}`,
    sql`${record.version as number}::integer`,
    sql`${record.createdAt as string}::timestamptz`,
    sql`${record.updatedAt as string}::timestamptz`,
    sql`${record.deleted === true}::boolean`,
    sql`${JSON.stringify(record)}::jsonb`,
    sql`${searchText(record)}::text`,
    ...Object.entries(extracted).map(
      ([field, column]) => sql`${record[field] ?? null}::${sql.raw(column.getSQLType())}`,
    ),
  ];
}

function columnList(entity: EntityName): SQL {
  const { columns, extracted } = tableOf(entity);
  const names = [
    columns.tenantId,
    columns.id,
    columns.version,
    columns.createdAt,
    columns.updatedAt,
    columns.deleted,
    columns.data,
    columns.search,
    ...Object.values(extracted),
  ].map((column) => sql.identifier(column!.name));
  return sql.join(names, sql`, `);
}

/** The statement that inserts new records. */
export function insertStatement(entity: EntityName, tenantId: string, records: readonly Fields[]): SQL {
  const values = records.map((record) => sql`(${sql.join(rowValues(entity, tenantId, record), sql`, `)})`);
  return sql`insert into ${tableOf(entity).table} (${columnList(entity)}) values ${sql.join(values, sql`, `)}`;
}

/** Inserts new records, in batches. */
export async function insertRecords(
  tx: Executor,
  entity: EntityName,
  tenantId: string,
  records: readonly Fields[],
) {
  for (let start = 0; start < records.length; start += 400) {
    await tx.execute(insertStatement(entity, tenantId, records.slice(start, start + 400)));
  }
}

/**
 * The statement that replaces a stored record. With `expectedVersion`, only while the stored
 * version still is that one (the row lock taken before makes this hold; the condition guards
 * against misuse).
 */
export function replaceStatement(
  entity: EntityName,
  tenantId: string,
  record: Fields,
  expectedVersion?: number,
): SQL {
  const { table, columns, extracted } = tableOf(entity);
  const set = (key: string, value: SQL) => sql`${sql.identifier(columns[key]!.name)} = ${value}`;
  const sets = [
    set("version", sql`${record.version as number}::integer`),
    set("createdAt", sql`${record.createdAt as string}::timestamptz`),
    set("updatedAt", sql`${record.updatedAt as string}::timestamptz`),
    set("deleted", sql`${record.deleted === true}::boolean`),
    set("data", sql`${JSON.stringify(record)}::jsonb`),
    set("search", sql`${searchText(record)}::text`),
    ...Object.entries(extracted).map(
      ([field, column]) =>
        sql`${sql.identifier(column.name)} = ${record[field] ?? null}::${sql.raw(column.getSQLType())}`,
    ),
  ];
  const guard =
    expectedVersion === undefined ? sql`` : sql`and ${columns.version} = ${expectedVersion}::integer`;
  return sql`update ${table} set ${sql.join(sets, sql`, `)}
    where ${columns.tenantId} = ${tenantId} and ${columns.id} = ${record.id as string} ${guard}`;
}

/** The statement that deletes a row for good (purge). */
export function deleteStatement(entity: EntityName, tenantId: string, id: string): SQL {
  const { table, columns } = tableOf(entity);
  return sql`delete from ${table} where ${columns.tenantId} = ${tenantId} and ${columns.id} = ${id}`;
}

/** Which of the given ids exist in the tenant (soft-deleted ones only with `includeDeleted`). */
export async function existingIds(
  tx: Executor,
  entity: EntityName,
  tenantId: string,
  ids: readonly string[],
  includeDeleted: boolean,
): Promise<Set<string>> {
  const { table, columns } = tableOf(entity);
  const found = new Set<string>();
  // An id with NUL names no record (and PostgreSQL refuses the text).
  const asked = ids.filter((id) => !hasNul(id));
  // In slices, to stay far below the limit of parameters per statement.
  for (let start = 0; start < asked.length; start += 1000) {
    const slice = asked.slice(start, start + 1000);
    const present = await rows<{ id: string }>(
      tx,
      sql`select ${columns.id} as id from ${table}
        where ${columns.tenantId} = ${tenantId}
          and ${columns.id} in (${sql.join(
            slice.map((id) => sql`${id}`),
            sql`, `,
          )})
          ${includeDeleted ? sql`` : sql`and ${columns.deleted} = false`}`,
    );
    for (const row of present) found.add(row.id);
  }
  return found;
}

/** A reference's place without list positions, so a reference that only moved in a list is the same. */
const placeOf = (path: string) => path.replace(/\.\d+(?=\.|$)/g, ".*");

/**
 * Checks that the records a record refers to exist in the same tenant and are not deleted, nested
 * references included (a standard's `adoptions.*.actorId`). Only references that are new against
 * `previous` are checked, so an edit of other fields is not blocked by a reference to a record
 * deleted since.
 */
export async function checkReferences(
  tx: Executor,
  entity: EntityName,
  tenantId: string,
  record: Fields,
  previous: Fields | undefined,
  locale: Locale,
): Promise<IssueDetail[]> {
  const key = (r: { path: string; id: string }) => `${placeOf(r.path)}\u0000${r.id}`;
  const known = new Set(previous ? referencesOf(entity, previous).map(key) : []);
  const wanted = referencesOf(entity, record).filter((r) => !known.has(key(r)));
  const [missing = []] = await unresolved(tx, tenantId, [wanted], locale);
  return missing;
}

/**
 * The references of several new records (or create inputs) of one entity that do not resolve in the
 * tenant, per record: one lookup per referenced entity for all of them (a batch's dry run).
 */
export function missingReferences(
  tx: Executor,
  entity: EntityName,
  tenantId: string,
  records: readonly Fields[],
  locale: Locale,
): Promise<IssueDetail[][]> {
  return unresolved(
    tx,
    tenantId,
    records.map((record) => referencesOf(entity, record)),
    locale,
  );
}

async function unresolved(
  tx: Executor,
  tenantId: string,
  wanted: readonly Reference[][],
  locale: Locale,
): Promise<IssueDetail[][]> {
  const byEntity = new Map<EntityName, Set<string>>();
  for (const ref of wanted.flat()) {
    const ids = byEntity.get(ref.entity) ?? new Set<string>();
    ids.add(ref.id);
    byEntity.set(ref.entity, ids);
  }
  const found = new Map<EntityName, Set<string>>();
  for (const [target, ids] of byEntity)
    found.set(target, await existingIds(tx, target, tenantId, [...ids], false));
  return wanted.map((refs) =>
    refs
      .filter((ref) => !found.get(ref.entity)?.has(ref.id))
      .map((ref) => issue(ref.path, "unknown_reference", { value: ref.id }, locale)),
  );
}
