import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import {
  findOParlObject,
  OParlAgendaItem,
  OParlBody,
  type OParlDataset,
  type OParlListItem,
  type OParlListName,
  OParlListQuery,
  OParlSystem,
  oparlListItemSchemas,
  oparlListNames,
  oparlListSchema,
  oparlPage,
  toOParl,
} from "@oha/domain/interop";
import type { Context } from "hono";
import type { AppEnv } from "../env.js";
import { validationHook } from "../http.js";
import { ProblemError, problemResponses } from "../problems.js";

const regionParam = z.string().meta({ param: { name: "regionId", in: "path" }, example: "reg_000000000000" });
const RegionParam = z.object({ regionId: regionParam });
const ObjectParam = z.object({
  regionId: regionParam,
  id: z.string().meta({ param: { name: "id", in: "path" }, example: "mtg_000000000000" }),
});
const AgendaItemParam = z.object({
  regionId: regionParam,
  meetingId: z.string().meta({ param: { name: "meetingId", in: "path" }, example: "mtg_000000000000" }),
  itemId: z.string().meta({ param: { name: "itemId", in: "path" }, example: "agi_000000000000" }),
});
const ListQuery = OParlListQuery.extend({
  created_since: OParlListQuery.shape.created_since.meta({
    description: "Only objects created at or after this time.",
  }),
  created_until: OParlListQuery.shape.created_until.meta({
    description: "Only objects created at or before this time.",
  }),
  modified_since: OParlListQuery.shape.modified_since.meta({
    description:
      "Only objects changed at or after this time; deleted objects are included (`deleted: true`).",
  }),
  modified_until: OParlListQuery.shape.modified_until.meta({
    description: "Only objects changed at or before this time.",
  }),
  page: OParlListQuery.shape.page.meta({ description: "The page, from 1." }),
  elementsPerPage: OParlListQuery.shape.elementsPerPage.meta({
    description: "Objects per page (default 100; more than 500 are lowered to 500).",
  }),
});

const tags = ["OParl 1.1"];
const open = { security: [] };
const errors = problemResponses("validation_failed", "not_found", "rate_limited");
const json = <S extends z.ZodType>(schema: S, description: string) => ({
  description,
  content: { "application/json": { schema } },
});

/** The entities the OParl view reads. */
const readEntities = [
  "region",
  "actor",
  "contact",
  "affiliation",
  "body",
  "membership",
  "meeting",
  "agreement",
  "standard",
] as const;

/** The district's OParl dataset, built from its records (deleted ones included) on every request. */
async function datasetOf(c: Context<AppEnv>, regionId: string): Promise<OParlDataset> {
  const { store, config } = c.get("deps");
  const tenant = await store.findTenant(regionId);
  if (!tenant) throw new ProblemError("not_found");
  const network = await store.tenant(regionId).network({ includeDeleted: true, entities: readEntities });
  const origin = (config.OHA_PUBLIC_URL ?? new URL(c.req.url).origin).replace(/\/+$/, "");
  c.header("Cache-Control", "public, max-age=60");
  return toOParl(network, { regionId, systemUrl: `${origin}/oparl/v1.1/regions/${regionId}` });
}

const pascal = (name: string) => name.replace(/(^|-)([a-z])/g, (_, __, ch: string) => ch.toUpperCase());

/**
 * The OParl 1.1 read API of every district, open to anyone: `/oparl/v1.1/regions/{regionId}` is the
 * district's `System`; its one `Body`, the external lists and every object lie below it. What the
 * objects hold, and what is left out for data protection, is decided by the domain (`toOParl`).
 */
