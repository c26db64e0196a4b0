// The caller, the tenant's settings, whole-tenant export and import, and the public catalogue.
import { entityNames } from "@oha/domain";
import { osterodeExample } from "@oha/domain/example";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  backends,
  createInputOf,
  openTestApp,
  type Page,
  partnerActorId,
  problemOf,
  type Rec,
  type TestApp,
} from "./harness.js";

interface Me {
  principal: { id: string; kind: string; role: string; actorId?: string };
  tenant: { id: string; name: string };
}
interface Bundle {
  format: string;
  tenantId: string;
  network: Record<string, Rec[]>;
}

const byId = (records: Rec[]) => [...records].sort((a, b) => a.id.localeCompare(b.id));

describe.each(backends)("tenant routes on $name", (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp(backend);
  });
  afterAll(() => t?.close());

  it("tells every caller who they are", async () => {
    for (const role of ["admin", "coordinator", "partner", "viewer"] as const) {
      const reply = await t.request<Me>("GET", "/api/v1/me", { key: t.keys[role] });
      expect(reply.status).toBe(200);
      expect(reply.body.tenant).toEqual({ id: t.tenantA, name: "Landkreis Osterode am Harz" });
      expect(reply.body.principal).toMatchObject({ kind: "api_key", role });
      expect(reply.body.principal.id).toMatch(/^key:key_/);
      expect(reply.body.principal.actorId).toBe(role === "partner" ? partnerActorId : undefined);
    }
    const other = await t.request<Me>("GET", "/api/v1/me", { key: t.keys.adminB });
    expect(other.body.tenant).toEqual({ id: t.tenantB, name: "Landkreis Beispielstadt" });
  });

  it("reads and changes the tenant's region with If-Match", async () => {
    const read = await t.request("GET", "/api/v1/tenant", { key: t.keys.viewer });
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ id: t.tenantA, name: "Landkreis Osterode am Harz", kind: "district" });
    const etag = read.headers.get("etag") ?? "";
    expect(etag).toBe(`"${read.body.version}"`);

    const url = "/api/v1/tenant";
    const rename = { name: "Landkreis Osterode am Harz (Archiv)" };
    expect((await t.request("PATCH", url, { key: t.keys.admin, json: rename })).status).toBe(428);
    const renamed = await t.request("PATCH", url, {
      key: t.keys.admin,
      json: rename,
      headers: { "if-match": etag },
    });
    expect(renamed.status, renamed.text).toBe(200);
    expect(renamed.body).toMatchObject({ ...rename, version: read.body.version + 1 });
    const me = await t.request<Me>("GET", "/api/v1/me", { key: t.keys.viewer });
    expect(me.body.tenant.name).toBe(rename.name);

    const stale = await t.request("PATCH", url, {
      key: t.keys.admin,
      json: { name: "Verloren" },
      headers: { "if-match": etag },
    });
    expect(stale.status).toBe(412);
    expect(problemOf(stale).current).toMatchObject(rename);
    const invalid = await t.request("PATCH", url, {
      key: t.keys.admin,
      json: { kind: "galaxy" },
      headers: { "if-match": renamed.headers.get("etag") ?? "" },
    });
    expect(invalid.status).toBe(400);

    const back = await t.request("PATCH", url, {
      key: t.keys.admin,
      json: { name: "Landkreis Osterode am Harz" },
      headers: { "if-match": renamed.headers.get("etag") ?? "" },
    });
    expect(back.status).toBe(200);
  });

  it("exports the whole tenant; an import into a tenant with data is refused and changes nothing", async () => {
    const exported = await t.request<Bundle>("GET", "/api/v1/tenant/export", { key: t.keys.coordinator });
    expect(exported.status).toBe(200);
    expect(exported.headers.get("content-disposition")).toBe(`attachment; filename="oha-${t.tenantA}.json"`);
    expect(exported.headers.get("cache-control")).toBe("no-store");
    expect(exported.body).toMatchObject({ format: "oha.tenant-bundle", version: 1, tenantId: t.tenantA });
    for (const name of entityNames) {
      expect(exported.body.network[name]?.length, name).toBe(osterodeExample[name].length);
    }

    const refused = await t.request("POST", "/api/v1/tenant/import", {
      key: t.keys.admin,
      json: exported.body,
    });
    expect(refused.status).toBe(409);
    expect(problemOf(refused).code).toBe("import_refused");
    const merged = await t.request("POST", "/api/v1/tenant/import?mode=sideways", {
      key: t.keys.admin,
      json: exported.body,
    });
    expect(merged.status).toBe(400);
    const broken = structuredClone(exported.body);
    (broken.network.actor as Record<string, unknown>[])[0]!.kind = "dragon";
    const invalid = await t.request("POST", "/api/v1/tenant/import?mode=merge", {
      key: t.keys.admin,
      json: broken,
    });
    expect(invalid.status).toBe(400);
    expect(problemOf(invalid).errors?.[0]?.path).toBe("network.actor.0.kind");

    const again = await t.request<Bundle>("GET", "/api/v1/tenant/export", { key: t.keys.coordinator });
    for (const name of entityNames) {
      expect(byId(again.body.network[name] ?? []), name).toEqual(byId(exported.body.network[name] ?? []));
    }
  });

  it("imports a bundle into an empty tenant, and the tenant exports the same again", async () => {
    const exported = await t.request<Bundle>("GET", "/api/v1/tenant/export", { key: t.keys.admin });
    const third = await t.store.createTenant({ name: "Landkreis Leer", kind: "district" }, "test");
    if (!third.ok) throw new Error(third.error.message);
    const key = await t.store.apiKeys.create({ tenantId: third.value.id, role: "admin", name: "Import" });
    if (!key.ok) throw new Error(key.error.message);
    const admin = key.value.secret;

    const imported = await t.request<Record<string, unknown>>("POST", "/api/v1/tenant/import", {
      key: admin,
      json: exported.body,
    });
    expect(imported.status, imported.text).toBe(200);
    const records = entityNames.reduce((n, name) => n + (exported.body.network[name]?.length ?? 0), 0);
    expect(imported.body).toMatchObject({ mode: "refuse-if-not-empty", inserted: records - 1, updated: 1 });

    const copy = await t.request<Bundle>("GET", "/api/v1/tenant/export", { key: admin });
    expect(copy.body.tenantId).toBe(third.value.id);
    for (const name of entityNames) {
      if (name === "region") continue;
      expect(byId(copy.body.network[name] ?? []), name).toEqual(byId(exported.body.network[name] ?? []));
    }
    const [region] = copy.body.network.region ?? [];
    const [original] = exported.body.network.region ?? [];
    expect(region).toEqual({ ...original, id: third.value.id });
    const me = await t.request<Me>("GET", "/api/v1/me", { key: admin });
    expect(me.body.tenant).toEqual({ id: third.value.id, name: "Landkreis Osterode am Harz" });

    const remerged = await t.request<Record<string, unknown>>("POST", "/api/v1/tenant/import?mode=merge", {
      key: admin,
      json: exported.body,
    });
    expect(remerged.body).toMatchObject({ mode: "merge", inserted: 0, updated: 0, unchanged: records });
  });

  describe("public catalogue", () => {
    const path = () => `/public/v1/regions/${t.tenantA}/measures`;
    const template = createInputOf(osterodeExample.measure[0]!);
    const create = async (fields: Record<string, unknown>) => {
      const reply = await t.request("POST", "/api/v1/measures", {
        key: t.keys.coordinator,
        json: { ...template, ...fields },
      });
      expect(reply.status, reply.text).toBe(201);
      return reply.body;
    };
    type Catalogue = { region: { id: string; name: string }; items: Rec[]; total: number };

    it("shows only public measures that are not cancelled or deleted, without who verified them", async () => {
      const shown = await create({
        title: "Öffentliches Bewerbungstraining",
        public: true,
        status: "running",
        lastVerifiedBy: "Erika Mustermann",
        lastVerifiedAt: "2025-01-01T00:00:00.000Z",
      });
      const cancelled = await create({ title: "Abgesagte Messe", public: true, status: "cancelled" });
      const internal = await create({ title: "Internes Coaching", public: false, status: "running" });
      const gone = await create({ title: "Gelöschte Sprechstunde", public: true, status: "planned" });
      const deleted = await t.request("DELETE", `/api/v1/measures/${gone.id}`, {
        key: t.keys.coordinator,
        headers: { "if-match": '"1"' },
      });
      expect(deleted.status).toBe(200);

      const reply = await t.request<Catalogue>("GET", `${path()}?limit=500`);
      expect(reply.status).toBe(200);
      expect(reply.body.region).toEqual({ id: t.tenantA, name: "Landkreis Osterode am Harz" });
      const ids = reply.body.items.map((m) => m.id);
      expect(ids).toContain(shown.id);
      for (const hidden of [cancelled, internal, gone]) expect(ids).not.toContain(hidden.id);

      const all = await t.request<Page>("GET", "/api/v1/measures?limit=500&public=true", {
        key: t.keys.coordinator,
      });
      const expected = all.body.items.filter((m) => m.status !== "cancelled").map((m) => m.id);
      expect([...ids].sort()).toEqual([...expected].sort());
      expect(reply.body.total).toBe(expected.length);
      for (const item of reply.body.items) {
        expect(item).not.toHaveProperty("lastVerifiedBy");
        expect(item).not.toHaveProperty("version");
        expect(item.public).toBe(true);
      }
      expect(reply.body.items.find((m) => m.id === shown.id)).toMatchObject({
        lastVerifiedAt: "2025-01-01T00:00:00.000Z",
      });
      expect(reply.text).not.toContain("Erika Mustermann");
      const titles = reply.body.items.map((m) => m.title as string);
      expect(titles).toEqual([...titles].sort());
    });

    it("filters by category, target group, status and text", async () => {
      const sample = osterodeExample.measure.find((m) => m.public && m.targetGroups.length > 0)!;
      const checks: [string, (m: Rec) => boolean][] = [
        [`category=${sample.category}`, (m) => m.category === sample.category],
        [
          `targetGroup=${sample.targetGroups[0]}`,
          (m) => (m.targetGroups as string[]).includes(sample.targetGroups[0]!),
        ],
        ["status=running", (m) => m.status === "running"],
        [`q=${encodeURIComponent(sample.title)}`, (m) => m.title === sample.title],
      ];
      for (const [query, holds] of checks) {
        const reply = await t.request<Catalogue>("GET", `${path()}?${query}`);
        expect(reply.status, query).toBe(200);
        for (const item of reply.body.items) expect(holds(item), query).toBe(true);
      }
      const found = await t.request<Catalogue>("GET", `${path()}?q=${encodeURIComponent(sample.title)}`);
      expect(found.body.items.map((m) => m.id)).toContain(sample.id);
      const cancelled = await t.request("GET", `${path()}?status=cancelled`);
      expect(cancelled.status).toBe(400);
      const paged = await t.request<Catalogue & { limit: number; offset: number }>(
        "GET",
        `${path()}?limit=1&offset=1`,
      );
      expect(paged.body).toMatchObject({ limit: 1, offset: 1 });
      expect(paged.body.items).toHaveLength(1);
    });

    it("is cacheable, revalidates by ETag and needs no sign-in", async () => {
      const first = await t.request("GET", path(), { headers: { origin: "https://schule.example" } });
      expect(first.status).toBe(200);
      expect(first.headers.get("cache-control")).toBe("public, max-age=300");
      expect(first.headers.get("access-control-allow-origin")).toBe("*");
      const etag = first.headers.get("etag");
      expect(etag).toBeTruthy();
      const revalidated = await t.request("GET", path(), { headers: { "if-none-match": etag ?? "" } });
      expect(revalidated.status).toBe(304);
      expect(revalidated.text).toBe("");

      await create({ title: "Neu im Katalog", public: true, status: "planned" });
      const changed = await t.request("GET", path(), { headers: { "if-none-match": etag ?? "" } });
      expect(changed.status).toBe(200);
      expect(changed.headers.get("etag")).not.toBe(etag);
    });

    it("answers 404 for an unknown region and an empty list for a region without public measures", async () => {
      const unknown = await t.request("GET", "/public/v1/regions/reg_000000000000/measures");
      expect(unknown.status).toBe(404);
      expect(problemOf(unknown).code).toBe("not_found");
      const empty = await t.request<Catalogue>("GET", `/public/v1/regions/${t.tenantB}/measures`);
      expect(empty.status).toBe(200);
      expect(empty.body).toMatchObject({ items: [], total: 0, region: { id: t.tenantB } });
    });
  });
});
