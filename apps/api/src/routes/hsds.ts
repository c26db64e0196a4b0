import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { Measure } from "@oha/domain";
import {
  filterHsdsServices,
  flatOrganization,
  flatService,
  type HsdsDataset,
  HsdsListQuery,
  HsdsOrganization,
  HsdsService,
  HsdsServiceAtLocation,
  HsdsTaxonomy,
  HsdsTaxonomyTerm,
  hsdsPage,
  hsdsPageSchema,
  hsdsVersion,
  planHsdsImport,
  toHsds,
} from "@oha/domain/interop";
import type { Context } from "hono";
import type { AppEnv } from "../env.js";
import { validationHook } from "../http.js";
import { ProblemError, problemResponses } from "../problems.js";
import { bearer, fail, guard, now, storeOf, today } from "./support.js";

const regionParam = z.string().meta({ param: { name: "regionId", in: "path" }, example: "reg_000000000000" });
const RegionParam = z.object({ regionId: regionParam });
const ObjectParam = z.object({
  regionId: regionParam,
  id: z.string().meta({ param: { name: "id", in: "path" }, example: "3f2a9c1e-0000-5000-8000-000000000000" }),
});
const ListQuery = HsdsListQuery.extend({
  page: HsdsListQuery.shape.page.meta({ description: "The page, from 1." }),
  per_page: HsdsListQuery.shape.per_page.meta({ description: "Items per page (default 50, at most 500)." }),
  modified_after: HsdsListQuery.shape.modified_after.meta({
    description: "Only services and organizations changed at or after this time.",
  }),
  taxonomy_term_id: HsdsListQuery.shape.taxonomy_term_id.meta({
    description: "Services with this taxonomy term (or a term below it).",
  }),
  organization_id: HsdsListQuery.shape.organization_id.meta({
    description: "Services of this organization.",
  }),
});

const tags = ["Open Referral HSDS 3.0"];
const open = { security: [] };
const errors = problemResponses("validation_failed", "not_found", "rate_limited");
const json = <S extends z.ZodType>(schema: S, description: string) => ({
  description,
  content: { "application/json": { schema } },
});

const ApiInfo = z
  .object({
    version: z.string(),
    profile: z.string().optional(),
    openapi_url: z.string(),
  })
  .meta({ id: "HsdsApiInfo", description: "What the HSDS API of a district is (HSDS reference API `/`)." });

async function datasetOf(c: Context<AppEnv>, regionId: string): Promise<HsdsDataset> {
  const store = c.get("deps").store;
  if (!(await store.findTenant(regionId))) throw new ProblemError("not_found");
  const network = await store
    .tenant(regionId)
    .network({ entities: ["region", "actor", "fundingProgramme", "measure"] });
  c.header("Cache-Control", "public, max-age=300");
  return toHsds(network, { regionId });
}

function byId<T extends { id: string }>(items: readonly T[], id: string): T {
  const found = items.find((i) => i.id === id);
  if (!found) throw new ProblemError("not_found");
  return found;
}

/**
 * The Open Referral HSDS 3.0 read API of every district's public offers, open to anyone, in the
 * paths and envelope of the HSDS reference API: `/hsds/v3/regions/{regionId}/services`, …
 */
