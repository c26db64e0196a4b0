import { z } from "zod";
import { text } from "../common/i18n.js";
import { labelledEnum } from "../common/labels.js";
import { IsoDate } from "../common/record.js";
import { ActorId } from "../model/actor.js";
import {
  type ReconciliationResponse,
  type ReconciliationRound,
  ReconciliationRoundId,
  ReconciliationTopic,
  RoundStatus,
  reconciliationDimensionLabels,
  type Statement,
} from "../model/reconciliation.js";
import type { AnalysisInput } from "./reads.js";
import { Rate, rateOf } from "./realisation.js";
import { Count, orNull, Share } from "./wire.js";

/** German and English labels of {@link StatementDimension}. */
export const statementDimensionLabels = {
  expectations: reconciliationDimensionLabels.expectations,
  workingMethods: reconciliationDimensionLabels.workingMethods,
  selfInterests: reconciliationDimensionLabels.selfInterests,
} as const;
/** A dimension of a round answered with topic-tagged statements: expectations, working methods or self-interests. */
export const StatementDimension = labelledEnum("StatementDimension", statementDimensionLabels);
/** One of {@link StatementDimension}. */
export type StatementDimension = z.infer<typeof StatementDimension>;
/** The three dimensions of a round that are answered with topic-tagged statements, in order. */
export const statementDimensions: readonly StatementDimension[] = StatementDimension.options;

/** The distance between two partners' weighted topic sets in one dimension. */
export const DivergencePair = z
  .strictObject({ actorIds: z.tuple([ActorId, ActorId]), distance: Share })
  .meta({ id: "DivergencePair" });
/** The distance between two partners' weighted topic sets. */
export type DivergencePair = z.infer<typeof DivergencePair>;

/** A topic named in one dimension: by how many partners, their share, and the mean importance they gave it. */
export const TopicShare = z
  .strictObject({
    topic: ReconciliationTopic,
    partners: Count,
    share: Share,
    meanImportance: z.number().min(1).max(5),
  })
  .meta({ id: "TopicShare" });
/** A topic named in one dimension, with how many partners named it. */
export type TopicShare = z.infer<typeof TopicShare>;

/** How much partners differ in one statement dimension of a round. */
export const DimensionDivergence = z
  .strictObject({
    dimension: StatementDimension,
    divergence: Share.nullable().meta({
      description:
        "Mean pairwise weighted Jaccard distance (0 = same topics and weights, 1 = nothing shared); null below two partners.",
    }),
    partners: z.array(ActorId).meta({
      description: "Partners with at least one statement in this dimension; only they are compared.",
    }),
    silentPartners: z
      .array(ActorId)
      .meta({ description: "Partners who answered the round but said nothing in this dimension." }),
    pairs: z.array(DivergencePair),
    topics: z.array(TopicShare),
  })
  .meta({ id: "DimensionDivergence" });
/** How much partners differ in one statement dimension of a round. */
export type DimensionDivergence = z.infer<typeof DimensionDivergence>;

/** One partner's rating of an item. */
export const RatingValue = z
  .strictObject({ actorId: ActorId, value: z.number() })
  .meta({ id: "RatingValue" });
/** One partner's rating of an item. */
export type RatingValue = z.infer<typeof RatingValue>;

/** How far partners' ratings of one item spread. */
export const RatingSpread = z
  .strictObject({
    key: z.string(),
    de: z.string(),
    en: z.string(),
    n: Count,
    mean: z.number().nullable(),
    standardDeviation: z
      .number()
      .min(0)
      .nullable()
      .meta({ description: "Population standard deviation between partners; null without ratings." }),
    min: z.number().nullable(),
    max: z.number().nullable(),
    values: z.array(RatingValue),
  })
  .meta({ id: "RatingSpread" });
/** How far partners' ratings of one item spread. */
export type RatingSpread = z.infer<typeof RatingSpread>;

/** The rating scale of a round. */
export const RatingScale = z.strictObject({ min: z.number(), max: z.number() }).meta({ id: "RatingScale" });
/** The rating scale of a round. */
export type RatingScale = z.infer<typeof RatingScale>;

/** The analysis of one reconciliation round (the result of {@link analyseReconciliationRound}). */
export const RoundAnalysis = z
  .strictObject({
    roundId: ReconciliationRoundId,
    title: z.string(),
    status: RoundStatus,
    opensOn: IsoDate,
    closesOn: orNull(IsoDate),
    scale: RatingScale,
    invited: z.array(ActorId),
    responded: z.array(ActorId).meta({ description: "Partners with a response (invited or not)." }),
    notResponded: z.array(ActorId).meta({ description: "Invited partners who did not answer." }),
    uninvited: z.array(ActorId).meta({ description: "Partners who answered without being invited." }),
    /** Invited partners who answered / invited partners. */
    responseRate: Rate,
    dimensions: z.array(DimensionDivergence),
    ratings: z.array(RatingSpread),
  })
  .meta({
    id: "RoundAnalysis",
    description:
      "The analysis of one reconciliation round: who answered, how far expectations, working methods and self-interests diverge, and how ratings spread. responseRate = invited partners who answered / invited partners.",
  });
