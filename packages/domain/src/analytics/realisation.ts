import type { Network } from "../model/entities.js";
import type { GoalId } from "../model/goal.js";
import type { MeasureId } from "../model/measure.js";
import {
  flattenGoalProgress,
  type GoalProgressOptions,
  type GoalProgressReport,
  rollUpGoalProgress,
} from "./goals.js";

/** A share with the counts behind it; `value` is null when there is nothing to count. */
export interface Rate {
  readonly numerator: number;
  readonly denominator: number;
  /** numerator / denominator, in 0..1; null when the denominator is 0. */
  readonly value: number | null;
}

/** Builds a {@link Rate}; the value is null for an empty denominator. */
export function rateOf(numerator: number, denominator: number): Rate {
  return { numerator, denominator, value: denominator > 0 ? numerator / denominator : null };
}

/** A span of calendar days, both ends included (ISO `YYYY-MM-DD`). */
export interface AnalysisWindow {
  readonly from: string;
  readonly to: string;
}

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

/** The measures behind a realisation rate, by outcome. */
export interface MeasureRealisation {
  readonly asOf: string;
  /** The window the measures' planned start had to fall in. */
  readonly window: { readonly from: string | null; readonly to: string };
  /** Running or completed: the plan came true. */
  readonly realised: readonly MeasureId[];
  /** Cancelled (not carried out or broken off). */
  readonly cancelled: readonly MeasureId[];
  /** Still planned although the planned start has passed. */
  readonly overdue: readonly MeasureId[];
  /** Still planned with a start on or after `asOf`: not due yet, so not counted. */
  readonly notYetDue: readonly MeasureId[];
  /** realised / (realised + cancelled + overdue). */
  readonly realisationRate: Rate;
  /** cancelled / (realised + cancelled + overdue). */
  readonly cancellationRate: Rate;
  /** overdue / (realised + cancelled + overdue). */
  readonly overdueRate: Rate;
}

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
  network: Pick<Network, "measure">,
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

/** The goals behind the realisation rate of goals, by outcome. */
export interface GoalRealisation {
  readonly asOf: string;
  readonly window: { readonly from: string | null; readonly to: string };
  /** Deadline passed and target reached. */
  readonly achieved: readonly GoalId[];
  /** Deadline passed and target not reached. */
  readonly missed: readonly GoalId[];
  /** Dropped goals whose deadline has passed: they did not come true either. */
  readonly dropped: readonly GoalId[];
  /** Deadline passed but no data to tell: listed, not counted. */
  readonly unassessable: readonly GoalId[];
  /** achieved / (achieved + missed + dropped). */
  readonly realisationRate: Rate;
}

/**
 * The degree of realisation of goals: of the goals whose deadline lies in the window and before
 * `asOf`, how many were achieved ({@link rollUpGoalProgress} decides). Goals without data are
 * listed as unassessable and left out of the rate, so the rate never guesses.
 *
 * @example
 * goalRealisation(network, { asOf: "2026-01-01" }).realisationRate.value; // e.g. 0.5
 */
export function goalRealisation(
  network: Pick<Network, "goal" | "indicator" | "observation"> & Partial<Pick<Network, "region">>,
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
