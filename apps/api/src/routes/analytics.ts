import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import {
  analyseReconciliationRound,
  analysisReads,
  assessContinuity,
  assessNetworkHealth,
  assessParticipation,
  assessStandards,
  ContinuityAssessment,
  CoverageResult,
  compareReconciliationRounds,
  coverageMatrix,
  EndingSoon,
  findEndingSoon,
  findOverlaps,
  GoalProgressReport,
  GoalRealisation,
  goalRealisationFromReport,
  IndicatorTrends,
  IsoDate,
  indicatorTrends,
  MeasureCategory,
  MeasureRealisation,
  measureRealisation,
  type Network,
  NetworkHealth,
  OverlapResult,
  OverlapReview,
  OverlapVerdictInput,
  ParticipationAssessment,
  RoundAnalysis,
  RoundTrend,
  rollUpGoalProgress,
  StandardsAssessment,
  TargetGroup,
  UpcomingMeetings,
  upcomingMeetings,
} from "@oha/domain";
import type { Context } from "hono";
import { cachedForTenant } from "../cache.js";
import type { AppEnv } from "../env.js";
import { validationHook } from "../http.js";
import { ProblemError, problemResponses } from "../problems.js";
import { reviewOverlap } from "./commands.js";
import { bearer, guard, storeOf, today } from "./support.js";

const AsOf = z.object({
  as_of: IsoDate.optional().meta({ description: "Reference date of the analysis (default: today)." }),
});
const readProblems = problemResponses("validation_failed", "unauthorized", "forbidden");

/** The answer of `GET /goals`: the goal tree and, from it, the realisation of goals past their deadline. */
const GoalAnalysis = z
  .strictObject({ progress: GoalProgressReport, realisation: GoalRealisation })
  .meta({ id: "GoalAnalysis" });
/** The answer of `GET /reconciliation/{roundId}`: the round, and the trend when compared with another. */
const ReconciliationAnalysis = z
  .strictObject({ analysis: RoundAnalysis, trend: RoundTrend.optional() })
  .meta({ id: "ReconciliationAnalysis" });

function asOf(c: Context<AppEnv>, value: string | undefined): string {
  return value ?? today(c);
}

/** The entities each route's analysis reads (declared by the domain): only these tables are loaded. */
const reads = {
  overlaps: analysisReads.findOverlaps,
  coverage: analysisReads.coverageMatrix,
  goals: analysisReads.rollUpGoalProgress,
  realisation: analysisReads.measureRealisation,
  participation: analysisReads.assessParticipation,
  continuity: analysisReads.assessContinuity,
  standards: analysisReads.assessStandards,
  reconciliation: analysisReads.analyseReconciliationRound,
  health: analysisReads.assessNetworkHealth,
  deadlines: analysisReads.findEndingSoon,
  indicators: analysisReads.indicatorTrends,
  meetings: analysisReads.upcomingMeetings,
} as const;

/** The part of the tenant's network an analysis reads, loaded in one transaction. */
async function network(c: Context<AppEnv>, analysis: keyof typeof reads): Promise<Network> {
  guard(c, "read", "measure");
  return storeOf(c).network({ entities: reads[analysis] });
}

/** An analysis of the caller's tenant, computed once per state of its data (see {@link cachedForTenant}). */
function analyse<T>(
  c: Context<AppEnv>,
  analysis: keyof typeof reads,
  params: unknown,
  compute: (net: Network) => T,
): Promise<T> {
  guard(c, "read", "measure");
  return cachedForTenant(c, analysis, params, async () => compute(await network(c, analysis)));
}

