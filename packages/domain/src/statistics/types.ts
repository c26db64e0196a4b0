import { z } from "zod";
import { type LocalizedText, text } from "../common/i18n.js";
import { labelledEnum } from "../common/labels.js";
import { IndicatorUnit } from "../model/indicator.js";
import { IabeSector } from "../model/measure.js";

/** German and English names of the statistics formats OHA reads. */
export const statisticsFormatLabels = {
  genesis_flat: text(
    "GENESIS-Tabelle im Flatfile-CSV-Format (Destatis, Regionalstatistik, Landesdatenbanken)",
    "GENESIS table in the flat-file CSV format (Destatis, Regionalstatistik, state databases)",
  ),
  ba_training_market: text(
    "Ausbildungsmarkt: Bewerber und Berufsausbildungsstellen (Statistik der Bundesagentur für Arbeit)",
    "Training market: applicants and training places (Federal Employment Agency statistics)",
  ),
  iabe_accounts: text(
    "Integrierte Ausbildungsberichterstattung (iABE): Anfängerinnen und Anfänger nach Sektoren und Konten",
    "Integrated training statistics (iABE): new entrants by sector and account",
  ),
} as const;
/** A statistics file format OHA can import. */
export const StatisticsFormat = labelledEnum("StatisticsFormat", statisticsFormatLabels);
/** One of {@link StatisticsFormat}. */
export type StatisticsFormat = z.infer<typeof StatisticsFormat>;

const Localized = z.strictObject({ de: z.string(), en: z.string() });

/** A value the importer recognised: one observation-to-be with everything needed to trace it. */
export const StatisticsValue = z
  .strictObject({
    /** The line of the file the value stands on (1-based). */
    line: z.int().min(1),
    indicatorCode: z.string().min(1).max(40),
    indicatorName: z.string().min(1),
    unit: IndicatorUnit,
    unitLabel: z.string().optional(),
    /** District key (5 digits) or AGS (8 digits) of the area. */
    areaKey: z.string(),
    areaName: z.string(),
    /** The reference date (Stichtag) or end of the period, ISO. */
    date: z.iso.date(),
    periodLabel: z.string(),
    value: z.number(),
    provisional: z.boolean(),
    iabeSector: IabeSector.optional(),
    iabeAccount: z.string().optional(),
  })
  .meta({ id: "StatisticsValue" });
/** A {@link StatisticsValue}. */
export type StatisticsValue = z.infer<typeof StatisticsValue>;

/** A line the importer left out, and why (not an error: the rest can be imported). */
export const StatisticsSkip = z
  .strictObject({
    line: z.int().min(1),
    code: z.string(),
    reason: Localized,
    message: z.string(),
  })
  .meta({ id: "StatisticsSkip" });
/** A {@link StatisticsSkip}. */
export type StatisticsSkip = z.infer<typeof StatisticsSkip>;

/** A problem that makes the whole file unimportable, with the line it is on (0 for the file as a whole). */
export const StatisticsProblem = z
  .strictObject({
    line: z.int().min(0),
    code: z.string(),
    messages: Localized,
    message: z.string(),
  })
  .meta({ id: "StatisticsProblem" });
/** A {@link StatisticsProblem}. */
export type StatisticsProblem = z.infer<typeof StatisticsProblem>;

/** What the importer recognised in a file, before anything is written. */
export const StatisticsPreview = z
  .strictObject({
    format: StatisticsFormat.nullable(),
    formatLabel: z.string().nullable(),
    /** Who publishes the figures, e.g. "Statistik der Bundesagentur für Arbeit". */
    source: z.string(),
    /** The source table, e.g. "12411-01-01-4" or the table's title. */
    sourceTable: z.string(),
    /** The data status (Datenstand) stated in the file or given with the upload. */
    vintage: z.string().nullable(),
    /** True when the file says its values are invented examples. */
    illustrative: z.boolean(),
    values: z.array(StatisticsValue),
    skipped: z.array(StatisticsSkip),
    problems: z.array(StatisticsProblem),
    /** Whether the file can be imported: values and no problems. */
    importable: z.boolean(),
    recognised: z.strictObject({
      areas: z.array(z.strictObject({ key: z.string(), name: z.string(), values: z.int() })),
      periods: z.array(z.string()),
      units: z.array(z.string()),
      indicators: z.array(
        z.strictObject({ code: z.string(), name: z.string(), unit: z.string(), values: z.int() }),
      ),
    }),
  })
  .meta({ id: "StatisticsPreview" });
/** A {@link StatisticsPreview}. */
export type StatisticsPreview = z.infer<typeof StatisticsPreview>;

/** A message template of the importer. */
export type StatisticsMessage = (params: Readonly<Record<string, string | number>>) => LocalizedText;
