import { z } from "zod";
import { text } from "../common/i18n.js";
import { labelledEnum } from "../common/labels.js";
import { IsoDate } from "../common/record.js";
import {
  IndicatorDirection,
  IndicatorId,
  IndicatorUnit,
  type Observation,
  ObservationId,
} from "../model/indicator.js";
import { latestObservation, wholeRegionKeys } from "./goals.js";
import type { AnalysisInput } from "./reads.js";
import { orNull } from "./wire.js";

/** German and English labels of {@link IndicatorTrendKind}. */
export const indicatorTrendKindLabels = {
  improving: text("Verbessert", "Improving"),
  worsening: text("Verschlechtert", "Worsening"),
  rising: text("Gestiegen", "Rising"),
  falling: text("Gesunken", "Falling"),
  stable: text("Unverändert", "Stable"),
  unknown: text("Kein Vergleich möglich", "Not comparable"),
} as const;
/**
 * Which way an indicator moved from its previous to its latest figure: improving or worsening by
 * its direction, rising or falling for a neutral context figure, stable within 1 %.
 */
export const IndicatorTrendKind = labelledEnum("IndicatorTrendKind", indicatorTrendKindLabels);
/** One of {@link IndicatorTrendKind}. */
export type IndicatorTrendKind = z.infer<typeof IndicatorTrendKind>;

/** One figure of an indicator's series for the whole region. */
export const IndicatorPoint = z
  .strictObject({
    observationId: ObservationId,
    date: IsoDate,
    periodLabel: orNull(z.string()),
    value: z.number(),
    provisional: z.boolean(),
  })
  .meta({ id: "IndicatorPoint" });
/** One figure of an indicator's series. */
export type IndicatorPoint = z.infer<typeof IndicatorPoint>;

/** An indicator's series for the whole region and the way its latest figure moved. */
export const IndicatorTrend = z
  .strictObject({
    indicatorId: IndicatorId,
    code: z.string(),
    name: z.string(),
    unit: IndicatorUnit,
    unitLabel: orNull(z.string()),
    direction: IndicatorDirection,
    series: z.array(IndicatorPoint).meta({ description: "One figure per date, oldest first." }),
    latest: orNull(IndicatorPoint),
    previous: orNull(IndicatorPoint),
    change: z
      .number()
      .nullable()
      .meta({ description: "latest − previous; null with fewer than two figures." }),
    trend: IndicatorTrendKind,
  })
  .meta({ id: "IndicatorTrend" });
/** An indicator's series and the way its latest figure moved. */
export type IndicatorTrend = z.infer<typeof IndicatorTrend>;

/** The trend of every indicator (the result of {@link indicatorTrends}). */
export const IndicatorTrends = z.strictObject({ asOf: IsoDate, indicators: z.array(IndicatorTrend) }).meta({
  id: "IndicatorTrends",
  description:
    "Every indicator with its whole-region series up to asOf (per date the final figure of the newest data status), the latest and previous figure, the change and its trend.",
});
/** The trend of every indicator. */
export type IndicatorTrends = z.infer<typeof IndicatorTrends>;

/** Options of {@link indicatorTrends}. */
export interface IndicatorTrendOptions {
  /** The reference date (ISO `YYYY-MM-DD`): later figures are left out. */
  readonly asOf: string;
}

/** A change within this share of the previous figure counts as stable. */
const stableWithin = 0.01;

function trendOf(
  direction: IndicatorDirection,
  previous: number,
  latest: number,
): Exclude<IndicatorTrendKind, "unknown"> {
  const change = latest - previous;
  if (change === 0 || Math.abs(change) <= Math.abs(previous) * stableWithin) return "stable";
  if (direction === "neutral") return change > 0 ? "rising" : "falling";
  return change > 0 === (direction === "higher_is_better") ? "improving" : "worsening";
}

/**
 * The series of every indicator for the whole region (figures without an area key or under one
 * of the region's own keys) up to `asOf`, one figure per date (final before provisional, newest
 * data status), with the change from the previous to the latest figure and its trend: improving
 * or worsening by the indicator's direction, rising or falling for neutral ones, stable within 1 %.
 *
 * @example
 * indicatorTrends(network, { asOf: "2025-06-30" }).indicators[0]?.trend; // "improving"
 */
export function indicatorTrends(
  network: AnalysisInput<"indicatorTrends">,
  options: IndicatorTrendOptions,
): IndicatorTrends {
  const asOf = options.asOf.slice(0, 10);
  const regionKeys = wholeRegionKeys(network.region);
  const byIndicator = new Map<string, Map<string, Observation[]>>();
  for (const o of network.observation) {
    if (o.deleted || o.date > asOf) continue;
    const dates = byIndicator.get(o.indicatorId) ?? new Map<string, Observation[]>();
    byIndicator.set(o.indicatorId, dates);
    dates.set(o.date, [...(dates.get(o.date) ?? []), o]);
  }
  const indicators = network.indicator
    .filter((i) => !i.deleted)
    .sort((a, b) => a.code.localeCompare(b.code, "de"))
    .map((indicator): IndicatorTrend => {
      const series: IndicatorPoint[] = [];
      for (const [date, observations] of [...(byIndicator.get(indicator.id) ?? new Map()).entries()].sort(
        ([a], [b]) => a.localeCompare(b),
      )) {
        const best = latestObservation(observations, indicator.id, date, { regionKeys });
        if (best)
          series.push({
            observationId: best.id,
            date: best.date,
            periodLabel: best.periodLabel ?? null,
            value: best.value,
            provisional: best.provisional,
          });
      }
      const latest = series.at(-1) ?? null;
      const previous = series.length > 1 ? (series.at(-2) ?? null) : null;
      return {
        indicatorId: indicator.id,
        code: indicator.code,
        name: indicator.name,
        unit: indicator.unit,
        unitLabel: indicator.unitLabel ?? null,
        direction: indicator.direction,
        series,
        latest,
        previous,
        change: latest && previous ? latest.value - previous.value : null,
        trend: latest && previous ? trendOf(indicator.direction, previous.value, latest.value) : "unknown",
      };
    });
  return { asOf, indicators };
}
