// Load benchmark: autocannon against the real Node server on 127.0.0.1 with 10,000 measures,
// on the embedded database and on PostgreSQL. Bounded in time; prints a Markdown table.
import { mkdtempSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serve } from "@hono/node-server";
import { openStore, type Store } from "@oha/store";
import autocannon from "autocannon";
import postgres from "postgres";
import { createApp } from "../src/app.js";
import { loadConfig } from "../src/config.js";
import { jsonLogger } from "../src/logger.js";
import { addMeasures } from "./fill.js";

const measures = Number(process.env.BENCH_MEASURES ?? 10_000);
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);

async function fill(store: Store): Promise<{ key: string; ids: string[] }> {
  const created = await store.seedExampleTenant("bench");
  if (!created.ok) throw new Error(created.error.message);
  const key = await store.apiKeys.create({ tenantId: created.value.id, role: "coordinator", name: "bench" });
  if (!key.ok) throw new Error(key.error.message);
  return { key: key.value.secret, ids: await addMeasures(store, created.value.id, measures) };
}

async function measure(label: string, store: Store) {
  const { key, ids } = await fill(store);
  const config = loadConfig({ OHA_RATE_LIMIT_PER_MINUTE: "100000000", OHA_LOG_LEVEL: "silent" });
  const app = createApp({ store, config, logger: jsonLogger("silent") });
  const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
  await new Promise((r) => server.once("listening", r));
  const { port } = server.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}`;
  const headers = { authorization: `Bearer ${key}` };
  const rows: string[] = [];
  for (const [name, path] of [
    ["list of 50 measures", "/api/v1/measures?limit=50&category=counselling&sort=title"],
    ["get measure by id", `/api/v1/measures/${ids[Math.floor(ids.length / 2)]}`],
  ] as const) {
    await autocannon({ url: base + path, headers, connections, duration: 2 }); // warm-up
    const result = await autocannon({ url: base + path, headers, connections, duration: seconds });
    if (result.non2xx > 0) throw new Error(`${name}: ${result.non2xx} non-2xx answers`);
    rows.push(
      `| ${label} | ${name} | ${connections} | ${Math.round(result.requests.average)} | ${result.latency.p50} | ${result.latency.p99} |`,
    );
  }
  server.close();
  return rows;
}

const rows: string[] = [];
const dir = mkdtempSync(join(tmpdir(), "oha-bench-"));
const embedded = await openStore({ dataDir: dir });
try {
  rows.push(...(await measure("PGlite (embedded)", embedded)));
} finally {
  await embedded.close();
  rmSync(dir, { recursive: true, force: true });
}

const serverUrl =
  process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const dbName = `oha_bench_${Date.now()}`;
const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
try {
  await admin.unsafe(`create database ${dbName}`);
  const url = new URL(serverUrl);
  url.pathname = `/${dbName}`;
  const pg = await openStore({ databaseUrl: url.toString() });
  try {
    rows.push(...(await measure("PostgreSQL 15", pg)));
  } finally {
    await pg.close();
  }
} catch (error) {
  console.error(`PostgreSQL not benchmarked: ${(error as Error).message}`);
} finally {
  await admin.unsafe(`drop database if exists ${dbName} with (force)`).catch(() => undefined);
  await admin.end();
}

console.log(
  `\n${measures} measures, ${seconds} s per endpoint after a 2 s warm-up, ${connections} connections\n`,
);
console.log("| database | endpoint | connections | requests/s | p50 ms | p99 ms |");
console.log("| --- | --- | --- | --- | --- | --- |");
for (const row of rows) console.log(row);
