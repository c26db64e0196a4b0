import type { Context } from "hono";
import type { AppEnv } from "./env.js";
import { storeOf } from "./routes/support.js";

/** Where computed results are kept between requests. */
export interface ResultCache {
  get(key: string): Promise<unknown | undefined> | unknown | undefined;
  set(key: string, value: unknown): Promise<void> | void;
}

/** A cache in this process's memory that forgets the least recently used entries beyond `size`. */
export function memoryCache(size = 200): ResultCache {
  const entries = new Map<string, unknown>();
  return {
    get(key) {
      if (!entries.has(key)) return undefined;
      const value = entries.get(key);
      // Most recently used last.
      entries.delete(key);
      entries.set(key, value);
      return value;
    },
    set(key, value) {
      entries.set(key, value);
      while (entries.size > size) {
        const oldest = entries.keys().next().value;
        if (oldest === undefined) break;
        entries.delete(oldest);
      }
    },
  };
}

/**
 * A result of the caller's tenant, computed once per state of the tenant's data: the key includes
 * the tenant's data version, which every committed write moves (in the store, in the write's own
 * transaction). So a write by any process, through any route, makes the next request compute
 * afresh, and an unchanged tenant is answered from the cache.
 */
export async function cachedForTenant<T>(
  c: Context<AppEnv>,
  name: string,
  params: unknown,
  compute: () => Promise<T>,
): Promise<T> {
  const cache = c.get("deps").cache;
  if (!cache) return compute();
  const tenantId = c.get("principal").tenantId;
  const version = await storeOf(c).dataVersion();
  const key = `${tenantId}\u0000${version}\u0000${name}\u0000${JSON.stringify(params)}`;
  const hit = await cache.get(key);
  if (hit !== undefined) {
    c.header("X-Cache", "hit");
    return hit as T;
  }
  const value = await compute();
  await cache.set(key, value);
  c.header("X-Cache", "miss");
  return value;
}
