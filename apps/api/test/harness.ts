// The API's integration tests run through `app.request()` against a real store: PGlite always, and a
// PostgreSQL server when one is reachable (in CI, `CI=true`, it must be). Each test file opens one
// store per backend; on PostgreSQL it gets a database of its own, created for it and dropped after.
import { randomBytes } from "node:crypto";
import { type Role, entities as registry } from "@oha/domain";
import { osterodeIds } from "@oha/domain/example";
import { connect, openStore, type Store } from "@oha/store";
import { createApp } from "../src/app.js";
import { memoryCache } from "../src/cache.js";
import { type Config, loadConfig } from "../src/config.js";
import type { AppDeps } from "../src/env.js";
import { jsonLogger } from "../src/logger.js";
import type { Problem } from "../src/problems.js";
import { ensureFirstTenant } from "../src/setup.js";

/** The PostgreSQL server the tests create their databases on. */
export const serverUrl = process.env.TEST_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/test";

/** A store to test against, and how to remove it afterwards. */
export interface OpenedStore {
  readonly store: Store;
  /** On PostgreSQL: the database's connection string, for a second process on the same data. */
  readonly databaseUrl?: string;
  dispose(): Promise<void>;
}

export interface Backend {
  readonly name: "pglite" | "postgres";
  open(): Promise<OpenedStore>;
}

/** Runs one statement on the server's maintenance connection. */
async function onServer(statement: string, url = serverUrl): Promise<void> {
  const connection = await connect({ databaseUrl: url, maxConnections: 1 });
  if (connection.kind !== "postgres") throw new Error("Expected a PostgreSQL connection.");
  try {
    await connection.client.unsafe(statement);
  } finally {
    await connection.client.end({ timeout: 1 });
  }
}

