// Who may do what: tenant isolation on every route that takes an id, the four roles, and API keys.
import { type EntityName, entities, entityNames } from "@oha/domain";
import { osterodeExample, osterodeIds } from "@oha/domain/example";
import { renderPdf } from "@oha/reports";
import {
  createLocalJWKSet,
  exportJWK,
  generateKeyPair,
  type JWTPayload,
  type JWTVerifyGetKey,
  SignJWT,
} from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../src/config.js";
import { oidcVerifier } from "../src/middleware/auth.js";
import {
  backends,
  createInputOf,
  entityPaths,
  openTestApp,
  otherActorId,
  type Page,
  partnerActorId,
  problemOf,
  type Rec,
  type TestApp,
} from "./harness.js";

const entityByPlural = new Map<string, EntityName>(entityNames.map((name) => [entities[name].plural, name]));

/** Tenant A's id: its own region record has it (the example's region is re-homed on seeding). */
let homeOfA = "";

/** The first example record of an entity: it lives in tenant A. */
const exampleOf = (name: EntityName) => {
  const record = osterodeExample[name][0] as unknown as Rec;
  return name === "region" ? { ...record, id: homeOfA } : record;
};

/** What a request to a sub-resource sends; valid, so that only the tenant decides the answer. */
const subresourceBodies: Record<string, unknown> = {
  "PUT /meetings/:id/attendance": {
    entries: [{ contactId: osterodeExample.contact[0]?.id, status: "excused" }],
  },
  "POST /meetings/:id/decisions": { text: "Fremder Beschluss" },
  "POST /meetings/:id/action-items": { title: "Fremde Aufgabe" },
  "POST /meetings/:id/action-items/:itemId/done": {},
  "POST /agreements/:id/signatures": { actorId: osterodeIds.actors.ihk, signedOn: "2025-01-01" },
  "GET /agreements/:id/goals": undefined,
  "PUT /standards/:id/adoptions": { actorId: osterodeIds.actors.ihk, status: "adopted" },
  "POST /standards/:id/reviews": { date: "2025-01-01", result: "effective", findings: "Fremd" },
  "GET /reconciliation-rounds/:id/responses": undefined,
  "POST /affiliations/:id/handover": { successorContactId: osterodeExample.contact[1]?.id, on: "2030-01-01" },
  "POST /measures/:id/verify": {},
  "GET /meetings/:id/invitation": undefined,
  "GET /meetings/:id/invitation.pdf": undefined,
  "GET /meetings/:id/invitation.ics": undefined,
  "GET /meetings/:id/minutes": undefined,
  "GET /meetings/:id/minutes.pdf": undefined,
};

/** Reading routes of other kinds that take a record's id, and the entity of that id. */
const readsById: Record<string, EntityName> = {
  "GET /analytics/reconciliation/:roundId": "reconciliationRound",
};

/** A valid request for a route with an id, aimed at tenant A's record; undefined for a route not known here. */
function requestFor(
  method: string,
  path: string,
  keyIdOfA: string,
): { url: string; json?: unknown; ifMatch: boolean; read: string } | undefined {
  const relative = path.replace(/^\/api\/v1/, "");
  if (relative === "/api-keys/:keyId") {
    return { url: `/api/v1/api-keys/${keyIdOfA}`, ifMatch: false, read: "/api/v1/api-keys" };
  }
  const reading = readsById[`${method} ${relative}`];
  if (reading) {
    const record = exampleOf(reading);
    const url = `/api/v1${relative.replace(/:[A-Za-z]+/, record.id)}`;
    return { url, ifMatch: false, read: `/api/v1/${entities[reading].plural}/${record.id}` };
  }
  const [, plural, , ...rest] = relative.split("/");
  const name = entityByPlural.get(plural ?? "");
  if (!name) return undefined;
  const record = exampleOf(name);
  const url = `/api/v1/${plural}/${record.id}${rest.length ? `/${rest.join("/")}` : ""}`;
  const read = `/api/v1/${plural}/${record.id}`;
  if (rest.length === 0) {
    if (method === "GET") return { url, ifMatch: false, read };
    if (method === "PATCH") {
      // The region has no example flag; every other entity has.
      const json = name === "region" ? { note: "Fremd" } : { illustrative: !record.illustrative };
      return { url, json, ifMatch: true, read };
    }
    if (method === "DELETE") return { url, ifMatch: true, read };
    return undefined;
  }
  if (rest.join("/") === "history" && method === "GET") return { url, ifMatch: false, read };
  if (rest.join("/") === "purge" && method === "POST") return { url, ifMatch: false, read };
  if (rest.join("/") === "restore" && method === "POST") return { url, ifMatch: true, read };
  const key = `${method} ${relative}`;
  if (!(key in subresourceBodies)) return undefined;
  return { url, json: subresourceBodies[key], ifMatch: method !== "GET", read };
}

