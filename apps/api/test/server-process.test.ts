import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { get, type IncomingHttpHeaders } from "node:http";
import { createServer } from "node:net";
import { hostname, tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";

const here = dirname(fileURLToPath(import.meta.url));
const entry = resolve(here, "../dist/entry/node.js");
const cli = resolve(here, "../dist/cli.js");

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? ok(address.port) : fail(new Error("no port")),
      );
    });
  });
}

interface Running {
  child: ChildProcess;
  output: () => string;
  url: string;
}

async function start(dataDir: string): Promise<Running> {
  const port = await freePort();
  const child = spawn(process.execPath, [entry], {
    env: {
      ...process.env,
      PORT: String(port),
      OHA_DATA_DIR: dataDir,
      OHA_LOG_LEVEL: "silent",
      DATABASE_URL: "",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    out += chunk.toString();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    out += chunk.toString();
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 600_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${out}`);
    try {
      const res = await fetch(`${url}/readyz`);
      if (res.ok && out.includes("OHA läuft")) return { child, output: () => out, url };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  child.kill("SIGKILL");
  throw new Error(`server did not become ready:\n${out}`);
}

async function stop(running: Running): Promise<number | null> {
  const exited = new Promise<number | null>((ok) => running.child.once("exit", (code) => ok(code)));
  running.child.kill("SIGTERM");
  return exited;
}

function run(args: string[], dataDir: string): Promise<{ code: number | null; out: string }> {
  return new Promise((ok) => {
    const child = spawn(process.execPath, [cli, ...args], {
      env: { ...process.env, OHA_DATA_DIR: dataDir, DATABASE_URL: "" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    child.stdout?.on("data", (c: Buffer) => {
      out += c.toString();
    });
    child.stderr?.on("data", (c: Buffer) => {
      out += c.toString();
    });
    child.on("exit", (code) => ok({ code, out }));
  });
}

/**
 * `/docs` works without internet access: the page names no other host, and every script it loads
 * comes from this server as JavaScript (the API reference's bundle brotli- or gzip-compressed).
 */
async function expectLocalDocs(base: string) {
  const docs = await fetch(`${base}/docs`);
  expect(docs.status).toBe(200);
  expect(docs.headers.get("content-type")).toMatch(/^text\/html/);
  const html = await docs.text();
  const urls = html.match(/https?:\/\/[^\s"'<>)]+/g) ?? [];
  expect(urls.filter((url) => new URL(url).origin !== base)).toEqual([]);
  const scripts = [...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1] as string);
  expect(scripts.length).toBeGreaterThanOrEqual(1);
  for (const src of scripts) {
    const url = new URL(src, base);
    expect(url.origin).toBe(base);
    const script = await fetch(url);
    expect(script.status, src).toBe(200);
    expect(script.headers.get("content-type"), src).toMatch(/^(text|application)\/javascript/);
    expect((await script.text()).length, src).toBeGreaterThan(0);
  }
  // The bundle is Scalar's (it defines the global the start script calls), compressed on the wire.
  const bundle = scripts.find((src) => /^\/docs\/scalar\.[0-9a-f]+\.js$/.test(src));
  expect(bundle, html).toBeDefined();
  for (const encoding of ["br", "gzip"]) {
    const raw = await rawGet(`${base}${bundle}`, { "Accept-Encoding": encoding });
    expect(raw.status).toBe(200);
    expect(raw.headers["content-encoding"]).toBe(encoding);
    expect(raw.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    const text = (encoding === "br" ? brotliDecompressSync(raw.body) : gunzipSync(raw.body)).toString("utf8");
    expect(text).toContain("createApiReference");
  }
  const start = await (await fetch(`${base}/docs/start.js`)).text();
  expect(start).toContain('"url":"/openapi.json"');
  expect(start).not.toMatch(/https?:/);
  expect((await fetch(`${base}${bundle}.map`)).status).toBe(404);
}

/** A GET whose body is left as sent (fetch would decompress it), with the headers as received. */
function rawGet(
  url: string,
  headers: Record<string, string>,
): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
  return new Promise((ok, fail) => {
    get(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () =>
        ok({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
      res.on("error", fail);
    }).on("error", fail);
  });
}

const dataDir = mkdtempSync(join(tmpdir(), "oha-server-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe("the real server process over HTTP", () => {
  it("is built", () => {
    expect(existsSync(entry), "run the build first (turbo does it before the tests)").toBe(true);
  });

  let adminKey = "";
  let createdId = "";

  it("creates the embedded database on first start, seeds the example and prints an admin key once", async () => {
    const server = await start(dataDir);
    try {
      const key = /(oha_[A-Za-z0-9_-]{20,})/.exec(server.output())?.[1];
      expect(key, server.output()).toBeDefined();
      adminKey = key as string;
      expect(server.output()).toContain("Landkreis Osterode am Harz");

      const me = await fetch(`${server.url}/api/v1/me`, { headers: { Authorization: `Bearer ${adminKey}` } });
      expect(me.status).toBe(200);
      expect(((await me.json()) as { tenant: { name: string } }).tenant.name).toBe(
        "Landkreis Osterode am Harz",
      );

      const created = await fetch(`${server.url}/api/v1/actors`, {
        method: "POST",
        headers: { Authorization: `Bearer ${adminKey}`, "Content-Type": "application/json" },
        body: JSON.stringify({ name: "Kreishandwerkerschaft Muster", kind: "chamber" }),
      });
      expect(created.status).toBe(201);
      createdId = ((await created.json()) as { id: string }).id;

      const health = await fetch(`${server.url}/healthz`);
      expect(await health.json()).toEqual({ status: "ok" });
      const doc = await fetch(`${server.url}/openapi.json`);
      expect(((await doc.json()) as { openapi: string }).openapi).toBe("3.1.0");
      await expectLocalDocs(server.url);
    } finally {
      expect(await stop(server)).toBe(0);
    }
  });

  it("keeps the data over a restart and prints no new key", async () => {
    const server = await start(dataDir);
    try {
      expect(server.output()).not.toMatch(/oha_[A-Za-z0-9_-]{20,}/);
      const res = await fetch(`${server.url}/api/v1/actors/${createdId}`, {
        headers: { Authorization: `Bearer ${adminKey}` },
      });
      expect(res.status).toBe(200);
      expect(((await res.json()) as { name: string }).name).toBe("Kreishandwerkerschaft Muster");
    } finally {
      expect(await stop(server)).toBe(0);
    }
  });

  it("has an operator CLI with help for every command", async () => {
    const help = await run(["--help"], dataDir);
    expect(help.code).toBe(0);
    for (const command of ["migrate", "seed", "keys create", "keys revoke", "export", "import"])
      expect(help.out).toContain(command);
    const keysHelp = await run(["keys", "create", "--help"], dataDir);
    expect(keysHelp.out).toContain("--role");
    const unknown = await run(["frobnicate"], dataDir);
    expect(unknown.code).toBe(2);

    const tenants = await run(["tenants"], dataDir);
    expect(tenants.code).toBe(0);
    const tenantId = /^(reg_\w{12})\t/m.exec(tenants.out)?.[1];
    expect(tenantId, tenants.out).toBeDefined();
    const key = await run(
      ["keys", "create", "--tenant", tenantId as string, "--role", "viewer", "--name", "Lesezugriff"],
      dataDir,
    );
    expect(key.code, key.out).toBe(0);
    expect(key.out).toMatch(/oha_[A-Za-z0-9_-]{20,}/);
    const badRole = await run(
      ["keys", "create", "--tenant", tenantId as string, "--role", "emperor", "--name", "x"],
      dataDir,
    );
    expect(badRole.code).toBe(2);

    const exportFile = join(dataDir, "bundle.json");
    const exported = await run(["export", "--tenant", tenantId as string, "--out", exportFile], dataDir);
    expect(exported.code, exported.out).toBe(0);
    const refused = await run(["import", exportFile, "--tenant", tenantId as string], dataDir);
    expect(refused.code).toBe(1);
  });
});

describe("one writer per embedded data folder", () => {
  const folder = mkdtempSync(join(tmpdir(), "oha-lock-"));
  const lockFile = join(folder, "oha.lock");
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  const as = async (base: string, key: string, path: string) => {
    const res = await fetch(`${base}${path}`, { headers: { Authorization: `Bearer ${key}` } });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  const keyNames = async (base: string, key: string) =>
    ((await as(base, key, "/api/v1/api-keys")).body.items as { name: string }[]).map((k) => k.name).sort();

  let tenantId = "";
  let adminKey = "";

  it("refuses operator commands and a second server while the server runs, and writes nothing", async () => {
    const server = await start(folder);
    try {
      adminKey = /(oha_[A-Za-z0-9_-]{20,})/.exec(server.output())?.[1] as string;
      expect(adminKey, server.output()).toBeDefined();
      tenantId = ((await as(server.url, adminKey, "/api/v1/me")).body.tenant as { id: string }).id;
      const before = await keyNames(server.url, adminKey);
      expect(existsSync(lockFile)).toBe(true);

      const refused = await run(
        ["keys", "create", "--tenant", tenantId, "--role", "viewer", "--name", "Während des Betriebs"],
        folder,
      );
      expect(refused.code, refused.out).toBe(75);
      expect(refused.out).toContain("wird gerade vom OHA-Server verwendet");
      expect(refused.out).toContain("is in use by the OHA server");
      expect(refused.out).toContain("Es wurde nichts geschrieben.");
      expect(refused.out).toContain("Nothing was written.");
      expect(refused.out).not.toMatch(/oha_[A-Za-z0-9_-]{20,}/);
      // Reading commands open the folder too: refused as well.
      expect((await run(["tenants"], folder)).code).toBe(75);

      // A second server on the same folder does not start.
      const second = spawn(process.execPath, [entry], {
        env: { ...process.env, PORT: String(await freePort()), OHA_DATA_DIR: folder, DATABASE_URL: "" },
        stdio: ["ignore", "pipe", "pipe"],
      });
      let secondOut = "";
      second.stderr?.on("data", (chunk: Buffer) => {
        secondOut += chunk.toString();
      });
      const secondCode = await new Promise<number | null>((ok) => second.once("exit", ok));
      expect(secondCode, secondOut).toBe(75);
      expect(secondOut).toContain("is in use by the OHA server");

      // The server still has the folder, and nothing was added.
      expect(await keyNames(server.url, adminKey)).toEqual(before);
      expect(existsSync(lockFile)).toBe(true);
    } finally {
      expect(await stop(server)).toBe(0);
    }
    expect(existsSync(lockFile), "the server gives the lock back when it stops").toBe(false);
  });

  it("works once the server is stopped, and what it wrote survives the next start", async () => {
    const created = await run(
      ["keys", "create", "--tenant", tenantId, "--role", "viewer", "--name", "Nach dem Betrieb"],
      folder,
    );
    expect(created.code, created.out).toBe(0);
    const viewerKey = /(oha_[A-Za-z0-9_-]{20,})/.exec(created.out)?.[1] as string;
    expect(viewerKey, created.out).toBeDefined();
    expect(existsSync(lockFile), "the command gives the lock back").toBe(false);

    const server = await start(folder);
    try {
      const me = await as(server.url, viewerKey, "/api/v1/me");
      expect(me.status).toBe(200);
      expect((me.body.principal as { role: string }).role).toBe("viewer");
      expect(await keyNames(server.url, adminKey)).toContain("Nach dem Betrieb");
      expect(await keyNames(server.url, adminKey)).not.toContain("Während des Betriebs");
    } finally {
      expect(await stop(server)).toBe(0);
    }
  });

  it("takes over a lock whose process has ended", async () => {
    const ended = spawnSync(process.execPath, ["-e", ""]).pid;
    const stale = { pid: ended, host: hostname(), by: "server", since: "2026-01-01T00:00:00.000Z" };
    writeFileSync(lockFile, JSON.stringify(stale));
    const tenants = await run(["tenants"], folder);
    expect(tenants.code, tenants.out).toBe(0);
    expect(tenants.out).toContain(tenantId);
    expect(existsSync(lockFile)).toBe(false);

    // A lock held by a live process (this test's) is not taken over.
    writeFileSync(lockFile, JSON.stringify({ ...stale, pid: process.pid, by: "oha import" }));
    const refused = await run(["tenants"], folder);
    expect(refused.code).toBe(75);
    expect(refused.out).toContain("vom Befehl „oha import“");
    expect(JSON.parse(readFileSync(lockFile, "utf8"))).toMatchObject({ pid: process.pid });
    rmSync(lockFile);
  });
});
