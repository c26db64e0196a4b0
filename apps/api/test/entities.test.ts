// Every entity router, driven by the Osterode example: each entity's first example record, without
// its id and record fields, is a valid create input in the seeded tenant (its references exist there).
import { type EntityName, entities, figuresOf, filterableFields } from "@oha/domain";
import { osterodeExample } from "@oha/domain/example";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  backends,
  createInputOf,
  entityPaths,
  openTestApp,
  type Page,
  problemOf,
  type Rec,
  type TestApp,
} from "./harness.js";

// Entities only commands write (overlap reviews) have no generic create or patch: tested in commands.test.ts.
const names = (Object.keys(entityPaths) as (keyof typeof entityPaths)[]).filter(
  (name) => entities[name].writtenBy !== "commands",
);

/** A value as it comes back from JSON. */
const asJson = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** The filters the sample record answers to: one query value per filterable field it has a value for. */
function filtersOf(name: EntityName, sample: Record<string, unknown>): [string, string][] {
  const out: [string, string][] = [];
  for (const f of filterableFields(name)) {
    const value = sample[f.field];
    if (Array.isArray(value)) {
      if (value.length) out.push([f.field, String(value[0])]);
    } else if (value !== undefined && value !== null) out.push([f.field, String(value)]);
  }
  return out;
}

function matches(record: Record<string, unknown>, field: string, value: string): boolean {
  const actual = record[field];
  return Array.isArray(actual) ? actual.map(String).includes(value) : String(actual) === value;
}

