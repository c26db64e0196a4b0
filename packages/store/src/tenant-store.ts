import {
  type Change,
  createRecord,
  deleteRecord,
  type EntityCreate,
  type EntityName,
  type EntityPatch,
  type EntityRecord,
  entities,
  entityNames,
  err,
  type IssueDetail,
  type Locale,
  type Network,
  notFound,
  ok,
  type Result,
  restoreRecord,
  updateRecord,
} from "@oha/domain";
import { sql } from "drizzle-orm";
import { importNetwork, parseBundle } from "./bundle.js";
import { type Db, type Executor, isoText, rows, scoped } from "./db.js";
import {
  forbiddenChange,
  homeRegionProtected,
  nulIssues,
  type StoreError,
  staleVersion,
  unknownTenant,
  validationFailed,
} from "./errors.js";
import { changedFields, readHistory, scrubHistory, withHistory, without } from "./history.js";
import { planList } from "./query.js";
import {
  checkReferences,
  deleteStatement,
  type Fields,
  insertStatement,
  loadAll,
  loadRecord,
  missingReferences,
  replaceStatement,
  type StoredRow,
} from "./records.js";
import { history as historyTable, tenants } from "./schema.js";
import {
  bundleFormat,
  bundleVersion,
  type FieldOf,
  type HistoryEntry,
  type ImportOptions,
  type ImportSummary,
  type ListPage,
  type ListQuery,
  type PurgedRecord,
  type PurgeResult,
  type RecordMetaField,
  type TenantBundle,
  type WriteContext,
} from "./types.js";

/** What {@link TenantStore.network} reads. */
export interface NetworkOptions {
  /** Also soft-deleted records, marked `deleted: true`. */
  readonly includeDeleted?: boolean | undefined;
  /** Only these entities (default: all). */
  readonly entities?: readonly EntityName[] | undefined;
}

/** Options of a single-record read. */
export interface GetOptions {
  /** Also find a soft-deleted record. */
  readonly includeDeleted?: boolean | undefined;
  /**
   * Inside {@link TenantStore.transaction}: lock the record until the transaction ends, so what is
   * decided on it still holds when it is written (a later update in the same transaction reads no more).
   */
  readonly forUpdate?: boolean | undefined;
  readonly locale?: Locale | undefined;
}

/** Options of an update. */
export interface UpdateOptions {
  /** The patch was already checked against the entity's Patch schema (by the API): check only the result. */
  readonly patchValidated?: boolean | undefined;
}

/**
 * Everything one tenant's data can do. Every method reads and writes only this tenant's rows; a
 * record of another tenant answers `not_found`. Expected failures are `Result` values.
 */
