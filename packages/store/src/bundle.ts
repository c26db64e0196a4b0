import {
  type EntityName,
  entities,
  entityNames,
  err,
  IsoDateTime,
  type IssueDetail,
  type Locale,
  mapReferences,
  type Network,
  ok,
  type Result,
  referencesOf,
  validate,
} from "@oha/domain";
import { sql } from "drizzle-orm";
import { z } from "zod";
import { type Executor, rows } from "./db.js";
import { importRefused, issue, type StoreError, validationFailed } from "./errors.js";
import { changedFields, type NewHistoryEntry, writeHistory } from "./history.js";
import { existingIds, type Fields, insertRecords, loadAll, replaceStatement } from "./records.js";
import { tenants } from "./schema.js";
import { tableOf } from "./tables.js";
import {
  bundleFormat,
  bundleVersion,
  type ImportCounts,
  type ImportOptions,
  type ImportSummary,
  type TenantBundle,
} from "./types.js";

function makeBundleSchema() {
  const lists = Object.fromEntries(
    entityNames.map((name) => [name, z.array(entities[name].Record).default([])]),
  ) as { [N in EntityName]: z.ZodDefault<z.ZodArray<(typeof entities)[N]["Record"]>> };
  return z
    .strictObject({
      format: z.literal(bundleFormat),
      version: z.literal(bundleVersion),
      exportedAt: IsoDateTime,
      tenantId: z.string().regex(/^reg_[0-9A-Za-z]{12}$/),
      network: z.strictObject(lists),
    })
    .meta({ id: "TenantBundle" });
}

let bundleSchema: ReturnType<typeof makeBundleSchema> | undefined;

/** The schema of a tenant bundle: every record is checked with its entity's domain schema. */
export function tenantBundleSchema(): ReturnType<typeof makeBundleSchema> {
  bundleSchema ??= makeBundleSchema();
  return bundleSchema;
}

/** Validates a bundle; problems come with the path of the record and field (`network.measure.3.title`). */
export function parseBundle(input: unknown, locale: Locale): Result<TenantBundle, StoreError> {
  const parsed = validate(tenantBundleSchema(), input, locale);
  if (!parsed.ok) return parsed;
  return ok(parsed.value as unknown as TenantBundle);
}

/** Gives the bundle's home region the importing tenant's id, everywhere it is referred to. */
function rehome(network: Network, from: string, to: string): Record<EntityName, Fields[]> {
  const out = {} as Record<EntityName, Fields[]>;
  for (const name of entityNames) {
    const records = (network[name] as unknown as Fields[]).map((record) => {
      if (from === to) return { ...record };
      const moved = mapReferences(name, record, (id, entity) =>
        entity === "region" && id === from ? to : id,
      );
      return name === "region" && moved.id === from ? { ...moved, id: to } : { ...moved };
    });
    out[name] = records;
  }
  return out;
}

async function countOthers(tx: Executor, tenantId: string): Promise<number> {
  let total = 0;
  for (const name of entityNames) {
    const { table, columns } = tableOf(name);
    const home = name === "region" ? sql`and ${columns.id} <> ${tenantId}` : sql``;
    const [row] = await rows<{ n: number }>(
      tx,
      sql`select count(*)::int as n from ${table} where ${columns.tenantId} = ${tenantId} ${home}`,
    );
    total += Number(row?.n ?? 0);
  }
  return total;
}

/**
 * Writes a validated network into a tenant inside the caller's transaction. Checks first (unique
 * ids, references that resolve inside the bundle or the tenant, an empty tenant unless merging) and
 * only then writes, with one history entry per written record.
 */
export async function importNetwork(
  tx: Executor,
  tenantId: string,
  network: Network,
  homeRegionId: string,
  options: ImportOptions,
): Promise<Result<ImportSummary, StoreError>> {
  const locale = options.locale ?? "de";
  const records = rehome(network, homeRegionId, tenantId);

  const problems: IssueDetail[] = [];
  const ids = new Map<EntityName, Set<string>>();
  for (const name of entityNames) {
    const seen = new Set<string>();
    records[name].forEach((record, i) => {
      const id = record.id as string;
      if (seen.has(id))
        problems.push(issue(`network.${name}.${i}.id`, "duplicate_value", { value: id }, locale));
      seen.add(id);
    });
    ids.set(name, seen);
  }
  if (problems.length > 0) return err(validationFailed(problems, locale));

  if (options.mode === "refuse-if-not-empty") {
    const others = await countOthers(tx, tenantId);
    if (others > 0) return err(importRefused(tenantId, others, locale));
  }

  // References must resolve inside the bundle, or (merging) to a record the tenant already has.
  const outside = new Map<EntityName, Set<string>>();
  for (const name of entityNames) {
    for (const record of records[name]) {
      for (const ref of referencesOf(name, record)) {
        if (ids.get(ref.entity)?.has(ref.id)) continue;
        outside.set(ref.entity, (outside.get(ref.entity) ?? new Set()).add(ref.id));
      }
    }
  }
  const resolved = new Map<EntityName, Set<string>>();
  for (const [target, wanted] of outside) {
    resolved.set(target, await existingIds(tx, target, tenantId, [...wanted], true));
  }
  for (const name of entityNames) {
    records[name].forEach((record, i) => {
      for (const ref of referencesOf(name, record)) {
        if (ids.get(ref.entity)?.has(ref.id) || resolved.get(ref.entity)?.has(ref.id)) continue;
        problems.push(
          issue(`network.${name}.${i}.${ref.path}`, "unknown_reference", { value: ref.id }, locale),
        );
      }
    });
  }
  if (problems.length > 0) return err(validationFailed(problems, locale));

  const summary: ImportSummary = { mode: options.mode, inserted: 0, updated: 0, unchanged: 0, perEntity: {} };
  const at = new Date().toISOString();
  for (const name of entityNames) {
    const incoming = records[name];
    if (incoming.length === 0) continue;
    const stored = new Map(
      (await loadAll(tx, name, tenantId, true)).map((record) => [record.id as string, record]),
    );
    const counts: ImportCounts = { inserted: 0, updated: 0, unchanged: 0 };
    const fresh: Fields[] = [];
    const entries: NewHistoryEntry[] = [];
    for (const record of incoming) {
      const id = record.id as string;
      const before = stored.get(id);
      const base = {
        entity: name,
        recordId: id,
        action: "import",
        version: record.version as number,
      } as const;
      const who = { principal: options.principal ?? "import", at };
      if (!before) {
        fresh.push(record);
        entries.push({ ...base, ...who, before: null, after: record });
        counts.inserted++;
        continue;
      }
      // The tenant's own region always exists; an import into an empty tenant takes the bundle's.
      const replacesHome = name === "region" && id === tenantId && options.mode === "refuse-if-not-empty";
      if (replacesHome || (record.version as number) > (before.version as number)) {
        await tx.execute(replaceStatement(name, tenantId, record));
        entries.push({ ...base, ...who, ...changedFields(before, record) });
        counts.updated++;
      } else {
        counts.unchanged++;
      }
    }
    await insertRecords(tx, name, tenantId, fresh);
    await writeHistory(tx, tenantId, entries);
    summary.perEntity[name] = counts;
    summary.inserted += counts.inserted;
    summary.updated += counts.updated;
    summary.unchanged += counts.unchanged;
  }
  const { table, columns } = tableOf("region");
  await tx.execute(sql`update ${tenants}
    set name = (select ${columns.data}->>'name' from ${table} where ${columns.tenantId} = ${tenantId} and ${columns.id} = ${tenantId})
    where id = ${tenantId}`);
  return ok(summary);
}
