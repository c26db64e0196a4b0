import { type EntityName, entities } from "@oha/domain";
import { getTableColumns, getTableName, is } from "drizzle-orm";
import { type PgColumn, PgTable } from "drizzle-orm/pg-core";
import * as schema from "./schema.js";

/** Every table of the schema by its SQL name. */
const tablesByName = new Map<string, PgTable>();
for (const value of Object.values(schema) as unknown[]) {
  if (is(value, PgTable)) tablesByName.set(getTableName(value), value);
}

/**
 * The table of an entity: the one named after its plural (`funding-programmes` →
 * `funding_programmes`). Adding an entity needs its table in ./schema.ts and nothing here.
 */
export function entityTable(entity: EntityName): PgTable {
  const name = entities[entity].plural.replaceAll("-", "_");
  const table = tablesByName.get(name);
  if (!table) throw new Error(`No table "${name}" for the entity ${entity} in the store's schema.`);
  return table;
}

/** The columns every entity table has, keyed as in the domain record where they mirror a field. */
export const commonColumns = [
  "tenantId",
  "id",
  "version",
  "createdAt",
  "updatedAt",
  "deleted",
  "data",
  "search",
] as const;

/** How the store reaches one entity's table. */
export interface TableInfo {
  readonly table: PgTable;
  readonly name: string;
  /** Every column by its key. */
  readonly columns: Readonly<Record<string, PgColumn>>;
  /**
   * Copies of record fields kept in their own column for filters and indexes, keyed by the field
   * name (`providerActorId` → `provider_actor_id`).
   */
  readonly extracted: Readonly<Record<string, PgColumn>>;
}

const infos = new Map<EntityName, TableInfo>();

/** The table, its columns and its extracted field columns for an entity. */
export function tableOf(entity: EntityName): TableInfo {
  let info = infos.get(entity);
  if (!info) {
    const table = entityTable(entity);
    const columns = getTableColumns(table) as Record<string, PgColumn>;
    const extracted = Object.fromEntries(
      Object.entries(columns).filter(([key]) => !(commonColumns as readonly string[]).includes(key)),
    );
    info = { table, name: getTableName(table), columns, extracted };
    infos.set(entity, info);
  }
  return info;
}
