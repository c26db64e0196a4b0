import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Measure } from "../model/measure.js";
import { generateNetwork } from "../synthetic/index.js";
import {
  compareOverlap,
  defaultOverlapThreshold,
  findOverlaps,
  type OverlapMeasure,
  type OverlapReviewInput,
  overlapFingerprint,
  overlapFingerprintFields,
  overlapReviewIsCurrent,
} from "./overlaps.js";

const id = (n: number | string) => `msr_${String(n).padStart(12, "0")}` as Measure["id"];
const actor = (n: number) => `act_${String(n).padStart(12, "0")}` as Measure["providerActorId"];

/** A grade-9 application training in one municipality, spring 2026; tests override what they vary. */
function measure(n: number, over: Partial<OverlapMeasure> = {}): OverlapMeasure {
  return {
    id: id(n),
    title: "Bewerbungstraining für Abschlussklassen",
    description: "Lebenslauf, Anschreiben und Vorstellungsgespräch üben.",
    providerActorId: actor(n),
    category: "application_support",
    targetGroups: ["pupils_lower_secondary"],
    grades: { min: 9, max: 9 },
    areaServed: ["03999002"],
    from: "2026-02-01",
    to: "2026-06-30",
    funding: [],
    status: "planned",
    version: 1,
    deleted: false,
    ...over,
  };
}

const kinds = (a: OverlapMeasure, b: OverlapMeasure) => compareOverlap(a, b).ruledOut.map((r) => r.kind);