async function unreachable(url: string): Promise<string | undefined> {
  const probe = new URL(url);
  probe.searchParams.set("connect_timeout", "3");
  try {
    await onServer("select 1", probe.toString());
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

const pglite: Backend = {
  name: "pglite",
  async open() {
    const store = await openStore({ dataDir: "memory://" });
    return { store, dispose: () => store.close() };
  },
};

const postgresBackend: Backend = {
  name: "postgres",
  async open() {
    const name = `oha_api_test_${randomBytes(6).toString("hex")}`;
    await onServer(`create database ${name}`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    const store = await openStore({ databaseUrl: url.toString(), maxConnections: 4 });
    return {
      store,
      databaseUrl: url.toString(),
      async dispose() {
        await store.close();
        await onServer(`drop database if exists ${name} with (force)`);
      },
    };
  },
};

/** The backends of this run: PostgreSQL is left out only outside CI when no server answers. */
async function testBackends(): Promise<Backend[]> {
  const problem = await unreachable(serverUrl);
  if (!problem) return [pglite, postgresBackend];
  if (process.env.CI === "true") {
    throw new Error(`PostgreSQL is required in CI but ${serverUrl} cannot be reached: ${problem}`);
  }
  console.warn(`PostgreSQL at ${serverUrl} is not reachable (${problem}); running against PGlite only.`);
  return [pglite];
}

export const backends = await testBackends();

/** A record as the API returns it. */
export type Rec = Record<string, unknown> & {
  readonly id: string;
  readonly version: number;
  readonly deleted: boolean;
};
/** A page of a list. */
export interface Page {
  readonly items: Rec[];
  readonly total: number;
  readonly limit: number;
  readonly offset: number;
}
export type { Problem };

/** What a test request sends. */
export interface Call {
  /** The bearer token; leave out for none. */
  readonly key?: string | undefined;
  /** Sent as JSON. */
  readonly json?: unknown;
  /** Sent as it is (for malformed bodies). */
  readonly raw?: string;
  readonly headers?: Record<string, string>;
  /** The peer's address, as the Node server reports it. */
  readonly from?: string;
}

/** What the app answered, with the body parsed when it is JSON. */
export interface Reply<T> {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  readonly body: T;
}

/** Who the tests act as: one API key per role in tenant A (Osterode) and two in tenant B. */
export interface Keys {
  readonly admin: string;
  readonly coordinator: string;
  readonly partner: string;
  readonly viewer: string;
  readonly adminB: string;
  readonly coordinatorB: string;
}

/** The actor the partner key acts for. */
export const partnerActorId = osterodeIds.actors.provider;
/** Another actor, whose measures the partner may not change. */
export const otherActorId = osterodeIds.actors.jobCentre;

/** A running app on a seeded store. */
export interface TestApp {
  readonly backend: Backend["name"];
  readonly store: Store;
  /** On PostgreSQL: the database's connection string, for a second process on the same data. */
  readonly databaseUrl?: string | undefined;
  readonly app: ReturnType<typeof createApp>;
  readonly config: Config;
  /** Tenant A, seeded with the Osterode am Harz example. */
  readonly tenantA: string;
  /** Tenant B, empty but for its region. */
  readonly tenantB: string;
  readonly keys: Keys;
  /** Every log line the app wrote. */
  readonly logs: string[];
  request<T = Rec>(method: string, path: string, call?: Call): Promise<Reply<T>>;
  /** Another app on the same store, e.g. with other limits. */
  another(env?: Record<string, string>, deps?: Partial<AppDeps>): TestApp;
  close(): Promise<void>;
}

/** Limits high enough that a test file's many requests never reach them. */
const roomyLimits = {
  OHA_RATE_LIMIT_PER_MINUTE: "100000",
  OHA_AUTH_FAILURES_PER_MINUTE: "100000",
  OHA_EXPORTS_PER_MINUTE: "100000",
};

async function newKey(store: Store, tenantId: string, role: Role, actorId?: string): Promise<string> {
  const created = await store.apiKeys.create({
    tenantId,
    role,
    name: `Test ${role}`,
    ...(actorId ? { actorId } : {}),
  });
  if (!created.ok) throw new Error(created.error.message);
  return created.value.secret;
}

function appOn(
  backend: Backend["name"],
  opened: OpenedStore,
  world: { tenantA: string; tenantB: string; keys: Keys },
  env: Record<string, string>,
  extra: Partial<AppDeps>,
): TestApp {
  const logs: string[] = [];
  const config = loadConfig({ ...roomyLimits, ...env });
  const app = createApp({
    store: opened.store,
    config,
    logger: jsonLogger("debug", (line) => logs.push(line)),
    cache: memoryCache(),
    ...extra,
  });
  return {
    backend,
    store: opened.store,
    databaseUrl: opened.databaseUrl,
    app,
    config,
    ...world,
    logs,
    async request<T>(method: string, path: string, call: Call = {}): Promise<Reply<T>> {
      const headers: Record<string, string> = { ...call.headers };
      if (call.key) headers.authorization = `Bearer ${call.key}`;
      let body: string | undefined;
      if (call.json !== undefined || call.raw !== undefined) {
        body = call.raw ?? JSON.stringify(call.json);
        headers["content-type"] ??= "application/json";
      }
      const env = call.from ? { incoming: { socket: { remoteAddress: call.from } } } : undefined;
      const init = { method, headers, ...(body !== undefined ? { body } : {}) };
      const response = await app.request(path, init, env);
      const text = await response.text();
      const type = response.headers.get("content-type") ?? "";
      const parsed = type.includes("json") && text ? (JSON.parse(text) as T) : (text as T);
      return { status: response.status, headers: response.headers, text, body: parsed };
    },
    another(moreEnv = {}, moreDeps = {}) {
      return appOn(backend, opened, world, { ...env, ...moreEnv }, { ...extra, ...moreDeps });
    },
    close: () => opened.dispose(),
  };
}

/**
 * Opens a store on the backend, seeds tenant A with the Osterode example (as a first start does),
 * creates an empty tenant B and one API key per role, and builds the app on it.
 */
export async function openTestApp(
  backend: Backend,
  env: Record<string, string> = {},
  deps: Partial<AppDeps> = {},
): Promise<TestApp> {
  const opened = await backend.open();
  try {
    const first = await ensureFirstTenant(opened.store);
    if (!first.created) throw new Error("Expected an empty database.");
    const tenantA = first.tenantId;
    const b = await opened.store.createTenant({ name: "Landkreis Beispielstadt", kind: "district" }, "test");
    if (!b.ok) throw new Error(b.error.message);
    const tenantB = b.value.id;
    const keys: Keys = {
      admin: first.adminKey,
      coordinator: await newKey(opened.store, tenantA, "coordinator"),
      partner: await newKey(opened.store, tenantA, "partner", partnerActorId),
      viewer: await newKey(opened.store, tenantA, "viewer"),
      adminB: await newKey(opened.store, tenantB, "admin"),
      coordinatorB: await newKey(opened.store, tenantB, "coordinator"),
    };
    return appOn(backend.name, opened, { tenantA, tenantB, keys }, env, deps);
  } catch (error) {
    await opened.dispose();
    throw error;
  }
}

/** The path of each entity's routes, as mounted by the app. */
export const entityPaths = Object.fromEntries(
  Object.entries(registry)
    .filter(([name]) => name !== "region")
    .map(([name, def]) => [name, `/api/v1/${def.plural}`]),
) as Record<Exclude<keyof typeof registry, "region">, string>;

/** The fields every record carries beside the entity's own; a create input leaves them out. */
export function createInputOf(record: object): Record<string, unknown> {
  const { id: _i, version: _v, createdAt: _c, updatedAt: _u, deleted: _d, ...input } = record as Rec;
  return input;
}

/** Asserts a problem+json answer and returns its document. */
export function problemOf(reply: Reply<unknown>): Problem {
  const type = reply.headers.get("content-type");
  if (!type?.startsWith("application/problem+json")) {
    throw new Error(`Expected application/problem+json, got ${type} (${reply.status}): ${reply.text}`);
  }
  return reply.body as Problem;
}
