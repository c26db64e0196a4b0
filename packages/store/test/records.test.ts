import type { EntityCreate } from "@oha/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends, ctx, newTenant, sql, type TestDatabase, value } from "./backends.js";

const actorInput = (name: string): EntityCreate<"actor"> => ({ name, kind: "job_centre" });
const measureInput = (providerActorId: string, title = "Praktikumsbörse"): EntityCreate<"measure"> => ({
  title,
  providerActorId,
  category: "internship",
  from: "2024-08-01",
});

describe.each(backends)("records on $name", (backend) => {
  let db: TestDatabase;
  let tenantId: string;

  beforeAll(async () => {
    db = await backend.open();
    tenantId = await newTenant(db.store);
  });
  afterAll(() => db?.dispose());

  const tenant = () => db.store.tenant(tenantId);
  const count = async (table: string) => {
    const [row] = await db.query<{ n: number }>(
      sql`select count(*)::int as n from ${sql.identifier(table)} where tenant_id = ${tenantId}`,
    );
    return Number(row?.n);
  };

  it("creates a record through the domain: id, version 1, timestamps, defaults", async () => {
    const actor = value(await tenant().create("actor", actorInput("Jobcenter"), ctx));
    expect(actor.id).toMatch(/^act_[0-9A-Za-z]{12}$/);
    expect(actor).toMatchObject({ version: 1, deleted: false, legalFrameworks: [], illustrative: false });
    expect(actor.createdAt).toBe(actor.updatedAt);
    expect(value(await tenant().get("actor", actor.id))).toEqual(actor);
  });

  it("refuses invalid input with the domain's error and writes nothing", async () => {
    const before = await count("actors");
    const historyBefore = await count("history");
    const result = await tenant().create("actor", { name: "", kind: "nonsense" } as never, {
      principal: "x",
      locale: "de",
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe("validation_failed");
    expect(result.error.details?.map((d) => d.path).sort()).toEqual(["kind", "name"]);
    expect(result.error.details?.find((d) => d.path === "name")?.message).toBe("Pflichtangabe fehlt.");
    expect(await count("actors")).toBe(before);
    expect(await count("history")).toBe(historyBefore);
  });

  it("refuses a reference to a record that does not exist", async () => {
    const result = await tenant().create("measure", measureInput("act_000000000000"), ctx);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe("validation_failed");
    expect(result.error.details).toEqual([
      expect.objectContaining({ path: "providerActorId", code: "unknown_reference" }),
    ]);
  });

  it("updates with the expected version and keeps cross-field rules", async () => {
    const actor = value(await tenant().create("actor", actorInput("Agentur"), ctx));
    const updated = value(await tenant().update("actor", actor.id, 1, { name: "Agentur für Arbeit" }, ctx));
    expect(updated).toMatchObject({ version: 2, name: "Agentur für Arbeit", createdAt: actor.createdAt });
    expect(updated.updatedAt > actor.updatedAt).toBe(true);

    const measure = value(await tenant().create("measure", measureInput(actor.id), ctx));
    const backwards = await tenant().update("measure", measure.id, 1, { to: "2020-01-01" }, ctx);
    expect(backwards.ok).toBe(false);
    if (!backwards.ok)
      expect(backwards.error.details?.[0]).toMatchObject({ path: "to", code: "end_before_start" });
    expect(value(await tenant().get("measure", measure.id)).version).toBe(1);
  });

  it("answers a stale version with a conflict that carries the current record", async () => {
    const actor = value(await tenant().create("actor", actorInput("IHK"), ctx));
    value(await tenant().update("actor", actor.id, 1, { shortName: "IHK" }, { principal: "anna" }));
    const stale = await tenant().update("actor", actor.id, 1, { name: "IHK Hannover" }, { principal: "ben" });
    expect(stale.ok).toBe(false);
    if (stale.ok) return;
    expect(stale.error.code).toBe("precondition_failed");
    expect(stale.error.current).toMatchObject({ id: actor.id, version: 2, shortName: "IHK", name: "IHK" });
    const staleDelete = await tenant().remove("actor", actor.id, 1, ctx);
    expect(staleDelete.ok || staleDelete.error.code).toBe("precondition_failed");
    expect(value(await tenant().get("actor", actor.id)).name).toBe("IHK");
  });

  it("soft-deletes: gone from reads, visible to sync with its deleted marker", async () => {
    const since = new Date().toISOString();
    const actor = value(await tenant().create("actor", actorInput("Handwerkskammer"), ctx));
    const deleted = value(await tenant().remove("actor", actor.id, 1, ctx));
    expect(deleted).toMatchObject({ deleted: true, version: 2 });
    expect((await tenant().get("actor", actor.id)).ok).toBe(false);
    expect(value(await tenant().get("actor", actor.id, { includeDeleted: true })).deleted).toBe(true);
    const visible = value(await tenant().list("actor"));
    expect(visible.items.map((a) => a.id)).not.toContain(actor.id);
    const sync = value(await tenant().list("actor", { modifiedSince: since, includeDeleted: true }));
    expect(sync.items).toEqual([expect.objectContaining({ id: actor.id, deleted: true, version: 2 })]);
    expect((await tenant().update("actor", actor.id, 2, { name: "x" }, ctx)).ok).toBe(false);
    expect(await db.query(sql`select id from actors where id = ${actor.id}`)).toHaveLength(1);
  });

  it("writes the history of every change: who, when, what changed", async () => {
    const actor = value(await tenant().create("actor", actorInput("Kreisverwaltung"), { principal: "anna" }));
    value(
      await tenant().update(
        "actor",
        actor.id,
        1,
        { name: "Landkreis", kind: "municipal_administration" },
        { principal: "ben" },
      ),
    );
    value(await tenant().remove("actor", actor.id, 2, { principal: "carla" }));
    const entries = value(await tenant().history("actor", actor.id));
    expect(entries.map((e) => [e.action, e.version, e.principal])).toEqual([
      ["create", 1, "anna"],
      ["update", 2, "ben"],
      ["delete", 3, "carla"],
    ]);
    expect(entries[0]).toMatchObject({
      before: null,
      after: expect.objectContaining({ name: "Kreisverwaltung" }),
    });
    expect(entries[1]).toMatchObject({
      before: { name: "Kreisverwaltung", kind: "job_centre" },
      after: { name: "Landkreis", kind: "municipal_administration" },
    });
    expect(entries[2]).toMatchObject({ before: { deleted: false }, after: { deleted: true } });
    expect(entries.every((e) => e.at.endsWith("Z"))).toBe(true);
  });

  it("purges personal data for good, also from earlier history, and tells sync clients", async () => {
    const since = new Date().toISOString();
    const contact = value(
      await tenant().create(
        "contact",
        { givenName: "Erika", familyName: "Mustermann", email: "erika@example.org", illustrative: true },
        ctx,
      ),
    );
    value(await tenant().update("contact", contact.id, 1, { phone: "05522 960" }, ctx));
    const purged = value(await tenant().purge("contact", contact.id, { principal: "dpo" }));
    expect(purged).toMatchObject({ entity: "contact", id: contact.id });

    expect((await tenant().get("contact", contact.id, { includeDeleted: true })).ok).toBe(false);
    expect(await db.query(sql`select id from contacts where id = ${contact.id}`)).toHaveLength(0);

    const entries = value(await tenant().history("contact", contact.id));
    expect(entries.map((e) => e.action)).toEqual(["create", "update", "purge"]);
    const stored = JSON.stringify(
      await db.query(sql`select before, after from history where record_id = ${contact.id}`),
    );
    for (const secret of ["Erika", "Mustermann", "erika@example.org", "05522 960"])
      expect(stored).not.toContain(secret);
    expect(entries[2]).toMatchObject({ principal: "dpo", version: null, after: null });
    expect(entries[2]?.before).toMatchObject({ id: contact.id, illustrative: true });

    const sync = value(await tenant().list("contact", { modifiedSince: since, includeDeleted: true }));
    expect(sync.items).toEqual([]);
    expect(sync.purged).toEqual([{ id: contact.id, purgedAt: purged.purgedAt }]);
  });

  it("protects the tenant's own region from deletion and purge", async () => {
    const region = value(await tenant().get("region", tenantId));
    expect((await tenant().remove("region", tenantId, region.version, ctx)).ok).toBe(false);
    const purge = await tenant().purge("region", tenantId, ctx);
    expect(purge.ok || purge.error.code).toBe("forbidden");
  });

  it("keeps the tenant's name in step with its region record", async () => {
    const region = value(await tenant().get("region", tenantId));
    value(await tenant().update("region", tenantId, region.version, { name: "Landkreis Umbenannt" }, ctx));
    expect((await db.store.findTenant(tenantId))?.name).toBe("Landkreis Umbenannt");
  });

  it("runs several changes in one transaction: a failed step undoes the earlier ones", async () => {
    const before = await count("actors");
    const failed = await tenant().transaction(async (t) => {
      const first = await t.create("actor", actorInput("Erster Akteur"), ctx);
      if (!first.ok) return first;
      return t.create("measure", measureInput("act_000000000000"), ctx);
    });
    expect(failed.ok).toBe(false);
    expect(await count("actors")).toBe(before);

    await expect(
      tenant().transaction(async (t) => {
        value(await t.create("actor", actorInput("Zweiter Akteur"), ctx));
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect(await count("actors")).toBe(before);

    const done = await tenant().transaction(async (t) => {
      const actor = value(await t.create("actor", actorInput("Dritter Akteur"), ctx));
      return t.create("measure", measureInput(actor.id), ctx);
    });
    expect(done.ok).toBe(true);
    expect(await count("actors")).toBe(before + 1);
  });

  it("answers not_found for unknown ids and unknown tenants", async () => {
    const missing = await tenant().get("measure", "msr_000000000000", { locale: "en" });
    expect(missing.ok || missing.error).toMatchObject({ code: "not_found" });
    const nowhere = db.store.tenant("reg_000000000000");
    const created = await nowhere.create("actor", actorInput("Niemand"), ctx);
    expect(created.ok || created.error.code).toBe("not_found");
    expect((await nowhere.history("actor", "act_000000000000")).ok).toBe(false);
  });
});