describe("findOverlaps: what makes two offers redundant", () => {
  it("reports two providers' application trainings in their own words, with reasons in German and English", () => {
    const other = measure(2, {
      title: "Fit für die Bewerbung",
      description:
        "Wir erstellen mit den Neuntklässlern die Bewerbungsmappe und proben Vorstellungsgespräche.",
      category: "vocational_orientation",
    });
    const result = findOverlaps([measure(1), other]);
    expect(result.pairs.map((p) => p.measureIds)).toEqual([[id(1), id(2)]]);
    const [pair] = result.pairs;
    expect(pair!.score).toBeGreaterThanOrEqual(defaultOverlapThreshold);
    expect(pair!.sameProvider).toBe(false);
    const purpose = pair!.reasons.find((r) => r.kind === "purpose");
    expect(purpose?.shared).toEqual(["application_training"]);
    expect(purpose?.text.de).toBe("Gleiche Angebotsart: Bewerbungstraining");
    expect(purpose?.text.en).toBe("Same activity: Application training");
    const sum = pair!.reasons.reduce((s, r) => s + r.contribution, 0);
    expect(sum).toBeCloseTo(pair!.score, 12);
    // The reasons travel as JSON like any field.
    expect(JSON.parse(JSON.stringify(pair)).reasons).toHaveLength(pair!.reasons.length);
    expect(result.clusters).toEqual([expect.objectContaining({ measureIds: [id(1), id(2)] })]);
  });

  it("rules out disjoint grades, ages, places and periods, each with its reason", () => {
    const base = measure(1);
    expect(kinds(base, measure(2, { grades: { min: 10, max: 10 } }))).toEqual(["grades"]);
    expect(
      kinds(measure(1, { ages: { min: 14, max: 15 } }), measure(2, { ages: { min: 16, max: 18 } })),
    ).toEqual(["ages"]);
    expect(kinds(base, measure(2, { areaServed: ["03999009"] }))).toEqual(["area"]);
    expect(kinds(base, measure(2, { from: "2024-02-01", to: "2024-06-30" }))).toEqual(["period"]);
    const ruling = compareOverlap(base, measure(2, { grades: { min: 10, max: 10 } })).ruledOut[0]!;
    expect(ruling.text.de).toBe("Klassenstufen überschneiden sich nicht: 9 und 10");
    expect(ruling.text.en).toBe("Grades do not overlap: 9 and 10");
    expect(findOverlaps([base, measure(2, { grades: { min: 10, max: 10 } })]).pairs).toEqual([]);
  });

  it("lets the whole district overlap every place, in part, and asks for stronger evidence there", () => {
    const district = measure(2, { areaServed: [] });
    const same = compareOverlap(measure(1), district);
    expect(same.redundant).toBe(true);
    const area = same.reasons.find((r) => r.kind === "area")!;
    expect(area.similarity).toBe(0.5);
    expect(area.text.en).toBe(
      "Partly the same place: one offer serves the whole district, the other 03999002",
    );
    // A standing district-wide listing without an end says nothing about when it reaches the place.
    const standing = measure(2, { areaServed: [], to: undefined });
    expect(kinds(measure(1), standing)).toEqual(["area"]);
    expect(kinds(measure(1, { areaServed: [] }), standing)).toEqual([]);
    // Nor does an offer that does not say whom it is for.
    const unpinned = measure(2, { areaServed: [], grades: undefined, targetGroups: [] });
    expect(kinds(measure(1), unpinned)).toEqual(["area"]);
    expect(compareOverlap(measure(1), unpinned).ruledOut[0]?.text.de).toMatch(
      /^Ein kreisweites und ein örtliches/,
    );
    // The activity must be named in both titles: the category alone is not enough.
    const generic = measure(2, {
      areaServed: [],
      title: "Fit in die Zukunft",
      description: "Angebot rund um Bewerbungsunterlagen.",
    });
    expect(compareOverlap(measure(1), generic).redundant).toBe(false);
    for (const other of [standing, unpinned, generic])
      expect(findOverlaps([measure(1), other]).pairs).toEqual([]);
    // An offer for four towns and one for a single town overlap in part too.
    const fourTowns = ["03999001", "03999002", "03999003", "03999004"];
    expect(kinds(measure(1), measure(2, { areaServed: fourTowns, to: undefined }))).toEqual(["area"]);
    expect(kinds(measure(1), measure(2, { areaServed: fourTowns }))).toEqual([]);
    expect(kinds(measure(1), measure(2, { areaServed: ["03999002", "03999003"], to: undefined }))).toEqual(
      [],
    );
  });

  it("does not take the same category for the same purpose", () => {
    const orientation = (n: number, title: string, description: string) =>
      measure(n, {
        title,
        description,
        category: "vocational_orientation",
        grades: { min: 8, max: 9 },
      });
    // Two offers of one broad category that name no activity and are worded differently.
    const a = orientation(
      1,
      "Berufsorientierung an der Oberschule Bergheim",
      "Begleitung durch das Schuljahr.",
    );
    const b = orientation(2, "Berufswahlpass-Begleitung Bergheim", "Portfolio und Reflexionsgespräche.");
    const ruling = compareOverlap(a, b).ruledOut;
    expect(ruling.map((r) => r.kind)).toEqual(["purpose"]);
    expect(ruling[0]!.text.en).toMatch(/the same category alone is not the same purpose/);
    // A one-day Zukunftstag is no exploration of job fields, a block placement no long-term one.
    const future = orientation(3, "Zukunftstag für Mädchen und Jungen", "Ein Tag im Betrieb.");
    const exploration = orientation(4, "Berufsfelderkundung Klasse 8", "Drei Tage in Betrieben.");
    expect(kinds(future, exploration)).toEqual(["purpose"]);
    const block = orientation(5, "Schülerbetriebspraktikum Klasse 9", "Drei Wochen im Betrieb.");
    const weekly = orientation(6, "Praxistag: jeden Mittwoch in den Betrieb", "Ein Tag pro Woche.");
    expect(kinds(block, weekly)).toEqual(["purpose"]);
    // Identical entries still meet through their wording.
    expect(compareOverlap(a, orientation(7, a.title, a.description!)).redundant).toBe(true);
  });

  it("reads the standard element in the KAoA catalogue's current numbering, and only when the title names nothing", () => {
    const tagged = (n: number, title: string, standardElement: string) =>
      measure(n, {
        title,
        description: "",
        category: "vocational_orientation",
        standardElement,
        grades: { min: 8, max: 8 },
      });
    const analysis = tagged(1, "Startklar", "SBO 4.1");
    const exploration = tagged(2, "Perspektive", "SBO 5.1");
    expect(kinds(analysis, exploration)).toEqual(["stage"]);
    // The title wins over a standard element that names something else.
    const workshop = tagged(3, "Werkstatttage Klasse 8", "SBO 4.1");
    expect(kinds(workshop, exploration)).toEqual([]);
    expect(kinds(workshop, analysis)).toEqual(["stage"]);
  });

  it("gives the same provider no bonus: successive editions are not redundant", () => {
    const edition = (n: number, from: string, to: string) =>
      measure(n, { providerActorId: actor(1), from, to });
    const result = findOverlaps([
      edition(1, "2025-02-01", "2025-06-30"),
      edition(2, "2026-02-01", "2026-06-30"),
    ]);
    expect(result.pairs).toEqual([]);
    expect(kinds(edition(1, "2025-02-01", "2025-06-30"), edition(2, "2026-02-01", "2026-06-30"))).toEqual([
      "period",
    ]);
    const parallel = compareOverlap(measure(1), measure(2));
    const sameProvider = compareOverlap(measure(1), measure(2, { providerActorId: actor(1) }));
    expect(sameProvider.score).toBe(parallel.score);
    expect(sameProvider.sameProvider).toBe(true);
  });

  it("treats the stages of the orientation chain as complements", () => {
    const stage = (n: number, title: string) =>
      measure(n, { title, description: "", category: "vocational_orientation", grades: { min: 8, max: 8 } });
    const analysis = stage(1, "Kompetenzfeststellung Jahrgang 8");
    const workshop = stage(2, "Werkstatttage Jahrgang 8");
    const internship = stage(3, "Betriebspraktikum Jahrgang 8");
    expect(kinds(analysis, workshop)).toEqual(["stage"]);
    expect(kinds(workshop, internship)).toEqual(["stage"]);
    expect(compareOverlap(analysis, internship).ruledOut[0]?.text.en).toBe(
      "Successive stages that complement each other: Potential analysis and Work placement",
    );
    expect(findOverlaps([analysis, workshop, internship]).pairs).toEqual([]);
  });

  it("keeps the parents' evening apart from the pupils' training", () => {
    const evening = measure(2, {
      title: "Elternabend zum Bewerbungstraining",
      category: "parents",
      targetGroups: ["parents"],
    });
    expect(kinds(measure(1), evening)).toEqual(["audience"]);
  });

  it("keeps different activities apart, even in one category", () => {
    const speedDating = measure(2, { title: "Azubi-Speed-Dating", description: "Betriebe treffen Schüler." });
    expect(kinds(measure(1), speedDating)).toEqual(["purpose"]);
  });

  it("reads compounds, paraphrases and the abbreviations coordinators use", () => {
    const pre = (n: number, title: string, description = "") =>
      measure(n, {
        title,
        description,
        category: "pre_vocational",
        targetGroups: ["unplaced_applicants"],
        grades: undefined,
        areaServed: [],
      });
    const pairs = [
      [pre(1, "BvB am Standort Auenstadt"), pre(2, "Berufsvorbereitende Bildungsmaßnahme")],
      [pre(3, "AsA flex"), pre(4, "Assistierte Ausbildung für Azubis")],
      [pre(5, "EQ im Handwerk"), pre(6, "Einstiegsqualifizierung")],
      [pre(7, "BerEb an der Oberschule"), pre(8, "Berufseinstiegsbegleitung")],
      [pre(9, "JBA vor Ort"), pre(10, "Sprechstunde der Jugendberufsagentur")],
      [pre(11, "Berufemesse Handwerk"), pre(12, "Ausbildungsbörse")],
    ] as const;
    for (const [a, b] of pairs) {
      const c = compareOverlap(a, b);
      expect(c.ruledOut, `${a.title} / ${b.title}`).toEqual([]);
      expect(c.reasons.find((r) => r.kind === "purpose")?.similarity, `${a.title} / ${b.title}`).toBe(1);
    }
    // "angemessen" is no fair, "Frequenz" no EQ.
    const unrelated = compareOverlap(pre(13, "Angemessene Frequenz"), pre(14, "Einstiegsqualifizierung"));
    expect(unrelated.reasons.find((r) => r.kind === "purpose")).toBeUndefined();
    expect(unrelated.redundant).toBe(false);
  });

  it("compares pairs that share hardly a word when their structure matches", () => {
    const a = measure(1, {
      title: "Profil AC",
      description: "",
      category: "potential_analysis",
      grades: { min: 8, max: 8 },
    });
    const b = measure(2, {
      title: "Stärkencheck",
      description: "",
      category: "vocational_orientation",
      grades: { min: 8, max: 8 },
    });
    expect(findOverlaps([a, b]).pairs).toHaveLength(1);
  });

  it("reports identical entries without a named activity", () => {
    const twin = (n: number) =>
      measure(n, { title: "Zukunft gestalten", description: "Projekt", category: "other" });
    expect(findOverlaps([twin(1), twin(2)]).pairs).toHaveLength(1);
  });
});