export function oparlRoutes() {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(
      createRoute({
        method: "get",
        path: "/regions/{regionId}",
        tags,
        summary: "OParl system of a district / OParl-System eines Landkreises",
        operationId: "getOParlSystem",
        ...open,
        request: { params: RegionParam },
        responses: { 200: json(OParlSystem, "The district's OParl system"), ...errors },
      }),
      async (c) => c.json((await datasetOf(c, c.req.valid("param").regionId)).system, 200),
    )
    .openapi(
      createRoute({
        method: "get",
        path: "/regions/{regionId}/bodies",
        tags,
        summary: "OParl bodies: the district / OParl-Körperschaften",
        operationId: "listOParlBodies",
        ...open,
        request: { params: RegionParam, query: ListQuery },
        responses: {
          200: json(oparlListSchema(OParlBody, "OParlBodyList"), "One page of bodies"),
          ...errors,
        },
      }),
      async (c) => {
        const dataset = await datasetOf(c, c.req.valid("param").regionId);
        return c.json(oparlPage([dataset.body], c.req.valid("query"), dataset.urls.bodies), 200);
      },
    )
    .openapi(
      createRoute({
        method: "get",
        path: "/regions/{regionId}/bodies/{id}",
        tags,
        summary: "OParl body: the district with its official key / OParl-Körperschaft",
        operationId: "getOParlBody",
        ...open,
        request: { params: ObjectParam },
        responses: { 200: json(OParlBody, "The district as an OParl body"), ...errors },
      }),
      async (c) => {
        const { regionId, id } = c.req.valid("param");
        if (id !== regionId) throw new ProblemError("not_found");
        return c.json((await datasetOf(c, regionId)).body, 200);
      },
    )
    .openapi(
      createRoute({
        method: "get",
        path: "/regions/{regionId}/meetings/{meetingId}/agenda-items/{itemId}",
        tags,
        summary: "OParl agenda item / OParl-Tagesordnungspunkt",
        operationId: "getOParlAgendaItem",
        ...open,
        request: { params: AgendaItemParam },
        responses: {
          200: json(OParlAgendaItem, "The agenda item with result and resolution text"),
          ...errors,
        },
      }),
      async (c) => {
        const { regionId, meetingId, itemId } = c.req.valid("param");
        const dataset = await datasetOf(c, regionId);
        const item = findOParlObject(dataset, "agenda-items", dataset.urls.agendaItem(meetingId, itemId));
        if (!item) throw new ProblemError("not_found");
        return c.json(item, 200);
      },
    );
  for (const list of oparlListNames) mountList(app, list);
  return app;
}

function mountList(app: OpenAPIHono<AppEnv>, list: OParlListName): void {
  const item = oparlListItemSchemas[list];
  const name = pascal(list);
  app.openapi(
    createRoute({
      method: "get",
      path: `/regions/{regionId}/${list}`,
      tags,
      summary: `OParl list: ${list}`,
      operationId: `listOParl${name}`,
      ...open,
      request: { params: RegionParam, query: ListQuery },
      responses: {
        200: json(oparlListSchema(item, `OParl${name}List`), `One page of ${list}, deleted objects included`),
        ...errors,
      },
    }),
    async (c) => {
      const dataset = await datasetOf(c, c.req.valid("param").regionId);
      const objects: readonly OParlListItem[] = dataset.lists[list];
      return c.json(oparlPage(objects, c.req.valid("query"), dataset.urls.list(list)), 200);
    },
  );
  // Agenda items live below their meeting; their list has no object route of its own.
  if (list === "agenda-items") return;
  app.openapi(
    createRoute({
      method: "get",
      path: `/regions/{regionId}/${list}/{id}`,
      tags,
      summary: `OParl object of ${list}`,
      operationId: `getOParl${name}Item`,
      ...open,
      request: { params: ObjectParam },
      responses: { 200: json(item, "The object (a deleted one with `deleted: true`)"), ...errors },
    }),
    async (c) => {
      const { regionId, id } = c.req.valid("param");
      const dataset = await datasetOf(c, regionId);
      const object = findOParlObject(dataset, list, `${dataset.urls.list(list)}/${id}`);
      if (!object) throw new ProblemError("not_found");
      return c.json(object, 200);
    },
  );
}
