import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  createRecord,
  type EntityName,
  type EntityRecord,
  emptyNetwork,
  entities,
  type Network,
} from "../model/entities.js";
import { reconciliationTopicLabels } from "../model/reconciliation.js";
import {
  analyseReconciliationRound,
  compareReconciliationRounds,
  reconciliationHistory,
  topicWeights,
  weightedJaccardDistance,
} from "./reconciliation.js";

const stamp = "2024-01-01T00:00:00.000Z";
const id = (name: EntityName, n: number) => `${entities[name].idPrefix}_${String(n).padStart(12, "0")}`;
function make<N extends EntityName>(name: N, n: number, input: Record<string, unknown>): EntityRecord<N> {
  const result = createRecord(name, input, stamp, { id: id(name, n) });
  if (!result.ok) throw new Error(`${name} ${n}: ${JSON.stringify(result.error.details)}`);
  return result.value;
}
const network = (parts: Partial<Network>): Network => ({ ...emptyNetwork(), ...parts });
const actor = (n: number) => id("actor", n);
const say = (topics: string[], importance: number) => ({ text: "Aussage", topics, importance });
const item = (key: string) => ({ key, de: key, en: key });

const r1 = make("reconciliationRound", 1, {
  title: "Abgleich Frühjahr",
  status: "evaluated",
  opensOn: "2024-03-01",
  closesOn: "2024-04-30",
  invitedActorIds: [actor(1), actor(2), actor(3), actor(4)],
  ratingItems: [item("cooperation"), item("information")],
});
const r2 = make("reconciliationRound", 2, {
  title: "Abgleich Herbst",
  status: "closed",
  opensOn: "2024-10-01",
  closesOn: "2024-11-30",
  invitedActorIds: [actor(1), actor(2), actor(3)],
  ratingItems: [item("cooperation")],
});
const r3 = make("reconciliationRound", 3, { title: "Abgleich 2025", opensOn: "2025-03-01" });
const response = (n: number, round: number, actorN: number, extra: Record<string, unknown>) =>
  make("reconciliationResponse", n, {
    roundId: id("reconciliationRound", round),
    actorId: actor(actorN),
    ...extra,
  });
const responses = [
  response(1, 1, 1, { submittedAt: "2024-03-02T10:00:00Z", expectations: [say(["governance"], 5)] }),
  response(2, 1, 1, {
    submittedAt: "2024-03-10T10:00:00Z",
    expectations: [say(["funding", "visibility"], 4)],
    workingMethods: [say(["information_sharing"], 3)],
    ratings: { cooperation: 4, information: 2 },
  }),
  response(3, 1, 2, {
    expectations: [say(["funding"], 2), say(["visibility"], 2)],
    workingMethods: [say(["governance"], 5)],
    ratings: { cooperation: 2, information: 2 },
  }),
  response(4, 1, 3, { selfInterests: [say(["resources"], 3)], ratings: { cooperation: 3 } }),
  response(5, 1, 5, { expectations: [say(["funding"], 4)] }),
  response(6, 2, 1, {
    expectations: [say(["funding"], 3)],
    workingMethods: [say(["information_sharing"], 3)],
    ratings: { cooperation: 4 },
  }),
  response(7, 2, 2, {
    expectations: [say(["funding"], 3), say(["visibility"], 1)],
    workingMethods: [say(["information_sharing"], 4), say(["governance"], 2)],
    ratings: { cooperation: 4 },
  }),
  response(8, 2, 3, { submittedAt: "2025-01-20T10:00:00Z", ratings: { cooperation: 1 } }),
];

describe("weightedJaccardDistance", () => {
  it("compares weighted topic sets", () => {
    const a = new Map([
      ["funding", 4],
      ["visibility", 4],
    ]);
    expect(
      weightedJaccardDistance(
        a,
        new Map([
          ["funding", 2],
          ["visibility", 2],
        ]),
      ),
    ).toBe(0.5);
    expect(weightedJaccardDistance(a, new Map([["governance", 1]]))).toBe(1);
    expect(weightedJaccardDistance(a, a)).toBe(0);
    expect(weightedJaccardDistance(new Map(), new Map())).toBeNull();
    expect(weightedJaccardDistance(a, new Map())).toBe(1);
  });

  it("weights a topic by the highest importance given to it", () => {
    expect(topicWeights([say(["funding"], 2), say(["funding", "resources"], 4)] as never)).toEqual(
      new Map([
        ["funding", 4],
        ["resources", 4],
      ]),
    );
  });

  it("is symmetric, within 0..1 and zero for identical sets", () => {
    const topics = Object.keys(reconciliationTopicLabels);
    const weights = fc
      .dictionary(fc.constantFrom(...topics), fc.integer({ min: 1, max: 5 }))
      .map((d) => new Map(Object.entries(d)));
    fc.assert(
      fc.property(weights, weights, (a, b) => {
        const ab = weightedJaccardDistance(a, b);
        expect(ab).toBe(weightedJaccardDistance(b, a));
        if (a.size === 0 && b.size === 0) expect(ab).toBeNull();
        else {
          expect(ab).toBeGreaterThanOrEqual(0);
          expect(ab).toBeLessThanOrEqual(1);
          const some = a.size ? a : b;
          expect(weightedJaccardDistance(some, new Map(some))).toBe(0);
        }
      }),
    );
  });
});

