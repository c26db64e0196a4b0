import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { packageDir } from "./fixtures/bundle.js";

const readme = readFileSync(join(packageDir, "README.md"), "utf8");
const examples = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1] ?? "");

describe("the README", () => {
  it("has examples", () => {
    expect(examples.length).toBeGreaterThan(0);
  });

  it.each(
    examples.map((code, i) => [i + 1, code] as const),
  )("example %i runs as written", async (_, code) => {
    const dir = mkdtempSync(join(tmpdir(), "oha-readme-"));
    try {
      const entry = pathToFileURL(join(packageDir, "src", "index.ts")).href;
      const file = join(dir, "example.mts");
      writeFileSync(file, code.replaceAll('from "@oha/store"', `from ${JSON.stringify(entry)}`));
      const run = promisify(execFile);
      await expect(
        run(process.execPath, ["--import", "tsx", "--conditions=@oha/source", file], { cwd: packageDir }),
      ).resolves.toBeDefined();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
