// Regression tests for what a robustness probe of the API found, each over real HTTP (the Node
// server of src/entry/node-server.ts on the test's store), on PGlite and PostgreSQL.

import { connect as connectTcp } from "node:net";
import { Readable } from "node:stream";
import { entities, referencesOf } from "@oha/domain";
import { osterodeExample, osterodeIds } from "@oha/domain/example";
import { connect } from "@oha/store";
import { sql } from "drizzle-orm";
import { Agent, Pool } from "undici";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  backends,
  createInputOf,
  entityPaths,
  openTestApp,
  type Page,
  partnerActorId,
  problemOf,
  type Rec,
  type Reply,
  type TestApp,
} from "./harness.js";
import { type Served, serveOverHttp } from "./served.js";

/** A value as it comes back from JSON. */
const asJson = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** A copy of a value with the value at a dotted path (`adoptions.0.actorId`) replaced. */
function withValueAt<T>(value: T, path: string, replacement: unknown): T {
  const copy = asJson(value) as Record<string, unknown>;
  const parts = path.split(".");
  let at: Record<string, unknown> = copy;
  for (const part of parts.slice(0, -1)) at = at[part] as Record<string, unknown>;
  at[parts.at(-1) as string] = replacement;
  return copy as T;
}

/** A well-formed id of an entity that no record has. */
const nobody = (id: string) => `${id.split("_")[0]}_zzzzzzzzzzzz`;

/** Entities with generic writes (overlap reviews are written by commands only). */
const writable = (Object.keys(entityPaths) as (keyof typeof entityPaths)[]).filter(
  (name) => entities[name].writtenBy !== "commands",
);

/** Asserts a 400 problem naming the NUL character at the given places, in German and English. */
function expectNulRefused(reply: Reply<unknown>, paths: string[]): void {
  expect(reply.status, reply.text).toBe(400);
  const problem = problemOf(reply);
  expect(problem.code).toBe("validation_failed");
  expect(problem.errors?.map((e) => e.path)).toEqual(paths);
  for (const error of problem.errors ?? []) {
    expect(error.code).toBe("nul_character");
    expect(error.messages.de).toContain("NUL");
    expect(error.messages.en).toContain("NUL");
  }
}

