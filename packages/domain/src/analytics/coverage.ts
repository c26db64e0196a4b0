/**
 * Coverage and gaps: places offered per target group × category × municipality × school year.
 *
 * A measure counts in every school year (Aug 1–Jul 31) its period touches, for each of its target
 * groups under its category, in every municipality it serves; a measure with an empty
 * `areaServed` serves the whole region and counts for every municipality. Its `places` are places
 * per school year. With `allocation: "full"` (the default) each served municipality is credited
 * with all of a measure's places: the places its young people can reach. With `"split"` the places
 * are divided among the served municipalities by population (evenly when a population is missing),
 * so the municipalities' places add up to the measure's places.
 *
 * Whole-region measures are kept once per row and school year (`regionWideMeasureIds`, one shared
 * array) rather than copied into every municipality, which keeps 100,000 measures in 1,000
 * municipalities fast and small.
 */
import { z } from "zod";
import { LocalizedText, text } from "../common/i18n.js";
import type { LabelMap } from "../common/labels.js";
import { type Measure, MeasureCategory, MeasureId, TargetGroup } from "../model/measure.js";
import { Count } from "./wire.js";

/** A municipality of the region; a plain AGS string is accepted too. */
export interface CoverageMunicipality {
  readonly ags: string;
  readonly name?: string | undefined;
  readonly population?: number | undefined;
}

/** The fields of a measure the coverage reads; a full {@link Measure} record fits. */
export type CoverageMeasure = Pick<
  Measure,
  "id" | "category" | "targetGroups" | "areaServed" | "from" | "status" | "deleted"
> &
  Partial<Pick<Measure, "to" | "places">>;

/** What {@link coverageMatrix} looks at and when a cell counts as a gap. */
export interface CoverageOptions {
  /** The region's municipalities (e.g. `region.municipalities`), the columns of the matrix. */
  readonly municipalities: readonly (string | CoverageMunicipality)[];
  /** School years like "2024/25"; default: every school year from the earliest start to the latest start or end. */
  readonly schoolYears?: readonly string[];
  /** Target groups of the rows. With `categories`: their cross product; otherwise the combinations the measures use. */
  readonly targetGroups?: readonly TargetGroup[];
  /** Categories of the rows (see `targetGroups`). */
  readonly categories?: readonly MeasureCategory[];
  /** A cell with fewer places is a gap (default 1: any place at all). */
  readonly minimumPlaces?: number;
  /** Minimum places per target group, overriding `minimumPlaces`. */
  readonly minimumPlacesByTargetGroup?: Partial<Readonly<Record<TargetGroup, number>>>;
  /** How a measure's places are credited to the municipalities it serves (default "full"). */
  readonly allocation?: "full" | "split";
  /** Also count cancelled measures (default false). */
  readonly includeCancelled?: boolean;
  /** Also count soft-deleted measures (default false). */
  readonly includeDeleted?: boolean;
}

/** Why a cell is a gap. */
export type CoverageGapKind = "no_offer" | "unknown_places" | "too_few_places";

/** German and English explanations of the gap kinds. */
export const coverageGapLabels = {
  no_offer: text(
    "Kein Angebot für diese Zielgruppe und Kategorie in der Gemeinde in diesem Schuljahr.",
    "No offer for this target group and category in the municipality in this school year.",
  ),
  unknown_places: text(
    "Es gibt Angebote, aber ohne Angabe der Plätze: ob sie reichen, ist offen.",
    "There are offers, but they state no places: whether they suffice is unknown.",
  ),
  too_few_places: text("Weniger Plätze als das festgelegte Minimum.", "Fewer places than the set minimum."),
} as const satisfies LabelMap<CoverageGapKind>;

const SchoolYear = z
  .string()
  .regex(/^\d{4}\/\d{2}$/)
  .meta({ description: "A school year, e.g. 2024/25." });
const Ags = z.string().meta({ description: "The municipality's official key (AGS)." });

/** One row of the coverage matrix: a target group and a category of offers. */
export const CoverageRow = z
  .strictObject({ targetGroup: TargetGroup, category: MeasureCategory })
  .meta({ id: "CoverageRow" });

