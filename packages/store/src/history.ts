import type { EntityName } from "@oha/domain";
import { type SQL, sql } from "drizzle-orm";
import { type Executor, isoText, rows } from "./db.js";
import { hasNul } from "./errors.js";
import { history } from "./schema.js";
import type { HistoryAction, HistoryEntry } from "./types.js";

type Fields = Record<string, unknown>;

/** Structural equality of JSON values; key order does not matter (jsonb does not keep it). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((value, i) => sameJson(value, b[i]));
  }
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((key) => Object.hasOwn(b, key) && sameJson((a as Fields)[key], (b as Fields)[key]));
}

/** Fields the history keeps in its own columns (`version`, `at`), left out of before/after. */
const bookkeeping = new Set(["version", "updatedAt"]);

/** The fields that differ between two versions of a record, as they were before and after. */
export function changedFields(before: Fields, after: Fields): { before: Fields; after: Fields } {
  const out = { before: {} as Fields, after: {} as Fields };
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (bookkeeping.has(key) || sameJson(before[key], after[key])) continue;
    if (key in before) out.before[key] = before[key];
    if (key in after) out.after[key] = after[key];
  }
  return out;
}

/** A record without some of its fields. */
export function without(record: Fields, fields: readonly string[]): Fields {
  const out = { ...record };
  for (const field of fields) delete out[field];
  return out;
}

/** One history entry to write. */
export interface NewHistoryEntry {
  readonly entity: EntityName;
  readonly recordId: string;
  readonly action: HistoryAction;
  readonly version: number | null;
  readonly principal: string;
  readonly principalName?: string | null | undefined;
  readonly at: string;
  readonly before: Fields | null;
  readonly after: Fields | null;
}

const jsonOrNull = (value: Fields | null) =>
  value === null ? sql`null` : sql`${JSON.stringify(value)}::jsonb`;

/** The statement that appends history entries. */
export function historyStatement(tenantId: string, entries: readonly NewHistoryEntry[]): SQL {
  const values = entries.map(
    (e) =>
      sql`(${tenantId}, ${e.entity}, ${e.recordId}, ${e.action}, ${e.version}::integer, ${e.principal},
        ${e.principalName ?? null}::text, ${e.at}::timestamptz, ${jsonOrNull(e.before)}, ${jsonOrNull(e.after)})`,
  );
  return sql`insert into ${history} (tenant_id, entity, record_id, action, version, principal, principal_name, at, before, after)
    values ${sql.join(values, sql`, `)}`;
}

/** Writes history entries in the caller's transaction, in batches. */
export async function writeHistory(tx: Executor, tenantId: string, entries: readonly NewHistoryEntry[]) {
  for (let start = 0; start < entries.length; start += 500) {
    await tx.execute(historyStatement(tenantId, entries.slice(start, start + 500)));
  }
}

/** Runs a change of a record and appends its history entry, in one statement. */
export async function withHistory(tx: Executor, change: SQL, tenantId: string, entry: NewHistoryEntry) {
  await tx.execute(sql`with changed as (${change}) ${historyStatement(tenantId, [entry])}`);
}

/** Removes fields (personal data) from every earlier history entry of a record. */
export async function scrubHistory(
  tx: Executor,
  tenantId: string,
  entity: EntityName,
  recordId: string,
  fields: readonly string[],
) {
  if (fields.length === 0) return;
  const list = sql`array[${sql.join(
    fields.map((f) => sql`${f}::text`),
    sql`, `,
  )}]`;
  await tx.execute(sql`update ${history}
    set before = before - ${list}, after = after - ${list}
    where tenant_id = ${tenantId} and entity = ${entity} and record_id = ${recordId}`);
}

interface HistoryRow {
  seq: number | string;
  action: HistoryAction;
  version: number | null;
  principal: string;
  principal_name: string | null;
  at: string;
  before: Fields | null;
  after: Fields | null;
}

/** A record's history, oldest first. */
export async function readHistory(
  tx: Executor,
  tenantId: string,
  entity: EntityName,
  recordId: string,
): Promise<HistoryEntry[]> {
  // No record has an id with NUL (PostgreSQL refuses the text): it has no history.
  if (hasNul(recordId)) return [];
  const found = await rows<HistoryRow>(
    tx,
    sql`select seq, action, version, principal,
        coalesce(principal_name, (select k.name from api_keys k where 'key:' || k.id = ${history}.principal)) as principal_name,
        ${isoText(sql`at`)} as at, before, after
      from ${history}
      where tenant_id = ${tenantId} and entity = ${entity} and record_id = ${recordId}
      order by seq`,
  );
  return found.map((row) => ({
    seq: Number(row.seq),
    entity,
    recordId,
    action: row.action,
    version: row.version,
    principal: row.principal,
    principalName: row.principal_name,
    at: row.at,
    before: row.before,
    after: row.after,
  }));
}
