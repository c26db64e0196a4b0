import { OpenAPIHono } from "@hono/zod-openapi";
import { pickLocale } from "@oha/domain";
import type { Context } from "hono";
import { bodyLimit } from "hono/body-limit";
import { cors } from "hono/cors";
import { etag } from "hono/etag";
import { HTTPException } from "hono/http-exception";
import { requestId } from "hono/request-id";
import { secureHeaders } from "hono/secure-headers";
import { rateLimiter } from "hono-rate-limiter";
import { registerDocs } from "./docs.js";
import type { AppDeps, AppEnv } from "./env.js";
import { problem, validationHook } from "./http.js";
import { refuseNulInBody, refuseNulInUrl, refuseOtherCharsets } from "./input-guard.js";
import { errorFields, sqlStateOf } from "./logger.js";
import { authenticate, oidcVerifier } from "./middleware/auth.js";
import { signInLimit } from "./middleware/sign-in-limit.js";
import { type ProblemCode, ProblemError } from "./problems.js";
import { registerRoutes } from "./routes/index.js";

export const apiTitle = "OHA API – Koordinierung Übergang Schule–Beruf";
export const apiVersion = "1.0.0";

/**
 * The client's address, for the limits. Address headers are set by whoever sends the request: only
 * a trusted proxy's count, otherwise a client could dodge the limits by changing them (or lock others
 * out by copying theirs). Behind `hops` trusted proxies, each of which appends the address it saw to
 * `X-Forwarded-For` (nginx: `$proxy_add_x_forwarded_for`), the client is the `hops`-th entry from the
 * right: everything left of it was sent by the client itself and proves nothing.
 */
export function clientAddress(c: Context<AppEnv>, trustProxy: boolean, hops = 1): string {
  if (trustProxy) {
    const chain = (c.req.header("x-forwarded-for") ?? "")
      .split(",")
      .map((entry) => entry.trim())
      .filter(Boolean);
    const forwarded =
      chain[Math.max(0, chain.length - hops)] ||
      c.req.header("x-real-ip") ||
      c.req.header("cf-connecting-ip");
    if (forwarded) return forwarded;
  }
  // The peer's address as the runtime reports it (@hono/node-server passes the Node request as `incoming`).
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } }; ip?: string } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? env?.ip ?? "local";
}

/** The problems of Hono's own HTTP errors (body limit, media type gate, …); any other is a malformed request. */
const httpProblems: Partial<Record<number, ProblemCode>> = {
  401: "unauthorized",
  404: "not_found",
  413: "payload_too_large",
  415: "unsupported_media_type",
};

/**
 * Creates the OHA HTTP API. Runtime specifics (the server, the database) come in through `deps`,
 * so the same app runs on Node and on edge runtimes.
 */
