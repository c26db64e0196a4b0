// Real analysis results for the schema tests: every analysis with a result schema, run over the
// Osterode example at several dates and over synthetic networks of several seeds and sizes.
import {
  addCalendarMonths,
  analyseReconciliationRound,
  assessContinuity,
  assessNetworkHealth,
  assessParticipation,
  assessStandards,
  compareReconciliationRounds,
  coverageMatrix,
  findEndingSoon,
  findOverlaps,
  goalRealisation,
  goalRealisationFromReport,
  indicatorTrends,
  measureRealisation,
  reconciliationHistory,
  rollUpGoalProgress,
  upcomingMeetings,
} from "../src/analytics/index.js";
import type { AnalysisName } from "../src/analytics/reads.js";
import { osterodeExample } from "../src/example/index.js";
import {
  createRecord,
  type EntityName,
  type EntityRecord,
  emptyNetwork,
  entities,
  type Network,
} from "../src/model/entities.js";
import { generateNetwork } from "../src/synthetic/index.js";

/** A network and a reference date to analyse it on. */
export interface Dataset {
  readonly name: string;
  readonly network: Network;
  readonly asOf: string;
}

/** One result of one analysis on a dataset. */
export interface AnalysisResult {
  readonly analysis: AnalysisName;
  readonly how: string;
  readonly result: unknown;
}

const synthetic = [
  { seed: 1, measures: 40 },
  { seed: 7, measures: 300 },
  { seed: 2013, measures: 900, today: "2024-03-15" },
  { seed: 424_242, measures: 150, actors: 60, municipalities: 4, years: 3 },
] as const;

const id = (name: EntityName, n: number) => `${entities[name].idPrefix}_${String(n).padStart(12, "0")}`;
function make<N extends EntityName>(name: N, n: number, input: Record<string, unknown>): EntityRecord<N> {
  const result = createRecord(name, input, "2024-01-01T00:00:00.000Z", { id: id(name, n) });
  if (!result.ok) throw new Error(`${name} ${n}: ${JSON.stringify(result.error.details)}`);
  return result.value;
}

/**
 * A small network made of the cases the real ones rarely show: a goal tree three levels deep with
 * achieved, dropped and unassessable goals, a loop and a dangling parent; a meeting without an
 * attendance list and an attendee known only by their affiliation; overlapping terms on a seat; an
 * adoption by an unknown actor; an uninvited answer.
 */
