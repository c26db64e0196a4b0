import { z } from "zod";
import { LocalizedText, text } from "../common/i18n.js";
import { labelledEnum } from "../common/labels.js";
import { IsoDate } from "../common/record.js";
import { type Goal, GoalId, GoalLevel, GoalState } from "../model/goal.js";
import {
  type Indicator,
  IndicatorDirection,
  IndicatorId,
  type Observation,
  ObservationId,
} from "../model/indicator.js";
import type { Region } from "../model/region.js";
import type { AnalysisInput } from "./reads.js";
import { countsOf, orNull, Share } from "./wire.js";

/** German and English labels of {@link GoalStatus}. */
export const goalStatusLabels = {
  on_track: text("Im Plan", "On track"),
  at_risk: text("Gefährdet", "At risk"),
  missed: text("Verfehlt", "Missed"),
  achieved: text("Erreicht", "Achieved"),
  no_data: text("Keine Daten", "No data"),
} as const;
/** Where a goal stands, computed from its indicator's figures or from its child goals. */
export const GoalStatus = labelledEnum("GoalStatus", goalStatusLabels);
/** One of {@link GoalStatus}. */
export type GoalStatus = z.infer<typeof GoalStatus>;

/** German and English labels of {@link GoalDataGap}. */
export const goalDataGapLabels = {
  indicator: text("Kein Indikator zugeordnet", "No indicator assigned"),
  indicator_unknown: text("Der Indikator ist nicht (mehr) vorhanden", "The indicator does not exist"),
  target: text("Kein Zielwert", "No target value"),
  baseline: text("Kein Ausgangswert", "No baseline value"),
  baseline_date: text("Ausgangswert ohne Datum", "Baseline without a date"),
  deadline: text("Keine Frist", "No deadline"),
  observation: text("Kein Messwert bis zum Stichtag", "No observation up to the reference date"),
  final_observation: text("Noch kein Messwert zum Fristende", "No observation at the deadline yet"),
  children_data: text("Keine Unterziele mit Daten", "No child goals with data"),
} as const;
/** A piece of data a goal lacks for a full progress assessment. */
export const GoalDataGap = labelledEnum("GoalDataGap", goalDataGapLabels);
/** One of {@link GoalDataGap}. */
export type GoalDataGap = z.infer<typeof GoalDataGap>;

/** Options of the goal progress analyses. */
export interface GoalProgressOptions {
  /** The reference date (ISO `YYYY-MM-DD`); observations after it are ignored. */
  readonly asOf: string;
  /**
   * How far actual progress may lag behind the expected linear path and still count as on track
   * (0..1, default 0.1 = ten percentage points).
   */
  readonly tolerance?: number;
  /** Only observations for this area key count; by default those for the whole region. */
  readonly areaKey?: string;
  /**
   * Keys that stand for the whole region (its district key, AGS or ARS): observations with one of
   * them count like observations without a key. {@link rollUpGoalProgress} takes them from the
   * network's region.
   */
  readonly regionKeys?: readonly string[];
}

/** The figures behind a goal measured by its own indicator. */
export const GoalMeasurement = z
  .strictObject({
    indicatorId: IndicatorId,
    direction: IndicatorDirection,
    observationId: ObservationId,
    observedOn: IsoDate,
    value: z.number(),
    baseline: z.number(),
    baselineOn: orNull(IsoDate),
    target: z.number(),
    deadline: orNull(IsoDate),
    directionConflict: z.boolean().meta({
      description:
        "True when the target lies on the wrong side of the baseline for the indicator's direction.",
    }),
  })
  .meta({ id: "GoalMeasurement" });
/** The figures behind a goal measured by its own indicator. */
export type GoalMeasurement = z.infer<typeof GoalMeasurement>;

/** German and English labels of {@link GoalProgressSource}. */
export const goalProgressSourceLabels = {
  indicator: text("Eigener Indikator", "Own indicator"),
  children: text("Unterziele", "Child goals"),
  none: text("Keine Daten", "No data"),
} as const;
/** Where a goal's progress comes from: its own indicator, its child goals, or nowhere. */
export const GoalProgressSource = labelledEnum("GoalProgressSource", goalProgressSourceLabels);
/** One of {@link GoalProgressSource}. */
export type GoalProgressSource = z.infer<typeof GoalProgressSource>;