describe.each(backends)("entity routes on $name", (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp(backend);
  });
  afterAll(() => t?.close());

  const as = (method: string, path: string, json?: unknown, headers: Record<string, string> = {}) =>
    t.request<Rec>(method, path, { key: t.keys.coordinator, json, headers });
  const list = (path: string) => t.request<Page>("GET", path, { key: t.keys.coordinator });

  describe.each(names)("%s", (name) => {
    const path = entityPaths[name];
    const def = entities[name];
    const sample = asJson(osterodeExample[name][0]) as unknown as Rec;
    const input = createInputOf(sample);
    let created: Rec;

    it("has an example record to work from", () => {
      expect(sample.id).toMatch(new RegExp(`^${def.idPrefix}_`));
    });

    it("lists with every filter, sort, paging, search and fields", async () => {
      const all = await list(`${path}?limit=500`);
      expect(all.status).toBe(200);
      expect(all.body.total).toBe(osterodeExample[name].length);
      expect(all.body.items.map((r) => r.id)).toContain(sample.id);

      const filters = filtersOf(name, sample);
      expect(filters.length).toBeGreaterThan(0);
      for (const [field, value] of filters) {
        const page = await list(`${path}?limit=500&${field}=${encodeURIComponent(value)}`);
        expect(page.status, `${field}=${value}`).toBe(200);
        expect(
          page.body.items.map((r) => r.id),
          `${field}=${value}`,
        ).toContain(sample.id);
        for (const item of page.body.items)
          expect(matches(item, field, value), `${field}=${value}`).toBe(true);
        expect(page.body.total).toBe(all.body.items.filter((r) => matches(r, field, value)).length);
      }

      const ids = all.body.items.map((r) => r.id);
      const ascending = [...ids].sort();
      const up = await list(`${path}?limit=500&sort=id`);
      expect(up.body.items.map((r) => r.id)).toEqual(ascending);
      const down = await list(`${path}?limit=500&sort=-id`);
      expect(down.body.items.map((r) => r.id)).toEqual([...ascending].reverse());

      const second = await list(`${path}?sort=id&limit=1&offset=1`);
      expect(second.body).toMatchObject({ total: ids.length, limit: 1, offset: 1 });
      expect(second.body.items.map((r) => r.id)).toEqual(ascending.slice(1, 2));

      const text = (sample.title ?? sample.name ?? sample.code) as string | undefined;
      if (text) {
        const found = await list(`${path}?limit=500&q=${encodeURIComponent(text)}`);
        expect(found.body.items.map((r) => r.id)).toContain(sample.id);
        const none = await list(`${path}?q=${encodeURIComponent("zzz-kein-treffer")}`);
        expect(none.body.total).toBe(0);
      }

      const slim = await list(`${path}?limit=500&fields=illustrative`);
      expect(slim.status).toBe(200);
      for (const item of slim.body.items) {
        expect(Object.keys(item).sort()).toEqual(
          ["createdAt", "deleted", "id", "illustrative", "updatedAt", "version"].sort(),
        );
      }
    });

    it("refuses a list query it cannot answer, as problem+json", async () => {
      for (const query of ["sort=nonsense", "fields=nonsense", "limit=0", "limit=501", "offset=-1"]) {
        const reply = await list(`${path}?${query}`);
        expect(reply.status, query).toBe(400);
        expect(problemOf(reply).code, query).toBe("validation_failed");
      }
      const bool = await list(`${path}?illustrative=yes`);
      expect(bool.status).toBe(400);
      expect(problemOf(bool).errors?.[0]?.path).toBe("illustrative");
    });

    it("gets one record with its ETag, and 404 for an unknown id", async () => {
      const reply = await as("GET", `${path}/${sample.id}`);
      expect(reply.status).toBe(200);
      // The record as stored, and the figures derived from it where the entity has some.
      const { figures, ...record } = reply.body as Rec & { figures?: unknown };
      expect(record).toEqual(sample);
      const day = new Date().toISOString().slice(0, 10);
      const derived = figuresOf(name, sample as never, day);
      expect(figures).toEqual(derived === undefined ? undefined : asJson(derived));
      expect(reply.headers.get("etag")).toBe(`"${sample.version}"`);
      const missing = await as("GET", `${path}/${def.idPrefix}_${"0".repeat(12)}`);
      expect(missing.status).toBe(404);
      expect(problemOf(missing)).toMatchObject({ code: "not_found", status: 404 });
    });

    it("creates a record: 201 with ETag and Location", async () => {
      const reply = await as("POST", path, input);
      expect(reply.status, reply.text).toBe(201);
      created = reply.body;
      expect(created).toMatchObject({ ...input, version: 1, deleted: false });
      expect(created.id).toMatch(new RegExp(`^${def.idPrefix}_`));
      expect(created.id).not.toBe(sample.id);
      expect(reply.headers.get("etag")).toBe('"1"');
      expect(reply.headers.get("location")).toBe(`${path}/${created.id}`);
      const again = await as("GET", reply.headers.get("location") ?? "");
      expect(again.body).toEqual(created);
    });

    it("refuses unknown fields and wrong types with localised problem+json", async () => {
      const before = (await list(`${path}?limit=1`)).body.total;
      const unknown = await as("POST", path, { ...input, nonsense: 1 });
      expect(unknown.status).toBe(400);
      const problem = problemOf(unknown);
      expect(problem.code).toBe("validation_failed");
      // The unknown field names itself.
      expect(problem.errors).toContainEqual(
        expect.objectContaining({ path: "nonsense", code: "unknown_field" }),
      );

      const wrong = await as("POST", path, { ...input, illustrative: "ja" });
      expect(wrong.status).toBe(400);
      const german = problemOf(wrong);
      expect(german.title).toBe("Die Eingabe enthält Fehler.");
      expect(german.errors).toEqual([expect.objectContaining({ path: "illustrative" })]);
      expect(german.errors?.[0]?.message).toBe(german.errors?.[0]?.messages.de);

      const english = problemOf(
        await as("POST", path, { ...input, illustrative: "ja" }, { "accept-language": "en-GB,en;q=0.9" }),
      );
      expect(english.title).toBe("The input contains errors.");
      expect(english.errors?.[0]?.message).toBe(english.errors?.[0]?.messages.en);
      expect(english.errors?.[0]?.messages.en).not.toBe(english.errors?.[0]?.messages.de);

      expect((await list(`${path}?limit=1`)).body.total).toBe(before);
    });

    it("changes a record only with the right If-Match: 428, 200, then 412 with the current record", async () => {
      const url = `${path}/${created.id}`;
      const patch = { illustrative: !created.illustrative };
      const missing = await as("PATCH", url, patch);
      expect(missing.status).toBe(428);
      expect(problemOf(missing).code).toBe("precondition_required");

      const garbled = await as("PATCH", url, patch, { "if-match": "version one" });
      expect(garbled.status).toBe(412);

      const changed = await as("PATCH", url, patch, { "if-match": '"1"' });
      expect(changed.status, changed.text).toBe(200);
      expect(changed.body).toMatchObject({ ...patch, id: created.id, version: 2 });
      expect(changed.headers.get("etag")).toBe('"2"');

      const stale = await as("PATCH", url, { illustrative: created.illustrative }, { "if-match": '"1"' });
      expect(stale.status).toBe(412);
      const problem = problemOf(stale);
      expect(problem.code).toBe("precondition_failed");
      expect(problem.current).toMatchObject({ id: created.id, version: 2, ...patch });

      const bad = await as("PATCH", url, { nonsense: true }, { "if-match": '"2"' });
      expect(bad.status).toBe(400);
      expect((await as("GET", url)).body).toMatchObject({ version: 2, ...patch });
      created = changed.body;
    });

    it("soft-deletes with If-Match; sync clients still see the record", async () => {
      const url = `${path}/${created.id}`;
      expect((await as("DELETE", url)).status).toBe(428);
      expect((await as("DELETE", url, undefined, { "if-match": '"1"' })).status).toBe(412);
      const deleted = await as("DELETE", url, undefined, { "if-match": '"2"' });
      expect(deleted.status).toBe(200);
      expect(deleted.body).toMatchObject({ id: created.id, deleted: true, version: 3 });

      expect((await as("GET", url)).status).toBe(404);
      expect((await as("PATCH", url, { illustrative: true }, { "if-match": '"3"' })).status).toBe(404);
      const visible = await list(`${path}?limit=500`);
      expect(visible.body.items.map((r) => r.id)).not.toContain(created.id);
      const withDeleted = await list(`${path}?limit=500&include_deleted=true`);
      expect(withDeleted.body.items.find((r) => r.id === created.id)).toMatchObject({ deleted: true });
      expect(withDeleted.body.total).toBe(visible.body.total + 1);

      const since = created.createdAt as string;
      const changes = await list(`${path}?limit=500&modified_since=${encodeURIComponent(since)}`);
      expect(changes.status).toBe(200);
      expect(changes.body.items.find((r) => r.id === created.id)).toMatchObject({
        deleted: true,
        version: 3,
      });
      for (const item of changes.body.items) expect((item.updatedAt as string) >= since).toBe(true);
      expect(changes.body.items.map((r) => r.id)).not.toContain(sample.id);
    });

    it("keeps the history of every change", async () => {
      const reply = await t.request<{ items: Record<string, unknown>[] }>(
        "GET",
        `${path}/${created.id}/history`,
        { key: t.keys.coordinator },
      );
      expect(reply.status).toBe(200);
      expect(reply.body.items.map((e) => [e.action, e.version])).toEqual([
        ["create", 1],
        ["update", 2],
        ["delete", 3],
      ]);
      expect(reply.body.items[1]).toMatchObject({
        recordId: created.id,
        entity: name,
        before: { illustrative: !created.illustrative },
        after: { illustrative: created.illustrative },
      });
      expect(String(reply.body.items[0]?.principal)).toMatch(/^key:key_/);
      const unknown = await as("GET", `${path}/${def.idPrefix}_${"0".repeat(12)}/history`);
      expect(unknown.status).toBe(404);
    });

    it("checks a batch: a dry run or a bad row writes nothing, a good batch writes every row", async () => {
      const count = async () => (await list(`${path}?limit=1`)).body.total;
      const before = await count();
      const batch = (query: string, items: unknown) =>
        t.request<{ dryRun: boolean; ok: boolean; results: Record<string, unknown>[] }>(
          "POST",
          `${path}/batch${query}`,
          { key: t.keys.coordinator, json: { items } },
        );
      const mixed = [input, { ...input, illustrative: "ja" }];

      const dry = await batch("?dry_run=true", mixed);
      expect(dry.status).toBe(200);
      expect(dry.body).toMatchObject({ dryRun: true, ok: false });
      expect(dry.body.results[0]).toEqual({ index: 0, ok: true });
      expect(dry.body.results[1]).toMatchObject({
        index: 1,
        ok: false,
        errors: [expect.objectContaining({ path: "illustrative" })],
      });
      expect(await count()).toBe(before);

      const refused = await batch("", mixed);
      expect(refused.body).toMatchObject({ dryRun: false, ok: false });
      expect(await count()).toBe(before);

      const checked = await batch("?dry_run=true", [input, input]);
      expect(checked.body).toMatchObject({ dryRun: true, ok: true });
      expect(await count()).toBe(before);

      const written = await batch("", [input, input]);
      expect(written.body).toMatchObject({ dryRun: false, ok: true });
      const ids = written.body.results.map((r) => r.id as string);
      expect(ids).toHaveLength(2);
      expect(await count()).toBe(before + 2);
      for (const id of ids) expect((await as("GET", `${path}/${id}`)).body).toMatchObject(input);

      expect((await batch("", [])).status).toBe(400);
    });

    it("purges a record for good", async () => {
      const url = `${path}/${created.id}`;
      const reply = await t.request<Record<string, unknown>>("POST", `${url}/purge`, {
        key: t.keys.coordinator,
      });
      expect(reply.status).toBe(200);
      expect(reply.body).toMatchObject({ entity: name, id: created.id });
      const withDeleted = await list(`${path}?limit=500&include_deleted=true`);
      expect(withDeleted.body.items.map((r) => r.id)).not.toContain(created.id);
      expect((await as("GET", url)).status).toBe(404);
      const history = await t.request<{ items: Record<string, unknown>[] }>("GET", `${url}/history`, {
        key: t.keys.coordinator,
      });
      expect(history.body.items.at(-1)).toMatchObject({ action: "purge", version: null, after: null });
      // Personal data is gone from the history too (GDPR Art. 17); the entries themselves remain.
      expect(history.body.items.map((e) => e.action)).toEqual(["create", "update", "delete", "purge"]);
      for (const field of def.personalFields) {
        const value = input[field];
        if (typeof value === "string") expect(history.text, field).not.toContain(value);
      }
      expect((await as("POST", `${url}/purge`)).status).toBe(404);
    });
  });
});