function edgeCases(): Network {
  const actors = [1, 2, 3].map((n) =>
    make("actor", n, { name: `Muster-Partner ${n}`, kind: "general_school" }),
  );
  const contacts = [1, 2, 3].map((n) =>
    make("contact", n, { givenName: "Erika", familyName: `Muster ${n}` }),
  );
  const body = make("body", 1, {
    name: "Steuerkreis",
    kind: "steering_group",
    decisionAuthority: "decides",
    targetMeetingsPerYear: 4,
  });
  const seat = make("seat", 1, { bodyId: id("body", 1), actorId: id("actor", 1), from: "2020-01-01" });
  const term = (n: number, from: string, to?: string) =>
    make("membership", n, {
      bodyId: id("body", 1),
      seatId: id("seat", 1),
      contactId: id("contact", n),
      actorId: id("actor", 1),
      role: "member",
      from,
      ...(to ? { to } : {}),
    });
  const indicator = make("indicator", 1, {
    code: "QUOTE",
    name: "Übergangsquote in Ausbildung",
    unit: "percent",
    unitLabel: "% der Abgänger",
    direction: "higher_is_better",
    source: "Statistik",
  });
  const observation = make("observation", 1, {
    indicatorId: id("indicator", 1),
    date: "2023-12-31",
    value: 72,
  });
  const measured = { indicatorId: id("indicator", 1), baseline: { value: 50, date: "2020-01-01" } };
  const goal = (n: number, input: Record<string, unknown>) =>
    make("goal", n, { title: `Ziel ${n}`, level: "tactical", ...input });
  return {
    ...emptyNetwork(),
    actor: actors,
    contact: contacts,
    body: [body],
    seat: [seat],
    affiliation: [
      make("affiliation", 1, {
        contactId: id("contact", 3),
        actorId: id("actor", 2),
        role: "Schulleitung",
        level: "leadership",
        from: "2019-08-01",
      }),
    ],
    membership: [term(1, "2020-01-01", "2024-06-30"), term(2, "2024-03-01")],
    agreement: [
      make("agreement", 1, {
        title: "Kooperationsvereinbarung Übergang Schule–Beruf",
        status: "in_force",
        partyActorIds: [id("actor", 1)],
        signatures: [{ actorId: id("actor", 1), signedOn: "2021-12-01" }],
        validFrom: "2022-01-01",
        validTo: "2025-03-31",
      }),
    ],
    coordinationOffice: [
      make("coordinationOffice", 1, {
        name: "Koordinierungsstelle",
        staffing: [
          {
            from: "2022-01-01",
            posts: 1,
            funding: "programme",
            fundingProgrammeIds: [id("fundingProgramme", 1)],
          },
        ],
      }),
    ],
    fundingProgramme: [
      make("fundingProgramme", 1, {
        name: "Landesprogramm Übergangsmanagement",
        funder: "Land",
        funderLevel: "state",
        from: "2022-01-01",
        to: "2025-02-28",
      }),
    ],
    meeting: [
      make("meeting", 3, {
        bodyId: id("body", 1),
        title: "Sitzung im neuen Jahr",
        start: "2025-02-11T14:00:00+01:00",
        location: "Kreishaus",
      }),
      make("meeting", 1, {
        bodyId: id("body", 1),
        title: "Sitzung ohne Anwesenheitsliste",
        start: "2024-09-10T14:00:00+02:00",
        status: "held",
      }),
      make("meeting", 2, {
        bodyId: id("body", 1),
        title: "Sitzung mit einem Gast der Schule",
        start: "2024-11-05T14:00:00+01:00",
        status: "held",
        attendance: [
          { contactId: id("contact", 2), actorId: id("actor", 1), status: "present" },
          { contactId: id("contact", 3), status: "present" },
        ],
      }),
    ],
    indicator: [indicator],
    observation: [
      observation,
      make("observation", 2, { indicatorId: id("indicator", 1), date: "2022-12-31", value: 70 }),
    ],
    goal: [
      goal(1, { level: "strategic" }),
      goal(2, { parentGoalId: id("goal", 1) }),
      goal(3, { parentGoalId: id("goal", 2), ...measured, target: 70, deadline: "2023-12-31" }),
      goal(4, {
        parentGoalId: id("goal", 2),
        ...measured,
        target: 90,
        deadline: "2024-06-30",
        state: "dropped",
      }),
      goal(5, { parentGoalId: id("goal", 2), deadline: "2024-03-31" }),
      goal(6, { parentGoalId: id("goal", 7) }),
      goal(7, { parentGoalId: id("goal", 6) }),
      goal(8, { parentGoalId: "gol_999999999999" }),
    ],
    standard: [
      make("standard", 1, {
        code: "MS-01",
        title: "Übergabe beim Schulabgang",
        kind: "minimum",
        status: "in_force",
        adoptions: [{ actorId: "act_999999999999", status: "implemented" }],
      }),
    ],
    reconciliationRound: [
      make("reconciliationRound", 1, {
        title: "Erwartungsabgleich 2024",
        opensOn: "2024-02-01",
        invitedActorIds: [id("actor", 1), id("actor", 2)],
      }),
    ],
    reconciliationResponse: [
      make("reconciliationResponse", 1, {
        roundId: id("reconciliationRound", 1),
        actorId: id("actor", 3),
        expectations: [{ text: "Verlässliche Übergaben", topics: ["information_sharing"] }],
      }),
    ],
  };
}

/** The Osterode example on three dates, four synthetic networks on their own reference date, and edge cases. */
export const datasets: readonly Dataset[] = [
  { name: "Osterode 2014-06-30", network: osterodeExample, asOf: "2014-06-30" },
  { name: "Osterode 2024-01-31", network: osterodeExample, asOf: "2024-01-31" },
  { name: "Osterode 2026-12-31", network: osterodeExample, asOf: "2026-12-31" },
  ...synthetic.map((options) => ({
    name: `synthetic ${JSON.stringify(options)}`,
    network: generateNetwork(options),
    asOf: "today" in options ? options.today : "2025-06-30",
  })),
  { name: "edge cases", network: edgeCases(), asOf: "2024-12-31" },
];