export function hsdsRoutes() {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(
      createRoute({
        method: "get",
        path: "/regions/{regionId}",
        tags,
        summary: "About a district's HSDS API / Über die HSDS-Schnittstelle",
        operationId: "getHsdsInfo",
        ...open,
        request: { params: RegionParam },
        responses: { 200: json(ApiInfo, "The HSDS version and the API description"), ...errors },
      }),
      async (c) => {
        const { regionId } = c.req.valid("param");
        if (!(await c.get("deps").store.findTenant(regionId))) throw new ProblemError("not_found");
        const origin = c.get("deps").config.OHA_PUBLIC_URL ?? new URL(c.req.url).origin;
        return c.json(
          { version: hsdsVersion, openapi_url: `${origin.replace(/\/+$/, "")}/openapi.json` },
          200,
        );
      },
    )
    .openapi(
      createRoute({
        method: "get",
        path: "/regions/{regionId}/services",
        tags,
        summary: "HSDS services: the public offers / Öffentliche Angebote als HSDS-Dienste",
        operationId: "listHsdsServices",
        ...open,
        request: { params: RegionParam, query: ListQuery },
        responses: {
          200: json(hsdsPageSchema(HsdsService, "HsdsServicePage"), "One page of services"),
          ...errors,
        },
      }),
      async (c) => {
        const dataset = await datasetOf(c, c.req.valid("param").regionId);
        const query = c.req.valid("query");
        return c.json(hsdsPage(filterHsdsServices(dataset, query).map(flatService), query), 200);
      },
    )
    .openapi(
      createRoute({
        method: "get",
        path: "/regions/{regionId}/services/{id}",
        tags,
        summary: "HSDS service, fully nested / HSDS-Dienst mit allen Angaben",
        operationId: "getHsdsService",
        ...open,
        request: { params: ObjectParam },
        responses: {
          200: json(HsdsService, "The service with organization, schedules, areas, locations"),
          ...errors,
        },
      }),
      async (c) => {
        const { regionId, id } = c.req.valid("param");
        return c.json(byId((await datasetOf(c, regionId)).services, id), 200);
      },
    )
    .openapi(
      createRoute({
        method: "get",
        path: "/regions/{regionId}/organizations",
        tags,
        summary: "HSDS organizations: providers of public offers / Anbieter",
        operationId: "listHsdsOrganizations",
        ...open,
        request: { params: RegionParam, query: ListQuery },
        responses: {
          200: json(hsdsPageSchema(HsdsOrganization, "HsdsOrganizationPage"), "One page of organizations"),
          ...errors,
        },
      }),
      async (c) => {
        const dataset = await datasetOf(c, c.req.valid("param").regionId);
        const query = c.req.valid("query");
        const after = query.modified_after ? Date.parse(query.modified_after) : undefined;
        const items = dataset.organizations.filter(
          (o) => after === undefined || Date.parse(dataset.modified.get(o.id) ?? "") >= after,
        );
        return c.json(hsdsPage(items.map(flatOrganization), query), 200);
      },
    )
    .openapi(
      createRoute({
        method: "get",
        path: "/regions/{regionId}/organizations/{id}",
        tags,
        summary: "HSDS organization with phones and locations / HSDS-Organisation",
        operationId: "getHsdsOrganization",
        ...open,
        request: { params: ObjectParam },
        responses: { 200: json(HsdsOrganization, "The organization"), ...errors },
      }),
      async (c) => {
        const { regionId, id } = c.req.valid("param");
        return c.json(byId((await datasetOf(c, regionId)).organizations, id), 200);
      },
    )
    .openapi(
      createRoute({
        method: "get",
        path: "/regions/{regionId}/service_at_locations",
        tags,
        summary: "HSDS services at locations / Angebote an Orten",
        operationId: "listHsdsServiceAtLocations",
        ...open,
        request: { params: RegionParam, query: ListQuery },
        responses: {
          200: json(
            hsdsPageSchema(HsdsServiceAtLocation, "HsdsServiceAtLocationPage"),
            "One page of services at locations, each with its location and service",
          ),
          ...errors,
        },
      }),
      async (c) => {
        const dataset = await datasetOf(c, c.req.valid("param").regionId);
        const query = c.req.valid("query");
        const services = new Set(filterHsdsServices(dataset, query).map((s) => s.id));
        const items = dataset.serviceAtLocations.filter((s) => services.has(s.service_id ?? ""));
        return c.json(hsdsPage(items, query), 200);
      },
    )
    .openapi(
      createRoute({
        method: "get",
        path: "/regions/{regionId}/service_at_locations/{id}",
        tags,
        summary: "HSDS service at a location / Angebot an einem Ort",
        operationId: "getHsdsServiceAtLocation",
        ...open,
        request: { params: ObjectParam },
        responses: { 200: json(HsdsServiceAtLocation, "The service at a location"), ...errors },
      }),
      async (c) => {
        const { regionId, id } = c.req.valid("param");
        return c.json(byId((await datasetOf(c, regionId)).serviceAtLocations, id), 200);
      },
    )
    .openapi(
      createRoute({
        method: "get",
        path: "/regions/{regionId}/taxonomies",
        tags,
        summary: "HSDS taxonomies: OHA's own / Taxonomien",
        operationId: "listHsdsTaxonomies",
        ...open,
        request: { params: RegionParam, query: ListQuery },
        responses: {
          200: json(hsdsPageSchema(HsdsTaxonomy, "HsdsTaxonomyPage"), "One page of taxonomies"),
          ...errors,
        },
      }),
      async (c) =>
        c.json(
          hsdsPage((await datasetOf(c, c.req.valid("param").regionId)).taxonomies, c.req.valid("query")),
          200,
        ),
    )
    .openapi(
      createRoute({
        method: "get",
        path: "/regions/{regionId}/taxonomies/{id}",
        tags,
        summary: "HSDS taxonomy / Taxonomie",
        operationId: "getHsdsTaxonomy",
        ...open,
        request: { params: ObjectParam },
        responses: { 200: json(HsdsTaxonomy, "The taxonomy"), ...errors },
      }),
      async (c) => {
        const { regionId, id } = c.req.valid("param");
        return c.json(byId((await datasetOf(c, regionId)).taxonomies, id), 200);
      },
    )
    .openapi(
      createRoute({
        method: "get",
        path: "/regions/{regionId}/taxonomy_terms",
        tags,
        summary: "HSDS taxonomy terms: categories, target groups, iABE sectors / Taxonomie-Begriffe",
        operationId: "listHsdsTaxonomyTerms",
        ...open,
        request: { params: RegionParam, query: ListQuery },
        responses: {
          200: json(hsdsPageSchema(HsdsTaxonomyTerm, "HsdsTaxonomyTermPage"), "One page of taxonomy terms"),
          ...errors,
        },
      }),
      async (c) =>
        c.json(
          hsdsPage((await datasetOf(c, c.req.valid("param").regionId)).taxonomyTerms, c.req.valid("query")),
          200,
        ),
    )
    .openapi(
      createRoute({
        method: "get",
        path: "/regions/{regionId}/taxonomy_terms/{id}",
        tags,
        summary: "HSDS taxonomy term / Taxonomie-Begriff",
        operationId: "getHsdsTaxonomyTerm",
        ...open,
        request: { params: ObjectParam },
        responses: { 200: json(HsdsTaxonomyTerm, "The taxonomy term"), ...errors },
      }),
      async (c) => {
        const { regionId, id } = c.req.valid("param");
        return c.json(byId((await datasetOf(c, regionId)).taxonomyTerms, id), 200);
      },
    );
}

