// Edge benchmark: autocannon against the Node server (dist/entry/node.js, a child process) and the
// edge bundle in workerd (Miniflare), one after the other, on the same PostgreSQL database (created
// for the run, migrated by `oha migrate`, dropped after). Bounded in time and connections;
// prints a Markdown table. Build first: `pnpm --filter @oha/api build` (the bench:edge script does).
import autocannon from "autocannon";
import { freshWorld, type Running, startNode, startWorkerd } from "../test/http/servers.js";
import { addMeasures } from "./fill.js";
import { startPgBouncer } from "./pgbouncer.js";

const measures = Number(process.env.BENCH_MEASURES ?? 10_000);
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);

let ids: string[] = [];
const world = await freshWorld(async (store, tenantA) => {
  ids = await addMeasures(store, tenantA, measures);
});
const headers = { authorization: `Bearer ${world.keys.coordinator}` };
const endpoints = [
  ["list of 50 measures", "/api/v1/measures?limit=50&category=counselling&sort=title"],
  ["get measure by id", `/api/v1/measures/${ids[Math.floor(ids.length / 2)]}`],
] as const;

async function measure(label: string, server: Running): Promise<string[]> {
  const rows: string[] = [];
  try {
    for (const [name, path] of endpoints) {
      await autocannon({ url: server.base + path, headers, connections, duration: 2 }); // warm-up
      const result = await autocannon({ url: server.base + path, headers, connections, duration: seconds });
      if (result.non2xx > 0 || result.errors > 0)
        throw new Error(`${label}, ${name}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
      rows.push(
        `| ${label} | ${name} | ${connections} | ${Math.round(result.requests.average)} | ${result.latency.p50} | ${result.latency.p99} |`,
      );
    }
  } finally {
    await server.stop();
  }
  return rows;
}

const rows: string[] = [];
try {
  rows.push(...(await measure("Node, pool of 10", await startNode(world.databaseUrl))));
  rows.push(...(await measure("workerd, direct", await startWorkerd(world.databaseUrl))));
  const pooler = await startPgBouncer(world.databaseUrl);
  if (pooler) {
    try {
      rows.push(...(await measure("workerd, through PgBouncer", await startWorkerd(pooler.databaseUrl))));
    } finally {
      await pooler.stop();
    }
  } else console.error("PgBouncer is not installed: the pooled run is left out.");
} finally {
  await world.drop();
}

console.log(
  `\n${measures} measures, ${seconds} s per endpoint after a 2 s warm-up, ${connections} connections\n`,
);
console.log("| runtime | endpoint | connections | requests/s | p50 ms | p99 ms |");
console.log("| --- | --- | ---: | ---: | ---: | ---: |");
for (const row of rows) console.log(row);
