import type { EntityCreate, EntityName, EntityPatch, EntityRecord, Role } from "@oha/domain";

/** A page of a list, as every list endpoint answers. */
export interface Page<T> {
  readonly items: T[];
  readonly total: number;
  readonly limit: number;
  readonly offset: number;
}

/** The query of a list endpoint: paging, sort, search, projection and one filter per field. */
export interface ListQuery {
  readonly limit?: number;
  readonly offset?: number;
  readonly sort?: string;
  readonly q?: string;
  readonly fields?: readonly string[];
  readonly filters?: Readonly<Record<string, string>>;
}

/** One entry of a record's change history (`GET /api/v1/<plural>/{id}/history`), oldest first. */
export interface HistoryEntry {
  readonly seq: number;
  readonly action: "create" | "update" | "delete" | "purge" | "import";
  /** The version after the change; null for a purge. */
  readonly version: number | null;
  readonly principal: string;
  readonly at: string;
  /** The changed fields before the change; null for a create. */
  readonly before: Readonly<Record<string, unknown>> | null;
  /** The changed fields after the change; null for a purge. */
  readonly after: Readonly<Record<string, unknown>> | null;
}

/** Who is signed in and in which tenant (`GET /api/v1/me`). */
export interface Me {
  readonly principal: {
    readonly id: string;
    readonly role: Role;
    readonly actorId?: string;
    readonly kind: string;
  };
  readonly tenant: { readonly id: string; readonly name: string };
}

/** The answer of a batch write (`POST /api/v1/<plural>/batch`). */
export interface BatchResult {
  readonly dryRun: boolean;
  readonly ok: boolean;
  readonly results: readonly {
    readonly index: number;
    readonly ok: boolean;
    readonly id?: string;
    readonly errors?: readonly {
      path: string;
      code: string;
      message: string;
      messages?: { de: string; en: string };
    }[];
  }[];
}

/** A stored record of any entity: the fields every record has. */
export interface AnyRecord {
  readonly id: string;
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly deleted: boolean;
  readonly [field: string]: unknown;
}

/**
 * Everything the UI asks of the server. The app uses the HTTP implementation; component tests
 * pass an in-memory one, so components never know where data comes from.
 */
export interface Api {
  /** Who a key belongs to; without a key, the signed-in one is asked about. */
  me(key?: string): Promise<Me>;
  list<N extends EntityName>(name: N, query?: ListQuery): Promise<Page<EntityRecord<N>>>;
  get<N extends EntityName>(name: N, id: string): Promise<EntityRecord<N>>;
  create<N extends EntityName>(name: N, input: EntityCreate<N>): Promise<EntityRecord<N>>;
  /** JSON Merge Patch with `If-Match: "<version>"`; a stale version fails with 412. */
  update<N extends EntityName>(
    name: N,
    id: string,
    version: number,
    patch: EntityPatch<N>,
  ): Promise<EntityRecord<N>>;
  remove(name: EntityName, id: string, version: number): Promise<void>;
  history(name: EntityName, id: string): Promise<HistoryEntry[]>;
  batch<N extends EntityName>(
    name: N,
    items: readonly EntityCreate<N>[],
    dryRun: boolean,
  ): Promise<BatchResult>;
}
