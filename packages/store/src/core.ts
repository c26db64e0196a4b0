// The store itself, on any open connection: no driver is loaded here, so runtimes without a
// file system (edge) can use it with a PostgreSQL connection.
import { createRecord, type Locale, ok, type Region, type RegionCreate, type Result } from "@oha/domain";
import { sql } from "drizzle-orm";
import { type ApiKeyRepository, apiKeyRepository } from "./api-keys.js";
import { type Connection, type Db, isoText, rows, scoped } from "./db.js";
import type { StoreError } from "./errors.js";
import { withHistory } from "./history.js";
import { type IdempotencyRepository, idempotencyRepository } from "./idempotency.js";
import type { PgliteMemory } from "./pglite.js";
import { type Fields, insertStatement } from "./records.js";
import { tenants } from "./schema.js";
import { type ExampleLoader, ScopedTenantStore, type Shared, type TenantStore } from "./tenant-store.js";
import type { Tenant } from "./types.js";

/** Where the data lives and how to open it. */
export interface OpenStoreOptions {
  /** A PostgreSQL connection string; without it the embedded database (PGlite) is used. */
  readonly databaseUrl?: string | undefined;
  /** The folder of the embedded database (default `./data`); `memory://` keeps it in memory only. */
  readonly dataDir?: string | undefined;
  /** Memory settings of the embedded database. */
  readonly memory?: PgliteMemory | undefined;
  /** Largest number of PostgreSQL connections (default 10). */
  readonly maxConnections?: number | undefined;
  /** The folder with the SQL migrations, if they do not sit beside this package's code. */
  readonly migrationsFolder?: string | undefined;
}

/** A tenant just created, with its region record. */
export interface CreatedTenant extends Tenant {
  readonly region: Region;
}

/** The persistence of a whole deployment: its tenants, each tenant's data, API keys and idempotency keys. */
export interface Store {
  readonly kind: "pglite" | "postgres";
  /** Creates a tenant from a region: the region record's id becomes the tenant's id. */
  createTenant(
    region: RegionCreate,
    principal: string,
    options?: { readonly locale?: Locale | undefined },
  ): Promise<Result<CreatedTenant, StoreError>>;
  /**
   * Creates a tenant holding the Osterode am Harz example (a demo, or a first start): a new tenant
   * from the example's region, then the example imported into it.
   */
  seedExampleTenant(principal?: string): Promise<Result<CreatedTenant, StoreError>>;
  /** All tenants of the deployment, oldest first. */
  listTenants(): Promise<Tenant[]>;
  /** One tenant, or undefined. */
  findTenant(tenantId: string): Promise<Tenant | undefined>;
  /** The data of one tenant; nothing reachable through it belongs to another tenant. */
  tenant(tenantId: string): TenantStore;
  readonly apiKeys: ApiKeyRepository;
  readonly idempotency: IdempotencyRepository;
  /** Checks that the database answers (for health checks); throws if it does not. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

const loadOsterode: ExampleLoader = async () => (await import("@oha/domain/example")).osterodeExample;

const tenantColumns = sql`id, name, ${isoText(sql`created_at`)} as "createdAt", created_by as "createdBy"`;

/** Builds the store on an open, migrated connection. */
export function makeStore(connection: Connection): Store {
  const db: Db = connection.db;
  const shared: Shared = { db, loadExample: loadOsterode, knownTenants: new Set() };
  const store: Store = {
    kind: connection.kind,

    async createTenant(input, principal, options = {}) {
      const locale = options.locale ?? "de";
      const now = new Date().toISOString();
      const made = createRecord("region", input, now, { locale });
      if (!made.ok) return made;
      const region = made.value;
      return scoped(db, region.id, async (tx) => {
        const [tenant] = await rows<Tenant>(
          tx,
          sql`insert into ${tenants} (id, name, created_at, created_by)
            values (${region.id}, ${region.name}, ${now}::timestamptz, ${principal})
            returning ${tenantColumns}`,
        );
        await withHistory(
          tx,
          insertStatement("region", region.id, [region as unknown as Fields]),
          region.id,
          {
            entity: "region",
            recordId: region.id,
            action: "create",
            version: region.version,
            principal,
            at: now,
            before: null,
            after: region as unknown as Fields,
          },
        );
        return ok({ ...tenant!, region });
      });
    },

    async seedExampleTenant(principal = "seed") {
      const example = await loadOsterode();
      const region = example.region[0];
      if (!region) throw new Error("The example network has no region.");
      const { id: _id, version: _v, createdAt: _c, updatedAt: _u, deleted: _d, ...input } = region;
      const created = await store.createTenant(input, principal);
      if (!created.ok) return created;
      const tenant = store.tenant(created.value.id);
      const seeded = await tenant.seedExample({ principal });
      if (!seeded.ok) return seeded;
      const home = await tenant.get("region", created.value.id);
      return home.ok ? ok({ ...created.value, region: home.value }) : home;
    },

    listTenants() {
      return rows<Tenant>(db, sql`select ${tenantColumns} from ${tenants} order by created_at, id`);
    },

    async findTenant(tenantId) {
      const [tenant] = await rows<Tenant>(
        db,
        sql`select ${tenantColumns} from ${tenants} where id = ${tenantId}`,
      );
      return tenant;
    },

    tenant(tenantId) {
      return new ScopedTenantStore(shared, tenantId);
    },

    apiKeys: apiKeyRepository(db),
    idempotency: idempotencyRepository(db),

    async ping() {
      await rows(db, sql`select 1`);
    },

    async close() {
      if (connection.kind === "pglite") await connection.client.close();
      else await connection.client.end({ timeout: 5 });
    },
  };
  return store;
}