const progressShare = Share.nullable();

/** The assessment of one goal, with its child goals (the shape of a Decidim accountability result). */
export const GoalProgress = z
  .strictObject({
    goalId: GoalId,
    title: z.string(),
    level: GoalLevel,
    state: GoalState,
    weight: z.number(),
    deadline: orNull(IsoDate),
    status: GoalStatus,
    statusLabel: LocalizedText,
    progress: progressShare.meta({
      description: "Progress from baseline (0) to target (1), clamped to 0..1; null without data.",
    }),
    progressPercent: z
      .number()
      .min(0)
      .max(100)
      .nullable()
      .meta({ description: "The progress as a percentage with one decimal." }),
    rawProgress: z.number().nullable().meta({
      description:
        "Progress before clamping: below 0 means worse than the baseline, above 1 beyond the target.",
    }),
    expectedProgress: progressShare.meta({
      description:
        "Progress the linear path from baseline date to deadline expects (0..1); null when unknown.",
    }),
    source: GoalProgressSource,
    measurement: orNull(GoalMeasurement),
    missing: z.array(GoalDataGap),
    get children(): z.ZodArray<typeof GoalProgress> {
      return z.array(GoalProgress);
    },
    childrenWithoutData: z.array(GoalId).meta({
      description: "Active child goals that have no data and are therefore left out of the roll-up.",
    }),
    droppedChildren: z
      .array(GoalId)
      .meta({ description: "Dropped child goals, which never count in the roll-up." }),
    inCycle: z.boolean().meta({ description: "True when the goal's chain of parents loops back to itself." }),
  })
  .meta({
    id: "GoalProgress",
    description:
      "The assessment of one goal with its child goals: progress from baseline (0) to target (1), the status, the data it lacks, and where the progress comes from.",
  });
/** The assessment of one goal, with its child goals. */
export type GoalProgress = z.infer<typeof GoalProgress>;

/** A goal whose parent does not exist (or was deleted). */
export const UnknownGoalParent = z
  .strictObject({ goalId: GoalId, parentGoalId: GoalId })
  .meta({ id: "UnknownGoalParent" });
/** A goal whose parent does not exist. */
export type UnknownGoalParent = z.infer<typeof UnknownGoalParent>;

/** How many goals have each {@link GoalStatus}. */
export const GoalStatusCounts = countsOf(GoalStatus.options).meta({ id: "GoalStatusCounts" });
/** How many goals have each status. */
export type GoalStatusCounts = z.infer<typeof GoalStatusCounts>;

/** Goal progress for a whole network: the goal forest, broken cycles and dangling parents. */
export const GoalProgressReport = z
  .strictObject({
    asOf: IsoDate,
    tolerance: z.number(),
    roots: z.array(GoalProgress),
    cycles: z.array(z.array(GoalId)).meta({
      description: "Each cycle of parent references, in parent order; its members are shown as roots.",
    }),
    unknownParents: z
      .array(UnknownGoalParent)
      .meta({ description: "Goals whose parent does not exist (or was deleted); they are shown as roots." }),
    /** How many goals (including nested and dropped ones) have each status. */
    counts: GoalStatusCounts,
  })
  .meta({
    id: "GoalProgressReport",
    description:
      "Goal progress for a whole network: the goal forest with progress and status, the loops in the parent references, goals with an unknown parent, and how many goals have each status.",
  });
/** Goal progress for a whole network (the result of {@link rollUpGoalProgress}). */
export type GoalProgressReport = z.infer<typeof GoalProgressReport>;

const DAY = 86_400_000;
const dayNumber = (iso: string) => Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / DAY;
const clamp01 = (x: number) => Math.min(1, Math.max(0, x));
const percent = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 10);

/**
 * Picks the observation that speaks for an indicator on a date: the latest one dated on or
 * before `asOf` for the area, preferring final over provisional figures and the newest data status.
 * The area is one key, or by default the whole region: no key, or one of `regionKeys`.
 *
 * @example
 * latestObservation(network.observation, indicator.id, "2024-01-31", { regionKeys: ["03156"] });
 */
