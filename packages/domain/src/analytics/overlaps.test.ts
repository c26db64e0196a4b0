import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Measure, MeasureCategory, OverlapReview, TargetGroup } from "../model/measure.js";
import { generateNetwork } from "../synthetic/index.js";
import {
  defaultOverlapThreshold,
  defaultOverlapWeights,
  findOverlaps,
  type OverlapMeasure,
  type OverlapOptions,
  type OverlapResult,
} from "./overlaps.js";

const id = (n: number | string) => `msr_${String(n).padStart(12, "0")}` as Measure["id"];
const actor = (n: number) => `act_${String(n).padStart(12, "0")}` as Measure["providerActorId"];
const programme = (n: number) =>
  `fun_${String(n).padStart(12, "0")}` as NonNullable<Measure["funding"][number]["programmeId"]>;

/** A measure with every dimension set; tests override what they vary. */
function measure(n: number | string, over: Partial<OverlapMeasure> = {}): OverlapMeasure {
  return {
    id: id(n),
    title: "Zukunftstag Nord",
    providerActorId: actor(1),
    category: "vocational_orientation",
    targetGroups: ["pupils_lower_secondary"],
    grades: { min: 8, max: 9 },
    ages: { min: 14, max: 16 },
    areaServed: ["03159001"],
    from: "2024-08-01",
    to: "2025-07-31",
    funding: [{ programmeId: programme(1) }],
    status: "running",
    version: 1,
    deleted: false,
    ...over,
  };
}

const pairIds = (result: OverlapResult) => result.pairs.map((p) => p.measureIds.join("+"));
const summary = (result: OverlapResult) => result.pairs.map((p) => `${p.measureIds.join("+")}:${p.score}`);

