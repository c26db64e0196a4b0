import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import {
  type EntityName,
  entities,
  filterableFields,
  IsoDateTime,
  type IssueDetail,
  validate,
} from "@oha/domain";
import type { Context } from "hono";
import type { AppEnv } from "../env.js";
import { validationHook } from "../http.js";
import { problemResponses } from "../problems.js";
import { bearer, etagOf, fail, guard, IfMatch, requireVersion, storeOf, withIdempotency } from "./support.js";

/** Query parameters every list understands. */
export function listQuery(name: EntityName) {
  const filters: Record<string, z.ZodType> = {};
  for (const f of filterableFields(name)) {
    if (f.kind === "boolean") {
      filters[f.field] = z
        .enum(["true", "false"])
        .optional()
        .meta({ description: `Records whose ${f.field} is true or false.` });
      continue;
    }
    filters[f.field] = z
      .string()
      .optional()
      .meta({
        description:
          f.kind === "array"
            ? `Records whose ${f.field} contains this value (comma-separate several to match any).`
            : `Records whose ${f.field} equals this value (comma-separate several to match any).`,
      });
  }
  return z.object({
    limit: z.coerce.number().int().min(1).max(500).default(50),
    offset: z.coerce.number().int().min(0).default(0),
    sort: z
      .string()
      .regex(/^-?[A-Za-z]+$/)
      .optional()
      .meta({ description: "Field to sort by; prefix with - for descending. Ties are ordered by id." }),
    q: z.string().max(200).optional().meta({ description: "Full-text search in names and titles." }),
    modified_since: IsoDateTime.optional().meta({
      description: "Only records changed after this time; deleted records are included and marked.",
    }),
    include_deleted: z.enum(["true", "false"]).optional(),
    fields: z
      .string()
      .regex(/^[A-Za-z,]+$/)
      .optional()
      .meta({ description: "Comma-separated fields to return (id and version always come)." }),
    ...filters,
  });
}

const IdParam = (name: EntityName) =>
  z.object({
    id: z
      .string()
      .meta({ param: { name: "id", in: "path" }, example: `${entities[name].idPrefix}_${"0".repeat(12)}` }),
  });

const BatchQuery = z.object({
  dry_run: z
    .enum(["true", "false"])
    .default("false")
    .meta({ description: "Only check the rows; write nothing." }),
});
const BatchResult = z
  .object({
    dryRun: z.boolean(),
    ok: z
      .boolean()
      .meta({ description: "True when every row is valid (and, unless a dry run, all were written)." }),
    results: z.array(
      z.object({
        index: z.number().int(),
        ok: z.boolean(),
        id: z.string().optional(),
        errors: z
          .array(
            z.object({
              path: z.string(),
              code: z.string(),
              message: z.string(),
              messages: z.object({ de: z.string(), en: z.string() }),
            }),
          )
          .optional(),
      }),
    ),
  })
  .meta({ id: "BatchResult" });

const IdempotencyKey = z.object({
  "idempotency-key": z
    .string()
    .min(8)
    .max(200)
    .optional()
    .meta({ description: "Makes a retried create safe: the same key returns the first answer." }),
});

/** Splits the list query into paging, sorting and filters. */
function toListOptions(name: EntityName, query: Record<string, unknown>) {
  const filter: Record<string, string[] | boolean> = {};
  for (const f of filterableFields(name)) {
    const value = query[f.field];
    if (typeof value !== "string" || !value.length) continue;
    // A query string holds text; the stored field is a JSON boolean.
    filter[f.field] = f.kind === "boolean" ? value === "true" : value.split(",");
  }
  const sort = typeof query.sort === "string" ? query.sort : undefined;
  return {
    limit: query.limit as number,
    offset: query.offset as number,
    filter,
    ...(sort
      ? { sort: sort.replace(/^-/, ""), order: sort.startsWith("-") ? ("desc" as const) : ("asc" as const) }
      : {}),
    ...(typeof query.q === "string" ? { search: query.q } : {}),
    ...(typeof query.modified_since === "string" ? { modifiedSince: query.modified_since } : {}),
    includeDeleted: query.include_deleted === "true" || typeof query.modified_since === "string",
    ...(typeof query.fields === "string" ? { fields: query.fields.split(",") } : {}),
  };
}

/**
 * The routes of one entity: list, get, create, patch, delete and history, typed against the
 * domain's schemas. Handlers only translate between HTTP and the store.
 */