export function latestObservation(
  observations: readonly Observation[],
  indicatorId: IndicatorId,
  asOf: string,
  area: { readonly areaKey?: string | undefined; readonly regionKeys?: readonly string[] | undefined } = {},
): Observation | undefined {
  const wholeRegion = new Set(area.regionKeys ?? []);
  const matches = (key: string | undefined) =>
    area.areaKey !== undefined ? key === area.areaKey : key === undefined || wholeRegion.has(key);
  let best: Observation | undefined;
  for (const o of observations) {
    if (o.deleted || o.indicatorId !== indicatorId || o.date > asOf || !matches(o.areaKey)) continue;
    if (!best || compareObservations(o, best) > 0) best = o;
  }
  return best;
}

function compareObservations(a: Observation, b: Observation): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  if (a.provisional !== b.provisional) return a.provisional ? -1 : 1;
  const va = a.vintage ?? "";
  const vb = b.vintage ?? "";
  if (va !== vb) return va < vb ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The assessment of one goal by its own indicator, before any roll-up. */
export interface GoalMeasurementResult {
  status: GoalStatus;
  progress: number | null;
  rawProgress: number | null;
  expectedProgress: number | null;
  measurement: GoalMeasurement | null;
  missing: GoalDataGap[];
}

/**
 * Measures one goal by its own indicator.
 *
 * Rules: progress = (value − baseline) / (target − baseline) from the latest observation on or
 * before `asOf`; `achieved` when that reaches 1; `missed` when the deadline has passed without it;
 * otherwise `on_track` when progress is at least the linear expectation (from the baseline date to
 * the deadline, taken at the observation's date) minus the tolerance, else `at_risk`. Without a
 * baseline date the expectation is unknown and any progress above 0 counts as on track. Without
 * indicator, baseline, target or observation the status is `no_data` and `missing` says why.
 *
 * @example
 * measureGoal(goal, indicator, observations, { asOf: "2025-06-30" }).status; // "on_track"
 */
export function measureGoal(
  goal: Goal,
  indicator: Indicator | undefined,
  observations: readonly Observation[],
  options: GoalProgressOptions,
): GoalMeasurementResult {
  const tolerance = options.tolerance ?? 0.1;
  const missing: GoalDataGap[] = [];
  if (!goal.indicatorId) missing.push("indicator");
  else if (!indicator || indicator.deleted) missing.push("indicator_unknown");
  if (goal.target === undefined) missing.push("target");
  if (!goal.baseline) missing.push("baseline");
  else if (!goal.baseline.date) missing.push("baseline_date");
  if (!goal.deadline) missing.push("deadline");
  const observation =
    goal.indicatorId && indicator && !indicator.deleted
      ? latestObservation(observations, goal.indicatorId, options.asOf, options)
      : undefined;
  if (goal.indicatorId && indicator && !indicator.deleted && !observation) missing.push("observation");
  const none: GoalMeasurementResult = {
    status: "no_data",
    progress: null,
    rawProgress: null,
    expectedProgress: null,
    measurement: null,
    missing,
  };
  if (!indicator || !observation || !goal.baseline || goal.target === undefined) return none;
  const baseline = goal.baseline.value;
  const span = goal.target - baseline;
  if (span === 0) return none;
  const direction = indicator.direction;
  const directionConflict =
    (direction === "higher_is_better" && span < 0) || (direction === "lower_is_better" && span > 0);
  const rawProgress = (observation.value - baseline) / span;
  const progress = clamp01(rawProgress);
  const deadline = goal.deadline ?? null;
  const baselineOn = goal.baseline.date ?? null;
  let expectedProgress: number | null = null;
  if (baselineOn && deadline && dayNumber(deadline) > dayNumber(baselineOn)) {
    expectedProgress = clamp01(
      (dayNumber(observation.date) - dayNumber(baselineOn)) / (dayNumber(deadline) - dayNumber(baselineOn)),
    );
  }
  const deadlinePassed = deadline !== null && deadline < options.asOf;
  let status: GoalStatus;
  if (rawProgress >= 1) status = "achieved";
  else if (deadlinePassed) {
    status = "missed";
    expectedProgress = 1;
    if (observation.date < deadline) missing.push("final_observation");
  } else if (expectedProgress !== null)
    status = progress >= expectedProgress - tolerance ? "on_track" : "at_risk";
  else status = rawProgress > 0 ? "on_track" : "at_risk";
  return {
    status,
    progress,
    rawProgress,
    expectedProgress,
    measurement: {
      indicatorId: indicator.id,
      direction,
      observationId: observation.id,
      observedOn: observation.date,
      value: observation.value,
      baseline,
      baselineOn,
      target: goal.target,
      deadline,
      directionConflict,
    },
    missing,
  };
}

