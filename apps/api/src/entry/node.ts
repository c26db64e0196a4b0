import { readFileSync } from "node:fs";
import { renderPdf } from "@oha/reports";
import { openStore } from "@oha/store";
import { createApp } from "../app.js";
import { memoryCache } from "../cache.js";
import { loadConfig } from "../config.js";
import { DataFolderLocked, type DataLock, lockedExitCode, lockForConfig } from "../data-lock.js";
import { jsonLogger } from "../logger.js";
import { ensureFirstTenant } from "../setup.js";
import { keyFigures } from "../summary.js";
import { adminAssets, adminDist, docsAssets, docsDist } from "./assets.js";
import { listen } from "./node-server.js";

const config = loadConfig(process.env);
const logger = jsonLogger(config.OHA_LOG_LEVEL);
// One writer per embedded data folder: refuse to start while another process uses it.
let lock: DataLock | undefined;
try {
  lock = lockForConfig(config, "server");
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(error instanceof DataFolderLocked ? lockedExitCode : 1);
}
// Given back however the process ends (a crash kills it without: the next start takes it over).
process.on("exit", () => lock?.release());
const store = await openStore({
  ...(config.DATABASE_URL ? { databaseUrl: config.DATABASE_URL } : {}),
  dataDir: config.OHA_DATA_DIR,
});
const first = config.OHA_SEED_EXAMPLE ? await ensureFirstTenant(store) : { created: false as const };
const figures = first.created ? keyFigures(await store.tenant(first.tenantId).network()) : [];
const ui = adminDist(process.env);
const docsRoot = docsDist();
const docs = docsRoot ? docsAssets(docsRoot) : undefined;
// The district's logo for the printed documents, read once at start (a wrong path stops the start).
const logo = config.OHA_REPORT_LOGO ? new Uint8Array(readFileSync(config.OHA_REPORT_LOGO)) : undefined;
const app = createApp({
  store,
  config,
  logger,
  cache: memoryCache(),
  renderPdf: (document) => renderPdf(document, { logo }),
  ...(ui ? { serveAssets: adminAssets(ui) } : {}),
  ...(docs ? { docsAssets: docs } : {}),
});

const server = listen(app, { port: config.PORT, hostname: config.HOST, logger }, (info) => {
  const url = `http://${info.address.includes(":") ? `[${info.address}]` : info.address}:${info.port}`;
  const lines = [
    "",
    `OHA läuft / is running: ${url}`,
    ui
      ? `  Verwaltung / admin UI: ${url}/`
      : "  Verwaltung / admin UI: not built (pnpm --filter @oha/admin build)",
    `  API-Referenz / API reference: ${url}/docs`,
    `  Datenbank / database: ${store.kind === "pglite" ? `eingebettet / embedded (${config.OHA_DATA_DIR})` : "PostgreSQL"}`,
  ];
  if (first.created) {
    lines.push(
      `  Beispiel-Mandant angelegt / example tenant created: Landkreis Osterode am Harz (${first.tenantId})`,
      ...figures,
      `  Admin-API-Schlüssel (nur jetzt sichtbar) / admin API key (shown only now):`,
      `    ${first.adminKey}`,
    );
  }
  console.log(`${lines.join("\n")}\n`);
});

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.log("info", "shutting down", { signal });
  server.close();
  await store.close();
  lock?.release();
  process.exit(0);
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));
