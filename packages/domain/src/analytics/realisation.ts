import { z } from "zod";
import { IsoDate } from "../common/record.js";
import { GoalId } from "../model/goal.js";
import { MeasureId } from "../model/measure.js";
import {
  flattenGoalProgress,
  type GoalProgressOptions,
  type GoalProgressReport,
  rollUpGoalProgress,
} from "./goals.js";
import type { AnalysisInput } from "./reads.js";
import { Count, orNull, Share } from "./wire.js";

/** A share with the counts behind it; `value` is null when there is nothing to count. */
export const Rate = z
  .strictObject({
    numerator: Count,
    denominator: Count,
    value: Share.nullable().meta({
      description: "numerator / denominator, in 0..1; null when the denominator is 0.",
    }),
  })
  .meta({
    id: "Rate",
    description:
      "A share with the counts behind it; value = numerator / denominator, null when the denominator is 0.",
    examples: [{ numerator: 8, denominator: 10, value: 0.8 }],
  });
/** A share with the counts behind it. */
export type Rate = z.infer<typeof Rate>;

/** Builds a {@link Rate}; the value is null for an empty denominator. */
export function rateOf(numerator: number, denominator: number): Rate {
  return { numerator, denominator, value: denominator > 0 ? numerator / denominator : null };
}

/** A span of calendar days, both ends included (ISO `YYYY-MM-DD`). */
export const AnalysisWindow = z.strictObject({ from: IsoDate, to: IsoDate }).meta({ id: "AnalysisWindow" });
/** A span of calendar days, both ends included. */
export type AnalysisWindow = z.infer<typeof AnalysisWindow>;

/**
 * Adds whole calendar months to an ISO date (negative months go back), keeping the day where the
 * month has it and using the month's last day otherwise.
 *
 * @example
 * addCalendarMonths("2024-01-31", 1); // "2024-02-29"
 */
export function addCalendarMonths(iso: string, months: number): string {
  const [y, m, d] = iso.slice(0, 10).split("-").map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month, Math.min(d, last))).toISOString().slice(0, 10);
}

/**
 * The window of whole months that ends on a date, e.g. the twelve months up to `asOf`.
 *
 * @example
 * windowEndingOn("2025-06-30", 12); // { from: "2024-07-01", to: "2025-06-30" }
 */
export function windowEndingOn(asOf: string, months: number): AnalysisWindow {
  const start = new Date(`${addCalendarMonths(asOf, -months)}T00:00:00Z`);
  start.setUTCDate(start.getUTCDate() + 1);
  return { from: start.toISOString().slice(0, 10), to: asOf.slice(0, 10) };
}

/** The number of days from one ISO date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round(
    (Date.parse(`${to.slice(0, 10)}T00:00:00Z`) - Date.parse(`${from.slice(0, 10)}T00:00:00Z`)) / 86_400_000,
  );
}

/** The window a realisation rate looks at; an open start takes everything up to its end. */
export const RealisationWindow = z
  .strictObject({ from: orNull(IsoDate), to: IsoDate })
  .meta({ id: "RealisationWindow" });
/** The window a realisation rate looks at. */
export type RealisationWindow = z.infer<typeof RealisationWindow>;

/** The measures behind a realisation rate, by outcome (the result of {@link measureRealisation}). */
export const MeasureRealisation = z
  .strictObject({
    asOf: IsoDate,
    /** The window the measures' planned start had to fall in. */
    window: RealisationWindow,
    realised: z.array(MeasureId).meta({ description: "Running or completed: the plan came true." }),
    cancelled: z.array(MeasureId).meta({ description: "Cancelled (not carried out or broken off)." }),
    overdue: z.array(MeasureId).meta({ description: "Still planned although the planned start has passed." }),
    notYetDue: z
      .array(MeasureId)
      .meta({ description: "Still planned with a start on or after `asOf`: not due yet, so not counted." }),
    /** realised / (realised + cancelled + overdue). */
    realisationRate: Rate,
    /** cancelled / (realised + cancelled + overdue). */
    cancellationRate: Rate,
    /** overdue / (realised + cancelled + overdue). */
    overdueRate: Rate,
  })
  .meta({
    id: "MeasureRealisation",
    description:
      "The degree of realisation of planned measures: the measures behind it by outcome. realisationRate = realised / (realised + cancelled + overdue); cancellationRate and overdueRate divide cancelled and overdue by the same sum. Measures not yet due are listed, not counted.",
  });
/** The measures behind a realisation rate, by outcome. */
export type MeasureRealisation = z.infer<typeof MeasureRealisation>;

