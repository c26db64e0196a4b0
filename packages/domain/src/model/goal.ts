import { z } from "zod";
import type { FieldLabels } from "../common/field-labels.js";
import { text } from "../common/i18n.js";
import { idSchema } from "../common/ids.js";
import { labelledEnum } from "../common/labels.js";
import { Illustrative, IsoDate, LongText, Name, patchOf, recordMeta } from "../common/record.js";
import { report } from "../common/validation.js";
import { ActorId } from "./actor.js";
import { AgreementId } from "./agreement.js";
import { IndicatorId } from "./indicator.js";

/** Id of a {@link Goal}. */
export const GoalId = idSchema("gol", "GoalId");
export type GoalId = z.infer<typeof GoalId>;

export const goalLevelLabels = {
  strategic: text("Strategisches Ziel", "Strategic goal"),
  tactical: text("Handlungsziel", "Tactical goal"),
  operative: text("Operatives Ziel", "Operative goal"),
} as const;
/** The level of a goal in the goal tree. */
export const GoalLevel = labelledEnum("GoalLevel", goalLevelLabels);
export type GoalLevel = z.infer<typeof GoalLevel>;

export const goalStateLabels = {
  active: text("Aktiv", "Active"),
  dropped: text("Aufgegeben", "Dropped"),
} as const;
/** Whether a goal is still pursued; progress status is computed from data. */
export const GoalState = labelledEnum("GoalState", goalStateLabels);
export type GoalState = z.infer<typeof GoalState>;

/** A value at a date: the baseline of a goal. */
export const Baseline = z
  .strictObject({ value: z.number(), date: IsoDate.optional() })
  .meta({ id: "Baseline" });
export type Baseline = z.infer<typeof Baseline>;

export const GoalFields = z.strictObject({
  illustrative: Illustrative,
  title: Name,
  description: LongText.optional(),
  level: GoalLevel,
  state: GoalState.default("active"),
  parentGoalId: GoalId.optional(),
  agreementId: AgreementId.optional(),
  indicatorId: IndicatorId.optional(),
  baseline: Baseline.optional(),
  target: z.number().optional(),
  deadline: IsoDate.optional(),
  weight: z.number().positive().max(1000).default(1),
  ownerActorIds: z.array(ActorId).default([]),
});

type GoalLike = {
  target?: unknown;
  deadline?: unknown;
  indicatorId?: unknown;
  baseline?: { value?: unknown } | undefined;
};

function checkGoal(g: GoalLike, ctx: z.core.$RefinementCtx<unknown>) {
  if (g.target === undefined) return;
  if (!g.deadline) report(ctx, "target_without_deadline", ["deadline"]);
  if (!g.indicatorId) report(ctx, "target_without_indicator", ["indicatorId"]);
  if (g.baseline?.value !== undefined && g.baseline.value === g.target)
    report(ctx, "baseline_equals_target", ["target"]);
}

/** What a client sends to create a goal. */
export const GoalCreate = GoalFields.superRefine(checkGoal).meta({ id: "GoalCreate" });
export type GoalCreate = z.input<typeof GoalCreate>;
/** A partial update of a goal. */
export const GoalPatch = patchOf(GoalFields, "GoalPatch");
export type GoalPatch = z.infer<typeof GoalPatch>;
/**
 * A clear goal (Ziel) with indicator, baseline, target and deadline, in a tree of
 * strategic, tactical and operative goals, usually part of an agreement.
 */
export const Goal = GoalFields.extend({ id: GoalId, ...recordMeta })
  .superRefine(checkGoal)
  .meta({ id: "Goal" });
export type Goal = z.infer<typeof Goal>;

/** German and English labels of the fields of a goal. */
export const goalFieldLabels = {
  title: text("Ziel", "Goal"),
  level: text("Zielebene", "Level"),
  state: text("Stand", "State"),
  parentGoalId: text("Übergeordnetes Ziel", "Parent goal"),
  agreementId: text("Vereinbarung", "Agreement"),
  baseline: text("Ausgangswert", "Baseline"),
  target: text("Zielwert", "Target"),
  deadline: text("Frist", "Deadline"),
  weight: text("Gewichtung", "Weight"),
  ownerActorIds: text("Verantwortliche Partner", "Responsible partners"),
} as const satisfies FieldLabels;
