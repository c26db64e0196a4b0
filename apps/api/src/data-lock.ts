import { randomBytes } from "node:crypto";
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { join, resolve } from "node:path";

/**
 * One writer per embedded data folder. The embedded database (PGlite) is a single process's
 * database: a second process opening the same folder sees an old state and its writes are lost
 * (an API key the CLI "created" while the server ran never worked and was gone after a restart).
 * So whoever opens the folder – the server or an operator command – first takes `oha.lock` in
 * it, and everyone else is refused until it is given back. A lock whose process is gone (a crash,
 * a power cut) is taken over.
 */

/** Who holds a data folder, as written in its lock file. */
export interface LockHolder {
  readonly pid: number;
  readonly host: string;
  /** `server` or the operator command, e.g. `oha keys create`. */
  readonly by: string;
  readonly since: string;
}

/** The lock file inside the data folder. */
export const lockFileName = "oha.lock";

/** The exit code of a command refused because the folder is in use (EX_TEMPFAIL: try again later). */
export const lockedExitCode = 75;

/** The data folder is in use by another process. */
export class DataFolderLocked extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: LockHolder,
  ) {
    super(lockedMessage(dataDir, holder));
    this.name = "DataFolderLocked";
  }
}

function lockedMessage(dataDir: string, holder: LockHolder): string {
  const elsewhere = holder.host !== hostname();
  const who =
    holder.by === "server"
      ? { de: "vom OHA-Server", en: "by the OHA server" }
      : { de: `vom Befehl „${holder.by}“`, en: `by the command '${holder.by}'` };
  const where = elsewhere ? ` auf ${holder.host}` : "";
  const whereEn = elsewhere ? ` on ${holder.host}` : "";
  return [
    `Der Datenordner ${dataDir} wird gerade ${who.de} verwendet (Prozess ${holder.pid}${where}, seit ${holder.since}).`,
    "Die eingebettete Datenbank erlaubt nur einen Prozess: Beenden Sie ihn und wiederholen Sie den Befehl," +
      (holder.by === "server" ? " oder erledigen Sie es bei laufendem Server über die API." : "") +
      " Es wurde nichts geschrieben.",
    `The data folder ${dataDir} is in use ${who.en} (process ${holder.pid}${whereEn}, since ${holder.since}).`,
    "The embedded database allows one process only: stop it and run the command again" +
      (holder.by === "server" ? ", or do it through the API while the server runs." : ".") +
      " Nothing was written.",
    `(${join(dataDir, lockFileName)}${elsewhere ? "; a lock from another machine is never taken over: delete the file only if no OHA process uses the folder there / eine Sperre eines anderen Rechners wird nie übernommen: löschen Sie die Datei nur, wenn dort kein OHA-Prozess den Ordner verwendet" : ""})`,
  ].join("\n");
}

/** Whether the process that wrote the lock still runs (on this machine; another machine's: assumed). */
function alive(holder: LockHolder): boolean {
  if (holder.host !== hostname()) return true;
  if (holder.pid === process.pid) return true;
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, under another user.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readHolder(path: string): { raw: string; holder: LockHolder | undefined } | undefined {
  let raw: string;
  try {
    raw = readFileSync(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
  try {
    const parsed = JSON.parse(raw) as Partial<LockHolder>;
    if (typeof parsed.pid === "number" && typeof parsed.host === "string")
      return {
        raw,
        holder: { pid: parsed.pid, host: parsed.host, by: String(parsed.by), since: String(parsed.since) },
      };
  } catch {
    // not a lock this program wrote: reported as unreadable below
  }
  return { raw, holder: undefined };
}

/**
 * The lock for a configuration: the embedded folder's, or none for PostgreSQL (which serves many
 * processes) and an in-memory database (nothing on disk to share).
 */
export function lockForConfig(
  config: { DATABASE_URL?: string | undefined; OHA_DATA_DIR: string },
  by: string,
): DataLock | undefined {
  if (config.DATABASE_URL || config.OHA_DATA_DIR.startsWith("memory://")) return undefined;
  return acquireDataLock(config.OHA_DATA_DIR, by);
}

/** A held lock; `release` gives it back (only if it is still this process's). */
export interface DataLock {
  readonly path: string;
  release(): void;
}

/**
 * Takes the lock of an embedded data folder for this process, creating the folder if needed.
 * Throws `DataFolderLocked` while another live process holds it; takes over a lock whose process
 * has ended. The lock file is written whole under a temporary name and then linked into place, so
 * no one ever reads half a lock, and two processes never both get it.
 */
export function acquireDataLock(dataDir: string, by: string): DataLock {
  const dir = resolve(dataDir);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, lockFileName);
  const mine: LockHolder = { pid: process.pid, host: hostname(), by, since: new Date().toISOString() };
  const content = `${JSON.stringify(mine)}\n`;
  const temporary = join(dir, `${lockFileName}.${process.pid}.${randomBytes(6).toString("hex")}`);
  writeFileSync(temporary, content, { flag: "wx" });
  try {
    // A lost race with a stale lock is tried again; three rounds are plenty for two processes.
    for (let round = 0; round < 3; round++) {
      try {
        linkSync(temporary, path);
        return {
          path,
          release() {
            if (readHolder(path)?.raw === content) unlinkSync(path);
          },
        };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      }
      const found = readHolder(path);
      if (!found) continue; // given back meanwhile
      if (!found.holder) {
        throw new Error(
          `${path} ist keine Sperrdatei von OHA; bitte prüfen und entfernen. / ${path} is not a lock file of OHA; please check it and remove it.`,
        );
      }
      if (alive(found.holder)) throw new DataFolderLocked(dir, found.holder);
      // Stale: its process is gone. Remove it only if it is still the one just read.
      if (readHolder(path)?.raw === found.raw) {
        try {
          unlinkSync(path);
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
        }
      }
    }
    const found = readHolder(path)?.holder;
    if (found) throw new DataFolderLocked(dir, found);
    throw new Error(`${path}: could not be taken`);
  } finally {
    unlinkSync(temporary);
  }
}
