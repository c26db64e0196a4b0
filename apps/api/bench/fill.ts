// The benchmarks' data: measures of one provider of the Osterode example, in five categories,
// half of them public, written in transactions of 500.
import type { Store } from "@oha/store";

/** Adds `count` measures to the tenant and returns their ids. */
export async function addMeasures(store: Store, tenantId: string, count: number): Promise<string[]> {
  const tenant = store.tenant(tenantId);
  const provider = "act_osterode0010";
  const categories = [
    "vocational_orientation",
    "counselling",
    "application_support",
    "pre_vocational",
    "training_support",
  ] as const;
  const ids: string[] = [];
  for (let start = 0; start < count; start += 500) {
    const batch = await tenant.transaction(async (tx) => {
      const made: string[] = [];
      for (let i = start; i < Math.min(start + 500, count); i++) {
        const r = await tx.create(
          "measure",
          {
            title: `Maßnahme ${i}`,
            providerActorId: provider,
            category: categories[i % categories.length]!,
            targetGroups: ["pupils_lower_secondary"],
            from: "2025-08-01",
            status: "running",
            public: i % 2 === 0,
            places: 10 + (i % 20),
          },
          { principal: "bench" },
        );
        if (!r.ok) return r;
        made.push(r.value.id);
      }
      return { ok: true as const, value: made };
    });
    if (!batch.ok) throw new Error(batch.error.message);
    ids.push(...batch.value);
  }
  return ids;
}
