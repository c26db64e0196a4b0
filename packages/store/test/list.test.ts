import type { EntityCreate, EntityRecord } from "@oha/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends, ctx, newTenant, sql, type TestDatabase, value } from "./backends.js";

describe.each(backends)("list queries on $name", (backend) => {
  let db: TestDatabase;
  let tenantId: string;
  let providers: string[];
  let measures: EntityRecord<"measure">[];

  const tenant = () => db.store.tenant(tenantId);

  beforeAll(async () => {
    db = await backend.open();
    tenantId = await newTenant(db.store);
    providers = [];
    for (const name of ["Träger Nord", "Träger Süd"]) {
      providers.push(value(await tenant().create("actor", { name, kind: "independent_provider" }, ctx)).id);
    }
    const categories = ["internship", "counselling", "vocational_orientation"] as const;
    const inputs: EntityCreate<"measure">[] = Array.from({ length: 30 }, (_, i) => ({
      title: `Maßnahme ${String(i).padStart(2, "0")}${i % 7 === 0 ? " Bewerbungstraining" : ""}`,
      providerActorId: providers[i % 2]!,
      category: categories[i % 3]!,
      status: i < 10 ? "running" : "planned",
      public: i % 2 === 0,
      from: `2024-0${(i % 9) + 1}-01`,
      ...(i % 5 === 0 ? {} : { to: "2025-07-31" }),
      places: i % 4 === 0 ? undefined : i,
      targetGroups: i % 3 === 0 ? ["pupils_lower_secondary", "newly_arrived"] : ["applicants"],
    }));
    measures = [];
    for (const input of inputs) measures.push(value(await tenant().create("measure", input, ctx)));
  });
  afterAll(() => db?.dispose());

  const ids = (items: { id: string }[]) => items.map((m) => m.id);

  it("filters on extracted columns, json fields, lists, absence and ranges", async () => {
    const internships = value(await tenant().list("measure", { filter: { category: "internship" } }));
    expect(internships.total).toBe(10);
    expect(internships.items.every((m) => m.category === "internship")).toBe(true);

    const mixed = value(
      await tenant().list("measure", {
        filter: { category: ["internship", "counselling"], status: "running", public: true },
      }),
    );
    const expected = measures.filter(
      (m) => ["internship", "counselling"].includes(m.category) && m.status === "running" && m.public,
    );
    expect(ids(mixed.items).sort()).toEqual(ids(expected).sort());

    const byProvider = value(await tenant().list("measure", { filter: { providerActorId: providers[1] } }));
    expect(byProvider.total).toBe(15);

    const newlyArrived = value(await tenant().list("measure", { filter: { targetGroups: "newly_arrived" } }));
    expect(newlyArrived.total).toBe(10);
    const anyOf = value(
      await tenant().list("measure", { filter: { targetGroups: ["newly_arrived", "applicants"] } }),
    );
    expect(anyOf.total).toBe(30);

    const open = value(await tenant().list("measure", { filter: { to: null } }));
    expect(ids(open.items).sort()).toEqual(ids(measures.filter((m) => m.to === undefined)).sort());
    const unplaced = value(await tenant().list("measure", { filter: { places: null } }));
    expect(unplaced.total).toBe(measures.filter((m) => m.places === undefined).length);

    const big = value(await tenant().list("measure", { filter: { places: { gte: 20, lt: 25 } } }));
    expect(big.items.map((m) => m.places).sort()).toEqual([21, 22, 23]);
    const spring = value(
      await tenant().list("measure", { filter: { from: { gte: "2024-03-01", lte: "2024-04-01" } } }),
    );
    expect(spring.items.every((m) => m.from >= "2024-03-01" && m.from <= "2024-04-01")).toBe(true);
    expect(spring.total).toBe(
      measures.filter((m) => m.from >= "2024-03-01" && m.from <= "2024-04-01").length,
    );
  });

  it("searches text fields case-insensitively", async () => {
    const found = value(await tenant().list("measure", { search: "bewerbungs" }));
    expect(found.total).toBe(5);
    expect(value(await tenant().list("measure", { search: "100%_" })).total).toBe(0);
    expect(value(await tenant().list("actor", { search: "süd" })).items.map((a) => a.name)).toEqual([
      "Träger Süd",
    ]);
  });

  it("sorts by any field, with the id as tie-breaker, both ways", async () => {
    const asc = value(await tenant().list("measure", { sort: "title", limit: 1000 }));
    expect(asc.items.map((m) => m.title)).toEqual(measures.map((m) => m.title).sort());
    const desc = value(await tenant().list("measure", { sort: "places", order: "desc", limit: 1000 }));
    const places = desc.items.map((m) => m.places ?? -1);
    expect(places).toEqual([...places].sort((x, y) => y - x));
    expect(desc.items.slice(-8).every((m) => m.places === undefined)).toBe(true);
    const byCategory = value(await tenant().list("measure", { sort: "category", limit: 1000 }));
    const keys = byCategory.items.map((m) => `${m.category}|${m.id}`);
    expect(keys).toEqual([...keys].sort());
  });

  it("pages with offsets and with cursors, stable and complete", async () => {
    for (const sort of ["updatedAt", "category", "to", "public"] as const) {
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = value(await tenant().list("measure", { sort, order: "desc", limit: 7, cursor }));
        expect(page.total).toBe(30);
        seen.push(...ids(page.items));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toHaveLength(30);
      expect(new Set(seen).size).toBe(30);
      const whole = value(await tenant().list("measure", { sort, order: "desc", limit: 30 }));
      expect(seen).toEqual(ids(whole.items));
      expect(whole.nextCursor).toBeUndefined();
    }
    const second = value(await tenant().list("measure", { sort: "title", limit: 10, offset: 10 }));
    expect(second).toMatchObject({ total: 30, limit: 10, offset: 10 });
    expect(second.items.map((m) => m.title)).toEqual(
      measures
        .map((m) => m.title)
        .sort()
        .slice(10, 20),
    );
  });

  it("returns what changed since an instant, for sync", async () => {
    const all = value(await tenant().list("measure", { limit: 1000 }));
    const pivot = all.items[20]!;
    const changed = value(await tenant().list("measure", { modifiedSince: pivot.updatedAt, limit: 1000 }));
    expect(changed.items.every((m) => m.updatedAt >= pivot.updatedAt)).toBe(true);
    expect(ids(changed.items)).toContain(pivot.id);
    expect(changed.purged).toEqual([]);
    const later = value(await tenant().update("measure", measures[0]!.id, 1, { places: 99 }, ctx));
    const sync = value(await tenant().list("measure", { modifiedSince: later.updatedAt }));
    expect(ids(sync.items)).toEqual([later.id]);
  });

  it("returns only the requested fields, plus id, version and timestamps", async () => {
    const page = value(
      await tenant().list("measure", { fields: ["title", "category"], limit: 2, sort: "title" }),
    );
    expect(Object.keys(page.items[0]!).sort()).toEqual(
      ["category", "createdAt", "deleted", "id", "title", "updatedAt", "version"].sort(),
    );
    expect(page.items[0]?.title).toBe("Maßnahme 00 Bewerbungstraining");
  });

  it("refuses unknown fields, bad values and foreign cursors", async () => {
    const refused = [
      await tenant().list("measure", { filter: { colour: "blue" } as never }),
      await tenant().list("measure", { sort: "colour" as never }),
      await tenant().list("measure", { fields: ["colour" as never] }),
      await tenant().list("measure", { filter: { places: { between: 3 } } as never }),
      await tenant().list("measure", { filter: { category: [] } }),
      await tenant().list("measure", { limit: 5000 }),
      await tenant().list("measure", { modifiedSince: "yesterday" }),
      await tenant().list("measure", { cursor: "not-a-cursor" }),
    ];
    for (const result of refused) expect(result.ok || result.error.code).toBe("validation_failed");
    const page = value(await tenant().list("measure", { sort: "title", limit: 2 }));
    const other = await tenant().list("measure", { sort: "from", limit: 2, cursor: page.nextCursor });
    expect(other.ok).toBe(false);
  });

  it("uses the indexes for the hot filters and for sync", async () => {
    // Planner statistics decide between index and sequential scan; forbidding the latter shows whether an index fits.
    const plan = async (query: ReturnType<typeof sql>) =>
      JSON.stringify(
        await db.connection.db.transaction(async (tx) => {
          await tx.execute(sql`analyze measures`);
          await tx.execute(sql`set local enable_seqscan = off`);
          const result: unknown = await tx.execute(sql`explain ${query}`);
          return Array.isArray(result) ? result : (result as { rows: unknown[] }).rows;
        }),
      );
    expect(
      await plan(sql`select id from measures where tenant_id = ${tenantId} and category = 'internship'`),
    ).toContain("measures_category_idx");
    expect(
      await plan(
        sql`select id from measures where tenant_id = ${tenantId} and provider_actor_id = ${providers[0]}`,
      ),
    ).toContain("measures_provider_idx");
    expect(
      await plan(
        sql`select id from measures where tenant_id = ${tenantId} and updated_at >= now() order by updated_at, id limit 10`,
      ),
    ).toContain("measures_sync_idx");
  });
});
