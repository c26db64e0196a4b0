import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rows, scoped } from "../src/db.js";
import { backends, ctx, newTenant, sql, type TestDatabase, value } from "./backends.js";

describe.each(backends)("tenant isolation on $name", (backend) => {
  let db: TestDatabase;
  let a: string;
  let b: string;
  let actorOfA: string;
  let contactOfA: string;

  beforeAll(async () => {
    db = await backend.open();
    a = await newTenant(db.store, "Landkreis A");
    b = await newTenant(db.store, "Landkreis B");
    actorOfA = value(
      await db.store.tenant(a).create("actor", { name: "Jobcenter A", kind: "job_centre" }, ctx),
    ).id;
    contactOfA = value(
      await db.store.tenant(a).create("contact", { givenName: "Anna", familyName: "Beispiel" }, ctx),
    ).id;
  });
  afterAll(() => db?.dispose());

  it("lists every tenant of the deployment", async () => {
    const tenants = await db.store.listTenants();
    expect(tenants.map((t) => t.name)).toEqual(["Landkreis A", "Landkreis B"]);
    expect(tenants[0]).toMatchObject({ id: a, createdBy: ctx.principal });
  });

  it("makes another tenant's ids invisible", async () => {
    const other = db.store.tenant(b);
    expect((await other.get("actor", actorOfA)).ok).toBe(false);
    expect((await other.get("actor", actorOfA, { includeDeleted: true })).ok).toBe(false);
    expect((await other.get("region", a)).ok).toBe(false);
    expect(value(await other.list("actor")).items).toEqual([]);
    expect(value(await other.list("actor", { filter: { id: actorOfA } })).total).toBe(0);
    expect((await other.history("actor", actorOfA)).ok).toBe(false);
    const exported = await other.exportBundle();
    expect(JSON.stringify(exported)).not.toContain(actorOfA);
    expect((await other.network()).region.map((r) => r.id)).toEqual([b]);
  });

  it("makes another tenant's ids unwritable", async () => {
    const other = db.store.tenant(b);
    const update = await other.update("actor", actorOfA, 1, { name: "Übernommen" }, ctx);
    expect(update.ok || update.error.code).toBe("not_found");
    const remove = await other.remove("actor", actorOfA, 1, ctx);
    expect(remove.ok || remove.error.code).toBe("not_found");
    const purge = await other.purge("contact", contactOfA, ctx);
    expect(purge.ok || purge.error.code).toBe("not_found");
    const reference = await other.create(
      "measure",
      {
        title: "Fremde Maßnahme",
        providerActorId: actorOfA as never,
        category: "counselling",
        from: "2024-01-01",
      },
      ctx,
    );
    expect(reference.ok || reference.error.details?.[0]?.code).toBe("unknown_reference");

    const mine = db.store.tenant(a);
    expect(value(await mine.get("actor", actorOfA))).toMatchObject({ name: "Jobcenter A", version: 1 });
    expect(value(await mine.get("contact", contactOfA)).givenName).toBe("Anna");
  });

  it("keeps the same id apart in two tenants", async () => {
    const bundle = await db.store.tenant(a).exportBundle();
    const c = await newTenant(db.store, "Landkreis C");
    value(await db.store.tenant(c).importBundle(bundle, { ...ctx, mode: "refuse-if-not-empty" }));
    value(await db.store.tenant(c).update("actor", actorOfA, 1, { name: "Jobcenter C" }, ctx));
    expect(value(await db.store.tenant(a).get("actor", actorOfA)).name).toBe("Jobcenter A");
    expect(value(await db.store.tenant(c).get("actor", actorOfA)).name).toBe("Jobcenter C");
  });

  describe("in the database itself (row-level security)", () => {
    it("hides other tenants' rows from raw SQL inside a tenant transaction", async () => {
      const seen = await scoped(db.connection.db, b, async (tx) => ({
        actors: await rows(tx, sql`select id from actors`),
        foreign: await rows(tx, sql`select id from actors where tenant_id = ${a}`),
        tenants: await rows<{ id: string }>(tx, sql`select id from tenants`),
        history: await rows(tx, sql`select seq from history where tenant_id = ${a}`),
        role: await rows<{ role: string }>(tx, sql`select current_user as role`),
      }));
      expect(seen.role).toEqual([{ role: "oha_app" }]);
      expect(seen.actors).toEqual([]);
      expect(seen.foreign).toEqual([]);
      expect(seen.history).toEqual([]);
      expect(seen.tenants.map((t) => t.id)).toEqual([b]);
    });

    it("refuses raw writes into another tenant's rows", async () => {
      const changed = await scoped(db.connection.db, b, (tx) =>
        rows(tx, sql`update actors set data = data || '{"name":"x"}' where tenant_id = ${a} returning id`),
      );
      expect(changed).toEqual([]);
      const deleted = await scoped(db.connection.db, b, (tx) =>
        rows(tx, sql`delete from contacts where id = ${contactOfA} returning id`),
      );
      expect(deleted).toEqual([]);
      await expect(
        scoped(db.connection.db, b, (tx) =>
          tx.execute(sql`insert into actors (tenant_id, id, version, created_at, updated_at, data, kind)
            values (${a}, 'act_intruder0001', 1, now(), now(), '{}', 'other')`),
        ),
      ).rejects.toThrow();
      const [row] = await db.query<{ name: string }>(
        sql`select data->>'name' as name from actors where tenant_id = ${a} and id = ${actorOfA}`,
      );
      expect(row?.name).toBe("Jobcenter A");
      expect(await db.query(sql`select id from actors where id = 'act_intruder0001'`)).toEqual([]);
    });

    it("refuses to move one's own rows into another tenant", async () => {
      value(await db.store.tenant(b).create("actor", { name: "Agentur B", kind: "employment_agency" }, ctx));
      await expect(
        scoped(db.connection.db, b, (tx) =>
          tx.execute(sql`update actors set tenant_id = ${a} where tenant_id = ${b}`),
        ),
      ).rejects.toThrow();
    });

    it("shows nothing to the application role without a tenant", async () => {
      const seen = await db.connection.db.transaction(async (tx) => {
        await tx.execute(sql`set local role oha_app`);
        return rows(tx, sql`select id from actors`);
      });
      expect(seen).toEqual([]);
    });
  });
});
