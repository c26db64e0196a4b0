// The OpenAPI document: valid for an independent linter (Redocly) and complete, i.e. every route the
// app answers is described in it and nothing else is.
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../src/app.js";
import { loadConfig } from "../src/config.js";
import { jsonLogger } from "../src/logger.js";
import { backends, type OpenedStore } from "./harness.js";

const here = dirname(fileURLToPath(import.meta.url));
const redoclyConfig = resolve(here, "../redocly.yaml");

interface Operation {
  operationId?: string;
  security?: Record<string, string[]>[];
  responses: Record<string, unknown>;
}
interface Document {
  openapi: string;
  info: { title: string; version: string };
  servers: { url: string }[];
  paths: Record<string, Record<string, Operation>>;
}

const methods = ["get", "put", "post", "delete", "patch", "head", "options"];

/** Runs the Redocly CLI installed with this package on Node, without npx or network access. */
async function redocly(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const require = createRequire(import.meta.url);
  const manifest = require.resolve("@redocly/cli/package.json");
  const { bin } = JSON.parse(await readFile(manifest, "utf8")) as { bin: string | Record<string, string> };
  const script = resolve(dirname(manifest), typeof bin === "string" ? bin : (bin.redocly ?? ""));
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [script, ...args], {
      env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" },
      maxBuffer: 64 * 1024 * 1024,
      timeout: 600_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? 1, stdout: failed.stdout ?? "", stderr: failed.stderr ?? String(error) };
  }
}

describe("OpenAPI document", () => {
  let opened: OpenedStore;
  let app: ReturnType<typeof createApp>;
  let doc: Document;

  beforeAll(async () => {
    const pglite = backends.find((b) => b.name === "pglite");
    if (!pglite) throw new Error("The embedded database is always available.");
    opened = await pglite.open();
    app = createApp({
      store: opened.store,
      config: loadConfig({ OHA_PUBLIC_URL: "https://oha.landkreis.test" }),
      logger: jsonLogger("silent"),
    });
    const reply = await app.request("/openapi.json");
    expect(reply.status).toBe(200);
    doc = (await reply.json()) as Document;
  });
  afterAll(() => opened?.dispose());

  it("is OpenAPI 3.1 with the deployment's address", () => {
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.info).toMatchObject({ title: expect.stringContaining("OHA"), version: "1.0.0" });
    expect(doc.servers).toEqual([{ url: "https://oha.landkreis.test" }]);
  });

  it("passes Redocly's recommended rules", async () => {
    const folder = await mkdtemp(join(tmpdir(), "oha-openapi-"));
    try {
      const file = join(folder, "openapi.json");
      await writeFile(file, JSON.stringify(doc, null, 2));
      const result = await redocly(["lint", file, "--config", redoclyConfig, "--format", "json"]);
      const start = result.stdout.indexOf("{");
      expect(start, `${result.stdout}\n${result.stderr}`).toBeGreaterThanOrEqual(0);
      const report = JSON.parse(result.stdout.slice(start)) as {
        totals: { errors: number; warnings: number };
        problems: { ruleId: string; message: string; location: { pointer?: string }[] }[];
      };
      const problems = report.problems.map((p) => `${p.ruleId}: ${p.message} (${p.location[0]?.pointer})`);
      expect(problems).toEqual([]);
      expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
      expect(result.code, result.stderr).toBe(0);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it("describes every route the app answers, and no other", () => {
    const routes = new Set<string>();
    for (const route of app.routes) {
      // Middleware is registered for every method; the document and its viewer describe themselves.
      if (route.method === "ALL" || route.path === "/openapi.json" || route.path === "/docs") continue;
      // A wildcard path serves files, which an OpenAPI document cannot describe.
      if (route.path.includes("*")) continue;
      routes.add(`${route.method.toLowerCase()} ${route.path.replace(/:([A-Za-z_]+)/g, "{$1}")}`);
    }
    expect(routes.size).toBeGreaterThan(150);
    const documented = new Set<string>();
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const method of Object.keys(item))
        if (methods.includes(method)) documented.add(`${method} ${path}`);
    }
    const missing = [...routes].filter((r) => !documented.has(r));
    const stale = [...documented].filter((r) => !routes.has(r));
    expect(missing, "routes missing from the document").toEqual([]);
    expect(stale, "documented operations without a route").toEqual([]);
  });

  it("documents credentials and client errors on every operation that has them", () => {
    const open = new Set(["getLiveness", "getReadiness", "listPublicMeasures"]);
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        if (!methods.includes(method)) continue;
        const name = `${method} ${path}`;
        expect(operation.operationId, name).toEqual(expect.any(String));
        const codes = Object.keys(operation.responses);
        // The open interfaces: the public catalogue, OParl and Open Referral HSDS are read by anyone.
        if (open.has(operation.operationId ?? "") || /^\/(oparl|hsds)\//.test(path)) {
          expect(operation.security, name).toEqual([]);
          continue;
        }
        expect(operation.security, name).toEqual([{ bearer: [] }]);
        expect(codes, name).toContain("401");
      }
    }
    for (const path of [
      "/oparl/v1.1/regions/{regionId}",
      "/oparl/v1.1/regions/{regionId}/meetings",
      "/oparl/v1.1/regions/{regionId}/meetings/{id}",
      "/oparl/v1.1/regions/{regionId}/meetings/{meetingId}/agenda-items/{itemId}",
      "/hsds/v3/regions/{regionId}/services",
      "/hsds/v3/regions/{regionId}/services/{id}",
      "/api/v1/transfer/export",
      "/api/v1/transfer/import",
      "/api/v1/hsds/import",
    ]) {
      const operation = Object.values(doc.paths[path] ?? {})[0];
      expect(operation, path).toBeDefined();
      const ok = (operation?.responses["200"] ?? {}) as { content?: Record<string, { schema?: unknown }> };
      expect(ok.content?.["application/json"]?.schema, `${path}: response schema`).toBeDefined();
    }
    const catalogue = doc.paths["/public/v1/regions/{regionId}/measures"]?.get?.responses ?? {};
    expect(Object.keys(catalogue)).toEqual(expect.arrayContaining(["200", "304", "400", "404", "429"]));
  });
});
