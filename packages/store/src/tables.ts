import type { EntityName } from "@oha/domain";
import { getTableColumns, getTableName } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import * as schema from "./schema.js";

/** The table of each entity. */
export const entityTables = {
  region: schema.regions,
  coordinationOffice: schema.offices,
  fundingProgramme: schema.fundingProgrammes,
  actor: schema.actors,
  contact: schema.contacts,
  affiliation: schema.affiliations,
  body: schema.bodies,
  seat: schema.seats,
  membership: schema.memberships,
  meeting: schema.meetings,
  agreement: schema.agreements,
  indicator: schema.indicators,
  observation: schema.observations,
  goal: schema.goals,
  standard: schema.standards,
  guide: schema.guides,
  measure: schema.measures,
  overlapReview: schema.overlapReviews,
  reconciliationRound: schema.reconciliationRounds,
  reconciliationResponse: schema.reconciliationResponses,
  maturityAssessment: schema.maturityAssessments,
} as const satisfies Record<EntityName, PgTable>;

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
    const table = entityTables[entity] as PgTable;
    const columns = getTableColumns(table) as Record<string, PgColumn>;
    const extracted = Object.fromEntries(
      Object.entries(columns).filter(([key]) => !(commonColumns as readonly string[]).includes(key)),
    );
    info = { table, name: getTableName(table), columns, extracted };
    infos.set(entity, info);
  }
  return info;
}
