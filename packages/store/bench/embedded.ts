// The embedded half of the benchmark, run bundled on plain Node by throughput.ts: it measures the
// resident memory of a process holding the database at rest, runs the workload, and measures again.
import { setTimeout as sleep } from "node:timers/promises";
import { openStore } from "../src/index.js";
import { runWorkload } from "./workload.js";

const [dataDir, migrationsFolder, count, budget] = process.argv.slice(2);
if (!dataDir || !migrationsFolder)
  throw new Error("usage: embedded.js <dataDir> <migrationsFolder> [count] [budget]");

/** Resident memory and where it sits: the JavaScript heap, and outside it (mostly the WebAssembly heap). */
async function residentMegabytes(): Promise<{ rss: number; jsHeap: number; external: number }> {
  await sleep(2000);
  globalThis.gc?.();
  await sleep(500);
  const usage = process.memoryUsage();
  const mb = (bytes: number) => Math.round(bytes / 2 ** 20);
  return { rss: mb(usage.rss), jsHeap: mb(usage.heapTotal), external: mb(usage.external) };
}

const store = await openStore({ dataDir, migrationsFolder });
const tenant = await store.createTenant({ name: "Landkreis Osterode am Harz", kind: "district" }, "bench");
if (!tenant.ok) throw new Error(tenant.error.message);
const seeded = await store.tenant(tenant.value.id).seedExample({ principal: "bench" });
if (!seeded.ok) throw new Error(seeded.error.message);
const atRest = await residentMegabytes();
const figures = await runWorkload(store, Number(count ?? 10_000), Number(budget ?? 300));
const afterBenchmark = await residentMegabytes();
await store.close();
process.stdout.write(`${JSON.stringify({ figures, memory: { atRest, afterBenchmark } })}\n`);
