import { type EntityName, entities, err, type Locale, ok, type Result } from "@oha/domain";
import { type SQL, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import type { z } from "zod";
import { badCursor, badQuery, nulIssues, type StoreError, validationFailed } from "./errors.js";
import { tableOf } from "./tables.js";
import type { FilterValue, ListQuery, RangeFilter } from "./types.js";

/** The default and the largest page size. */
export const pageSize = { default: 100, max: 1000 } as const;

type FieldKind = "array" | "scalar";

const shapes = new Map<EntityName, ReadonlyMap<string, FieldKind>>();

function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema as z.ZodType & { def: { type: string; innerType?: z.ZodType } };
  while (["optional", "default", "nullable", "readonly", "prefault"].includes(current.def.type)) {
    current = current.def.innerType as typeof current;
  }
  return current;
}

/** The top-level fields of an entity's record and whether each holds a list. */
export function fieldsOf(entity: EntityName): ReadonlyMap<string, FieldKind> {
  let fields = shapes.get(entity);
  if (!fields) {
    const shape = (entities[entity].Record as unknown as z.ZodObject).shape;
    fields = new Map(
      Object.entries(shape).map(([key, schema]) => {
        const type = (unwrap(schema as z.ZodType) as unknown as { def: { type: string } }).def.type;
        return [key, type === "array" || type === "tuple" ? "array" : "scalar"] as const;
      }),
    );
    shapes.set(entity, fields);
  }
  return fields;
}

/** How a field is reached in SQL: its own column, or a path into `data`. */
interface FieldAccess {
  readonly expr: SQL;
  readonly column?: PgColumn;
  readonly kind: FieldKind;
}

/** Record fields that every table keeps in a column of the same name. */
const metaFields = new Set(["id", "version", "createdAt", "updatedAt", "deleted"]);

function access(entity: EntityName, field: string): FieldAccess | undefined {
  const kind = fieldsOf(entity).get(field);
  if (!kind) return undefined;
  const info = tableOf(entity);
  const column = metaFields.has(field) ? info.columns[field] : info.extracted[field];
  if (column) return { expr: sql`${column}`, column, kind };
  return { expr: sql`${info.columns.data}->${field}::text`, kind };
}

const json = (value: unknown) => sql`${JSON.stringify(value)}::jsonb`;

/**
 * A parameter cast to a column's type. It travels as text: postgres.js would otherwise serialize it
 * by the type the server infers (a string sent as a boolean becomes `false`).
 */
const typed = (column: PgColumn, value: unknown) =>
  sql`${String(value)}::text::${sql.raw(column.getSQLType())}`;

