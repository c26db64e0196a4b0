import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Measure, MeasureCategory, TargetGroup } from "../model/measure.js";
import { generateNetwork } from "../synthetic/index.js";
import { type CoverageMeasure, coverageMatrix, schoolYearOf, schoolYearRange } from "./coverage.js";

const id = (n: number) => `msr_${String(n).padStart(12, "0")}` as Measure["id"];
const A = "03159001";
const B = "03159002";
const C = "03159003";
const region = [
  { ags: A, name: "A-Dorf", population: 100 },
  { ags: B, name: "B-Stadt", population: 300 },
  { ags: C, name: "C-Hausen", population: 600 },
];

function measure(n: number, over: Partial<CoverageMeasure> = {}): CoverageMeasure {
  return {
    id: id(n),
    category: "vocational_orientation",
    targetGroups: ["pupils_lower_secondary"],
    areaServed: [A],
    from: "2024-08-01",
    to: "2025-07-31",
    status: "running",
    deleted: false,
    ...over,
  };
}

// Row 1 (pupils × vocational orientation): m1 in A (20 places, 2024/25), m2 region-wide from
// 2024-09-01 open-ended (10 places), m3 in A and B in 2025/26 without places.
// Row 2 (parents × parents): m4 in C in the first half of 2025 (5 places).
const handmade = [
  measure(1, { places: 20 }),
  measure(2, { areaServed: [], from: "2024-09-01", to: undefined, places: 10 }),
  measure(3, { areaServed: [A, B], from: "2025-08-01", to: "2026-07-31" }),
  measure(4, {
    category: "parents",
    targetGroups: ["parents"],
    areaServed: [C],
    from: "2025-01-01",
    to: "2025-06-30",
    places: 5,
  }),
];
const years = ["2024/25", "2025/26"];

describe("schoolYearOf and schoolYearRange", () => {
  it("uses school years from August 1 to July 31", () => {
    expect(schoolYearOf("2025-07-31")).toBe("2024/25");
    expect(schoolYearOf("2025-08-01")).toBe("2025/26");
    expect(schoolYearOf("1999-09-01")).toBe("1999/00");
    expect(schoolYearRange("2024/25")).toEqual({ from: "2024-08-01", to: "2025-07-31" });
    expect(() => schoolYearRange("2024/26")).toThrow(RangeError);
    expect(() => schoolYearRange("24/25")).toThrow(RangeError);
  });
});

