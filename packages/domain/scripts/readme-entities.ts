import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { entities, entityNames } from "../src/model/entities.js";

/** The markers in README.md between which the table of entities is written. */
export const entityTableMarkers = {
  start: "<!-- entities:start (written by `pnpm --filter @oha/domain docs:readme`) -->",
  end: "<!-- entities:end -->",
} as const;

/** The table of entities, as the README shows it: made from the registry, one row per entity. */
export function entityTable(): string {
  const rows = entityNames.map((name) => {
    const def = entities[name];
    const schemaId = (def.Record.meta() as { id?: string } | undefined)?.id ?? name;
    return `| \`${name}\` | \`${schemaId}\` | ${def.label.de} | ${def.label.en} | \`${def.idPrefix}_\` | ${def.summary} |`;
  });
  return [
    `A *network* is one district's data (one tenant). It consists of records of ${entityNames.length} entities:`,
    "",
    "| entity (code) | schema | Deutsch | English | id prefix | what it holds |",
    "| --- | --- | --- | --- | --- | --- |",
    ...rows,
  ].join("\n");
}

/** The README with its table of entities written anew. */
export function withEntityTable(readme: string): string {
  const start = readme.indexOf(entityTableMarkers.start);
  const end = readme.indexOf(entityTableMarkers.end);
  if (start < 0 || end < start) throw new Error("README.md lacks the markers of the table of entities");
  return `${readme.slice(0, start + entityTableMarkers.start.length)}\n${entityTable()}\n${readme.slice(end)}`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const path = fileURLToPath(new URL("../README.md", import.meta.url));
  writeFileSync(path, withEntityTable(readFileSync(path, "utf8")));
}
