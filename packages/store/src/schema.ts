// The database schema. drizzle-kit reads this file to generate the SQL in ../drizzle; it must not
// import @oha/domain, so table names are spelled out here and a test checks them against the registry.
import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  date,
  type ExtraConfigColumn,
  index,
  integer,
  jsonb,
  type PgColumnBuilderBase,
  pgPolicy,
  pgRole,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";

/** The role every tenant-scoped transaction runs as; created by the first migration. */
export const appRole = pgRole("oha_app").existing();

const tenantMatches = sql`tenant_id = current_setting('app.tenant_id', true)`;

/** One policy per table: rows of other tenants can neither be read nor written. */
const tenantPolicy = () =>
  pgPolicy("tenant_isolation", {
    as: "permissive",
    for: "all",
    to: appRole,
    using: tenantMatches,
    withCheck: tenantMatches,
  });

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: "string" });

/** The tenants (districts) of a deployment; each one's own region record has the same id. */
export const tenants = pgTable(
  "tenants",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    createdAt: instant("created_at").notNull(),
    createdBy: text("created_by").notNull(),
    /**
     * Goes up with every committed change of the tenant's records: caches of derived results (the
     * analytics) stay valid exactly as long as it does not move, in every process.
     */
    dataVersion: bigint("data_version", { mode: "number" }).notNull().default(0),
  },
  () => [
    pgPolicy("tenant_isolation", {
      as: "permissive",
      for: "all",
      to: appRole,
      using: sql`id = current_setting('app.tenant_id', true)`,
      withCheck: sql`id = current_setting('app.tenant_id', true)`,
    }),
  ],
).enableRLS();

const common = {
  tenantId: text("tenant_id")
    .notNull()
    .references(() => tenants.id),
  id: text("id").notNull(),
  version: integer("version").notNull(),
  createdAt: instant("created_at").notNull(),
  updatedAt: instant("updated_at").notNull(),
  deleted: boolean("deleted").notNull().default(false),
  /** The whole domain record; the other columns are copies for keys, filters and sync. */
  data: jsonb("data").notNull(),
  /** The record's top-level texts, one per line, for the list queries' text search. */
  search: text("search").notNull().default(""),
};

type IndexSpec = readonly [name: string, columns: readonly string[]];

function entityTable<const T extends string, C extends Record<string, PgColumnBuilderBase>>(
  name: T,
  columns: C,
  indexes: readonly IndexSpec[] = [],
) {
  return pgTable(name, { ...common, ...columns }, (t) => {
    const column = (key: string) => (t as unknown as Record<string, ExtraConfigColumn>)[key]!;
    return [
      primaryKey({ name: `${name}_pkey`, columns: [t.tenantId, t.id] }),
      index(`${name}_sync_idx`).on(t.tenantId, t.updatedAt, t.id),
      ...indexes.map(([suffix, keys]) =>
        index(`${name}_${suffix}_idx`).on(t.tenantId, ...keys.map((key) => column(key))),
      ),
      tenantPolicy(),
    ];
  }).enableRLS();
}

