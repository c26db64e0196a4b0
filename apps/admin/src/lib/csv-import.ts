import { type EnumId, entities, type Locale, labelsOf, messages, validate } from "@oha/domain";
import Papa from "papaparse";
import type { FieldProblem } from "../api/problem.js";
import { type FieldSpec, fieldsOf, parseNumber, splitList } from "./forms.js";

/** The entities that can be imported from CSV. */
export const importEntities = ["actor", "contact", "measure"] as const;
export type ImportEntity = (typeof importEntities)[number];

/** A parsed CSV file: its column titles and rows (one object per row, by column title). */
export interface CsvTable {
  readonly columns: readonly string[];
  readonly rows: readonly Record<string, string>[];
}

/** Parses CSV text; the delimiter (`;` from German spreadsheets, `,`, tab) is detected. */
export function parseCsv(text: string): CsvTable {
  const result = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ""), {
    header: true,
    skipEmptyLines: "greedy",
    transformHeader: (header) => header.trim(),
  });
  const columns = (result.meta.fields ?? []).filter((c) => c !== "");
  return { columns, rows: result.data };
}

/** The fields an import fills: a form's fields, with an address split into its parts. */
export function importFields(entity: ImportEntity): FieldSpec[] {
  const out: FieldSpec[] = [];
  for (const spec of fieldsOf(entity)) {
    if (spec.kind === "address") {
      out.push(
        { name: `${spec.name}.street`, kind: "text" },
        { name: `${spec.name}.postalCode`, kind: "text" },
        { name: `${spec.name}.locality`, kind: "text" },
      );
    } else out.push(spec);
  }
  return out;
}

/** Column titles common in spreadsheets that are not the field's label (matched besides the labels). */
const aliases: Readonly<Record<string, readonly string[]>> = {
  "address.postalCode": ["PLZ", "Zip", "Zip code"],
  "address.locality": ["Ort", "Stadt", "City"],
  "address.street": ["Straße", "Strasse", "Anschrift", "Street"],
  email: ["Mail", "E-Mail-Adresse", "Email address"],
  phone: ["Tel", "Tel.", "Telefonnummer"],
  website: ["Homepage", "Internet", "URL"],
  providerActorId: ["Träger", "Anbieter", "Provider"],
  kind: ["Typ", "Type"],
};

const normalise = (text: string) => text.toLowerCase().replace(/[^a-z0-9äöüß]/g, "");

/**
 * Guesses which column holds which field: a column named like the field (`familyName`) or like
 * its German or English label (`Nachname`, `Family name`).
 */
export function guessMapping(
  fields: readonly FieldSpec[],
  columns: readonly string[],
  labelsOf: (field: string) => readonly string[],
): Record<string, string> {
  const mapping: Record<string, string> = {};
  for (const spec of fields) {
    const names = new Set(
      [
        spec.name,
        spec.name.split(".").at(-1) ?? "",
        ...labelsOf(spec.name),
        ...(aliases[spec.name] ?? []),
      ].map(normalise),
    );
    const column = columns.find((c) => names.has(normalise(c)));
    if (column !== undefined && !Object.values(mapping).includes(column)) mapping[spec.name] = column;
  }
  return mapping;
}

/** An enum value from a cell: the value itself or its German or English label. */
export function enumValue(enumId: EnumId, cell: string): string {
  const wanted = cell.trim().toLowerCase();
  for (const [value, label] of Object.entries(labelsOf(enumId) ?? {})) {
    if (
      value.toLowerCase() === wanted ||
      label.de.toLowerCase() === wanted ||
      label.en.toLowerCase() === wanted
    ) {
      return value;
    }
  }
  return cell.trim();
}

const truthy = ["ja", "j", "yes", "y", "true", "wahr", "1", "x"];
const falsy = ["nein", "n", "no", "false", "falsch", "0", ""];

/** Reads a date as typed in Germany (31.12.2024) or as ISO (2024-12-31). */
export function cellDate(text: string): string {
  const trimmed = text.trim();
  const german = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(trimmed);
  if (german) return `${german[3]}-${german[2]?.padStart(2, "0")}-${german[1]?.padStart(2, "0")}`;
  return trimmed;
}

