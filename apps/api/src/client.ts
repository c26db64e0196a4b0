import { hc } from "hono/client";
import type { App } from "./app.js";

/**
 * A typed client for the OHA API, derived from the app's routes.
 *
 * @example
 * const api = createClient("http://127.0.0.1:8787", { headers: { Authorization: `Bearer ${key}` } });
 * const res = await api.api.v1.actors.$get({ query: { kind: "chamber" } });
 */
export function createClient(baseUrl: string, options?: Parameters<typeof hc>[1]) {
  return hc<App>(baseUrl, options);
}
export type Client = ReturnType<typeof createClient>;
