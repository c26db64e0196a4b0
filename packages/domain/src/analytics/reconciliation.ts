import type { ActorId } from "../model/actor.js";
import type { Network } from "../model/entities.js";
import type {
  ReconciliationResponse,
  ReconciliationRound,
  ReconciliationRoundId,
  ReconciliationTopic,
  RoundStatus,
  Statement,
} from "../model/reconciliation.js";
import { type Rate, rateOf } from "./realisation.js";

/** The three dimensions of a round that are answered with topic-tagged statements. */
export const statementDimensions = ["expectations", "workingMethods", "selfInterests"] as const;
/** One of {@link statementDimensions}. */
export type StatementDimension = (typeof statementDimensions)[number];

/** How much partners differ in one statement dimension of a round. */
export interface DimensionDivergence {
  readonly dimension: StatementDimension;
  /** Mean pairwise weighted Jaccard distance (0 = same topics and weights, 1 = nothing shared); null below two partners. */
  readonly divergence: number | null;
  /** Partners with at least one statement in this dimension; only they are compared. */
  readonly partners: readonly ActorId[];
  /** Partners who answered the round but said nothing in this dimension. */
  readonly silentPartners: readonly ActorId[];
  readonly pairs: readonly { readonly actorIds: readonly [ActorId, ActorId]; readonly distance: number }[];
  /** Each topic named: by how many partners, their share, and the mean importance they gave it. */
  readonly topics: readonly {
    readonly topic: ReconciliationTopic;
    readonly partners: number;
    readonly share: number;
    readonly meanImportance: number;
  }[];
}

/** How far partners' ratings of one item spread. */
export interface RatingSpread {
  readonly key: string;
  readonly de: string;
  readonly en: string;
  readonly n: number;
  readonly mean: number | null;
  /** Population standard deviation between partners; null without ratings. */
  readonly standardDeviation: number | null;
  readonly min: number | null;
  readonly max: number | null;
  readonly values: readonly { readonly actorId: ActorId; readonly value: number }[];
}

/** The analysis of one reconciliation round. */
export interface RoundAnalysis {
  readonly roundId: ReconciliationRoundId;
  readonly title: string;
  readonly status: RoundStatus;
  readonly opensOn: string;
  readonly closesOn: string | null;
  readonly scale: { readonly min: number; readonly max: number };
  readonly invited: readonly ActorId[];
  /** Partners with a response (invited or not). */
  readonly responded: readonly ActorId[];
  /** Invited partners who did not answer. */
  readonly notResponded: readonly ActorId[];
  /** Partners who answered without being invited. */
  readonly uninvited: readonly ActorId[];
  /** Invited partners who answered / invited partners. */
  readonly responseRate: Rate;
  readonly dimensions: readonly DimensionDivergence[];
  readonly ratings: readonly RatingSpread[];
}

/** Which way partners moved between two rounds. */
export type TrendDirection = "converging" | "diverging" | "stable" | "unknown";

/** The change from one round to a later one. */
export interface RoundTrend {
  readonly fromRoundId: ReconciliationRoundId;
  readonly toRoundId: ReconciliationRoundId;
  readonly responseRate: {
    readonly from: number | null;
    readonly to: number | null;
    readonly change: number | null;
  };
  readonly dimensions: readonly {
    readonly dimension: StatementDimension;
    readonly from: number | null;
    readonly to: number | null;
    readonly change: number | null;
    readonly direction: TrendDirection;
  }[];
  /** Rating items asked in both rounds; the direction follows the spread (standard deviation). */
  readonly ratings: readonly {
    readonly key: string;
    readonly meanFrom: number | null;
    readonly meanTo: number | null;
    readonly meanChange: number | null;
    readonly spreadFrom: number | null;
    readonly spreadTo: number | null;
    readonly spreadChange: number | null;
    readonly direction: TrendDirection;
  }[];
  /** Partners who answered the earlier round but not the later one although invited. */
  readonly stoppedResponding: readonly ActorId[];
}

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
  const pairs: { actorIds: readonly [ActorId, ActorId]; distance: number }[] = [];
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

/** Every round opened by `asOf`, analysed, in order of opening, with the trend between neighbours. */
export interface ReconciliationHistory {
  readonly asOf: string;
  readonly rounds: readonly RoundAnalysis[];
  readonly trends: readonly RoundTrend[];
}

/**
 * Analyses all reconciliation rounds of a network that opened on or before `asOf`, oldest first,
 * and compares each with the one before.
 *
 * @example
 * const { rounds, trends } = reconciliationHistory(network, { asOf: "2025-06-30" });
 */
export function reconciliationHistory(
  network: Pick<Network, "reconciliationRound" | "reconciliationResponse">,
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