describe("findOverlaps: hand-computed scores", () => {
  it("scores two identical measures 1, with every dimension as a reason", () => {
    const result = findOverlaps([measure(1), measure(2)]);
    expect(result.pairs).toHaveLength(1);
    const [pair] = result.pairs;
    expect(pair?.measureIds).toEqual([id(1), id(2)]);
    expect(pair?.score).toBeCloseTo(1, 12);
    expect(pair?.reasons.map((r) => r.kind)).toEqual([
      "category",
      "targetGroups",
      "grades",
      "ages",
      "area",
      "period",
      "funding",
      "text",
      "provider",
    ]);
    expect(result.clusters).toEqual([
      expect.objectContaining({ measureIds: [id(1), id(2)], pairs: [[id(1), id(2)]] }),
    ]);
  });

  it("computes the TF-IDF cosine of titles: shared 'Bewerbungstraining', different places", () => {
    // Corpus of two titles: df(bewerbungstraining) = 2, df(nord) = df(süd) = 1, idf = ln(1 + N/df).
    // Both vectors are (ln 2, ln 3) up to the same tf factor, sharing the first component:
    // cos = ln²2 / (ln²2 + ln²3) = 0.284730…; everything else is equal (0.6 of the weight).
    const a = measure(1, { title: "Bewerbungstraining Nord" });
    const b = measure(2, { title: "Bewerbungstraining Süd" });
    const cos = Math.log(2) ** 2 / (Math.log(2) ** 2 + Math.log(3) ** 2);
    expect(cos).toBeCloseTo(0.28473, 5);
    const result = findOverlaps([a, b]);
    expect(result.stats.strategy).toBe("text");
    expect(result.pairs).toHaveLength(1);
    expect(result.pairs[0]?.score).toBeCloseTo(0.6 + 0.4 * cos, 12);
    const text = result.pairs[0]?.reasons.find((r) => r.kind === "text");
    expect(text?.similarity).toBeCloseTo(cos, 12);
    expect(text?.shared).toEqual(["bewerbungstraining"]);
    expect(text?.text.de).toBe("Ähnlicher Titel oder Beschreibung (28 %): bewerbungstraining");
  });

  it("adds up partial similarities as documented", () => {
    // Same category (0.15); target groups {pupils, parents} vs {pupils}: Jaccard 1/2 (0.075);
    // grades 7–10 vs 9–12: 2 shared of the shorter 4 (0.025); ages missing on one side (0);
    // areas {X, Y} vs {Y, Z, W}: 1 of the smaller 2 (0.025); periods 2024-08-01–2025-07-31 (365 days)
    // and from 2025-02-01 open: 181 shared days of 365 (0.05 · 181/365); same programme (0.05);
    // no shared word (0); other provider (0).
    const a = measure(1, {
      targetGroups: ["pupils_lower_secondary", "parents"],
      grades: { min: 7, max: 10 },
      areaServed: ["03159001", "03159002"],
      title: "Zukunftstag",
    });
    const b = measure(2, {
      grades: { min: 9, max: 12 },
      ages: undefined,
      areaServed: ["03159002", "03159003", "03159004"],
      from: "2025-02-01",
      to: undefined,
      providerActorId: actor(2),
      title: "Werkstattwoche",
    });
    const expected = 0.15 + 0.075 + 0.025 + 0 + 0.025 + (0.05 * 181) / 365 + 0.05;
    const result = findOverlaps([a, b], { threshold: 0.3 });
    expect(result.pairs).toHaveLength(1);
    const pair = result.pairs[0]!;
    expect(pair.score).toBeCloseTo(expected, 12);
    const contribution = Object.fromEntries(pair.reasons.map((r) => [r.kind, r.contribution]));
    expect(contribution).toEqual({
      category: expect.closeTo(0.15, 12),
      targetGroups: expect.closeTo(0.075, 12),
      grades: expect.closeTo(0.025, 12),
      area: expect.closeTo(0.025, 12),
      period: expect.closeTo((0.05 * 181) / 365, 12),
      funding: expect.closeTo(0.05, 12),
    });
    expect(pair.reasons.reduce((s, r) => s + r.contribution, 0)).toBeCloseTo(pair.score, 12);
    const period = pair.reasons.find((r) => r.kind === "period");
    expect(period?.text).toEqual({
      de: "Zeitraum überschneidet sich: 2025-02-01 bis 2025-07-31",
      en: "Periods overlap: 2025-02-01 to 2025-07-31",
    });
    // Below the default threshold it is not reported.
    expect(findOverlaps([a, b]).pairs).toEqual([]);
  });

  it("finds a near-identical text across categories (score 1 − category weight)", () => {
    const result = findOverlaps([measure(1), measure(2, { category: "counselling" })]);
    expect(result.pairs[0]?.score).toBeCloseTo(1 - defaultOverlapWeights.category, 12);
    expect(result.pairs[0]?.reasons.some((r) => r.kind === "category")).toBe(false);
  });

  it("normalises custom weights and reports them", () => {
    const result = findOverlaps([measure(1), measure(2, { providerActorId: actor(9) })], {
      weights: {
        category: 1,
        targetGroups: 1,
        grades: 0,
        ages: 0,
        area: 0,
        period: 0,
        funding: 0,
        text: 2,
        provider: 4,
      },
      threshold: 0.5,
    });
    expect(result.weights.provider).toBeCloseTo(0.5, 12);
    // Category, groups and text match: (1 + 1 + 2) / 8.
    expect(result.pairs[0]?.score).toBeCloseTo(0.5, 12);
  });

  it("rejects invalid weights and thresholds", () => {
    expect(() => findOverlaps([], { threshold: 1.5 })).toThrow(RangeError);
    expect(() => findOverlaps([], { weights: { text: -1 } })).toThrow(RangeError);
    const zero = {
      category: 0,
      targetGroups: 0,
      grades: 0,
      ages: 0,
      area: 0,
      period: 0,
      funding: 0,
      text: 0,
      provider: 0,
    };
    expect(() => findOverlaps([], { weights: zero })).toThrow(RangeError);
  });
});