describe("analyseReconciliationRound", () => {
  const a = analyseReconciliationRound(r1, responses);

  it("lists who answered, who did not and who was not invited", () => {
    expect(a.responded).toEqual([actor(1), actor(2), actor(3), actor(5)]);
    expect(a.notResponded).toEqual([actor(4)]);
    expect(a.uninvited).toEqual([actor(5)]);
    expect(a.responseRate).toEqual({ numerator: 3, denominator: 4, value: 0.75 });
  });

  it("measures divergence per dimension from the latest response of each partner", () => {
    const [expectations, methods, interests] = a.dimensions;
    // Pairs: (1,2) 1 − 4/8 = 0.5; (1,5) 1 − 4/8 = 0.5; (2,5) 1 − 2/6 = 2/3.
    expect(expectations?.divergence).toBeCloseTo((0.5 + 0.5 + 2 / 3) / 3, 12);
    expect(expectations?.pairs).toHaveLength(3);
    expect(expectations?.silentPartners).toEqual([actor(3)]);
    expect(expectations?.topics).toEqual([
      { topic: "funding", partners: 3, share: 1, meanImportance: 10 / 3 },
      { topic: "visibility", partners: 2, share: 2 / 3, meanImportance: 3 },
    ]);
    expect(methods?.divergence).toBe(1);
    expect(methods?.partners).toEqual([actor(1), actor(2)]);
    expect(interests?.divergence).toBeNull();
    expect(interests?.pairs).toEqual([]);
  });

  it("gives the spread of ratings between partners", () => {
    expect(a.ratings[0]).toMatchObject({ key: "cooperation", n: 3, mean: 3, min: 2, max: 4 });
    expect(a.ratings[0]?.standardDeviation).toBeCloseTo(Math.sqrt(2 / 3), 12);
    expect(a.ratings[1]).toMatchObject({ key: "information", n: 2, mean: 2, standardDeviation: 0 });
  });

  it("handles a round without answers", () => {
    const empty = analyseReconciliationRound(r3, []);
    expect(empty.responseRate.value).toBeNull();
    expect(empty.dimensions.map((d) => d.divergence)).toEqual([null, null, null]);
    expect(empty.ratings).toEqual([]);
  });

  it("leaves out responses submitted after asOf", () => {
    const r = analyseReconciliationRound(r2, responses, { asOf: "2024-12-31" });
    expect(r.responded).toEqual([actor(1), actor(2)]);
  });
});

describe("compareReconciliationRounds", () => {
  it("shows the trend between two rounds", () => {
    const earlier = analyseReconciliationRound(r1, responses);
    const later = analyseReconciliationRound(r2, responses, { asOf: "2024-12-31" });
    const t = compareReconciliationRounds(earlier, later);
    expect(t.responseRate.change).toBeCloseTo(2 / 3 - 0.75, 12);
    expect(t.dimensions.map((d) => d.direction)).toEqual(["converging", "converging", "unknown"]);
    // Expectations: 1 − 3/4 = 0.25 in the later round; working methods: 1 − 3/6 = 0.5.
    expect(t.dimensions[0]?.to).toBe(0.25);
    expect(t.dimensions[1]?.change).toBe(-0.5);
    expect(t.ratings).toHaveLength(1);
    expect(t.ratings[0]).toMatchObject({
      key: "cooperation",
      meanFrom: 3,
      meanTo: 4,
      meanChange: 1,
      direction: "converging",
    });
    expect(t.stoppedResponding).toEqual([actor(3)]);
    expect(compareReconciliationRounds(earlier, earlier).dimensions[0]?.direction).toBe("stable");
  });
});

describe("reconciliationHistory", () => {
  it("analyses the rounds opened up to asOf in order, with trends", () => {
    const data = network({ reconciliationRound: [r2, r3, r1], reconciliationResponse: responses });
    const h = reconciliationHistory(data, { asOf: "2024-12-31" });
    expect(h.rounds.map((r) => r.roundId)).toEqual([r1.id, r2.id]);
    expect(h.trends).toHaveLength(1);
    expect(h.rounds[1]?.notResponded).toEqual([actor(3)]);
    expect(reconciliationHistory(emptyNetwork(), { asOf: "2024-12-31" })).toEqual({
      asOf: "2024-12-31",
      rounds: [],
      trends: [],
    });
  });
});