describe("findOverlaps: options", () => {
  it("validates weights and threshold with a German and English message", () => {
    expect(() => findOverlaps([], { threshold: 2 })).toThrow(
      "Der Schwellenwert liegt zwischen 0 und 1. / The threshold lies in 0..1.",
    );
    expect(() => findOverlaps([], { weights: { text: -1 } })).toThrow("darf nicht negativ sein");
    expect(() => findOverlaps([], { weights: { provider: 1 } as never })).toThrow("Unbekanntes Gewicht");
    expect(() =>
      findOverlaps([], {
        weights: {
          purpose: 0,
          category: 0,
          text: 0,
          targetGroups: 0,
          grades: 0,
          ages: 0,
          area: 0,
          period: 0,
          funding: 0,
        },
      }),
    ).toThrow("Die Gewichte müssen größer als null sein.");
  });

  it("lets a district tune weights and threshold", () => {
    const pair = [measure(1), measure(2, { title: "Bewerbungscoaching", description: "" })];
    const strict = findOverlaps(pair, { threshold: 0.99 });
    expect(strict.pairs).toEqual([]);
    const wordy = findOverlaps(pair, { weights: { text: 5 } });
    expect(wordy.weights.text).toBeGreaterThan(0.5);
  });

  it("finds with blocks exactly what comparing every pair finds", () => {
    const measures = generateNetwork({ seed: 7, measures: 400 }).measure;
    fc.assert(
      fc.property(fc.double({ min: 0.3, max: 0.95, noNaN: true }), fc.boolean(), (threshold, area) => {
        const options = { threshold, requireSharedArea: area };
        const blocked = findOverlaps(measures, options);
        const all = findOverlaps(measures, { ...options, exhaustive: true });
        expect(blocked.pairs.map((p) => [p.measureIds, p.score])).toEqual(
          all.pairs.map((p) => [p.measureIds, p.score]),
        );
        expect(blocked.stats.strategy).toBe("blocks");
        expect(all.stats.strategy).toBe("all-pairs");
      }),
      { numRuns: 12 },
    );
  });
});