export interface TenantStore {
  readonly tenantId: string;
  /** One record by id. */
  get<N extends EntityName>(
    entity: N,
    id: string,
    options?: GetOptions,
  ): Promise<Result<EntityRecord<N>, StoreError>>;
  /** A page of records with filters, search, sort, paging and modified-since. */
  list<N extends EntityName, F extends FieldOf<N>>(
    entity: N,
    query: ListQuery<N> & { readonly fields: readonly F[] },
  ): Promise<Result<ListPage<Pick<EntityRecord<N>, F | RecordMetaField>>, StoreError>>;
  list<N extends EntityName>(
    entity: N,
    query?: ListQuery<N>,
  ): Promise<Result<ListPage<EntityRecord<N>>, StoreError>>;
  /** Validates the input with the domain, gives the record its id and first version, and stores it. */
  create<N extends EntityName>(
    entity: N,
    input: EntityCreate<N>,
    ctx: WriteContext,
  ): Promise<Result<EntityRecord<N>, StoreError>>;
  /**
   * Checks create inputs of one entity without writing: per input, the references (nested ones
   * too) that name no record of this tenant that is not deleted, as `unknown_reference` problems.
   */
  missingReferences(
    entity: EntityName,
    inputs: readonly object[],
    options?: { readonly locale?: Locale | undefined },
  ): Promise<IssueDetail[][]>;
  /** Applies a merge patch if the record still has `expectedVersion`; otherwise a `conflict` with the current record. */
  update<N extends EntityName>(
    entity: N,
    id: string,
    expectedVersion: number,
    patch: EntityPatch<N>,
    ctx: WriteContext,
    options?: UpdateOptions,
  ): Promise<Result<EntityRecord<N>, StoreError<EntityRecord<N>>>>;
  /** Soft-deletes a record (a new version marked deleted), if it still has `expectedVersion`. */
  remove<N extends EntityName>(
    entity: N,
    id: string,
    expectedVersion: number,
    ctx: WriteContext,
  ): Promise<Result<EntityRecord<N>, StoreError<EntityRecord<N>>>>;
  /** Brings a soft-deleted record back (a new version, not deleted), if it still has `expectedVersion`. */
  restore<N extends EntityName>(
    entity: N,
    id: string,
    expectedVersion: number,
    ctx: WriteContext,
  ): Promise<Result<EntityRecord<N>, StoreError<EntityRecord<N>>>>;
  /**
   * Erases a record for good (GDPR Art. 17): the row goes, its personal fields are removed from its
   * earlier history entries, and a history entry without personal data records the purge.
   */
  purge<N extends EntityName>(
    entity: N,
    id: string,
    ctx: WriteContext,
  ): Promise<Result<PurgeResult, StoreError>>;
  /** A record's audit history, oldest first. */
  history<N extends EntityName>(
    entity: N,
    id: string,
    options?: { readonly locale?: Locale | undefined },
  ): Promise<Result<HistoryEntry[], StoreError>>;
  /**
   * All records that are not deleted, as a domain network (the analytics' input). With
   * `includeDeleted`, soft-deleted records too (for interfaces that must report deletions, such as
   * OParl); with `entities`, only those entities' records are read and every other list is empty.
   */
  network(options?: NetworkOptions): Promise<Network>;
  /** A number that goes up with every committed change of this tenant's records (for caches). */
  dataVersion(): Promise<number>;
  /** The whole tenant, soft-deleted records included, as a versioned bundle. */
  exportBundle(): Promise<TenantBundle>;
  /** Imports a bundle in one transaction: all of it or, on any failure, nothing. */
  importBundle(bundle: unknown, options: ImportOptions): Promise<Result<ImportSummary, StoreError>>;
  /**
   * Writes whole records made by the domain (for example by an import plan) in one transaction: a new
   * id is inserted, a known one replaced when the given version is higher and kept otherwise, every
   * reference must resolve, and each write gets an `import` history entry. All of it or nothing.
   */
  mergeRecords(
    records: Partial<Network>,
    options?: { readonly principal?: string | undefined; readonly locale?: Locale | undefined },
  ): Promise<Result<ImportSummary, StoreError>>;
  /** Imports the Osterode am Harz example into this (empty) tenant; its region becomes this tenant's. */
  seedExample(ctx?: Partial<WriteContext>): Promise<Result<ImportSummary, StoreError>>;
  /**
   * Writes the changes of a domain command (creates and patches at known versions) in one
   * transaction, in order; any failure writes nothing. Inside {@link transaction}, in the caller's.
   * Returns the written records in the order of the changes.
   */
  apply(changes: readonly Change[], ctx: WriteContext): Promise<Result<Fields[], StoreError>>;
  /**
   * Runs several operations in one transaction. If `fn` returns a failed result or throws,
   * nothing of it is written.
   */
  transaction<T>(fn: (store: TenantStore) => Promise<Result<T, StoreError>>): Promise<Result<T, StoreError>>;
}

/** Carries a failed result out of a transaction so that the transaction rolls back. */
class Rollback extends Error {
  constructor(readonly result: { ok: false; error: StoreError }) {
    super("rollback");
  }
}

const later = (a: string, b: string) => (a > b ? a : b);

/** An instant for a change: now, but always after the record's previous change, whatever the clocks say. */
function nextInstant(previous: string | undefined): string {
  const now = new Date();
  if (!previous) return now.toISOString();
  const after = new Date(Date.parse(previous) + 1);
  return later(now.toISOString(), after.toISOString());
}

/** Loads the Osterode example lazily, so the store can start without it in memory. */
export type ExampleLoader = () => Promise<Network>;

/** What all tenant stores of one store share. */
export interface Shared {
  readonly db: Db;
  readonly loadExample: ExampleLoader;
  /** Tenants known to exist; tenants are never deleted, so a tenant found once need not be looked up again. */
  readonly knownTenants: Set<string>;
}

/** What one write transaction remembers: the rows it locked, and whether it changed anything. */
interface Session {
  readonly tx: Executor;
  readonly locked: Map<string, StoredRow>;
  changed: boolean;
}

