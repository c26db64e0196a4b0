import { execFile } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateJsonSchemas } from "../scripts/json-schemas.js";
import { withEntityTable } from "../scripts/readme-entities.js";
import { entityNames } from "../src/model/entities.js";

const run = promisify(execFile);
const packageDir = fileURLToPath(new URL("..", import.meta.url));
const readme = readFileSync(join(packageDir, "README.md"), "utf8");
// Inside the package, so "@oha/domain" resolves to the package itself (through its exports).
const workDir = join(packageDir, ".readme-check");
const blocks = [...readme.matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map((match) => match[1] as string);
const files = blocks.map((_, i) => join(workDir, `block-${i + 1}.ts`));
const require = createRequire(import.meta.url);

describe("README", () => {
  beforeAll(() => {
    rmSync(workDir, { recursive: true, force: true });
    mkdirSync(workDir, { recursive: true });
    blocks.forEach((code, i) => {
      writeFileSync(files[i] as string, code);
    });
    writeFileSync(
      join(workDir, "tsconfig.json"),
      JSON.stringify({ extends: "../tsconfig.json", compilerOptions: { rootDir: ".." }, include: ["*.ts"] }),
    );
    // The JSON Schema example reads the build output; write it if the package was not built yet.
    const schemas = join(packageDir, "schemas");
    if (!existsSync(join(schemas, "index.json"))) {
      mkdirSync(schemas, { recursive: true });
      for (const [name, content] of generateJsonSchemas()) writeFileSync(join(schemas, name), content);
    }
  });
  afterAll(() => rmSync(workDir, { recursive: true, force: true }));

  it("has TypeScript examples", () => {
    expect(blocks.length).toBeGreaterThanOrEqual(6);
  });

  it("has examples that type-check", async () => {
    const tsc = require.resolve("typescript/bin/tsc");
    const failure = await run(process.execPath, [tsc, "-p", join(workDir, "tsconfig.json")], {
      cwd: packageDir,
    }).then(
      () => undefined,
      (error: { stdout?: string; stderr?: string; message: string }) =>
        `${error.stdout ?? ""}${error.stderr ?? ""}` || error.message,
    );
    expect(failure).toBeUndefined();
  });

  it.each(
    files.map((file, i) => [i + 1, file] as const),
  )("runs example %i without throwing", async (_, file) => {
    const tsx = require.resolve("tsx/cli");
    const failure = await run(process.execPath, [tsx, "--conditions=@oha/source", file], {
      cwd: packageDir,
    }).then(
      () => undefined,
      (error: { stderr?: string; message: string }) => error.stderr || error.message,
    );
    expect(failure).toBeUndefined();
  });

  it("lists every entity with its names, id prefix and summary, as the registry declares them", () => {
    // The table is written from the registry; a new entity needs no edit here, only the command.
    expect(readme, "run `pnpm --filter @oha/domain docs:readme` to write the table of entities").toBe(
      withEntityTable(readme),
    );
    for (const name of entityNames) expect(readme).toContain(`| \`${name}\` |`);
  });
});
