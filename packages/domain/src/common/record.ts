import { z } from "zod";
import { report } from "./validation.js";

/** A calendar date on the wire, `YYYY-MM-DD`. */
export const IsoDate = z.iso.date().meta({ id: "IsoDate", examples: ["2013-06-27"] });
/** A point in time on the wire, ISO 8601 with offset. */
export const IsoDateTime = z.iso.datetime({ offset: true }).meta({ id: "IsoDateTime" });

/** The fields the store keeps on every record, beside the entity's own fields. */
export const recordMeta = {
  version: z
    .int()
    .min(1)
    .meta({ description: "Incremented by every change; used for optimistic concurrency." }),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  deleted: z.boolean().meta({ description: "Soft-deleted records stay visible to sync clients." }),
} as const;

/** Marks an invented example entry, so nobody takes it for a fact. */
export const Illustrative = z
  .boolean()
  .default(false)
  .meta({ description: "True for invented example entries that illustrate the model." });

/** A non-empty, trimmed line of text. */
export const Name = z.string().trim().min(1).max(300);
/** Free text, for descriptions and notes. */
export const LongText = z.string().max(20_000);

type PatchShape<S extends z.core.$ZodShape> = {
  [K in keyof S]: S[K] extends z.ZodOptional<infer I extends z.ZodType>
    ? z.ZodOptional<z.ZodNullable<I>>
    : S[K] extends z.ZodDefault<infer D extends z.ZodType>
      ? z.ZodOptional<D>
      : z.ZodOptional<S[K]>;
};

/**
 * The schema of a partial update: every field may be left out, and an optional field may be
 * set to `null` to clear it (JSON Merge Patch, RFC 7396).
 */
export function patchOf<S extends z.core.$ZodShape>(fields: z.ZodObject<S, z.core.$strict>, id: string) {
  const shape: Record<string, z.ZodType> = {};
  for (const [key, schema] of Object.entries(fields.shape)) {
    // A default belongs to creation; a patch that leaves a field out must not reset it.
    const inner = schema instanceof z.ZodDefault ? (schema.unwrap() as z.ZodType) : (schema as z.ZodType);
    shape[key] =
      inner instanceof z.ZodOptional ? (inner.unwrap() as z.ZodType).nullable().optional() : inner.optional();
  }
  return z.strictObject(shape).meta({ id }) as unknown as z.ZodObject<PatchShape<S>, z.core.$strict>;
}

/** Applies a merge patch to a record: `null` removes a field, anything else replaces it. */
export function applyPatch<T extends object>(record: T, patch: object): T {
  const next = { ...record } as Record<string, unknown>;
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete next[key];
    else if (value !== undefined) next[key] = value;
  }
  return next as T;
}

/** Checks that an optional end does not come before an optional start (ISO strings compare in order). */
export function checkOrder(
  ctx: z.core.$RefinementCtx<unknown>,
  start: unknown,
  end: unknown,
  endPath: PropertyKey[],
): void {
  if (typeof start === "string" && typeof end === "string" && end < start)
    report(ctx, "end_before_start", endPath);
}

/** A span of time in whole days; an open end means "until further notice". */
export const Period = z
  .strictObject({ from: IsoDate, to: IsoDate.optional() })
  .superRefine((value, ctx) => checkOrder(ctx, value.from, value.to, ["to"]))
  .meta({ id: "Period" });
export type Period = z.infer<typeof Period>;

/** Whether a dated record with optional start and end is active on a date (ISO strings). */
export function activeOn(
  record: { from?: string | undefined; to?: string | undefined },
  date: string,
): boolean {
  return (!record.from || record.from <= date) && (!record.to || record.to >= date);
}