function isRange(value: unknown): value is RangeFilter {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isScalar(value: unknown): value is string | number | boolean {
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean";
}

function condition(
  entity: EntityName,
  field: string,
  value: FilterValue,
  locale: Locale,
): Result<SQL, StoreError> {
  const target = access(entity, field);
  if (!target) return err(badQuery(`filter.${field}`, field, locale));
  const data = tableOf(entity).columns.data;
  const bad = () => err(badQuery(`filter.${field}`, JSON.stringify(value), locale));
  if (value === null) {
    return ok(target.column ? sql`${target.column} is null` : sql`not (${data} ? ${field}::text)`);
  }
  if (isScalar(value)) {
    if (target.column) return ok(sql`${target.column} = ${typed(target.column, value)}`);
    return ok(sql`${data} @> ${json({ [field]: target.kind === "array" ? [value] : value })}`);
  }
  if (Array.isArray(value)) {
    if (value.length === 0 || !value.every(isScalar)) return bad();
    if (target.column) {
      return ok(
        sql`${target.column} in (${sql.join(
          value.map((v) => typed(target.column as PgColumn, v)),
          sql`, `,
        )})`,
      );
    }
    const each = value.map((v) => sql`${data} @> ${json({ [field]: target.kind === "array" ? [v] : v })}`);
    return ok(sql`(${sql.join(each, sql` or `)})`);
  }
  if (isRange(value)) {
    const parts: SQL[] = [];
    const ops = { gt: sql`>`, gte: sql`>=`, lt: sql`<`, lte: sql`<=` } as const;
    for (const [name, bound] of Object.entries(value)) {
      if (bound === undefined) continue;
      const op = ops[name as keyof typeof ops];
      if (!op || !(typeof bound === "string" || typeof bound === "number")) return bad();
      parts.push(
        target.column
          ? sql`${target.column} ${op} ${typed(target.column, bound)}`
          : sql`${target.expr} ${op} ${json(bound)}`,
      );
    }
    if (parts.length === 0) return bad();
    return ok(sql.join(parts, sql` and `));
  }
  return bad();
}

interface CursorState {
  readonly s: string;
  readonly o: "asc" | "desc";
  readonly k: string;
  readonly i: string;
}

function encodeCursor(state: CursorState): string {
  return Buffer.from(JSON.stringify(state)).toString("base64url");
}

function decodeCursor(cursor: string): CursorState | undefined {
  try {
    const state = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as Partial<CursorState>;
    if (
      typeof state.s === "string" &&
      (state.o === "asc" || state.o === "desc") &&
      typeof state.k === "string" &&
      typeof state.i === "string"
    ) {
      return state as CursorState;
    }
  } catch {
    // Not a cursor of ours; reported below.
  }
  return undefined;
}

/** A list query translated to SQL, ready to run. */
export interface PlannedList {
  readonly select: SQL;
  readonly count: SQL;
  readonly limit: number;
  readonly offset: number;
  /** Builds the cursor that continues after a row, from its sort key and id. */
  readonly cursorAfter: (sortKey: string, id: string) => string;
}

/**
 * Plans a list query: tenant scope, filters, search, modified-since, a stable order (the sort
 * field, then id) and keyset or offset paging. Only fields of the entity are accepted.
 */
export function planList(
  entity: EntityName,
  tenantId: string,
  query: ListQuery<EntityName>,
  projection: readonly string[] | undefined,
): Result<PlannedList, StoreError> {
  const locale = query.locale ?? "de";
  const nul = nulIssues({ search: query.search, filter: query.filter }, locale);
  if (nul.length > 0) return err(validationFailed(nul, locale));
  const unknownField = projection?.find((field) => !fieldsOf(entity).has(field));
  if (unknownField !== undefined) return err(badQuery("fields", unknownField, locale));
  const info = tableOf(entity);
  const { columns } = info;
  const where: SQL[] = [sql`${columns.tenantId} = ${tenantId}`];
  if (!query.includeDeleted) where.push(sql`${columns.deleted} = false`);
  if (query.modifiedSince !== undefined) {
    if (Number.isNaN(Date.parse(query.modifiedSince))) {
      return err(badQuery("modifiedSince", query.modifiedSince, locale));
    }
    where.push(sql`${columns.updatedAt} >= ${new Date(query.modifiedSince).toISOString()}::timestamptz`);
  }
  for (const [field, value] of Object.entries(query.filter ?? {})) {
    if (value === undefined) continue;
    const made = condition(entity, field, value as FilterValue, locale);
    if (!made.ok) return made;
    where.push(made.value);
  }
  if (query.search !== undefined && query.search.trim() !== "") {
    const pattern = `%${query.search
      .trim()
      .toLowerCase()
      .replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(sql`${columns.search} like ${pattern}::text`);
  }
  const count = sql`select count(*)::int as total from ${info.table} where ${sql.join(where, sql` and `)}`;

  const sortField = query.sort ?? "updatedAt";
  const target = access(entity, sortField);
  if (!target) return err(badQuery("sort", sortField, locale));
  const order = query.order ?? "asc";
  // A column that may be empty sorts through its jsonb value, where an empty field is the lowest value.
  const sortColumn = target.column?.notNull ? target.column : undefined;
  const sortExpr = sortColumn
    ? sql`${sortColumn}`
    : sql`coalesce(${columns.data}->${sortField}::text, 'null'::jsonb)`;
  const sortType = sortColumn ? sql.raw(sortColumn.getSQLType()) : sql.raw("jsonb");

  const limit = query.limit ?? pageSize.default;
  if (!Number.isInteger(limit) || limit < 0 || limit > pageSize.max)
    return err(badQuery("limit", String(limit), locale));
  let offset = query.offset ?? 0;
  if (!Number.isInteger(offset) || offset < 0) return err(badQuery("offset", String(offset), locale));
  const pageWhere = [...where];
  if (query.cursor !== undefined) {
    const state = decodeCursor(query.cursor);
    if (!state || state.s !== sortField || state.o !== order || offset !== 0) return err(badCursor(locale));
    const op = order === "asc" ? sql`>` : sql`<`;
    pageWhere.push(sql`(${sortExpr}, ${columns.id}) ${op} (${state.k}::text::${sortType}, ${state.i}::text)`);
    offset = 0;
  }
  const direction = order === "asc" ? sql`asc` : sql`desc`;
  const body = projection
    ? sql`jsonb_strip_nulls(jsonb_build_object(${sql.join(
        projection.map((field) => sql`${field}::text, ${columns.data}->${field}::text`),
        sql`, `,
      )}))`
    : sql`${columns.data}`;
  const select = sql`select ${body} as data, (${sortExpr})::text as sort_key, ${columns.id} as id
    from ${info.table}
    where ${sql.join(pageWhere, sql` and `)}
    order by ${sortExpr} ${direction}, ${columns.id} ${direction}
    limit ${limit + 1} offset ${offset}`;
  return ok({
    select,
    count,
    limit,
    offset,
    cursorAfter: (sortKey, id) => encodeCursor({ s: sortField, o: order, k: sortKey, i: id }),
  });
}