export class ScopedTenantStore implements TenantStore {
  constructor(
    private readonly shared: Shared,
    readonly tenantId: string,
    private readonly session?: Session,
  ) {}

  private get tx(): Executor | undefined {
    return this.session?.tx;
  }

  private get db(): Db {
    return this.shared.db;
  }

  private run<T>(fn: (tx: Executor) => Promise<T>): Promise<T> {
    if (this.tx) return fn(this.tx);
    return scoped(this.db, this.tenantId, fn);
  }

  /**
   * Runs `fn` in a scoped transaction that rolls back when the result is a failure. A transaction
   * that changed records moves the tenant's data version last, after every record lock it took,
   * so two writers never wait for each other in opposite order.
   */
  private write<T>(
    fn: (tx: Executor, session: Session) => Promise<Result<T, StoreError>>,
  ): Promise<Result<T, StoreError>> {
    if (this.session) return fn(this.session.tx, this.session);
    return scoped(this.db, this.tenantId, async (tx) => {
      const session: Session = { tx, locked: new Map(), changed: false };
      const result = await fn(tx, session);
      if (!result.ok) throw new Rollback(result);
      if (session.changed) {
        await tx.execute(
          sql`update ${tenants} set data_version = data_version + 1 where id = ${this.tenantId}`,
        );
      }
      return result;
    }).catch((error: unknown) => {
      if (error instanceof Rollback) return error.result;
      throw error;
    });
  }

  /** Loads a record for a change, locked; inside a transaction a record locked before is not read again. */
  private async lockRow(session: Session, entity: EntityName, id: string): Promise<StoredRow | undefined> {
    const key = `${entity}\u0000${id}`;
    const known = session.locked.get(key);
    if (known) return known;
    const row = await loadRecord(session.tx, entity, this.tenantId, id, true);
    if (row) session.locked.set(key, row);
    return row;
  }

  /** Notes a written record, so a later change in the same transaction starts from it. */
  private wrote(session: Session, entity: EntityName, record: Fields) {
    session.changed = true;
    session.locked.set(`${entity}\u0000${record.id as string}`, {
      data: record,
      version: record.version as number,
      deleted: record.deleted === true,
    });
  }

  private async tenantExists(tx: Executor, locale: Locale): Promise<Result<true, StoreError>> {
    if (this.shared.knownTenants.has(this.tenantId)) return ok(true);
    const found = await rows(tx, sql`select 1 from ${tenants} where id = ${this.tenantId}`);
    if (found.length === 0) return err(unknownTenant(this.tenantId, locale));
    this.shared.knownTenants.add(this.tenantId);
    return ok(true);
  }

  get<N extends EntityName>(
    entity: N,
    id: string,
    options: GetOptions = {},
  ): Promise<Result<EntityRecord<N>, StoreError>> {
    return this.run(async (tx) => {
      const row =
        options.forUpdate && this.session
          ? await this.lockRow(this.session, entity, id)
          : await loadRecord(tx, entity, this.tenantId, id, false);
      if (!row || (row.deleted && !options.includeDeleted)) return notFound(entity, id, options.locale);
      return ok(row.data as EntityRecord<N>);
    });
  }

  list<N extends EntityName, F extends FieldOf<N>>(
    entity: N,
    query: ListQuery<N> & { readonly fields: readonly F[] },
  ): Promise<Result<ListPage<Pick<EntityRecord<N>, F | RecordMetaField>>, StoreError>>;
  list<N extends EntityName>(
    entity: N,
    query?: ListQuery<N>,
  ): Promise<Result<ListPage<EntityRecord<N>>, StoreError>>;
  async list<N extends EntityName>(
    entity: N,
    query: ListQuery<N> & { readonly fields?: readonly string[] } = {},
  ): Promise<Result<ListPage<Fields>, StoreError>> {
    let projection: string[] | undefined;
    if (query.fields) {
      projection = [...new Set(["id", "version", "createdAt", "updatedAt", "deleted", ...query.fields])];
    }
    const planned = planList(entity, this.tenantId, query as ListQuery<EntityName>, projection);
    if (!planned.ok) return planned;
    const plan = planned.value;
    return this.run(async (tx) => {
      const found = await rows<{ data: Fields; sort_key: string; id: string }>(tx, plan.select);
      const [counted] = await rows<{ total: number }>(tx, plan.count);
      const more = found.length > plan.limit;
      const items = found.slice(0, plan.limit);
      const last = items.at(-1);
      let purged: PurgedRecord[] | undefined;
      if (query.modifiedSince !== undefined) {
        purged = await rows<PurgedRecord>(
          tx,
          sql`select record_id as id, ${isoText(sql`at`)} as "purgedAt"
            from ${historyTable}
            where tenant_id = ${this.tenantId} and entity = ${entity} and action = 'purge'
              and at >= ${new Date(query.modifiedSince).toISOString()}::timestamptz
            order by at, record_id`,
        );
      }
      const page: ListPage<Fields> = {
        items: items.map((row) => row.data),
        total: Number(counted?.total ?? 0),
        limit: plan.limit,
        offset: plan.offset,
        ...(more && last ? { nextCursor: plan.cursorAfter(last.sort_key, last.id) } : {}),
        ...(purged ? { purged } : {}),
      };
      return ok(page);
    });
  }