describe("findOverlaps: what is made when read", () => {
  it("counts a cluster's reasons from its pairs' contributions, and writes both as JSON", () => {
    const network = generateNetwork({ seed: 11, measures: 300 });
    const result = findOverlaps(network.measure, { reviews: network.overlapReview });
    expect(result.clusters.length).toBeGreaterThan(0);
    const byKey = new Map(result.pairs.map((p) => [p.measureIds.join("|"), p]));
    for (const cluster of result.clusters) {
      const pairs = cluster.pairs.map((ids) => byKey.get(ids.join("|"))!);
      expect(pairs.every(Boolean)).toBe(true);
      for (const reason of cluster.reasons) {
        const parts = pairs.flatMap((p) => p.reasons.filter((r) => r.kind === reason.kind));
        expect(reason.pairs).toBe(parts.length);
        expect(reason.meanContribution).toBeCloseTo(
          parts.reduce((sum, r) => sum + r.contribution, 0) / parts.length,
          12,
        );
      }
    }
    const json = JSON.parse(JSON.stringify(result));
    expect(json.clusters[0].reasons).toEqual(JSON.parse(JSON.stringify(result.clusters[0]!.reasons)));
    expect(json.pairs[0].measureIds).toEqual([...result.pairs[0]!.measureIds]);
  });
});

