// The HTTP smoke suite: the same assertions against every runtime entry of the API, over real
// HTTP on 127.0.0.1 and a real PostgreSQL database. Each *.test.ts beside this file starts one
// entry and hands it to `smokeSuite`.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exampleProvider, freshWorld, type Running, type World } from "./servers.js";

interface Reply {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  // biome-ignore lint/suspicious/noExplicitAny: answers are checked field by field below.
  readonly body: any;
}

/** Sends a request; the body is sent as JSON (a string as it is), the answer parsed when JSON. */
async function call(
  base: string,
  method: string,
  path: string,
  options: { key?: string; json?: unknown; headers?: Record<string, string> } = {},
): Promise<Reply> {
  const headers: Record<string, string> = { "accept-language": "de", ...options.headers };
  if (options.key) headers.authorization = `Bearer ${options.key}`;
  let body: string | undefined;
  if (options.json !== undefined) {
    body = typeof options.json === "string" ? options.json : JSON.stringify(options.json);
    headers["content-type"] ??= "application/json";
  }
  const response = await fetch(`${base}${path}`, { method, headers, ...(body ? { body } : {}) });
  const text = await response.text();
  const type = response.headers.get("content-type") ?? "";
  return {
    status: response.status,
    headers: response.headers,
    text,
    body: type.includes("json") && text ? JSON.parse(text) : text,
  };
}

function expectProblem(reply: Reply, status: number, code: string) {
  expect(reply.status, reply.text).toBe(status);
  expect(reply.headers.get("content-type")).toMatch(/^application\/problem\+json/);
  expect(reply.body).toMatchObject({ status, code });
}

/**
 * Registers the smoke suite for one runtime entry: `start` gets a fresh, migrated and seeded
 * database and returns the running entry on it.
 */