/** The analysis of one reconciliation round. */
export type RoundAnalysis = z.infer<typeof RoundAnalysis>;

/** German and English labels of {@link TrendDirection}. */
export const trendDirectionLabels = {
  converging: text("Angenähert", "Converging"),
  diverging: text("Auseinanderentwickelt", "Diverging"),
  stable: text("Unverändert", "Stable"),
  unknown: text("Nicht vergleichbar", "Not comparable"),
} as const;
/** Which way partners moved between two rounds: converging, diverging, stable, or unknown without data. */
export const TrendDirection = labelledEnum("TrendDirection", trendDirectionLabels);
/** One of {@link TrendDirection}. */
export type TrendDirection = z.infer<typeof TrendDirection>;

/** The response rate of two rounds and its change. */
export const ResponseRateTrend = z
  .strictObject({
    from: Share.nullable(),
    to: Share.nullable(),
    change: z.number().min(-1).max(1).nullable(),
  })
  .meta({ id: "ResponseRateTrend" });
/** The response rate of two rounds and its change. */
export type ResponseRateTrend = z.infer<typeof ResponseRateTrend>;

/** The divergence of one statement dimension in two rounds and its change. */
export const DimensionTrend = z
  .strictObject({
    dimension: StatementDimension,
    from: Share.nullable(),
    to: Share.nullable(),
    change: z.number().min(-1).max(1).nullable(),
    direction: TrendDirection,
  })
  .meta({ id: "DimensionTrend" });
/** The divergence of one statement dimension in two rounds and its change. */
export type DimensionTrend = z.infer<typeof DimensionTrend>;

/** The mean and spread of one rating item asked in two rounds, and their change. */
export const RatingTrend = z
  .strictObject({
    key: z.string(),
    meanFrom: z.number().nullable(),
    meanTo: z.number().nullable(),
    meanChange: z.number().nullable(),
    spreadFrom: z.number().min(0).nullable(),
    spreadTo: z.number().min(0).nullable(),
    spreadChange: z.number().nullable(),
    /** Follows the spread (standard deviation). */
    direction: TrendDirection,
  })
  .meta({ id: "RatingTrend" });
/** The mean and spread of one rating item asked in two rounds, and their change. */
export type RatingTrend = z.infer<typeof RatingTrend>;

/** The change from one round to a later one (the result of {@link compareReconciliationRounds}). */
export const RoundTrend = z
  .strictObject({
    fromRoundId: ReconciliationRoundId,
    toRoundId: ReconciliationRoundId,
    responseRate: ResponseRateTrend,
    dimensions: z.array(DimensionTrend),
    ratings: z.array(RatingTrend).meta({ description: "Rating items asked in both rounds." }),
    stoppedResponding: z.array(ActorId).meta({
      description: "Partners who answered the earlier round but not the later one although invited.",
    }),
  })
  .meta({
    id: "RoundTrend",
    description:
      "The change from one reconciliation round to a later one: response rate, divergence per dimension, and the mean and spread of each rating item asked in both.",
  });
/** The change from one round to a later one. */
export type RoundTrend = z.infer<typeof RoundTrend>;

/**
 * A partner's topics in one dimension, weighted by the highest importance (1–5) it gave a statement
 * tagged with the topic.
 */
export function topicWeights(statements: readonly Statement[]): Map<ReconciliationTopic, number> {
  const weights = new Map<ReconciliationTopic, number>();
  for (const s of statements)
    for (const topic of s.topics) weights.set(topic, Math.max(weights.get(topic) ?? 0, s.importance));
  return weights;
}

/**
 * The weighted Jaccard distance of two weighted topic sets: 1 − Σ min / Σ max over all topics.
 * It is symmetric, lies in 0..1, and is null when both sets are empty.
 *
 * @example
 * const a = new Map([["funding", 4], ["visibility", 4]]);
 * weightedJaccardDistance(a, new Map([["funding", 2], ["visibility", 2]])); // 1 − 4/8 = 0.5
 */
export function weightedJaccardDistance(
  a: ReadonlyMap<string, number>,
  b: ReadonlyMap<string, number>,
): number | null {
  let min = 0;
  let max = 0;
  for (const [topic, wa] of a) {
    const wb = b.get(topic) ?? 0;
    min += Math.min(wa, wb);
    max += Math.max(wa, wb);
  }
  for (const [topic, wb] of b) if (!a.has(topic)) max += wb;
  return max > 0 ? 1 - min / max : null;
}

