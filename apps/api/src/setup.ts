import type { Store } from "@oha/store";

/**
 * On a fresh database: creates the Osterode am Harz example as the first tenant and an admin
 * API key for it. Does nothing when a tenant exists.
 */
export async function ensureFirstTenant(
  store: Store,
): Promise<{ created: false } | { created: true; tenantId: string; adminKey: string }> {
  if ((await store.listTenants()).length > 0) return { created: false };
  const seeded = await store.seedExampleTenant("setup");
  if (!seeded.ok) throw new Error(seeded.error.message);
  const key = await store.apiKeys.create({
    tenantId: seeded.value.id,
    role: "admin",
    name: "Erster Admin-Schlüssel / first admin key",
  });
  if (!key.ok) throw new Error(key.error.message);
  return { created: true, tenantId: seeded.value.id, adminKey: key.value.secret };
}
