// The edge entry (Cloudflare Workers and other runtimes with the Workers `fetch` interface).
// The app is the same as on Node; only the database connection is made here, one per request,
// because edge runtimes do not let a connection outlive the request that opened it.
// Configuration comes from the environment bindings; DATABASE_URL or a Hyperdrive binding
// must point to a PostgreSQL database that `oha migrate` has prepared.
import { openPostgresStore } from "@oha/store/postgres";
import { createApp } from "../app.js";
import { loadConfig } from "../config.js";
import { jsonLogger } from "../logger.js";

/** The bindings the worker reads. */
export interface WorkerEnv {
  readonly DATABASE_URL?: string;
  readonly HYPERDRIVE?: { readonly connectionString: string };
  readonly [name: string]: unknown;
}

/** The execution context of a request. */
export interface WorkerContext {
  waitUntil(promise: Promise<unknown>): void;
  passThroughOnException(): void;
  readonly props: unknown;
}

function settings(env: WorkerEnv): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).filter((entry): entry is [string, string] => typeof entry[1] === "string"),
  );
}

export default {
  async fetch(request: Request, env: WorkerEnv, ctx: WorkerContext): Promise<Response> {
    const config = loadConfig(settings(env));
    const databaseUrl = env.HYPERDRIVE?.connectionString ?? env.DATABASE_URL;
    if (!databaseUrl)
      return new Response("DATABASE_URL or a HYPERDRIVE binding is required.", { status: 500 });
    const store = openPostgresStore({ databaseUrl, maxConnections: 1 });
    const app = createApp({ store, config, logger: jsonLogger(config.OHA_LOG_LEVEL) });
    try {
      return await app.fetch(request, env, ctx);
    } finally {
      ctx.waitUntil(store.close());
    }
  },
};
