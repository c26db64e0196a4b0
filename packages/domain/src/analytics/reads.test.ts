import { describe, expect, it } from "vitest";
import { datasets } from "../../test/analytics-results.js";
import { type EntityName, emptyNetwork, entityNames, type Network } from "../model/entities.js";
import { analyses } from "./analyses.js";
import { assessContinuity } from "./continuity.js";
import { coverageMatrix } from "./coverage.js";
import { findEndingSoon } from "./deadlines.js";
import { rollUpGoalProgress } from "./goals.js";
import { assessNetworkHealth } from "./health.js";
import { indicatorTrends } from "./indicators.js";
import { upcomingMeetings } from "./meetings.js";
import { findOverlaps } from "./overlaps.js";
import { assessParticipation } from "./participation.js";
import { type AnalysisName, analysisReads } from "./reads.js";
import { goalRealisation, measureRealisation } from "./realisation.js";
import {
  analyseReconciliationRound,
  compareReconciliationRounds,
  reconciliationHistory,
} from "./reconciliation.js";
import { assessStandards } from "./standards.js";

/** Each analysis run on a network the way a caller with only its declared entities would run it. */
const runs: { readonly [N in AnalysisName]: (network: Network, asOf: string) => unknown } = {
  measureRealisation: (n, asOf) => measureRealisation(n, { asOf }),
  rollUpGoalProgress: (n, asOf) => rollUpGoalProgress(n, { asOf }),
  goalRealisation: (n, asOf) => goalRealisation(n, { asOf }),
  assessParticipation: (n, asOf) => assessParticipation(n, { asOf }),
  assessContinuity: (n, asOf) => assessContinuity(n, { asOf }),
  assessStandards: (n, asOf) => assessStandards(n, { asOf }),
  reconciliationHistory: (n, asOf) => reconciliationHistory(n, { asOf }),
  analyseReconciliationRound: (n, asOf) =>
    n.reconciliationRound.map((round) =>
      analyseReconciliationRound(round, n.reconciliationResponse, { asOf }),
    ),
  compareReconciliationRounds: (n, asOf) => {
    const rounds = n.reconciliationRound.map((r) =>
      analyseReconciliationRound(r, n.reconciliationResponse, { asOf }),
    );
    return rounds.flatMap((later) => rounds.map((earlier) => compareReconciliationRounds(earlier, later)));
  },
  findOverlaps: (n) => findOverlaps(n.measure, { reviews: n.overlapReview }),
  coverageMatrix: (n) => coverageMatrix(n.measure, { municipalities: n.region[0]?.municipalities ?? [] }),
  assessNetworkHealth: (n, asOf) => assessNetworkHealth(n, { asOf }),
  findEndingSoon: (n, asOf) => findEndingSoon(n, { asOf, withinDays: 3650 }),
  indicatorTrends: (n, asOf) => indicatorTrends(n, { asOf }),
  upcomingMeetings: (n, asOf) => upcomingMeetings(n, { asOf, actorId: n.seat[0]?.actorId }),
};
const names = Object.keys(runs) as AnalysisName[];

/** A view of a network that records which of its entity lists are read. */
function watched(network: Network) {
  const read = new Set<string>();
  const proxy = new Proxy(network, {
    get(target, key, receiver) {
      if (typeof key === "string") read.add(key);
      return Reflect.get(target, key, receiver);
    },
    has(target, key) {
      if (typeof key === "string") read.add(key);
      return Reflect.has(target, key);
    },
    ownKeys(target) {
      for (const key of Object.keys(target)) read.add(key);
      return Reflect.ownKeys(target);
    },
  });
  return { proxy, read };
}

/** Only the declared entity lists of a network; reading any other gives undefined. */
const pick = (network: Network, reads: readonly EntityName[]) =>
  Object.fromEntries(reads.map((name) => [name, network[name]])) as unknown as Network;

describe("analyses", () => {
  it("declares every analysis with entities of the model, each named once", () => {
    expect(Object.keys(analyses).sort()).toEqual(Object.keys(analysisReads).sort());
    expect(names.sort()).toEqual(Object.keys(analysisReads).sort());
    for (const [name, { reads }] of Object.entries(analyses)) {
      expect(reads.length, name).toBeGreaterThan(0);
      expect(new Set(reads).size, name).toBe(reads.length);
      for (const entity of reads) expect(entityNames, name).toContain(entity);
    }
  });

  it("reads no contacts except where a person is the point", () => {
    for (const { reads } of Object.values(analyses)) expect(reads).not.toContain("contact");
  });

  describe.each(datasets.map((d) => [d.name, d] as const))("on %s", (_, { network, asOf }) => {
    it.each(names)("%s reads only the entities it declares", (name) => {
      const { proxy, read } = watched(network);
      runs[name](proxy, asOf);
      const declared: readonly string[] = analyses[name].reads;
      expect([...read].filter((key) => !declared.includes(key))).toEqual([]);
    });

    it.each(names)("%s gives the same result on only those entities as on the whole network", (name) => {
      expect(runs[name](pick(network, analyses[name].reads), asOf)).toStrictEqual(runs[name](network, asOf));
    });
  });

  it.each(names)("%s needs each entity it declares: without it, some result changes", (name) => {
    for (const entity of analyses[name].reads) {
      const changes = datasets.some(({ network, asOf }) => {
        const without = { ...network, [entity]: emptyNetwork()[entity] };
        return JSON.stringify(runs[name](without, asOf)) !== JSON.stringify(runs[name](network, asOf));
      });
      expect(changes, `${name} without ${entity}`).toBe(true);
    }
  });
});
