// The entry for edge runtimes (`@oha/store/postgres`): a store on an already migrated PostgreSQL
// database, without PGlite and without migrating. PostgreSQL only.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPostgresStore } from "../src/postgres.js";
import { openStore, type Store } from "../src/store.js";
import { backends, ctx } from "./backends.js";

const servers = backends.filter((backend) => backend.emptyDatabase !== undefined);

describe.each(
  servers.map((backend) => [backend.name, backend] as const),
)("openPostgresStore on %s", (_, backend) => {
  let drop: () => Promise<void>;
  let store: Store;

  beforeAll(async () => {
    const database = await (backend.emptyDatabase as NonNullable<typeof backend.emptyDatabase>)();
    drop = database.drop;
    // Migrated as a deployment does it (`oha migrate`, through the main entry), then closed.
    const migrator = await openStore({ databaseUrl: database.url, maxConnections: 2 });
    await migrator.close();
    store = openPostgresStore({ databaseUrl: database.url, maxConnections: 1 });
  });
  afterAll(async () => {
    await store?.close();
    await drop?.();
  });

  it("writes and reads records, history and keys on one connection", async () => {
    expect(store.kind).toBe("postgres");
    await store.ping();
    const tenant = await store.createTenant({ name: "Landkreis Edge", kind: "district" }, "test");
    if (!tenant.ok) throw new Error(tenant.error.message);
    const data = store.tenant(tenant.value.id);
    const actor = await data.create("actor", { name: "Jugendberufsagentur", kind: "job_centre" }, ctx);
    if (!actor.ok) throw new Error(actor.error.message);
    const read = await data.get("actor", actor.value.id);
    expect(read.ok && read.value.name).toBe("Jugendberufsagentur");
    const page = await data.list("actor", {});
    expect(page.ok && page.value.total).toBe(1);
    const key = await store.apiKeys.create({ tenantId: tenant.value.id, role: "viewer", name: "Edge" });
    if (!key.ok) throw new Error(key.error.message);
    expect((await store.apiKeys.verify(key.value.secret))?.tenantId).toBe(tenant.value.id);
  });
});
