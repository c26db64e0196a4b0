import type { EntityName, EntityRecord, Locale, Network } from "@oha/domain";

/** Who makes a change, and in which language errors are told. */
export interface WriteContext {
  /** The user or API key making the change, as written to the history. */
  readonly principal: string;
  /** Their name for people reading the history (an API key's label, a user's name). */
  readonly principalName?: string | undefined;
  readonly locale?: Locale | undefined;
  /**
   * Decides, inside the write's transaction and on the locked record, whether the change may be
   * made: `before` is the stored record (undefined for a create), `after` the record as it would
   * be. A refusal answers `forbidden` and writes nothing.
   */
  readonly authorize?:
    | ((entity: EntityName, before: object | undefined, after: object) => boolean)
    | undefined;
}

/** A top-level field of an entity's record. */
export type FieldOf<N extends EntityName> = keyof EntityRecord<N> & string;

/** The fields every record carries beside the entity's own. */
export type RecordMetaField = "id" | "version" | "createdAt" | "updatedAt" | "deleted";

/** A range condition; bounds compare like the stored values (numbers numerically, ISO dates in order). */
export interface RangeFilter {
  readonly gt?: string | number | undefined;
  readonly gte?: string | number | undefined;
  readonly lt?: string | number | undefined;
  readonly lte?: string | number | undefined;
}

type Scalar = string | number | boolean;

/**
 * A condition on one field: a value (equal; for a list field: contains it), a list of values (any of
 * them), `null` (the field is not set) or a range.
 */
export type FilterValue = Scalar | readonly Scalar[] | null | RangeFilter;

/** Conditions on top-level fields, all of which must hold. */
export type Filter<N extends EntityName> = { readonly [K in FieldOf<N>]?: FilterValue | undefined };

/** What a list query asks for. */
export interface ListQuery<N extends EntityName> {
  readonly filter?: Filter<N> | undefined;
  /** Case-insensitive text search in the record's top-level text fields. */
  readonly search?: string | undefined;
  /** The field to sort by; default `updatedAt`. Ties are broken by id, so the order is stable. */
  readonly sort?: FieldOf<N> | undefined;
  readonly order?: "asc" | "desc" | undefined;
  /** At most this many items (default 100, at most 1000). */
  readonly limit?: number | undefined;
  readonly offset?: number | undefined;
  /** Continues after the last item of an earlier page (`nextCursor`); use instead of an offset. */
  readonly cursor?: string | undefined;
  /**
   * Only records changed at or after this instant (ISO 8601). Inclusive, so a change in the same
   * millisecond as the last one seen is not missed; clients recognise repeats by id and version.
   */
  readonly modifiedSince?: string | undefined;
  /** Also soft-deleted records (sync clients need them to learn of deletions). */
  readonly includeDeleted?: boolean | undefined;
  readonly locale?: Locale | undefined;
}

/** A record that was purged, for sync clients that still hold it. */
export interface PurgedRecord {
  readonly id: string;
  readonly purgedAt: string;
}

/** One page of a list query. */
export interface ListPage<T> {
  readonly items: T[];
  /** How many records match the query, over all pages. */
  readonly total: number;
  readonly limit: number;
  readonly offset: number;
  /** Present when more items follow: pass it as `cursor` to get the next page. */
  readonly nextCursor?: string;
  /** With `modifiedSince`: records purged since then. */
  readonly purged?: PurgedRecord[];
}

/** What happened to a record. */
export type HistoryAction = "create" | "update" | "delete" | "restore" | "purge" | "import";

/** One entry of a record's audit history. */
export interface HistoryEntry {
  readonly seq: number;
  readonly entity: EntityName;
  readonly recordId: string;
  readonly action: HistoryAction;
  /** The version after the change; null for a purge. */
  readonly version: number | null;
  readonly principal: string;
  /** The API key's label or the user's name at the time of the change, if known. */
  readonly principalName: string | null;
  readonly at: string;
  /** The changed fields before the change; null for a create. Personal data is removed by a purge. */
  readonly before: Readonly<Record<string, unknown>> | null;
  /** The changed fields after the change; null for a purge. */
  readonly after: Readonly<Record<string, unknown>> | null;
}

/** The outcome of a purge. */
export interface PurgeResult {
  readonly entity: EntityName;
  readonly id: string;
  readonly purgedAt: string;
}

/** A tenant (a district or other region) of the deployment. */
export interface Tenant {
  /** The id of the tenant's own region record. */
  readonly id: string;
  readonly name: string;
  readonly createdAt: string;
  readonly createdBy: string;
}

/** The identifier of the bundle format. */
export const bundleFormat = "oha.tenant-bundle";
/** The current version of the bundle format. */
export const bundleVersion = 1;

/** A whole tenant as one JSON document: every record, soft-deleted ones included. */
export interface TenantBundle {
  readonly format: typeof bundleFormat;
  readonly version: typeof bundleVersion;
  readonly exportedAt: string;
  /** The tenant the bundle was exported from; its region record becomes the importing tenant's. */
  readonly tenantId: string;
  readonly network: Network;
}

/** How an import treats a tenant that already holds records. */
export type ImportMode = "refuse-if-not-empty" | "merge";

/** How to import a bundle. */
export interface ImportOptions {
  /** Who imports, as written to the history (default `import`). */
  readonly principal?: string | undefined;
  readonly locale?: Locale | undefined;
  /**
   * `refuse-if-not-empty`: only into a tenant that holds nothing but its own region record.
   * `merge`: new records are added, a record the tenant already has is replaced when the bundle's
   * version is higher and kept otherwise.
   */
  readonly mode: ImportMode;
}

/** Counts of one import. */
export interface ImportCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

/** What an import did, in total and per entity. */
export interface ImportSummary extends ImportCounts {
  readonly mode: ImportMode;
  readonly perEntity: Partial<Record<EntityName, ImportCounts>>;
}
