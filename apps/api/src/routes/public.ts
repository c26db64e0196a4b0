import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import {
  MeasureCategory,
  type MeasureStatus,
  PublicMeasure,
  publishedStatuses,
  TargetGroup,
  toPublicMeasure,
} from "@oha/domain";
import type { AppEnv } from "../env.js";
import { validationHook } from "../http.js";
import { ProblemError, problemResponses } from "../problems.js";
import { fail } from "./support.js";

const RegionParam = z.object({
  regionId: z.string().meta({ param: { name: "regionId", in: "path" }, example: "reg_000000000000" }),
});
const CatalogueQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
  category: MeasureCategory.optional(),
  targetGroup: TargetGroup.optional(),
  status: z.enum(publishedStatuses as [MeasureStatus, ...MeasureStatus[]]).optional(),
  q: z.string().max(200).optional(),
});
const Catalogue = z
  .object({
    region: z.object({ id: z.string(), name: z.string() }),
    items: z.array(PublicMeasure),
    total: z.number().int(),
    limit: z.number().int(),
    offset: z.number().int(),
  })
  .meta({ id: "PublicCatalogue" });

/**
 * The transparent offer landscape: the measures a district marks public, readable by anyone
 * without signing in, and cacheable.
 */
export function publicRoutes() {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(
    createRoute({
      method: "get",
      path: "/regions/{regionId}/measures",
      tags: ["Public catalogue"],
      summary: "Public catalogue of measures / Öffentlicher Maßnahmenkatalog",
      operationId: "listPublicMeasures",
      // Open to anyone: no credentials.
      security: [],
      request: { params: RegionParam, query: CatalogueQuery },
      responses: {
        200: {
          description: "The public measures of the region",
          content: { "application/json": { schema: Catalogue } },
          headers: {
            ETag: { schema: { type: "string" } },
            "Cache-Control": { schema: { type: "string" } },
          },
        },
        304: { description: "Not modified since the ETag sent in If-None-Match" },
        ...problemResponses("validation_failed", "not_found", "rate_limited"),
      },
    }),
    async (c) => {
      const { regionId } = c.req.valid("param");
      const query = c.req.valid("query");
      const store = c.get("deps").store;
      const tenant = await store.findTenant(regionId);
      if (!tenant) throw new ProblemError("not_found");
      // The catalogue's rule is the domain's: public, and in a published status.
      const statuses = query.status ? [query.status] : [...publishedStatuses];
      const page = await store.tenant(regionId).list("measure", {
        filter: {
          public: true,
          status: statuses,
          ...(query.category ? { category: query.category } : {}),
          ...(query.targetGroup ? { targetGroups: query.targetGroup } : {}),
        },
        ...(query.q ? { search: query.q } : {}),
        sort: "title",
        order: "asc",
        limit: query.limit,
        offset: query.offset,
        locale: c.get("locale"),
      });
      if (!page.ok) throw fail(page.error);
      c.header("Cache-Control", "public, max-age=300");
      return c.json(
        {
          region: { id: tenant.id, name: tenant.name },
          items: page.value.items.map(toPublicMeasure),
          total: page.value.total,
          limit: page.value.limit,
          offset: page.value.offset,
        },
        200,
      );
    },
  );
}
