import { createRecord, type EntityName, entityNames, type Network, updateRecord } from "@oha/domain";
import { osterodeExample, osterodeIds } from "@oha/domain/example";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TenantBundle } from "../src/index.js";
import { backends, ctx, newTenant, sql, type TestDatabase, value } from "./backends.js";

type Loose = Record<string, unknown>;

/** A network with every list sorted by id, for comparisons that do not depend on storage order. */
function byId(network: Network): Record<string, Loose[]> {
  return Object.fromEntries(
    entityNames.map((name) => [
      name,
      [...(network[name] as unknown as Loose[])].sort((a, b) => String(a.id).localeCompare(String(b.id))),
    ]),
  );
}

/** The network with one region id replaced by another, wherever it appears. */
function renameRegion(network: Network, from: string, to: string): Network {
  return JSON.parse(JSON.stringify(network).replaceAll(`"${from}"`, `"${to}"`)) as Network;
}

const recordCount = (network: Network) => entityNames.reduce((n, name) => n + network[name].length, 0);

describe.each(backends)("export and import on $name", (backend) => {
  let db: TestDatabase;
  let seeded: string;

  beforeAll(async () => {
    db = await backend.open();
    seeded = await newTenant(db.store, "Neuer Landkreis");
  });
  afterAll(() => db?.dispose());

  const rowsOf = async (tenantId: string) => {
    let total = 0;
    for (const table of ["regions", "actors", "contacts", "measures", "meetings", "history"]) {
      const [row] = await db.query<{ n: number }>(
        sql`select count(*)::int as n from ${sql.identifier(table)} where tenant_id = ${tenantId}`,
      );
      total += Number(row?.n);
    }
    return total;
  };

  it("seeds the Osterode example into a new tenant", async () => {
    const summary = value(await db.store.tenant(seeded).seedExample(ctx));
    expect(summary.inserted + summary.updated).toBe(recordCount(osterodeExample));
    expect(summary.perEntity.region).toEqual({ inserted: 0, updated: 1, unchanged: 0 });
    expect((await db.store.findTenant(seeded))?.name).toBe("Landkreis Osterode am Harz");
    const network = await db.store.tenant(seeded).network();
    expect(byId(network)).toEqual(byId(renameRegion(osterodeExample, osterodeIds.region, seeded)));
    const history = value(await db.store.tenant(seeded).history("actor", osterodeIds.actors.jobCentre));
    expect(history.map((e) => e.action)).toEqual(["import"]);
  });

  it("reads the network with deleted records, or only some entities, when asked", async () => {
    const tenant = db.store.tenant(await newTenant(db.store, "Landkreis mit Löschungen"));
    value(await tenant.seedExample(ctx));
    const actor = value(await tenant.get("actor", osterodeIds.actors.jobCentre));
    value(await tenant.remove("actor", actor.id, actor.version, ctx));
    const live = await tenant.network();
    expect(live.actor.map((a) => a.id)).not.toContain(actor.id);
    const all = await tenant.network({ includeDeleted: true });
    expect(all.actor.find((a) => a.id === actor.id)).toMatchObject({
      deleted: true,
      version: actor.version + 1,
    });
    expect(all.actor).toHaveLength(live.actor.length + 1);
    const some = await tenant.network({ entities: ["region", "measure"] });
    expect(some.measure).toHaveLength(live.measure.length);
    expect(some.region).toHaveLength(1);
    expect(some.actor).toEqual([]);
    expect(some.contact).toEqual([]);
  });

  it("merges records made elsewhere: new ones inserted, newer versions replace, others kept, all or nothing", async () => {
    const tenant = db.store.tenant(await newTenant(db.store, "Landkreis mit Zusammenführung"));
    const made = createRecord(
      "standard",
      { code: "MS-09", title: "Neuer Standard", kind: "minimum" },
      new Date().toISOString(),
    );
    if (!made.ok) throw new Error("invalid standard");
    const first = value(await tenant.mergeRecords({ standard: [made.value] }, { principal: "transfer" }));
    expect(first).toMatchObject({ mode: "merge", inserted: 1, updated: 0 });
    const changed = updateRecord(
      "standard",
      made.value,
      { title: "Geänderter Standard" },
      new Date().toISOString(),
    );
    if (!changed.ok) throw new Error("invalid change");
    const second = value(await tenant.mergeRecords({ standard: [changed.value] }, {}));
    expect(second).toMatchObject({ inserted: 0, updated: 1 });
    const stale = value(await tenant.mergeRecords({ standard: [made.value] }));
    expect(stale).toMatchObject({ inserted: 0, updated: 0, unchanged: 1 });
    expect(value(await tenant.get("standard", made.value.id))).toMatchObject({
      title: "Geänderter Standard",
      version: 2,
    });
    const history = value(await tenant.history("standard", made.value.id));
    expect(history.map((e) => `${e.action}:${e.principal}`)).toEqual(["import:transfer", "import:import"]);
    // A record that refers to something the tenant does not have is refused, with nothing written.
    const goal = createRecord(
      "goal",
      { title: "Ziel", level: "strategic", agreementId: "agr_000000000000" },
      new Date().toISOString(),
    );
    if (!goal.ok) throw new Error("invalid goal");
    const another = createRecord(
      "standard",
      { code: "MS-10", title: "Noch einer", kind: "minimum" },
      new Date().toISOString(),
    );
    if (!another.ok) throw new Error("invalid standard");
    const refused = await tenant.mergeRecords({ goal: [goal.value], standard: [another.value] });
    expect(refused.ok || refused.error.code).toBe("validation_failed");
    expect((await tenant.get("standard", another.value.id)).ok).toBe(false);
  });

  it("creates a whole example tenant in one call", async () => {
    await db.store.ping();
    const created = value(await db.store.seedExampleTenant());
    expect(created.region).toMatchObject({ id: created.id, name: "Landkreis Osterode am Harz", version: 1 });
    expect(created.name).toBe("Landkreis Osterode am Harz");
    const network = await db.store.tenant(created.id).network();
    expect(recordCount(network)).toBe(recordCount(osterodeExample));
  });

  it("refuses to seed or import into a tenant that is not empty, and writes nothing", async () => {
    const before = await rowsOf(seeded);
    const again = await db.store.tenant(seeded).seedExample(ctx);
    expect(again.ok || again.error.code).toBe("import_refused");
    expect(await rowsOf(seeded)).toBe(before);
  });

  it("exports a tenant and imports it elsewhere without loss", async () => {
    const source = db.store.tenant(seeded);
    // Changes, a soft delete and a purge, so versions, timestamps and markers are not all alike.
    value(await source.update("actor", osterodeIds.actors.jobCentre, 1, { shortName: "JC OHA" }, ctx));
    value(await source.remove("actor", osterodeIds.actors.company, 1, ctx));
    const bundle = await source.exportBundle();
    expect(bundle).toMatchObject({ format: "oha.tenant-bundle", version: 1, tenantId: seeded });
    expect(bundle.network.actor.find((a) => a.id === osterodeIds.actors.company)?.deleted).toBe(true);

    const target = await newTenant(db.store, "Ziel");
    const travelled = JSON.parse(JSON.stringify(bundle)) as unknown;
    const summary = value(
      await db.store.tenant(target).importBundle(travelled, { ...ctx, mode: "refuse-if-not-empty" }),
    );
    expect(summary.inserted + summary.updated).toBe(recordCount(bundle.network));

    const back = await db.store.tenant(target).exportBundle();
    expect(back.tenantId).toBe(target);
    expect(byId(back.network)).toEqual(byId(renameRegion(bundle.network, seeded, target)));
    expect(value(await db.store.tenant(target).get("actor", osterodeIds.actors.jobCentre))).toMatchObject({
      version: 2,
      shortName: "JC OHA",
    });
    expect((await db.store.tenant(target).network()).actor.map((a) => a.id)).not.toContain(
      osterodeIds.actors.company,
    );
  });

  it("merges by explicit choice: newer versions win, the rest is kept", async () => {
    const target = await newTenant(db.store, "Zusammenführung");
    const bundle = await db.store.tenant(seeded).exportBundle();
    value(await db.store.tenant(target).importBundle(bundle, { ...ctx, mode: "refuse-if-not-empty" }));

    value(
      await db.store
        .tenant(seeded)
        .update("body", osterodeIds.bodies.steeringGroup, 1, { topic: "Neu" }, ctx),
    );
    value(
      await db.store
        .tenant(target)
        .update("body", osterodeIds.bodies.advisoryBoard, 1, { topic: "Eigen" }, ctx),
    );
    const fresh = value(
      await db.store.tenant(seeded).create("actor", { name: "Neuer Partner", kind: "association" }, ctx),
    );
    const newer = await db.store.tenant(seeded).exportBundle();

    const refused = await db.store
      .tenant(target)
      .importBundle(newer, { ...ctx, mode: "refuse-if-not-empty" });
    expect(refused.ok || refused.error.code).toBe("import_refused");

    const merged = value(await db.store.tenant(target).importBundle(newer, { ...ctx, mode: "merge" }));
    expect(merged.perEntity.actor).toMatchObject({ inserted: 1, updated: 0 });
    expect(merged.perEntity.body).toMatchObject({ inserted: 0, updated: 1 });
    const t = db.store.tenant(target);
    expect(value(await t.get("body", osterodeIds.bodies.steeringGroup)).topic).toBe("Neu");
    expect(value(await t.get("body", osterodeIds.bodies.advisoryBoard)).topic).toBe("Eigen");
    expect(value(await t.get("actor", fresh.id)).name).toBe("Neuer Partner");
  });

  it("refuses an invalid bundle with the domain's errors, writing nothing", async () => {
    const target = await newTenant(db.store, "Leer");
    const before = await rowsOf(target);
    const bundle = structuredClone(await db.store.tenant(seeded).exportBundle()) as TenantBundle;
    (bundle.network.measure[2] as unknown as Loose).title = "";
    const invalid = await db.store.tenant(target).importBundle(bundle, { ...ctx, mode: "merge" });
    expect(invalid.ok).toBe(false);
    if (!invalid.ok) {
      expect(invalid.error.code).toBe("validation_failed");
      expect(invalid.error.details?.[0]?.path).toBe("network.measure.2.title");
    }
    const wrongFormat = await db.store
      .tenant(target)
      .importBundle({ ...bundle, version: 2 }, { ...ctx, mode: "merge" });
    expect(wrongFormat.ok || wrongFormat.error.code).toBe("validation_failed");
    expect(await rowsOf(target)).toBe(before);
  });

  it("refuses a bundle whose references lead nowhere or whose ids repeat", async () => {
    const target = await newTenant(db.store, "Lücken");
    const before = await rowsOf(target);
    const bundle = structuredClone(await db.store.tenant(seeded).exportBundle()) as TenantBundle;
    const dangling = structuredClone(bundle);
    dangling.network.actor = dangling.network.actor.filter((a) => a.id !== osterodeIds.actors.provider);
    const broken = await db.store.tenant(target).importBundle(dangling, { ...ctx, mode: "merge" });
    expect(broken.ok).toBe(false);
    if (!broken.ok) {
      expect(broken.error.details?.length).toBeGreaterThan(0);
      expect(broken.error.details?.every((d) => d.code === "unknown_reference")).toBe(true);
    }
    const twice = structuredClone(bundle);
    twice.network.goal.push(twice.network.goal[0]!);
    const repeated = await db.store.tenant(target).importBundle(twice, { ...ctx, mode: "merge" });
    expect(repeated.ok || repeated.error.details?.[0]?.code).toBe("duplicate_value");
    expect(await rowsOf(target)).toBe(before);
  });

  it("rolls the whole import back when a statement inside it fails", async () => {
    const target = await newTenant(db.store, "Abbruch");
    const before = await rowsOf(target);
    const bundle = await db.store.tenant(seeded).exportBundle();
    const lastMeasure = bundle.network.measure.at(-1)!.id;
    await db.query(
      sql.raw(`create function fail_on_measure() returns trigger language plpgsql as $$
      begin
        if new.id = '${lastMeasure}' then raise exception 'disk full (simulated)'; end if;
        return new;
      end $$`),
    );
    await db.query(
      sql.raw(
        "create trigger fail_on_measure before insert on measures for each row execute function fail_on_measure()",
      ),
    );
    try {
      await expect(
        db.store.tenant(target).importBundle(bundle, { ...ctx, mode: "refuse-if-not-empty" }),
      ).rejects.toThrow();
    } finally {
      await db.query(sql.raw("drop trigger fail_on_measure on measures"));
      await db.query(sql.raw("drop function fail_on_measure()"));
    }
    expect(await rowsOf(target)).toBe(before);
    expect((await db.store.findTenant(target))?.name).toBe("Abbruch");
    expect(
      value(await db.store.tenant(target).importBundle(bundle, { ...ctx, mode: "refuse-if-not-empty" }))
        .inserted,
    ).toBeGreaterThan(0);
  });

  it("writes one history entry per imported record", async () => {
    const tenantIds = (await db.store.listTenants()).map((t) => t.id);
    const target = tenantIds.at(-1)!;
    const counts = await db.query<{ entity: EntityName; n: number }>(
      sql`select entity, count(*)::int as n from history where tenant_id = ${target} and action = 'import' group by entity`,
    );
    const bundle = await db.store.tenant(target).exportBundle();
    for (const { entity, n } of counts) {
      if (entity !== "region") expect(Number(n)).toBe(bundle.network[entity].length);
    }
  });
});