describe.each(backends)("robustness over HTTP on $name", (backend) => {
  let t: TestApp;
  let http: Served;
  beforeAll(async () => {
    t = await openTestApp(backend);
    http = await serveOverHttp(t);
  });
  afterAll(async () => {
    await http?.close();
    await t?.close();
  });

  describe("NUL characters (U+0000)", () => {
    it("refuses them in a path, a query and the public catalogue's query with 400, never 500", async () => {
      const key = t.keys.coordinator;
      expectNulRefused(await http.request("GET", "/api/v1/actors/%00", { key }), ["path"]);
      expectNulRefused(await http.request("GET", "/api/v1/actors/act_osterode0001%00/history", { key }), [
        "path",
      ]);
      expectNulRefused(await http.request("GET", "/api/v1/actors?q=%00", { key }), ["q"]);
      expectNulRefused(await http.request("GET", "/api/v1/actors?q=Job%00center&kind=%00", { key }), [
        "q",
        "kind",
      ]);
      expectNulRefused(await http.request("GET", `/public/v1/regions/${t.tenantA}/measures?q=%00`), ["q"]);
      // An encoded percent sign followed by zeros is an ordinary text.
      const plain = await http.request<Page>("GET", "/api/v1/actors?q=%2500", { key });
      expect(plain.status).toBe(200);
      const english = await http.request("GET", "/api/v1/actors?q=%00", {
        key,
        headers: { "accept-language": "en" },
      });
      expect(problemOf(english).errors?.[0]?.message).toBe(
        "The control character NUL (\\u0000) is not allowed in texts.",
      );
    });

    it("refuses them in a body with 400 naming the field, and writes nothing", async () => {
      const key = t.keys.coordinator;
      const before = await http.request<Page>("GET", "/api/v1/contacts?limit=1", { key });
      const create = await http.request("POST", "/api/v1/contacts", {
        key,
        raw: '{"givenName":"a\\u0000b","familyName":"Muster"}',
      });
      expectNulRefused(create, ["givenName"]);
      const nested = await http.request("POST", "/api/v1/contacts/batch", {
        key,
        raw: '{"items":[{"givenName":"Anna","familyName":"Muster"},{"givenName":"B","familyName":"x\\u0000"}]}',
      });
      expectNulRefused(nested, ["items.1.familyName"]);
      // An escaped backslash before "u0000" is no NUL.
      const literal = await http.request<{ givenName: string; id: string }>("POST", "/api/v1/contacts", {
        key,
        raw: '{"givenName":"a\\\\u0000b","familyName":"Muster"}',
      });
      expect(literal.status, literal.text).toBe(201);
      expect(literal.body.givenName).toBe("a\\u0000b");
      const after = await http.request<Page>("GET", "/api/v1/contacts?limit=1", { key });
      expect(after.body.total).toBe(before.body.total + 1);
      const search = await http.request<Page>("GET", "/api/v1/contacts?q=Muster", { key });
      expect(search.body.items.map((c) => c.id)).toEqual([literal.body.id]);
    });

    it("is refused by the store too, for callers other than the API", async () => {
      const store = t.store.tenant(t.tenantA);
      const ctx = { principal: "test", locale: "en" } as const;
      const created = await store.create("contact", { givenName: "a\u0000b", familyName: "X" }, ctx);
      expect(created.ok || created.error).toMatchObject({
        code: "validation_failed",
        details: [{ path: "givenName", code: "nul_character" }],
      });
      const listed = await store.list("actor", { search: "\u0000" });
      expect(listed.ok || listed.error.code).toBe("validation_failed");
      const got = await store.get("actor", "act_\u0000");
      expect(got.ok || got.error.code).toBe("not_found");
      const history = await store.history("actor", "act_\u0000");
      expect(history.ok || history.error.code).toBe("not_found");
    });

    it("logs a failed query without its parameters or the database's message", async () => {
      const secret = "Petra Geheimnisträgerin";
      // A real failed statement whose parameter is a person's name, raised where the app renders a PDF.
      const connection = await connect({ dataDir: "memory://" });
      const failing = t.another(
        {},
        {
          renderPdf: async () => {
            await connection.db.execute(sql`select ${secret}::integer`);
            throw new Error("unreachable");
          },
        },
      );
      const served = await serveOverHttp(failing);
      try {
        const reply = await served.request("GET", "/api/v1/reports/annual.pdf?year=2024", {
          key: t.keys.viewer,
        });
        expect(reply.status).toBe(500);
        expect(problemOf(reply).code).toBe("internal");
        expect(reply.text).not.toContain(secret);
      } finally {
        await served.close();
        if (connection.kind === "pglite") await connection.client.close();
      }
      const logged = failing.logs.map((line) => JSON.parse(line) as Record<string, unknown>);
      const error = logged.find((l) => l.message === "unhandled error");
      expect(error).toMatchObject({ level: "error", sqlState: "22P02" });
      expect(String(error?.query)).toContain("::integer");
      expect(failing.logs.join("\n")).not.toContain("Geheimnisträgerin");
      expect(failing.logs.join("\n")).not.toContain("params");
    });
  });

  describe("references, nested ones included", () => {
    const key = () => t.keys.coordinator;

    it.each(writable)("%s: every reference of the example must name a record of the tenant", async (name) => {
      const path = entityPaths[name];
      const sample = osterodeExample[name][0];
      expect(sample, `${name} needs an example record`).toBeDefined();
      const input = createInputOf(asJson(sample as object));
      // Every place the example fills, once (the first of a list).
      const places = new Map<string, string>();
      for (const ref of referencesOf(name, input)) {
        const site = ref.path.replace(/\.\d+(?=\.|$)/g, ".*");
        if (!places.has(site)) places.set(site, ref.path);
      }
      for (const place of places.values()) {
        const id = String(
          place.split(".").reduce<unknown>((v, p) => (v as Record<string, unknown>)[p], input),
        );
        // A list of ids gets one more (replacing one could break a rule between fields first).
        const parts = place.split(".");
        const list = parts.slice(0, -1).reduce<unknown>((v, p) => (v as Record<string, unknown>)[p], input);
        const at = /^\d+$/.test(parts.at(-1) as string)
          ? [...parts.slice(0, -1), String((list as unknown[]).length)].join(".")
          : place;
        const bad = withValueAt(input, at, nobody(id));
        const created = await http.request("POST", path, { key: key(), json: bad });
        expect(created.status, `${name} ${at}: ${created.text}`).toBe(400);
        expect(problemOf(created).errors).toEqual([
          expect.objectContaining({ path: at, code: "unknown_reference" }),
        ]);
        const dry = await http.request<{
          ok: boolean;
          results: { ok: boolean; errors?: { path: string }[] }[];
        }>("POST", `${path}/batch?dry_run=true`, { key: key(), json: { items: [input, bad] } });
        expect(dry.status, dry.text).toBe(200);
        expect(dry.body.ok).toBe(false);
        expect(dry.body.results[0]?.ok).toBe(true);
        expect(dry.body.results[1]?.errors?.map((e) => e.path)).toEqual([at]);
      }
    });

    it("refuses another tenant's actor in a standard's adoptions and standard in a guide's sections", async () => {
      const actorB = await http.request<Rec>("POST", "/api/v1/actors", {
        key: t.keys.coordinatorB,
        json: { name: "Jobcenter Beispielstadt", kind: "job_centre" },
      });
      expect(actorB.status, actorB.text).toBe(201);
      const standardB = await http.request<Rec>("POST", "/api/v1/standards", {
        key: t.keys.coordinatorB,
        json: { code: "B-01", title: "Standard in Beispielstadt", kind: "minimum" },
      });
      expect(standardB.status, standardB.text).toBe(201);
      const standard = asJson(osterodeExample.standard[0]) as unknown as Rec & { adoptions: unknown[] };
      const guide = asJson(osterodeExample.guide[0]) as unknown as Rec & {
        sections: { standardIds: string[] }[];
      };
      expect(standard.adoptions.length).toBeGreaterThan(0);
      const section = guide.sections.findIndex((x) => x.standardIds.length > 0);
      expect(section).toBeGreaterThanOrEqual(0);
      const cases = [
        { path: "/api/v1/standards", record: standard, at: "adoptions.0.actorId", foreign: actorB.body.id },
        {
          path: "/api/v1/guides",
          record: guide,
          at: `sections.${section}.standardIds.0`,
          foreign: standardB.body.id,
        },
      ];
      for (const { path, record, at, foreign } of cases) {
        const input = withValueAt(createInputOf(record), at, foreign);
        const created = await http.request("POST", path, { key: key(), json: input });
        expect(created.status, created.text).toBe(400);
        expect(problemOf(created).errors?.map((e) => [e.path, e.code])).toEqual([[at, "unknown_reference"]]);
        const batch = await http.request<{ ok: boolean }>("POST", `${path}/batch`, {
          key: key(),
          json: { items: [input] },
        });
        expect(batch.body.ok, batch.text).toBe(false);
        const field = at.split(".")[0] as string;
        const patch = withValueAt({ [field]: (record as Record<string, unknown>)[field] }, at, foreign);
        const patched = await http.request("PATCH", `${path}/${record.id}`, {
          key: key(),
          json: patch,
          headers: { "if-match": `"${record.version}"` },
        });
        expect(patched.status, patched.text).toBe(400);
        expect(problemOf(patched).errors?.map((e) => e.path)).toEqual([at]);
        const after = await http.request<Rec>("GET", `${path}/${record.id}`, { key: key() });
        expect(after.body.version).toBe(record.version);
      }
      // Tenant B itself sees nothing of tenant A's attempts.
      const listB = await http.request<Page>("GET", "/api/v1/standards", { key: t.keys.coordinatorB });
      expect(listB.body.total).toBe(1);
    });
  });

  describe("the connection after a refused request", () => {
    it("answers 413 and the next request on a keep-alive connection works", async () => {
      const small = t.another({ OHA_BODY_LIMIT_BYTES: "2048" });
      const served = await serveOverHttp(small);
      // One connection, kept alive: every request below goes over it unless the server closes it.
      const pool = new Pool(served.base, { connections: 1, pipelining: 1, keepAliveTimeout: 600_000 });
      try {
        const key = t.keys.coordinator;
        const big = { name: "x".repeat(100_000), kind: "chamber" };
        for (let round = 0; round < 3; round++) {
          const refused = await served.request("POST", "/api/v1/actors", { key, json: big }, pool);
          expect(refused.status, refused.text).toBe(413);
          expect(problemOf(refused).code).toBe("payload_too_large");
          const next = await served.request("GET", "/api/v1/me", { key }, pool);
          expect(next.status, next.text).toBe(200);
        }
        // A body sent in chunks, without Content-Length, is cut off while it is read.
        const chunks = async function* () {
          for (let i = 0; i < 50; i++) yield Buffer.from("x".repeat(1000));
        };
        const chunked = await pool.request({
          path: "/api/v1/actors",
          method: "POST",
          headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
          body: Readable.from(chunks()),
        });
        expect(chunked.statusCode).toBe(413);
        expect(chunked.headers["content-type"]).toBe("application/problem+json");
        await chunked.body.text();
        const after = await served.request("GET", "/api/v1/me", { key }, pool);
        expect(after.status, after.text).toBe(200);
      } finally {
        await pool.close();
        await served.close();
      }
    });

    it("closes the connection after a 413 whose body is still on its way, and says so", async () => {
      const small = t.another({ OHA_BODY_LIMIT_BYTES: "2048" });
      const served = await serveOverHttp(small);
      const socket = connectTcp(Number(new URL(served.base).port), "127.0.0.1");
      try {
        let received = "";
        const closed = new Promise<void>((ok) => socket.on("close", () => ok()));
        // The head of the answer and its body (Content-Length) have arrived.
        const answered = new Promise<void>((ok) => {
          socket.on("data", (chunk: Buffer) => {
            received += chunk.toString("latin1");
            const end = received.indexOf("\r\n\r\n");
            const length = /\r\ncontent-length: *(\d+)/i.exec(received)?.[1];
            if (end >= 0 && length && received.length >= end + 4 + Number(length)) ok();
          });
        });
        // A body announced as 100 KB of which only the first 10 KB are sent.
        socket.write(
          [
            "POST /api/v1/actors HTTP/1.1",
            "Host: 127.0.0.1",
            `Authorization: Bearer ${t.keys.coordinator}`,
            "Content-Type: application/json",
            "Content-Length: 100000",
            "",
            `{"name":"${"x".repeat(10_000)}`,
          ].join("\r\n"),
        );
        await answered;
        expect(received).toMatch(/^HTTP\/1\.1 413 /);
        expect(received).toMatch(/\r\ncontent-type: application\/problem\+json\r\n/i);
        // The server does not wait for the rest: it says it closes the connection, and does.
        expect(received).toMatch(/\r\nconnection: close\r\n/i);
        await closed;
        // A new connection is answered as usual.
        const next = await served.request("GET", "/api/v1/me", { key: t.keys.coordinator });
        expect(next.status).toBe(200);
      } finally {
        socket.destroy();
        await served.close();
      }
    });

    it("answers a query string over 16 KB with a 431 problem in the caller's language", async () => {
      const agent = new Agent({ connections: 1 });
      try {
        const long = `/api/v1/actors?q=${"a".repeat(17 * 1024)}`;
        const de = await http.request("GET", long, { key: t.keys.viewer }, agent);
        expect(de.status).toBe(431);
        expect(problemOf(de)).toMatchObject({
          status: 431,
          code: "payload_too_large",
          title: "Die Anfrage ist zu groß.",
        });
        expect(problemOf(de).detail).toContain("16 KB");
        expect(de.headers.get("x-request-id")).toBe(problemOf(de).requestId);
        const en = await http.request(
          "GET",
          long,
          { key: t.keys.viewer, headers: { "accept-language": "en" } },
          agent,
        );
        expect(problemOf(en)).toMatchObject({ status: 431, title: "The request is too large." });
        // The next request, on a new connection, is answered as usual.
        const next = await http.request("GET", "/api/v1/me", { key: t.keys.viewer }, agent);
        expect(next.status).toBe(200);
      } finally {
        await agent.close();
      }
    });
  });

  describe("patches that change nothing, and character sets", () => {
    it.each(writable)("%s: an empty patch or one with the same values makes no new version", async (name) => {
      const path = entityPaths[name];
      const key = t.keys.admin;
      const sample = osterodeExample[name][0] as unknown as Rec;
      const before = await http.request<Rec>("GET", `${path}/${sample.id}`, { key });
      expect(before.status, before.text).toBe(200);
      const etag = before.headers.get("etag") as string;
      const history = async () =>
        (await http.request<{ items: unknown[] }>("GET", `${path}/${sample.id}/history`, { key })).body.items
          .length;
      const entries = await history();
      const { id: _id, version: _v, createdAt: _c, updatedAt: _u, deleted: _d, ...fields } = before.body;
      const firstField = Object.keys(createInputOf(sample))[0] as string;
      const patches = [{}, { [firstField]: fields[firstField] }];
      for (const patch of patches) {
        const reply = await http.request<Rec>("PATCH", `${path}/${sample.id}`, {
          key,
          json: patch,
          headers: { "if-match": etag },
        });
        expect(reply.status, `${JSON.stringify(patch)}: ${reply.text}`).toBe(200);
        expect(reply.headers.get("etag")).toBe(etag);
        expect(reply.body).toMatchObject({ version: before.body.version, updatedAt: before.body.updatedAt });
      }
      expect(await history()).toBe(entries);
    });

    it("makes no new version of the tenant's region for an empty patch", async () => {
      const before = await http.request<Rec>("GET", "/api/v1/tenant", { key: t.keys.admin });
      const reply = await http.request<Rec>("PATCH", "/api/v1/tenant", {
        key: t.keys.admin,
        json: {},
        headers: { "if-match": `"${before.body.version}"` },
      });
      expect(reply.status, reply.text).toBe(200);
      expect(reply.headers.get("etag")).toBe(`"${before.body.version}"`);
      expect(reply.body).toMatchObject({ version: before.body.version, updatedAt: before.body.updatedAt });
    });

    it("refuses JSON in any character set but UTF-8 with 415, and writes nothing", async () => {
      const key = t.keys.coordinator;
      const before = await http.request<Page>("GET", "/api/v1/actors?limit=1", { key });
      const actor = { name: "Zeichensatz-Prüfung", kind: "chamber" };
      for (const type of [
        "application/json; charset=utf-16",
        "application/json; charset=UTF-16LE",
        'application/json; charset="iso-8859-1"',
        "application/merge-patch+json; charset=windows-1252",
      ]) {
        const reply = await http.request("POST", "/api/v1/actors", {
          key,
          json: actor,
          headers: { "content-type": type },
        });
        expect(reply.status, type).toBe(415);
        expect(problemOf(reply)).toMatchObject({
          code: "unsupported_media_type",
          title: "Bitte JSON in UTF-8 senden (application/json).",
        });
      }
      const english = await http.request("POST", "/api/v1/actors", {
        key,
        json: actor,
        headers: { "content-type": "application/json; charset=utf-16", "accept-language": "en" },
      });
      expect(problemOf(english).title).toBe("Please send JSON in UTF-8 (application/json).");
      const after = await http.request<Page>("GET", "/api/v1/actors?limit=1", { key });
      expect(after.body.total).toBe(before.body.total);
      for (const type of [
        "application/json; charset=utf-8",
        "application/json;charset=UTF-8",
        "application/json",
      ]) {
        const ok = await http.request("POST", "/api/v1/actors", {
          key,
          json: actor,
          headers: { "content-type": type },
        });
        expect(ok.status, type).toBe(201);
      }
    });
  });

  describe("roles before validation", () => {
    it("answers 403 to a viewer's or partner's batch of invalid rows, and writes nothing", async () => {
      const own = osterodeExample.measure.find((m) => m.providerActorId === partnerActorId);
      const foreign = osterodeExample.measure.find((m) => m.providerActorId !== partnerActorId);
      expect(own && foreign).toBeTruthy();
      const ownInput = createInputOf(asJson(own as object));
      const foreignInput = createInputOf(asJson(foreign as object));
      const before = await http.request<Page>("GET", "/api/v1/measures?limit=1", { key: t.keys.admin });
      const refused: [string, string, unknown][] = [
        [t.keys.viewer, "/api/v1/measures/batch", { items: [{ title: "" }, 5, null] }],
        [t.keys.viewer, "/api/v1/measures/batch?dry_run=true", { items: [{}] }],
        [t.keys.viewer, "/api/v1/actors/batch", { items: [{ kind: "nonsense" }] }],
        [t.keys.partner, "/api/v1/actors/batch", { items: [{ kind: "nonsense" }] }],
        // A partner's invalid row for another actor, or naming no actor.
        [t.keys.partner, "/api/v1/measures/batch", { items: [{ ...foreignInput, title: "" }] }],
        [t.keys.partner, "/api/v1/measures/batch?dry_run=true", { items: [ownInput, { title: "" }] }],
        [t.keys.partner, "/api/v1/measures/batch", { items: [ownInput, 5] }],
      ];
      for (const [key, path, json] of refused) {
        const reply = await http.request("POST", path, { key, json });
        expect(reply.status, `${path} ${JSON.stringify(json).slice(0, 80)}: ${reply.text}`).toBe(403);
        expect(problemOf(reply).code).toBe("forbidden");
      }
      // The envelope itself is checked after the role too.
      const envelope = await http.request("POST", "/api/v1/actors/batch", {
        key: t.keys.viewer,
        json: { items: "x" },
      });
      expect(envelope.status).toBe(403);
      // A partner's own rows are checked and reported as usual.
      const report = await http.request<{ ok: boolean; results: { ok: boolean }[] }>(
        "POST",
        "/api/v1/measures/batch?dry_run=true",
        { key: t.keys.partner, json: { items: [ownInput, { ...ownInput, title: "" }] } },
      );
      expect(report.status, report.text).toBe(200);
      expect(report.body.results.map((r) => r.ok)).toEqual([true, false]);
      const after = await http.request<Page>("GET", "/api/v1/measures?limit=1", { key: t.keys.admin });
      expect(after.body.total).toBe(before.body.total);
    });

    it("answers 403 to a viewer's create, patch, delete and purge whatever it sends", async () => {
      const key = t.keys.viewer;
      const actor = osterodeIds.actors.jobCentre;
      const attempts: [string, string, unknown][] = [
        ["POST", "/api/v1/actors", { colour: "blue" }],
        ["POST", "/api/v1/actors", "not an object"],
        ["PATCH", `/api/v1/actors/${actor}`, { kind: "nonsense" }],
        ["DELETE", `/api/v1/actors/${actor}`, undefined],
        ["POST", `/api/v1/actors/${actor}/restore`, undefined],
        ["POST", `/api/v1/actors/${actor}/purge`, undefined],
      ];
      // Without If-Match and with a body that is not valid: the role is still what answers.
      for (const [method, path, json] of attempts) {
        const reply = await http.request(method, path, { key, ...(json !== undefined ? { json } : {}) });
        expect(reply.status, `${method} ${path}: ${reply.text}`).toBe(403);
      }
    });
  });

  describe("the failed-sign-in limit", () => {
    it("counts the address the trusted proxy saw, not what the client put in X-Forwarded-For", async () => {
      // Behind nginx with `proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for`: nginx appends
      // the address it saw to whatever the client sent.
      const proxied = await serveOverHttp(
        t.another({ OHA_AUTH_FAILURES_PER_MINUTE: "2", OHA_TRUST_PROXY: "true" }),
      );
      try {
        const guess = (forwardedFor: string) =>
          proxied.request("GET", "/api/v1/me", {
            key: "oha_guess",
            headers: { "x-forwarded-for": forwardedFor },
          });
        const first = await guess("192.0.2.200, 198.51.100.7");
        expect(first.status).toBe(401);
        expect(first.headers.get("ratelimit")).toMatch(/^limit=2, remaining=1, reset=\d+$/);
        const statuses: number[] = [];
        for (let i = 0; i < 4; i++) statuses.push((await guess(`192.0.2.${i}, 198.51.100.7`)).status);
        expect(statuses).toEqual([401, 429, 429, 429]);
        const limited = await guess("192.0.2.99, 198.51.100.7");
        expect(problemOf(limited).code).toBe("rate_limited");
        expect(limited.headers.get("retry-after")).toMatch(/^\d+$/);
        expect(limited.headers.get("www-authenticate")).toBeNull();
        expect(limited.headers.get("x-request-id")).toBe(problemOf(limited).requestId);
        expect(limited.headers.get("cache-control")).toBe("no-store");
        // Another client behind the same proxy is counted on its own.
        expect((await guess("198.51.100.7, 198.51.100.8")).status).toBe(401);
      } finally {
        await proxied.close();
      }
      // Behind two proxies (a CDN, then nginx) the client is the second entry from the right.
      const twice = await serveOverHttp(
        t.another({ OHA_AUTH_FAILURES_PER_MINUTE: "1", OHA_TRUST_PROXY: "true", OHA_PROXY_HOPS: "2" }),
      );
      try {
        const guess = (forwardedFor: string) =>
          twice.request("GET", "/api/v1/me", {
            key: "oha_guess",
            headers: { "x-forwarded-for": forwardedFor },
          });
        expect((await guess("192.0.2.1, 198.51.100.7, 203.0.113.1")).status).toBe(401);
        expect((await guess("192.0.2.2, 198.51.100.7, 203.0.113.2")).status).toBe(429);
        expect((await guess("198.51.100.9, 203.0.113.1")).status).toBe(401);
      } finally {
        await twice.close();
      }
    });

    it("lets a valid key through from an address that is limited for failures", async () => {
      // Every request comes from 127.0.0.1: one shared address, as an office behind one NAT.
      const shared = await serveOverHttp(t.another({ OHA_AUTH_FAILURES_PER_MINUTE: "3" }));
      try {
        const statuses: number[] = [];
        for (let i = 0; i < 20; i++)
          statuses.push((await shared.request("GET", "/api/v1/me", { key: `oha_guess-${i}` })).status);
        expect(statuses.slice(0, 3)).toEqual([401, 401, 401]);
        expect(new Set(statuses.slice(3))).toEqual(new Set([429]));
        const valid = await shared.request("GET", "/api/v1/me", { key: t.keys.viewer });
        expect(valid.status, valid.text).toBe(200);
        const write = await shared.request("POST", "/api/v1/actors", {
          key: t.keys.coordinator,
          json: { name: "Angelegt trotz Sperre", kind: "chamber" },
        });
        expect(write.status, write.text).toBe(201);
        // Failures from the address stay limited.
        expect((await shared.request("GET", "/api/v1/me", { key: "oha_guess-more" })).status).toBe(429);
        expect((await shared.request("GET", "/api/v1/me")).status).toBe(429);
      } finally {
        await shared.close();
      }
    });
  });

  describe("concurrency", () => {
    it("gives 20 concurrent patches with one If-Match exactly one winner and one history entry", async () => {
      const key = t.keys.coordinator;
      const created = await http.request<Rec>("POST", "/api/v1/actors", {
        key,
        json: { name: "Gleichzeitig", kind: "chamber" },
      });
      expect(created.status, created.text).toBe(201);
      const etag = created.headers.get("etag") as string;
      // Twenty connections, so the patches really are in flight together.
      const pool = new Pool(http.base, { connections: 20 });
      try {
        const replies = await Promise.all(
          Array.from({ length: 20 }, (_, i) =>
            http.request<Rec>(
              "PATCH",
              `/api/v1/actors/${created.body.id}`,
              { key, json: { name: `Gleichzeitig ${i}` }, headers: { "if-match": etag } },
              pool,
            ),
          ),
        );
        const statuses = replies.map((r) => r.status).sort();
        expect(statuses).toEqual([200, ...Array(19).fill(412)]);
        const winner = replies.find((r) => r.status === 200) as Reply<Rec>;
        const history = await http.request<{ items: { action: string }[] }>(
          "GET",
          `/api/v1/actors/${created.body.id}/history`,
          { key },
        );
        expect(history.body.items.map((e) => e.action)).toEqual(["create", "update"]);
        const now = await http.request<Rec>("GET", `/api/v1/actors/${created.body.id}`, { key });
        expect(now.body).toMatchObject({ version: 2, name: winner.body.name });
      } finally {
        await pool.close();
      }
    });

    it("creates one record for concurrent creates with one Idempotency-Key", async () => {
      const key = t.keys.coordinator;
      const name = "Einmal angelegt";
      const pool = new Pool(http.base, { connections: 10 });
      try {
        const replies = await Promise.all(
          Array.from({ length: 10 }, () =>
            http.request<Rec>(
              "POST",
              "/api/v1/actors",
              {
                key,
                json: { name, kind: "chamber" },
                headers: { "idempotency-key": "concurrent-create-0001" },
              },
              pool,
            ),
          ),
        );
        // The first is created; the others replay it or are told it is still running (409).
        const statuses = replies.map((r) => r.status);
        expect(statuses.filter((s) => s === 201).length).toBeGreaterThanOrEqual(1);
        expect(statuses.every((s) => s === 201 || s === 409)).toBe(true);
        const ids = new Set(replies.filter((r) => r.status === 201).map((r) => r.body.id));
        expect(ids.size).toBe(1);
        const found = await http.request<Page>("GET", `/api/v1/actors?q=${encodeURIComponent(name)}`, {
          key,
        });
        expect(found.body.total).toBe(1);
      } finally {
        await pool.close();
      }
    });
  });
});
