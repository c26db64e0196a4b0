// OParl 1.1 and Open Referral HSDS 3.0 read APIs, HSDS import and transfer packages, through real
// HTTP requests on a real store (PGlite, and PostgreSQL when reachable). Everything served is checked
// against the official schemas vendored in vendor/ (see packages/domain/test/interop-schemas.ts).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  hsdsExample,
  validateHsds,
  validateHsdsResponse,
  validateOParl,
  validateOParlList,
} from "../../../packages/domain/test/interop-schemas.js";
import { backends, entityPaths, openTestApp, problemOf, type Rec, type TestApp } from "./harness.js";

type Json = Record<string, unknown>;
interface OParlListPage {
  data: Json[];
  pagination: { totalElements: number; currentPage: number; totalPages: number; elementsPerPage: number };
  links: { next?: string; self: string; first: string; last: string };
}
interface HsdsPageBody {
  total_items: number;
  total_pages: number;
  page_number: number;
  last_page: boolean;
  contents: Json[];
}

const listTypes: Record<string, string> = {
  organization: "Organization",
  person: "Person",
  membership: "Membership",
  meeting: "Meeting",
  agendaItem: "AgendaItem",
  paper: "Paper",
  locationList: "Location",
};

/** The path and query of an absolute URL the API gave out, for `app.request`. */
const pathOf = (url: string) => {
  const u = new URL(url);
  return `${u.pathname}${u.search}`;
};

