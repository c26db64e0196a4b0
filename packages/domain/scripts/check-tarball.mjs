// Packs @oha/domain, installs the tarball with npm in an empty folder outside the workspace and
// uses it the way a consumer would. Exits non-zero on any failure. Run after the build.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const packageDir = fileURLToPath(new URL("..", import.meta.url));

function run(command, args, cwd) {
  console.log(`$ ${command} ${args.join(" ")}`);
  const result = spawnSync(command, args, { cwd, stdio: "inherit", shell: process.platform === "win32" });
  if (result.status !== 0) throw new Error(`${command} ${args[0]} failed with status ${result.status}`);
}

// What a consumer's code does with the package; every check throws on failure.
const smoke = `
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { z } from "zod";
import * as domain from "@oha/domain";
import * as reference from "@oha/domain/reference";
import * as analytics from "@oha/domain/analytics";
import * as interop from "@oha/domain/interop";

const now = new Date().toISOString();
const created = domain.createRecord("actor", { name: "Jobcenter Osterode", kind: "job_centre" }, now);
assert.equal(created.ok, true, "a valid actor is accepted");
assert.match(created.value.id, /^act_[0-9A-Za-z]{12}$/);

const refused = domain.validate(domain.ActorCreate, { kind: "job_centre" });
assert.equal(refused.ok, false, "an actor without a name is refused");
assert.equal(refused.error.details[0].path, "name");
assert.equal(refused.error.details[0].messages.de, "Pflichtangabe fehlt.");
assert.equal(refused.error.details[0].messages.en, "This field is required.");

assert.equal(domain.labelOf("ActorKind", "job_centre"), "Jobcenter");
// The peer dependency: the package's schemas belong to the consumer's own zod.
assert.ok(domain.ActorCreate instanceof z.ZodType, "one zod instance");
assert.ok(z.toJSONSchema(domain.ActorCreate).$defs.ActorCreate, "zod converts the package's schemas");

assert.ok(Object.keys(reference).length > 0, "@oha/domain/reference exports something");
assert.equal(typeof analytics, "object");

const schemaUrl = import.meta.resolve("@oha/domain/json-schema/ActorCreate.json");
const schema = JSON.parse(await readFile(new URL(schemaUrl), "utf8"));
assert.equal(schema.$schema, "https://json-schema.org/draft/2020-12/schema");
assert.deepEqual(schema.$defs.ActorCreate.required, ["name", "kind"]);
const schemaIndex = JSON.parse(
  await readFile(new URL(import.meta.resolve("@oha/domain/json-schema/index.json")), "utf8"),
);
assert.equal(schemaIndex.entities.length, domain.entityNames.length);

// The interop entry point: stable HSDS ids, and the transfer package's JSON Schema ships beside it.
assert.equal(interop.hsdsId("service", "msr_0123456789ab"), interop.hsdsId("service", "msr_0123456789ab"));
assert.match(interop.hsdsId("service", "msr_0123456789ab"), /^[0-9a-f-]{36}$/);
const transferSchema = JSON.parse(
  await readFile(new URL(import.meta.resolve("@oha/domain/json-schema/TransferPackage.json")), "utf8"),
);
assert.equal(transferSchema.$id, interop.transferSchemaId);
assert.equal(schemaIndex.formats[0].schema, "TransferPackage.json");

let example;
try {
  example = await import("@oha/domain/example");
} catch (error) {
  if (error.code !== "ERR_MODULE_NOT_FOUND" && error.code !== "ERR_PACKAGE_PATH_NOT_EXPORTED") throw error;
}
if (example) {
  const network = example.osterodeExample;
  assert.ok(network, "@oha/domain/example exports osterodeExample");
  for (const name of domain.entityNames) {
    for (const record of network[name]) {
      const result = domain.validate(domain.entities[name].Record, record, "en");
      assert.ok(result.ok, name + " " + record.id + ": " + JSON.stringify(result.error?.details));
    }
  }
  console.log("example network: valid");
  const pkg = interop.buildTransferPackage(network, { regionId: network.region[0].id, exportedAt: now });
  assert.equal(interop.parseTransferPackage(JSON.parse(JSON.stringify(pkg))).ok, true, "a transfer package parses");
} else console.log("example network: not in this build");

console.log("@oha/domain works from its tarball.");
`;

const work = mkdtempSync(join(tmpdir(), "oha-domain-pack-"));
try {
  if (!existsSync(join(packageDir, "dist/index.js")) || !existsSync(join(packageDir, "schemas/index.json"))) {
    throw new Error("Build first: pnpm --filter @oha/domain build");
  }
  const packDir = join(work, "pack");
  const consumer = join(work, "consumer");
  run("pnpm", ["pack", "--pack-destination", packDir], packageDir);
  const tarball = readdirSync(packDir).find((name) => name.endsWith(".tgz"));
  if (!tarball) throw new Error("pnpm pack wrote no tarball");
  mkdirSync(consumer);
  writeFileSync(
    join(consumer, "package.json"),
    `${JSON.stringify({ name: "oha-domain-consumer", private: true, type: "module" }, null, 2)}\n`,
  );
  run("npm", ["install", "--no-audit", "--no-fund", join(packDir, tarball), "zod@^4.2.0"], consumer);
  writeFileSync(join(consumer, "smoke.mjs"), smoke);
  run(process.execPath, ["smoke.mjs"], consumer);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}