/** A cell of the coverage matrix with at least one contributing measure. */
export const CoverageCell = z
  .strictObject({
    targetGroup: TargetGroup,
    category: MeasureCategory,
    ags: Ags,
    schoolYear: SchoolYear,
    places: Count.meta({ description: "Places of the contributing measures that state their places." }),
    unknownPlaces: Count.meta({ description: "Contributing measures that state no places." }),
    measureIds: z
      .array(MeasureId)
      .meta({ description: "Contributing measures that name this municipality." }),
    regionWideMeasureIds: z.array(MeasureId).meta({ description: "Contributing whole-region measures." }),
  })
  .meta({ id: "CoverageCell" });

/** A cell below its minimum, with the evidence and the reason in German and English. */
export const CoverageGap = z
  .strictObject({
    targetGroup: TargetGroup,
    category: MeasureCategory,
    ags: Ags,
    schoolYear: SchoolYear,
    kind: z.enum(["no_offer", "unknown_places", "too_few_places"]),
    places: Count,
    minimum: Count,
    unknownPlaces: Count,
    measureIds: z.array(MeasureId),
    regionPlaces: Count.meta({ description: "Places of this row and school year in all municipalities." }),
    coveredMunicipalities: Count.meta({
      description: "Municipalities that reach the minimum in this row and year.",
    }),
    previousYearPlaces: Count.optional(),
    reason: LocalizedText,
  })
  .meta({ id: "CoverageGap" });

/** The answer of {@link coverageMatrix}: rows, school years, municipalities, filled cells and gaps. */
export const CoverageResult = z
  .strictObject({
    schoolYears: z.array(SchoolYear),
    municipalities: z.array(Ags),
    rows: z.array(CoverageRow),
    cells: z.array(CoverageCell),
    gaps: z.array(CoverageGap),
    withoutTargetGroup: z
      .array(MeasureId)
      .meta({ description: "Measures without a target group: they fit no row." }),
    unknownAreas: z
      .array(z.strictObject({ measureId: MeasureId, ags: Ags }))
      .meta({ description: "Municipality keys that measures name but the region does not have." }),
    stats: z.strictObject({ measures: Count, ignored: Count }),
  })
  .meta({ id: "CoverageResult" });

/** One row of the coverage matrix. */
export type CoverageRow = z.infer<typeof CoverageRow>;
/** A cell with at least one contributing measure. */
export type CoverageCell = z.infer<typeof CoverageCell>;
/** A cell with no or too few places, with the evidence for it. */
export type CoverageGap = z.infer<typeof CoverageGap>;
/** The result of {@link coverageMatrix}. */
export type CoverageResult = z.infer<typeof CoverageResult>;

const schoolYearPattern = /^(\d{4})\/(\d{2})$/;
// Shared by every empty cell: results are data to read, never changed in place.
const none: MeasureId[] = [];

/**
 * The school year (Aug 1–Jul 31) of an ISO date, as "2024/25".
 *
 * @example
 * schoolYearOf("2025-03-01"); // "2024/25"
 */
export function schoolYearOf(date: string): string {
  return schoolYearLabel(startYearOf(date));
}

/**
 * The first and last day of a school year given as "2024/25".
 *
 * @example
 * schoolYearRange("2024/25"); // { from: "2024-08-01", to: "2025-07-31" }
 */
export function schoolYearRange(label: string): { from: string; to: string } {
  const start = parseSchoolYear(label);
  return { from: `${start}-08-01`, to: `${start + 1}-07-31` };
}

function schoolYearLabel(start: number): string {
  return `${start}/${String((start + 1) % 100).padStart(2, "0")}`;
}

function parseSchoolYear(label: string): number {
  const match = schoolYearPattern.exec(label);
  const start = match ? Number(match[1]) : Number.NaN;
  if (!match || (start + 1) % 100 !== Number(match[2]))
    throw new RangeError(`"${label}" is not a school year like "2024/25".`);
  return start;
}

function startYearOf(date: string): number {
  const year = Number(date.slice(0, 4));
  return Number(date.slice(5, 7)) >= 8 ? year : year - 1;
}

