import type { IabeSector } from "../model/measure.js";
import { editableIabeAccounts } from "../reference/iabe.js";
import { type Collector, indicatorCode, type PeriodRules, shortHash, unitOf } from "./collect.js";
import { type CsvRecord, isBlank } from "./csv.js";
import type { StatisticsFormat } from "./types.js";

/** What a format reader learnt about the file besides its values. */
export interface FileFacts {
  source: string;
  sourceTable: string;
  vintage: string | null;
  illustrative: boolean;
}

/** Reads one format's records into a collector. */
export interface FormatReader {
  readonly format: StatisticsFormat;
  readonly rules: PeriodRules;
  /** Whether the records look like this format. */
  detect(records: readonly CsvRecord[]): boolean;
  /** German decimal commas unless the file says it is English. */
  decimalComma(records: readonly CsvRecord[], fileName: string | undefined): boolean;
  read(records: readonly CsvRecord[], collect: Collector, fileName: string | undefined): FileFacts;
}

const exampleMarker = /beispielwert|illustrativ|nicht amtlich|illustrative|not official/i;
const anyText = (records: readonly CsvRecord[], pattern: RegExp) =>
  records.some((r) => r.cells.some((c) => pattern.test(c)));
const nonEmpty = (r: CsvRecord) => r.cells.filter((c) => c !== "");
const excerpt = (r: CsvRecord) => nonEmpty(r).join(" ").slice(0, 120);

/** A date in a header line ("Datenstand: 15.05.2024") as ISO. */
function dateIn(text: string): string | null {
  const german = /(\d{1,2})\.(\d{1,2})\.(\d{4})/.exec(text);
  if (german) return `${german[3]}-${german[2]?.padStart(2, "0")}-${german[1]?.padStart(2, "0")}`;
  const iso = /(\d{4}-\d{2}-\d{2})/.exec(text);
  return iso?.[1] ?? null;
}

