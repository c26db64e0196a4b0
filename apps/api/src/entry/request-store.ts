import type { Store } from "@oha/store";

/**
 * A store that hands every call to the store of the request being served. Edge runtimes do not let
 * a database connection outlive the request that opened it, so the edge entry opens one store per
 * request, while the app (routes, rate limits, caches) is built once per isolate with this one.
 */
export function requestScopedStore(current: () => Store): Store {
  return {
    kind: "postgres",
    createTenant: (...args) => current().createTenant(...args),
    seedExampleTenant: (...args) => current().seedExampleTenant(...args),
    listTenants: () => current().listTenants(),
    findTenant: (...args) => current().findTenant(...args),
    tenant: (...args) => current().tenant(...args),
    get apiKeys() {
      return current().apiKeys;
    },
    get idempotency() {
      return current().idempotency;
    },
    ping: () => current().ping(),
    close: () => current().close(),
  };
}