  create<N extends EntityName>(
    entity: N,
    input: EntityCreate<N>,
    ctx: WriteContext,
  ): Promise<Result<EntityRecord<N>, StoreError>> {
    const locale = ctx.locale ?? "de";
    const now = nextInstant(undefined);
    const made = createRecord(entity, input, now, { locale });
    if (!made.ok) return Promise.resolve(made);
    const record = made.value as Fields;
    const nul = nulIssues(record, locale);
    if (nul.length > 0) return Promise.resolve(err(validationFailed(nul, locale)));
    if (ctx.authorize && !ctx.authorize(entity, undefined, record))
      return Promise.resolve(err(forbiddenChange(entity, undefined, locale)));
    return this.write(async (tx, session) => {
      const exists = await this.tenantExists(tx, locale);
      if (!exists.ok) return exists;
      const missing = await checkReferences(tx, entity, this.tenantId, record, undefined, locale);
      if (missing.length > 0) return err(validationFailed(missing, locale));
      await withHistory(tx, insertStatement(entity, this.tenantId, [record]), this.tenantId, {
        entity,
        recordId: record.id as string,
        action: "create",
        version: 1,
        principal: ctx.principal,
        principalName: ctx.principalName,
        at: now,
        before: null,
        after: record,
      });
      this.wrote(session, entity, record);
      return ok(made.value);
    });
  }

  missingReferences(
    entity: EntityName,
    inputs: readonly object[],
    options: { readonly locale?: Locale | undefined } = {},
  ): Promise<IssueDetail[][]> {
    return this.run((tx) =>
      missingReferences(tx, entity, this.tenantId, inputs as readonly Fields[], options.locale ?? "de"),
    );
  }

  /**
   * Loads a record for a change (locked), checks it exists and still has the expected version, and
   * hands it to `change`. One read per write: the authorisation sees the same row that is written.
   */
  private change<N extends EntityName>(
    entity: N,
    id: string,
    expectedVersion: number,
    locale: Locale,
    options: { readonly deleted: boolean },
    change: (
      tx: Executor,
      session: Session,
      row: StoredRow,
    ) => Promise<Result<EntityRecord<N>, StoreError<EntityRecord<N>>>>,
  ): Promise<Result<EntityRecord<N>, StoreError<EntityRecord<N>>>> {
    return this.write(async (tx, session) => {
      const row = await this.lockRow(session, entity, id);
      if (!row || row.deleted !== options.deleted) return notFound(entity, id, locale);
      if (row.version !== expectedVersion) {
        return err(
          staleVersion(entity, id, expectedVersion, row.version, row.data as EntityRecord<N>, locale),
        );
      }
      return change(tx, session, row);
    }) as Promise<Result<EntityRecord<N>, StoreError<EntityRecord<N>>>>;
  }

