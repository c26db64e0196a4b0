import type { Locale } from "../common/i18n.js";
import { type DomainError, err, ok, type Result } from "../common/result.js";
import type { Network } from "../model/entities.js";
import type { IndicatorCreate, Observation, ObservationCreate } from "../model/indicator.js";
import { formatNumber } from "../reports/format.js";
import { statisticsMessages } from "./messages.js";
import type { StatisticsPreview, StatisticsProblem } from "./types.js";

/** What an import will write: new indicators, new observations, and what it leaves as it is. */
export interface StatisticsImportPlan {
  /** The data status the new observations carry. */
  readonly vintage: string;
  /** Indicators the file introduces, by code (existing indicators with the same code are reused). */
  readonly indicators: readonly IndicatorCreate[];
  /** New observations; `indicatorCode` names the indicator (new or existing) they belong to. */
  readonly observations: readonly {
    readonly indicatorCode: string;
    readonly line: number;
    readonly input: Omit<ObservationCreate, "indicatorId">;
  }[];
  /** Values the tenant already has, with the same figure (same vintage, or the newest stored one). */
  readonly unchanged: readonly { readonly line: number; readonly observationId: string }[];
  /** Existing indicators the file adds values to, by code → id. */
  readonly existingIndicators: Readonly<Record<string, string>>;
}

/** Options of {@link planStatisticsImport}. */
export interface StatisticsPlanOptions {
  /** The vintage when the file states none (usually today's date). */
  readonly defaultVintage: string;
  readonly locale?: Locale;
}

const truncate = (value: string, max: number) =>
  value.length <= max ? value : `${value.slice(0, max - 1)}…`;

/**
 * Plans the import of a previewed statistics file into a network, all or nothing: indicators are
 * matched by code (created when new), and each value becomes an observation with its source
 * table, vintage and regional key. A value the tenant already has with the same figure is left as
 * it is, so importing a file twice changes nothing; a newer vintage with a changed figure is added
 * beside the old one, so the history of revisions stays. The same vintage with another figure is
 * refused, naming the line: a corrected delivery carries a new data status.
 *
 * @example
 * const plan = planStatisticsImport(preview, network, { defaultVintage: "2024-05-15" });
 * if (plan.ok) plan.value.observations.length; // values to add
 */
export function planStatisticsImport(
  preview: StatisticsPreview,
  network: Pick<Network, "indicator" | "observation">,
  options: StatisticsPlanOptions,
): Result<StatisticsImportPlan, DomainError> {
  const locale = options.locale ?? "de";
  const refuse = (problems: readonly StatisticsProblem[]) =>
    err({
      code: "import_refused" as const,
      message: problems[0]?.message ?? statisticsMessages.no_values()[locale],
      details: problems.map((p) => ({
        path: `line.${p.line}`,
        code: p.code,
        message: p.message,
        messages: p.messages,
      })),
    });
  if (!preview.importable)
    return refuse(
      preview.problems.length
        ? preview.problems
        : [
            {
              line: 0,
              code: "no_values",
              messages: statisticsMessages.no_values(),
              message: statisticsMessages.no_values()[locale],
            },
          ],
    );
  const vintage = preview.vintage ?? options.defaultVintage;
  const indicatorsByCode = new Map(network.indicator.filter((i) => !i.deleted).map((i) => [i.code, i]));
  const stored = new Map<string, Observation[]>();
  for (const o of network.observation) {
    if (o.deleted) continue;
    const key = `${o.indicatorId}|${o.areaKey ?? ""}|${o.date}`;
    const list = stored.get(key) ?? [];
    list.push(o);
    stored.set(key, list);
  }
  const newIndicators = new Map<string, IndicatorCreate>();
  const existingIndicators: Record<string, string> = {};
  const observations: StatisticsImportPlan["observations"][number][] = [];
  const unchanged: { line: number; observationId: string }[] = [];
  const problems: StatisticsProblem[] = [];
  const source = truncate(`${preview.source}: ${preview.sourceTable}`, 300);
  for (const value of preview.values) {
    const existing = indicatorsByCode.get(value.indicatorCode);
    if (existing) existingIndicators[value.indicatorCode] = existing.id;
    else if (!newIndicators.has(value.indicatorCode))
      newIndicators.set(value.indicatorCode, {
        code: value.indicatorCode,
        name: truncate(value.indicatorName, 300),
        unit: value.unit,
        ...(value.unitLabel ? { unitLabel: value.unitLabel } : {}),
        direction: "neutral",
        frequency: "yearly",
        source: truncate(preview.source, 300),
        description: truncate(`${preview.formatLabel ?? ""}; ${preview.sourceTable}`, 20_000),
        ...(value.iabeSector ? { iabeSector: value.iabeSector } : {}),
        illustrative: preview.illustrative,
      });
    const previous = existing ? (stored.get(`${existing.id}|${value.areaKey}|${value.date}`) ?? []) : [];
    const sameVintage = previous.find((o) => (o.vintage ?? "") === vintage);
    if (sameVintage) {
      if (sameVintage.value === value.value)
        unchanged.push({ line: value.line, observationId: sameVintage.id });
      else {
        const messages = statisticsMessages.vintage_conflict({
          line: value.line,
          indicator: value.indicatorName,
          area: value.areaName || value.areaKey,
          period: value.periodLabel,
          vintage,
          stored: formatNumber(sameVintage.value, "de", 3),
          value: formatNumber(value.value, "de", 3),
        });
        problems.push({ line: value.line, code: "vintage_conflict", messages, message: messages[locale] });
      }
      continue;
    }
    const newest = [...previous].sort(
      (a, b) => (b.vintage ?? "").localeCompare(a.vintage ?? "") || b.updatedAt.localeCompare(a.updatedAt),
    )[0];
    if (newest && newest.value === value.value && newest.provisional === value.provisional) {
      unchanged.push({ line: value.line, observationId: newest.id });
      continue;
    }
    observations.push({
      indicatorCode: value.indicatorCode,
      line: value.line,
      input: {
        date: value.date,
        periodLabel: truncate(value.periodLabel, 40),
        value: value.value,
        areaKey: value.areaKey,
        source,
        vintage: truncate(vintage, 40),
        provisional: value.provisional,
        illustrative: preview.illustrative,
      },
    });
  }
  if (problems.length) return refuse(problems);
  return ok({
    vintage,
    indicators: [...newIndicators.values()],
    observations,
    unchanged,
    existingIndicators,
  });
}