/** Runs every analysis that has a result schema on a dataset, some of them in several ways. */
export function resultsOf({ network, asOf }: Dataset): AnalysisResult[] {
  const progress = rollUpGoalProgress(network, { asOf });
  const history = reconciliationHistory(network, { asOf });
  const threeYears = { from: addCalendarMonths(asOf, -36), to: asOf };
  return [
    { analysis: "measureRealisation", how: "default", result: measureRealisation(network, { asOf }) },
    {
      analysis: "measureRealisation",
      how: "three years and the year ahead",
      result: measureRealisation(network, {
        asOf,
        window: { ...threeYears, to: addCalendarMonths(asOf, 12) },
      }),
    },
    { analysis: "rollUpGoalProgress", how: "default", result: progress },
    {
      analysis: "rollUpGoalProgress",
      how: "tolerance 0",
      result: rollUpGoalProgress(network, { asOf, tolerance: 0 }),
    },
    { analysis: "goalRealisation", how: "default", result: goalRealisation(network, { asOf }) },
    {
      analysis: "goalRealisation",
      how: "from report, three years",
      result: goalRealisationFromReport(progress, { asOf, window: threeYears }),
    },
    { analysis: "assessParticipation", how: "default", result: assessParticipation(network, { asOf }) },
    {
      analysis: "assessParticipation",
      how: "three years, 90 days",
      result: assessParticipation(network, { asOf, window: threeYears, inactiveAfterDays: 90 }),
    },
    { analysis: "assessContinuity", how: "default", result: assessContinuity(network, { asOf }) },
    {
      analysis: "assessContinuity",
      how: "three years",
      result: assessContinuity(network, { asOf, window: threeYears }),
    },
    { analysis: "assessStandards", how: "default", result: assessStandards(network, { asOf }) },
    { analysis: "reconciliationHistory", how: "default", result: history },
    ...network.reconciliationRound.map((round) => ({
      analysis: "analyseReconciliationRound" as const,
      how: `${round.id}, every response`,
      result: analyseReconciliationRound(round, network.reconciliationResponse),
    })),
    ...history.rounds.flatMap((later, i) =>
      history.rounds.slice(0, i).map((earlier) => ({
        analysis: "compareReconciliationRounds" as const,
        how: `${earlier.roundId} → ${later.roundId}`,
        result: compareReconciliationRounds(earlier, later),
      })),
    ),
    { analysis: "assessNetworkHealth", how: "default", result: assessNetworkHealth(network, { asOf }) },
    { analysis: "findEndingSoon", how: "default", result: findEndingSoon(network, { asOf }) },
    {
      analysis: "findEndingSoon",
      how: "ten years ahead",
      result: findEndingSoon(network, { asOf, withinDays: 3650 }),
    },
    { analysis: "indicatorTrends", how: "default", result: indicatorTrends(network, { asOf }) },
    { analysis: "upcomingMeetings", how: "default", result: upcomingMeetings(network, { asOf }) },
    {
      analysis: "upcomingMeetings",
      how: "the first partner's bodies",
      result: upcomingMeetings(network, { asOf, actorId: network.seat[0]?.actorId }),
    },
    {
      analysis: "findOverlaps",
      how: "with the network's reviews",
      // The finder answers lazy pairs whose reasons are written on first read; what travels is their JSON.
      result: JSON.parse(JSON.stringify(findOverlaps(network.measure, { reviews: network.overlapReview }))),
    },
    {
      analysis: "coverageMatrix",
      how: "the region's municipalities, at least 10 places",
      result: coverageMatrix(network.measure, {
        municipalities: network.region[0]?.municipalities ?? [],
        minimumPlaces: 10,
      }),
    },
    {
      analysis: "coverageMatrix",
      how: "one municipality left out, so measures name keys the matrix does not have",
      result: coverageMatrix(network.measure, {
        municipalities: (network.region[0]?.municipalities ?? []).slice(1),
      }),
    },
  ];
}