describe.each(backends)("access on $name", (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    // With a PDF renderer, as on Node: the PDF routes look the record up (and answer 404 for
    // another tenant's) instead of answering 501 before any lookup.
    t = await openTestApp(backend, {}, { renderPdf: (document) => renderPdf(document) });
    homeOfA = t.tenantA;
  });
  afterAll(() => t?.close());

  describe("tenant isolation", () => {
    it("answers 404 to another tenant's ids on every route that takes one, and changes nothing", async () => {
      const keysOfA = await t.store.apiKeys.list(t.tenantA);
      const keyIdOfA = keysOfA[0]?.id ?? "";
      // What must not change; an API key's last use may, so only ids and revocations count for keys.
      const snapshot = async (path: string) => {
        const reply = await t.request<{ items?: Record<string, unknown>[] }>("GET", path, {
          key: t.keys.admin,
        });
        expect(reply.status, path).toBe(200);
        return reply.body.items ? reply.body.items.map((k) => [k.id, k.revokedAt]) : reply.body;
      };
      const routes = [
        ...new Map(
          t.app.routes
            .filter((r) => r.method !== "ALL" && r.path.startsWith("/api/") && /\/:[A-Za-z]+/.test(r.path))
            .map((r) => [`${r.method} ${r.path}`, r]),
        ).values(),
      ];
      expect(routes.length).toBeGreaterThan(100);
      for (const route of routes) {
        const call = requestFor(route.method, route.path, keyIdOfA);
        expect(call, `no isolation case for ${route.method} ${route.path}`).toBeDefined();
        if (!call) continue;
        const before = await snapshot(call.read);
        const headers: Record<string, string> = call.ifMatch ? { "if-match": '"1"' } : {};
        // A coordinator may not manage API keys in any tenant (403 before any lookup), so only B's admin asks.
        const askers = route.path.includes("/api-keys/")
          ? [t.keys.adminB]
          : [t.keys.adminB, t.keys.coordinatorB];
        for (const key of askers) {
          const reply = await t.request(route.method, call.url, { key, json: call.json, headers });
          expect(reply.status, `${route.method} ${call.url}: ${reply.text}`).toBe(404);
          expect(problemOf(reply).code).toBe("not_found");
        }
        expect(await snapshot(call.read), `${route.method} ${route.path}`).toEqual(before);
      }
      expect((await t.store.apiKeys.list(t.tenantA)).every((k) => k.revokedAt === null)).toBe(true);
    });

    it("lists and searches only the caller's tenant", async () => {
      for (const [name, path] of Object.entries(entityPaths)) {
        const reply = await t.request<Page>("GET", `${path}?limit=500&include_deleted=true`, {
          key: t.keys.coordinatorB,
        });
        expect(reply.status, name).toBe(200);
        expect(reply.body.total, name).toBe(0);
      }
      const filtered = await t.request<Page>("GET", `/api/v1/measures?providerActorId=${partnerActorId}`, {
        key: t.keys.coordinatorB,
      });
      expect(filtered.body.total).toBe(0);
      const items = await t.request<{ items: unknown[] }>("GET", "/api/v1/action-items", {
        key: t.keys.coordinatorB,
      });
      expect(items.body.items).toEqual([]);
      const keys = await t.request<{ items: { id: string }[] }>("GET", "/api/v1/api-keys", {
        key: t.keys.adminB,
      });
      const ofA = new Set((await t.store.apiKeys.list(t.tenantA)).map((k) => k.id));
      expect(keys.body.items.length).toBe(2);
      expect(keys.body.items.some((k) => ofA.has(k.id))).toBe(false);
    });

    it("refuses references to another tenant's records", async () => {
      const input = createInputOf(exampleOf("measure"));
      const reply = await t.request("POST", "/api/v1/measures", { key: t.keys.coordinatorB, json: input });
      expect(reply.status).toBe(400);
      expect(problemOf(reply).errors?.map((e) => e.code)).toContain("unknown_reference");
      const key = await t.request("POST", "/api/v1/api-keys", {
        key: t.keys.adminB,
        json: { role: "partner", name: "Fremd", actorId: partnerActorId },
      });
      expect(key.status).toBe(404);
      const measures = await t.request<Page>("GET", "/api/v1/measures", { key: t.keys.coordinatorB });
      expect(measures.body.total).toBe(0);
    });
  });

  describe("roles", () => {
    const measureOf = (actorId: string) =>
      osterodeExample.measure.find((m) => m.providerActorId === actorId) as unknown as Rec;

    it("lets a viewer read but not change anything", async () => {
      const key = t.keys.viewer;
      const actor = exampleOf("actor");
      expect((await t.request("GET", "/api/v1/actors", { key })).status).toBe(200);
      expect((await t.request("GET", `/api/v1/actors/${actor.id}`, { key })).status).toBe(200);
      expect((await t.request("GET", "/api/v1/tenant", { key })).status).toBe(200);
      const attempts: [string, string, unknown, Record<string, string>?][] = [
        ["POST", "/api/v1/actors", createInputOf(actor)],
        ["POST", "/api/v1/actors/batch", { items: [createInputOf(actor)] }],
        ["PATCH", `/api/v1/actors/${actor.id}`, { name: "Geändert" }, { "if-match": '"1"' }],
        ["DELETE", `/api/v1/actors/${actor.id}`, undefined, { "if-match": '"1"' }],
        ["POST", `/api/v1/actors/${actor.id}/purge`, undefined],
        [
          "POST",
          `/api/v1/meetings/${exampleOf("meeting").id}/decisions`,
          { text: "Nein" },
          { "if-match": '"1"' },
        ],
        ["PATCH", "/api/v1/tenant", { note: "Nein" }, { "if-match": '"1"' }],
        ["GET", "/api/v1/tenant/export", undefined],
        ["POST", "/api/v1/tenant/import", { format: "oha.tenant-bundle" }],
        ["GET", "/api/v1/api-keys", undefined],
        ["POST", "/api/v1/api-keys", { role: "admin", name: "Nein" }],
      ];
      for (const [method, path, json, headers] of attempts) {
        const reply = await t.request(method, path, { key, json, headers: headers ?? {} });
        expect(reply.status, `${method} ${path}`).toBe(403);
        expect(problemOf(reply).code).toBe("forbidden");
      }
      const after = await t.request("GET", `/api/v1/actors/${actor.id}`, { key });
      expect(after.body).toMatchObject({ version: actor.version, deleted: false });
    });

    it("lets a partner change only its own actor's measures and its own responses", async () => {
      const key = t.keys.partner;
      const me = await t.request<{ principal: Record<string, unknown> }>("GET", "/api/v1/me", { key });
      expect(me.body.principal).toMatchObject({ role: "partner", actorId: partnerActorId });

      const own = measureOf(partnerActorId);
      const foreign = measureOf(otherActorId) ?? measureOf(osterodeIds.actors.youthWorkshop);
      expect(foreign.providerActorId).not.toBe(partnerActorId);
      const input = createInputOf(own);

      const created = await t.request("POST", "/api/v1/measures", { key, json: input });
      expect(created.status, created.text).toBe(201);
      const forOther = await t.request("POST", "/api/v1/measures", {
        key,
        json: { ...input, providerActorId: foreign.providerActorId },
      });
      expect(forOther.status).toBe(403);
      const batch = await t.request("POST", "/api/v1/measures/batch?dry_run=true", {
        key,
        json: { items: [input, { ...input, providerActorId: foreign.providerActorId }] },
      });
      expect(batch.status).toBe(403);

      const changed = await t.request("PATCH", `/api/v1/measures/${own.id}`, {
        key,
        json: { places: 99 },
        headers: { "if-match": `"${own.version}"` },
      });
      expect(changed.status, changed.text).toBe(200);
      expect(changed.body).toMatchObject({ places: 99 });
      const handedOver = await t.request("PATCH", `/api/v1/measures/${own.id}`, {
        key,
        json: { providerActorId: foreign.providerActorId },
        headers: { "if-match": `"${changed.body.version}"` },
      });
      expect(handedOver.status).toBe(403);
      const notMine = await t.request("PATCH", `/api/v1/measures/${foreign.id}`, {
        key,
        json: { places: 1 },
        headers: { "if-match": `"${foreign.version}"` },
      });
      expect(notMine.status).toBe(403);
      const removal = await t.request("DELETE", `/api/v1/measures/${own.id}`, {
        key,
        headers: { "if-match": `"${changed.body.version}"` },
      });
      expect(removal.status).toBe(403);
      const foreignNow = await t.request("GET", `/api/v1/measures/${foreign.id}`, { key });
      expect(foreignNow.body).toMatchObject({
        version: foreign.version,
        providerActorId: foreign.providerActorId,
      });

      const round = exampleOf("reconciliationRound");
      const response = await t.request("POST", "/api/v1/reconciliation-responses", {
        key,
        json: { roundId: round.id, actorId: partnerActorId, comment: "Unsere Rückmeldung" },
      });
      expect(response.status, response.text).toBe(201);
      const edited = await t.request("PATCH", `/api/v1/reconciliation-responses/${response.body.id}`, {
        key,
        json: { comment: "Ergänzt" },
        headers: { "if-match": '"1"' },
      });
      expect(edited.status).toBe(200);
      const foreignResponse = osterodeExample.reconciliationResponse.find(
        (r) => r.actorId !== partnerActorId,
      );
      expect(foreignResponse).toBeDefined();
      const otherResponse = await t.request(
        "PATCH",
        `/api/v1/reconciliation-responses/${foreignResponse?.id}`,
        {
          key,
          json: { comment: "Nicht meine" },
          headers: { "if-match": '"1"' },
        },
      );
      expect(otherResponse.status).toBe(403);
      const forOtherActor = await t.request("POST", "/api/v1/reconciliation-responses", {
        key,
        json: { roundId: round.id, actorId: otherActorId },
      });
      expect(forOtherActor.status).toBe(403);

      const actor = exampleOf("actor");
      const denied: [string, string, unknown, Record<string, string>?][] = [
        ["POST", "/api/v1/actors", createInputOf(actor)],
        ["PATCH", `/api/v1/actors/${partnerActorId}`, { name: "Umbenannt" }, { "if-match": '"1"' }],
        ["POST", "/api/v1/contacts", { givenName: "Erika", familyName: "Muster" }],
        [
          "POST",
          `/api/v1/meetings/${exampleOf("meeting").id}/action-items`,
          { title: "X" },
          { "if-match": '"1"' },
        ],
        ["POST", `/api/v1/measures/${own.id}/purge`, undefined],
        ["GET", "/api/v1/tenant/export", undefined],
        ["GET", "/api/v1/api-keys", undefined],
      ];
      for (const [method, path, json, headers] of denied) {
        const reply = await t.request(method, path, { key, json, headers: headers ?? {} });
        expect(reply.status, `${method} ${path}`).toBe(403);
      }
      expect((await t.request("GET", "/api/v1/contacts", { key })).status).toBe(200);
    });

    it("lets a coordinator change everything but tenant settings and API keys", async () => {
      const key = t.keys.coordinator;
      const tenant = await t.request("GET", "/api/v1/tenant", { key });
      const settings = await t.request("PATCH", "/api/v1/tenant", {
        key,
        json: { note: "Nein" },
        headers: { "if-match": tenant.headers.get("etag") ?? "" },
      });
      expect(settings.status).toBe(403);
      expect((await t.request("GET", "/api/v1/api-keys", { key })).status).toBe(403);
      expect(
        (await t.request("POST", "/api/v1/api-keys", { key, json: { role: "viewer", name: "X" } })).status,
      ).toBe(403);
      const someKey = (await t.store.apiKeys.list(t.tenantA))[0]?.id;
      expect((await t.request("DELETE", `/api/v1/api-keys/${someKey}`, { key })).status).toBe(403);
      expect((await t.store.apiKeys.list(t.tenantA)).every((k) => k.revokedAt === null)).toBe(true);
    });

    it("lets an admin manage API keys; a revoked key is refused at once", async () => {
      const key = t.keys.admin;
      const listed = await t.request<{ items: Record<string, unknown>[] }>("GET", "/api/v1/api-keys", {
        key,
      });
      expect(listed.status).toBe(200);
      expect(listed.body.items.length).toBe(4);
      for (const item of listed.body.items) {
        expect(Object.keys(item).sort()).toEqual(
          ["actorId", "createdAt", "id", "lastUsedAt", "name", "prefix", "revokedAt", "role"].sort(),
        );
      }
      expect(listed.text).not.toContain(t.keys.viewer);

      const created = await t.request<{ key: Record<string, unknown>; secret: string }>(
        "POST",
        "/api/v1/api-keys",
        {
          key,
          json: { role: "partner", name: "Jugendwerkstatt", actorId: osterodeIds.actors.youthWorkshop },
        },
      );
      expect(created.status, created.text).toBe(201);
      expect(created.body.secret).toMatch(/^oha_/);
      expect(created.body.key).toMatchObject({ role: "partner", actorId: osterodeIds.actors.youthWorkshop });
      const secret = created.body.secret;
      const me = await t.request<{ principal: Record<string, unknown> }>("GET", "/api/v1/me", {
        key: secret,
      });
      expect(me.body.principal).toMatchObject({ id: `key:${created.body.key.id}`, kind: "api_key" });

      const bad = await t.request("POST", "/api/v1/api-keys", { key, json: { role: "owner", name: "X" } });
      expect(bad.status).toBe(400);
      const unknownActor = await t.request("POST", "/api/v1/api-keys", {
        key,
        json: { role: "partner", name: "X", actorId: `act_${"0".repeat(12)}` },
      });
      expect(unknownActor.status).toBe(404);

      const revoked = await t.request<Record<string, unknown>>(
        "DELETE",
        `/api/v1/api-keys/${created.body.key.id}`,
        {
          key,
        },
      );
      expect(revoked.status).toBe(200);
      expect(revoked.body.revokedAt).toEqual(expect.any(String));
      const refused = await t.request("GET", "/api/v1/me", { key: secret });
      expect(refused.status).toBe(401);
      expect(problemOf(refused).code).toBe("unauthorized");
      expect((await t.request("DELETE", "/api/v1/api-keys/key_000000000000", { key })).status).toBe(404);
    });
  });
  describe("OIDC access tokens", () => {
    const issuer = "https://id.landkreis.example/realms/oha";
    const audience = "oha-api";
    const env = {
      OHA_OIDC_ISSUER: issuer,
      OHA_OIDC_AUDIENCE: audience,
      OHA_OIDC_ROLE_CLAIM: "realm_access.roles",
    };
    let keys: JWTVerifyGetKey;
    let signingKey: CryptoKey;
    let strangerKey: CryptoKey;
    let oidc: TestApp;

    /** The verifier the app builds from its configuration, with the issuer's keys given locally. */
    const verifierFor = (config: Record<string, string>) => {
      const verify = oidcVerifier(loadConfig(config), keys);
      if (!verify) throw new Error("OIDC is configured, so a verifier is expected.");
      return verify;
    };

    beforeAll(async () => {
      const pair = await generateKeyPair("RS256");
      signingKey = pair.privateKey;
      strangerKey = (await generateKeyPair("RS256")).privateKey;
      const jwk = { ...(await exportJWK(pair.publicKey)), kid: "signing-1", alg: "RS256", use: "sig" };
      keys = createLocalJWKSet({ keys: [jwk] });
      oidc = t.another(env, { verifyToken: verifierFor(env) });
    });

    const token = (
      claims: JWTPayload,
      options: { issuer?: string; audience?: string; expires?: string | number | null; key?: CryptoKey } = {},
    ) => {
      const jwt = new SignJWT({ sub: "f3c1-erika-mustermann", oha_tenant: t.tenantA, ...claims })
        .setProtectedHeader({ alg: "RS256", kid: "signing-1" })
        .setIssuer(options.issuer ?? issuer)
        .setAudience(options.audience ?? audience)
        .setIssuedAt();
      if (options.expires !== null) jwt.setExpirationTime(options.expires ?? "5m");
      return jwt.sign(options.key ?? signingKey);
    };
    const me = async (bearer: string, app = oidc) =>
      app.request<{ principal: Record<string, unknown>; tenant: { id: string } }>("GET", "/api/v1/me", {
        key: bearer,
      });

    it("accepts a valid token and maps the role from a dotted claim path", async () => {
      const reply = await me(await token({ realm_access: { roles: ["offline_access", "oha-coordinator"] } }));
      expect(reply.status, reply.text).toBe(200);
      expect(reply.body.tenant.id).toBe(t.tenantA);
      expect(reply.body.principal).toMatchObject({ kind: "oidc", role: "coordinator" });
      expect(reply.body.principal.id).toMatch(/^oidc:[0-9a-f]{16}$/);
      expect(reply.text).not.toContain("erika");
      const created = await oidc.request("POST", "/api/v1/actors", {
        key: await token({ realm_access: { roles: ["oha-coordinator"] } }),
        json: { name: "Per OIDC angelegt", kind: "other" },
      });
      expect(created.status, created.text).toBe(201);
      expect(oidc.logs.join("\n")).not.toContain("erika");
    });

    it("takes the highest mapped role, a partner's actor, and tells subjects apart", async () => {
      const both = await me(await token({ realm_access: { roles: ["oha-viewer", "oha-admin"] } }));
      expect(both.body.principal.role).toBe("admin");
      const partner = await me(
        await token({
          realm_access: { roles: ["oha-partner"] },
          oha_actor: partnerActorId,
          sub: "other-user",
        }),
      );
      expect(partner.body.principal).toMatchObject({ role: "partner", actorId: partnerActorId });
      expect(partner.body.principal.id).not.toBe(both.body.principal.id);
      const viewer = await oidc.request("POST", "/api/v1/actors", {
        key: await token({ realm_access: { roles: ["oha-viewer"] } }),
        json: { name: "Nein", kind: "other" },
      });
      expect(viewer.status).toBe(403);
    });

    it("reads a top-level role claim and a custom role map", async () => {
      const custom = {
        OHA_OIDC_ISSUER: issuer,
        OHA_OIDC_AUDIENCE: audience,
        OHA_OIDC_ROLE_CLAIM: "groups",
        OHA_OIDC_ROLE_MAP: "kreis-bildung=coordinator,kreis-lesen=viewer",
      };
      const app = t.another(custom, { verifyToken: verifierFor(custom) });
      const reply = await me(await token({ groups: "kreis-lesen other" }), app);
      expect(reply.body.principal).toMatchObject({ kind: "oidc", role: "viewer" });
      const unmapped = await me(await token({ groups: ["oha-admin"] }), app);
      expect(unmapped.status).toBe(401);
    });

    it("refuses a wrong issuer, a wrong audience, an expired or unsigned-by-us token, and tokens without role or tenant", async () => {
      const roles = { realm_access: { roles: ["oha-admin"] } };
      const now = Math.floor(Date.now() / 1000);
      const refused = [
        await token(roles, { issuer: "https://id.elsewhere.example/realms/oha" }),
        await token(roles, { audience: "another-api" }),
        await token(roles, { expires: now - 60 }),
        await token(roles, { expires: null }),
        await token(roles, { key: strangerKey }),
        await token({ realm_access: { roles: ["offline_access"] } }),
        await token({ ...roles, oha_tenant: undefined }),
        `${(await token(roles)).slice(0, -4)}AAAA`,
      ];
      for (const [i, bearer] of refused.entries()) {
        const reply = await me(bearer);
        expect(reply.status, `token ${i}`).toBe(401);
        expect(problemOf(reply).code).toBe("unauthorized");
        expect(reply.headers.get("www-authenticate")).toContain('error="invalid_token"');
      }
    });

    it("refuses OIDC tokens when no issuer is configured", async () => {
      const reply = await me(await token({ realm_access: { roles: ["oha-admin"] } }), t);
      expect(reply.status).toBe(401);
    });
  });
});
