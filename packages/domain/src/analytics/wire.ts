// Building blocks of the analytics result schemas. Results travel as JSON, so these describe
// plain data only: no transforms, no refinements, nothing that z.toJSONSchema cannot express.
import { z } from "zod";

/** A whole number of things counted, 0 or more. */
export const Count = z.int().min(0);

/** A share in 0..1. */
export const Share = z.number().min(0).max(1);

/** An object with exactly one field per value of an enum, each of the same schema. */
export function fieldsOf<const T extends string, S extends z.ZodType>(values: readonly T[], schema: S) {
  return z.strictObject(Object.fromEntries(values.map((value) => [value, schema])) as { [K in T]: S });
}

/** A count per value of an enum: an object with exactly one non-negative integer per value. */
export const countsOf = <const T extends string>(values: readonly T[]) => fieldsOf(values, Count);

/**
 * A value of a named schema, or null. Written as a union rather than `.nullable()`, so that OpenAPI
 * generators reference the named schema and put null beside it (`anyOf: [$ref, null]`).
 */
export const orNull = <T extends z.ZodType>(schema: T) => z.union([schema, z.null()]);
