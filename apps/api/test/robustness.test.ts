// Regression tests for what a robustness probe of the API found, each over real HTTP (the Node
// server of src/entry/node-server.ts on the test's store), on PGlite and PostgreSQL.
import { connect } from "@oha/store";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends, openTestApp, type Page, problemOf, type Reply, type TestApp } from "./harness.js";
import { type Served, serveOverHttp } from "./served.js";

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
});
