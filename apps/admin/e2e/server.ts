import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
/** The admin package's folder. */
export const adminDir = resolve(here, "..");
const entry = resolve(adminDir, "../api/dist/entry/node.js");

/** A running OHA server on a fresh data folder. */
export interface TestServer {
  readonly url: string;
  readonly adminKey: string;
  readonly output: () => string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.unref();
    probe.on("error", fail);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === "object" && address ? done(address.port) : fail(new Error("no port")),
      );
    });
  });
}

async function waitFor(check: () => Promise<boolean>, what: string, timeoutMs: number, output: () => string) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`Timed out waiting for ${what}. Server output:\n${output()}`);
}

/**
 * Starts the real server (`apps/api/dist`, built by turbo before the tests) on a free port with
 * a fresh data folder, reads the admin key it prints on first start and waits until it is ready
 * and serves the UI.
 */
export async function startServer(): Promise<TestServer> {
  if (!existsSync(entry))
    throw new Error(`${entry} is missing: build the API first (pnpm --filter @oha/api build).`);
  if (!existsSync(join(adminDir, "dist", "index.html")))
    throw new Error("apps/admin/dist is missing: build the UI first (pnpm --filter @oha/admin build).");
  const port = await freePort();
  const dataDir = await mkdtemp(join(tmpdir(), "oha-admin-e2e-"));
  let log = "";
  const child: ChildProcess = spawn(process.execPath, [entry], {
    cwd: adminDir,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      OHA_DATA_DIR: dataDir,
      OHA_LOG_LEVEL: "silent",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (chunk: Buffer) => {
    log += chunk.toString("utf8");
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    log += chunk.toString("utf8");
  });
  const output = () => log;
  const url = `http://127.0.0.1:${port}`;
  let adminKey = "";
  await waitFor(
    async () => {
      if (child.exitCode !== null) throw new Error(`The server exited with ${child.exitCode}:\n${log}`);
      // The key is printed once, on the line after "Admin-API-Schlüssel".
      const lines = log.split("\n");
      const at = lines.findIndex((line) => line.includes("Admin-API-Schlüssel"));
      const key = at >= 0 ? lines[at + 1]?.trim() : undefined;
      if (key) adminKey = key;
      return Boolean(adminKey);
    },
    "the admin API key",
    600_000,
    output,
  );
  await waitFor(async () => (await fetch(`${url}/readyz`)).ok, "/readyz", 600_000, output);
  await waitFor(
    async () => (await (await fetch(`${url}/actors`)).text()).includes('<div id="root">'),
    "the UI at /actors (SPA fallback to apps/admin/dist)",
    600_000,
    output,
  );
  return {
    url,
    adminKey,
    output,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once("exit", r));
        child.kill("SIGTERM");
        await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
        if (child.exitCode === null) child.kill("SIGKILL");
      }
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Calls the API directly (test setup: keys, records changed behind the UI's back). */
export async function apiCall<T>(
  server: TestServer,
  key: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: T; etag: string | null }> {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: {
      Authorization: `Bearer ${key}`,
      ...(body !== undefined ? { "Content-Type": "application/json" } : {}),
      ...headers,
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  return {
    status: res.status,
    body: (text ? JSON.parse(text) : undefined) as T,
    etag: res.headers.get("etag"),
  };
}
