import { existsSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { serveStatic } from "@hono/node-server/serve-static";
import type { MiddlewareHandler } from "hono";

/** Where the built admin UI lies: `OHA_ADMIN_DIST`, or apps/admin/dist beside this app. */
export function adminDist(env: Record<string, string | undefined>): string | undefined {
  const candidates = [
    env.OHA_ADMIN_DIST,
    resolve(dirname(fileURLToPath(import.meta.url)), "../../../admin/dist"),
    resolve(dirname(fileURLToPath(import.meta.url)), "../../admin/dist"),
  ];
  return candidates.find((dir): dir is string => !!dir && existsSync(resolve(dir, "index.html")));
}

/**
 * Serves the admin UI's files; any other path gets index.html so the UI's own router can
 * show it (reloads and deep links keep working).
 */
export function adminAssets(root: string): MiddlewareHandler {
  const files = serveStatic({ root });
  const index = serveStatic({ root, path: "index.html" });
  return async (c, next) => {
    // serveStatic answers with a Response; it must become the context's response.
    const res = await files(c, async () => {
      const fallback = await index(c, next);
      if (fallback) c.res = fallback;
    });
    if (res) c.res = res;
    if (c.res.headers.get("Content-Type")?.startsWith("text/html")) c.header("Cache-Control", "no-cache");
    else if (c.req.path.startsWith("/assets/"))
      c.header("Cache-Control", "public, max-age=31536000, immutable");
  };
}