const Note = z.object({
  path: z.string(),
  value: z.unknown().meta({ description: "The original value from the HSDS record." }),
  reason: z.object({ de: z.string(), en: z.string() }),
});
const Issue = z.object({
  path: z.string(),
  code: z.string(),
  message: z.string(),
  messages: z.object({ de: z.string(), en: z.string() }),
});
const HsdsImportResult = z
  .object({
    dryRun: z.boolean(),
    summary: z.object({
      services: z.number().int(),
      importable: z.number().int(),
      failed: z.number().int(),
      newProviders: z.number().int(),
      possibleDuplicates: z.number().int(),
    }),
    items: z.array(
      z.object({
        index: z.number().int(),
        sourceId: z.string().optional(),
        name: z.string().optional(),
        ok: z.boolean(),
        errors: z.array(Issue).optional(),
        measure: Measure.optional().meta({ description: "The draft measure." }),
        provider: z
          .object({ match: z.enum(["existing", "new"]), actorId: z.string(), name: z.string() })
          .optional(),
        mapped: z.array(z.string()),
        adjusted: z.array(Note),
        unmapped: z.array(Note),
        duplicates: z.array(z.object({ measureId: z.string(), title: z.string(), score: z.number() })),
      }),
    ),
  })
  .meta({ id: "HsdsImportResult" });

const DryRun = z.object({
  dry_run: z
    .enum(["true", "false"])
    .default("false")
    .meta({ description: "Only plan and report; write nothing." }),
});

/** Import of HSDS service records as draft measures of the caller's district. */
export function hsdsImportRoutes() {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(
    createRoute({
      method: "post",
      path: "/hsds/import",
      tags: ["Interoperability"],
      summary: "Import HSDS services as draft measures / HSDS-Dienste als Entwürfe übernehmen",
      operationId: "importHsdsServices",
      security: bearer,
      request: {
        query: DryRun,
        body: {
          required: true,
          description: "One HSDS service, a list of services, or an HSDS page with `contents`.",
          content: { "application/json": { schema: z.unknown().meta({ id: "HsdsImportInput" }) } },
        },
      },
      responses: {
        200: json(HsdsImportResult, "What each service became, and what could not be mapped"),
        ...problemResponses(
          "validation_failed",
          "unauthorized",
          "forbidden",
          "payload_too_large",
          "rate_limited",
        ),
      },
    }),
    async (c) => {
      guard(c, "create", "measure");
      guard(c, "create", "actor");
      const locale = c.get("locale");
      const tenantId = c.get("principal").tenantId;
      const input: unknown = await c.req.json();
      const network = await storeOf(c).network({ entities: ["region", "actor", "measure"] });
      const plan = planHsdsImport(input, {
        network,
        regionId: tenantId,
        today: today(c),
        now: now(c).toISOString(),
        locale,
      });
      if (!plan.ok) throw fail(plan.error);
      const dryRun = c.req.valid("query").dry_run === "true";
      const { records } = plan.value;
      if (!dryRun && records.measure.length > 0) {
        const written = await storeOf(c).mergeRecords(
          { actor: records.actor, measure: records.measure },
          { principal: c.get("principal").id, locale },
        );
        if (!written.ok) throw fail(written.error);
      }
      return c.json(
        {
          dryRun,
          summary: plan.value.summary,
          items: plan.value.items.map(({ errors, ...item }) => ({
            ...item,
            mapped: [...item.mapped],
            adjusted: [...item.adjusted],
            unmapped: [...item.unmapped],
            duplicates: [...item.duplicates],
            ...(errors ? { errors: [...errors] } : {}),
          })),
        },
        200,
      );
    },
  );
}