export const regions = entityTable("regions", {});
export const offices = entityTable("offices", {});
export const fundingProgrammes = entityTable("funding_programmes", {});
export const actors = entityTable("actors", { kind: text("kind").notNull() }, [["kind", ["kind"]]]);
export const contacts = entityTable("contacts", {});
export const affiliations = entityTable(
  "affiliations",
  { actorId: text("actor_id").notNull(), contactId: text("contact_id").notNull() },
  [
    ["actor", ["actorId"]],
    ["contact", ["contactId"]],
  ],
);
export const bodies = entityTable("bodies", { kind: text("kind").notNull() }, [["kind", ["kind"]]]);
export const seats = entityTable("seats", { bodyId: text("body_id").notNull() }, [["body", ["bodyId"]]]);
export const memberships = entityTable(
  "memberships",
  { bodyId: text("body_id").notNull(), contactId: text("contact_id").notNull() },
  [
    ["body", ["bodyId"]],
    ["contact", ["contactId"]],
  ],
);
export const meetings = entityTable(
  "meetings",
  { bodyId: text("body_id").notNull(), start: instant("start").notNull() },
  [
    ["body", ["bodyId", "start"]],
    ["start", ["start"]],
  ],
);
export const agreements = entityTable("agreements", {});
export const indicators = entityTable("indicators", {});
export const observations = entityTable(
  "observations",
  { indicatorId: text("indicator_id").notNull(), date: date("date", { mode: "string" }).notNull() },
  [["indicator", ["indicatorId", "date"]]],
);
export const goals = entityTable("goals", {});
export const standards = entityTable("standards", {});
export const guides = entityTable("guides", {});
export const measures = entityTable(
  "measures",
  {
    category: text("category").notNull(),
    status: text("status").notNull(),
    providerActorId: text("provider_actor_id").notNull(),
    public: boolean("public").notNull(),
    from: date("from", { mode: "string" }).notNull(),
    to: date("to", { mode: "string" }),
  },
  [
    ["category", ["category"]],
    ["status", ["status"]],
    ["provider", ["providerActorId"]],
    ["public", ["public"]],
    ["period", ["from", "to"]],
  ],
);
export const overlapReviews = entityTable("overlap_reviews", {});
export const reconciliationRounds = entityTable("reconciliation_rounds", {});
export const reconciliationResponses = entityTable(
  "reconciliation_responses",
  { roundId: text("round_id").notNull() },
  [["round", ["roundId"]]],
);
export const maturityAssessments = entityTable("maturity_assessments", {});
export const documents = entityTable(
  "documents",
  { attachedTo: text("attached_to").notNull(), visibility: text("visibility").notNull() },
  [
    ["attached", ["attachedTo"]],
    ["visibility", ["visibility"]],
  ],
);

/** The audit history: one row per create, update, delete, purge and import of a record. */
export const history = pgTable(
  "history",
  {
    seq: bigint("seq", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    tenantId: text("tenant_id")
      .notNull()
      .references(() => tenants.id),
    entity: text("entity").notNull(),
    recordId: text("record_id").notNull(),
    action: text("action").notNull(),
    /** The record's version after the change; null after a purge. */
    version: integer("version"),
    principal: text("principal").notNull(),
    /** The API key's label or the user's name at the time of the change, for people reading the history. */
    principalName: text("principal_name"),
    at: instant("at").notNull(),
    /** The changed fields before the change (null for a create). */
    before: jsonb("before"),
    /** The changed fields after the change (null for a purge). */
    after: jsonb("after"),
  },
  (t) => [
    index("history_record_idx").on(t.tenantId, t.entity, t.recordId, t.seq),
    index("history_purged_idx").on(t.tenantId, t.entity, t.at).where(sql`action = 'purge'`),
    tenantPolicy(),
  ],
).enableRLS();

/** API keys; only the SHA-256 hash of the secret is stored. */
export const apiKeys = pgTable(
  "api_keys",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id")
      .notNull()
      .references(() => tenants.id),
    role: text("role").notNull(),
    /** For a partner's key: the actor it acts for. */
    actorId: text("actor_id"),
    name: text("name").notNull(),
    hash: text("hash").notNull(),
    prefix: text("prefix").notNull(),
    createdAt: instant("created_at").notNull(),
    revokedAt: instant("revoked_at"),
    lastUsedAt: instant("last_used_at"),
  },
  (t) => [
    uniqueIndex("api_keys_hash_idx").on(t.hash),
    index("api_keys_tenant_idx").on(t.tenantId),
    tenantPolicy(),
  ],
).enableRLS();

/** Responses remembered for Idempotency-Key requests, until they expire. */
export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    tenantId: text("tenant_id")
      .notNull()
      .references(() => tenants.id),
    principal: text("principal").notNull(),
    key: text("key").notNull(),
    fingerprint: text("fingerprint").notNull(),
    /** Null while the first request is still running. */
    status: integer("status"),
    body: jsonb("body"),
    /** Response headers to send again (e.g. Location, ETag). */
    headers: jsonb("headers"),
    createdAt: instant("created_at").notNull(),
    expiresAt: instant("expires_at").notNull(),
  },
  (t) => [
    primaryKey({ name: "idempotency_keys_pkey", columns: [t.tenantId, t.principal, t.key] }),
    index("idempotency_keys_expiry_idx").on(t.expiresAt),
    tenantPolicy(),
  ],
).enableRLS();