describe.each(backends)("interoperability on $name", (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp(backend, { OHA_PUBLIC_URL: "https://oha.landkreis.test" });
  });
  afterAll(() => t?.close());

  const system = () => `/oparl/v1.1/regions/${t.tenantA}`;

  /** Follows `links.next` from a list's first page to its end, checking every page and object. */
  async function walk(url: string, type: string, perPage: number): Promise<Json[]> {
    const seen: Json[] = [];
    let next: string | undefined = `${pathOf(url)}${url.includes("?") ? "&" : "?"}elementsPerPage=${perPage}`;
    let pages = 0;
    while (next) {
      const reply: { status: number; body: OParlListPage } = await t.request<OParlListPage>("GET", next);
      expect(reply.status, next).toBe(200);
      expect(validateOParlList(reply.body, type), next).toEqual([]);
      pages++;
      expect(reply.body.pagination.currentPage).toBe(pages);
      seen.push(...reply.body.data);
      next = reply.body.links.next ? pathOf(reply.body.links.next) : undefined;
      expect(pages, "pages").toBeLessThanOrEqual(1000);
    }
    return seen;
  }

  describe("OParl 1.1", () => {
    it("serves the Osterode example anonymously; every object meets the official schemas, every links.next is followed", async () => {
      const sys = await t.request<Json>("GET", system());
      expect(sys.status).toBe(200);
      expect(sys.headers.get("access-control-allow-origin")).toBe("*");
      expect(validateOParl(sys.body, "System")).toEqual([]);
      expect(sys.body.id).toBe(`https://oha.landkreis.test${system()}`);
      const bodies = await walk(String(sys.body.body), "Body", 1);
      expect(bodies).toHaveLength(1);
      const body = bodies[0] as Json;
      expect(body).toMatchObject({ name: "Landkreis Osterode am Harz", ags: "03156000" });
      const own = await t.request<Json>("GET", pathOf(String(body.id)));
      expect(own.body).toEqual(body);

      let objects = 0;
      for (const [field, type] of Object.entries(listTypes)) {
        const listed = await walk(String(body[field]), type, 7);
        expect(listed.length, field).toBeGreaterThan(0);
        const ids = listed.map((o) => String(o.id));
        expect(new Set(ids).size, `${field} ids are unique`).toBe(ids.length);
        // Every object answers at its id, the same as in the list.
        for (const object of listed) {
          const single = await t.request<Json>("GET", pathOf(String(object.id)));
          expect(single.status, String(object.id)).toBe(200);
          expect(validateOParl(single.body, type)).toEqual([]);
          expect(single.body).toEqual(object);
          objects++;
        }
      }
      expect(objects).toBeGreaterThan(50);
    });

    it("filters by modified_since, and reports deletions and withdrawn consent", async () => {
      const since = new Date().toISOString();
      const meeting = (
        await t.request<{ items: Rec[] }>("GET", `${entityPaths.meeting}?limit=1`, {
          key: t.keys.coordinator,
        })
      ).body.items[0] as Rec;
      const removed = await t.request("DELETE", `${entityPaths.meeting}/${meeting.id}`, {
        key: t.keys.coordinator,
        headers: { "if-match": `"${meeting.version}"` },
      });
      expect(removed.status).toBe(200);
      const contacts = await t.request<{ items: Rec[] }>(
        "GET",
        `${entityPaths.contact}?publicationConsent=false&limit=1`,
        {
          key: t.keys.coordinator,
        },
      );
      const contact = contacts.body.items[0] as Rec;
      const consented = await t.request<Rec>("PATCH", `${entityPaths.contact}/${contact.id}`, {
        key: t.keys.coordinator,
        json: { publicationConsent: true },
        headers: { "if-match": `"${contact.version}"` },
      });
      expect(consented.status).toBe(200);

      const changedMeetings = await t.request<OParlListPage>(
        "GET",
        `${system()}/meetings?modified_since=${encodeURIComponent(since)}`,
      );
      expect(changedMeetings.body.data).toEqual([
        {
          id: `https://oha.landkreis.test${system()}/meetings/${meeting.id}`,
          type: "https://schema.oparl.org/1.1/Meeting",
          created: meeting.createdAt,
          modified: expect.any(String),
          deleted: true,
        },
      ]);
      const person = await t.request<Json>("GET", `${system()}/people/${contact.id}`);
      expect(person.body).toMatchObject({ familyName: contact.familyName, givenName: contact.givenName });
      expect(validateOParl(person.body, "Person")).toEqual([]);
      const changedPeople = await t.request<OParlListPage>(
        "GET",
        `${system()}/people?modified_since=${encodeURIComponent(since)}`,
      );
      expect(changedPeople.body.data.map((p) => p.id)).toEqual([
        `https://oha.landkreis.test${system()}/people/${contact.id}`,
      ]);
    });

    it("answers unknown districts, objects and paths with a JSON 404, never with the admin UI's page", async () => {
      const withUi = t.another({}, { serveAssets: async (c) => c.html("<!doctype html><title>OHA</title>") });
      expect((await withUi.request("GET", "/some/admin/page")).text).toContain("<title>OHA</title>");
      for (const path of [
        "/oparl/v1.1/regions/reg_000000000000",
        `${system()}/meetings/mtg_000000000000`,
        `${system()}/no-such-list`,
        "/oparl/v1.1/unknown",
        "/oparl",
        "/hsds/v3/regions/reg_000000000000/services",
      ]) {
        const reply = await withUi.request("GET", path);
        expect(reply.status, path).toBe(404);
        expect(problemOf(reply).code, path).toBe("not_found");
      }
    });

    it("refuses a filter without a full date-time, in the caller's language", async () => {
      const reply = await t.request("GET", `${system()}/papers?created_since=2024-01-01`, {
        headers: { "accept-language": "en" },
      });
      expect(reply.status).toBe(400);
      expect(problemOf(reply).errors?.[0]?.path).toBe("created_since");
    });
  });

  describe("Open Referral HSDS 3.0", () => {
    const hsds = () => `/hsds/v3/regions/${t.tenantA}`;

    it("serves the public offers in the reference API's paths and envelope, valid by the official schemas", async () => {
      const info = await t.request<Json>("GET", hsds());
      expect(info.body).toMatchObject({
        version: "3.0",
        openapi_url: "https://oha.landkreis.test/openapi.json",
      });
      for (const [path, list] of [
        ["/services", "services"],
        ["/organizations", "organizations"],
        ["/service_at_locations", "service_at_locations"],
        ["/taxonomies", "taxonomies"],
        ["/taxonomy_terms", "taxonomy_terms"],
      ] as const) {
        let page = 1;
        let seen = 0;
        for (;;) {
          const reply = await t.request<HsdsPageBody>("GET", `${hsds()}/${list}?per_page=3&page=${page}`);
          expect(reply.status, path).toBe(200);
          expect(validateHsdsResponse(path, reply.body), path).toEqual([]);
          seen += reply.body.contents.length;
          for (const item of reply.body.contents) {
            const single = await t.request<Json>("GET", `${hsds()}/${list}/${item.id}`);
            expect(single.status, `${path}/${item.id}`).toBe(200);
            const kind = {
              services: "service",
              organizations: "organization",
              service_at_locations: "service_at_location",
              taxonomies: "taxonomy",
              taxonomy_terms: "taxonomy_term",
            }[list];
            expect(validateHsds(kind, single.body), `${path}/${item.id}`).toEqual([]);
          }
          if (reply.body.last_page) break;
          page++;
        }
        expect(seen, path).toBeGreaterThan(0);
      }
    });

    it("filters services by modified_after and answers unknown ids with 404", async () => {
      const later = await t.request<HsdsPageBody>(
        "GET",
        `${hsds()}/services?modified_after=2099-01-01T00:00:00Z`,
      );
      expect(later.body).toMatchObject({ total_items: 0, empty: true, contents: [] });
      const missing = await t.request("GET", `${hsds()}/services/00000000-0000-5000-8000-000000000000`);
      expect(missing.status).toBe(404);
    });

    it("imports the official example as a draft measure, with a report of what could not be mapped", async () => {
      const input = hsdsExample("service_full");
      const forbidden = await t.request("POST", "/api/v1/hsds/import", { key: t.keys.viewer, json: input });
      expect(forbidden.status).toBe(403);
      const before = await t.request<{ total: number }>("GET", `${entityPaths.measure}?limit=1`, {
        key: t.keys.coordinatorB,
      });
      const preview = await t.request<Json & { items: Json[] }>("POST", "/api/v1/hsds/import?dry_run=true", {
        key: t.keys.coordinatorB,
        json: input,
      });
      expect(preview.status).toBe(200);
      expect(preview.body).toMatchObject({ dryRun: true, summary: { importable: 1, newProviders: 1 } });
      const after = await t.request<{ total: number }>("GET", `${entityPaths.measure}?limit=1`, {
        key: t.keys.coordinatorB,
      });
      expect(after.body.total).toBe(before.body.total);

      const done = await t.request<{ items: { measure: Rec; unmapped: { path: string }[] }[] }>(
        "POST",
        "/api/v1/hsds/import",
        {
          key: t.keys.coordinatorB,
          json: input,
        },
      );
      expect(done.status).toBe(200);
      const item = done.body.items[0];
      expect(item?.unmapped.map((u) => u.path)).toEqual(expect.arrayContaining(["phones", "languages"]));
      const stored = await t.request<Rec>("GET", `${entityPaths.measure}/${item?.measure.id}`, {
        key: t.keys.coordinatorB,
      });
      expect(stored.body).toMatchObject({
        title: "Community Counselling",
        public: false,
        ages: { min: 12, max: 99 },
      });
      const provider = await t.request<Rec>("GET", `${entityPaths.actor}/${stored.body.providerActorId}`, {
        key: t.keys.coordinatorB,
      });
      expect(provider.body).toMatchObject({ name: "Example Organization Inc.", kind: "other" });
    });
  });

  describe("transfer packages", () => {
    const strip = (pkg: Json) => {
      const out: Json = {};
      for (const list of ["standards", "guides", "agreementTemplates", "maturityQuestionnaires"]) {
        out[list] = (pkg[list] as Json[]).map(({ source: _s, ...rest }) => rest);
      }
      return out;
    };

    it("exports from one district, previews and imports into another, the same content; twice changes nothing", async () => {
      const exported = await t.request<Json>("GET", "/api/v1/transfer/export", { key: t.keys.viewer });
      expect(exported.status).toBe(200);
      expect(exported.headers.get("content-disposition")).toContain("attachment");
      const pkg = exported.body;
      expect(JSON.stringify(pkg)).not.toMatch(/"con_[0-9A-Za-z]{12}"/);

      const refused = await t.request("POST", "/api/v1/transfer/import", {
        key: t.keys.viewer,
        json: { package: pkg },
      });
      expect(refused.status).toBe(403);

      const preview = await t.request<{ items: { status: string; take: boolean }[]; summary: Json }>(
        "POST",
        "/api/v1/transfer/import?dry_run=true",
        { key: t.keys.adminB, json: { package: pkg } },
      );
      expect(preview.status).toBe(200);
      expect(preview.body.items.every((i) => i.status === "new")).toBe(true);
      const standardsBefore = await t.request<{ total: number }>("GET", `${entityPaths.standard}?limit=1`, {
        key: t.keys.adminB,
      });
      expect(standardsBefore.body.total).toBe(0);

      const imported = await t.request<{ summary: { created: number } }>("POST", "/api/v1/transfer/import", {
        key: t.keys.adminB,
        json: { package: pkg },
      });
      expect(imported.status).toBe(200);
      expect(imported.body.summary.created).toBeGreaterThan(0);
      const standards = await t.request<{ items: Rec[] }>("GET", `${entityPaths.standard}?limit=100`, {
        key: t.keys.adminB,
      });
      expect(standards.body.items.every((s) => s.status === "draft")).toBe(true);

      const again = await t.request<Json>("GET", "/api/v1/transfer/export", { key: t.keys.adminB });
      expect(strip(again.body)).toEqual(strip(pkg));

      const versions = standards.body.items.map((s) => `${s.id}@${s.version}`).sort();
      const twice = await t.request<{ items: { status: string }[]; summary: Json }>(
        "POST",
        "/api/v1/transfer/import",
        {
          key: t.keys.adminB,
          json: { package: pkg },
        },
      );
      expect(twice.body.items.every((i) => i.status === "identical")).toBe(true);
      expect(twice.body.summary).toMatchObject({ created: 0, updated: 0 });
      const after = await t.request<{ items: Rec[] }>("GET", `${entityPaths.standard}?limit=100`, {
        key: t.keys.adminB,
      });
      expect(after.body.items.map((s) => `${s.id}@${s.version}`).sort()).toEqual(versions);
    });

    it("refuses a package that is not one, with localised errors, and writes nothing", async () => {
      const reply = await t.request("POST", "/api/v1/transfer/import", {
        key: t.keys.adminB,
        json: { package: { format: "oha.transfer-package", formatVersion: 99 } },
        headers: { "accept-language": "de" },
      });
      expect(reply.status).toBe(400);
      const problem = problemOf(reply);
      expect(problem.code).toBe("validation_failed");
      expect(problem.errors?.map((e) => e.path)).toEqual(expect.arrayContaining(["package.formatVersion"]));
    });
  });
});