  update<N extends EntityName>(
    entity: N,
    id: string,
    expectedVersion: number,
    patch: EntityPatch<N>,
    ctx: WriteContext,
    options: UpdateOptions = {},
  ): Promise<Result<EntityRecord<N>, StoreError<EntityRecord<N>>>> {
    const locale = ctx.locale ?? "de";
    return this.change(entity, id, expectedVersion, locale, { deleted: false }, async (tx, session, row) => {
      const current = row.data as EntityRecord<N>;
      const now = nextInstant(row.data.updatedAt as string);
      const next = updateRecord(entity, current, patch, now, {
        locale,
        patchValidated: options.patchValidated,
      });
      if (!next.ok) return next;
      const record = next.value as Fields;
      const nul = nulIssues(record, locale);
      if (nul.length > 0) return err(validationFailed(nul, locale));
      if (ctx.authorize && !ctx.authorize(entity, row.data, record))
        return err(forbiddenChange(entity, id, locale));
      const changed = changedFields(row.data, record);
      // A patch that changes nothing makes no new version: other clients' ETags stay valid.
      if (Object.keys(changed.after).length === 0 && Object.keys(changed.before).length === 0) {
        return ok(current);
      }
      const missing = await checkReferences(tx, entity, this.tenantId, record, row.data, locale);
      if (missing.length > 0) return err(validationFailed(missing, locale));
      await withHistory(tx, replaceStatement(entity, this.tenantId, record, expectedVersion), this.tenantId, {
        entity,
        recordId: id,
        action: "update",
        version: record.version as number,
        principal: ctx.principal,
        principalName: ctx.principalName,
        at: now,
        ...changed,
      });
      if (entity === "region" && id === this.tenantId && "name" in changed.after) {
        await tx.execute(
          sql`update ${tenants} set name = ${record.name as string} where id = ${this.tenantId}`,
        );
      }
      this.wrote(session, entity, record);
      return ok(next.value);
    });
  }

  remove<N extends EntityName>(
    entity: N,
    id: string,
    expectedVersion: number,
    ctx: WriteContext,
  ): Promise<Result<EntityRecord<N>, StoreError<EntityRecord<N>>>> {
    const locale = ctx.locale ?? "de";
    if (entity === "region" && id === this.tenantId) {
      return Promise.resolve(err(homeRegionProtected(id, locale)));
    }
    return this.flip(entity, id, expectedVersion, ctx, true);
  }

  restore<N extends EntityName>(
    entity: N,
    id: string,
    expectedVersion: number,
    ctx: WriteContext,
  ): Promise<Result<EntityRecord<N>, StoreError<EntityRecord<N>>>> {
    return this.flip(entity, id, expectedVersion, ctx, false);
  }

  /** Soft-deletes (`deleted` true) or restores (false) a record as a new version. */
  private flip<N extends EntityName>(
    entity: N,
    id: string,
    expectedVersion: number,
    ctx: WriteContext,
    deleted: boolean,
  ): Promise<Result<EntityRecord<N>, StoreError<EntityRecord<N>>>> {
    const locale = ctx.locale ?? "de";
    return this.change(
      entity,
      id,
      expectedVersion,
      locale,
      { deleted: !deleted },
      async (tx, session, row) => {
        const current = row.data as EntityRecord<N>;
        const now = nextInstant(row.data.updatedAt as string);
        const record = (deleted ? deleteRecord(current, now) : restoreRecord(current, now)) as Fields;
        if (ctx.authorize && !ctx.authorize(entity, row.data, record))
          return err(forbiddenChange(entity, id, locale));
        await withHistory(
          tx,
          replaceStatement(entity, this.tenantId, record, expectedVersion),
          this.tenantId,
          {
            entity,
            recordId: id,
            action: deleted ? "delete" : "restore",
            version: record.version as number,
            principal: ctx.principal,
            principalName: ctx.principalName,
            at: now,
            ...changedFields(row.data, record),
          },
        );
        this.wrote(session, entity, record);
        return ok(record as EntityRecord<N>);
      },
    );
  }

  purge<N extends EntityName>(
    entity: N,
    id: string,
    ctx: WriteContext,
  ): Promise<Result<PurgeResult, StoreError>> {
    const locale = ctx.locale ?? "de";
    if (entity === "region" && id === this.tenantId) {
      return Promise.resolve(err(homeRegionProtected(id, locale)));
    }
    const personal = entities[entity].personalFields;
    return this.write(async (tx, session) => {
      const row = await this.lockRow(session, entity, id);
      if (!row) return notFound(entity, id, locale);
      if (ctx.authorize && !ctx.authorize(entity, row.data, row.data))
        return err(forbiddenChange(entity, id, locale));
      const now = nextInstant(row.data.updatedAt as string);
      await scrubHistory(tx, this.tenantId, entity, id, personal);
      await withHistory(tx, deleteStatement(entity, this.tenantId, id), this.tenantId, {
        entity,
        recordId: id,
        action: "purge",
        version: null,
        principal: ctx.principal,
        principalName: ctx.principalName,
        at: now,
        before: without(row.data, personal),
        after: null,
      });
      session.changed = true;
      session.locked.delete(`${entity}\u0000${id}`);
      return ok({ entity, id, purgedAt: now });
    });
  }

