// A local PgBouncer in front of PostgreSQL for the edge benchmark: it stands in for Hyperdrive
// (or any pooler), so that the worker's connection per request does not start a PostgreSQL
// backend each time. Session pooling: the worker's connection lasts one request, and the server
// connection goes back to the pool when it closes.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createConnection, createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface Pooler {
  /** The database URL through the pooler. */
  readonly databaseUrl: string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? ok(address.port) : fail(new Error("no port")),
      );
    });
  });
}

function listening(port: number): Promise<boolean> {
  return new Promise((ok) => {
    const socket = createConnection({ host: "127.0.0.1", port }, () => {
      socket.end();
      ok(true);
    });
    socket.on("error", () => ok(false));
  });
}

/** Starts PgBouncer for the database, or answers undefined when it is not installed. */
export async function startPgBouncer(databaseUrl: string): Promise<Pooler | undefined> {
  if (spawnSync("pgbouncer", ["--version"]).status !== 0) return undefined;
  const target = new URL(databaseUrl);
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), "oha-pgbouncer-"));
  const user = decodeURIComponent(target.username || "postgres");
  writeFileSync(join(dir, "users.txt"), `"${user}" ""\n`, { mode: 0o644 });
  writeFileSync(
    join(dir, "pgbouncer.ini"),
    [
      "[databases]",
      `* = host=${target.hostname} port=${target.port || 5432}`,
      "[pgbouncer]",
      "listen_addr = 127.0.0.1",
      `listen_port = ${port}`,
      "auth_type = trust",
      `auth_file = ${join(dir, "users.txt")}`,
      "pool_mode = session",
      "max_client_conn = 500",
      "default_pool_size = 20",
      "unix_socket_dir =",
      "log_connections = 0",
      "log_disconnections = 0",
      "",
    ].join("\n"),
    { mode: 0o644 },
  );
  // PgBouncer refuses to run as root; it switches to the PostgreSQL user then.
  const asRoot = process.getuid?.() === 0 ? ["-u", "postgres"] : [];
  const child: ChildProcess = spawn("pgbouncer", [...asRoot, join(dir, "pgbouncer.ini")], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  let err = "";
  child.stderr?.on("data", (c: Buffer) => {
    err += c.toString();
  });
  for (let i = 0; i < 100 && !(await listening(port)); i++) {
    if (child.exitCode !== null) throw new Error(`PgBouncer exited: ${err}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const url = new URL(databaseUrl);
  url.hostname = "127.0.0.1";
  url.port = String(port);
  return {
    databaseUrl: url.toString(),
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((ok) => child.once("exit", ok));
        child.kill("SIGTERM");
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