describe("findOverlaps: edge cases", () => {
  it("returns nothing for no or one measure", () => {
    for (const list of [[], [measure(1)]]) {
      const result = findOverlaps(list);
      expect(result.pairs).toEqual([]);
      expect(result.clusters).toEqual([]);
      expect(result.dismissed).toEqual([]);
      expect(result.stats.measures).toBe(list.length);
    }
  });

  it("treats open-ended periods as running for ever", () => {
    const a = measure(1, { from: "2019-08-01", to: undefined });
    const b = measure(2, { from: "2030-01-01", to: undefined });
    const result = findOverlaps([a, b]);
    expect(result.pairs).toHaveLength(1);
    expect(result.pairs[0]?.reasons.find((r) => r.kind === "period")).toMatchObject({
      similarity: 1,
      shared: ["2030-01-01"],
      text: { de: "Zeitraum überschneidet sich: 2030-01-01 bis offen" },
    });
  });

  it("handles dates before 1970 and far ahead", () => {
    const list = [
      measure(1, { from: "1965-08-01", to: "1966-07-31" }),
      measure(2, { from: "1965-09-01", to: undefined }),
      measure(3, { from: "2090-01-01", to: undefined, title: "Werkstattwoche" }),
    ];
    expect(summary(findOverlaps(list))).toEqual(summary(findOverlaps(list, { exhaustive: true })));
    expect(pairIds(findOverlaps(list))).toEqual([`${id(1)}+${id(2)}`]);
  });

  it("needs overlapping periods and areas unless the gates are switched off", () => {
    const before = measure(2, { from: "2022-08-01", to: "2023-07-31" });
    expect(findOverlaps([measure(1), before]).pairs).toEqual([]);
    expect(findOverlaps([measure(1), before], { requireSharedPeriod: false }).pairs[0]?.score).toBeCloseTo(
      0.95,
      12,
    );
    const elsewhere = measure(2, { areaServed: ["03159009"] });
    expect(findOverlaps([measure(1), elsewhere]).pairs).toEqual([]);
    const loose = findOverlaps([measure(1), elsewhere], { requireSharedArea: false });
    expect(loose.pairs[0]?.score).toBeCloseTo(0.95, 12);
    const open = findOverlaps([measure(1), elsewhere, before], {
      requireSharedArea: false,
      requireSharedPeriod: false,
    });
    expect(open.pairs).toHaveLength(3);
    expect(open.stats.strategy).toBe("text");
  });

  it("counts an empty area as the whole region", () => {
    const whole = measure(2, { areaServed: [] });
    const result = findOverlaps([measure(1, { areaServed: ["03159001", "03159002"] }), whole]);
    const area = result.pairs[0]?.reasons.find((r) => r.kind === "area");
    expect(area?.similarity).toBe(1);
    expect(area?.shared).toEqual(["03159001", "03159002"]);
    expect(area?.text.en).toBe(
      "2 shared municipalities (one offer serves the whole region): 03159001, 03159002",
    );
    const both = findOverlaps([measure(1, { areaServed: [] }), whole]);
    expect(both.pairs[0]?.reasons.find((r) => r.kind === "area")?.text.de).toBe("Beide für die ganze Region");
  });

  it("gives missing grades, ages, target groups and funding no weight", () => {
    const bare: Partial<OverlapMeasure> = {
      grades: undefined,
      ages: undefined,
      targetGroups: [],
      funding: [],
    };
    const result = findOverlaps([measure(1, bare), measure(2, bare)]);
    const pair = result.pairs[0]!;
    expect(pair.reasons.map((r) => r.kind)).toEqual(["category", "area", "period", "text", "provider"]);
    expect(pair.score).toBeCloseTo(0.15 + 0.05 + 0.05 + 0.4 + 0.05, 12);
  });

  it("ignores cancelled and deleted measures unless asked", () => {
    const list = [measure(1), measure(2, { status: "cancelled" }), measure(3, { deleted: true })];
    const result = findOverlaps(list);
    expect(result.pairs).toEqual([]);
    expect(result.stats).toMatchObject({ measures: 1, ignored: 2 });
    const all = findOverlaps(list, { includeCancelled: true, includeDeleted: true });
    expect(pairIds(all)).toEqual([`${id(1)}+${id(2)}`, `${id(1)}+${id(3)}`, `${id(2)}+${id(3)}`]);
  });
});