  history<N extends EntityName>(
    entity: N,
    id: string,
    options: { readonly locale?: Locale | undefined } = {},
  ): Promise<Result<HistoryEntry[], StoreError>> {
    return this.run(async (tx) => {
      const entries = await readHistory(tx, this.tenantId, entity, id);
      if (entries.length === 0) return notFound(entity, id, options.locale);
      return ok(entries);
    });
  }

  private async collect(includeDeleted: boolean, only?: readonly EntityName[]): Promise<Network> {
    return this.run(async (tx) => {
      const network: Record<string, Fields[]> = {};
      for (const name of entityNames) {
        network[name] =
          !only || only.includes(name) ? await loadAll(tx, name, this.tenantId, includeDeleted) : [];
      }
      return network as unknown as Network;
    });
  }

  network(options: NetworkOptions = {}): Promise<Network> {
    return this.collect(options.includeDeleted ?? false, options.entities);
  }

  dataVersion(): Promise<number> {
    return this.run(async (tx) => {
      const [row] = await rows<{ v: number | string }>(
        tx,
        sql`select data_version as v from ${tenants} where id = ${this.tenantId}`,
      );
      return Number(row?.v ?? 0);
    });
  }

  async exportBundle(): Promise<TenantBundle> {
    const network = await this.collect(true);
    return {
      format: bundleFormat,
      version: bundleVersion,
      exportedAt: new Date().toISOString(),
      tenantId: this.tenantId,
      network,
    };
  }

  importBundle(bundle: unknown, options: ImportOptions): Promise<Result<ImportSummary, StoreError>> {
    const locale = options.locale ?? "de";
    const parsed = parseBundle(bundle, locale);
    if (!parsed.ok) return Promise.resolve(parsed);
    return this.write(async (tx, session) => {
      const exists = await this.tenantExists(tx, locale);
      if (!exists.ok) return exists;
      const imported = await importNetwork(
        tx,
        this.tenantId,
        parsed.value.network,
        parsed.value.tenantId,
        options,
      );
      if (imported.ok && (imported.value.inserted > 0 || imported.value.updated > 0)) session.changed = true;
      return imported;
    });
  }

  mergeRecords(
    records: Partial<Network>,
    options: { readonly principal?: string | undefined; readonly locale?: Locale | undefined } = {},
  ): Promise<Result<ImportSummary, StoreError>> {
    return this.importBundle(
      {
        format: bundleFormat,
        version: bundleVersion,
        exportedAt: new Date().toISOString(),
        tenantId: this.tenantId,
        network: records,
      },
      { mode: "merge", principal: options.principal, locale: options.locale },
    );
  }

  async seedExample(ctx: Partial<WriteContext> = {}): Promise<Result<ImportSummary, StoreError>> {
    const example = await this.shared.loadExample();
    const home = example.region[0]?.id;
    return this.importBundle(
      {
        format: bundleFormat,
        version: bundleVersion,
        exportedAt: new Date().toISOString(),
        tenantId: home ?? this.tenantId,
        network: example,
      },
      { principal: ctx.principal ?? "seed", locale: ctx.locale, mode: "refuse-if-not-empty" },
    );
  }

  apply(changes: readonly Change[], ctx: WriteContext): Promise<Result<Fields[], StoreError>> {
    return this.transaction(async (store) => {
      const written: Fields[] = [];
      for (const change of changes) {
        const result =
          change.kind === "create"
            ? await store.create(change.entity, change.input as never, ctx)
            : await store.update(change.entity, change.id, change.version, change.patch as never, ctx);
        if (!result.ok) return result;
        written.push(result.value as Fields);
      }
      return ok(written);
    });
  }

  transaction<T>(fn: (store: TenantStore) => Promise<Result<T, StoreError>>): Promise<Result<T, StoreError>> {
    return this.write((_tx, session) => fn(new ScopedTenantStore(this.shared, this.tenantId, session)));
  }
}