function latestPerActor(responses: readonly ReconciliationResponse[]): ReconciliationResponse[] {
  const byActor = new Map<ActorId, ReconciliationResponse>();
  for (const r of responses) {
    const before = byActor.get(r.actorId);
    const key = (x: ReconciliationResponse) => `${x.submittedAt ?? ""}|${x.id}`;
    if (!before || key(r) > key(before)) byActor.set(r.actorId, r);
  }
  return [...byActor.values()];
}

function divergenceOf(dimension: StatementDimension, responses: readonly ReconciliationResponse[]) {
  const speaking = responses.filter((r) => r[dimension].length > 0);
  const weights = speaking.map((r) => topicWeights(r[dimension]));
  const pairs: DivergencePair[] = [];
  let sum = 0;
  for (let i = 0; i < speaking.length; i++) {
    for (let j = i + 1; j < speaking.length; j++) {
      const distance = weightedJaccardDistance(
        weights[i] as Map<string, number>,
        weights[j] as Map<string, number>,
      );
      if (distance === null) continue;
      pairs.push({
        actorIds: [
          (speaking[i] as ReconciliationResponse).actorId,
          (speaking[j] as ReconciliationResponse).actorId,
        ],
        distance,
      });
      sum += distance;
    }
  }
  const tally = new Map<ReconciliationTopic, { partners: number; importance: number }>();
  for (const w of weights) {
    for (const [topic, importance] of w) {
      const t = tally.get(topic) ?? { partners: 0, importance: 0 };
      t.partners += 1;
      t.importance += importance;
      tally.set(topic, t);
    }
  }
  const topics = [...tally]
    .map(([topic, t]) => ({
      topic,
      partners: t.partners,
      share: t.partners / speaking.length,
      meanImportance: t.importance / t.partners,
    }))
    .sort(
      (a, b) =>
        b.partners - a.partners || b.meanImportance - a.meanImportance || (a.topic < b.topic ? -1 : 1),
    );
  return {
    dimension,
    divergence: pairs.length ? sum / pairs.length : null,
    partners: speaking.map((r) => r.actorId),
    silentPartners: responses.filter((r) => r[dimension].length === 0).map((r) => r.actorId),
    pairs,
    topics,
  };
}

/**
 * Analyses one reconciliation round: who answered and who did not, how far the partners'
 * expectations, working methods and self-interests diverge (mean pairwise weighted Jaccard
 * distance of their topic sets, weighted by importance), and how far their ratings spread.
 * Of several responses by one partner the latest counts; responses submitted after `asOf` do not.
 *
 * @example
 * const analysis = analyseReconciliationRound(round, network.reconciliationResponse);
 * analysis.notResponded; // invited partners who did not answer
 */
export function analyseReconciliationRound(
  round: ReconciliationRound,
  responses: readonly ReconciliationResponse[],
  options: { readonly asOf?: string } = {},
): RoundAnalysis {
  const asOf = options.asOf;
  const mine = latestPerActor(
    responses.filter(
      (r) =>
        !r.deleted &&
        r.roundId === round.id &&
        (asOf === undefined || !r.submittedAt || r.submittedAt.slice(0, 10) <= asOf),
    ),
  );
  const invited = [...new Set(round.invitedActorIds)];
  const invitedSet = new Set(invited);
  const responded = mine.map((r) => r.actorId);
  const respondedSet = new Set(responded);
  const ratings = round.ratingItems.map((item): RatingSpread => {
    const values: { actorId: ActorId; value: number }[] = [];
    for (const r of mine) {
      const value = r.ratings[item.key];
      if (value !== undefined) values.push({ actorId: r.actorId, value });
    }
    const n = values.length;
    if (n === 0) return { ...item, n, mean: null, standardDeviation: null, min: null, max: null, values };
    const mean = values.reduce((s, v) => s + v.value, 0) / n;
    const variance = values.reduce((s, v) => s + (v.value - mean) ** 2, 0) / n;
    return {
      key: item.key,
      de: item.de,
      en: item.en,
      n,
      mean,
      standardDeviation: Math.sqrt(variance),
      min: Math.min(...values.map((v) => v.value)),
      max: Math.max(...values.map((v) => v.value)),
      values,
    };
  });
  return {
    roundId: round.id,
    title: round.title,
    status: round.status,
    opensOn: round.opensOn,
    closesOn: round.closesOn ?? null,
    scale: { min: round.scaleMin, max: round.scaleMax },
    invited,
    responded,
    notResponded: invited.filter((id) => !respondedSet.has(id)),
    uninvited: responded.filter((id) => !invitedSet.has(id)),
    responseRate: rateOf(invited.filter((id) => respondedSet.has(id)).length, invited.length),
    dimensions: statementDimensions.map((d) => divergenceOf(d, mine)),
    ratings,
  };
}

