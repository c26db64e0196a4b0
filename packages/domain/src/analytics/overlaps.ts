/**
 * Overlap finder: candidate redundancies (Angebotsredundanzen) among the measures of a region.
 *
 * ## Score
 *
 * Two measures are compared on nine dimensions. Each gives a similarity in 0..1, and the score is
 * the weighted mean `Σ wₖ·sₖ / Σ wₖ`, so it lies in 0..1. Every similarity is a symmetric function
 * of the two measures and the sum runs in a fixed order, so `score(a, b) === score(b, a)` exactly.
 *
 * | dimension      | similarity                                                                     |
 * |----------------|--------------------------------------------------------------------------------|
 * | `category`     | 1 for the same category, else 0                                                 |
 * | `targetGroups` | Jaccard index of the target-group terms (0 when either list is empty)           |
 * | `grades`       | overlap of the two ranges relative to the shorter one (0 when either is missing) |
 * | `ages`         | as grades                                                                       |
 * | `area`         | shared municipalities relative to the smaller area; an empty `areaServed` is the whole region |
 * | `period`       | shared days relative to the shorter period; an open end runs for ever            |
 * | `funding`      | 1 when both name the same funding programme                                     |
 * | `text`         | TF-IDF cosine of title (counted twice) and description                          |
 * | `provider`     | 1 for the same provider                                                         |
 *
 * Target groups use Jaccard rather than containment so that an offer "for everybody" does not
 * look redundant with every specialised one; ranges, areas and periods use containment because the
 * young people of the smaller offer are all reached by the larger one.
 *
 * Two offers can only be redundant when they reach young people at the same place and time, so by
 * default a shared area and an overlapping period are gates: a pair failing either is no
 * candidate, whatever its score (`requireSharedArea`, `requireSharedPeriod`).
 *
 * ## Blocking
 *
 * Comparing all pairs of 100,000 measures means 5·10⁹ comparisons. The finder scores only pairs
 * that can still reach the threshold `t`, and loses none. With total weight `W`, a pair that is
 * sure to lose the weight `L` (its other similarities are at most 1) has a weighted sum of at most
 * `W − L − w.text·(1 − cos)`, where `cos` is its text cosine; it can reach `t` only if
 * `cos ≥ τ(L) = 1 − (W·(1 − t) − L) / w.text`, and not at all if `W·(1 − t) < L`. Pairs fall into
 * four classes by what they are sure to lose:
 *
 * | class      | pairs                                         | L                               | τ (defaults) |
 * |------------|-----------------------------------------------|---------------------------------|--------------|
 * | `related`  | same category, a shared target group          | 0                               | 0.25         |
 * | `category` | same category, no shared target group         | `w.targetGroups`                | 0.625        |
 * | `group`    | a shared target group, another category       | `w.category`                    | 0.625        |
 * | `neither`  | another category, no shared target group      | `w.category + w.targetGroups`   | 1 (identical text) |
 *
 * 1. **Text joins** (strategy "text", when every class has τ > 0). For each class, every pair with
 *    cosine ≥ τ is found with the exact AllPairs algorithm (Bayardo, Ma, Srikant 2007) with an ℓ2
 *    bound as in L2AP (Anastasiu, Karypis 2014). Token ids run from the most to the least frequent
 *    token. Walking a vector in that order, its unindexed prefix is the longest run whose dot
 *    product with any unit vector is provably below τ: below both `Σ xₖ·maxₖ` (maxₖ: the largest
 *    weight of token k anywhere) and the prefix's norm (Cauchy–Schwarz); the rest is posted. A pair
 *    with cosine ≥ τ therefore shares a posted token. Each measure probes with all its tokens before
 *    posting its own, summing the dot product over posted tokens; a candidate is verified by adding
 *    the exact dot product of its prefix, after two cheap bounds (the prefix bound, and the prefix
 *    norm times the norm of the probe's tokens up to the prefix's last id) leave it a chance. The
 *    measures are also split into runs that cannot share a pair across them: per category ×
 *    target group (related), category, or target group (see `textJoin`), per district (the first
 *    five AGS digits; whole-region measures join every district's run), and in order of start, so
 *    measures whose period has ended leave the posting lists for good. Frequent words
 *    ("Berufsorientierung") thus never make long lists, and the gates are checked on each candidate.
 * 2. **Structured blocks** (strategy "structured", when custom weights make τ ≤ 0 for related pairs
 *    only). Related pairs come from blocks category × target group × school year (Aug 1–Jul 31) ×
 *    municipality; a whole-region measure probes the whole category × target group × school-year
 *    block, a local one the blocks of its municipalities and the list of whole-region measures; a
 *    stamp array drops repeats. Measures whose periods overlap share a school year, measures whose
 *    areas overlap share a municipality or one serves the whole region, so the gates lose nothing.
 *    The other classes still come from text joins.
 * 3. **Gate blocks** (strategy "gates"): school year × municipality only, when another class has
 *    τ ≤ 0.
 * 4. **All pairs**, without gates and a usable bound, or with `exhaustive: true` (the tests'
 *    reference).
 *
 * The strategy and the cosines used are reported in `stats`; a tiny margin on τ keeps rounding
 * errors on the safe side (it only adds candidates). A property test compares the result with the
 * comparison of all pairs for random measures, weights, thresholds and gates.
 */
import { type LocalizedText, text } from "../common/i18n.js";
import type { LabelMap } from "../common/labels.js";
import { messages } from "../common/messages.js";
import {
  type Measure,
  type MeasureId,
  measureCategoryLabels,
  type OverlapReview,
  type OverlapReviewId,
  type OverlapVerdict,
  targetGroupLabels,
} from "../model/measure.js";

/** The dimensions on which two measures are compared, in the order their contributions are summed. */
export const overlapReasonKinds = [
  "category",
  "targetGroups",
  "grades",
  "ages",
  "area",
  "period",
  "funding",
  "text",
  "provider",
] as const;
/** One of {@link overlapReasonKinds}. */
export type OverlapReasonKind = (typeof overlapReasonKinds)[number];

/** German and English names of the overlap dimensions, for legends and cluster summaries. */
export const overlapReasonLabels = {
  category: text("Gleiche Kategorie", "Same category"),
  targetGroups: text("Gemeinsame Zielgruppen", "Shared target groups"),
  grades: text("Überschneidende Klassenstufen", "Overlapping grades"),
  ages: text("Überschneidendes Alter", "Overlapping ages"),
  area: text("Gemeinsames Einzugsgebiet", "Shared area served"),
  period: text("Überschneidender Zeitraum", "Overlapping period"),
  funding: text("Gleiches Förderprogramm", "Same funding programme"),
  text: text("Ähnlicher Titel oder Beschreibung", "Similar title or description"),
  provider: text("Gleicher Träger", "Same provider"),
} as const satisfies LabelMap<OverlapReasonKind>;

/** The weight of each dimension in the overlap score; only their ratios matter. */
export type OverlapWeights = { readonly [K in OverlapReasonKind]: number };

/**
 * The default weights. The text carries most (0.4): in a district many offers share category,
 * target group, place and time by design (every school runs vocational orientation), and what makes
 * two of them one offer twice is that they are described alike. The structured dimensions add up to
 * 0.6, so structure alone never reaches the default threshold.
 */