/**
 * Finds the cycles in the goals' parent references. Each goal has at most one parent, so every
 * cycle is a simple loop; it is returned starting at its first goal in input order.
 */
export function findGoalCycles(goals: readonly Pick<Goal, "id" | "parentGoalId">[]): GoalId[][] {
  const parentOf = new Map<GoalId, GoalId | undefined>(goals.map((g) => [g.id, g.parentGoalId]));
  const state = new Map<GoalId, 1 | 2>();
  const cycles: GoalId[][] = [];
  for (const goal of goals) {
    const path: GoalId[] = [];
    let current: GoalId | undefined = goal.id;
    while (current !== undefined && parentOf.has(current) && !state.has(current)) {
      state.set(current, 1);
      path.push(current);
      current = parentOf.get(current);
    }
    if (current !== undefined && state.get(current) === 1) cycles.push(path.slice(path.indexOf(current)));
    for (const id of path) state.set(id, 2);
  }
  return cycles;
}

/**
 * Assesses every goal of a network and rolls progress up the goal tree (`parentGoalId`).
 *
 * A goal with its own measurable indicator is measured by it ({@link measureGoal}); a goal
 * without one takes the weighted mean (`weight`) of its active child goals that have data, and so
 * does its expected progress. Such a parent is `achieved` when every active child is, `missed`
 * when its own deadline has passed or every child with data missed, otherwise on track or at risk
 * by the same tolerance rule. Children without data are listed, dropped children never count,
 * and loops in the parent references are reported and broken instead of followed.
 *
 * @example
 * const report = rollUpGoalProgress(network, { asOf: "2025-06-30" });
 * report.roots[0]?.progressPercent; // e.g. 62.5
 */
export function rollUpGoalProgress(
  network: AnalysisInput<"rollUpGoalProgress">,
  options: GoalProgressOptions,
): GoalProgressReport {
  const tolerance = options.tolerance ?? 0.1;
  const measureOptions: GoalProgressOptions = {
    ...options,
    regionKeys: options.regionKeys ?? wholeRegionKeys(network.region),
  };
  const goals = network.goal.filter((g) => !g.deleted);
  const indicators = new Map(network.indicator.filter((i) => !i.deleted).map((i) => [i.id, i]));
  const observationsByIndicator = new Map<IndicatorId, Observation[]>();
  for (const o of network.observation) {
    if (o.deleted) continue;
    const list = observationsByIndicator.get(o.indicatorId);
    if (list) list.push(o);
    else observationsByIndicator.set(o.indicatorId, [o]);
  }
  const known = new Set(goals.map((g) => g.id));
  const cycles = findGoalCycles(goals);
  const inCycle = new Set(cycles.flat());
  const unknownParents: { goalId: GoalId; parentGoalId: GoalId }[] = [];
  const childrenOf = new Map<GoalId, Goal[]>();
  const roots: Goal[] = [];
  for (const g of goals) {
    const parent = g.parentGoalId;
    if (parent === undefined || inCycle.has(g.id)) roots.push(g);
    else if (!known.has(parent)) {
      unknownParents.push({ goalId: g.id, parentGoalId: parent });
      roots.push(g);
    } else {
      const list = childrenOf.get(parent);
      if (list) list.push(g);
      else childrenOf.set(parent, [g]);
    }
  }
  const counts: Record<GoalStatus, number> = { on_track: 0, at_risk: 0, missed: 0, achieved: 0, no_data: 0 };

  const assess = (goal: Goal): GoalProgress => {
    const children = (childrenOf.get(goal.id) ?? []).map(assess);
    const leaf = measureGoal(
      goal,
      goal.indicatorId ? indicators.get(goal.indicatorId) : undefined,
      goal.indicatorId ? (observationsByIndicator.get(goal.indicatorId) ?? []) : [],
      measureOptions,
    );
    const active = children.filter((c) => c.state !== "dropped");
    const withData = active.filter((c) => c.progress !== null);
    const base = {
      goalId: goal.id,
      title: goal.title,
      level: goal.level,
      state: goal.state,
      weight: goal.weight,
      deadline: goal.deadline ?? null,
      children,
      childrenWithoutData: active.filter((c) => c.progress === null).map((c) => c.goalId),
      droppedChildren: children.filter((c) => c.state === "dropped").map((c) => c.goalId),
      inCycle: inCycle.has(goal.id),
    };
    let result: GoalProgress;
    if (leaf.status !== "no_data" || children.length === 0) {
      result = {
        ...base,
        ...leaf,
        statusLabel: goalStatusLabels[leaf.status],
        progressPercent: percent(leaf.progress),
        source: leaf.status === "no_data" ? "none" : "indicator",
      };
    } else {
      const rolled = rollUp(goal, active, withData, tolerance, options.asOf);
      result = {
        ...base,
        ...rolled,
        statusLabel: goalStatusLabels[rolled.status],
        progressPercent: percent(rolled.progress),
        source: rolled.status === "no_data" ? "none" : "children",
        measurement: null,
        missing: rolled.status === "no_data" ? [...leaf.missing, "children_data"] : leaf.missing,
      };
    }
    counts[result.status] += 1;
    return result;
  };

  return { asOf: options.asOf, tolerance, roots: roots.map(assess), cycles, unknownParents, counts };
}

