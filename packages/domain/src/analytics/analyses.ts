import type { z } from "zod";
import { ContinuityAssessment } from "./continuity.js";
import { CoverageResult } from "./coverage.js";
import { EndingSoon } from "./deadlines.js";
import { GoalProgressReport } from "./goals.js";
import { NetworkHealth } from "./health.js";
import { IndicatorTrends } from "./indicators.js";
import { UpcomingMeetings } from "./meetings.js";
import { OverlapResult } from "./overlaps.js";
import { ParticipationAssessment } from "./participation.js";
import { type AnalysisName, analysisReads } from "./reads.js";
import { GoalRealisation, MeasureRealisation } from "./realisation.js";
import { ReconciliationHistory, RoundAnalysis, RoundTrend } from "./reconciliation.js";
import { StandardsAssessment } from "./standards.js";

/** What an analysis declares about itself: the entities it reads and the schema of its result. */
export interface AnalysisDeclaration<N extends AnalysisName = AnalysisName> {
  /** The entities of the network it reads (see {@link analysisReads}). */
  readonly reads: (typeof analysisReads)[N];
  /** The schema of its result; it names the OpenAPI component and checks a result at run time. */
  readonly result?: z.ZodType;
}

/**
 * Every analysis with the entities it reads and the schema of its result, so that a store loads
 * only those tables and an API documents the result.
 *
 * @example
 * analyses.assessContinuity.reads; // ["actor", "affiliation", "body", "seat", "membership"]
 * const continuity = analyses.assessContinuity.result.parse(await response.json());
 */
export const analyses = {
  measureRealisation: { reads: analysisReads.measureRealisation, result: MeasureRealisation },
  rollUpGoalProgress: { reads: analysisReads.rollUpGoalProgress, result: GoalProgressReport },
  goalRealisation: { reads: analysisReads.goalRealisation, result: GoalRealisation },
  assessParticipation: { reads: analysisReads.assessParticipation, result: ParticipationAssessment },
  assessContinuity: { reads: analysisReads.assessContinuity, result: ContinuityAssessment },
  assessStandards: { reads: analysisReads.assessStandards, result: StandardsAssessment },
  reconciliationHistory: { reads: analysisReads.reconciliationHistory, result: ReconciliationHistory },
  analyseReconciliationRound: { reads: analysisReads.analyseReconciliationRound, result: RoundAnalysis },
  compareReconciliationRounds: { reads: analysisReads.compareReconciliationRounds, result: RoundTrend },
  findOverlaps: { reads: analysisReads.findOverlaps, result: OverlapResult },
  coverageMatrix: { reads: analysisReads.coverageMatrix, result: CoverageResult },
  assessNetworkHealth: { reads: analysisReads.assessNetworkHealth, result: NetworkHealth },
  findEndingSoon: { reads: analysisReads.findEndingSoon, result: EndingSoon },
  indicatorTrends: { reads: analysisReads.indicatorTrends, result: IndicatorTrends },
  upcomingMeetings: { reads: analysisReads.upcomingMeetings, result: UpcomingMeetings },
} as const satisfies { readonly [N in AnalysisName]: AnalysisDeclaration<N> };
