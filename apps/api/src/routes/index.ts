import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../env.js";
import { analyticsRoutes } from "./analytics.js";
import { entityRouter } from "./entities.js";
import { healthRoutes } from "./health.js";
import { hsdsImportRoutes, hsdsRoutes } from "./hsds.js";
import { oparlRoutes } from "./oparl.js";
import { publicRoutes } from "./public.js";
import { subresourceRoutes } from "./subresources.js";
import { tenantRoutes } from "./tenant.js";
import { transferRoutes } from "./transfer.js";

/** Mounts every route; chained so that the app's type carries them all for the typed client. */
export function registerRoutes(app: OpenAPIHono<AppEnv>) {
  return app
    .route("/", healthRoutes())
    .route("/public/v1", publicRoutes())
    .route("/oparl/v1.1", oparlRoutes())
    .route("/hsds/v3", hsdsRoutes())
    .route("/api/v1", tenantRoutes())
    .route("/api/v1", subresourceRoutes())
    .route("/api/v1/analytics", analyticsRoutes())
    .route("/api/v1", transferRoutes())
    .route("/api/v1", hsdsImportRoutes())
    .route("/api/v1/offices", entityRouter("coordinationOffice"))
    .route("/api/v1/funding-programmes", entityRouter("fundingProgramme"))
    .route("/api/v1/actors", entityRouter("actor"))
    .route("/api/v1/contacts", entityRouter("contact"))
    .route("/api/v1/affiliations", entityRouter("affiliation"))
    .route("/api/v1/bodies", entityRouter("body"))
    .route("/api/v1/seats", entityRouter("seat"))
    .route("/api/v1/memberships", entityRouter("membership"))
    .route("/api/v1/meetings", entityRouter("meeting"))
    .route("/api/v1/agreements", entityRouter("agreement"))
    .route("/api/v1/indicators", entityRouter("indicator"))
    .route("/api/v1/observations", entityRouter("observation"))
    .route("/api/v1/goals", entityRouter("goal"))
    .route("/api/v1/standards", entityRouter("standard"))
    .route("/api/v1/guides", entityRouter("guide"))
    .route("/api/v1/measures", entityRouter("measure"))
    .route("/api/v1/overlap-reviews", entityRouter("overlapReview"))
    .route("/api/v1/reconciliation-rounds", entityRouter("reconciliationRound"))
    .route("/api/v1/reconciliation-responses", entityRouter("reconciliationResponse"))
    .route("/api/v1/maturity-assessments", entityRouter("maturityAssessment"));
}