describe("coverageMatrix: hand-computed cells", () => {
  const result = coverageMatrix(handmade, { municipalities: region, schoolYears: years });
  const cell = (group: TargetGroup, ags: string, year: string) =>
    result.cells.find((c) => c.targetGroup === group && c.ags === ags && c.schoolYear === year);

  it("lists rows, municipalities and school years", () => {
    expect(result.rows).toEqual([
      { targetGroup: "parents", category: "parents" },
      { targetGroup: "pupils_lower_secondary", category: "vocational_orientation" },
    ]);
    expect(result.municipalities).toEqual([A, B, C]);
    expect(result.schoolYears).toEqual(years);
  });

  it("sums places and counts region-wide measures for every municipality", () => {
    expect(cell("pupils_lower_secondary", A, "2024/25")).toEqual({
      targetGroup: "pupils_lower_secondary",
      category: "vocational_orientation",
      ags: A,
      schoolYear: "2024/25",
      places: 30,
      unknownPlaces: 0,
      measureIds: [id(1)],
      regionWideMeasureIds: [id(2)],
    });
    expect(cell("pupils_lower_secondary", B, "2024/25")).toMatchObject({ places: 10, measureIds: [] });
    expect(cell("pupils_lower_secondary", C, "2024/25")).toMatchObject({ places: 10 });
    expect(cell("pupils_lower_secondary", A, "2025/26")).toMatchObject({
      places: 10,
      unknownPlaces: 1,
      measureIds: [id(3)],
      regionWideMeasureIds: [id(2)],
    });
    expect(cell("parents", C, "2024/25")).toMatchObject({ places: 5, measureIds: [id(4)] });
    expect(cell("parents", A, "2024/25")).toBeUndefined();
    expect(result.cells).toHaveLength(7);
  });

  it("lists cells without places as gaps with evidence", () => {
    // Default minimum 1: only row 2 has empty cells.
    expect(result.gaps.map((g) => [g.targetGroup, g.ags, g.schoolYear, g.kind])).toEqual([
      ["parents", A, "2024/25", "no_offer"],
      ["parents", B, "2024/25", "no_offer"],
      ["parents", A, "2025/26", "no_offer"],
      ["parents", B, "2025/26", "no_offer"],
      ["parents", C, "2025/26", "no_offer"],
    ]);
    expect(result.gaps[0]).toEqual({
      targetGroup: "parents",
      category: "parents",
      ags: A,
      schoolYear: "2024/25",
      kind: "no_offer",
      places: 0,
      minimum: 1,
      unknownPlaces: 0,
      measureIds: [],
      regionPlaces: 5,
      coveredMunicipalities: 1,
      reason: {
        de: "Kein Angebot für diese Zielgruppe und Kategorie in der Gemeinde in diesem Schuljahr.",
        en: "No offer for this target group and category in the municipality in this school year.",
      },
    });
    expect(result.gaps[4]).toMatchObject({ ags: C, previousYearPlaces: 5, regionPlaces: 0 });
  });

  it("applies a minimum, per target group if given", () => {
    const strict = coverageMatrix(handmade, {
      municipalities: region,
      schoolYears: years,
      minimumPlaces: 15,
      minimumPlacesByTargetGroup: { parents: 3 },
    });
    const pupils = strict.gaps.filter((g) => g.targetGroup === "pupils_lower_secondary");
    expect(pupils.map((g) => [g.ags, g.schoolYear, g.kind, g.places])).toEqual([
      [B, "2024/25", "too_few_places", 10],
      [C, "2024/25", "too_few_places", 10],
      [A, "2025/26", "unknown_places", 10],
      [B, "2025/26", "unknown_places", 10],
      [C, "2025/26", "too_few_places", 10],
    ]);
    expect(pupils[2]).toMatchObject({
      minimum: 15,
      measureIds: [id(3), id(2)],
      regionPlaces: 30,
      coveredMunicipalities: 0,
      previousYearPlaces: 30,
    });
    expect(pupils[0]).toMatchObject({ regionPlaces: 50, coveredMunicipalities: 1 });
    // Parents need 3 places: C's 5 suffice in 2024/25.
    expect(strict.gaps.filter((g) => g.targetGroup === "parents")).toHaveLength(5);
  });

  it("splits places by population when asked", () => {
    const split = coverageMatrix(handmade, {
      municipalities: region,
      schoolYears: ["2024/25"],
      allocation: "split",
    });
    const places = Object.fromEntries(
      split.cells.filter((c) => c.targetGroup === "pupils_lower_secondary").map((c) => [c.ags, c.places]),
    );
    // m1's 20 places stay in A; m2's 10 places go 1 : 3 : 6.
    expect(places).toEqual({ [A]: 21, [B]: 3, [C]: 6 });
  });

  it("splits evenly among served municipalities without population", () => {
    const split = coverageMatrix(
      [measure(1, { areaServed: [A, B], places: 9 }), measure(2, { areaServed: [], places: 6 })],
      {
        municipalities: [A, B, C],
        schoolYears: ["2024/25"],
        allocation: "split",
      },
    );
    expect(split.cells.map((c) => [c.ags, c.places])).toEqual([
      [A, 6.5],
      [B, 6.5],
      [C, 2],
    ]);
  });
});

describe("coverageMatrix: edge cases", () => {
  it("handles no measures", () => {
    const empty = coverageMatrix([], { municipalities: region });
    expect(empty).toMatchObject({ rows: [], cells: [], gaps: [], schoolYears: [] });
    const explicit = coverageMatrix([], {
      municipalities: region,
      schoolYears: ["2024/25"],
      targetGroups: ["newly_arrived"],
      categories: ["language_integration", "counselling"],
    });
    expect(explicit.rows).toHaveLength(2);
    expect(explicit.gaps).toHaveLength(6);
    expect(explicit.gaps.every((g) => g.kind === "no_offer" && g.previousYearPlaces === undefined)).toBe(
      true,
    );
  });

  it("derives school years from the data and counts open-ended measures to the last one", () => {
    const result = coverageMatrix(
      [
        measure(1, { from: "2022-10-01", to: undefined, places: 4 }),
        measure(2, { from: "2024-08-01", to: "2025-03-01" }),
      ],
      { municipalities: region },
    );
    expect(result.schoolYears).toEqual(["2022/23", "2023/24", "2024/25"]);
    expect(
      result.cells.filter((c) => c.ags === A).map((c) => [c.schoolYear, c.places, c.unknownPlaces]),
    ).toEqual([
      ["2022/23", 4, 0],
      ["2023/24", 4, 0],
      ["2024/25", 4, 1],
    ]);
  });

  it("reports measures without target group and unknown municipalities, and skips cancelled and deleted ones", () => {
    const result = coverageMatrix(
      [
        measure(1, { targetGroups: [] }),
        measure(2, { areaServed: [A, "09999999"], places: 3 }),
        measure(3, { status: "cancelled", places: 50 }),
        measure(4, { deleted: true, places: 50 }),
      ],
      { municipalities: region, schoolYears: ["2024/25"] },
    );
    expect(result.withoutTargetGroup).toEqual([id(1)]);
    expect(result.unknownAreas).toEqual([{ measureId: id(2), ags: "09999999" }]);
    expect(result.cells.map((c) => [c.ags, c.places])).toEqual([[A, 3]]);
    expect(result.stats).toEqual({ measures: 2, ignored: 2 });
    const all = coverageMatrix([measure(3, { status: "cancelled", places: 50 })], {
      municipalities: region,
      schoolYears: ["2024/25"],
      includeCancelled: true,
    });
    expect(all.cells[0]?.places).toBe(50);
  });

  it("restricts rows to given target groups or categories", () => {
    const result = coverageMatrix(handmade, {
      municipalities: region,
      schoolYears: years,
      targetGroups: ["parents"],
    });
    expect(result.rows).toEqual([{ targetGroup: "parents", category: "parents" }]);
  });
});