function rollUp(
  goal: Goal,
  active: readonly GoalProgress[],
  withData: readonly GoalProgress[],
  tolerance: number,
  asOf: string,
): Pick<GoalProgress, "status" | "progress" | "rawProgress" | "expectedProgress"> {
  if (withData.length === 0)
    return { status: "no_data", progress: null, rawProgress: null, expectedProgress: null };
  const weighted = (pick: (c: GoalProgress) => number | null) => {
    let sum = 0;
    let weights = 0;
    for (const c of withData) {
      const value = pick(c);
      if (value === null) continue;
      sum += value * c.weight;
      weights += c.weight;
    }
    return weights > 0 ? sum / weights : null;
  };
  const progress = weighted((c) => c.progress);
  const rawProgress = weighted((c) => c.rawProgress);
  // A child without a known path neither lags nor leads: its expectation is its own progress.
  const hasPath = withData.some((c) => c.expectedProgress !== null);
  let expectedProgress = hasPath ? weighted((c) => c.expectedProgress ?? c.progress) : null;
  let status: GoalStatus;
  if (withData.length === active.length && active.every((c) => c.status === "achieved")) status = "achieved";
  else if (
    (goal.deadline !== undefined && goal.deadline < asOf) ||
    withData.every((c) => c.status === "missed")
  ) {
    status = "missed";
    expectedProgress = 1;
  } else if (expectedProgress !== null && progress !== null)
    status = progress >= expectedProgress - tolerance ? "on_track" : "at_risk";
  else
    status = withData.some((c) => c.status === "at_risk" || c.status === "missed") ? "at_risk" : "on_track";
  return { status, progress, rawProgress, expectedProgress };
}

/** The official keys under which figures for a whole region are published (district key, AGS, ARS). */
export function wholeRegionKeys(regions: readonly Pick<Region, "keys" | "deleted">[]): string[] {
  return regions
    .filter((r) => !r.deleted)
    .flatMap((r) => r.keys.filter((k) => k.system !== "car_code" && k.system !== "nuts").map((k) => k.value));
}

/** Lists a goal forest depth-first, parents before their children. */
export function flattenGoalProgress(roots: readonly GoalProgress[]): GoalProgress[] {
  const out: GoalProgress[] = [];
  const walk = (node: GoalProgress) => {
    out.push(node);
    for (const child of node.children) walk(child);
  };
  for (const root of roots) walk(root);
  return out;
}
