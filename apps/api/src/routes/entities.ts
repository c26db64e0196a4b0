import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import {
  type Action,
  BatchResult,
  can,
  createSchemaOf,
  type EntityName,
  type EntityRecord,
  type EntityView,
  entities,
  filterableFields,
  HistoryEntry,
  IsoDateTime,
  type IssueDetail,
  notFound,
  PurgeResult,
  pageOf,
  patchSchemaOf,
  readableWhere,
  validate,
  viewOf,
  viewSchema,
} from "@oha/domain";
import type { Context, MiddlewareHandler } from "hono";
import type { AppEnv } from "../env.js";
import { validationHook } from "../http.js";
import { ProblemError, problemResponses } from "../problems.js";
import {
  bearer,
  ctxOf,
  etagOf,
  fail,
  guard,
  IfMatch,
  requireVersion,
  storeOf,
  today,
  withIdempotency,
} from "./support.js";

/**
 * The role's check as the route's first step, before its parameters and body are validated: a
 * caller whose role may not do this at all gets 403, never a report on what it sent.
 */
function roleFirst(action: Action, name: EntityName): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    guard(c, action, name);
    await next();
  };
}

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
      .max(4000)
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
    offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
    sort: z
      .string()
      .regex(/^-?[A-Za-z]+$/)
      .optional()
      .meta({ description: "Field to sort by; prefix with - for descending. Ties are ordered by id." }),
    q: z.string().max(200).optional().meta({ description: "Full-text search in names and titles." }),
    modified_since: IsoDateTime.optional().meta({
      description: "Only records changed after this time; deleted records are included and marked.",
    }),
    include_deleted: z
      .enum(["true", "false", "only"])
      .optional()
      .meta({ description: "`true`: deleted records too; `only`: just the deleted ones (to restore them)." }),
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
  if (query.include_deleted === "only") filter.deleted = true;
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
    includeDeleted:
      query.include_deleted === "true" ||
      query.include_deleted === "only" ||
      typeof query.modified_since === "string",
    ...(typeof query.fields === "string" ? { fields: query.fields.split(",") } : {}),
  };
}

/** `funding-programmes` → `FundingProgrammes`, `coordinationOffice` → `CoordinationOffice`. */
function pascal(name: string): string {
  return name.replace(/(^|-)([a-z])/g, (_, _dash: string, letter: string) => letter.toUpperCase());
}

/** A record as the API serves it, with its figures on today's date. */
function view<N extends EntityName>(c: Context<AppEnv>, name: N, record: EntityRecord<N>): EntityView<N> {
  return viewOf(name, record, today(c));
}

/** A record the caller may not read (a partner and an internal document) is answered as not found. */
function hideUnreadable(c: Context<AppEnv>, name: EntityName, record: object): void {
  if (can(c.get("principal"), "read", name, record)) return;
  const id = (record as { id: string }).id;
  const missing = notFound(name, id, c.get("locale"));
  if (!missing.ok) throw fail(missing.error);
}

/**
 * The routes of one entity: list, get, create, batch, patch, delete, restore, purge and history,
 * typed by the domain's schemas so the typed client knows every body and answer. Handlers only
 * translate between HTTP and the store; permissions are the domain's `can()`, applied by the store
 * to the locked record inside each write's transaction.
 */