describe("reviews that last", () => {
  const a = measure(1);
  const b = measure(2, { title: "Bewerbungswerkstatt", description: "" });
  const review = (over: Partial<OverlapReviewInput> = {}): OverlapReviewInput => ({
    id: "ovr_000000000001" as OverlapReviewInput["id"],
    measureIds: [a.id, b.id],
    measureVersions: [1, 1],
    measureFingerprints: [overlapFingerprint(a), overlapFingerprint(b)],
    verdict: "complementary",
    reviewedAt: "2026-01-10T10:00:00Z",
    ...over,
  });

  it("lists the fields that make a pair redundant", () => {
    expect(overlapFingerprintFields).toContain("grades");
    expect(overlapFingerprintFields).not.toContain("places");
    expect(overlapFingerprintFields).not.toContain("lastVerifiedAt");
    expect(overlapFingerprint(a)).toMatch(/^[0-9a-f]{16}$/);
    expect(overlapFingerprint({ ...a, targetGroups: ["applicants", "parents"] })).toBe(
      overlapFingerprint({ ...a, targetGroups: ["parents", "applicants"] }),
    );
  });

  it("keeps a dismissal through a verification stamp or a new places count, and reopens it when the grades change", () => {
    const dismissed = findOverlaps([a, b], { reviews: [review()] });
    expect(dismissed.pairs).toEqual([]);
    expect(dismissed.dismissed.map((p) => p.measureIds)).toEqual([[a.id, b.id]]);

    const stamped = {
      ...b,
      version: 3,
      places: 40,
      lastVerifiedAt: "2026-02-01T09:00:00Z",
    } as OverlapMeasure;
    const still = findOverlaps([a, stamped], { reviews: [review()] });
    expect(still.dismissed).toHaveLength(1);
    expect(still.dismissed[0]?.review.current).toBe(true);

    const regraded = { ...b, version: 4, grades: { min: 9, max: 10 } };
    const reopened = findOverlaps([a, regraded], { reviews: [review()] });
    expect(reopened.dismissed).toEqual([]);
    expect(reopened.pairs[0]?.review).toMatchObject({ verdict: "complementary", current: false });
  });

  it("falls back to the versions for reviews stored without fingerprints", () => {
    const { measureFingerprints: _f, ...old } = review();
    expect(overlapReviewIsCurrent(old, [a, b])).toBe(true);
    expect(overlapReviewIsCurrent(old, [a, { ...b, version: 2 }])).toBe(false);
    expect(
      overlapReviewIsCurrent(
        review({
          measureIds: [b.id, a.id],
          measureFingerprints: [overlapFingerprint(b), overlapFingerprint(a)],
        }),
        [a, b],
      ),
    ).toBe(true);
  });

  it("keeps confirmed pairs reported, with the verdict", () => {
    const confirmed = findOverlaps([a, b], { reviews: [review({ verdict: "redundant" })] });
    expect(confirmed.pairs[0]?.review).toMatchObject({ verdict: "redundant", current: true });
  });
});
