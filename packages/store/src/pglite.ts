import { execFile } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { PGlite } from "@electric-sql/pglite";

/**
 * Postgres memory settings of the embedded database. The defaults keep a process holding it well
 * under 300 MB resident; see the README for the measurements behind them.
 */
export interface PgliteMemory {
  /** Postgres' page cache inside the WASM heap (Postgres' own default: 128MB). */
  readonly sharedBuffers?: string | undefined;
  /** Memory per sort or hash before it spills to disk. */
  readonly workMem?: string | undefined;
  /** Memory for index builds and vacuum (Postgres' default: 64MB). */
  readonly maintenanceWorkMem?: string | undefined;
  /** Memory for temporary tables per session. */
  readonly tempBuffers?: string | undefined;
}

/** The memory settings used unless the caller overrides them. */
export const defaultPgliteMemory = {
  sharedBuffers: "16MB",
  workMem: "4MB",
  maintenanceWorkMem: "16MB",
  tempBuffers: "2MB",
} as const satisfies Required<PgliteMemory>;

function startParams(memory: PgliteMemory): string[] {
  const settings = { ...defaultPgliteMemory, ...stripUndefined(memory) };
  return [
    ...PGlite.defaultStartParams,
    "-c",
    `shared_buffers=${settings.sharedBuffers}`,
    "-c",
    `work_mem=${settings.workMem}`,
    "-c",
    `maintenance_work_mem=${settings.maintenanceWorkMem}`,
    "-c",
    `temp_buffers=${settings.tempBuffers}`,
  ];
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

const run = promisify(execFile);

/**
 * Creates a new data directory in a short-lived child process. PGlite creates a database by
 * starting a second WebAssembly Postgres for initdb; the memory it touches is not given back to
 * the operating system afterwards, so doing it in-process leaves ~430 MB resident for good.
 */
async function initialise(dataDir: string): Promise<void> {
  const entry = createRequire(import.meta.url).resolve("@electric-sql/pglite");
  const script = `require(${JSON.stringify(entry)}).PGlite.create(${JSON.stringify(dataDir)})
    .then((db) => db.close())
    .catch((error) => { console.error(error); process.exit(1); });`;
  await run(process.execPath, ["-e", script], { timeout: 120_000 });
}

/** Whether a data directory is given as an in-memory one (`memory://`), which cannot persist. */
export const isInMemory = (dataDir: string) => dataDir.startsWith("memory://");

/** Opens (and if needed creates) an embedded database with the memory settings applied. */
export async function openPglite(dataDir: string, memory: PgliteMemory = {}): Promise<PGlite> {
  let location = dataDir;
  if (!isInMemory(dataDir)) {
    location = resolve(dataDir);
    if (!existsSync(join(location, "PG_VERSION"))) {
      mkdirSync(location, { recursive: true });
      await initialise(location);
    }
  }
  return PGlite.create(location, { startParams: startParams(memory) });
}
