// The edge entry (Cloudflare Workers and other runtimes with the Workers `fetch` interface, with
// the `nodejs_compat` flag). The app is the same as on Node and is built once per isolate; only
// the database connection is made per request, because edge runtimes do not let a connection
// outlive the request that opened it. Configuration comes from the environment bindings;
// DATABASE_URL or a Hyperdrive binding must point to a PostgreSQL database that `oha migrate`
// has prepared. What the edge cannot do (the embedded database, PDF files, the admin UI's files)
// is left out of the app's dependencies, and the app answers those requests with 501.
import { AsyncLocalStorage } from "node:async_hooks";
import { pickLocale } from "@oha/domain";
import type { Store } from "@oha/store";
import { openPostgresStore } from "@oha/store/postgres";
import { createApp } from "../app.js";
import { memoryCache } from "../cache.js";
import { loadConfig } from "../config.js";
import { jsonLogger } from "../logger.js";
import { type ProblemCode, problemBody } from "../problems.js";
import { requestScopedStore } from "./request-store.js";

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

/** The request's own store, for the app's request-scoped store. */
const requestStore = new AsyncLocalStorage<Store>();
const store = requestScopedStore(() => {
  const current = requestStore.getStore();
  if (!current) throw new Error("The store is used outside a request.");
  return current;
});

type App = ReturnType<typeof createApp>;
/** The app of this isolate, per bindings object (a runtime passes the same one to every request). */
const apps = new WeakMap<object, App>();

function appFor(env: WorkerEnv): App {
  let app = apps.get(env);
  if (!app) {
    const config = loadConfig(settings(env));
    app = createApp({
      store,
      config,
      logger: jsonLogger(config.OHA_LOG_LEVEL),
      // Analytics results per tenant and data version, for the requests this isolate serves.
      cache: memoryCache(50),
      // No renderPdf: PDF documents need the file system (fonts); those routes answer 501.
    });
    apps.set(env, app);
  }
  return app;
}

function problemResponse(request: Request, code: ProblemCode, detail: { de: string; en: string }) {
  const locale = pickLocale(request.headers.get("accept-language"));
  const body = problemBody(code, locale, { detail: detail[locale], instance: new URL(request.url).pathname });
  return new Response(JSON.stringify(body), {
    status: body.status,
    headers: { "content-type": "application/problem+json" },
  });
}

export default {
  async fetch(request: Request, env: WorkerEnv, ctx: WorkerContext): Promise<Response> {
    const databaseUrl = env.HYPERDRIVE?.connectionString ?? env.DATABASE_URL;
    if (!databaseUrl)
      return problemResponse(request, "not_implemented", {
        de: "Die eingebettete Datenbank gibt es auf der Edge nicht: DATABASE_URL oder eine HYPERDRIVE-Bindung auf eine PostgreSQL-Datenbank setzen.",
        en: "The embedded database is not available on the edge: set DATABASE_URL or a HYPERDRIVE binding to a PostgreSQL database.",
      });
    let app: App;
    try {
      app = appFor(env);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return problemResponse(request, "internal", {
        de: `Die Konfiguration des Workers ist ungültig. ${message}`,
        en: `The worker's configuration is invalid. ${message}`,
      });
    }
    const own = openPostgresStore({ databaseUrl, maxConnections: 1 });
    try {
      // The peer's address for the rate limits: on Cloudflare the platform sets CF-Connecting-IP
      // (a client cannot), as @hono/node-server reports the socket's address on Node.
      const ip = request.headers.get("cf-connecting-ip") ?? undefined;
      return await requestStore.run(own, () => app.fetch(request, { ...env, ip }, ctx));
    } finally {
      ctx.waitUntil(own.close());
    }
  },
};