describe("findOverlaps: reviews", () => {
  const review = (over: Partial<OverlapReview> = {}): OverlapReview => ({
    id: "ovr_000000000001" as OverlapReview["id"],
    measureIds: [id(1), id(2)],
    measureVersions: [1, 1],
    verdict: "complementary",
    reviewedAt: "2025-01-10T10:00:00Z",
    illustrative: false,
    version: 1,
    createdAt: "2025-01-10T10:00:00Z",
    updatedAt: "2025-01-10T10:00:00Z",
    deleted: false,
    ...over,
  });

  it("dismisses a pair reviewed as complementary while both versions are unchanged", () => {
    const result = findOverlaps([measure(1), measure(2)], { reviews: [review()] });
    expect(result.pairs).toEqual([]);
    expect(result.clusters).toEqual([]);
    expect(result.dismissed).toHaveLength(1);
    expect(result.dismissed[0]?.review).toEqual({
      id: "ovr_000000000001",
      verdict: "complementary",
      reviewedAt: "2025-01-10T10:00:00Z",
      current: true,
    });
  });

  it("matches reviews in either order of the two measures", () => {
    const swapped = review({ measureIds: [id(2), id(1)], measureVersions: [5, 3] });
    const result = findOverlaps([measure(1, { version: 3 }), measure(2, { version: 5 })], {
      reviews: [swapped],
    });
    expect(result.dismissed).toHaveLength(1);
    const wrong = findOverlaps([measure(1, { version: 5 }), measure(2, { version: 3 })], {
      reviews: [swapped],
    });
    expect(wrong.dismissed).toEqual([]);
  });

  it("reopens the pair when either measure changed", () => {
    const result = findOverlaps([measure(1), measure(2, { version: 2 })], { reviews: [review()] });
    expect(result.dismissed).toEqual([]);
    expect(result.pairs[0]?.review).toMatchObject({ verdict: "complementary", current: false });
  });

  it("keeps pairs judged redundant, uses the latest review and skips deleted ones", () => {
    const redundant = review({ verdict: "redundant" });
    expect(findOverlaps([measure(1), measure(2)], { reviews: [redundant] }).pairs[0]?.review).toMatchObject({
      verdict: "redundant",
      current: true,
    });
    const later = review({
      id: "ovr_000000000002" as OverlapReview["id"],
      verdict: "merge_planned",
      reviewedAt: "2025-03-01T10:00:00Z",
    });
    expect(
      findOverlaps([measure(1), measure(2)], { reviews: [later, review()] }).pairs[0]?.review?.verdict,
    ).toBe("merge_planned");
    const gone = review({ deleted: true });
    expect(findOverlaps([measure(1), measure(2)], { reviews: [gone] }).pairs).toHaveLength(1);
  });
});

describe("findOverlaps: clusters", () => {
  it("groups connected pairs and summarises their reasons", () => {
    const list = [
      measure(1),
      measure(2),
      measure(3, { providerActorId: actor(3) }),
      measure(4, { title: "Elternabend Berufswahl", category: "parents", targetGroups: ["parents"] }),
      measure(5, { title: "Elternabend Berufswahl", category: "parents", targetGroups: ["parents"] }),
    ];
    const result = findOverlaps(list);
    expect(result.clusters.map((c) => c.measureIds)).toEqual([
      [id(1), id(2), id(3)],
      [id(4), id(5)],
    ]);
    const [first] = result.clusters;
    expect(first?.pairs).toHaveLength(3);
    expect(first?.maxScore).toBeCloseTo(1, 12);
    expect(first?.meanScore).toBeCloseTo((1 + 0.95 + 0.95) / 3, 12);
    // Most frequent first; among equals, the larger contribution first.
    expect(first?.reasons.slice(0, 2)).toMatchObject([
      { kind: "text", pairs: 3, meanContribution: expect.closeTo(0.4, 12) },
      { kind: "category", pairs: 3, meanContribution: expect.closeTo(0.15, 12) },
    ]);
    expect(first?.reasons.find((r) => r.kind === "provider")).toMatchObject({
      pairs: 1,
      text: { de: "Gleicher Träger: 1 von 3 Paaren", en: "Same provider: 1 of 3 pairs" },
    });
  });
});