/** The header block above a table: "Label: value" lines. */
function headerValue(block: readonly CsvRecord[], label: RegExp): string | null {
  for (const record of block) {
    const line = nonEmpty(record).join(" ");
    const match = label.exec(line);
    if (match)
      return line
        .slice((match.index ?? 0) + match[0].length)
        .replace(/^\s*[:–-]?\s*/, "")
        .trim();
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// GENESIS flat file (ffcsv), as Destatis' GENESIS-Online, the Regionaldatenbank Deutschland and the
// state databases deliver it since the format change: one value per line, English column names.

const regionalVariable = /^(GEO|KREISE|GEMEIN|DLAND|DINSG|REGBEZ|LAND|KRS|STAAT|RBZ)/i;

const genesis: FormatReader = {
  format: "genesis_flat",
  rules: { yearEnd: "12-31", splitYearEnd: "07-31" },
  detect: (records) => records.slice(0, 5).some((r) => r.cells[0] === "statistics_code"),
  decimalComma: (records, fileName) =>
    !(/_en[_.]/i.test(fileName ?? "") || anyText(records.slice(0, 3), /^(Year|Reference date|Number)$/)),
  read(records, collect, fileName) {
    const headerIndex = records.findIndex((r) => r.cells[0] === "statistics_code");
    const header = records[headerIndex] as CsvRecord;
    const column = new Map(header.cells.map((c, i) => [c, i]));
    for (const required of [
      "statistics_code",
      "time",
      "value",
      "value_unit",
      "value_variable_code",
      "value_variable_label",
    ])
      if (!column.has(required)) collect.problem(header.line, "missing_column", { column: required });
    const variables: number[] = [];
    for (let n = 1; column.has(`${n}_variable_code`); n++) variables.push(n);
    const cell = (r: CsvRecord, name: string) => {
      const i = column.get(name);
      return i === undefined ? "" : (r.cells[i] ?? "");
    };
    let statistic = "";
    const facts: FileFacts = {
      source: "Statistische Ämter des Bundes und der Länder (GENESIS)",
      sourceTable: "",
      vintage: null,
      illustrative: anyText(records, exampleMarker),
    };
    if (collect.problems.length) return facts;
    for (const record of records.slice(headerIndex + 1)) {
      if (isBlank(record)) continue;
      if (record.problem) {
        collect.problem(record.line, "csv_syntax", { detail: record.problem });
        continue;
      }
      if (record.cells.length !== header.cells.length) {
        collect.problem(record.line, "broken_row", {
          found: record.cells.length,
          expected: header.cells.length,
        });
        continue;
      }
      statistic ||= `${cell(record, "statistics_code")} ${cell(record, "statistics_label")}`.trim();
      let regionKey = "";
      let regionName = "";
      const attributes: { code: string; label: string }[] = [];
      for (const n of variables) {
        const variable = cell(record, `${n}_variable_code`);
        const code = cell(record, `${n}_variable_attribute_code`);
        const label = cell(record, `${n}_variable_attribute_label`);
        if (regionalVariable.test(variable)) {
          regionKey = code;
          regionName = label;
        } else if (variable && code) attributes.push({ code, label });
      }
      const quality = cell(record, "value_q").toLowerCase();
      const { unit, unitLabel } = unitOf(cell(record, "value_unit"));
      collect.add({
        line: record.line,
        indicatorCode: indicatorCode([
          cell(record, "statistics_code"),
          cell(record, "value_variable_code"),
          ...attributes.map((a) => a.code),
        ]),
        indicatorName: [cell(record, "value_variable_label"), ...attributes.map((a) => a.label)].join(" – "),
        unit,
        unitLabel,
        regionKey,
        regionName,
        period: cell(record, "time"),
        value: cell(record, "value"),
        provisional: quality === "v" || quality === "p",
      });
    }
    const table = /(\d{5}-[0-9A-Za-z]+(?:-[0-9A-Za-z]+)*)/.exec(fileName ?? "")?.[1];
    facts.sourceTable = table ? `${table}${statistic ? ` (${statistic})` : ""}` : statistic || "GENESIS";
    return facts;
  },
};

// ---------------------------------------------------------------------------------------------
// Training market tables of the Federal Employment Agency's statistics: a header block (title,
// region, reporting year, creation date), one line per area with its key and the market figures,
// footnotes below. The reporting year runs from 1 October to 30 September.

const baMeasures: readonly { pattern: RegExp; code: string }[] = [
  { pattern: /unversorgt/i, code: "BA-UVB" },
  { pattern: /unbesetzt/i, code: "BA-UBS" },
  { pattern: /alternative/i, code: "BA-BMA" },
  { pattern: /bewerber/i, code: "BA-BEW" },
  { pattern: /ausbildungsstellen/i, code: "BA-BAS" },
];

const keyColumn = /schlüssel|^kennziffer|^ags$|^ars$|^regional/i;
const nameColumn = /^(region|kreis|gebiet|name|agentur|regionsname)/i;
const periodColumn = /berichtsjahr|^jahr$|zeitraum|berichtsmonat|stichtag/i;

function findHeader(records: readonly CsvRecord[], must: RegExp): number {
  return records.findIndex(
    (r) => r.cells.some((c) => keyColumn.test(c)) && r.cells.some((c) => must.test(c)),
  );
}

const ba: FormatReader = {
  format: "ba_training_market",
  rules: { yearEnd: "09-30", splitYearEnd: "09-30" },
  detect: (records) =>
    anyText(records.slice(0, 12), /Bundesagentur für Arbeit/i) &&
    findHeader(records, /bewerber|ausbildungsstellen/i) >= 0,
  decimalComma: () => true,
  read(records, collect) {
    const headerIndex = findHeader(records, /bewerber|ausbildungsstellen/i);
    const header = records[headerIndex] as CsvRecord;
    const block = records.slice(0, headerIndex);
    const keyAt = header.cells.findIndex((c) => keyColumn.test(c));
    const nameAt = header.cells.findIndex((c, i) => i !== keyAt && nameColumn.test(c));
    const periodAt = header.cells.findIndex((c) => periodColumn.test(c));
    const measures = header.cells
      .map((label, index) => ({ label, index }))
      .filter(
        ({ index, label }) => index !== keyAt && index !== nameAt && index !== periodAt && label !== "",
      );
    const blockPeriod = headerValue(block, /Berichtsjahr|Berichtsmonat|Zeitraum/i)?.match(
      /\d{4}\s*\/\s*\d{2,4}|\d{2}\/\d{4}|\d{4}/,
    )?.[0];
    const lines = block.map((r) => nonEmpty(r).join(" "));
    const title =
      lines.find((l) => /bewerber/i.test(l)) ??
      lines.find((l) => /ausbildungs/i.test(l)) ??
      lines.find(Boolean);
    const facts: FileFacts = {
      source: "Statistik der Bundesagentur für Arbeit",
      sourceTable: title ?? "Ausbildungsmarkt",
      vintage: dateIn(headerValue(block, /Datenstand|Erstellungsdatum|Stand/i) ?? ""),
      illustrative: anyText(records, exampleMarker),
    };
    for (const record of block)
      if (!isBlank(record)) collect.skip(record.line, "note_line", { text: excerpt(record) });
    if (periodAt < 0 && !blockPeriod)
      collect.problem(header.line, "missing_column", { column: "Berichtsjahr" });
    for (const record of records.slice(headerIndex + 1)) {
      if (isBlank(record)) continue;
      if (record.problem) {
        collect.problem(record.line, "csv_syntax", { detail: record.problem });
        continue;
      }
      const filled = nonEmpty(record);
      if (filled.length <= 1 || ((record.cells[keyAt] ?? "") === "" && filled.length < measures.length)) {
        collect.skip(record.line, "note_line", { text: excerpt(record) });
        continue;
      }
      if (record.cells.length < header.cells.length) {
        collect.problem(record.line, "broken_row", {
          found: record.cells.length,
          expected: header.cells.length,
        });
        continue;
      }
      for (const measure of measures) {
        const code =
          baMeasures.find((m) => m.pattern.test(measure.label))?.code ?? `BA-${shortHash(measure.label)}`;
        collect.add({
          line: record.line,
          indicatorCode: code,
          indicatorName: measure.label,
          unit: "count",
          regionKey: record.cells[keyAt] ?? "",
          regionName: nameAt >= 0 ? (record.cells[nameAt] ?? "") : "",
          period: periodAt >= 0 ? (record.cells[periodAt] ?? "") : (blockPeriod ?? ""),
          value: record.cells[measure.index] ?? "",
          provisional: false,
        });
      }
    }
    return facts;
  },
};

// ---------------------------------------------------------------------------------------------
// iABE tables: new entrants per area, year, sector and account, with a header block naming the
// source and the data status. Accounts are matched to the editable working list by their names.

const sectors: Readonly<Record<string, IabeSector>> = {
  i: "I",
  "1": "I",
  ii: "II",
  "2": "II",
  iii: "III",
  "3": "III",
  iv: "IV",
  "4": "IV",
  sonstige: "other",
  "sonstige sektoren": "other",
  other: "other",
};
const simplify = (s: string) => s.toLowerCase().replace(/[^a-z0-9äöüß]/g, "");

const iabe: FormatReader = {
  format: "iabe_accounts",
  rules: { yearEnd: "12-31", splitYearEnd: "07-31" },
  detect: (records) =>
    findHeader(records, /^sektor/i) >= 0 && records.some((r) => r.cells.some((c) => /^konto/i.test(c))),
  decimalComma: () => true,
  read(records, collect) {
    const headerIndex = findHeader(records, /^sektor/i);
    const header = records[headerIndex] as CsvRecord;
    const block = records.slice(0, headerIndex);
    const keyAt = header.cells.findIndex((c) => keyColumn.test(c));
    const nameAt = header.cells.findIndex((c, i) => i !== keyAt && nameColumn.test(c));
    const periodAt = header.cells.findIndex((c) => periodColumn.test(c));
    const sectorAt = header.cells.findIndex((c) => /^sektor/i.test(c));
    const accountAt = header.cells.findIndex((c) => /^konto/i.test(c));
    const valueAt = header.cells.findIndex((c) => /anfänger|anzahl|wert|teilnehmende|absolvent/i.test(c));
    const valueLabel = header.cells[valueAt] ?? "Anfängerinnen und Anfänger";
    for (const [at, column] of [
      [periodAt, "Jahr"],
      [valueAt, "Anfängerinnen und Anfänger"],
    ] as const)
      if (at < 0) collect.problem(header.line, "missing_column", { column });
    const accounts = editableIabeAccounts();
    const facts: FileFacts = {
      source:
        headerValue(block, /^Quelle/i) ??
        "Integrierte Ausbildungsberichterstattung (Statistische Ämter des Bundes und der Länder)",
      sourceTable: block.map((r) => nonEmpty(r).join(" ")).find(Boolean) ?? "iABE",
      vintage: dateIn(headerValue(block, /Datenstand|Stand/i) ?? ""),
      illustrative: anyText(records, exampleMarker),
    };
    for (const record of block)
      if (!isBlank(record)) collect.skip(record.line, "note_line", { text: excerpt(record) });
    if (collect.problems.length) return facts;
    for (const record of records.slice(headerIndex + 1)) {
      if (isBlank(record)) continue;
      if (record.problem) {
        collect.problem(record.line, "csv_syntax", { detail: record.problem });
        continue;
      }
      if (nonEmpty(record).length <= 1) {
        collect.skip(record.line, "note_line", { text: excerpt(record) });
        continue;
      }
      if (record.cells.length < header.cells.length) {
        collect.problem(record.line, "broken_row", {
          found: record.cells.length,
          expected: header.cells.length,
        });
        continue;
      }
      const sectorText = (record.cells[sectorAt] ?? "").replace(/^sektor\s*/i, "").trim();
      const sector = sectors[sectorText.toLowerCase()];
      const accountLabel = record.cells[accountAt] ?? "";
      const total = accountLabel === "" || /^(insgesamt|zusammen|summe)$/i.test(accountLabel);
      const account = total
        ? undefined
        : accounts.find((a) => simplify(a.label.de) === simplify(accountLabel));
      const sectorName = sector ? (sector === "other" ? "Sonstige" : sector) : sectorText;
      collect.add({
        line: record.line,
        indicatorCode: indicatorCode([
          "IABE",
          sector ?? simplify(sectorText),
          total ? "" : (account?.key ?? shortHash(simplify(accountLabel))),
        ]),
        indicatorName: `iABE Sektor ${sectorName}${total ? " insgesamt" : ` – ${account?.label.de ?? accountLabel}`}: ${valueLabel}`,
        unit: "count",
        regionKey: record.cells[keyAt] ?? "",
        regionName: nameAt >= 0 ? (record.cells[nameAt] ?? "") : "",
        period: record.cells[periodAt] ?? "",
        value: record.cells[valueAt] ?? "",
        provisional: false,
        ...(sector ? { iabeSector: sector } : {}),
        ...(account ? { iabeAccount: account.key } : {}),
      });
    }
    return facts;
  },
};

/** The readers, in the order formats are tried. */
export const formatReaders: readonly FormatReader[] = [genesis, ba, iabe];
