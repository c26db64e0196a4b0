import { z } from "zod";

const alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/** Builds a branded id schema of the form `<prefix>_<12 base62 characters>`. */
export function idSchema<const B extends string>(prefix: string, brand: B) {
  return z
    .string()
    .regex(new RegExp(`^${prefix}_[0-9A-Za-z]{12}$`), { error: `Expected an id like ${prefix}_0123456789ab` })
    .brand<B>()
    .meta({ id: brand, examples: [`${prefix}_${"0".repeat(12)}`] });
}

/** Makes a new random id with the given prefix (Web Crypto, works in every runtime). */
export function newId<T extends string = string>(prefix: string): T {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  let suffix = "";
  for (const byte of bytes) suffix += alphabet[byte % 62];
  return `${prefix}_${suffix}` as T;
}
