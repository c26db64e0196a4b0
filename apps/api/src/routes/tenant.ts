import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { ActorId, entities, Role } from "@oha/domain";
import type { AppEnv } from "../env.js";
import { validationHook } from "../http.js";
import { ProblemError, problemResponses } from "../problems.js";
import { bearer, etagOf, fail, guard, requireVersion, storeOf } from "./support.js";

const Me = z
  .object({
    principal: z.object({
      id: z.string(),
      kind: z.enum(["api_key", "oidc"]),
      role: Role,
      actorId: z.string().optional(),
    }),
    tenant: z.object({ id: z.string(), name: z.string() }),
  })
  .meta({ id: "Me" });

const ApiKey = z
  .object({
    id: z.string(),
    role: Role,
    actorId: z.string().nullable(),
    name: z.string(),
    prefix: z.string(),
    createdAt: z.string(),
    revokedAt: z.string().nullable(),
    lastUsedAt: z.string().nullable(),
  })
  .meta({ id: "ApiKey" });
const ApiKeyCreate = z
  .strictObject({ role: Role, name: z.string().trim().min(1).max(200), actorId: ActorId.optional() })
  .meta({ id: "ApiKeyCreate" });
const KeyIdParam = z.object({ keyId: z.string().meta({ param: { name: "keyId", in: "path" } }) });
const ImportQuery = z.object({
  mode: z.enum(["refuse-if-not-empty", "merge"]).default("refuse-if-not-empty"),
});
const ImportSummary = z
  .object({
    mode: z.string(),
    inserted: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    perEntity: z.record(z.string(), z.unknown()),
  })
  .meta({ id: "ImportSummary" });

/** A whole tenant as one JSON document (`oha.tenant-bundle`, version 1): every record per entity, deleted ones too. */
const TenantBundleSchema = z
  .strictObject({
    format: z.literal("oha.tenant-bundle"),
    version: z.literal(1),
    exportedAt: z.string(),
    tenantId: z.string(),
    network: z.record(z.string(), z.array(z.record(z.string(), z.unknown()))).meta({
      description: "The records of every entity, by entity name; each record as its entity's schema says.",
    }),
  })
  .meta({ id: "TenantBundle" });