export function entityRouter<N extends EntityName>(name: N) {
  const def = entities[name];
  const tag = def.labelPlural.en;
  const Record = def.Record as z.ZodType;
  const Page = z.object({
    items: z.array(Record),
    total: z.number().int(),
    limit: z.number().int(),
    offset: z.number().int(),
  });
  const HistoryEntry = z
    .object({
      seq: z.number().int(),
      entity: z.string(),
      recordId: z.string(),
      action: z.enum(["create", "update", "delete", "purge", "import"]),
      version: z.number().int().nullable(),
      principal: z.string(),
      at: IsoDateTime,
      before: z
        .record(z.string(), z.unknown())
        .nullable()
        .meta({ description: "The changed fields before the change." }),
      after: z
        .record(z.string(), z.unknown())
        .nullable()
        .meta({ description: "The changed fields after the change." }),
    })
    .meta({ id: "HistoryEntry" });
  const summary = (verb: string) => `${verb} ${def.label.en} / ${def.label.de}`;
  // Operation ids name the entity: listActors, getActor, createActor, … (for generated clients).
  const one = pascal(name);
  const many = pascal(def.plural);

  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  return app
    .openapi(
      createRoute({
        method: "get",
        path: "/",
        tags: [tag],
        summary: `List ${def.labelPlural.en} / ${def.labelPlural.de}`,
        operationId: `list${many}`,
        security: bearer,
        request: { query: listQuery(name) },
        responses: {
          200: { description: "A page of records", content: { "application/json": { schema: Page } } },
          ...problemResponses("validation_failed", "unauthorized", "forbidden", "rate_limited"),
        },
      }),
      async (c) => {
        guard(c, "read", name);
        const options = toListOptions(name, c.req.valid("query") as Record<string, unknown>);
        const page = await storeOf(c).list(name, options as never);
        if (!page.ok) throw fail(page.error);
        return c.json(
          {
            items: page.value.items,
            total: page.value.total,
            limit: page.value.limit,
            offset: page.value.offset,
          },
          200,
        );
      },
    )
    .openapi(
      createRoute({
        method: "get",
        path: "/{id}",
        tags: [tag],
        summary: summary("Get"),
        operationId: `get${one}`,
        security: bearer,
        request: { params: IdParam(name) },
        responses: {
          200: {
            description: "The record",
            content: { "application/json": { schema: Record } },
            headers: { ETag: { schema: { type: "string" } } },
          },
          ...problemResponses("unauthorized", "forbidden", "not_found"),
        },
      }),
      async (c) => {
        guard(c, "read", name);
        const result = await storeOf(c).get(name, c.req.valid("param").id);
        if (!result.ok) throw fail(result.error);
        c.header("ETag", etagOf(result.value));
        return c.json(result.value as object, 200);
      },
    )
    .openapi(
      createRoute({
        method: "post",
        path: "/",
        tags: [tag],
        summary: summary("Create"),
        operationId: `create${one}`,
        security: bearer,
        request: {
          headers: IdempotencyKey,
          body: { required: true, content: { "application/json": { schema: def.Create as z.ZodType } } },
        },
        responses: {
          201: {
            description: "Created",
            content: { "application/json": { schema: Record } },
            headers: { ETag: { schema: { type: "string" } }, Location: { schema: { type: "string" } } },
          },
          ...problemResponses(
            "validation_failed",
            "unauthorized",
            "forbidden",
            "idempotency_conflict",
            "payload_too_large",
          ),
        },
      }),
      async (c) => {
        const input = c.req.valid("json") as object;
        guard(c, "create", name, input);
        const created = await withIdempotency(c, async () => {
          const result = await storeOf(c).create(name, input as never, ctxOf(c));
          if (!result.ok) throw fail(result.error);
          const record = result.value as { id: string };
          return {
            body: record,
            headers: { ETag: etagOf(record), Location: `${c.req.path.replace(/\/$/, "")}/${record.id}` },
          };
        });
        for (const [header, value] of Object.entries(created.headers)) c.header(header, value);
        return c.json(created.body, 201);
      },
    )
    .openapi(
      createRoute({
        method: "post",
        path: "/batch",
        tags: [tag],
        summary: `Create many ${def.labelPlural.en} at once, all or nothing`,
        operationId: `create${many}Batch`,
        description:
          "Checks every row with the domain's rules. With `dry_run=true` nothing is written. Otherwise the rows are written in one transaction, and only if every row is valid.",
        security: bearer,
        request: {
          query: BatchQuery,
          body: {
            required: true,
            content: {
              "application/json": {
                schema: z.strictObject({ items: z.array(z.unknown()).min(1).max(5000) }),
              },
            },
          },
        },
        responses: {
          200: {
            description: "The result per row",
            content: { "application/json": { schema: BatchResult } },
          },
          ...problemResponses("validation_failed", "unauthorized", "forbidden", "payload_too_large"),
        },
      }),
      async (c) => {
        const { items } = c.req.valid("json");
        const dryRun = c.req.valid("query").dry_run === "true";
        const locale = c.get("locale");
        const checked = items.map((item, index) => {
          const parsed = validate(def.Create, item, locale);
          if (parsed.ok) guard(c, "create", name, parsed.value as object);
          return {
            index,
            ok: parsed.ok,
            ...(parsed.ok ? {} : { errors: [...(parsed.error.details ?? [])] as IssueDetail[] }),
          };
        });
        const allValid = checked.every((r) => r.ok);
        if (dryRun || !allValid) return c.json({ dryRun, ok: allValid, results: checked }, 200);
        const written = await storeOf(c).transaction(async (tx) => {
          const ids: string[] = [];
          for (const item of items) {
            const created = await tx.create(name, item as never, ctxOf(c));
            if (!created.ok) return created;
            ids.push((created.value as { id: string }).id);
          }
          return { ok: true as const, value: ids };
        });
        if (!written.ok) throw fail(written.error);
        return c.json(
          { dryRun, ok: true, results: written.value.map((id, index) => ({ index, ok: true, id })) },
          200,
        );
      },
    )
    .openapi(
      createRoute({
        method: "post",
        path: "/{id}/purge",
        tags: [tag],
        summary: summary("Erase for good (GDPR)"),
        operationId: `purge${one}`,
        description:
          "Removes the record and its personal data from the history; a history entry without personal data remains.",
        security: bearer,
        request: { params: IdParam(name) },
        responses: {
          200: {
            description: "Purged",
            content: {
              "application/json": {
                schema: z.object({ entity: z.string(), id: z.string(), purgedAt: IsoDateTime }),
              },
            },
          },
          ...problemResponses("unauthorized", "forbidden", "not_found"),
        },
      }),
      async (c) => {
        const { id } = c.req.valid("param");
        const store = storeOf(c);
        const current = await store.get(name, id, { includeDeleted: true });
        if (!current.ok) throw fail(current.error);
        guard(c, "purge", name, current.value as object);
        const result = await store.purge(name, id, ctxOf(c));
        if (!result.ok) throw fail(result.error);
        return c.json(
          { entity: result.value.entity, id: result.value.id, purgedAt: result.value.purgedAt },
          200,
        );
      },
    )
    .openapi(
      createRoute({
        method: "patch",
        path: "/{id}",
        tags: [tag],
        summary: summary("Change"),
        operationId: `update${one}`,
        description:
          "JSON Merge Patch: fields left out stay, `null` clears an optional field. Requires If-Match.",
        security: bearer,
        request: {
          params: IdParam(name),
          headers: IfMatch,
          body: { required: true, content: { "application/json": { schema: def.Patch as z.ZodType } } },
        },
        responses: {
          200: {
            description: "The changed record",
            content: { "application/json": { schema: Record } },
            headers: { ETag: { schema: { type: "string" } } },
          },
          ...problemResponses(
            "validation_failed",
            "unauthorized",
            "forbidden",
            "not_found",
            "precondition_failed",
            "precondition_required",
          ),
        },
      }),
      async (c) => {
        const { id } = c.req.valid("param");
        const expected = requireVersion(c);
        const store = storeOf(c);
        const current = await store.get(name, id);
        if (!current.ok) throw fail(current.error);
        guard(c, "update", name, current.value as object);
        const patch = c.req.valid("json") as object;
        guard(c, "update", name, { ...(current.value as object), ...patch });
        const result = await store.update(name, id, expected, patch as never, ctxOf(c));
        if (!result.ok) throw fail(result.error);
        c.header("ETag", etagOf(result.value));
        return c.json(result.value as object, 200);
      },
    )
    .openapi(
      createRoute({
        method: "delete",
        path: "/{id}",
        tags: [tag],
        summary: summary("Delete"),
        operationId: `delete${one}`,
        description: "Soft delete: the record stays visible to sync clients as deleted. Requires If-Match.",
        security: bearer,
        request: { params: IdParam(name), headers: IfMatch },
        responses: {
          200: { description: "The deleted record", content: { "application/json": { schema: Record } } },
          ...problemResponses(
            "unauthorized",
            "forbidden",
            "not_found",
            "precondition_failed",
            "precondition_required",
          ),
        },
      }),
      async (c) => {
        const { id } = c.req.valid("param");
        const expected = requireVersion(c);
        const store = storeOf(c);
        const current = await store.get(name, id);
        if (!current.ok) throw fail(current.error);
        guard(c, "delete", name, current.value as object);
        const result = await store.remove(name, id, expected, ctxOf(c));
        if (!result.ok) throw fail(result.error);
        return c.json(result.value as object, 200);
      },
    )
    .openapi(
      createRoute({
        method: "get",
        path: "/{id}/history",
        tags: [tag],
        summary: summary("History of"),
        operationId: `get${one}History`,
        security: bearer,
        request: { params: IdParam(name) },
        responses: {
          200: {
            description: "Every change, oldest first",
            content: { "application/json": { schema: z.object({ items: z.array(HistoryEntry) }) } },
          },
          ...problemResponses("unauthorized", "forbidden", "not_found"),
        },
      }),
      async (c) => {
        guard(c, "read", name);
        const { id } = c.req.valid("param");
        // Not through `get`: a purged record's history stays readable (its purge entry is the audit trail).
        const items = await storeOf(c).history(name, id, { locale: c.get("locale") });
        if (!items.ok) throw fail(items.error);
        return c.json({ items: items.value }, 200);
      },
    );
}

/** `funding-programmes` → `FundingProgrammes`, `coordinationOffice` → `CoordinationOffice`. */
function pascal(name: string): string {
  return name.replace(/(^|-)([a-z])/g, (_, _dash: string, letter: string) => letter.toUpperCase());
}

function ctxOf(c: Context<AppEnv>) {
  return { principal: c.get("principal").id, locale: c.get("locale") };
}