export const defaultOverlapWeights: OverlapWeights = {
  category: 0.15,
  targetGroups: 0.15,
  grades: 0.05,
  ages: 0.05,
  area: 0.05,
  period: 0.05,
  funding: 0.05,
  text: 0.4,
  provider: 0.05,
};

/**
 * The default threshold: a pair needs at least a text cosine of 0.25 with everything else equal,
 * or a near-identical text with a different category.
 */
export const defaultOverlapThreshold = 0.7;

/** The fields of a measure the overlap finder reads; a full {@link Measure} record fits. */
export type OverlapMeasure = Pick<
  Measure,
  | "id"
  | "title"
  | "providerActorId"
  | "category"
  | "targetGroups"
  | "areaServed"
  | "from"
  | "funding"
  | "status"
  | "version"
  | "deleted"
> &
  Partial<Pick<Measure, "description" | "to" | "grades" | "ages">>;

/** The fields of an overlap review the finder reads; a full {@link OverlapReview} record fits. */
export type OverlapReviewInput = Pick<
  OverlapReview,
  "id" | "measureIds" | "measureVersions" | "verdict" | "reviewedAt"
> &
  Partial<Pick<OverlapReview, "deleted">>;

/** How {@link findOverlaps} weighs, filters and blocks. */
export interface OverlapOptions {
  /** Weights per dimension; missing ones take {@link defaultOverlapWeights}. */
  readonly weights?: Partial<OverlapWeights>;
  /** Minimum score of a reported pair, 0..1 (default {@link defaultOverlapThreshold}). */
  readonly threshold?: number;
  /** Coordinators' reviews; a current "complementary" verdict dismisses a pair. */
  readonly reviews?: readonly OverlapReviewInput[];
  /** Only pairs whose areas served overlap are candidates (default true). */
  readonly requireSharedArea?: boolean;
  /** Only pairs whose periods overlap are candidates (default true). */
  readonly requireSharedPeriod?: boolean;
  /** Also compare cancelled measures (default false). */
  readonly includeCancelled?: boolean;
  /** Also compare soft-deleted measures (default false). */
  readonly includeDeleted?: boolean;
  /** Compare every pair instead of blocking: slow, meant for verification. */
  readonly exhaustive?: boolean;
}

/** Why two measures look alike on one dimension, and how much that adds to the score. */
export interface OverlapReason {
  readonly kind: OverlapReasonKind;
  /** The similarity on this dimension, 0..1. */
  readonly similarity: number;
  /** The dimension's share of the total weight. */
  readonly weight: number;
  /** `weight × similarity`: the reasons' contributions add up to the pair's score. */
  readonly contribution: number;
  /** What the two share: the category, target-group terms, grades, ages, AGS keys, programme ids, words, provider id. */
  readonly shared: readonly string[];
  /** A sentence for the user. */
  readonly text: LocalizedText;
}

/** The latest review of a pair and whether it still applies to the measures as they are. */
export interface OverlapPairReview {
  readonly id: OverlapReviewId;
  readonly verdict: OverlapVerdict;
  readonly reviewedAt: string;
  /** False when either measure changed since the review (its version moved on): the pair is open again. */
  readonly current: boolean;
}

/** A scored pair of measures that may be redundant. */
export interface OverlapPair {
  /** The two measure ids, in ascending order. */
  readonly measureIds: readonly [MeasureId, MeasureId];
  readonly score: number;
  /** The dimensions that contributed, in the order of {@link overlapReasonKinds}. */
  readonly reasons: readonly OverlapReason[];
  readonly review?: OverlapPairReview;
}

/** A pair above the threshold that a current "complementary" review dismissed. */
export interface DismissedOverlap extends OverlapPair {
  readonly review: OverlapPairReview;
}

/** How often a dimension appears among the pairs of a cluster. */
export interface OverlapClusterReason {
  readonly kind: OverlapReasonKind;
  /** How many of the cluster's pairs have this reason. */
  readonly pairs: number;
  /** The mean contribution over those pairs. */
  readonly meanContribution: number;
  readonly text: LocalizedText;
}

/** A group of measures connected by reported pairs (a connected component). */
export interface OverlapCluster {
  /** The member measure ids, ascending. */
  readonly measureIds: readonly MeasureId[];
  /** The pairs that connect them. */
  readonly pairs: readonly (readonly [MeasureId, MeasureId])[];
  readonly maxScore: number;
  readonly meanScore: number;
  /** The dimensions behind the cluster, most frequent first. */
  readonly reasons: readonly OverlapClusterReason[];
}

/** How the candidates were found. */
export type OverlapStrategy = "text" | "structured" | "gates" | "all-pairs";

/** The result of {@link findOverlaps}. */
export interface OverlapResult {
  /** Pairs at or above the threshold and not dismissed, highest score first. */
  readonly pairs: readonly OverlapPair[];
  /** Connected components of {@link OverlapResult.pairs}, largest first. */
  readonly clusters: readonly OverlapCluster[];
  /** Pairs at or above the threshold dismissed by a current "complementary" review. */
  readonly dismissed: readonly DismissedOverlap[];
  readonly threshold: number;
  /** The weights used, normalised to sum 1. */
  readonly weights: OverlapWeights;
  readonly stats: {
    /** Measures compared (after leaving out cancelled and deleted ones). */
    readonly measures: number;
    /** Measures left out. */
    readonly ignored: number;
    /** Candidate pairs scored. */
    readonly candidates: number;
    readonly strategy: OverlapStrategy;
    /**
     * The text cosine each class of pairs needed to become a candidate: "related" (same category,
     * shared target group), "category" (same category only), "group" (shared target group only),
     * "neither", or "all" when category and target groups carry no weight.
     */
    readonly cosines: Readonly<Partial<Record<"related" | "category" | "group" | "neither" | "all", number>>>;
  };
}

const dimensions = overlapReasonKinds.length;
const textDimension = overlapReasonKinds.indexOf("text");
const categoryKeys = Object.keys(measureCategoryLabels);
const targetGroupKeys = Object.keys(targetGroupLabels);
const margin = 1e-9;

class Interner {
  readonly ids = new Map<string, number>();
  readonly values: string[] = [];
  constructor(initial: readonly string[] = []) {
    for (const value of initial) this.id(value);
  }
  id(value: string): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.values.length;
      this.ids.set(value, id);
      this.values.push(value);
    }
    return id;
  }
}

const digit = (s: string, at: number) => s.charCodeAt(at) - 48;