const change = (from: number | null, to: number | null) => (from === null || to === null ? null : to - from);
const direction = (delta: number | null, threshold: number): TrendDirection =>
  delta === null ? "unknown" : delta < -threshold ? "converging" : delta > threshold ? "diverging" : "stable";

/**
 * Compares two analysed rounds: the change in response rate, in divergence per dimension and in
 * the mean and spread of each rating item asked in both. A change within `threshold` (default
 * 0.05 of divergence, or 5 % of the rating scale for spreads) counts as stable.
 *
 * @example
 * compareReconciliationRounds(spring, autumn).dimensions[0]?.direction; // "converging"
 */
export function compareReconciliationRounds(
  earlier: RoundAnalysis,
  later: RoundAnalysis,
  options: { readonly threshold?: number } = {},
): RoundTrend {
  const threshold = options.threshold ?? 0.05;
  const laterInvited = new Set(later.invited);
  const laterResponded = new Set(later.responded);
  const scaleRange = Math.max(1, later.scale.max - later.scale.min);
  const before = new Map(earlier.ratings.map((r) => [r.key, r]));
  return {
    fromRoundId: earlier.roundId,
    toRoundId: later.roundId,
    responseRate: {
      from: earlier.responseRate.value,
      to: later.responseRate.value,
      change: change(earlier.responseRate.value, later.responseRate.value),
    },
    dimensions: statementDimensions.map((dimension) => {
      const from = earlier.dimensions.find((d) => d.dimension === dimension)?.divergence ?? null;
      const to = later.dimensions.find((d) => d.dimension === dimension)?.divergence ?? null;
      const delta = change(from, to);
      return { dimension, from, to, change: delta, direction: direction(delta, threshold) };
    }),
    ratings: later.ratings.flatMap((r) => {
      const e = before.get(r.key);
      if (!e) return [];
      const spreadChange = change(e.standardDeviation, r.standardDeviation);
      return [
        {
          key: r.key,
          meanFrom: e.mean,
          meanTo: r.mean,
          meanChange: change(e.mean, r.mean),
          spreadFrom: e.standardDeviation,
          spreadTo: r.standardDeviation,
          spreadChange,
          direction: direction(spreadChange, threshold * scaleRange),
        },
      ];
    }),
    stoppedResponding: earlier.responded.filter((id) => laterInvited.has(id) && !laterResponded.has(id)),
  };
}

/** Every round opened by `asOf`, analysed, in order of opening, with the trend between neighbours (the result of {@link reconciliationHistory}). */
export const ReconciliationHistory = z
  .strictObject({ asOf: IsoDate, rounds: z.array(RoundAnalysis), trends: z.array(RoundTrend) })
  .meta({
    id: "ReconciliationHistory",
    description:
      "Every reconciliation round opened by the reference date, oldest first, with the trend from each round to the next.",
  });
/** Every round opened by `asOf`, analysed, with the trend between neighbours. */
export type ReconciliationHistory = z.infer<typeof ReconciliationHistory>;

/**
 * Analyses all reconciliation rounds of a network that opened on or before `asOf`, oldest first,
 * and compares each with the one before.
 *
 * @example
 * const { rounds, trends } = reconciliationHistory(network, { asOf: "2025-06-30" });
 */
export function reconciliationHistory(
  network: AnalysisInput<"reconciliationHistory">,
  options: { readonly asOf: string; readonly threshold?: number },
): ReconciliationHistory {
  const byRound = new Map<ReconciliationRoundId, ReconciliationResponse[]>();
  for (const r of network.reconciliationResponse) {
    const list = byRound.get(r.roundId);
    if (list) list.push(r);
    else byRound.set(r.roundId, [r]);
  }
  const rounds = network.reconciliationRound
    .filter((r) => !r.deleted && r.opensOn <= options.asOf)
    .sort((a, b) => (a.opensOn < b.opensOn ? -1 : a.opensOn > b.opensOn ? 1 : a.id < b.id ? -1 : 1))
    .map((round) => analyseReconciliationRound(round, byRound.get(round.id) ?? [], { asOf: options.asOf }));
  const trends: RoundTrend[] = [];
  for (let i = 1; i < rounds.length; i++) {
    trends.push(
      compareReconciliationRounds(rounds[i - 1] as RoundAnalysis, rounds[i] as RoundAnalysis, {
        ...(options.threshold === undefined ? {} : { threshold: options.threshold }),
      }),
    );
  }
  return { asOf: options.asOf, rounds, trends };
}