const groups: TargetGroup[] = ["pupils_lower_secondary", "applicants", "parents"];
const categories: MeasureCategory[] = ["vocational_orientation", "counselling"];
const isoDay = (day: number) => new Date(Date.UTC(2022, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
const arbitraryMeasures = fc
  .array(
    fc.record({
      category: fc.constantFrom(...categories),
      targetGroups: fc.uniqueArray(fc.constantFrom(...groups), { maxLength: 2 }),
      areaServed: fc.uniqueArray(fc.constantFrom(A, B, C), { maxLength: 2 }),
      start: fc.integer({ min: 0, max: 1200 }),
      length: fc.option(fc.integer({ min: 0, max: 800 }), { nil: undefined }),
      places: fc.option(fc.integer({ min: 0, max: 40 }), { nil: undefined }),
    }),
    { maxLength: 30 },
  )
  .map((list) =>
    list.map((r, k) =>
      measure(k + 1, {
        category: r.category,
        targetGroups: r.targetGroups,
        areaServed: r.areaServed,
        from: isoDay(r.start),
        to: r.length === undefined ? undefined : isoDay(r.start + r.length),
        ...(r.places === undefined ? {} : { places: r.places }),
      }),
    ),
  );

describe("coverageMatrix: properties", () => {
  it("a cell's places are the sum over its contributing measures", () => {
    fc.assert(
      fc.property(arbitraryMeasures, fc.integer({ min: 0, max: 30 }), (list, minimum) => {
        const byId = new Map(list.map((m) => [m.id, m]));
        const result = coverageMatrix(list, { municipalities: [A, B, C], minimumPlaces: minimum });
        for (const cell of result.cells) {
          const contributing = [...cell.measureIds, ...cell.regionWideMeasureIds].map((i) => byId.get(i)!);
          expect(cell.places).toBe(contributing.reduce((s, m) => s + (m.places ?? 0), 0));
          expect(cell.unknownPlaces).toBe(contributing.filter((m) => m.places === undefined).length);
          for (const m of contributing) {
            expect(m.targetGroups).toContain(cell.targetGroup);
            expect(m.category).toBe(cell.category);
            expect(m.areaServed.length === 0 || m.areaServed.includes(cell.ags)).toBe(true);
            const { from, to } = schoolYearRange(cell.schoolYear);
            expect(m.from <= to && (m.to === undefined || m.to >= from)).toBe(true);
          }
        }
        const total = result.rows.length * result.schoolYears.length * 3;
        // Empty cells hold 0 places: gaps unless the minimum is 0.
        const covered = result.cells.filter((c) => c.places >= minimum).length;
        expect(result.gaps).toHaveLength(minimum <= 0 ? 0 : total - covered);
      }),
      { numRuns: 300 },
    );
  });

  it("with the split allocation a row and year add up to the places of its measures", () => {
    fc.assert(
      fc.property(arbitraryMeasures, (list) => {
        const result = coverageMatrix(list, { municipalities: region, allocation: "split" });
        const byId = new Map(list.map((m) => [m.id, m]));
        const sums = new Map<string, { cells: number; measures: Set<string> }>();
        for (const cell of result.cells) {
          const key = `${cell.targetGroup}|${cell.category}|${cell.schoolYear}`;
          const entry = sums.get(key) ?? { cells: 0, measures: new Set<string>() };
          entry.cells += cell.places;
          for (const i of [...cell.measureIds, ...cell.regionWideMeasureIds]) entry.measures.add(i);
          sums.set(key, entry);
        }
        for (const { cells, measures } of sums.values()) {
          const expected = [...measures].reduce((s, i) => s + (byId.get(i as Measure["id"])!.places ?? 0), 0);
          expect(cells).toBeCloseTo(expected, 9);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("runs on a synthetic network and every contributing measure exists", () => {
    const network = generateNetwork({ seed: 5, measures: 400 });
    const result = coverageMatrix(network.measure, {
      municipalities: network.region[0]!.municipalities,
      schoolYears: ["2024/25"],
    });
    expect(result.cells.length).toBeGreaterThan(0);
    const ids = new Set(network.measure.map((m) => m.id));
    for (const cell of result.cells) for (const i of cell.measureIds) expect(ids.has(i)).toBe(true);
    expect(result.unknownAreas).toEqual([]);
  });
});
