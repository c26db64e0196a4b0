import { existsSync, readdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { serveStatic } from "@hono/node-server/serve-static";
import type { Context, MiddlewareHandler } from "hono";
import { getMimeType } from "hono/utils/mime";
import type { DocsAssets } from "../env.js";

const here = dirname(fileURLToPath(import.meta.url));

/** Where the built admin UI lies: `OHA_ADMIN_DIST`, or apps/admin/dist beside this app. */
export function adminDist(env: Record<string, string | undefined>): string | undefined {
  const candidates = [
    env.OHA_ADMIN_DIST,
    resolve(here, "../../../admin/dist"),
    resolve(here, "../../admin/dist"),
  ];
  return candidates.find((dir): dir is string => !!dir && existsSync(resolve(dir, "index.html")));
}

/** The answer for files that are never served (source maps) and for missing hashed assets. */
const notFound = (c: Context) => c.notFound();

/** Types a browser gets compressed: text, scripts, styles, JSON, SVG. */
const compressible = (path: string) =>
  /^(text\/|application\/(javascript|json|manifest\+json|xml)|image\/svg\+xml)/.test(getMimeType(path) ?? "");

/**
 * Files from a folder as the build left them, with the brotli (`.br`) and gzip (`.gz`) copies
 * written at build time chosen by `Accept-Encoding` (`Content-Encoding` set); every compressible
 * file says `Vary: Accept-Encoding`, so a shared cache keeps one copy per encoding. Source maps
 * are never served.
 */
function precompressed(root: string, rewrite?: (path: string) => string): MiddlewareHandler {
  const files = serveStatic({
    root,
    precompressed: true,
    ...(rewrite ? { rewriteRequestPath: rewrite } : {}),
  });
  return async (c, next) => {
    if (c.req.path.endsWith(".map")) return notFound(c);
    const res = await files(c, next);
    if (res && compressible(c.req.path)) res.headers.set("Vary", "Accept-Encoding");
    return res;
  };
}

/** Cache rules: hashed file names never change (a year, immutable); the page that names them is revalidated. */
const immutable = "public, max-age=31536000, immutable";

/**
 * Serves the admin UI's files. Hashed assets (`/assets/…`) may be kept for a year; index.html
 * is revalidated on every load, so a new version is picked up at once. Any other path gets
 * index.html so the UI's own router can show it (reloads and deep links keep working); a missing
 * asset or source map answers 404 instead, never the page.
 */
export function adminAssets(root: string): MiddlewareHandler {
  const files = precompressed(root);
  const index = serveStatic({ root, path: "index.html", precompressed: true });
  return async (c, next) => {
    const path = c.req.path;
    if (path.endsWith(".map")) return notFound(c);
    const asset = path.startsWith("/assets/");
    // serveStatic answers with a Response; it must become the context's response.
    const res = await files(c, async () => {
      if (asset) return;
      const fallback = await index(c, next);
      if (fallback) c.res = fallback;
    });
    if (res) c.res = res;
    else if (asset) c.res = await notFound(c);
    if (c.res.status !== 200) return;
    if (c.res.headers.get("Content-Type")?.startsWith("text/html")) {
      c.header("Cache-Control", "no-cache");
      c.header("Vary", "Accept-Encoding");
    } else if (asset) c.header("Cache-Control", immutable);
  };
}

/** Where the API reference's browser bundle lies: dist/docs, written by the build (tsup.config.ts). */
export function docsDist(): string | undefined {
  const candidates = [resolve(here, "../docs"), resolve(here, "../../dist/docs")];
  return candidates.find((dir) => existsSync(dir));
}

/**
 * The API reference's script (Scalar's standalone bundle, copied by the build under a name with
 * its content hash) served below `/docs/`, precompressed and kept for a year, so `/docs` needs
 * no network beyond this server.
 */
export function docsAssets(root: string): DocsAssets | undefined {
  const script = readdirSync(root).find((name) => /^scalar\.[0-9a-f]+\.js$/.test(name));
  if (!script) return undefined;
  const files = precompressed(root, (path) => path.replace(/^\/docs\//, "/"));
  return {
    script: `/docs/${script}`,
    serve: async (c, next) => {
      const res = await files(c, next);
      if (res?.status === 200) res.headers.set("Cache-Control", immutable);
      return res;
    },
  };
}
