// The API's two runtime entries as real servers on 127.0.0.1, each on a fresh PostgreSQL database
// that the operator CLI has migrated: the Node server (dist/entry/node.js, a child process) and the
// edge bundle (dist/edge/worker.js) in workerd through Miniflare. Used by the HTTP smoke suites and
// the edge benchmark.
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { osterodeIds } from "@oha/domain/example";
import type { Store } from "@oha/store";
import { openPostgresStore } from "@oha/store/postgres";
import { Miniflare } from "miniflare";
import postgres from "postgres";

const here = dirname(fileURLToPath(import.meta.url));
export const nodeEntry = resolve(here, "../../dist/entry/node.js");
export const workerBundle = resolve(here, "../../dist/edge/worker.js");
const cli = resolve(here, "../../dist/cli.js");

/** The PostgreSQL server the databases are created on. */
export const serverUrl = process.env.TEST_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/test";

/** The Workers compatibility settings the edge entry is tested with (also in the README). */
export const compatibilityDate = "2026-04-01";
export const compatibilityFlags = ["nodejs_compat"];

/** Who the suites act as: tenant A is the seeded Osterode example, tenant B an empty district. */
export interface Keys {
  readonly admin: string;
  readonly coordinator: string;
  readonly viewer: string;
  readonly adminB: string;
}

export interface World {
  readonly databaseUrl: string;
  readonly tenantA: string;
  readonly tenantB: string;
  readonly keys: Keys;
  /** Drops the database. */
  drop(): Promise<void>;
}

/** A running entry of the API. */
export interface Running {
  readonly runtime: "node" | "workerd";
  /** The base URL, e.g. http://127.0.0.1:41234 (no trailing slash). */
  readonly base: string;
  /** Whether this entry renders PDF documents (the edge entry does not: 501). */
  readonly pdf: boolean;
  /** What the server wrote (the Node server's output; workerd logs go to this process). */
  output(): string;
  stop(): Promise<void>;
}

/** Limits high enough that a suite's or a benchmark's requests never reach them. */
export const roomyLimits = {
  OHA_RATE_LIMIT_PER_MINUTE: "100000000",
  OHA_AUTH_FAILURES_PER_MINUTE: "100000",
  OHA_EXPORTS_PER_MINUTE: "100000",
};

async function onServer(statement: string): Promise<void> {
  const sql = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    await sql.unsafe(statement);
  } finally {
    await sql.end({ timeout: 1 });
  }
}

function runCli(args: string[], env: Record<string, string>): Promise<string> {
  return new Promise((ok, fail) => {
    const child = spawn(process.execPath, [cli, ...args], {
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    child.stdout?.on("data", (c: Buffer) => {
      out += c.toString();
    });
    child.stderr?.on("data", (c: Buffer) => {
      out += c.toString();
    });
    child.on("exit", (code) => (code === 0 ? ok(out) : fail(new Error(`oha ${args.join(" ")}: ${out}`))));
  });
}

async function newKey(store: Store, tenantId: string, role: "admin" | "coordinator" | "viewer") {
  const created = await store.apiKeys.create({ tenantId, role, name: `Smoke ${role}` });
  if (!created.ok) throw new Error(created.error.message);
  return created.value.secret;
}

/**
 * Creates a database, migrates it with the operator CLI (`oha migrate`, as a deployment does),
 * seeds tenant A with the Osterode example and creates tenant B and the keys.
 * `fill` may add more records (the benchmark does) through the store.
 */
export async function freshWorld(fill?: (store: Store, tenantA: string) => Promise<void>): Promise<World> {
  for (const file of [cli, nodeEntry, workerBundle])
    if (!existsSync(file)) throw new Error(`${file} is missing: build the API first (pnpm build).`);
  const name = `oha_http_${randomBytes(6).toString("hex")}`;
  await onServer(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  const drop = () => onServer(`drop database if exists ${name} with (force)`);
  try {
    await runCli(["migrate"], { DATABASE_URL: databaseUrl });
    const store = openPostgresStore({ databaseUrl, maxConnections: 2 });
    try {
      const seeded = await store.seedExampleTenant("smoke");
      if (!seeded.ok) throw new Error(seeded.error.message);
      const tenantA = seeded.value.id;
      const b = await store.createTenant({ name: "Landkreis Beispielstadt", kind: "district" }, "smoke");
      if (!b.ok) throw new Error(b.error.message);
      const tenantB = b.value.id;
      const keys: Keys = {
        admin: await newKey(store, tenantA, "admin"),
        coordinator: await newKey(store, tenantA, "coordinator"),
        viewer: await newKey(store, tenantA, "viewer"),
        adminB: await newKey(store, tenantB, "admin"),
      };
      await fill?.(store, tenantA);
      return { databaseUrl, tenantA, tenantB, keys, drop };
    } finally {
      await store.close();
    }
  } catch (error) {
    await drop();
    throw error;
  }
}

/** The actor whose measures the suites read (a provider of the example). */
export const exampleProvider = osterodeIds.actors.provider;

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

/** Waits until the server answers /readyz, polling a bounded number of times. */
async function ready(base: string, alive: () => string | undefined, tries = 400): Promise<void> {
  for (let i = 0; i < tries; i++) {
    const dead = alive();
    if (dead) throw new Error(dead);
    try {
      if ((await fetch(`${base}/readyz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${base} did not become ready`);
}

/** Starts the Node server (dist/entry/node.js) on the database. */
export async function startNode(databaseUrl: string, env: Record<string, string> = {}): Promise<Running> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [nodeEntry], {
    env: {
      ...process.env,
      ...roomyLimits,
      PORT: String(port),
      HOST: "127.0.0.1",
      DATABASE_URL: databaseUrl,
      OHA_SEED_EXAMPLE: "false",
      OHA_LOG_LEVEL: "silent",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout?.on("data", (c: Buffer) => {
    out += c.toString();
  });
  child.stderr?.on("data", (c: Buffer) => {
    out += c.toString();
  });
  const base = `http://127.0.0.1:${port}`;
  try {
    await ready(base, () => (child.exitCode !== null ? `the Node server exited early:\n${out}` : undefined));
  } catch (error) {
    child.kill("SIGKILL");
    throw error;
  }
  return {
    runtime: "node",
    base,
    pdf: true,
    output: () => out,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((ok) => child.once("exit", ok));
      child.kill("SIGTERM");
      await exited;
    },
  };
}

/**
 * Starts the edge bundle in workerd (Miniflare) with DATABASE_URL bound to the database; without
 * one, waits only until workerd answers at all.
 */
export async function startWorkerd(
  databaseUrl: string | undefined,
  env: Record<string, string> = {},
): Promise<Running> {
  const port = await freePort();
  const mf = new Miniflare({
    modules: true,
    scriptPath: workerBundle,
    compatibilityDate,
    compatibilityFlags,
    bindings: {
      ...roomyLimits,
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
      OHA_LOG_LEVEL: "silent",
      ...env,
    },
    host: "127.0.0.1",
    port,
  });
  const url = await mf.ready;
  const base = url.origin;
  if (databaseUrl) await ready(base, () => undefined);
  return { runtime: "workerd", base, pdf: false, output: () => "", stop: () => mf.dispose() };
}
