import { z } from "zod";

const alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

// Pattern (as Zod reports it) → an example id, so a malformed id can be explained in every language.
const examples = new Map<string, string>();

/** Builds a branded id schema of the form `<prefix>_<12 base62 characters>`. */
export function idSchema<const B extends string>(prefix: string, brand: B) {
  const pattern = new RegExp(`^${prefix}_[0-9A-Za-z]{12}$`);
  examples.set(pattern.toString(), `${prefix}_0123456789ab`);
  return z
    .string()
    .regex(pattern)
    .brand<B>()
    .meta({ id: brand, examples: [`${prefix}_${"0".repeat(12)}`] });
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