/** Days since 1970-01-01 of an ISO date `YYYY-MM-DD`, by arithmetic (days-from-civil), without allocating. */
function dayNumber(iso: string): number {
  let y = digit(iso, 0) * 1000 + digit(iso, 1) * 100 + digit(iso, 2) * 10 + digit(iso, 3);
  const m = digit(iso, 5) * 10 + digit(iso, 6);
  const d = digit(iso, 8) * 10 + digit(iso, 9);
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

function isoOfDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/** The calendar year in which the school year of an ISO date begins (school years run Aug 1–Jul 31). */
function schoolYearStart(iso: string): number {
  const year = digit(iso, 0) * 1000 + digit(iso, 1) * 100 + digit(iso, 2) * 10 + digit(iso, 3);
  return digit(iso, 5) * 10 + digit(iso, 6) >= 8 ? year : year - 1;
}

const stopwords = new Set(
  (
    "und oder der die das den dem des ein eine einer eines einem einen für fuer mit von vom zur zum " +
    "bei bis auf aus als auch nach ist sind sich ihr ihre sie wir uns wird werden durch über ueber " +
    "unter sowie and the for with from into our their this that are was per"
  ).split(" "),
);
const foldMap: Record<string, string> = { ä: "ae", ö: "oe", ü: "ue", ß: "ss" };
const wordSplit = /[^\p{L}\p{N}]+/u;
const suffixes = ["innen", "ern", "en", "es", "e", "n", "s"];

/** The stem of a lower-case word: umlauts folded, one common German ending stripped; "" for stop words. */
function stemOf(word: string): string {
  if (word.length < 3 || stopwords.has(word)) return "";
  const stem = word.replace(/[äöüß]/g, (c) => foldMap[c]!);
  for (const suffix of suffixes) {
    if (stem.length - suffix.length >= 4 && stem.endsWith(suffix)) return stem.slice(0, -suffix.length);
  }
  return stem;
}

/** Words to provisional token ids; each distinct word is stemmed once. */
class Vocabulary {
  readonly #byWord = new Map<string, number>();
  readonly #byStem = new Map<string, number>();
  readonly stems: string[] = [];
  readonly surfaces: string[] = [];

  token(word: string): number {
    let id = this.#byWord.get(word);
    if (id !== undefined) return id;
    const stem = stemOf(word);
    if (stem === "") id = -1;
    else {
      id = this.#byStem.get(stem);
      if (id === undefined) {
        id = this.stems.length;
        this.#byStem.set(stem, id);
        this.stems.push(stem);
        this.surfaces.push(word);
      }
    }
    this.#byWord.set(word, id);
    return id;
  }
}

/** Variable-length sets of small integers, one segment per measure, in one typed array. */
class Segments {
  readonly #starts: number[] = [0];
  readonly #data: number[] = [];
  /** Adds the next measure's values, sorted and without repeats. */
  add(values: number[]): void {
    if (values.length > 1) values.sort((a, b) => a - b);
    let last = Number.NaN;
    for (const v of values) {
      if (v !== last) this.#data.push(v);
      last = v;
    }
    this.#starts.push(this.#data.length);
  }
  finish(): { start: Int32Array; data: Int32Array } {
    return { start: Int32Array.from(this.#starts), data: Int32Array.from(this.#data) };
  }
}

/**
 * The measures as columns: numbers in typed arrays, sets as segments of one shared array, so the
 * inner loops touch little memory and allocate nothing.
 */
interface Corpus {
  readonly measures: readonly OverlapMeasure[];
  readonly size: number;
  readonly category: Int32Array;
  readonly groupStart: Int32Array;
  readonly groupData: Int32Array;
  readonly gradeMin: Int32Array;
  readonly gradeMax: Int32Array;
  readonly ageMin: Int32Array;
  readonly ageMax: Int32Array;
  /** 1 when the measure serves the whole region (empty `areaServed`). */
  readonly whole: Uint8Array;
  readonly areaStart: Int32Array;
  readonly areaData: Int32Array;
  readonly start: Float64Array;
  /** The last day, or +∞ for an open end. */
  readonly end: Float64Array;
  readonly firstYear: Int32Array;
  readonly lastYear: Int32Array;
  readonly fundStart: Int32Array;
  readonly fundData: Int32Array;
  readonly provider: Int32Array;
  readonly tokenStart: Int32Array;
  /** Token ids per measure, ascending; ids run from the most to the least frequent token. */
  readonly tokenData: Int32Array;
  /** The normalised TF-IDF weight of each entry of `tokenData`. */
  readonly weightData: Float64Array;
  /** Stems by token id. */
  readonly tokens: readonly string[];
  /** The first word seen for each token id, for display. */
  readonly surface: readonly string[];
  readonly municipalities: readonly string[];
  readonly programmes: readonly string[];
  readonly groupNames: readonly string[];
  readonly groupCount: number;
  readonly categoryCount: number;
  readonly minYear: number;
  readonly maxYear: number;
}

function prepare(measures: readonly OverlapMeasure[]): Corpus {
  const n = measures.length;
  const categories = new Interner(categoryKeys);
  const groups = new Interner(targetGroupKeys);
  const municipalities = new Interner();
  const providers = new Interner();
  const programmes = new Interner();
  const vocabulary = new Vocabulary();
  const groupSegments = new Segments();
  const areaSegments = new Segments();
  const fundSegments = new Segments();
  const category = new Int32Array(n);
  const gradeMin = new Int32Array(n);
  const gradeMax = new Int32Array(n);
  const ageMin = new Int32Array(n);
  const ageMax = new Int32Array(n);
  const whole = new Uint8Array(n);
  const start = new Float64Array(n);
  const end = new Float64Array(n);
  const firstYear = new Int32Array(n);
  const lastYear = new Int32Array(n);
  const provider = new Int32Array(n);
  const tokenStart = new Int32Array(n + 1);
  const rawTokens: number[] = [];
  const rawCounts: number[] = [];
  const df: number[] = [];
  const scratch: number[] = [];
  let present = 0;
  const add = (value: string, weight: number) => {
    for (const word of value.toLowerCase().split(wordSplit)) {
      const id = vocabulary.token(word);
      if (id < 0) continue;
      const count = scratch[id];
      if (count === undefined || count === 0) {
        rawTokens.push(id);
        rawCounts.push(0);
        present++;
        scratch[id] = weight;
      } else scratch[id] = count + weight;
    }
  };
  let horizon = Number.NEGATIVE_INFINITY;
  let minYear = Number.POSITIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    const m = measures[i]!;
    category[i] = categories.id(m.category);
    groupSegments.add(m.targetGroups.map((g) => groups.id(g)));
    gradeMin[i] = m.grades ? m.grades.min : -1;
    gradeMax[i] = m.grades ? m.grades.max : -1;
    ageMin[i] = m.ages ? m.ages.min : -1;
    ageMax[i] = m.ages ? m.ages.max : -1;
    whole[i] = m.areaServed.length === 0 ? 1 : 0;
    areaSegments.add(m.areaServed.map((ags) => municipalities.id(ags)));
    start[i] = dayNumber(m.from);
    end[i] = m.to ? dayNumber(m.to) : Number.POSITIVE_INFINITY;
    firstYear[i] = schoolYearStart(m.from);
    // Open ends get the last school year of the data once it is known (-1 until then).
    lastYear[i] = m.to ? schoolYearStart(m.to) : -1;
    const funds: number[] = [];
    for (const f of m.funding) if (f.programmeId !== undefined) funds.push(programmes.id(f.programmeId));
    fundSegments.add(funds);
    provider[i] = providers.id(m.providerActorId);
    horizon = Math.max(horizon, start[i]!, m.to ? end[i]! : Number.NEGATIVE_INFINITY);
    minYear = Math.min(minYear, firstYear[i]!);
    present = 0;
    add(m.title, 2);
    if (m.description) add(m.description, 1);
    const to = rawTokens.length;
    for (let k = to - present; k < to; k++) {
      const id = rawTokens[k]!;
      rawCounts[k] = scratch[id]!;
      scratch[id] = 0;
      df[id] = (df[id] ?? 0) + 1;
    }
    tokenStart[i + 1] = to;
  }
  const maxYear = Number.isFinite(horizon) ? schoolYearStart(isoOfDay(horizon)) : 1970;
  for (let i = 0; i < n; i++) if (lastYear[i] === -1) lastYear[i] = maxYear;

  // Token ids run from the most to the least frequent token: the order the prefix filter needs.
  const stems = vocabulary.stems;
  const byRank = stems
    .map((_, id) => id)
    .sort((a, b) => df[b]! - df[a]! || (stems[a]! < stems[b]! ? -1 : stems[a]! > stems[b]! ? 1 : 0));
  const rank = new Int32Array(stems.length);
  for (let r = 0; r < byRank.length; r++) rank[byRank[r]!] = r;
  const idf = Float64Array.from(byRank, (id) => Math.log(1 + n / df[id]!));
  const tokenData = new Int32Array(rawTokens.length);
  const weightData = new Float64Array(rawTokens.length);
  for (let i = 0; i < n; i++) {
    const from = tokenStart[i]!;
    const to = tokenStart[i + 1]!;
    let norm = 0;
    for (let k = from; k < to; k++) {
      const raw = rawTokens[k]!;
      const token = rank[raw]!;
      const w = (1 + Math.log(rawCounts[k]!)) * idf[token]!;
      norm += w * w;
      // Insertion sort by token id: the segments are short.
      let at = k;
      while (at > from && tokenData[at - 1]! > token) {
        tokenData[at] = tokenData[at - 1]!;
        weightData[at] = weightData[at - 1]!;
        at--;
      }
      tokenData[at] = token;
      weightData[at] = w;
    }
    norm = Math.sqrt(norm);
    for (let k = from; k < to; k++) weightData[k] = weightData[k]! / norm;
  }
  const g = groupSegments.finish();
  const a = areaSegments.finish();
  const f = fundSegments.finish();
  return {
    measures,
    size: n,
    category,
    groupStart: g.start,
    groupData: g.data,
    gradeMin,
    gradeMax,
    ageMin,
    ageMax,
    whole,
    areaStart: a.start,
    areaData: a.data,
    start,
    end,
    firstYear,
    lastYear,
    fundStart: f.start,
    fundData: f.data,
    provider,
    tokenStart,
    tokenData,
    weightData,
    tokens: byRank.map((id) => stems[id]!),
    surface: byRank.map((id) => vocabulary.surfaces[id]!),
    municipalities: municipalities.values,
    programmes: programmes.values,
    groupNames: groups.values,
    groupCount: groups.values.length,
    categoryCount: categories.values.length,
    minYear: Number.isFinite(minYear) ? minYear : 1970,
    maxYear,
  };
}

/** How many values two sorted segments of `data` share. */
function sharedCount(data: Int32Array, a0: number, a1: number, b0: number, b1: number): number {
  let n = 0;
  while (a0 < a1 && b0 < b1) {
    const x = data[a0]!;
    const y = data[b0]!;
    if (x === y) {
      n++;
      a0++;
      b0++;
    } else if (x < y) a0++;
    else b0++;
  }
  return n;
}

/** The values two sorted segments of `data` share. */
function sharedValues(data: Int32Array, a0: number, a1: number, b0: number, b1: number): number[] {
  const out: number[] = [];
  while (a0 < a1 && b0 < b1) {
    const x = data[a0]!;
    const y = data[b0]!;
    if (x === y) {
      out.push(x);
      a0++;
      b0++;
    } else if (x < y) a0++;
    else b0++;
  }
  return out;
}

function rangeSimilarity(aMin: number, aMax: number, bMin: number, bMax: number): number {
  if (aMin < 0 || bMin < 0) return 0;
  const inter = Math.min(aMax, bMax) - Math.max(aMin, bMin) + 1;
  if (inter <= 0) return 0;
  return inter / Math.min(aMax - aMin + 1, bMax - bMin + 1);
}

interface Gates {
  readonly area: boolean;
  readonly period: boolean;
}

/**
 * Fills `out` with the similarities of two measures except the text (index 7, set to 0);
 * returns false when a gate fails. Every similarity is symmetric in `a` and `b`.
 */
function structureSimilarities(c: Corpus, a: number, b: number, gates: Gates, out: Float64Array): boolean {
  let area = 1;
  if (c.whole[a] === 0 && c.whole[b] === 0) {
    const a0 = c.areaStart[a]!;
    const a1 = c.areaStart[a + 1]!;
    const b0 = c.areaStart[b]!;
    const b1 = c.areaStart[b + 1]!;
    const shared = sharedCount(c.areaData, a0, a1, b0, b1);
    area = shared === 0 ? 0 : shared / Math.min(a1 - a0, b1 - b0);
  }
  if (gates.area && area === 0) return false;
  const lo = Math.max(c.start[a]!, c.start[b]!);
  const hi = Math.min(c.end[a]!, c.end[b]!);
  let period = 0;
  if (hi >= lo) {
    const shorter = Math.min(c.end[a]! - c.start[a]!, c.end[b]! - c.start[b]!) + 1;
    period = shorter === Number.POSITIVE_INFINITY ? 1 : (hi - lo + 1) / shorter;
  }
  if (gates.period && period === 0) return false;
  out[0] = c.category[a] === c.category[b] ? 1 : 0;
  const g0 = c.groupStart[a]!;
  const g1 = c.groupStart[a + 1]!;
  const h0 = c.groupStart[b]!;
  const h1 = c.groupStart[b + 1]!;
  const shared = sharedCount(c.groupData, g0, g1, h0, h1);
  out[1] = shared === 0 ? 0 : shared / (g1 - g0 + h1 - h0 - shared);
  out[2] = rangeSimilarity(c.gradeMin[a]!, c.gradeMax[a]!, c.gradeMin[b]!, c.gradeMax[b]!);
  out[3] = rangeSimilarity(c.ageMin[a]!, c.ageMax[a]!, c.ageMin[b]!, c.ageMax[b]!);
  out[4] = area;
  out[5] = period;
  out[6] =
    sharedCount(c.fundData, c.fundStart[a]!, c.fundStart[a + 1]!, c.fundStart[b]!, c.fundStart[b + 1]!) > 0
      ? 1
      : 0;
  out[7] = 0;
  out[8] = c.provider[a] === c.provider[b] ? 1 : 0;
  return true;
}

/** The cosine of two measures' TF-IDF vectors; the products are summed in token order, so it is symmetric. */
function cosine(c: Corpus, a: number, b: number): number {
  const tokens = c.tokenData;
  const weights = c.weightData;
  let i = c.tokenStart[a]!;
  const i1 = c.tokenStart[a + 1]!;
  let j = c.tokenStart[b]!;
  const j1 = c.tokenStart[b + 1]!;
  let dot = 0;
  while (i < i1 && j < j1) {
    const x = tokens[i]!;
    const y = tokens[j]!;
    if (x === y) {
      dot += weights[i]! * weights[j]!;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return dot > 1 ? 1 : dot;
}

function weightedScore(sims: Float64Array, weights: Float64Array): number {
  let sum = 0;
  for (let k = 0; k < dimensions; k++) sum += weights[k]! * sims[k]!;
  return sum < 0 ? 0 : sum > 1 ? 1 : sum;
}

/**
 * Which pairs a text join looks for: related pairs (same category, shared target group), pairs of
 * the same category without a shared target group, pairs sharing a target group across categories,
 * pairs sharing neither, or all pairs.
 */
type JoinMode = "related" | "category" | "group" | "neither" | "all";

interface Plan {
  readonly strategy: OverlapStrategy;
  /** Text joins with the cosine each class of pairs needs; related pairs come from blocks when `blocks`. */
  readonly joins: readonly { readonly mode: JoinMode; readonly cosine: number }[];
  readonly blocks: "none" | "related" | "all";
}

/** Chooses the blocking that is exact for the given weights and threshold (see the module comment). */
function plan(weights: OverlapWeights, threshold: number, gates: Gates, exhaustive: boolean): Plan {
  const anyGate = gates.area || gates.period;
  const fallback: Plan =
    exhaustive || !anyGate
      ? { strategy: "all-pairs", joins: [], blocks: "none" }
      : { strategy: "gates", joins: [], blocks: "all" };
  if (exhaustive) return fallback;
  const total = overlapReasonKinds.reduce((sum, k) => sum + weights[k], 0);
  const slack = total * (1 - threshold);
  /** The cosine a pair needs when it loses `lost` of the weight for sure; undefined: it cannot reach t. */
  const cosineFor = (lost: number): number | undefined => {
    if (slack - lost < -margin * total) return undefined;
    return weights.text > 0 ? 1 - (slack - lost) / weights.text - margin : 0;
  };
  const related = cosineFor(0);
  const classes: { mode: JoinMode; cosine: number | undefined }[] = [
    { mode: "category", cosine: cosineFor(weights.targetGroups) },
    { mode: "group", cosine: cosineFor(weights.category) },
    { mode: "neither", cosine: cosineFor(weights.category + weights.targetGroups) },
  ];
  const joins: { mode: JoinMode; cosine: number }[] = [];
  for (const c of classes) {
    if (c.cosine === undefined) continue;
    if (c.cosine <= 0) return fallback;
    joins.push({ mode: c.mode, cosine: c.cosine });
  }
  if (related !== undefined && related > 0) {
    // Without weight on category and target groups every class needs the same: one join does.
    if (joins.length === 3 && joins.every((j) => j.cosine === related))
      return { strategy: "text", joins: [{ mode: "all", cosine: related }], blocks: "none" };
    return { strategy: "text", joins: [{ mode: "related", cosine: related }, ...joins], blocks: "none" };
  }
  return { strategy: "structured", joins, blocks: "related" };
}

/** Receives a candidate pair and an upper bound of its text cosine. */
type Visit = (j: number, i: number, cosineBound: number) => void;

function push(map: Map<number, number[]>, key: number, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Blocks by (category × target group ×) school year × municipality; see the module comment. */
function blocks(c: Corpus, related: boolean, gates: Gates, visit: Visit): number {
  const n = c.size;
  const years = gates.period ? c.maxYear - c.minYear + 1 : 1;
  const places = Math.max(1, c.municipalities.length);
  const byGroupYear = new Map<number, number[]>();
  const wholeByGroupYear = new Map<number, number[]>();
  const localByKey = new Map<number, number[]>();
  const stamp = new Int32Array(n).fill(-1);
  const groups: number[] = [];
  let visited = 0;
  let i = 0;
  const scan = (list: number[] | undefined) => {
    if (!list) return;
    for (const j of list) {
      if (stamp[j] === i) continue;
      stamp[j] = i;
      visited++;
      visit(j, i, 1);
    }
  };
  for (; i < n; i++) {
    groups.length = 0;
    if (related) {
      for (let k = c.groupStart[i]!; k < c.groupStart[i + 1]!; k++)
        groups.push(c.category[i]! * c.groupCount + c.groupData[k]!);
    } else groups.push(0);
    const y0 = gates.period ? c.firstYear[i]! - c.minYear : 0;
    const y1 = gates.period ? c.lastYear[i]! - c.minYear : 0;
    const local = gates.area && c.whole[i] === 0;
    const a0 = c.areaStart[i]!;
    const a1 = c.areaStart[i + 1]!;
    for (const g of groups) {
      for (let y = y0; y <= y1; y++) {
        const gy = g * years + y;
        if (!local) scan(byGroupYear.get(gy));
        else {
          for (let k = a0; k < a1; k++) scan(localByKey.get(gy * places + c.areaData[k]!));
          scan(wholeByGroupYear.get(gy));
        }
      }
    }
    for (const g of groups) {
      for (let y = y0; y <= y1; y++) {
        const gy = g * years + y;
        push(byGroupYear, gy, i);
        if (!local) push(wholeByGroupYear, gy, i);
        else for (let k = a0; k < a1; k++) push(localByKey, gy * places + c.areaData[k]!, i);
      }
    }
  }
  return visited;
}

/** What every text join needs, computed once. */
interface JoinContext {
  /** The largest weight of each token in any vector. */
  readonly maxWeight: Float64Array;
  /** Running squared norm within each vector, aligned with `tokenData`. */
  readonly running: Float64Array;
  /** The district of each measure (first five digits of its AGS keys), or -1 for the whole region. */
  readonly zone: Int32Array;
  /** Measure indices in order of start (or input order without the period gate). */
  readonly order: readonly number[];
}

function joinContext(c: Corpus, gates: Gates): JoinContext {
  const n = c.size;
  const maxWeight = new Float64Array(c.tokens.length);
  const running = new Float64Array(c.tokenData.length);
  for (let i = 0; i < n; i++) {
    let square = 0;
    for (let k = c.tokenStart[i]!; k < c.tokenStart[i + 1]!; k++) {
      const w = c.weightData[k]!;
      const t = c.tokenData[k]!;
      if (w > maxWeight[t]!) maxWeight[t] = w;
      square += w * w;
      running[k] = square;
    }
  }
  const zoneIds = new Map<string, number>();
  const zoneOfPlace = Int32Array.from(c.municipalities, (ags) => {
    const key = ags.slice(0, 5);
    let id = zoneIds.get(key);
    if (id === undefined) {
      id = zoneIds.size;
      zoneIds.set(key, id);
    }
    return id;
  });
  const zone = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const a0 = c.areaStart[i]!;
    const a1 = c.areaStart[i + 1]!;
    if (!gates.area || c.whole[i] === 1) zone[i] = -1;
    else {
      const first = c.areaData[a0]!;
      const z = zoneOfPlace[first]!;
      let one = true;
      for (let k = a0 + 1; k < a1; k++) if (zoneOfPlace[c.areaData[k]!] !== z) one = false;
      zone[i] = one ? z : -1;
    }
  }
  const order = Array.from({ length: n }, (_, i) => i);
  if (gates.period) {
    // Sort by start day, then index: one non-negative numeric key, no comparator calls on objects.
    let earliest = Number.POSITIVE_INFINITY;
    for (let i = 0; i < n; i++) earliest = Math.min(earliest, c.start[i]!);
    const keys = Float64Array.from(order, (i) => (c.start[i]! - earliest) * (n + 1) + i);
    keys.sort();
    for (let k = 0; k < n; k++) order[k] = keys[k]! % (n + 1);
  }
  return { maxWeight, running, zone, order };
}

/**
 * Visits every pair whose text cosine may reach `tau`, passing the pair's exact cosine (AllPairs,
 * see the module comment).
 *
 * The measures are split into runs, and pairs are only looked for inside a run:
 * - by the join's class: one partition per category × target group for related pairs (a pair
 *   sharing two groups is kept only in the first), per category for same-category pairs, per
 *   target group for pairs across categories, one partition otherwise;
 * - with the area gate, a partition is split by district: each district's measures run together
 *   with the partition's whole-region measures (an empty area, or municipalities in several
 *   districts), and the whole-region measures once more on their own; measures whose areas overlap
 *   always share a run, and a pair of whole-region measures is kept only in their own run;
 * - with the period gate, a run is probed in order of start, and postings whose period ended
 *   before the probe starts are dropped for good, since every later probe starts later still.
 * Inside a run, posting lists are plain arrays by token id: no hashing in the inner loop.
 */
function textJoin(
  c: Corpus,
  jc: JoinContext,
  tau: number,
  gates: Gates,
  mode: JoinMode,
  visit: Visit,
): number {
  const n = c.size;
  const { maxWeight, running, zone, order } = jc;
  const tokenData = c.tokenData;
  const weightData = c.weightData;
  // The unindexed prefix of each vector: entries before `indexFrom`. Its dot product with any unit
  // vector is at most Σ x·max and at most its norm (Cauchy–Schwarz); `prefixBound` is the smaller.
  const indexFrom = new Int32Array(n);
  const prefixBound = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let bound = 0;
    let k = c.tokenStart[i]!;
    const t0 = k;
    const t1 = c.tokenStart[i + 1]!;
    for (; k < t1; k++) {
      const t = tokenData[k]!;
      const next = bound + weightData[k]! * maxWeight[t]!;
      if (Math.min(next, Math.sqrt(running[k]!)) >= tau) break;
      bound = next;
    }
    indexFrom[i] = k;
    prefixBound[i] = k > t0 ? Math.min(bound, Math.sqrt(running[k - 1]!)) : 0;
  }

  // Partitions, each in start order: by category × target group, category, target group, or none.
  const partitions = new Map<number, number[]>();
  for (const i of order) {
    if (mode === "category") push(partitions, c.category[i]!, i);
    else if (mode === "related" || mode === "group") {
      const base = mode === "related" ? c.category[i]! * c.groupCount : 0;
      for (let k = c.groupStart[i]!; k < c.groupStart[i + 1]!; k++)
        push(partitions, base + c.groupData[k]!, i);
    } else push(partitions, 0, i);
  }

  /** The first target group two measures share, or -1. */
  const firstShared = (a: number, b: number): number => {
    let i = c.groupStart[a]!;
    const i1 = c.groupStart[a + 1]!;
    let j = c.groupStart[b]!;
    const j1 = c.groupStart[b + 1]!;
    while (i < i1 && j < j1) {
      const x = c.groupData[i]!;
      const y = c.groupData[j]!;
      if (x === y) return x;
      if (x < y) i++;
      else j++;
    }
    return -1;
  };
  /** Whether a pair met in the partition `key` belongs to this join (and is met here first). */
  const belongs = (j: number, i: number, key: number): boolean => {
    switch (mode) {
      case "related":
        return c.category[i]! * c.groupCount + firstShared(i, j) === key;
      case "category":
        return firstShared(i, j) < 0;
      case "group":
        return c.category[i] !== c.category[j] && firstShared(i, j) === key;
      case "neither":
        return c.category[i] !== c.category[j] && firstShared(i, j) < 0;
      case "all":
        return true;
    }
  };
  /** The norm of the probe `i` restricted to token ids up to `last`. */
  const normUpTo = (i: number, last: number): number => {
    const from = c.tokenStart[i]!;
    let lo = from;
    let hi = c.tokenStart[i + 1]!;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (tokenData[mid]! <= last) lo = mid + 1;
      else hi = mid;
    }
    return lo > from ? Math.sqrt(running[lo - 1]!) : 0;
  };
  /** The dot product of the unindexed prefix of `j` with the probe `i`. */
  const prefixDot = (j: number, i: number): number => {
    let a = c.tokenStart[j]!;
    const a1 = indexFrom[j]!;
    let b = c.tokenStart[i]!;
    const b1 = c.tokenStart[i + 1]!;
    let dot = 0;
    while (a < a1 && b < b1) {
      const x = tokenData[a]!;
      const y = tokenData[b]!;
      if (x === y) {
        dot += weightData[a]! * weightData[b]!;
        a++;
        b++;
      } else if (x < y) a++;
      else b++;
    }
    return dot;
  };

  const lists: (number[] | undefined)[] = new Array(c.tokens.length);
  const used: number[] = [];
  const sum = new Float64Array(n);
  const touched = new Int32Array(n);
  const end = c.end;
  let visited = 0;

  const run = (members: readonly number[], group: number, skipWholePairs: boolean) => {
    for (const i of members) {
      const now = gates.period ? c.start[i]! : Number.NEGATIVE_INFINITY;
      const t0 = c.tokenStart[i]!;
      const t1 = c.tokenStart[i + 1]!;
      let touchedCount = 0;
      for (let k = t0; k < t1; k++) {
        const list = lists[tokenData[k]!];
        if (!list) continue;
        const w = weightData[k]!;
        let kept = 0;
        const length = list.length;
        for (let r = 0; r < length; r += 2) {
          const j = list[r]!;
          if (end[j]! < now) continue;
          const x = list[r + 1]!;
          if (kept !== r) {
            list[kept] = j;
            list[kept + 1] = x;
          }
          kept += 2;
          if (sum[j] === 0) touched[touchedCount++] = j;
          sum[j] = sum[j]! + w * x;
        }
        if (kept < length) list.length = kept;
      }
      for (let r = 0; r < touchedCount; r++) {
        const j = touched[r]!;
        const indexed = sum[j]!;
        sum[j] = 0;
        const j0 = c.tokenStart[j]!;
        const jFrom = indexFrom[j]!;
        let cosineOf = indexed;
        if (jFrom > j0) {
          if (indexed + prefixBound[j]! < tau) continue;
          // The prefix only meets the probe's tokens up to the prefix's last id.
          const prefixNorm = Math.sqrt(running[jFrom - 1]!);
          if (indexed + prefixNorm * normUpTo(i, tokenData[jFrom - 1]!) < tau) continue;
          cosineOf = indexed + prefixDot(j, i);
        }
        if (cosineOf < tau) continue;
        if (skipWholePairs && zone[i] === -1 && zone[j] === -1) continue;
        if (!belongs(j, i, group)) continue;
        visited++;
        visit(j, i, Math.min(1, cosineOf + margin));
      }
      for (let k = indexFrom[i]!; k < t1; k++) {
        const t = tokenData[k]!;
        const list = lists[t];
        if (list) list.push(i, weightData[k]!);
        else {
          lists[t] = [i, weightData[k]!];
          used.push(t);
        }
      }
    }
    for (const t of used) lists[t] = undefined;
    used.length = 0;
  };

  const merged: number[] = [];
  for (const [group, members] of partitions) {
    const wholeMembers = members.filter((i) => zone[i] === -1);
    const byZone = new Map<number, number[]>();
    for (const i of members) if (zone[i] !== -1) push(byZone, zone[i]!, i);
    for (const local of byZone.values()) {
      if (wholeMembers.length === 0) {
        run(local, group, false);
        continue;
      }
      // Merge in probing order, as both lists are.
      merged.length = 0;
      let a = 0;
      let b = 0;
      const before = (x: number, y: number) =>
        gates.period ? c.start[x]! < c.start[y]! || (c.start[x] === c.start[y] && x < y) : x < y;
      while (a < local.length || b < wholeMembers.length) {
        const x = local[a];
        const y = wholeMembers[b];
        if (y === undefined || (x !== undefined && before(x, y))) {
          merged.push(x!);
          a++;
        } else {
          merged.push(y);
          b++;
        }
      }
      run(merged, group, true);
    }
    if (wholeMembers.length > 1) run(wholeMembers, group, false);
  }
  return visited;
}

/** Calls `visit` for every candidate pair, each pair at most once; returns their number. */
function candidates(c: Corpus, chosen: Plan, gates: Gates, visit: Visit): number {
  const n = c.size;
  if (chosen.strategy === "all-pairs") {
    for (let i = 1; i < n; i++) for (let j = 0; j < i; j++) visit(j, i, 1);
    return (n * (n - 1)) / 2;
  }
  let visited = chosen.blocks === "none" ? 0 : blocks(c, chosen.blocks === "related", gates, visit);
  if (chosen.joins.length === 0) return visited;
  const context = joinContext(c, gates);
  for (const join of chosen.joins) visited += textJoin(c, context, join.cosine, gates, join.mode, visit);
  return visited;
}

function list(values: readonly string[], max = 5): string {
  return values.length > max ? `${values.slice(0, max).join(", ")}, …` : values.join(", ");
}

function percent(value: number): string {
  return String(Math.round(value * 100));
}

function explain(
  c: Corpus,
  a: number,
  b: number,
  sims: Float64Array,
  weights: Float64Array,
): OverlapReason[] {
  const reasons: OverlapReason[] = [];
  const ma = c.measures[a]!;
  for (let k = 0; k < dimensions; k++) {
    const similarity = sims[k]!;
    const weight = weights[k]!;
    if (similarity <= 0 || weight <= 0) continue;
    const kind = overlapReasonKinds[k]!;
    let shared: string[] = [];
    let sentence: LocalizedText;
    switch (kind) {
      case "category": {
        const label = (measureCategoryLabels as LabelMap)[ma.category];
        shared = [ma.category];
        sentence = text(
          `Gleiche Kategorie: ${label?.de ?? ma.category}`,
          `Same category: ${label?.en ?? ma.category}`,
        );
        break;
      }
      case "targetGroups": {
        const g0 = c.groupStart[a]!;
        const g1 = c.groupStart[a + 1]!;
        const h0 = c.groupStart[b]!;
        const h1 = c.groupStart[b + 1]!;
        shared = sharedValues(c.groupData, g0, g1, h0, h1).map((g) => c.groupNames[g]!);
        const union = g1 - g0 + h1 - h0 - shared.length;
        const names = (locale: "de" | "en") =>
          list(shared.map((g) => (targetGroupLabels as LabelMap)[g]?.[locale] ?? g));
        sentence = text(
          `${shared.length} von ${union} Zielgruppen gemeinsam: ${names("de")}`,
          `${shared.length} of ${union} target groups shared: ${names("en")}`,
        );
        break;
      }
      case "grades":
      case "ages": {
        const grades = kind === "grades";
        const lo = grades ? Math.max(c.gradeMin[a]!, c.gradeMin[b]!) : Math.max(c.ageMin[a]!, c.ageMin[b]!);
        const hi = grades ? Math.min(c.gradeMax[a]!, c.gradeMax[b]!) : Math.min(c.ageMax[a]!, c.ageMax[b]!);
        for (let v = lo; v <= hi; v++) shared.push(String(v));
        const span = lo === hi ? String(lo) : `${lo}–${hi}`;
        sentence = grades
          ? text(`Überschneidende Klassenstufen ${span}`, `Overlapping grades ${span}`)
          : text(`Überschneidendes Alter ${span} Jahre`, `Overlapping ages ${span} years`);
        break;
      }
      case "area": {
        const wa = c.whole[a] === 1;
        const wb = c.whole[b] === 1;
        if (wa && wb) {
          sentence = text("Beide für die ganze Region", "Both serve the whole region");
          break;
        }
        const a0 = c.areaStart[a]!;
        const a1 = c.areaStart[a + 1]!;
        const b0 = c.areaStart[b]!;
        const b1 = c.areaStart[b + 1]!;
        const ids = wa
          ? Array.from(c.areaData.subarray(b0, b1))
          : wb
            ? Array.from(c.areaData.subarray(a0, a1))
            : sharedValues(c.areaData, a0, a1, b0, b1);
        shared = ids.map((m) => c.municipalities[m]!);
        const note = wa || wb;
        sentence = text(
          `${shared.length} gemeinsame Gemeinde(n)${note ? " (ein Angebot gilt für die ganze Region)" : ""}: ${list(shared)}`,
          `${shared.length} shared municipalit${shared.length === 1 ? "y" : "ies"}${note ? " (one offer serves the whole region)" : ""}: ${list(shared)}`,
        );
        break;
      }
      case "period": {
        const lo = isoOfDay(Math.max(c.start[a]!, c.start[b]!));
        const last = Math.min(c.end[a]!, c.end[b]!);
        const open = last === Number.POSITIVE_INFINITY;
        const hi = open ? "" : isoOfDay(last);
        shared = open ? [lo] : [lo, hi];
        sentence = text(
          `Zeitraum überschneidet sich: ${lo} bis ${open ? "offen" : hi}`,
          `Periods overlap: ${lo} to ${open ? "open end" : hi}`,
        );
        break;
      }
      case "funding": {
        shared = sharedValues(
          c.fundData,
          c.fundStart[a]!,
          c.fundStart[a + 1]!,
          c.fundStart[b]!,
          c.fundStart[b + 1]!,
        ).map((f) => c.programmes[f]!);
        sentence = text(
          `Gleiches Förderprogramm: ${list(shared)}`,
          `Same funding programme: ${list(shared)}`,
        );
        break;
      }
      case "text": {
        const common: { word: string; part: number }[] = [];
        let i = c.tokenStart[a]!;
        const i1 = c.tokenStart[a + 1]!;
        let j = c.tokenStart[b]!;
        const j1 = c.tokenStart[b + 1]!;
        while (i < i1 && j < j1) {
          const x = c.tokenData[i]!;
          const y = c.tokenData[j]!;
          if (x === y) {
            common.push({ word: c.surface[x]!, part: c.weightData[i]! * c.weightData[j]! });
            i++;
            j++;
          } else if (x < y) i++;
          else j++;
        }
        common.sort((p, q) => q.part - p.part || (p.word < q.word ? -1 : p.word > q.word ? 1 : 0));
        shared = common.map((w) => w.word);
        sentence = text(
          `Ähnlicher Titel oder Beschreibung (${percent(similarity)} %): ${list(shared)}`,
          `Similar title or description (${percent(similarity)}%): ${list(shared)}`,
        );
        break;
      }
      case "provider": {
        shared = [ma.providerActorId];
        sentence = text(`Gleicher Träger: ${ma.providerActorId}`, `Same provider: ${ma.providerActorId}`);
        break;
      }
    }
    reasons.push({ kind, similarity, weight, contribution: weight * similarity, shared, text: sentence });
  }
  return reasons;
}

function resolveWeights(partial: Partial<OverlapWeights> | undefined): OverlapWeights {
  const merged = { ...defaultOverlapWeights, ...partial };
  let total = 0;
  for (const k of overlapReasonKinds) {
    const w = merged[k];
    if (!Number.isFinite(w) || w < 0) throw new RangeError(`Overlap weight "${k}" must be a number ≥ 0.`);
    total += w;
  }
  if (total <= 0) throw new RangeError(messages.weight_sum({}).en);
  return Object.fromEntries(
    overlapReasonKinds.map((k) => [k, merged[k] / total]),
  ) as unknown as OverlapWeights;
}

function pairKey(a: string, b: string): string {
  return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
}

function clusterReasons(pairs: readonly OverlapPair[]): OverlapClusterReason[] {
  const count = new Map<OverlapReasonKind, number>();
  const sum = new Map<OverlapReasonKind, number>();
  for (const pair of pairs) {
    for (const r of pair.reasons) {
      count.set(r.kind, (count.get(r.kind) ?? 0) + 1);
      sum.set(r.kind, (sum.get(r.kind) ?? 0) + r.contribution);
    }
  }
  return overlapReasonKinds
    .filter((k) => count.has(k))
    .map((kind) => {
      const n = count.get(kind)!;
      const label = overlapReasonLabels[kind];
      return {
        kind,
        pairs: n,
        meanContribution: sum.get(kind)! / n,
        text: text(
          `${label.de}: ${n} von ${pairs.length} Paaren`,
          `${label.en}: ${n} of ${pairs.length} pairs`,
        ),
      };
    })
    .sort((p, q) => q.pairs - p.pairs || q.meanContribution - p.meanContribution);
}

function buildClusters(pairs: readonly OverlapPair[]): OverlapCluster[] {
  const index = new Map<string, number>();
  const ids: MeasureId[] = [];
  const parent: number[] = [];
  const node = (id: MeasureId) => {
    let k = index.get(id);
    if (k === undefined) {
      k = ids.length;
      index.set(id, k);
      ids.push(id);
      parent.push(k);
    }
    return k;
  };
  const find = (k: number): number => {
    let root = k;
    while (parent[root] !== root) root = parent[root]!;
    while (parent[k] !== root) {
      const next = parent[k]!;
      parent[k] = root;
      k = next;
    }
    return root;
  };
  for (const pair of pairs) {
    const a = find(node(pair.measureIds[0]));
    const b = find(node(pair.measureIds[1]));
    if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
  }
  const groups = new Map<number, { members: MeasureId[]; pairs: OverlapPair[] }>();
  for (const pair of pairs) {
    const root = find(index.get(pair.measureIds[0])!);
    let group = groups.get(root);
    if (!group) {
      group = { members: [], pairs: [] };
      groups.set(root, group);
    }
    group.pairs.push(pair);
  }
  for (let k = 0; k < ids.length; k++) groups.get(find(k))!.members.push(ids[k]!);
  const clusters = [...groups.values()].map((group): OverlapCluster => {
    let max = 0;
    let sum = 0;
    for (const p of group.pairs) {
      max = Math.max(max, p.score);
      sum += p.score;
    }
    return {
      measureIds: group.members.sort(),
      pairs: group.pairs.map((p) => p.measureIds),
      maxScore: max,
      meanScore: sum / group.pairs.length,
      reasons: clusterReasons(group.pairs),
    };
  });
  return clusters.sort(
    (p, q) =>
      q.measureIds.length - p.measureIds.length ||
      q.maxScore - p.maxScore ||
      (p.measureIds[0]! < q.measureIds[0]! ? -1 : 1),
  );
}

/**
 * Finds candidate redundancies among measures: scored pairs with their reasons, clusters of
 * connected pairs, and the pairs dismissed by current "complementary" reviews.
 *
 * @example
 * const { pairs, clusters, dismissed } = findOverlaps(network.measure, { reviews: network.overlapReview });
 * pairs[0]?.reasons.map((r) => r.text.de); // ["Gleiche Kategorie: Berufliche Orientierung", …]
 */
export function findOverlaps(
  measures: readonly OverlapMeasure[],
  options: OverlapOptions = {},
): OverlapResult {
  const threshold = options.threshold ?? defaultOverlapThreshold;
  if (!(threshold >= 0 && threshold <= 1)) throw new RangeError("The overlap threshold must lie in 0..1.");
  const weights = resolveWeights(options.weights);
  const weightVector = Float64Array.from(overlapReasonKinds.map((k) => weights[k]));
  const gates: Gates = {
    area: options.requireSharedArea ?? true,
    period: options.requireSharedPeriod ?? true,
  };
  const included = measures.filter(
    (m) => (options.includeDeleted || !m.deleted) && (options.includeCancelled || m.status !== "cancelled"),
  );
  const corpus = prepare(included);
  const chosen = plan(weights, threshold, gates, options.exhaustive ?? false);

  const sims = new Float64Array(dimensions);
  const textWeight = weightVector[textDimension]!;
  const found: { a: number; b: number; score: number }[] = [];
  const compared = candidates(corpus, chosen, gates, (j, i, cosineBound) => {
    if (!structureSimilarities(corpus, j, i, gates, sims)) return;
    // Cheap bound first: the cosine is the costly part and rarely needed.
    if (weightedScore(sims, weightVector) + textWeight * cosineBound < threshold - margin) return;
    sims[textDimension] = cosine(corpus, j, i);
    const score = weightedScore(sims, weightVector);
    if (score >= threshold) found.push({ a: j, b: i, score });
  });

  const reviews = new Map<string, OverlapReviewInput>();
  for (const review of options.reviews ?? []) {
    if (review.deleted) continue;
    const key = pairKey(review.measureIds[0], review.measureIds[1]);
    const previous = reviews.get(key);
    if (
      !previous ||
      review.reviewedAt > previous.reviewedAt ||
      (review.reviewedAt === previous.reviewedAt && review.id > previous.id)
    )
      reviews.set(key, review);
  }

  const pairs: OverlapPair[] = [];
  const dismissed: DismissedOverlap[] = [];
  for (const hit of found) {
    let a = hit.a;
    let b = hit.b;
    if (included[b]!.id < included[a]!.id) [a, b] = [b, a];
    const p = included[a]!;
    const q = included[b]!;
    structureSimilarities(corpus, a, b, gates, sims);
    sims[textDimension] = cosine(corpus, a, b);
    const base = {
      measureIds: [p.id, q.id] as const,
      score: hit.score,
      reasons: explain(corpus, a, b, sims, weightVector),
    };
    const review = reviews.get(pairKey(p.id, q.id));
    if (!review) {
      pairs.push(base);
      continue;
    }
    const sameOrder = review.measureIds[0] === p.id;
    const current =
      review.measureVersions[sameOrder ? 0 : 1] === p.version &&
      review.measureVersions[sameOrder ? 1 : 0] === q.version;
    const summary: OverlapPairReview = {
      id: review.id,
      verdict: review.verdict,
      reviewedAt: review.reviewedAt,
      current,
    };
    if (current && review.verdict === "complementary") dismissed.push({ ...base, review: summary });
    else pairs.push({ ...base, review: summary });
  }
  const byScore = (x: OverlapPair, y: OverlapPair) =>
    y.score - x.score ||
    (x.measureIds[0] < y.measureIds[0] ? -1 : x.measureIds[0] > y.measureIds[0] ? 1 : 0) ||
    (x.measureIds[1] < y.measureIds[1] ? -1 : x.measureIds[1] > y.measureIds[1] ? 1 : 0);
  pairs.sort(byScore);
  dismissed.sort(byScore);

  return {
    pairs,
    clusters: buildClusters(pairs),
    dismissed,
    threshold,
    weights,
    stats: {
      measures: included.length,
      ignored: measures.length - included.length,
      candidates: compared,
      strategy: chosen.strategy,
      cosines: Object.fromEntries(chosen.joins.map((j) => [j.mode, j.cosine])),
    },
  };
}
