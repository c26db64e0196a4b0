// Writes the JSON Schemas of every entity and analysis result to schemas/ (or to the folder given as argument).
import { mkdir, rm, writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { generateJsonSchemas } from "./json-schemas.js";

const target = resolve(process.argv[2] ?? fileURLToPath(new URL("../schemas", import.meta.url)));
const files = generateJsonSchemas();
// Start clean, so a renamed entity leaves no stale schema behind.
await rm(target, { recursive: true, force: true });
await mkdir(target, { recursive: true });
await Promise.all([...files].map(([name, content]) => writeFile(resolve(target, name), content)));
console.log(`Wrote ${files.size} JSON Schema files to ${target}`);