const categories: MeasureCategory[] = ["vocational_orientation", "counselling", "internship"];
const groups: TargetGroup[] = ["pupils_lower_secondary", "applicants", "parents", "newly_arrived"];
const words = [
  "Berufsorientierung",
  "Bewerbung",
  "Training",
  "Nord",
  "Süd",
  "Werkstatt",
  "Eltern",
  "Praxis",
  "Tag",
];
const places = ["03159001", "03159002", "03159003", "03156001", "03156002"];
const isoDay = (day: number) => new Date(Date.UTC(2020, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);

const arbitraryMeasure = fc
  .record({
    title: fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 4 }),
    description: fc.option(fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 6 }), {
      nil: undefined,
    }),
    provider: fc.integer({ min: 1, max: 3 }),
    category: fc.constantFrom(...categories),
    targetGroups: fc.uniqueArray(fc.constantFrom(...groups), { maxLength: 3 }),
    grades: fc.option(
      fc
        .tuple(fc.integer({ min: 5, max: 13 }), fc.integer({ min: 0, max: 3 }))
        .map(([min, span]) => ({ min, max: min + span })),
      { nil: undefined },
    ),
    ages: fc.option(
      fc
        .tuple(fc.integer({ min: 12, max: 25 }), fc.integer({ min: 0, max: 5 }))
        .map(([min, span]) => ({ min, max: min + span })),
      { nil: undefined },
    ),
    areaServed: fc.uniqueArray(fc.constantFrom(...places), { maxLength: 3 }),
    start: fc.integer({ min: 0, max: 2000 }),
    length: fc.option(fc.integer({ min: 0, max: 900 }), { nil: undefined }),
    programme: fc.option(fc.integer({ min: 1, max: 2 }), { nil: undefined }),
  })
  .map((r) => ({
    title: r.title.join(" "),
    ...(r.description ? { description: r.description.join(" ") } : {}),
    providerActorId: actor(r.provider),
    category: r.category,
    targetGroups: r.targetGroups,
    ...(r.grades ? { grades: r.grades } : {}),
    ...(r.ages ? { ages: r.ages } : {}),
    areaServed: r.areaServed,
    from: isoDay(r.start),
    ...(r.length === undefined ? {} : { to: isoDay(r.start + r.length) }),
    funding: r.programme ? [{ programmeId: programme(r.programme) }] : [],
  }));

const arbitraryMeasures = fc
  .array(arbitraryMeasure, { maxLength: 40 })
  .map((list) =>
    list.map((m, k) => measure(k + 1, { grades: undefined, ages: undefined, to: undefined, ...m })),
  );

const weightKeys = Object.keys(defaultOverlapWeights) as (keyof typeof defaultOverlapWeights)[];
const arbitraryOptions: fc.Arbitrary<OverlapOptions> = fc
  .record({
    weights: fc.option(
      fc
        .tuple(...weightKeys.map(() => fc.integer({ min: 0, max: 4 })))
        .filter((ws) => ws.some((w) => w > 0))
        .map((ws) => Object.fromEntries(weightKeys.map((k, i) => [k, ws[i]!]))),
      { nil: undefined },
    ),
    threshold: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
    requireSharedArea: fc.boolean(),
    requireSharedPeriod: fc.boolean(),
  })
  .map((o) =>
    Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)),
  ) as fc.Arbitrary<OverlapOptions>;

