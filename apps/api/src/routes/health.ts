import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppEnv } from "../env.js";

const Health = z
  .object({ status: z.enum(["ok", "unavailable"]), database: z.string().optional() })
  .meta({ id: "Health" });

/** Liveness and readiness probes for orchestrators and load balancers. */
export function healthRoutes() {
  return new OpenAPIHono<AppEnv>()
    .openapi(
      createRoute({
        method: "get",
        path: "/healthz",
        tags: ["Operations"],
        summary: "Liveness: the process answers",
        operationId: "getLiveness",
        security: [],
        responses: { 200: { description: "Alive", content: { "application/json": { schema: Health } } } },
      }),
      (c) => c.json({ status: "ok" as const }, 200),
    )
    .openapi(
      createRoute({
        method: "get",
        path: "/readyz",
        tags: ["Operations"],
        summary: "Readiness: the database answers",
        operationId: "getReadiness",
        security: [],
        responses: {
          200: { description: "Ready", content: { "application/json": { schema: Health } } },
          503: { description: "Not ready", content: { "application/json": { schema: Health } } },
        },
      }),
      async (c) => {
        const store = c.get("deps").store;
        try {
          await store.findTenant("reg_000000000000");
          return c.json({ status: "ok" as const, database: store.kind }, 200);
        } catch {
          return c.json({ status: "unavailable" as const, database: store.kind }, 503);
        }
      },
    );
}
