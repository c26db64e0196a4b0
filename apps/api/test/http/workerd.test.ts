// The smoke suite against the edge bundle (dist/edge/worker.js) running in workerd (Miniflare),
// its DATABASE_URL binding on PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshWorld, type Running, startWorkerd, type World } from "./servers.js";
import { smokeSuite } from "./smoke.js";

smokeSuite("the edge entry in workerd", (databaseUrl) => startWorkerd(databaseUrl));

describe("the edge entry in workerd, beyond the shared suite", () => {
  let world: World;
  const started: Running[] = [];
  beforeAll(async () => {
    world = await freshWorld();
  });
  afterAll(async () => {
    for (const server of started) await server.stop();
    await world?.drop();
  });

  it("builds the app once per isolate: the failed sign-ins of one address add up across requests", async () => {
    const server = await startWorkerd(world.databaseUrl, { OHA_AUTH_FAILURES_PER_MINUTE: "3" });
    started.push(server);
    const attempt = (address: string) =>
      fetch(`${server.base}/api/v1/actors`, {
        headers: { authorization: "Bearer oha_wrong", "cf-connecting-ip": address },
      });
    for (let i = 0; i < 3; i++) expect((await attempt("203.0.113.7")).status).toBe(401);
    const limited = await attempt("203.0.113.7");
    expect(limited.status).toBe(429);
    expect(((await limited.json()) as { code: string }).code).toBe("rate_limited");
    expect((await attempt("203.0.113.8")).status).toBe(401);
    const allowed = await fetch(`${server.base}/api/v1/actors`, {
      headers: { authorization: `Bearer ${world.keys.viewer}`, "cf-connecting-ip": "203.0.113.9" },
    });
    expect(allowed.status).toBe(200);
  });

  it("answers 501 in German and English without a database binding (no embedded database)", async () => {
    const server = await startWorkerd(undefined);
    started.push(server);
    const de = await fetch(`${server.base}/api/v1/actors`);
    expect(de.status).toBe(501);
    expect(de.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    const problem = (await de.json()) as { code: string; detail: string };
    expect(problem.code).toBe("not_implemented");
    expect(problem.detail).toContain("eingebettete Datenbank");
    const en = await fetch(`${server.base}/healthz`, { headers: { "accept-language": "en" } });
    expect(en.status).toBe(501);
    expect(((await en.json()) as { detail: string }).detail).toContain("embedded database");
  });
});