export function createApp(deps: AppDeps) {
  const { config, logger } = deps;
  const verifier = deps.verifyToken ?? oidcVerifier(config);
  const resolved: AppDeps = verifier ? { ...deps, verifyToken: verifier } : deps;
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  const clientKey = (c: Context<AppEnv>) => clientAddress(c, config.OHA_TRUST_PROXY, config.OHA_PROXY_HOPS);
  const tls = (c: Context<AppEnv>) =>
    config.OHA_HSTS ||
    (config.OHA_TRUST_PROXY && c.req.header("x-forwarded-proto") === "https") ||
    c.req.url.startsWith("https:");

  app.use("*", requestId({ headerName: "X-Request-Id" }));
  app.use("*", async (c, next) => {
    c.set("deps", resolved);
    c.set("locale", pickLocale(c.req.header("accept-language")));
    const started = performance.now();
    await next();
    const principal = c.get("principal");
    logger.log(c.res.status >= 500 ? "error" : "info", "request", {
      requestId: c.get("requestId"),
      method: c.req.method,
      path: new URL(c.req.url).pathname,
      status: c.res.status,
      durationMs: Math.round((performance.now() - started) * 10) / 10,
      tenant: principal?.tenantId,
      principal: principal?.id,
    });
  });
  app.use(
    "*",
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        // Everything comes from this server, the API reference's script too (no CDN, no web fonts):
        // it works in a network without internet access. The reference injects its styles inline.
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        fontSrc: ["'self'", "data:"],
        imgSrc: ["'self'", "data:"],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
      },
      strictTransportSecurity: false,
      crossOriginEmbedderPolicy: false,
    }),
  );
  app.use("*", async (c, next) => {
    await next();
    if (tls(c)) c.res.headers.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
  });
  app.use(
    "*",
    cors({
      origin: (origin) =>
        config.OHA_CORS_ORIGINS.includes("*") || config.OHA_CORS_ORIGINS.includes(origin) ? origin : null,
      allowHeaders: ["Authorization", "Content-Type", "If-Match", "Idempotency-Key", "Accept-Language"],
      exposeHeaders: ["ETag", "Location", "X-Request-Id", "RateLimit", "RateLimit-Policy", "Retry-After"],
      maxAge: 600,
    }),
  );
  app.use("/api/*", async (c, next) => {
    await next();
    // Records hold personal data (contacts): never let shared caches keep API answers, errors included.
    if (!c.res.headers.has("Cache-Control")) c.res.headers.set("Cache-Control", "no-store");
  });
  // A URL with NUL (%00) in its path or query is refused before any route reads it.
  app.use("*", refuseNulInUrl);
  const limitExceeded = (c: Context<AppEnv>) => problem(c, "rate_limited");
  // The open interfaces (public catalogue, OParl, Open Referral HSDS): anyone may read them from any
  // site, caches may keep them, clients revalidate by ETag. They share one rate limit per client.
  const openLimit = rateLimiter<AppEnv>({
    windowMs: 60_000,
    limit: config.OHA_RATE_LIMIT_PER_MINUTE,
    standardHeaders: "draft-7",
    keyGenerator: (c) => `public:${clientKey(c)}`,
    handler: limitExceeded,
  });
  for (const open of ["/public/*", "/oparl/*", "/hsds/*"]) {
    app.use(open, cors({ origin: "*", allowMethods: ["GET"] }));
    app.use(open, openLimit);
    app.use(open, etag());
  }
  // Failed sign-ins are limited per client address, far below the general limit; successes are not.
  app.use(
    "/api/*",
    signInLimit({ limit: config.OHA_AUTH_FAILURES_PER_MINUTE, windowMs: 60_000, keyOf: clientKey }),
  );
  app.use("/api/*", async (c, next) => {
    const isImport = c.req.path.endsWith("/import");
    return bodyLimit({
      maxSize: isImport ? config.OHA_IMPORT_BODY_LIMIT_BYTES : config.OHA_BODY_LIMIT_BYTES,
      onError: (ctx) => problem(ctx as Context<AppEnv>, "payload_too_large"),
    })(c, next);
  });
  app.use(
    "/api/*",
    authenticate(() => undefined),
  );
  app.use(
    "/api/*",
    rateLimiter<AppEnv>({
      windowMs: 60_000,
      limit: config.OHA_RATE_LIMIT_PER_MINUTE,
      standardHeaders: "draft-7",
      keyGenerator: (c) => `all:${c.get("principal")?.id ?? clientKey(c)}`,
      handler: limitExceeded,
    }),
  );
  app.use("/api/*", refuseOtherCharsets);
  app.use("/api/*", refuseNulInBody);
  app.use(
    "/api/v1/tenant/export",
    rateLimiter<AppEnv>({
      windowMs: 60_000,
      limit: config.OHA_EXPORTS_PER_MINUTE,
      standardHeaders: "draft-7",
      keyGenerator: (c) => `export:${c.get("principal")?.id ?? "anonymous"}`,
      handler: limitExceeded,
    }),
  );

  app.onError((error, c) => {
    if (error instanceof ProblemError) return problem(c, error.code, error);
    if (error instanceof HTTPException) {
      const code = httpProblems[error.status] ?? "malformed_request";
      return problem(c, code, new ProblemError(code, { detail: error.message }));
    }
    if (error instanceof SyntaxError) return problem(c, "malformed_request");
    // Text the database cannot take (a byte sequence it refuses) is the request's fault, not ours.
    const sqlState = sqlStateOf(error);
    if (sqlState === "22021" || sqlState === "22P05") return problem(c, "malformed_request");
    // Never the error's message as it is: a failed query's message holds the submitted values.
    logger.log("error", "unhandled error", { requestId: c.get("requestId"), ...errorFields(error) });
    return problem(c, "internal");
  });
  app.notFound((c) => problem(c, "not_found"));

  const routed = registerRoutes(app);

  app.doc31("/openapi.json", (c) => ({
    openapi: "3.1.0",
    info: {
      title: apiTitle,
      version: apiVersion,
      description:
        "Die Programmierschnittstelle von OHA für Koordinierungsstellen am Übergang Schule–Beruf. / The API of OHA for coordination offices at the transition from school to work.",
      license: { name: "EUPL-1.2", identifier: "EUPL-1.2" },
    },
    servers: [{ url: config.OHA_PUBLIC_URL ?? new URL(c.req.url).origin }],
  }));
  app.openAPIRegistry.registerComponent("securitySchemes", "bearer", {
    type: "http",
    scheme: "bearer",
    description: "An OHA API key (oha_…) or an OIDC access token of the district's identity provider.",
  });
  registerDocs(app, apiTitle, deps.docsAssets);
  const serveAssets = deps.serveAssets;
  if (serveAssets) {
    // Everything the API answers itself, so an unknown path there is a JSON 404, never the UI's page.
    const apiPath = /^\/(api|public|oparl|hsds|openapi\.json|docs|healthz|readyz)(\/|$)/;
    app.on(["GET", "HEAD"], "*", (c, next) => (apiPath.test(c.req.path) ? next() : serveAssets(c, next)));
  }
  return routed;
}

/** The type of the app, for the typed client. */
export type App = ReturnType<typeof createApp>;