/** The caller, the tenant's own settings, its API keys, and the whole-tenant export and import. */
export function tenantRoutes() {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(
      createRoute({
        method: "get",
        path: "/me",
        tags: ["Tenant"],
        summary: "Who am I / Wer bin ich",
        operationId: "getMe",
        security: bearer,
        responses: {
          200: { description: "The caller and the tenant", content: { "application/json": { schema: Me } } },
          ...problemResponses("unauthorized"),
        },
      }),
      async (c) => {
        const p = c.get("principal");
        const tenant = await c.get("deps").store.findTenant(p.tenantId);
        if (!tenant) throw new ProblemError("not_found");
        return c.json(
          {
            principal: { id: p.id, kind: p.kind, role: p.role, ...(p.actorId ? { actorId: p.actorId } : {}) },
            tenant: { id: tenant.id, name: tenant.name },
          },
          200,
        );
      },
    )
    .openapi(
      createRoute({
        method: "get",
        path: "/tenant",
        tags: ["Tenant"],
        summary: "The tenant's region / Die Region des Mandanten",
        operationId: "getTenant",
        security: bearer,
        responses: {
          200: {
            description: "The region record",
            content: { "application/json": { schema: entities.region.Record } },
          },
          ...problemResponses("unauthorized", "not_found"),
        },
      }),
      async (c) => {
        guard(c, "read", "region");
        const region = await storeOf(c).get("region", c.get("principal").tenantId);
        if (!region.ok) throw fail(region.error);
        c.header("ETag", etagOf(region.value));
        return c.json(region.value, 200);
      },
    )
    .openapi(
      createRoute({
        method: "patch",
        path: "/tenant",
        tags: ["Tenant"],
        summary: "Change the tenant's region (admin) / Region ändern",
        operationId: "updateTenant",
        security: bearer,
        request: {
          body: { required: true, content: { "application/json": { schema: entities.region.Patch } } },
        },
        responses: {
          200: {
            description: "The changed region",
            content: { "application/json": { schema: entities.region.Record } },
          },
          ...problemResponses(
            "validation_failed",
            "unauthorized",
            "forbidden",
            "precondition_failed",
            "precondition_required",
          ),
        },
      }),
      async (c) => {
        guard(c, "manage", "tenant");
        const expected = requireVersion(c);
        const result = await storeOf(c).update(
          "region",
          c.get("principal").tenantId,
          expected,
          c.req.valid("json"),
          {
            principal: c.get("principal").id,
            locale: c.get("locale"),
          },
        );
        if (!result.ok) throw fail(result.error);
        c.header("ETag", etagOf(result.value));
        return c.json(result.value, 200);
      },
    )
    .openapi(
      createRoute({
        method: "get",
        path: "/api-keys",
        tags: ["Tenant"],
        summary: "List API keys (admin) / API-Schlüssel",
        operationId: "listApiKeys",
        security: bearer,
        responses: {
          200: {
            description: "The tenant's keys, never their secrets",
            content: { "application/json": { schema: z.object({ items: z.array(ApiKey) }) } },
          },
          ...problemResponses("unauthorized", "forbidden"),
        },
      }),
      async (c) => {
        guard(c, "manage", "apiKey");
        const items = await c.get("deps").store.apiKeys.list(c.get("principal").tenantId);
        return c.json({ items: items.map(({ tenantId: _t, ...k }) => k) }, 200);
      },
    )
    .openapi(
      createRoute({
        method: "post",
        path: "/api-keys",
        tags: ["Tenant"],
        summary: "Create an API key (admin); the secret is shown once",
        operationId: "createApiKey",
        security: bearer,
        request: { body: { required: true, content: { "application/json": { schema: ApiKeyCreate } } } },
        responses: {
          201: {
            description: "The key and its secret",
            content: { "application/json": { schema: z.object({ key: ApiKey, secret: z.string() }) } },
          },
          ...problemResponses("validation_failed", "unauthorized", "forbidden"),
        },
      }),
      async (c) => {
        guard(c, "manage", "apiKey");
        const input = c.req.valid("json");
        const tenantId = c.get("principal").tenantId;
        if (input.actorId) {
          const actor = await storeOf(c).get("actor", input.actorId);
          if (!actor.ok) throw fail(actor.error);
        }
        const created = await c.get("deps").store.apiKeys.create({ ...input, tenantId }, c.get("locale"));
        if (!created.ok) throw fail(created.error);
        const { tenantId: _t, ...key } = created.value.record;
        return c.json({ key, secret: created.value.secret }, 201);
      },
    )
    .openapi(
      createRoute({
        method: "delete",
        path: "/api-keys/{keyId}",
        tags: ["Tenant"],
        summary: "Revoke an API key (admin)",
        operationId: "revokeApiKey",
        security: bearer,
        request: { params: KeyIdParam },
        responses: {
          200: { description: "The revoked key", content: { "application/json": { schema: ApiKey } } },
          ...problemResponses("unauthorized", "forbidden", "not_found"),
        },
      }),
      async (c) => {
        guard(c, "manage", "apiKey");
        const revoked = await c
          .get("deps")
          .store.apiKeys.revoke(c.get("principal").tenantId, c.req.valid("param").keyId, c.get("locale"));
        if (!revoked.ok) throw fail(revoked.error);
        const { tenantId: _t, ...key } = revoked.value;
        return c.json(key, 200);
      },
    )
    .openapi(
      createRoute({
        method: "get",
        path: "/tenant/export",
        tags: ["Tenant"],
        summary: "Export the whole tenant as a JSON bundle",
        operationId: "exportTenant",
        security: bearer,
        responses: {
          200: {
            description: "The bundle",
            content: {
              "application/json": { schema: TenantBundleSchema },
            },
          },
          ...problemResponses("unauthorized", "forbidden", "rate_limited"),
        },
      }),
      async (c) => {
        guard(c, "export", "tenant");
        const bundle = await storeOf(c).exportBundle();
        c.header("Content-Disposition", `attachment; filename="oha-${c.get("principal").tenantId}.json"`);
        // Checked against its schema on the way out: an export that a later import would refuse
        // fails here, loudly, instead of at the other district.
        return c.json(TenantBundleSchema.parse(bundle), 200);
      },
    )
    .openapi(
      createRoute({
        method: "post",
        path: "/tenant/import",
        tags: ["Tenant"],
        summary: "Import a JSON bundle into the tenant, all or nothing",
        operationId: "importTenant",
        security: bearer,
        request: {
          query: ImportQuery,
          body: {
            required: true,
            content: {
              "application/json": {
                schema: z.record(z.string(), z.unknown()).meta({ id: "TenantBundleInput" }),
              },
            },
          },
        },
        responses: {
          200: {
            description: "What was imported",
            content: { "application/json": { schema: ImportSummary } },
          },
          ...problemResponses(
            "validation_failed",
            "unauthorized",
            "forbidden",
            "import_refused",
            "payload_too_large",
          ),
        },
      }),
      async (c) => {
        guard(c, "import", "tenant");
        const result = await storeOf(c).importBundle(c.req.valid("json"), {
          mode: c.req.valid("query").mode,
          principal: c.get("principal").id,
          locale: c.get("locale"),
        });
        if (!result.ok) throw fail(result.error);
        return c.json(result.value as z.infer<typeof ImportSummary>, 200);
      },
    );
}
