#!/usr/bin/env node
import { readFile, writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { Role } from "@oha/domain";
import { openStore, type Store } from "@oha/store";
import { loadConfig } from "./config.js";
import { DataFolderLocked, type DataLock, lockedExitCode, lockForConfig } from "./data-lock.js";
import { ensureFirstTenant } from "./setup.js";

const usage: Record<string, string> = {
  "": `oha – operator commands for an OHA deployment

Usage: oha <command> [options]

Commands:
  migrate                 apply pending database migrations
  seed                    create the Osterode example tenant (if no tenant exists) and print an admin key
  tenants                 list tenants
  keys create             create an API key (shown once)
  keys list               list the API keys of a tenant
  keys revoke <key-id>    revoke an API key
  export                  write a tenant as a JSON bundle
  import <file>           read a JSON bundle into a tenant (all or nothing)

The database comes from DATABASE_URL (PostgreSQL) or OHA_DATA_DIR (embedded, default ./data).
The embedded database takes one process at a time: while the server runs on the same data folder,
every command is refused (exit code 75) and nothing is written; stop the server or use the API.
Run 'oha <command> --help' for the options of a command.`,
  migrate: "Usage: oha migrate\n\nApplies pending migrations (they also run on every start).",
  seed: "Usage: oha seed\n\nCreates the Osterode am Harz example tenant when the database has no tenant yet, and prints an admin API key once.",
  tenants: "Usage: oha tenants\n\nLists the tenants (regions) with their ids.",
  "keys create":
    "Usage: oha keys create --tenant <region-id> --role <admin|coordinator|partner|viewer> --name <label> [--actor <actor-id>]\n\nCreates an API key for one tenant and role and prints it once. Partners need --actor.",
  "keys list": "Usage: oha keys list --tenant <region-id>\n\nLists the keys of a tenant (never the secrets).",
  "keys revoke": "Usage: oha keys revoke <key-id> --tenant <region-id>\n\nRevokes a key at once.",
  export:
    "Usage: oha export --tenant <region-id> [--out <file>]\n\nWrites the tenant as a versioned JSON bundle to a file or to standard output.",
  import:
    "Usage: oha import <file> --tenant <region-id> [--merge]\n\nImports a bundle in one transaction. Without --merge a non-empty tenant is refused.",
};

/** Runs the operator CLI; returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      help: { type: "boolean", short: "h" },
      tenant: { type: "string" },
      role: { type: "string" },
      name: { type: "string" },
      actor: { type: "string" },
      out: { type: "string" },
      merge: { type: "boolean" },
    },
  });
  const command = positionals[0] === "keys" ? `keys ${positionals[1] ?? ""}`.trim() : (positionals[0] ?? "");
  if (values.help || command === "" || !(command in usage)) {
    const text = usage[command] ?? usage[""];
    (command in usage || command === "" ? console.log : console.error)(text);
    return command === "" || command in usage ? (values.help || command === "" ? 0 : 2) : 2;
  }
  const config = loadConfig(process.env);
  // The embedded database takes one process at a time: refuse while the server (or another
  // command) has the data folder, before anything is opened, so nothing is written and lost.
  let lock: DataLock | undefined;
  try {
    lock = lockForConfig(config, `oha ${command}`);
  } catch (error) {
    if (!(error instanceof DataFolderLocked)) throw error;
    console.error(error.message);
    return lockedExitCode;
  }
  let store: Store;
  try {
    store = await openStore({
      ...(config.DATABASE_URL ? { databaseUrl: config.DATABASE_URL } : {}),
      dataDir: config.OHA_DATA_DIR,
    });
  } catch (error) {
    lock?.release();
    throw error;
  }
  try {
    switch (command) {
      case "migrate":
        console.log(`Migrations applied (${store.kind}).`);
        return 0;
      case "seed": {
        const first = await ensureFirstTenant(store);
        if (!first.created) console.log("A tenant exists already; nothing was seeded.");
        else
          console.log(`Seeded tenant ${first.tenantId}.\nAdmin API key (shown only now): ${first.adminKey}`);
        return 0;
      }
      case "tenants": {
        for (const t of await store.listTenants()) console.log(`${t.id}\t${t.name}`);
        return 0;
      }
      case "keys create": {
        const role = Role.safeParse(values.role);
        if (!values.tenant || !role.success || !values.name) {
          console.error(usage["keys create"]);
          return 2;
        }
        const created = await store.apiKeys.create({
          tenantId: values.tenant,
          role: role.data,
          name: values.name,
          ...(values.actor ? { actorId: values.actor } : {}),
        });
        if (!created.ok) {
          console.error(created.error.message);
          return 1;
        }
        console.log(`Key id: ${created.value.record.id}\nAPI key (shown only now): ${created.value.secret}`);
        return 0;
      }
      case "keys list": {
        if (!values.tenant) {
          console.error(usage["keys list"]);
          return 2;
        }
        for (const k of await store.apiKeys.list(values.tenant)) {
          console.log(`${k.id}\t${k.role}\t${k.name}\t${k.revokedAt ? `revoked ${k.revokedAt}` : "active"}`);
        }
        return 0;
      }
      case "keys revoke": {
        const id = positionals[2];
        if (!id || !values.tenant) {
          console.error(usage["keys revoke"]);
          return 2;
        }
        const revoked = await store.apiKeys.revoke(values.tenant, id);
        if (!revoked.ok) {
          console.error(revoked.error.message);
          return 1;
        }
        console.log(`Revoked ${id}.`);
        return 0;
      }
      case "export": {
        if (!values.tenant) {
          console.error(usage.export);
          return 2;
        }
        const bundle = await store.tenant(values.tenant).exportBundle();
        const json = `${JSON.stringify(bundle, null, 2)}\n`;
        if (values.out) await writeFile(values.out, json);
        else process.stdout.write(json);
        return 0;
      }
      case "import": {
        const file = positionals[1];
        if (!file || !values.tenant) {
          console.error(usage.import);
          return 2;
        }
        const bundle: unknown = JSON.parse(await readFile(file, "utf8"));
        const result = await store
          .tenant(values.tenant)
          .importBundle(bundle, { mode: values.merge ? "merge" : "refuse-if-not-empty", principal: "cli" });
        if (!result.ok) {
          console.error(result.error.message);
          for (const d of result.error.details ?? []) console.error(`  ${d.path}: ${d.message}`);
          return 1;
        }
        console.log("Imported.");
        return 0;
      }
    }
    return 2;
  } finally {
    await store.close();
    lock?.release();
  }
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith("/cli.js")) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