export function smokeSuite(name: string, start: (databaseUrl: string) => Promise<Running>) {
  describe(`${name} over HTTP on PostgreSQL`, () => {
    let world: World;
    let server: Running;
    const get = (path: string, key?: string) => call(server.base, "GET", path, key ? { key } : {});

    beforeAll(async () => {
      world = await freshWorld();
      try {
        server = await start(world.databaseUrl);
      } catch (error) {
        await world.drop();
        throw error;
      }
    });
    afterAll(async () => {
      await server?.stop();
      await world?.drop();
    });

    it("answers health, readiness with the database, and the OpenAPI document", async () => {
      const health = await get("/healthz");
      expect(health.status).toBe(200);
      expect(health.body).toEqual({ status: "ok" });
      const ready = await get("/readyz");
      expect(ready.status).toBe(200);
      expect(ready.body).toEqual({ status: "ok", database: "postgres" });
      const doc = await get("/openapi.json");
      expect(doc.body.openapi).toBe("3.1.0");
      expect(doc.body.paths["/api/v1/measures/{id}"]).toBeDefined();
    });

    it("serves /docs naming no other host (Node: the API reference; the edge: a page linking the OpenAPI document)", async () => {
      const docs = await fetch(`${server.base}/docs`);
      expect(docs.status).toBe(200);
      const html = await docs.text();
      expect(html.match(/https?:\/\/[^\s"'<>)]+/g) ?? []).toEqual([]);
      expect(html).toContain(server.runtime === "node" ? "/docs/scalar." : 'href="/openapi.json"');
    });

    it("asks for a key, then lists and gets records with one", async () => {
      expectProblem(await get("/api/v1/actors"), 401, "unauthorized");
      const list = await get("/api/v1/measures?limit=5&sort=title", world.keys.viewer);
      expect(list.status, list.text).toBe(200);
      expect(list.body.items).toHaveLength(5);
      expect(list.body.total).toBeGreaterThan(5);
      expect(list.headers.get("cache-control")).toBe("no-store");
      const titles = list.body.items.map((m: { title: string }) => m.title);
      expect(titles).toEqual([...titles].sort((a: string, b: string) => a.localeCompare(b, "de")));

      const provider = await get(`/api/v1/actors/${exampleProvider}`, world.keys.viewer);
      expect(provider.status, provider.text).toBe(200);
      expect(provider.body).toMatchObject({ id: exampleProvider, deleted: false });
      expect(provider.headers.get("etag")).toBe(`"${provider.body.version}"`);
    });

    it("creates once per Idempotency-Key, replays the answer, and refuses a stale If-Match with 412", async () => {
      const key = randomUUID();
      const input = { name: `Kreishandwerkerschaft ${name}`, kind: "chamber" };
      const send = () =>
        call(server.base, "POST", "/api/v1/actors", {
          key: world.keys.coordinator,
          json: input,
          headers: { "idempotency-key": key },
        });
      const created = await send();
      expect(created.status, created.text).toBe(201);
      expect(created.body).toMatchObject({ ...input, version: 1 });
      expect(created.headers.get("location")).toContain(created.body.id);
      const replay = await send();
      expect(replay.status).toBe(201);
      expect(replay.headers.get("idempotent-replayed")).toBe("true");
      expect(replay.body.id).toBe(created.body.id);
      const listed = await get(`/api/v1/actors?q=${encodeURIComponent(input.name)}`, world.keys.viewer);
      expect(listed.body.total).toBe(1);

      const url = `/api/v1/actors/${created.body.id}`;
      const patched = await call(server.base, "PATCH", url, {
        key: world.keys.coordinator,
        json: { shortName: "KHS" },
        headers: { "if-match": '"1"' },
      });
      expect(patched.status, patched.text).toBe(200);
      expect(patched.headers.get("etag")).toBe('"2"');
      const stale = await call(server.base, "PATCH", url, {
        key: world.keys.coordinator,
        json: { shortName: "KH" },
        headers: { "if-match": '"1"' },
      });
      expectProblem(stale, 412, "precondition_failed");
      expect(stale.body.current).toMatchObject({ id: created.body.id, version: 2, shortName: "KHS" });
    });

    it("does not show another tenant's record: 404", async () => {
      const foreign = await get(`/api/v1/actors/${exampleProvider}`, world.keys.adminB);
      expectProblem(foreign, 404, "not_found");
      const own = await get("/api/v1/actors", world.keys.adminB);
      expect(own.body.total).toBe(0);
    });

    it("refuses a bad body with a 400 problem in German", async () => {
      const bad = await call(server.base, "POST", "/api/v1/actors", {
        key: world.keys.coordinator,
        json: { name: "", kind: "raumschiff" },
      });
      expectProblem(bad, 400, "validation_failed");
      expect(bad.body.title).toBe("Die Eingabe enthält Fehler.");
      const fields = bad.body.errors.map((e: { path: string }) => e.path);
      expect(fields).toEqual(expect.arrayContaining(["name", "kind"]));
      for (const error of bad.body.errors) expect(error.message).not.toMatch(/^(Invalid|Expected)/);
      const unreadable = await call(server.base, "POST", "/api/v1/actors", {
        key: world.keys.coordinator,
        json: "{not json",
      });
      expectProblem(unreadable, 400, "malformed_request");
      expect(unreadable.body.title).toBe("Die Anfrage ist nicht lesbar.");
    });

    it("serves the public catalogue without a key, with an ETag", async () => {
      const catalogue = await get(`/public/v1/regions/${world.tenantA}/measures?limit=3`);
      expect(catalogue.status, catalogue.text).toBe(200);
      expect(catalogue.body.total).toBeGreaterThan(0);
      expect(catalogue.body.items.length).toBeGreaterThan(0);
      const etag = catalogue.headers.get("etag");
      expect(etag).toBeTruthy();
      const again = await call(server.base, "GET", `/public/v1/regions/${world.tenantA}/measures?limit=3`, {
        headers: { "if-none-match": etag as string },
      });
      expect(again.status).toBe(304);
      expectProblem(await get(`/public/v1/regions/reg_doesnotexist/measures`), 404, "not_found");
    });

    it("answers an analysis", async () => {
      const coverage = await get("/api/v1/analytics/coverage", world.keys.viewer);
      expect(coverage.status, coverage.text).toBe(200);
      expect(typeof coverage.body).toBe("object");
      const again = await get("/api/v1/analytics/coverage", world.keys.viewer);
      expect(again.body).toEqual(coverage.body);
    });

    it("answers a PDF where the entry renders them, 501 where it does not; the JSON always", async () => {
      const model = await get("/api/v1/reports/annual?year=2024", world.keys.viewer);
      expect(model.status, model.text).toBe(200);
      const response = await fetch(`${server.base}/api/v1/reports/annual.pdf?year=2024`, {
        headers: { authorization: `Bearer ${world.keys.viewer}`, "accept-language": "de" },
      });
      if (server.pdf) {
        expect(response.status).toBe(200);
        expect(response.headers.get("content-type")).toBe("application/pdf");
        expect(new TextDecoder().decode((await response.arrayBuffer()).slice(0, 5))).toBe("%PDF-");
      } else {
        expect(response.status).toBe(501);
        expect(response.headers.get("content-type")).toMatch(/^application\/problem\+json/);
        const problem = (await response.json()) as { code: string; title: string; detail: string };
        expect(problem.code).toBe("not_implemented");
        expect(problem.title).toBe("Diese Funktion steht in dieser Betriebsart nicht zur Verfügung.");
        expect(problem.detail).toContain("PDF-Dokumente");
      }
    });
  });
}
