// The benchmark's work, the same on both databases: 10,000 measures written and listed the way the
// API and the UI do it.
import { type EntityCreate, type EntityRecord, entityNames, type Network } from "@oha/domain";
import { generateNetwork } from "@oha/domain/synthetic";
import {
  bundleFormat,
  bundleVersion,
  type Store,
  type TenantStore,
  type WriteContext,
} from "../src/index.js";

/** What one run measured. */
export interface Figures {
  readonly measures: number;
  /** Measures created one by one (one transaction each: validation, reference check, history). */
  readonly createPerSecond: number;
  readonly createSeconds: number;
  /** Measures created before the time budget ran out (normally all of them). */
  readonly created: number;
  /** The whole synthetic network imported as one bundle, in one transaction. */
  readonly importRecordsPerSecond: number;
  readonly importSeconds: number;
  readonly importRecords: number;
  /** Reading all measures in pages of 500 with a cursor (a sync client's first download). */
  readonly syncRecordsPerSecond: number;
  /** First page (50) of a filtered list, sorted by title: what the UI asks most. */
  readonly filteredPagesPerSecond: number;
  /** A full-text search, first page of 50. */
  readonly searchPagesPerSecond: number;
  /** Reading one measure by id. */
  readonly getsPerSecond: number;
}

const ctx: WriteContext = { principal: "bench" };

function fail(message: string): never {
  throw new Error(message);
}

function unwrap<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  return result.ok ? result.value : fail(result.error.message);
}

const seconds = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9;

/** Repeats `fn` for about `duration` seconds and returns how often per second it ran. */
async function rate(duration: number, fn: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  let count = 0;
  while (seconds(start) < duration) {
    await fn();
    count++;
  }
  return count / seconds(start);
}

function toCreate(measure: EntityRecord<"measure">): EntityCreate<"measure"> {
  const { id: _id, version: _v, createdAt: _c, updatedAt: _u, deleted: _d, ...input } = measure;
  return input;
}

function bundleOf(network: Network) {
  return {
    format: bundleFormat,
    version: bundleVersion,
    exportedAt: new Date().toISOString(),
    tenantId: network.region[0]?.id ?? fail("the synthetic network has no region"),
    network,
  };
}

/**
 * Runs the benchmark in two new tenants of the store: one gets the synthetic network without its
 * measures and then `count` measures created one by one; the other gets the whole network in one import.
 */
export async function runWorkload(store: Store, count: number, budgetSeconds: number): Promise<Figures> {
  const network = generateNetwork({ seed: 2013, measures: count });
  const withoutMeasures = { ...network, measure: [], overlapReview: [] } as Network;

  const one = unwrap(await store.createTenant({ name: "Benchmark einzeln", kind: "district" }, "bench"));
  const single: TenantStore = store.tenant(one.id);
  unwrap(await single.importBundle(bundleOf(withoutMeasures), { ...ctx, mode: "refuse-if-not-empty" }));
  const createStart = process.hrtime.bigint();
  let created = 0;
  for (const measure of network.measure) {
    unwrap(await single.create("measure", toCreate(measure), ctx));
    created++;
    if (seconds(createStart) > budgetSeconds) break;
  }
  const createSeconds = seconds(createStart);

  const bulk = unwrap(await store.createTenant({ name: "Benchmark Import", kind: "district" }, "bench"));
  const importRecords = entityNames.reduce((n, name) => n + network[name].length, 0);
  const importStart = process.hrtime.bigint();
  unwrap(
    await store.tenant(bulk.id).importBundle(bundleOf(network), { ...ctx, mode: "refuse-if-not-empty" }),
  );
  const importSeconds = seconds(importStart);

  const tenant = store.tenant(bulk.id);
  const syncStart = process.hrtime.bigint();
  let synced = 0;
  let cursor: string | undefined;
  do {
    const page = unwrap(await tenant.list("measure", { limit: 500, cursor, includeDeleted: true }));
    synced += page.items.length;
    cursor = page.nextCursor;
  } while (cursor);
  const syncSeconds = seconds(syncStart);
  if (synced !== network.measure.length) fail(`synced ${synced} of ${network.measure.length} measures`);

  const categories = [...new Set(network.measure.map((m) => m.category))];
  let turn = 0;
  const filteredPagesPerSecond = await rate(5, async () => {
    const category = categories[turn++ % categories.length];
    unwrap(
      await tenant.list("measure", {
        filter: { category, status: ["running", "planned"] },
        sort: "title",
        limit: 50,
      }),
    );
  });
  const words = ["Praktikum", "Beratung", "Bewerbung", "Sprache", "Eltern"];
  const searchPagesPerSecond = await rate(5, async () => {
    unwrap(await tenant.list("measure", { search: words[turn++ % words.length], limit: 50 }));
  });
  const ids = network.measure.map((m) => m.id);
  const getsPerSecond = await rate(5, async () => {
    unwrap(await tenant.get("measure", ids[turn++ % ids.length]!));
  });

  return {
    measures: count,
    created,
    createSeconds,
    createPerSecond: created / createSeconds,
    importRecords,
    importSeconds,
    importRecordsPerSecond: importRecords / importSeconds,
    syncRecordsPerSecond: synced / syncSeconds,
    filteredPagesPerSecond,
    searchPagesPerSecond,
    getsPerSecond,
  };
}
