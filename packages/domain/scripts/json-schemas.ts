import { z } from "zod";
import { analyses } from "../src/analytics/analyses.js";
import type { AnalysisName } from "../src/analytics/reads.js";
import { TransferPackage } from "../src/interop/transfer.js";
import { type EntityName, entities, entityNames } from "../src/model/entities.js";

/**
 * The base of every schema's `$id`. It names the schemas and never changes; it is not a download
 * location (the `.example` domain is reserved). The files themselves ship in the package.
 */
export const jsonSchemaBase = "https://oha.example/schemas/";

/** The three schemas of an entity, and which side of a parse each describes. */
const kinds = [
  { kind: "record", key: "Record", io: "output", purpose: "The stored record, as the API returns it." },
  { kind: "create", key: "Create", io: "input", purpose: "What a client sends to create one." },
  {
    kind: "patch",
    key: "Patch",
    io: "input",
    purpose:
      "A partial update (JSON Merge Patch): leave a field out to keep it, null clears an optional field.",
  },
] as const;

type Kind = (typeof kinds)[number]["kind"];

/** The file of one schema in the index. */
export interface JsonSchemaIndexEntry {
  readonly entity: EntityName;
  readonly label: { readonly de: string; readonly en: string };
  readonly idPrefix: string;
  readonly schemas: Readonly<Record<Kind, string>>;
}

/** The file of an analysis result's schema in the index. */
export interface JsonSchemaAnalysisEntry {
  readonly analysis: AnalysisName;
  readonly reads: readonly EntityName[];
  readonly schema: string;
}

function schemaName(schema: z.ZodType): string {
  const id = z.globalRegistry.get(schema)?.id;
  if (!id) throw new Error("Every entity and result schema needs a meta id.");
  return id;
}

/** The result schemas of the analyses that declare one, by analysis. */
export function analysisResultSchemas(): [AnalysisName, z.ZodType][] {
  return (Object.entries(analyses) as [AnalysisName, { result?: z.ZodType }][]).flatMap(([name, declared]) =>
    declared.result ? [[name, declared.result] as [AnalysisName, z.ZodType]] : [],
  );
}

/**
 * Generates the JSON Schema (draft 2020-12) of every entity's Record, Create and Patch schema and
 * of every analysis result, plus an index, as file name → JSON text. Deterministic: the same model
 * gives the same bytes.
 */
export function generateJsonSchemas(): Map<string, string> {
  const files = new Map<string, string>();
  const write = (name: string, content: string) => {
    if (files.has(name)) throw new Error(`Two schemas are named ${name}.`);
    files.set(name, content);
  };
  const index: JsonSchemaIndexEntry[] = [];
  for (const entity of entityNames) {
    const def = entities[entity];
    const names = {} as Record<Kind, string>;
    for (const { kind, key, io, purpose } of kinds) {
      const schema = def[key];
      const name = schemaName(schema);
      const { $schema, ...body } = z.toJSONSchema(schema, { io, target: "draft-2020-12" });
      const document = {
        $schema,
        $id: `${jsonSchemaBase}${name}.json`,
        title: name,
        description: `${def.label.de === def.label.en ? def.label.de : `${def.label.de} (${def.label.en})`}. ${purpose}`,
        ...body,
      };
      write(`${name}.json`, `${JSON.stringify(document, null, 2)}\n`);
      names[kind] = `${name}.json`;
    }
    index.push({ entity, label: def.label, idPrefix: def.idPrefix, schemas: names });
  }
  const analytics: JsonSchemaAnalysisEntry[] = [];
  for (const [analysis, schema] of analysisResultSchemas()) {
    const name = schemaName(schema);
    // An analysis's result is output only; the same schema may serve two analyses.
    if (!files.has(`${name}.json`)) {
      const { $schema, ...body } = z.toJSONSchema(schema, { io: "output", target: "draft-2020-12" });
      const document = {
        $schema,
        $id: `${jsonSchemaBase}${name}.json`,
        title: name,
        description: `The result of the analysis ${analysis} in @oha/domain/analytics.`,
        ...body,
      };
      write(`${name}.json`, `${JSON.stringify(document, null, 2)}\n`);
    }
    analytics.push({ analysis, reads: analyses[analysis].reads, schema: `${name}.json` });
  }
  // Exchange formats beside the entities: the transfer package between districts.
  const { $schema, ...transfer } = z.toJSONSchema(TransferPackage, { io: "input", target: "draft-2020-12" });
  const transferDocument = {
    $schema,
    $id: `${jsonSchemaBase}TransferPackage.json`,
    title: "TransferPackage",
    description:
      "Transferpaket (Transfer package): standards with interfaces, practice guides, agreement templates with goal trees and maturity questionnaires of one district, for another to import. No personal data.",
    ...transfer,
  };
  write("TransferPackage.json", `${JSON.stringify(transferDocument, null, 2)}\n`);
  const indexDocument = {
    base: jsonSchemaBase,
    entities: index,
    analytics,
    formats: [{ name: "TransferPackage", schema: "TransferPackage.json" }],
  };
  write("index.json", `${JSON.stringify(indexDocument, null, 2)}\n`);
  return files;
}
