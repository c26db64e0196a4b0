// HTTP behaviour every route shares: problem+json, security and cache headers, request ids,
// idempotent creates, rate limits and the request log.
import { osterodeExample } from "@oha/domain/example";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  backends,
  createInputOf,
  openTestApp,
  type Page,
  problemOf,
  type Reply,
  type TestApp,
} from "./harness.js";

/** Signs of a stack trace or of server internals in a body. */
const internals = /\bat .+:\d+|node_modules|\.ts:\d+|Error:|stack/;

function expectCleanProblem(reply: Reply<unknown>, status: number, code: string): void {
  expect(reply.status, reply.text).toBe(status);
  const problem = problemOf(reply);
  expect(problem).toMatchObject({ status, code });
  expect(problem.type).toBe(`https://oha.example/problems/${code.replaceAll("_", "-")}`);
  expect(problem.requestId).toBe(reply.headers.get("x-request-id"));
  expect(reply.text).not.toMatch(internals);
}

describe.each(backends)("HTTP protocol on $name", (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp(backend);
  });
  afterAll(() => t?.close());

  describe("problem+json", () => {
    it("answers 401 without a token, with a bad one and with another scheme", async () => {
      const none = await t.request("GET", "/api/v1/actors");
      expectCleanProblem(none, 401, "unauthorized");
      expect(none.headers.get("www-authenticate")).toBe('Bearer realm="oha"');
      for (const authorization of [
        `Bearer oha_${"x".repeat(43)}`,
        "Bearer not-a-jwt",
        "Basic dXNlcjpwYXNz",
      ]) {
        const reply = await t.request("GET", "/api/v1/actors", { headers: { authorization } });
        expectCleanProblem(reply, 401, "unauthorized");
      }
      const bad = await t.request("GET", "/api/v1/actors", { key: "oha_revoked-or-invented" });
      expect(bad.headers.get("www-authenticate")).toContain('error="invalid_token"');
      expect(bad.text).not.toContain("oha_revoked-or-invented");
    });

    it("answers 404 for unknown routes, signed in or not", async () => {
      expectCleanProblem(await t.request("GET", "/nothing-here"), 404, "not_found");
      expectCleanProblem(
        await t.request("GET", "/api/v1/nothing-here", { key: t.keys.viewer }),
        404,
        "not_found",
      );
      expectCleanProblem(await t.request("GET", "/api/v2/actors", { key: t.keys.viewer }), 404, "not_found");
    });

    it("refuses malformed JSON, other media types and non-objects with 4xx, never 500", async () => {
      const key = t.keys.coordinator;
      expectCleanProblem(
        await t.request("POST", "/api/v1/actors", { key, raw: '{"name": "Jobcenter",' }),
        400,
        "malformed_request",
      );
      expectCleanProblem(
        await t.request("POST", "/api/v1/actors", { key, raw: "" }),
        400,
        "malformed_request",
      );
      expectCleanProblem(
        await t.request("POST", "/api/v1/actors", { key, json: [1, 2] }),
        400,
        "validation_failed",
      );
      expectCleanProblem(
        await t.request("POST", "/api/v1/actors", { key, json: null }),
        400,
        "validation_failed",
      );
      const text = await t.request("POST", "/api/v1/actors", {
        key,
        raw: '{"name":"Jobcenter","kind":"job_centre"}',
        headers: { "content-type": "text/plain" },
      });
      expectCleanProblem(text, 415, "unsupported_media_type");
      expectCleanProblem(
        await t.request("GET", "/api/v1/actors?limit=many", { key }),
        400,
        "validation_failed",
      );
      const patch = await t.request("PATCH", `/api/v1/actors/${osterodeExample.actor[0]?.id}`, {
        key,
        raw: "{]",
        headers: { "if-match": '"1"' },
      });
      expectCleanProblem(patch, 400, "malformed_request");
    });

    it("answers 413 above the body limit; imports have their own, larger limit", async () => {
      const small = t.another({ OHA_BODY_LIMIT_BYTES: "2048", OHA_IMPORT_BODY_LIMIT_BYTES: "65536" });
      const big = { name: "x".repeat(4000), kind: "chamber" };
      const reply = await small.request("POST", "/api/v1/actors", { key: t.keys.coordinator, json: big });
      expectCleanProblem(reply, 413, "payload_too_large");
      expect(reply.headers.get("cache-control")).toBe("no-store");
      const bundle = { format: "oha.tenant-bundle", padding: "x".repeat(4000) };
      const imported = await small.request("POST", "/api/v1/tenant/import", {
        key: t.keys.admin,
        json: bundle,
      });
      expectCleanProblem(imported, 400, "validation_failed");
      const huge = await small.request("POST", "/api/v1/tenant/import", {
        key: t.keys.admin,
        json: { padding: "x".repeat(70_000) },
      });
      expectCleanProblem(huge, 413, "payload_too_large");
      const list = await t.request<Page>("GET", "/api/v1/actors?q=xxxxxxxxxx", { key: t.keys.viewer });
      expect(list.body.total).toBe(0);
    });

    it("answers 500 without internals when something unexpected fails, and logs it", async () => {
      const broken = t.another(
        {},
        {
          now: () => {
            throw new TypeError("clock exploded at /srv/oha/clock.ts:12");
          },
        },
      );
      const reply = await broken.request("GET", "/api/v1/action-items", { key: t.keys.viewer });
      expectCleanProblem(reply, 500, "internal");
      expect(reply.text).not.toContain("clock exploded");
      const logged = broken.logs.map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(logged.find((l) => l.message === "unhandled error")).toMatchObject({
        level: "error",
        error: "TypeError",
        detail: "clock exploded at /srv/oha/clock.ts:12",
        requestId: reply.headers.get("x-request-id"),
      });
    });

    it("speaks English when asked", async () => {
      const reply = await t.request("GET", "/api/v1/actors/act_000000000000", {
        key: t.keys.viewer,
        headers: { "accept-language": "en-US,en;q=0.8,de;q=0.5" },
      });
      expect(problemOf(reply).title).toBe("Not found.");
      const german = await t.request("GET", "/api/v1/actors/act_000000000000", { key: t.keys.viewer });
      expect(problemOf(german).title).toBe("Nicht gefunden.");
    });
  });

  describe("headers", () => {
    it("sends security headers, no-store on /api and a request id", async () => {
      for (const reply of [
        await t.request("GET", "/api/v1/me", { key: t.keys.viewer }),
        await t.request("GET", "/api/v1/me"),
        await t.request("GET", "/healthz"),
      ]) {
        expect(reply.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
        expect(reply.headers.get("content-security-policy")).toContain("default-src 'self'");
        expect(reply.headers.get("x-content-type-options")).toBe("nosniff");
        expect(reply.headers.get("x-frame-options")).toBeTruthy();
        expect(reply.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
        expect(reply.headers.get("strict-transport-security")).toBeNull();
      }
      for (const path of ["/api/v1/me", "/api/v1/actors", "/api/v1/nothing-here"]) {
        const reply = await t.request("GET", path, { key: t.keys.viewer });
        expect(reply.headers.get("cache-control"), path).toBe("no-store");
      }
      expect((await t.request("GET", "/api/v1/me")).headers.get("cache-control")).toBe("no-store");
      const first = await t.request("GET", "/healthz");
      const second = await t.request("GET", "/healthz");
      expect(first.headers.get("x-request-id")).not.toBe(second.headers.get("x-request-id"));
      const traced = await t.request("GET", "/api/v1/nothing", {
        key: t.keys.viewer,
        headers: { "x-request-id": "trace-4711" },
      });
      expect(traced.headers.get("x-request-id")).toBe("trace-4711");
      expect(problemOf(traced).requestId).toBe("trace-4711");
    });

    it("sends HSTS when configured or behind a trusted TLS proxy", async () => {
      const always = t.another({ OHA_HSTS: "true" });
      expect((await always.request("GET", "/healthz")).headers.get("strict-transport-security")).toContain(
        "max-age=",
      );
      const proxied = t.another({ OHA_TRUST_PROXY: "true" });
      const viaTls = await proxied.request("GET", "/healthz", { headers: { "x-forwarded-proto": "https" } });
      expect(viaTls.headers.get("strict-transport-security")).toContain("max-age=");
      const untrusted = await t.request("GET", "/healthz", { headers: { "x-forwarded-proto": "https" } });
      expect(untrusted.headers.get("strict-transport-security")).toBeNull();
    });

    it("allows only configured origins for browsers", async () => {
      const app = t.another({ OHA_CORS_ORIGINS: "https://admin.example" });
      const preflight = (origin: string) =>
        app.request("OPTIONS", "/api/v1/actors", {
          headers: {
            origin,
            "access-control-request-method": "PATCH",
            "access-control-request-headers": "if-match",
          },
        });
      const allowed = await preflight("https://admin.example");
      expect(allowed.headers.get("access-control-allow-origin")).toBe("https://admin.example");
      expect(allowed.headers.get("access-control-allow-headers")).toContain("If-Match");
      const denied = await preflight("https://evil.example");
      expect(denied.headers.get("access-control-allow-origin")).toBeNull();
    });

    it("reports liveness and readiness", async () => {
      expect((await t.request("GET", "/healthz")).body).toEqual({ status: "ok" });
      expect((await t.request("GET", "/readyz")).body).toEqual({ status: "ok", database: backend.name });
    });
  });

  describe("idempotency", () => {
    const input = { ...createInputOf(osterodeExample.actor[0]!), name: "Idempotenter Akteur" };
    const count = async (name: string) =>
      (await t.request<Page>("GET", `/api/v1/actors?q=${encodeURIComponent(name)}`, { key: t.keys.viewer }))
        .body.total;

    it("answers a retry with the first answer and creates one record", async () => {
      const headers = { "idempotency-key": "retry-0001-abcdef" };
      const first = await t.request("POST", "/api/v1/actors", {
        key: t.keys.coordinator,
        json: input,
        headers,
      });
      expect(first.status).toBe(201);
      expect(first.headers.get("idempotent-replayed")).toBeNull();
      const second = await t.request("POST", "/api/v1/actors", {
        key: t.keys.coordinator,
        json: input,
        headers,
      });
      expect(second.status).toBe(201);
      expect(second.headers.get("idempotent-replayed")).toBe("true");
      expect(second.body).toEqual(first.body);
      expect(second.headers.get("location")).toBe(first.headers.get("location"));
      expect(second.headers.get("etag")).toBe(first.headers.get("etag"));
      expect(await count(input.name)).toBe(1);

      const changed = await t.request("POST", "/api/v1/actors", {
        key: t.keys.coordinator,
        json: { ...input, name: "Anderer Akteur" },
        headers,
      });
      expectCleanProblem(changed, 409, "idempotency_conflict");
      expect(await count("Anderer Akteur")).toBe(0);

      // Keys belong to one principal: the same key from someone else is a new request.
      const other = await t.request("POST", "/api/v1/actors", { key: t.keys.admin, json: input, headers });
      expect(other.status).toBe(201);
      expect(other.headers.get("idempotent-replayed")).toBeNull();
      expect(other.body.id).not.toBe(first.body.id);
      expect(await count(input.name)).toBe(2);
    });

    it("creates one record when two identical requests arrive at once", async () => {
      const json = { ...input, name: "Gleichzeitiger Akteur" };
      const headers = { "idempotency-key": "concurrent-0001-abcdef" };
      const replies = await Promise.all(
        [1, 2].map(() => t.request("POST", "/api/v1/actors", { key: t.keys.coordinator, json, headers })),
      );
      const created = replies.filter((r) => r.status === 201);
      expect(created.length).toBeGreaterThanOrEqual(1);
      for (const reply of replies) {
        if (reply.status === 201) expect(reply.body.id).toBe(created[0]?.body.id);
        else expectCleanProblem(reply, 409, "idempotency_conflict");
      }
      expect(await count(json.name)).toBe(1);
      const retry = await t.request("POST", "/api/v1/actors", { key: t.keys.coordinator, json, headers });
      expect(retry.headers.get("idempotent-replayed")).toBe("true");
      expect(retry.body.id).toBe(created[0]?.body.id);
    });

    it("forgets a key whose request failed, and refuses keys that are too short", async () => {
      const headers = { "idempotency-key": "failed-0001-abcdef" };
      const measure = createInputOf(osterodeExample.measure[0]!);
      const dangling = { ...measure, title: "Maßnahme ohne Träger", providerActorId: "act_000000000000" };
      const failed = await t.request("POST", "/api/v1/measures", {
        key: t.keys.coordinator,
        json: dangling,
        headers,
      });
      expectCleanProblem(failed, 400, "validation_failed");
      const fixed = { ...dangling, providerActorId: measure.providerActorId };
      const retried = await t.request("POST", "/api/v1/measures", {
        key: t.keys.coordinator,
        json: fixed,
        headers,
      });
      expect(retried.status, retried.text).toBe(201);
      expect(retried.headers.get("idempotent-replayed")).toBeNull();

      const short = await t.request("POST", "/api/v1/actors", {
        key: t.keys.coordinator,
        json: input,
        headers: { "idempotency-key": "abc" },
      });
      expectCleanProblem(short, 400, "validation_failed");
    });
  });

  describe("rate limits", () => {
    it("limits requests per principal with RateLimit headers", async () => {
      const app = t.another({ OHA_RATE_LIMIT_PER_MINUTE: "3" });
      for (let i = 0; i < 3; i++) {
        const reply = await app.request("GET", "/api/v1/me", { key: t.keys.viewer });
        expect(reply.status).toBe(200);
        expect(reply.headers.get("ratelimit")).toContain(`remaining=${2 - i}`);
      }
      const limited = await app.request("GET", "/api/v1/me", { key: t.keys.viewer });
      expectCleanProblem(limited, 429, "rate_limited");
      expect(limited.headers.get("ratelimit")).toMatch(/limit=3, remaining=0, reset=\d+/);
      expect(limited.headers.get("ratelimit-policy")).toBe("3;w=60");
      expect(limited.headers.get("retry-after")).toMatch(/^\d+$/);
      expect(limited.headers.get("cache-control")).toBe("no-store");
      expect((await app.request("GET", "/api/v1/me", { key: t.keys.coordinator })).status).toBe(200);
    });

    it("limits failed sign-ins per client address before successful requests", async () => {
      const app = t.another({ OHA_RATE_LIMIT_PER_MINUTE: "50", OHA_AUTH_FAILURES_PER_MINUTE: "2" });
      const from = "203.0.113.7";
      for (let i = 0; i < 4; i++) {
        expect((await app.request("GET", "/api/v1/me", { key: t.keys.viewer, from })).status).toBe(200);
      }
      expect((await app.request("GET", "/api/v1/me", { key: "oha_guess-1", from })).status).toBe(401);
      expect((await app.request("GET", "/api/v1/me", { key: "oha_guess-2", from })).status).toBe(401);
      const limited = await app.request("GET", "/api/v1/me", { key: "oha_guess-3", from });
      expectCleanProblem(limited, 429, "rate_limited");
      expect(limited.headers.get("ratelimit-policy")).toBe("2;w=60");
      // Headers a client sets itself do not make it someone else.
      const spoofed = await app.request("GET", "/api/v1/me", {
        key: "oha_guess-4",
        from,
        headers: { "x-forwarded-for": "198.51.100.1", "x-real-ip": "198.51.100.2" },
      });
      expect(spoofed.status).toBe(429);
      const neighbour = await app.request("GET", "/api/v1/me", { key: "oha_guess-5", from: "203.0.113.8" });
      expect(neighbour.status).toBe(401);
    });

    it("trusts forwarded addresses only behind a proxy", async () => {
      const app = t.another({ OHA_AUTH_FAILURES_PER_MINUTE: "1", OHA_TRUST_PROXY: "true" });
      const as = (client: string) =>
        app.request("GET", "/api/v1/me", {
          key: "oha_guess",
          from: "10.0.0.1",
          headers: { "x-forwarded-for": client },
        });
      expect((await as("198.51.100.1")).status).toBe(401);
      expect((await as("198.51.100.1")).status).toBe(429);
      expect((await as("198.51.100.2")).status).toBe(401);
    });

    it("limits exports more strictly", async () => {
      const app = t.another({ OHA_EXPORTS_PER_MINUTE: "2" });
      for (let i = 0; i < 2; i++) {
        expect((await app.request("GET", "/api/v1/tenant/export", { key: t.keys.admin })).status).toBe(200);
      }
      const limited = await app.request("GET", "/api/v1/tenant/export", { key: t.keys.admin });
      expectCleanProblem(limited, 429, "rate_limited");
      expect(limited.headers.get("ratelimit-policy")).toBe("2;w=60");
      expect((await app.request("GET", "/api/v1/tenant/export", { key: t.keys.coordinator })).status).toBe(
        200,
      );
      expect((await app.request("GET", "/api/v1/me", { key: t.keys.admin })).status).toBe(200);
    });

    it("limits the public catalogue per client address", async () => {
      const app = t.another({ OHA_RATE_LIMIT_PER_MINUTE: "2" });
      const path = `/public/v1/regions/${t.tenantA}/measures`;
      expect((await app.request("GET", path, { from: "192.0.2.1" })).status).toBe(200);
      expect((await app.request("GET", path, { from: "192.0.2.1" })).status).toBe(200);
      expectCleanProblem(await app.request("GET", path, { from: "192.0.2.1" }), 429, "rate_limited");
      expect((await app.request("GET", path, { from: "192.0.2.2" })).status).toBe(200);
    });
  });

  describe("request log", () => {
    it("writes one JSON line per request with request id, tenant and principal, and no personal data", async () => {
      const app = t.another();
      const person = {
        givenName: "Wiebke",
        familyName: "Geheimnisträgerin",
        email: "wiebke.geheim@example.org",
        phone: "+49 5522 123456",
      };
      const replies = [
        await app.request("POST", "/api/v1/contacts", { key: t.keys.coordinator, json: person }),
        await app.request("POST", "/api/v1/contacts", {
          key: t.keys.coordinator,
          json: { ...person, email: 5 },
        }),
        await app.request("GET", `/api/v1/contacts?q=${encodeURIComponent(person.familyName)}`, {
          key: t.keys.viewer,
        }),
        await app.request("GET", "/api/v1/me", { key: "oha_wrong-secret-value" }),
        await app.request("GET", "/healthz"),
      ];
      expect(replies.map((r) => r.status)).toEqual([201, 400, 200, 401, 200]);
      const lines = app.logs.map((line) => JSON.parse(line) as Record<string, unknown>);
      const requests = lines.filter((l) => l.message === "request");
      expect(requests).toHaveLength(replies.length);
      replies.forEach((reply, i) => {
        expect(requests[i]).toMatchObject({
          level: "info",
          requestId: reply.headers.get("x-request-id"),
          status: reply.status,
        });
      });
      expect(requests[0]).toMatchObject({
        method: "POST",
        path: "/api/v1/contacts",
        tenant: t.tenantA,
        principal: expect.stringMatching(/^key:key_/),
      });
      expect(requests[3]).not.toHaveProperty("principal");
      const all = app.logs.join("\n");
      for (const secret of [
        person.givenName,
        person.familyName,
        person.email,
        person.phone,
        encodeURIComponent(person.familyName),
        "oha_wrong-secret-value",
        t.keys.coordinator,
        t.keys.viewer,
      ]) {
        expect(all).not.toContain(secret);
      }
    });
  });
});
