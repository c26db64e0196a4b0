import type { OpenAPIHono } from "@hono/zod-openapi";
import { type EntityName, type EntityPlural, entities, entityNames } from "@oha/domain";
import type { MergeSchemaPath, Schema } from "hono/types";
import type { AppEnv } from "../env.js";
import { analyticsRoutes } from "./analytics.js";
import { commandRoutes } from "./commands.js";
import { documentRoutes } from "./documents.js";
import { entityRouter } from "./entities.js";
import { healthRoutes } from "./health.js";
import { hsdsImportRoutes, hsdsRoutes } from "./hsds.js";
import { oparlRoutes } from "./oparl.js";
import { publicRoutes } from "./public.js";
import { statisticsRoutes } from "./statistics.js";
import { subresourceRoutes } from "./subresources.js";
import { tenantRoutes } from "./tenant.js";
import { transferRoutes } from "./transfer.js";

type SchemaOf<R> = R extends OpenAPIHono<AppEnv, infer S, "/"> ? S : never;

/** The routes of every entity of the registry, each under `/api/v1/<plural>`, as one type. */
type EntitySchemas = {
  [N in EntityName]: MergeSchemaPath<
    SchemaOf<ReturnType<typeof entityRouter<N>>>,
    `/api/v1/${EntityPlural<N>}`
  >;
}[EntityName];

/**
 * Mounts the routes of every entity from the domain's registry: an entity's path is declared once,
 * as its `plural`. Typed as the union of the entity routers, so the typed client knows them all.
 */
function mountEntities<S extends Schema, B extends string>(
  app: OpenAPIHono<AppEnv, S, B>,
): OpenAPIHono<AppEnv, S | EntitySchemas, B> {
  for (const name of entityNames) app.route(`/api/v1/${entities[name].plural}`, entityRouter(name));
  return app as OpenAPIHono<AppEnv, S | EntitySchemas, B>;
}

/** Mounts every route; chained so that the app's type carries them all for the typed client. */
export function registerRoutes(app: OpenAPIHono<AppEnv>) {
  const routed = app
    .route("/", healthRoutes())
    .route("/public/v1", publicRoutes())
    .route("/oparl/v1.1", oparlRoutes())
    .route("/hsds/v3", hsdsRoutes())
    .route("/api/v1", tenantRoutes())
    .route("/api/v1", subresourceRoutes())
    .route("/api/v1", commandRoutes())
    .route("/api/v1/analytics", analyticsRoutes())
    .route("/api/v1", transferRoutes())
    .route("/api/v1", hsdsImportRoutes())
    .route("/api/v1", documentRoutes())
    .route("/api/v1", statisticsRoutes());
  return mountEntities(routed);
}