// Dense data: similar structure and a small, skewed vocabulary, so many pairs sit near the threshold
// and share only frequent words; this is where a wrong prefix bound would lose pairs.
const skewed = [
  "Berufsorientierung",
  "Berufsorientierung",
  "Berufsorientierung",
  "Bewerbung",
  "Bewerbung",
  "Nord",
  "Praxis",
  "Kompass",
];
const arbitraryDense = fc
  .array(
    fc.record({
      title: fc.array(fc.constantFrom(...skewed), { minLength: 1, maxLength: 3 }),
      description: fc.array(fc.constantFrom(...skewed, "Eltern", "Werkstatt"), { maxLength: 4 }),
      category: fc.constantFrom<MeasureCategory>("vocational_orientation", "counselling"),
      targetGroups: fc.uniqueArray(fc.constantFrom<TargetGroup>("pupils_lower_secondary", "parents"), {
        minLength: 1,
        maxLength: 2,
      }),
      areaServed: fc.constantFrom([], ["03159001"], ["03159001", "03159002"], ["03156001"]),
      start: fc.integer({ min: 0, max: 400 }),
      open: fc.boolean(),
      provider: fc.integer({ min: 1, max: 2 }),
    }),
    { minLength: 2, maxLength: 40 },
  )
  .map((list) =>
    list.map((r, k) =>
      measure(k + 1, {
        title: r.title.join(" "),
        ...(r.description.length > 0 ? { description: r.description.join(" ") } : {}),
        category: r.category,
        targetGroups: r.targetGroups,
        areaServed: [...r.areaServed],
        from: isoDay(r.start),
        to: r.open ? undefined : isoDay(r.start + 365),
        providerActorId: actor(r.provider),
      }),
    ),
  );

describe("findOverlaps: properties", () => {
  it("blocking finds exactly the pairs that all-pairs comparison finds (default options)", () => {
    fc.assert(
      fc.property(arbitraryMeasures, (list) => {
        expect(summary(findOverlaps(list))).toEqual(summary(findOverlaps(list, { exhaustive: true })));
      }),
      { numRuns: 300 },
    );
  });

  it("blocking finds exactly the pairs of all-pairs comparison on dense data", () => {
    let found = 0;
    fc.assert(
      fc.property(arbitraryDense, fc.option(arbitraryOptions, { nil: undefined }), (list, options) => {
        const reference = findOverlaps(list, { ...options, exhaustive: true });
        found += reference.pairs.length;
        expect(summary(findOverlaps(list, options))).toEqual(summary(reference));
      }),
      { numRuns: 400 },
    );
    // The property is not vacuous: the reference found plenty of pairs.
    expect(found).toBeGreaterThan(1000);
  });

  it("blocking finds exactly the pairs of all-pairs comparison for any weights, threshold and gates", () => {
    fc.assert(
      fc.property(arbitraryMeasures, arbitraryOptions, (list, options) => {
        const blocked = findOverlaps(list, options);
        const reference = findOverlaps(list, { ...options, exhaustive: true });
        expect(summary(blocked)).toEqual(summary(reference));
      }),
      { numRuns: 300 },
    );
  });

  it("scores are symmetric and lie in 0..1", () => {
    fc.assert(
      fc.property(arbitraryMeasure, arbitraryMeasure, (x, y) => {
        const a = measure(1, { grades: undefined, ages: undefined, to: undefined, ...x });
        const b = measure(2, { grades: undefined, ages: undefined, to: undefined, ...y });
        const options = { threshold: 0, requireSharedArea: false, requireSharedPeriod: false };
        const ab = findOverlaps([a, b], options).pairs[0];
        const ba = findOverlaps([b, a], options).pairs[0];
        expect(ab?.score).toBe(ba?.score);
        expect(ab?.score).toBeGreaterThanOrEqual(0);
        expect(ab?.score).toBeLessThanOrEqual(1);
        expect(ab?.reasons.map((r) => [r.kind, r.similarity])).toEqual(
          ba?.reasons.map((r) => [r.kind, r.similarity]),
        );
      }),
      { numRuns: 500 },
    );
  });

  it("blocking loses nothing on a realistic synthetic network", () => {
    const network = generateNetwork({ seed: 11, measures: 700 });
    const blocked = findOverlaps(network.measure, { reviews: network.overlapReview });
    const reference = findOverlaps(network.measure, { reviews: network.overlapReview, exhaustive: true });
    expect(blocked.pairs.length).toBeGreaterThan(10);
    expect(summary(blocked)).toEqual(summary(reference));
    expect(blocked.dismissed.map((p) => p.measureIds.join("+"))).toEqual(
      reference.dismissed.map((p) => p.measureIds.join("+")),
    );
    expect(blocked.stats.candidates).toBeLessThan(reference.stats.candidates / 20);
    expect(defaultOverlapThreshold).toBe(0.7);
  });
});