/**
 * Computes the coverage matrix target group × category × municipality × school year with the
 * places offered and the contributing measures, and lists the gaps with their evidence.
 *
 * @example
 * const { gaps } = coverageMatrix(network.measure, {
 *   municipalities: region.municipalities,
 *   schoolYears: ["2024/25"],
 *   minimumPlacesByTargetGroup: { newly_arrived: 10 },
 * });
 */
export function coverageMatrix(
  measures: readonly CoverageMeasure[],
  options: CoverageOptions,
): CoverageResult {
  const minimumDefault = options.minimumPlaces ?? 1;
  const split = options.allocation === "split";

  const places = options.municipalities.map((m) => (typeof m === "string" ? { ags: m } : m));
  const placeIndex = new Map<string, number>();
  for (const p of places) if (!placeIndex.has(p.ags)) placeIndex.set(p.ags, placeIndex.size);
  const agsList = [...placeIndex.keys()];
  const M = agsList.length;
  const population = new Float64Array(M);
  let populationKnown = M > 0;
  for (const p of places) {
    const k = placeIndex.get(p.ags)!;
    if (p.population !== undefined && p.population > 0) population[k] = p.population;
    else populationKnown = false;
  }

  // One pass over the records into columns: the records are scattered in memory, the columns are not.
  const groupIds = new Map<string, number>();
  const groupNames: TargetGroup[] = [];
  const categoryIds = new Map<string, number>();
  const categoryNames: MeasureCategory[] = [];
  const idOf = <T extends string>(map: Map<string, number>, names: T[], value: T) => {
    let k = map.get(value);
    if (k === undefined) {
      k = names.length;
      map.set(value, k);
      names.push(value);
    }
    return k;
  };
  const ids: MeasureId[] = [];
  const categoryOf: number[] = [];
  const firstYear: number[] = [];
  const lastYear: number[] = [];
  const placesOf: number[] = [];
  const groupStart: number[] = [0];
  const groupData: number[] = [];
  const areaStart: number[] = [0];
  const areaData: number[] = [];
  const whole: boolean[] = [];
  const withoutTargetGroup: MeasureId[] = [];
  const unknownAreas: { measureId: MeasureId; ags: string }[] = [];
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const m of measures) {
    if ((m.deleted && !options.includeDeleted) || (m.status === "cancelled" && !options.includeCancelled))
      continue;
    const targetGroups = m.targetGroups;
    if (targetGroups.length === 0) {
      withoutTargetGroup.push(m.id);
      continue;
    }
    ids.push(m.id);
    categoryOf.push(idOf(categoryIds, categoryNames, m.category));
    for (const g of targetGroups) groupData.push(idOf(groupIds, groupNames, g));
    groupStart.push(groupData.length);
    const areaServed = m.areaServed;
    for (const ags of areaServed) {
      const k = placeIndex.get(ags);
      if (k === undefined) unknownAreas.push({ measureId: m.id, ags });
      else areaData.push(k);
    }
    areaStart.push(areaData.length);
    whole.push(areaServed.length === 0);
    const first = startYearOf(m.from);
    const last = m.to ? startYearOf(m.to) : Number.POSITIVE_INFINITY;
    firstYear.push(first);
    lastYear.push(last);
    lo = Math.min(lo, first);
    hi = Math.max(hi, m.to ? last : first);
    placesOf.push(m.places ?? Number.NaN);
  }
  const N = ids.length;

  let years: number[];
  if (options.schoolYears)
    years = [...new Set(options.schoolYears.map(parseSchoolYear))].sort((a, b) => a - b);
  else {
    years = [];
    for (let y = lo; y <= hi; y++) years.push(y);
  }
  const Y = years.length;

  // Rows: the cross product of the given lists, or the combinations the measures use.
  const rows: CoverageRow[] = [];
  const rowOf = new Int32Array(groupNames.length * categoryNames.length).fill(-1);
  if (options.targetGroups && options.categories) {
    const seen = new Set<string>();
    for (const g of options.targetGroups) {
      for (const c of options.categories) {
        if (seen.has(`${g}|${c}`)) continue;
        seen.add(`${g}|${c}`);
        const gi = groupIds.get(g);
        const ci = categoryIds.get(c);
        if (gi !== undefined && ci !== undefined) rowOf[gi * categoryNames.length + ci] = rows.length;
        rows.push({ targetGroup: g, category: c });
      }
    }
  } else {
    const groups = options.targetGroups ? new Set(options.targetGroups) : undefined;
    const categories = options.categories ? new Set(options.categories) : undefined;
    const used = new Uint8Array(groupNames.length * categoryNames.length);
    for (let i = 0; i < N; i++)
      for (let k = groupStart[i]!; k < groupStart[i + 1]!; k++)
        used[groupData[k]! * categoryNames.length + categoryOf[i]!] = 1;
    const pairs: CoverageRow[] = [];
    used.forEach((flag, key) => {
      if (!flag) return;
      const targetGroup = groupNames[Math.floor(key / categoryNames.length)]!;
      const category = categoryNames[key % categoryNames.length]!;
      if ((!groups || groups.has(targetGroup)) && (!categories || categories.has(category)))
        pairs.push({ targetGroup, category });
    });
    pairs.sort((a, b) =>
      a.targetGroup === b.targetGroup
        ? a.category < b.category
          ? -1
          : 1
        : a.targetGroup < b.targetGroup
          ? -1
          : 1,
    );
    for (const p of pairs) {
      rowOf[groupIds.get(p.targetGroup)! * categoryNames.length + categoryIds.get(p.category)!] = rows.length;
      rows.push(p);
    }
  }
  const R = rows.length;

  // Contributions: local ones as (cell, measure) entries, whole-region ones per row and year.
  const localPlaces = new Float64Array(R * Y * M);
  const localUnknown = new Int32Array(R * Y * M);
  const localCount = new Int32Array(R * Y * M);
  let cellOf = new Int32Array(1024);
  let measureOf = new Int32Array(1024);
  let entries = 0;
  const wholePlaces = new Float64Array(R * Y);
  const wholeUnknown = new Int32Array(R * Y);
  const wholeIds: MeasureId[][] = Array.from({ length: R * Y }, () => []);
  const share: number[] = [];
  const rowsOf: number[] = [];

  for (let i = 0; i < N; i++) {
    rowsOf.length = 0;
    for (let k = groupStart[i]!; k < groupStart[i + 1]!; k++) {
      const key = groupData[k]! * categoryNames.length + (categoryOf[i] ?? 0);
      const r = rowOf[key]!;
      if (r >= 0) rowsOf.push(r);
    }
    const a0 = areaStart[i]!;
    const a1 = areaStart[i + 1]!;
    const isWhole = whole[i]!;
    if (rowsOf.length === 0 || (!isWhole && a0 === a1)) continue;
    const p = placesOf[i]!;
    const known = !Number.isNaN(p);
    share.length = 0;
    if (!isWhole && known) {
      let total = 0;
      for (let k = a0; k < a1; k++) {
        const place = areaData[k]!;
        total += populationKnown ? population[place]! : 1;
      }
      for (let k = a0; k < a1; k++) {
        const place = areaData[k]!;
        share.push(split ? (populationKnown ? population[place]! : 1) / total : 1);
      }
    }
    const first = firstYear[i]!;
    const last = lastYear[i]!;
    for (let y = 0; y < Y; y++) {
      const year = years[y]!;
      if (year < first || year > last) continue;
      for (const r of rowsOf) {
        const ry = r * Y + y;
        if (isWhole) {
          if (known) wholePlaces[ry] = wholePlaces[ry]! + p;
          else wholeUnknown[ry]!++;
          wholeIds[ry]!.push(ids[i]!);
          continue;
        }
        if (entries + (a1 - a0) > cellOf.length) {
          const size = Math.max(cellOf.length * 2, entries + (a1 - a0));
          const nextCells = new Int32Array(size);
          nextCells.set(cellOf);
          cellOf = nextCells;
          const nextMeasures = new Int32Array(size);
          nextMeasures.set(measureOf);
          measureOf = nextMeasures;
        }
        for (let k = a0; k < a1; k++) {
          const cell = ry * M + areaData[k]!;
          localCount[cell]!++;
          if (known) localPlaces[cell] = localPlaces[cell]! + p * share[k - a0]!;
          else localUnknown[cell]!++;
          cellOf[entries] = cell;
          measureOf[entries++] = i;
        }
      }
    }
  }

  // Group the local contributions by cell (counting sort), keeping input order within a cell.
  const offsets = new Int32Array(R * Y * M + 1);
  for (let e = 0; e < entries; e++) offsets[cellOf[e]! + 1]!++;
  for (let k = 0; k < R * Y * M; k++) offsets[k + 1] = offsets[k + 1]! + offsets[k]!;
  const fill = offsets.slice(0, R * Y * M);
  const byCell = new Int32Array(entries);
  for (let e = 0; e < entries; e++) byCell[fill[cellOf[e]!]!++] = measureOf[e]!;

  // Whole-region places per municipality: all of them, or the municipality's share.
  const wholeShare = new Float64Array(M);
  let populationTotal = 0;
  for (let k = 0; k < M; k++) populationTotal += population[k]!;
  for (let k = 0; k < M; k++)
    wholeShare[k] = split ? (populationKnown ? population[k]! / populationTotal : 1 / M) : 1;

  const cells: CoverageCell[] = [];
  const gaps: CoverageGap[] = [];
  const totals = new Float64Array(M);
  const previous = new Float64Array(M);
  const labels = years.map(schoolYearLabel);
  const minimumOf = (g: TargetGroup) => options.minimumPlacesByTargetGroup?.[g] ?? minimumDefault;
  for (let r = 0; r < R; r++) {
    const { targetGroup, category } = rows[r]!;
    const minimum = minimumOf(targetGroup);
    for (let y = 0; y < Y; y++) {
      const ry = r * Y + y;
      const regionWide = wholeIds[ry]!;
      let regionPlaces = 0;
      let covered = 0;
      for (let k = 0; k < M; k++) {
        const total = localPlaces[ry * M + k]! + wholePlaces[ry]! * wholeShare[k]!;
        totals[k] = total;
        regionPlaces += total;
        if (total >= minimum) covered++;
      }
      const consecutive = y > 0 && years[y - 1] === years[y]! - 1;
      if (consecutive) {
        const py = r * Y + y - 1;
        for (let k = 0; k < M; k++)
          previous[k] = localPlaces[py * M + k]! + wholePlaces[py]! * wholeShare[k]!;
      }
      for (let k = 0; k < M; k++) {
        const cell = ry * M + k;
        const count = localCount[cell]! + regionWide.length;
        const unknown = localUnknown[cell]! + wholeUnknown[ry]!;
        const total = totals[k]!;
        let local: MeasureId[] | undefined;
        if (count > 0) {
          const from = offsets[cell]!;
          const to = offsets[cell + 1]!;
          if (from === to) local = none;
          else {
            const list: MeasureId[] = [];
            for (let e = from; e < to; e++) {
              const index = byCell[e]!;
              list.push(ids[index]!);
            }
            local = list;
          }
          cells.push({
            targetGroup,
            category,
            ags: agsList[k]!,
            schoolYear: labels[y]!,
            places: total,
            unknownPlaces: unknown,
            measureIds: local,
            regionWideMeasureIds: regionWide,
          });
        }
        if (total >= minimum) continue;
        const kind: CoverageGapKind =
          count === 0 ? "no_offer" : unknown > 0 ? "unknown_places" : "too_few_places";
        gaps.push({
          targetGroup,
          category,
          ags: agsList[k]!,
          schoolYear: labels[y]!,
          kind,
          places: total,
          minimum,
          unknownPlaces: unknown,
          measureIds: local ? (regionWide.length > 0 ? [...local, ...regionWide] : local) : regionWide,
          regionPlaces,
          coveredMunicipalities: covered,
          ...(consecutive ? { previousYearPlaces: previous[k]! } : {}),
          reason: coverageGapLabels[kind],
        });
      }
    }
  }
  return {
    schoolYears: labels,
    municipalities: agsList,
    rows,
    cells,
    gaps,
    withoutTargetGroup,
    unknownAreas,
    stats: {
      measures: N + withoutTargetGroup.length,
      ignored: measures.length - N - withoutTargetGroup.length,
    },
  };
}
