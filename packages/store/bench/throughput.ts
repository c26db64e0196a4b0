// Insert and list throughput for 10,000 measures on PGlite and PostgreSQL, and the resident memory
// of a process holding the embedded database. Local only: `pnpm --filter @oha/store bench`.
//
//   BENCH_MEASURES=10000        how many measures
//   BENCH_BUDGET_SECONDS=300    time limit of the one-by-one inserts per database
//   BENCH_DATABASE_URL=…        the PostgreSQL server (default: DATABASE_URL, else postgres://postgres@127.0.0.1:5432/test)
//   BENCH_LIFTOFF=1             also run PGlite with Node's --liftoff-only (smaller, slower WebAssembly code)
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import postgres from "postgres";
import { openStore } from "../src/index.js";
import { bundle, migrationsFolder, packageDir } from "../test/fixtures/bundle.js";
import { type Figures, runWorkload } from "./workload.js";

const count = Number(process.env.BENCH_MEASURES ?? 10_000);
const budget = Number(process.env.BENCH_BUDGET_SECONDS ?? 300);
const serverUrl =
  process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/test";

interface Resident {
  readonly rss: number;
  readonly jsHeap: number;
  readonly external: number;
}

interface Run {
  readonly name: string;
  readonly figures: Figures;
  readonly memory?: { atRest: Resident; afterBenchmark: Resident };
}

async function embedded(name: string, nodeFlags: string[]): Promise<Run> {
  const script = await bundle(join(packageDir, "bench", "embedded.ts"));
  const dir = mkdtempSync(join(tmpdir(), "oha-bench-"));
  try {
    const child = spawn(
      process.execPath,
      [
        "--expose-gc",
        ...nodeFlags,
        script,
        join(dir, "data"),
        migrationsFolder,
        String(count),
        String(budget),
      ],
      { cwd: packageDir, stdio: ["ignore", "pipe", "inherit"] },
    );
    let stdout = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    if (code !== 0) throw new Error(`the embedded benchmark failed (${code})`);
    const result = JSON.parse(stdout.trim()) as Omit<Run, "name">;
    return { name, ...result };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function server(): Promise<Run | undefined> {
  const admin = postgres(serverUrl, { max: 1, connect_timeout: 3, onnotice: () => {} });
  const name = `oha_bench_${randomBytes(6).toString("hex")}`;
  try {
    await admin.unsafe(`create database ${name}`);
  } catch (error) {
    console.warn(`PostgreSQL at ${serverUrl} is not reachable, skipping it: ${(error as Error).message}`);
    await admin.end({ timeout: 1 });
    return undefined;
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  try {
    const store = await openStore({ databaseUrl: url.toString() });
    try {
      const [version] = await admin<{ server_version: string }[]>`show server_version`;
      return {
        name: `PostgreSQL ${version?.server_version ?? ""}`.trim(),
        figures: await runWorkload(store, count, budget),
      };
    } finally {
      await store.close();
    }
  } finally {
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end({ timeout: 1 });
  }
}

const runs: Run[] = [];
console.log(
  `Benchmark: ${count} measures, Node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? "?"})`,
);
runs.push(await embedded("PGlite 0.5 (on disk)", []));
if (process.env.BENCH_LIFTOFF === "1")
  runs.push(await embedded("PGlite, node --liftoff-only", ["--liftoff-only"]));
const pg = await server();
if (pg) runs.push(pg);

const fmt = (n: number, digits = 0) =>
  n.toLocaleString("en-GB", { maximumFractionDigits: digits, minimumFractionDigits: digits });
/** RSS, with the JavaScript heap and the memory outside it (mostly the WebAssembly heap's size). */
const resident = (m: Resident | undefined) =>
  m ? `${fmt(m.rss)} (JS heap ${fmt(m.jsHeap)}, WASM ${fmt(m.external)})` : "–";
const rows: [string, (run: Run) => string][] = [
  [
    "create one by one (measures/s)",
    (r) =>
      `${fmt(r.figures.createPerSecond)} (${fmt(r.figures.created)} in ${fmt(r.figures.createSeconds, 1)} s)`,
  ],
  [
    "import as one bundle (records/s)",
    (r) =>
      `${fmt(r.figures.importRecordsPerSecond)} (${fmt(r.figures.importRecords)} in ${fmt(r.figures.importSeconds, 1)} s)`,
  ],
  ["sync all, pages of 500 (measures/s)", (r) => fmt(r.figures.syncRecordsPerSecond)],
  ["filtered list, first 50 by title (pages/s)", (r) => fmt(r.figures.filteredPagesPerSecond)],
  ["search, first 50 (pages/s)", (r) => fmt(r.figures.searchPagesPerSecond)],
  ["get by id (reads/s)", (r) => fmt(r.figures.getsPerSecond)],
  ["resident memory at rest, after open + migrate + seed (MB)", (r) => resident(r.memory?.atRest)],
  ["resident memory after the benchmark (MB)", (r) => resident(r.memory?.afterBenchmark)],
];
console.log(`\n| | ${runs.map((r) => r.name).join(" | ")} |`);
console.log(`|---|${runs.map(() => "---:").join("|")}|`);
for (const [label, cell] of rows) console.log(`| ${label} | ${runs.map(cell).join(" | ")} |`);