/** The analyses of @oha/domain over the caller's tenant, computed from its current records. */
export function analyticsRoutes() {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(
      createRoute({
        method: "get",
        path: "/overlaps",
        operationId: "getOverlaps",
        tags: ["Analytics"],
        summary: "Possibly redundant measures / Mögliche Angebotsredundanzen",
        security: bearer,
        request: {
          query: z.object({
            threshold: z.coerce
              .number()
              .min(0)
              .max(1)
              .optional()
              .meta({ description: "Minimum score of a reported pair, 0..1." }),
          }),
        },
        responses: {
          200: {
            description: "Scored pairs with reasons, clusters and dismissed pairs",
            content: {
              "application/json": { schema: OverlapResult },
            },
          },
          ...readProblems,
        },
      }),
      async (c) => {
        const threshold = c.req.valid("query").threshold;
        const found = await analyse(c, "overlaps", { threshold }, (net) =>
          findOverlaps(net.measure, {
            reviews: net.overlapReview,
            ...(threshold === undefined ? {} : { threshold }),
          }),
        );
        // The finder writes a pair's reasons on first read; the schema turns its answer into plain JSON.
        return c.json(OverlapResult.parse(found), 200);
      },
    )
    .openapi(
      createRoute({
        method: "post",
        path: "/overlaps/reviews",
        operationId: "createOverlapReviewVerdict",
        tags: ["Analytics"],
        summary: "Dismiss or confirm a suspected overlap / Überschneidung bewerten",
        description:
          "Records a coordinator's verdict on a pair of measures at their current versions. `complementary` dismisses the pair until one of the two measures changes.",
        security: bearer,
        request: {
          body: {
            required: true,
            content: {
              "application/json": {
                schema: OverlapVerdictInput,
              },
            },
          },
        },
        responses: {
          201: {
            description: "The review",
            content: {
              "application/json": { schema: OverlapReview },
            },
          },
          ...problemResponses("validation_failed", "unauthorized", "forbidden", "not_found"),
        },
      }),
      async (c) => c.json(await reviewOverlap(c, c.req.valid("json")), 201),
    )
    .openapi(
      createRoute({
        method: "get",
        path: "/coverage",
        operationId: "getCoverage",
        tags: ["Analytics"],
        summary: "Coverage and gaps / Abdeckung und Lücken",
        security: bearer,
        request: {
          query: z.object({
            school_year: z
              .string()
              .regex(/^\d{4}\/\d{2}$/)
              .optional()
              .meta({ description: "E.g. 2024/25; default all years with measures." }),
            minimum_places: z.coerce.number().int().min(1).optional(),
            target_group: TargetGroup.optional(),
            category: MeasureCategory.optional(),
          }),
        },
        responses: {
          200: {
            description: "Matrix target group × category × municipality × school year, with gaps",
            content: { "application/json": { schema: CoverageResult } },
          },
          ...readProblems,
        },
      }),
      async (c) => {
        const q = c.req.valid("query");
        const tenantId = c.get("principal").tenantId;
        const coverage = await analyse(c, "coverage", q, (net) => {
          const region = net.region.find((r) => r.id === tenantId);
          return coverageMatrix(net.measure, {
            municipalities: region?.municipalities ?? [],
            ...(q.school_year ? { schoolYears: [q.school_year] } : {}),
            ...(q.minimum_places ? { minimumPlaces: q.minimum_places } : {}),
            ...(q.target_group ? { targetGroups: [q.target_group] } : {}),
            ...(q.category ? { categories: [q.category] } : {}),
          });
        });
        return c.json(coverage, 200);
      },
    )
    .openapi(
      createRoute({
        method: "get",
        path: "/goals",
        operationId: "getGoalProgress",
        tags: ["Analytics"],
        summary: "Goal progress and realisation / Zielerreichung",
        security: bearer,
        request: { query: AsOf },
        responses: {
          200: {
            description: "Goal tree with progress, status and missing data; realisation rate",
            content: {
              "application/json": { schema: GoalAnalysis },
            },
          },
          ...readProblems,
        },
      }),
      async (c) => {
        const date = asOf(c, c.req.valid("query").as_of);
        const result = await analyse(c, "goals", { date }, (net) => {
          const progress = rollUpGoalProgress(net, { asOf: date });
          return { progress, realisation: goalRealisationFromReport(progress, { asOf: date }) };
        });
        return c.json(result, 200);
      },
    )
    .openapi(
      createRoute({
        method: "get",
        path: "/realisation",
        operationId: "getRealisation",
        tags: ["Analytics"],
        summary: "Realisation of planned measures / Realisierungsgrad",
        security: bearer,
        request: { query: AsOf.extend({ from: IsoDate.optional(), to: IsoDate.optional() }) },
        responses: {
          200: {
            description: "Realisation rate with the measures behind it",
            content: {
              "application/json": { schema: MeasureRealisation },
            },
          },
          ...readProblems,
        },
      }),
      async (c) => {
        const q = c.req.valid("query");
        const window = { ...(q.from ? { from: q.from } : {}), ...(q.to ? { to: q.to } : {}) };
        const date = asOf(c, q.as_of);
        const result = await analyse(c, "realisation", { date, window }, (net) =>
          measureRealisation(net, { asOf: date, window }),
        );
        return c.json(result, 200);
      },
    )
    .openapi(
      createRoute({
        method: "get",
        path: "/participation",
        operationId: "getParticipation",
        tags: ["Analytics"],
        summary: "Participation of partners and meeting frequency / Beteiligung",
        security: bearer,
        request: {
          query: AsOf.extend({ inactive_after_days: z.coerce.number().int().min(1).max(3650).optional() }),
        },
        responses: {
          200: {
            description: "Attendance per actor, partners not involved, bodies below target",
            content: { "application/json": { schema: ParticipationAssessment } },
          },
          ...readProblems,
        },
      }),
      async (c) => {
        const q = c.req.valid("query");
        const date = asOf(c, q.as_of);
        const assessed = await analyse(c, "participation", { date, q }, (net) =>
          assessParticipation(net, {
            asOf: date,
            ...(q.inactive_after_days ? { inactiveAfterDays: q.inactive_after_days } : {}),
          }),
        );
        return c.json(assessed, 200);
      },
    )
    .openapi(
      createRoute({
        method: "get",
        path: "/continuity",
        operationId: "getContinuity",
        tags: ["Analytics"],
        summary: "Personnel continuity / Personelle Kontinuität",
        security: bearer,
        request: { query: AsOf },
        responses: {
          200: {
            description: "Contact changes, tenure, vacant seats, handovers",
            content: { "application/json": { schema: ContinuityAssessment } },
          },
          ...readProblems,
        },
      }),
      async (c) => {
        const date = asOf(c, c.req.valid("query").as_of);
        const result = await analyse(c, "continuity", { date }, (net) =>
          assessContinuity(net, { asOf: date }),
        );
        return c.json(result, 200);
      },
    )
    .openapi(
      createRoute({
        method: "get",
        path: "/standards",
        operationId: "getStandardsAssessment",
        tags: ["Analytics"],
        summary: "Standards: adoption, unowned interfaces, overdue reviews / Standards",
        security: bearer,
        request: { query: AsOf },
        responses: {
          200: {
            description: "Adoption matrix, interfaces without owner, overdue reviews",
            content: {
              "application/json": { schema: StandardsAssessment },
            },
          },
          ...readProblems,
        },
      }),
      async (c) => {
        const date = asOf(c, c.req.valid("query").as_of);
        const result = await analyse(c, "standards", { date }, (net) => assessStandards(net, { asOf: date }));
        return c.json(result, 200);
      },
    )
    .openapi(
      createRoute({
        method: "get",
        path: "/reconciliation/{roundId}",
        operationId: "getReconciliationAnalysis",
        tags: ["Analytics"],
        summary: "Reconciliation round analysis and trend / Erwartungsabgleich",
        security: bearer,
        request: {
          params: z.object({ roundId: z.string().meta({ param: { name: "roundId", in: "path" } }) }),
          query: AsOf.extend({
            compare_to: z.string().optional().meta({ description: "An earlier round to compare with." }),
          }),
        },
        responses: {
          200: {
            description: "Divergence per dimension, non-responders, and the trend",
            content: {
              "application/json": { schema: ReconciliationAnalysis },
            },
          },
          ...problemResponses("validation_failed", "unauthorized", "forbidden", "not_found"),
        },
      }),
      async (c) => {
        const net = await network(c, "reconciliation");
        const { roundId } = c.req.valid("param");
        const q = c.req.valid("query");
        const date = asOf(c, q.as_of);
        const analyseRound = (id: string) => {
          const round = net.reconciliationRound.find((r) => r.id === id);
          if (!round) throw new ProblemError("not_found");
          return analyseReconciliationRound(
            round,
            net.reconciliationResponse.filter((r) => r.roundId === id),
            { asOf: date },
          );
        };
        const analysis = analyseRound(roundId);
        const trend = q.compare_to
          ? compareReconciliationRounds(analyseRound(q.compare_to), analysis)
          : undefined;
        return c.json({ analysis, ...(trend ? { trend } : {}) }, 200);
      },
    )
    .openapi(
      createRoute({
        method: "get",
        path: "/health",
        operationId: "getNetworkHealth",
        tags: ["Analytics"],
        summary: "Network health per success factor and inhibitor / Netzwerkgesundheit",
        security: bearer,
        request: { query: AsOf },
        responses: {
          200: {
            description: "One transparent assessment per factor, with evidence",
            content: { "application/json": { schema: NetworkHealth } },
          },
          ...readProblems,
        },
      }),
      async (c) => {
        const date = asOf(c, c.req.valid("query").as_of);
        const result = await analyse(c, "health", { date }, (net) =>
          assessNetworkHealth(net, { asOf: date }),
        );
        return c.json(result, 200);
      },
    )
    .openapi(
      createRoute({
        method: "get",
        path: "/deadlines",
        operationId: "getEndingSoon",
        tags: ["Analytics"],
        summary:
          "Agreements and funding programmes ending soon / Bald endende Vereinbarungen und Förderungen",
        security: bearer,
        request: {
          query: AsOf.extend({
            within_days: z.coerce
              .number()
              .int()
              .min(1)
              .max(3650)
              .optional()
              .meta({ description: "How many days ahead to look (default 180)." }),
          }),
        },
        responses: {
          200: {
            description: "Agreements and programmes whose end lies within the horizon, soonest first",
            content: { "application/json": { schema: EndingSoon } },
          },
          ...readProblems,
        },
      }),
      async (c) => {
        const q = c.req.valid("query");
        const date = asOf(c, q.as_of);
        const result = await analyse(c, "deadlines", { date, within: q.within_days }, (net) =>
          findEndingSoon(net, { asOf: date, ...(q.within_days ? { withinDays: q.within_days } : {}) }),
        );
        return c.json(result, 200);
      },
    )
    .openapi(
      createRoute({
        method: "get",
        path: "/indicators",
        operationId: "getIndicatorTrends",
        tags: ["Analytics"],
        summary: "Indicators with their trend / Kennzahlen und ihre Entwicklung",
        security: bearer,
        request: { query: AsOf },
        responses: {
          200: {
            description: "Every indicator's whole-region series, latest change and trend",
            content: { "application/json": { schema: IndicatorTrends } },
          },
          ...readProblems,
        },
      }),
      async (c) => {
        const date = asOf(c, c.req.valid("query").as_of);
        const result = await analyse(c, "indicators", { date }, (net) =>
          indicatorTrends(net, { asOf: date }),
        );
        return c.json(result, 200);
      },
    )
    .openapi(
      createRoute({
        method: "get",
        path: "/meetings",
        operationId: "getUpcomingMeetings",
        tags: ["Analytics"],
        summary: "Next meetings / Nächste Sitzungen",
        security: bearer,
        request: {
          query: AsOf.extend({
            actor_id: z
              .string()
              .optional()
              .meta({ description: "Only the bodies this partner sits in on the reference date." }),
            limit: z.coerce.number().int().min(1).max(100).optional().meta({ description: "Default 10." }),
          }),
        },
        responses: {
          200: {
            description: "The next meetings, soonest first, and past meetings without a recorded outcome",
            content: { "application/json": { schema: UpcomingMeetings } },
          },
          ...readProblems,
        },
      }),
      async (c) => {
        const q = c.req.valid("query");
        const date = asOf(c, q.as_of);
        const result = await analyse(c, "meetings", { date, actor: q.actor_id, limit: q.limit }, (net) =>
          upcomingMeetings(net, {
            asOf: date,
            ...(q.actor_id ? { actorId: q.actor_id } : {}),
            ...(q.limit ? { limit: q.limit } : {}),
          }),
        );
        return c.json(result, 200);
      },
    );
}