/**
 * The degree of realisation (Realisierungsgrad) of planned measures: of the measures whose
 * planned start (`from`) lies in the window, how many are running or completed, how many were
 * cancelled and how many are still only planned although their start has passed. Measures still
 * planned that start on or after `asOf` are not due yet and are listed but not counted.
 *
 * @example
 * measureRealisation(network, { asOf: "2025-06-30", window: { from: "2024-08-01", to: "2025-07-31" } })
 *   .realisationRate; // { numerator: 8, denominator: 10, value: 0.8 }
 */
export function measureRealisation(
  network: AnalysisInput<"measureRealisation">,
  options: { readonly asOf: string; readonly window?: Partial<AnalysisWindow> },
): MeasureRealisation {
  const from = options.window?.from ?? null;
  const to = options.window?.to ?? options.asOf;
  const realised: MeasureId[] = [];
  const cancelled: MeasureId[] = [];
  const overdue: MeasureId[] = [];
  const notYetDue: MeasureId[] = [];
  for (const m of network.measure) {
    if (m.deleted || (from !== null && m.from < from) || m.from > to) continue;
    if (m.status === "running" || m.status === "completed") realised.push(m.id);
    else if (m.status === "cancelled") cancelled.push(m.id);
    else if (m.from < options.asOf) overdue.push(m.id);
    else notYetDue.push(m.id);
  }
  const due = realised.length + cancelled.length + overdue.length;
  return {
    asOf: options.asOf,
    window: { from, to },
    realised,
    cancelled,
    overdue,
    notYetDue,
    realisationRate: rateOf(realised.length, due),
    cancellationRate: rateOf(cancelled.length, due),
    overdueRate: rateOf(overdue.length, due),
  };
}

/** The goals behind the realisation rate of goals, by outcome (the result of {@link goalRealisation}). */
export const GoalRealisation = z
  .strictObject({
    asOf: IsoDate,
    /** The window the goals' deadline had to fall in. */
    window: RealisationWindow,
    achieved: z.array(GoalId).meta({ description: "Deadline passed and target reached." }),
    missed: z.array(GoalId).meta({ description: "Deadline passed and target not reached." }),
    dropped: z
      .array(GoalId)
      .meta({ description: "Dropped goals whose deadline has passed: they did not come true either." }),
    unassessable: z
      .array(GoalId)
      .meta({ description: "Deadline passed but no data to tell: listed, not counted." }),
    /** achieved / (achieved + missed + dropped). */
    realisationRate: Rate,
  })
  .meta({
    id: "GoalRealisation",
    description:
      "The degree of realisation of goals whose deadline has passed: the goals behind it by outcome. realisationRate = achieved / (achieved + missed + dropped); goals without data are listed as unassessable, not counted.",
  });
/** The goals behind the realisation rate of goals, by outcome. */
export type GoalRealisation = z.infer<typeof GoalRealisation>;

/**
 * The degree of realisation of goals: of the goals whose deadline lies in the window and before
 * `asOf`, how many were achieved ({@link rollUpGoalProgress} decides). Goals without data are
 * listed as unassessable and left out of the rate, so the rate never guesses.
 *
 * @example
 * goalRealisation(network, { asOf: "2026-01-01" }).realisationRate.value; // e.g. 0.5
 */
export function goalRealisation(
  network: AnalysisInput<"goalRealisation">,
  options: GoalProgressOptions & { readonly window?: Partial<AnalysisWindow> },
): GoalRealisation {
  return goalRealisationFromReport(rollUpGoalProgress(network, options), options);
}

/**
 * The degree of realisation of goals from an existing goal progress report, optionally only for
 * some goals (for example those of one agreement).
 */
export function goalRealisationFromReport(
  report: GoalProgressReport,
  options: {
    readonly asOf: string;
    readonly window?: Partial<AnalysisWindow>;
    readonly goalIds?: ReadonlySet<string>;
  },
): GoalRealisation {
  const from = options.window?.from ?? null;
  const to = options.window?.to ?? options.asOf;
  const achieved: GoalId[] = [];
  const missed: GoalId[] = [];
  const dropped: GoalId[] = [];
  const unassessable: GoalId[] = [];
  for (const g of flattenGoalProgress(report.roots)) {
    const deadline = g.deadline;
    if (options.goalIds && !options.goalIds.has(g.goalId)) continue;
    if (deadline === null || deadline >= options.asOf || deadline > to || (from !== null && deadline < from))
      continue;
    if (g.state === "dropped") dropped.push(g.goalId);
    else if (g.status === "achieved") achieved.push(g.goalId);
    else if (g.status === "no_data") unassessable.push(g.goalId);
    else missed.push(g.goalId);
  }
  return {
    asOf: options.asOf,
    window: { from, to },
    achieved,
    missed,
    dropped,
    unassessable,
    realisationRate: rateOf(achieved.length, achieved.length + missed.length + dropped.length),
  };
}
