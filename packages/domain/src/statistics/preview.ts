import type { Locale } from "../common/i18n.js";
import { labelOf } from "../model/labels.js";
import type { Region } from "../model/region.js";
import { Collector, parsePeriod, regionKeysOf } from "./collect.js";
import { isBlank, readCsv } from "./csv.js";
import { statisticsMessages } from "./messages.js";
import { formatReaders } from "./readers.js";
import {
  type StatisticsFormat,
  type StatisticsPreview,
  type StatisticsProblem,
  statisticsFormatLabels,
} from "./types.js";

/** What {@link previewStatistics} needs besides the file's text. */
export interface StatisticsPreviewOptions {
  /** The tenant's region: only figures for its keys (district, own AGS, municipalities) are taken. */
  readonly region: Pick<Region, "name" | "keys" | "municipalities">;
  /** The file's name; a GENESIS table code in it (e.g. `12411-01-01-4_de_flat.csv`) names the source table. */
  readonly fileName?: string | undefined;
  /** The format, when the caller knows it; otherwise it is recognised from the content. */
  readonly format?: StatisticsFormat | undefined;
  /** The data status (Datenstand) to record, overriding what the file states (ISO or German date). */
  readonly vintage?: string | undefined;
  /** The language of the messages (default German). */
  readonly locale?: Locale | undefined;
}

function problemOf(
  code: keyof typeof statisticsMessages,
  locale: Locale,
  params: Record<string, string | number> = {},
  line = 0,
): StatisticsProblem {
  const messages = statisticsMessages[code]({ line, ...params });
  return { line, code, messages, message: messages[locale] };
}

/** Reads a vintage given as ISO or German date. */
function vintageOf(value: string): string | undefined {
  return parsePeriod(value, { yearEnd: "12-31", splitYearEnd: "07-31" })?.date;
}

/**
 * Reads a statistics file and says what it would import, without writing anything: the values it
 * recognised (area of the tenant, period, unit, indicator), the lines it skipped and why (signs
 * for missing figures, comparison values of the Land or the Federation, notes, repeated values),
 * and the problems that make the file unimportable, each naming its line (a regional key of
 * another area, a broken line, a figure that is no number). Reads GENESIS flat-file CSV, the
 * training-market tables of the Federal Employment Agency's statistics and iABE tables by sector
 * and account.
 *
 * @example
 * const preview = previewStatistics(text, { region, fileName: "12411-01-01-4_de_flat.csv" });
 * preview.importable; // false when any line names another district
 * preview.problems[0]?.message; // "Zeile 5: Der Regionalschlüssel 03159 (Göttingen) gehört nicht zu …"
 */
export function previewStatistics(text: string, options: StatisticsPreviewOptions): StatisticsPreview {
  const locale = options.locale ?? "de";
  const records = readCsv(text);
  const empty: StatisticsPreview = {
    format: null,
    formatLabel: null,
    source: "",
    sourceTable: "",
    vintage: null,
    illustrative: false,
    values: [],
    skipped: [],
    problems: [],
    importable: false,
    recognised: { areas: [], periods: [], units: [], indicators: [] },
  };
  if (records.every(isBlank)) return { ...empty, problems: [problemOf("empty_file", locale)] };
  const reader = options.format
    ? formatReaders.find((r) => r.format === options.format)
    : formatReaders.find((r) => r.detect(records));
  if (!reader || (options.format && !reader.detect(records)))
    return { ...empty, problems: [problemOf("unknown_format", locale)] };
  const keys = regionKeysOf(options.region);
  if (keys.districts.size === 0 && keys.municipalities.size === 0)
    return {
      ...empty,
      format: reader.format,
      formatLabel: statisticsFormatLabels[reader.format][locale],
      problems: [problemOf("no_region_keys", locale, { region: options.region.name })],
    };
  const collect = new Collector(
    locale,
    options.region.name,
    keys,
    reader.rules,
    reader.decimalComma(records, options.fileName),
  );
  const facts = reader.read(records, collect, options.fileName);
  const problems = [...collect.problems];
  let vintage = facts.vintage;
  if (options.vintage !== undefined) {
    const given = vintageOf(options.vintage);
    if (given) vintage = given;
    else problems.push(problemOf("invalid_vintage", locale, { value: options.vintage }));
  }
  if (collect.values.length === 0 && problems.length === 0) problems.push(problemOf("no_values", locale));
  problems.sort((a, b) => a.line - b.line);

  const areas = new Map<string, { key: string; name: string; values: number }>();
  const indicators = new Map<string, { code: string; name: string; unit: string; values: number }>();
  const periods = new Set<string>();
  const units = new Set<string>();
  for (const v of collect.values) {
    const area = areas.get(v.areaKey) ?? { key: v.areaKey, name: v.areaName, values: 0 };
    area.values += 1;
    areas.set(v.areaKey, area);
    const unit = v.unitLabel ?? labelOf("IndicatorUnit", v.unit, locale);
    const indicator = indicators.get(v.indicatorCode) ?? {
      code: v.indicatorCode,
      name: v.indicatorName,
      unit,
      values: 0,
    };
    indicator.values += 1;
    indicators.set(v.indicatorCode, indicator);
    periods.add(v.periodLabel);
    units.add(unit);
  }
  return {
    format: reader.format,
    formatLabel: statisticsFormatLabels[reader.format][locale],
    source: facts.source,
    sourceTable: facts.sourceTable,
    vintage,
    illustrative: facts.illustrative,
    values: collect.values,
    skipped: collect.skipped,
    problems,
    importable: problems.length === 0 && collect.values.length > 0,
    recognised: {
      areas: [...areas.values()],
      periods: [...periods].sort(),
      units: [...units].sort(),
      indicators: [...indicators.values()],
    },
  };
}
