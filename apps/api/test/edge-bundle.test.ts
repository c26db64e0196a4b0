// The edge bundle: one ES module (plus chunks) for Workers-style runtimes. It may import only
// what such a runtime provides, and it must answer requests that need no database.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";

const edge = resolve(dirname(fileURLToPath(import.meta.url)), "../dist/edge");
const runtimeModules = new Set([
  "node:async_hooks",
  "node:buffer",
  "node:stream",
  "node:events",
  "cloudflare:sockets",
]);

function importsOf(source: string): string[] {
  const specifiers: string[] = [];
  const patterns = [
    /^\s*import\s[^;]*?from\s*["']([^"']+)["']/gm,
    /^\s*import\s*["']([^"']+)["']/gm,
    /^\s*export\s[^;]*?from\s*["']([^"']+)["']/gm,
    /\bimport\(\s*["']([^"']+)["']\s*\)/g,
    /\brequire\(\s*["']([^"']+)["']\s*\)/g,
  ];
  for (const pattern of patterns)
    for (const match of source.matchAll(pattern)) specifiers.push(match[1] as string);
  return specifiers;
}

describe("the edge bundle", () => {
  const files = readdirSync(edge).filter((f) => f.endsWith(".js"));

  it("is built", () => {
    expect(files).toContain("worker.js");
  });

  it("imports nothing but its own chunks and the modules a Workers runtime provides", () => {
    const foreign: string[] = [];
    for (const file of files) {
      for (const specifier of importsOf(readFileSync(join(edge, file), "utf8"))) {
        if (specifier.startsWith("./")) continue;
        if (!runtimeModules.has(specifier)) foreign.push(`${file}: ${specifier}`);
      }
    }
    expect(foreign).toEqual([]);
    const all = files.map((f) => readFileSync(join(edge, f), "utf8")).join("\n");
    expect(all).not.toMatch(/pglite\.wasm|node:fs|node:child_process|node:path/);
  });

  it("answers health, OpenAPI and an unauthenticated request without a database round trip", async () => {
    const worker = (await import(pathToFileURL(join(edge, "worker.js")).href)) as {
      default: { fetch(request: Request, env: Record<string, unknown>, ctx: unknown): Promise<Response> };
    };
    const pending: Promise<unknown>[] = [];
    const ctx = {
      waitUntil: (p: Promise<unknown>) => pending.push(p),
      passThroughOnException: () => undefined,
      props: {},
    };
    const env = { DATABASE_URL: "postgres://nobody@127.0.0.1:1/none", OHA_LOG_LEVEL: "silent" };
    const health = await worker.default.fetch(new Request("https://oha.example/healthz"), env, ctx);
    expect(health.status).toBe(200);
    const doc = await worker.default.fetch(new Request("https://oha.example/openapi.json"), env, ctx);
    expect(((await doc.json()) as { openapi: string }).openapi).toBe("3.1.0");
    const anonymous = await worker.default.fetch(new Request("https://oha.example/api/v1/actors"), env, ctx);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get("content-type")).toContain("application/problem+json");
    const missing = await worker.default.fetch(
      new Request("https://oha.example/healthz"),
      { OHA_LOG_LEVEL: "silent" },
      ctx,
    );
    expect(missing.status).toBe(501);
    expect(((await missing.json()) as { code: string }).code).toBe("not_implemented");
    await Promise.allSettled(pending);
  });
});
