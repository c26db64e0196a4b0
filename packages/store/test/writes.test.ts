// The write path: one read per write with the permission decided on the locked row, no version
// for a change that changes nothing, restore, nested references, commands applied atomically,
// and the tenant's data version that caches rely on.
import { type Change, can, type EntityCreate } from "@oha/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends, ctx, newTenant, sql, type TestDatabase, value } from "./backends.js";

const actorInput = (name: string): EntityCreate<"actor"> => ({ name, kind: "independent_provider" });

describe.each(backends)("writes on $name", (backend) => {
  let db: TestDatabase;
  let tenantId: string;

  beforeAll(async () => {
    db = await backend.open();
    tenantId = await newTenant(db.store);
  });
  afterAll(() => db?.dispose());

  const tenant = () => db.store.tenant(tenantId);
  const historyOf = async (id: string) =>
    db.query<{ action: string; principal_name: string | null }>(
      sql`select action, principal_name from history where tenant_id = ${tenantId} and record_id = ${id} order by seq`,
    );

  it("makes no new version for a patch that changes nothing, and writes no history", async () => {
    const actor = value(await tenant().create("actor", actorInput("Bildungswerk"), ctx));
    const before = await tenant().dataVersion();
    const same = value(await tenant().update("actor", actor.id, 1, {}, ctx));
    expect(same.version).toBe(1);
    const unchanged = value(await tenant().update("actor", actor.id, 1, { name: "Bildungswerk" }, ctx));
    expect(unchanged).toEqual(actor);
    expect((await historyOf(actor.id)).map((h) => h.action)).toEqual(["create"]);
    expect(await tenant().dataVersion()).toBe(before);
  });

  it("moves the data version with every committed change, and not with a refused one", async () => {
    const start = await tenant().dataVersion();
    const actor = value(await tenant().create("actor", actorInput("Jugendwerkstatt"), ctx));
    const afterCreate = await tenant().dataVersion();
    expect(afterCreate).toBeGreaterThan(start);
    const refused = await tenant().update("actor", actor.id, 1, { name: "" }, ctx);
    expect(refused.ok).toBe(false);
    const stale = await tenant().update("actor", actor.id, 7, { name: "Neu" }, ctx);
    expect(!stale.ok && stale.error.code).toBe("precondition_failed");
    expect(await tenant().dataVersion()).toBe(afterCreate);
    value(await tenant().update("actor", actor.id, 1, { name: "Jugendwerkstatt Harz" }, ctx));
    expect(await tenant().dataVersion()).toBeGreaterThan(afterCreate);
  });

  it("keeps each tenant's data version to itself", async () => {
    const other = await newTenant(db.store, "Landkreis Anders");
    const mine = await tenant().dataVersion();
    value(await db.store.tenant(other).create("actor", actorInput("Anderswo"), ctx));
    expect(await tenant().dataVersion()).toBe(mine);
  });

  it("decides the permission on the locked record, before and after the change", async () => {
    const own = value(await tenant().create("actor", actorInput("Eigener Träger"), ctx));
    const foreign = value(await tenant().create("actor", actorInput("Fremder Träger"), ctx));
    const measure = value(
      await tenant().create(
        "measure",
        {
          title: "Bewerbungstraining",
          providerActorId: own.id,
          category: "application_support",
          from: "2025-08-01",
        },
        ctx,
      ),
    );
    const partner = { role: "partner", actorId: own.id } as const;
    const authorize = (entity: "measure", before: object | undefined, after: object) =>
      (before === undefined || can(partner, "update", entity, before)) &&
      can(partner, "update", entity, after);
    const asPartner = { ...ctx, authorize: authorize as never };
    // Handing the measure to another provider is refused: the record after the change is not theirs.
    const handedAway = await tenant().update(
      "measure",
      measure.id,
      1,
      { providerActorId: foreign.id },
      asPartner,
    );
    expect(!handedAway.ok && handedAway.error.code).toBe("forbidden");
    const edited = value(await tenant().update("measure", measure.id, 1, { places: 40 }, asPartner));
    expect(edited.version).toBe(2);
  });

  it("names who changed a record in its history", async () => {
    const actor = value(
      await tenant().create("actor", actorInput("Kreishandwerkerschaft"), {
        ...ctx,
        principalName: "Koordination",
      }),
    );
    expect(await historyOf(actor.id)).toEqual([{ action: "create", principal_name: "Koordination" }]);
    const history = value(await tenant().history("actor", actor.id));
    expect(history[0]?.principalName).toBe("Koordination");
  });

  it("restores a deleted record as a new version", async () => {
    const actor = value(await tenant().create("actor", actorInput("Berufsbildungszentrum"), ctx));
    const deleted = value(await tenant().remove("actor", actor.id, 1, ctx));
    expect(deleted.deleted).toBe(true);
    const notDeleted = await tenant().restore("actor", actor.id, 1, ctx);
    expect(!notDeleted.ok && notDeleted.error.code).toBe("precondition_failed");
    const restored = value(await tenant().restore("actor", actor.id, 2, ctx));
    expect(restored).toMatchObject({ deleted: false, version: 3 });
    expect(value(await tenant().get("actor", actor.id)).version).toBe(3);
    const again = await tenant().restore("actor", actor.id, 3, ctx);
    expect(!again.ok && again.error.code).toBe("not_found");
    expect((await historyOf(actor.id)).map((h) => h.action)).toEqual(["create", "delete", "restore"]);
  });

  it("checks nested references: a standard's adoptions and a guide's sections", async () => {
    const other = await newTenant(db.store, "Landkreis Fremd");
    const stranger = value(await db.store.tenant(other).create("actor", actorInput("Fremd"), ctx));
    const adopting = await tenant().create(
      "standard",
      {
        code: "MS-01",
        title: "Übergang ohne Anschluss",
        kind: "minimum",
        adoptions: [{ actorId: stranger.id, status: "adopted" }],
      },
      ctx,
    );
    expect(!adopting.ok && adopting.error.details?.map((d) => d.path)).toEqual(["adoptions.0.actorId"]);
    const guide = await tenant().create(
      "guide",
      {
        title: "Praxisleitfaden",
        sections: [{ number: "1", title: "Einleitung", standardIds: ["std_000000000000"] }],
      },
      ctx,
    );
    expect(!guide.ok && guide.error.details?.map((d) => d.path)).toEqual(["sections.0.standardIds.0"]);
  });

  it("applies a command's changes whole, or not at all", async () => {
    const actor = value(await tenant().create("actor", actorInput("Agentur"), ctx));
    const version = await tenant().dataVersion();
    const failing: Change[] = [
      { kind: "update", entity: "actor", id: actor.id, version: 1, patch: { shortName: "AA" } },
      { kind: "create", entity: "contact", input: { givenName: "Erika", familyName: "Muster" } },
      // A reference to nothing: the whole command fails, the first two changes are not kept.
      {
        kind: "create",
        entity: "affiliation",
        input: {
          contactId: "con_000000000000",
          actorId: actor.id,
          role: "Beratung",
          level: "operational",
          from: "2025-01-01",
        },
      },
    ];
    const result = await tenant().apply(failing, ctx);
    expect(!result.ok && result.error.code).toBe("validation_failed");
    expect(value(await tenant().get("actor", actor.id)).version).toBe(1);
    expect(value(await tenant().list("contact", { search: "erika" })).total).toBe(0);
    expect(await tenant().dataVersion()).toBe(version);

    const written = value(await tenant().apply(failing.slice(0, 2), ctx));
    expect(written.map((r) => r.version)).toEqual([2, 1]);
  });
});
