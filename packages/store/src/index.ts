export { type ApiKey, ApiKeyInput, type ApiKeyRepository, hashSecret } from "./api-keys.js";
export { parseBundle, tenantBundleSchema } from "./bundle.js";
export type { Connection } from "./db.js";
export { type StoreError, staleVersion } from "./errors.js";
export {
  defaultIdempotencyTtlSeconds,
  type IdempotencyClaim,
  type IdempotencyRepository,
  type IdempotencyScope,
  type StoredResponse,
} from "./idempotency.js";
export { defaultMigrationsFolder, migrateDatabase } from "./migrate.js";
export { defaultPgliteMemory, type PgliteMemory } from "./pglite.js";
export { pageSize } from "./query.js";
export {
  type CreatedTenant,
  connect,
  type OpenStoreOptions,
  openStore,
  type Store,
  storeOptionsFromEnv,
} from "./store.js";
export type { GetOptions, NetworkOptions, TenantStore, UpdateOptions } from "./tenant-store.js";
export * from "./types.js";