export function entityRouter<N extends EntityName>(name: N) {
  const def = entities[name];
  const tag = def.labelPlural.en;
  const one = pascal(name);
  const many = pascal(def.plural);
  const View = viewSchema(name);
  const Page = pageOf(View, `${one}Page`);
  const summary = (verb: string) => `${verb} ${def.label.en} / ${def.label.de}`;
  const generic = def.writtenBy !== "commands";

  const reads = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
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
        // Only the records the caller may read (a partner: no internal documents), also in the total.
        for (const [field, allowed] of Object.entries(readableWhere(c.get("principal"), name) ?? {})) {
          const asked = options.filter[field];
          const values = Array.isArray(asked) ? asked.filter((v) => allowed.includes(v)) : [...allowed];
          if (values.length === 0)
            return c.json({ items: [], total: 0, limit: options.limit, offset: options.offset }, 200);
          options.filter[field] = values;
        }
        const page = await storeOf(c).list(name, options as never);
        if (!page.ok) throw fail(page.error);
        const items = options.fields
          ? page.value.items
          : page.value.items.map((record) => view(c, name, record as EntityRecord<N>));
        return c.json(
          {
            items: items as EntityView<N>[],
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
            content: { "application/json": { schema: View } },
            headers: { ETag: { schema: { type: "string" } } },
          },
          ...problemResponses("unauthorized", "forbidden", "not_found"),
        },
      }),
      async (c) => {
        guard(c, "read", name);
        const result = await storeOf(c).get(name, c.req.valid("param").id);
        if (!result.ok) throw fail(result.error);
        hideUnreadable(c, name, result.value);
        c.header("ETag", etagOf(result.value));
        return c.json(view(c, name, result.value), 200);
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
        if (readableWhere(c.get("principal"), name)) {
          // Only some records are readable to the caller: the record must be one of them.
          const current = await storeOf(c).get(name, id);
          if (!current.ok) throw fail(current.error);
          hideUnreadable(c, name, current.value);
        }
        // Not through `get`: a purged record's history stays readable (its purge entry is the audit trail).
        const items = await storeOf(c).history(name, id, { locale: c.get("locale") });
        if (!items.ok) throw fail(items.error);
        return c.json({ items: items.value }, 200);
      },
    )
    .openapi(
      createRoute({
        method: "delete",
        path: "/{id}",
        tags: [tag],
        summary: summary("Delete"),
        operationId: `delete${one}`,
        middleware: [roleFirst("delete", name)],
        description:
          "Soft delete: the record stays visible to sync clients as deleted and can be restored. Requires If-Match.",
        security: bearer,
        request: { params: IdParam(name), headers: IfMatch },
        responses: {
          200: { description: "The deleted record", content: { "application/json": { schema: View } } },
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
        const result = await storeOf(c).remove(name, id, expected, ctxOf(c, "delete"));
        if (!result.ok) throw fail(result.error);
        return c.json(view(c, name, result.value), 200);
      },
    )
    .openapi(
      createRoute({
        method: "post",
        path: "/{id}/restore",
        tags: [tag],
        summary: summary("Restore a deleted"),
        operationId: `restore${one}`,
        middleware: [roleFirst("delete", name)],
        description: "Brings a soft-deleted record back as a new version. Requires If-Match with its ETag.",
        security: bearer,
        request: { params: IdParam(name), headers: IfMatch },
        responses: {
          200: {
            description: "The restored record",
            content: { "application/json": { schema: View } },
            headers: { ETag: { schema: { type: "string" } } },
          },
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
        const result = await storeOf(c).restore(name, id, expected, ctxOf(c, "delete"));
        if (!result.ok) throw fail(result.error);
        c.header("ETag", etagOf(result.value));
        return c.json(view(c, name, result.value), 200);
      },
    )
    .openapi(
      createRoute({
        method: "post",
        path: "/{id}/purge",
        tags: [tag],
        summary: summary("Erase for good (GDPR)"),
        operationId: `purge${one}`,
        middleware: [roleFirst("purge", name)],
        description:
          "Removes the record and its personal data from the history; a history entry without personal data remains.",
        security: bearer,
        request: { params: IdParam(name) },
        responses: {
          200: { description: "Purged", content: { "application/json": { schema: PurgeResult } } },
          ...problemResponses("unauthorized", "forbidden", "not_found"),
        },
      }),
      async (c) => {
        const { id } = c.req.valid("param");
        const result = await storeOf(c).purge(name, id, ctxOf(c, "purge"));
        if (!result.ok) throw fail(result.error);
        return c.json(
          { entity: result.value.entity, id: result.value.id, purgedAt: result.value.purgedAt },
          200,
        );
      },
    );

  const writes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(
      createRoute({
        method: "post",
        path: "/",
        tags: [tag],
        summary: summary("Create"),
        operationId: `create${one}`,
        middleware: [roleFirst("create", name)],
        security: bearer,
        request: {
          headers: IdempotencyKey,
          body: { required: true, content: { "application/json": { schema: createSchemaOf(name) } } },
        },
        responses: {
          201: {
            description: "Created",
            content: { "application/json": { schema: View } },
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
        const input = c.req.valid("json");
        const created = await withIdempotency(c, async () => {
          const result = await storeOf(c).create(name, input as never, ctxOf(c, "create"));
          if (!result.ok) throw fail(result.error);
          const record = view(c, name, result.value);
          return {
            body: record,
            headers: {
              ETag: etagOf(result.value),
              Location: `${c.req.path.replace(/\/$/, "")}/${(result.value as { id: string }).id}`,
            },
          };
        });
        for (const [header, value] of Object.entries(created.headers)) c.header(header, value);
        return c.json(created.body as EntityView<N>, 201);
      },
    )
    .openapi(
      createRoute({
        method: "post",
        path: "/batch",
        tags: [tag],
        summary: `Create many ${def.labelPlural.en} at once, all or nothing`,
        operationId: `create${many}Batch`,
        middleware: [roleFirst("create", name)],
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
        const principal = c.get("principal");
        // A row the caller may not write (a partner's row for another actor, or one that names no
        // actor) refuses the whole batch, whether or not the row is valid otherwise.
        const rowOf = (item: unknown) => (item !== null && typeof item === "object" ? item : {});
        if (items.some((item) => !can(principal, "create", name, rowOf(item))))
          throw new ProblemError("forbidden");
        const parsed = items.map((item) => validate(def.Create, item, locale));
        const valid = parsed.flatMap((row, index) => (row.ok ? [{ index, input: row.value as object }] : []));
        // References, nested ones too, must name records of the caller's tenant: checked for every
        // valid row, so a dry run reports what the write would refuse.
        const missing = await storeOf(c).missingReferences(
          name,
          valid.map((row) => row.input),
          { locale },
        );
        const unresolved = new Map(valid.map((row, i) => [row.index, missing[i] ?? []]));
        const checked = parsed.map((row, index) => {
          const errors: IssueDetail[] = row.ok
            ? (unresolved.get(index) ?? [])
            : [...(row.error.details ?? [])];
          return errors.length ? { index, ok: false, errors } : { index, ok: true };
        });
        const allValid = checked.every((r) => r.ok);
        if (dryRun || !allValid) return c.json({ dryRun, ok: allValid, results: checked }, 200);
        const written = await storeOf(c).apply(
          items.map((input) => ({ kind: "create" as const, entity: name, input: input as object })),
          ctxOf(c, "create"),
        );
        if (!written.ok) throw fail(written.error);
        return c.json(
          {
            dryRun,
            ok: true,
            results: written.value.map((record, index) => ({ index, ok: true, id: String(record.id) })),
          },
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
        middleware: [roleFirst("update", name)],
        description:
          "JSON Merge Patch: fields left out stay, `null` clears an optional field. Requires If-Match. A patch that changes nothing makes no new version.",
        security: bearer,
        request: {
          params: IdParam(name),
          headers: IfMatch,
          body: { required: true, content: { "application/json": { schema: patchSchemaOf(name) } } },
        },
        responses: {
          200: {
            description: "The changed record",
            content: { "application/json": { schema: View } },
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
        // Validated once by the route; the store checks the resulting record and the permission on
        // the locked row (before and after the change) in the same transaction that writes it.
        const result = await storeOf(c).update(
          name,
          id,
          expected,
          c.req.valid("json") as never,
          ctxOf(c, "update"),
          {
            patchValidated: true,
          },
        );
        if (!result.ok) throw fail(result.error);
        c.header("ETag", etagOf(result.value));
        return c.json(view(c, name, result.value), 200);
      },
    );

  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  // Writes of an entity that only commands write are not offered (its commands are mounted elsewhere).
  return (generic ? app.route("/", writes) : app).route("/", reads) as OpenAPIHono<
    AppEnv,
    RouterSchema<typeof reads> | RouterSchema<typeof writes>,
    "/"
  >;
}

type RouterSchema<R> = R extends OpenAPIHono<AppEnv, infer S, "/"> ? S : never;
