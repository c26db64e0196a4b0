// The embedded database on disk: it survives a killed process, and it stays small in memory.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openStore } from "../src/index.js";
import { value } from "./backends.js";
import { bundle, migrationsFolder, packageDir } from "./fixtures/bundle.js";

const fixture = (name: string) => join(packageDir, "test", "fixtures", name);

const temporary: string[] = [];
afterAll(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});
function tempDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "oha-embedded-"));
  temporary.push(dir);
  return join(dir, "data");
}

/** Runs a TypeScript fixture in a new Node process, loading sources like the tests do. */
function runFixture(name: string, args: string[]): ChildProcess {
  return spawn(process.execPath, ["--import", "tsx", "--conditions=@oha/source", fixture(name), ...args], {
    cwd: packageDir,
    stdio: ["ignore", "pipe", "pipe"],
  });
}

describe("the embedded database on disk", () => {
  it("keeps every committed write when the writing process is killed (SIGKILL)", async () => {
    const dataDir = tempDataDir();
    const child = runFixture("writer.ts", [dataDir]);
    const committed: string[] = [];
    let tenantId = "";
    let stderr = "";
    child.stderr?.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    let buffered = "";
    // Bounded by counts, not by the clock: the writer is killed after its 150th acknowledged write,
    // however long a busy machine takes to get there; a writer that stops by itself fails the test.
    await new Promise<void>((resolve, reject) => {
      child.on("exit", (code, signal) => {
        if (signal === "SIGKILL") resolve();
        else reject(new Error(`the writer stopped by itself (${code}): ${stderr}`));
      });
      child.stdout?.on("data", (chunk: Buffer) => {
        buffered += chunk.toString();
        const lines = buffered.split("\n");
        buffered = lines.pop() ?? "";
        for (const line of lines) {
          const [word, id] = line.split(" ");
          if (word === "tenant" && id) tenantId = id;
          if (word === "committed" && id) committed.push(id);
        }
        // Kill it in the middle of its loop, a while after it has started writing.
        if (committed.length >= 150 && !child.killed) child.kill("SIGKILL");
      });
    });
    expect(committed.length).toBeGreaterThanOrEqual(150);

    const store = await openStore({ dataDir });
    try {
      const tenant = store.tenant(tenantId);
      const stored = value(await tenant.list("actor", { limit: 1000 }));
      const ids = new Set(stored.items.map((actor) => actor.id));
      expect(committed.filter((id) => !ids.has(id))).toEqual([]);
      // It is an ordinary, writable database again.
      value(await tenant.create("actor", { name: "Nach dem Absturz", kind: "other" }, { principal: "test" }));
    } finally {
      await store.close();
    }
  });

  it("stays under 300 MB resident with the Osterode example loaded", async () => {
    const script = await bundle(fixture("resident.ts"));
    const child = spawn(process.execPath, ["--expose-gc", script, tempDataDir(), migrationsFolder], {
      cwd: packageDir,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr?.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    expect(code, stderr).toBe(0);
    const report = JSON.parse(stdout.trim()) as { rss: number; records: number };
    expect(report.records).toBeGreaterThan(100);
    expect(report.rss / 2 ** 20).toBeLessThan(300);
  });
});