/** Where referenced records are found by name (a provider's name in a measure's row). */
export interface ImportContext {
  readonly actorIdByName: ReadonlyMap<string, string>;
}

const idPattern = /^[a-z]{3}_[0-9A-Za-z]{12}$/;

function cellValue(
  spec: FieldSpec,
  cell: string,
  ctx: ImportContext,
): { value: unknown; problem?: { code: string; texts: { de: string; en: string } } } {
  switch (spec.kind) {
    case "integer":
    case "number":
      return { value: parseNumber(cell) };
    case "boolean": {
      const v = cell.trim().toLowerCase();
      if (truthy.includes(v)) return { value: true };
      if (falsy.includes(v)) return { value: false };
      return { value: cell };
    }
    case "date":
      return { value: cellDate(cell) };
    case "enum":
      return { value: spec.enumId ? enumValue(spec.enumId, cell) : cell };
    case "enumList":
      return { value: splitList(cell).map((v) => (spec.enumId ? enumValue(spec.enumId, v) : v)) };
    case "stringList":
      return { value: splitList(cell) };
    case "range": {
      const match = /^\s*(\d+)\s*(?:[-–]\s*(\d+))?\s*$/.exec(cell);
      if (!match) return { value: cell };
      const min = Number(match[1]);
      return { value: { min, max: match[2] ? Number(match[2]) : min } };
    }
    case "ref": {
      const v = cell.trim();
      if (idPattern.test(v)) return { value: v };
      const id = ctx.actorIdByName.get(v.toLowerCase());
      if (id) return { value: id };
      return {
        value: undefined,
        problem: { code: "unknown_reference", texts: messages.unknown_reference({ value: v }) },
      };
    }
    case "refList": {
      const ids: string[] = [];
      for (const part of splitList(cell)) {
        const id = idPattern.test(part) ? part : ctx.actorIdByName.get(part.toLowerCase());
        if (!id)
          return {
            value: undefined,
            problem: { code: "unknown_reference", texts: messages.unknown_reference({ value: part }) },
          };
        ids.push(id);
      }
      return { value: ids };
    }
    default:
      return { value: cell.trim() };
  }
}

/** One row of an import: its line in the file, the input it makes, and everything wrong with it. */
export interface ImportRow {
  readonly line: number;
  readonly input: Record<string, unknown>;
  readonly errors: readonly FieldProblem[];
}

/**
 * Turns CSV rows into creation inputs by the mapping and checks each with the domain's schema.
 * Every problem keeps its field path and German and English message.
 */
export function prepareRows(
  entity: ImportEntity,
  table: CsvTable,
  mapping: Readonly<Record<string, string>>,
  ctx: ImportContext,
  locale: Locale,
): ImportRow[] {
  const fields = importFields(entity);
  return table.rows.map((row, index) => {
    const input: Record<string, unknown> = {};
    const problems: FieldProblem[] = [];
    for (const spec of fields) {
      const column = mapping[spec.name];
      if (!column) continue;
      const cell = row[column] ?? "";
      if (cell.trim() === "" && spec.kind !== "boolean") continue;
      if (cell.trim() === "") continue;
      const { value, problem } = cellValue(spec, cell, ctx);
      if (problem) {
        problems.push({
          path: spec.name,
          code: problem.code,
          message: problem.texts[locale],
          messages: problem.texts,
        });
        continue;
      }
      if (value === undefined) continue;
      const [top, sub] = spec.name.split(".");
      if (sub && top) input[top] = { ...((input[top] as object | undefined) ?? {}), [sub]: value };
      else input[spec.name] = value;
    }
    const checked = validate(entities[entity].Create, input, locale);
    // A cell that could not be read explains its field better than "required" does.
    const domain = checked.ok
      ? []
      : (checked.error.details ?? []).filter((d) => !problems.some((p) => p.path === d.path));
    const errors = [...problems, ...domain];
    return {
      line: index + 2,
      input: checked.ok ? (checked.value as Record<string, unknown>) : input,
      errors,
    };
  });
}
