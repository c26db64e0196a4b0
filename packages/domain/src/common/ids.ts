import { z } from "zod";

const alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

// Pattern (as Zod reports it) → an example id, so a malformed id can be explained in every language.
const examples = new Map<string, string>();

// Id schema → the prefix of the ids it accepts ("*" for an id of any record), so references can be
// found by walking an entity's schema.
const prefixes = new WeakMap<z.ZodType, string>();

/** Builds a branded id schema of the form `<prefix>_<12 base62 characters>`. */
export function idSchema<const B extends string>(prefix: string, brand: B) {
  const pattern = new RegExp(`^${prefix}_[0-9A-Za-z]{12}$`);
  examples.set(pattern.toString(), `${prefix}_0123456789ab`);
  const schema = z
    .string()
    .regex(pattern)
    .brand<B>()
    .meta({ id: brand, examples: [`${prefix}_${"0".repeat(12)}`] });
  prefixes.set(schema, prefix);
  return schema;
}

const anyPattern = /^[a-z]{3}_[0-9A-Za-z]{12}$/;
examples.set(anyPattern.toString(), "act_0123456789ab");

/** The id of a record of any entity, for references that may point anywhere (a document's subject). */
export const RecordId = z
  .string()
  .regex(anyPattern)
  .brand<"RecordId">()
  .meta({ id: "RecordId", examples: ["mtg_000000000000"] });
export type RecordId = z.infer<typeof RecordId>;
prefixes.set(RecordId, "*");

/** The id prefix an id schema accepts (`"*"` for {@link RecordId}), or undefined for any other schema. */
export function idPrefixOf(schema: z.ZodType): string | undefined {
  return prefixes.get(schema);
}

/** An example id for a pattern reported by an id schema's issue, or undefined for any other pattern. */
export function idExample(pattern: string | undefined): string | undefined {
  return pattern === undefined ? undefined : examples.get(pattern);
}

/** Makes a new random id with the given prefix (Web Crypto, works in every runtime). */
export function newId<T extends string = string>(prefix: string): T {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  let suffix = "";
  for (const byte of bytes) suffix += alphabet[byte % 62];
  return `${prefix}_${suffix}` as T;
}
