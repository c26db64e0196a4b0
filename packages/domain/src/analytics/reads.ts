import type { EntityName, Network } from "../model/entities.js";

/**
 * The entities of a network each analysis reads, and nothing more: a store loads these tables for
 * the analysis and may leave the others (contacts above all) unread. The analyses' parameter types
 * are derived from this list, and a test watches every analysis read only what it declares.
 *
 * @example
 * analysisReads.assessContinuity; // ["actor", "affiliation", "body", "seat", "membership"]
 */
export const analysisReads = {
  measureRealisation: ["measure"],
  rollUpGoalProgress: ["region", "indicator", "observation", "goal"],
  goalRealisation: ["region", "indicator", "observation", "goal"],
  assessParticipation: [
    "actor",
    "affiliation",
    "body",
    "seat",
    "membership",
    "meeting",
    "reconciliationRound",
    "reconciliationResponse",
  ],
  assessContinuity: ["actor", "affiliation", "body", "seat", "membership"],
  assessStandards: ["actor", "standard"],
  reconciliationHistory: ["reconciliationRound", "reconciliationResponse"],
  // Take a round (or two analysed rounds) and its responses rather than a network; these are the lists they come from.
  analyseReconciliationRound: ["reconciliationRound", "reconciliationResponse"],
  compareReconciliationRounds: ["reconciliationRound", "reconciliationResponse"],
  // Take a list of measures rather than a network: the reviews dismiss pairs, the region names the municipalities.
  findOverlaps: ["measure", "overlapReview"],
  coverageMatrix: ["region", "measure"],
  findEndingSoon: ["agreement", "fundingProgramme", "measure", "coordinationOffice"],
  indicatorTrends: ["region", "indicator", "observation"],
  upcomingMeetings: ["body", "seat", "membership", "meeting"],
  // Every entity but contacts and practice guides.
  assessNetworkHealth: [
    "region",
    "coordinationOffice",
    "fundingProgramme",
    "actor",
    "affiliation",
    "body",
    "seat",
    "membership",
    "meeting",
    "agreement",
    "indicator",
    "observation",
    "goal",
    "standard",
    "measure",
    "overlapReview",
    "reconciliationRound",
    "reconciliationResponse",
    "maturityAssessment",
  ],
} as const satisfies Record<string, readonly EntityName[]>;

/** The name of an analysis in {@link analysisReads}. */
export type AnalysisName = keyof typeof analysisReads;

/** The entities an analysis reads, as a union of entity names. */
export type AnalysisReads<N extends AnalysisName> = (typeof analysisReads)[N][number];

/**
 * The part of a network an analysis needs: exactly the lists it declares in {@link analysisReads}.
 *
 * @example
 * const input: AnalysisInput<"assessStandards"> = { actor: network.actor, standard: network.standard };
 */
export type AnalysisInput<N extends AnalysisName> = Pick<Network, AnalysisReads<N>>;
