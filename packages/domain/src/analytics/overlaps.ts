/**
 * Overlap finder: redundant offers (Angebotsredundanzen) among the measures of a district, judged
 * the way a coordinator judges them.
 *
 * ## What makes two offers redundant
 *
 * Two offers are redundant when they do the same thing (purpose), for the same young people
 * (target group and overlapping grades or ages), in the same places (overlapping municipalities)
 * at the same time (overlapping periods). Who provides them does not matter: redundancy is usually
 * two providers doing the same thing, and a provider's successive editions are not redundant
 * (their periods do not overlap).
 *
 * "The same thing" is the same named activity, not the same category: a Zukunftstag and
 * Werkstatttage are both vocational orientation, and not one offer twice. A pair needs the same
 * activity named in both titles (or, where a title names none, by the BA measure type or the KAoA
 * standard element), or texts at least {@link defaultOverlapStrongText} alike.
 *
 * An offer for the whole district overlaps a local one only in part (area similarity ½): the
 * district-wide listing says that it may reach the place, not that it does. So do two local offers
 * that share less than half of the larger one's municipalities. Such a pair needs
 * stronger evidence: the same activity named in both titles, the same young people pinned down on
 * both sides (both give grades, or both give ages, or the target groups of one lie within the
 * other's), and both with an end date.
 *
 * A pair is **ruled out**, with the reason, when
 *
 * | rule       | the pair is ruled out when                                                          |
 * |------------|-------------------------------------------------------------------------------------|
 * | `purpose`  | both name an activity and they share none; or they do not both name a shared activity in the title and their texts are less alike than `strongText`; or (without activities) the category differs |
 * | `stage`    | they are different stages of the orientation chain (potential analysis → job-field exploration → placement): complements |
 * | `audience` | they address different people: parents, teachers, employers, pupils, young people out of school, trainees |
 * | `grades`   | both give grades and the ranges are disjoint                                        |
 * | `ages`     | both give ages and the ranges are disjoint                                          |
 * | `area`     | their municipalities are disjoint; or they overlap only in part and the stronger evidence is missing |
 * | `period`   | their periods are disjoint (another school year, a provider's next edition)          |
 *
 * Otherwise the pair gets a score, the weighted mean of similarities in 0..1 (`purpose`,
 * `category`, `text`, `targetGroups`, `grades`, `ages`, `area`, `period`, `funding`), and is
 * reported at or above the threshold. Weights, threshold and `strongText` are tunable per district
 * ({@link OverlapSettings}). Nothing is capped: every pair at or above the threshold is reported.
 *
 * ## Reading the text
 *
 * The activity comes from the field's vocabulary (`overlap-vocabulary.ts`): cues inside words
 * (German compounds: "Bewerbungsmappencheck"), whole-word abbreviations (BvB, EQ, AsA, BerEb, JBA,
 * PA …) and phrases ("Assistierte Ausbildung", "Markt der Berufe"). The title names the activity;
 * the BA measure type and the KAoA standard element (in the current numbering of `kaoaCatalogue`)
 * only when the title names none; the description counts as weaker evidence. The text similarity
 * is a TF-IDF cosine over word stems, the morphemes of compounds and the activities found, so
 * different wording of the same activity still meets.
 *
 * ## Candidates and cost
 *
 * No pair can be redundant without the same category or a shared activity, a shared place and a
 * shared school year. So measures are put in blocks by key (category, or an activity) × school
 * year (Aug 1–Jul 31) × municipality; a whole-district measure probes every municipality's block of
 * its key and year. Pairs meet whatever their wording, and a stamp per probing measure drops
 * repeats. The rules are then checked on typed arrays before any text is compared. A pair found
 * keeps two measure indexes and a score; its ids and its reasons (German and English sentences) are
 * made when first read, and so are a cluster's reasons: `JSON.stringify` writes them all.
 *
 * ## Reviews
 *
 * A review (confirmed or dismissed) applies while both measures' fingerprints over
 * {@link overlapFingerprintFields} equal the ones stored with it: a verification stamp or a new
 * places count does not reopen it, another grade range does. Reviews stored without fingerprints
 * fall back to the measures' versions.
 */
import { z } from "zod";
import { type LocalizedText, LocalizedText as LocalizedTextSchema, text } from "../common/i18n.js";
import type { LabelMap } from "../common/labels.js";
import {
  type Measure,
  type MeasureId,
  MeasureId as MeasureIdSchema,
  measureCategoryLabels,
  type OverlapReview,
  type OverlapReviewId,
  OverlapReviewId as OverlapReviewIdSchema,
  type OverlapVerdict,
  OverlapVerdict as OverlapVerdictSchema,
  type TargetGroup,
  targetGroupLabels,
} from "../model/measure.js";
import {
  type OverlapPurpose,
  overlapChainStages,
  overlapMorphemes,
  overlapPurposeCues,
  overlapPurposes,
  purposeName,
} from "./overlap-vocabulary.js";

export * from "./overlap-vocabulary.js";

/** The dimensions on which two measures are compared, in the order their contributions are summed. */
export const overlapReasonKinds = [
  "purpose",
  "category",
  "text",
  "targetGroups",
  "grades",
  "ages",
  "area",
  "period",
  "funding",
] as const;
/** One of {@link overlapReasonKinds}. */
export type OverlapReasonKind = (typeof overlapReasonKinds)[number];

/** German and English names of the overlap dimensions, for legends and cluster summaries. */
export const overlapReasonLabels = {
  purpose: text("Gleiche Angebotsart", "Same activity"),
  category: text("Gleiche Kategorie", "Same category"),
  text: text("Ähnlicher Titel oder Beschreibung", "Similar title or description"),
  targetGroups: text("Gemeinsame Zielgruppen", "Shared target groups"),
  grades: text("Überschneidende Klassenstufen", "Overlapping grades"),
  ages: text("Überschneidendes Alter", "Overlapping ages"),
  area: text("Gemeinsames Einzugsgebiet", "Shared area served"),
  period: text("Überschneidender Zeitraum", "Overlapping period"),
  funding: text("Gleiche Förderung", "Same funding"),
} as const satisfies LabelMap<OverlapReasonKind>;

/** The rules that rule a pair out. */
export const overlapRuleKinds = ["purpose", "stage", "audience", "grades", "ages", "area", "period"] as const;
/** One of {@link overlapRuleKinds}. */
export type OverlapRuleKind = (typeof overlapRuleKinds)[number];

/** German and English names of the rules that rule a pair out. */
export const overlapRuleLabels = {
  purpose: text("Verschiedene Angebotsarten", "Different activities"),
  stage: text("Aufeinanderfolgende Stufen einer Kette", "Successive stages of a chain"),
  audience: text("Verschiedene Zielgruppen", "Different target groups"),
  grades: text("Getrennte Klassenstufen", "Disjoint grades"),
  ages: text("Getrennte Altersgruppen", "Disjoint ages"),
  area: text("Getrennte Orte", "Disjoint places"),
  period: text("Getrennte Zeiträume", "Disjoint periods"),
} as const satisfies LabelMap<OverlapRuleKind>;

/** The weight of each dimension in the overlap score; only their ratios matter. */
export type OverlapWeights = { readonly [K in OverlapReasonKind]: number };

/**
 * The default weights. The activity carries most: two offers are one offer twice when they do the
 * same thing for the same young people at the same place and time; the wording adds a little.
 */
export const defaultOverlapWeights: OverlapWeights = {
  purpose: 0.35,
  category: 0.1,
  text: 0.15,
  targetGroups: 0.1,
  grades: 0.08,
  ages: 0.02,
  area: 0.08,
  period: 0.08,
  funding: 0.04,
};

/** The default threshold: the same activity for the same people, place and time reaches it whatever the wording. */
export const defaultOverlapThreshold = 0.65;

/**
 * The default text similarity (cosine, 0..1) that stands in for a shared named activity: a pair
 * whose titles do not both name one activity is compared only when its texts are at least this alike.
 */
export const defaultOverlapStrongText = 0.5;

/**
 * The fields of a measure that make a pair redundant. A review of a pair applies while these are
 * unchanged on both measures (see {@link overlapFingerprint}); others (places, verification
 * stamps, contact, status) do not reopen it.
 */
export const overlapFingerprintFields = [
  "title",
  "description",
  "category",
  "targetGroups",
  "grades",
  "ages",
  "areaServed",
  "from",
  "to",
  "baMeasureType",
  "standardElement",
] as const satisfies readonly (keyof Measure)[];
export type OverlapFingerprintField = (typeof overlapFingerprintFields)[number];

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
  Partial<Pick<Measure, "description" | "to" | "grades" | "ages" | "baMeasureType" | "standardElement">>;

/** The fields of an overlap review the finder reads; a full {@link OverlapReview} record fits. */
export type OverlapReviewInput = Pick<
  OverlapReview,
  "id" | "measureIds" | "measureVersions" | "verdict" | "reviewedAt"
> &
  Partial<Pick<OverlapReview, "deleted" | "measureFingerprints">>;

/** A fingerprint of a measure over {@link overlapFingerprintFields}: 16 hex digits. */
export const OverlapFingerprint = z
  .string()
  .regex(/^[0-9a-f]{16}$/)
  .meta({ id: "OverlapFingerprint", description: "A hash of the fields that make a pair redundant." });

/**
 * A fingerprint of the fields of a measure that make a pair redundant (FNV-1a, 64 bits, over a
 * canonical form: sets sorted, text trimmed and with single spaces). Equal fingerprints mean the
 * pair is, for the finder, the same as when it was reviewed.
 */
export function overlapFingerprint(measure: Partial<Pick<Measure, OverlapFingerprintField>>): string {
  const canonical = overlapFingerprintFields.map((field) => {
    const value = measure[field];
    if (value === undefined || value === null) return null;
    if (typeof value === "string") return value.trim().replace(/\s+/g, " ");
    if (Array.isArray(value)) return [...value].sort();
    const range = value as { min: number; max: number };
    return [range.min, range.max];
  });
  const input = JSON.stringify(canonical);
  // FNV-1a over UTF-16 code units, 64 bits as two 32-bit halves.
  let h0 = 0x84222325;
  let h1 = 0xcbf29ce4;
  for (let i = 0; i < input.length; i++) {
    h0 ^= input.charCodeAt(i);
    // Multiply by the FNV prime 0x100000001b3 (= 2^40 + 0x1b3) modulo 2^64.
    const lo = h0 * 0x1b3;
    const carry = Math.floor(lo / 0x1_0000_0000);
    const n0 = lo >>> 0;
    const n1 = (h1 * 0x1b3 + carry + ((h0 << 8) >>> 0)) >>> 0;
    h0 = n0;
    h1 = n1;
  }
  return (h1 >>> 0).toString(16).padStart(8, "0") + (h0 >>> 0).toString(16).padStart(8, "0");
}

const messageOf = (de: string, en: string) => `${de} / ${en}`;

/** The tunable part of the options, validated: weights, threshold and gates, per district. */
export const OverlapSettings = z
  .strictObject({
    weights: z
      .strictObject(
        Object.fromEntries(
          overlapReasonKinds.map((k) => [
            k,
            z
              .number({
                error: messageOf(
                  `Das Gewicht „${k}“ muss eine Zahl sein.`,
                  `The weight "${k}" must be a number.`,
                ),
              })
              .min(0, {
                error: messageOf(
                  `Das Gewicht „${k}“ darf nicht negativ sein.`,
                  `The weight "${k}" must not be negative.`,
                ),
              })
              .max(1000)
              .optional(),
          ]),
        ) as { [K in OverlapReasonKind]: z.ZodOptional<z.ZodNumber> },
        {
          error: messageOf(
            `Unbekanntes Gewicht; erlaubt sind: ${overlapReasonKinds.join(", ")}.`,
            `Unknown weight; allowed are: ${overlapReasonKinds.join(", ")}.`,
          ),
        },
      )
      .optional(),
    threshold: z
      .number({
        error: messageOf("Der Schwellenwert muss eine Zahl sein.", "The threshold must be a number."),
      })
      .min(0, {
        error: messageOf("Der Schwellenwert liegt zwischen 0 und 1.", "The threshold lies in 0..1."),
      })
      .max(1, {
        error: messageOf("Der Schwellenwert liegt zwischen 0 und 1.", "The threshold lies in 0..1."),
      })
      .optional(),
    strongText: z
      .number({
        error: messageOf("Die Textähnlichkeit muss eine Zahl sein.", "The text similarity must be a number."),
      })
      .min(0, {
        error: messageOf("Die Textähnlichkeit liegt zwischen 0 und 1.", "The text similarity lies in 0..1."),
      })
      .max(1, {
        error: messageOf("Die Textähnlichkeit liegt zwischen 0 und 1.", "The text similarity lies in 0..1."),
      })
      .optional(),
    requireSharedArea: z.boolean().optional(),
    requireSharedPeriod: z.boolean().optional(),
    includeCancelled: z.boolean().optional(),
    includeDeleted: z.boolean().optional(),
  })
  .meta({ id: "OverlapSettings" });
export type OverlapSettings = z.infer<typeof OverlapSettings>;

/** How {@link findOverlaps} weighs, filters and reviews. */
export interface OverlapOptions extends OverlapSettings {
  /** Coordinators' reviews; a current "complementary" verdict dismisses a pair. */
  readonly reviews?: readonly OverlapReviewInput[];
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
  /** What the two share: activities, category, words, target groups, grades, ages, AGS keys, days, programmes. */
  readonly shared: readonly string[];
  /** A sentence for the user. */
  readonly text: LocalizedText;
}

/** Why a pair is not redundant whatever its score. */
export interface OverlapRuling {
  readonly kind: OverlapRuleKind;
  readonly text: LocalizedText;
}

/** The latest review of a pair and whether it still applies to the measures as they are. */
export interface OverlapPairReview {
  readonly id: OverlapReviewId;
  readonly verdict: OverlapVerdict;
  readonly reviewedAt: string;
  /** False when a field that makes the pair redundant changed on either measure: the pair is open again. */
  readonly current: boolean;
}

/** A scored pair of measures that may be redundant. */
export interface OverlapPair {
  /** The two measure ids, in ascending order. */
  readonly measureIds: readonly [MeasureId, MeasureId];
  readonly score: number;
  /** The dimensions that contributed, in the order of {@link overlapReasonKinds}. */
  readonly reasons: readonly OverlapReason[];
  /** True when one provider runs both (no bonus: a note for the reader). */
  readonly sameProvider: boolean;
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
export type OverlapStrategy = "blocks" | "all-pairs";

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
    /** Candidate pairs met in the blocks. */
    readonly candidates: number;
    /** Candidates ruled out, per rule. */
    readonly ruledOut: Readonly<Record<OverlapRuleKind, number>>;
    /** Candidates scored (not ruled out). */
    readonly scored: number;
    readonly strategy: OverlapStrategy;
  };
}

/** The comparison of one pair: its score and reasons, or why it is ruled out. */
export interface OverlapComparison {
  readonly measureIds: readonly [MeasureId, MeasureId];
  /** True when no rule rules the pair out and the score reaches the threshold. */
  readonly redundant: boolean;
  readonly score: number;
  readonly reasons: readonly OverlapReason[];
  /** The rules that rule the pair out, in the order of {@link overlapRuleKinds}; empty when none does. */
  readonly ruledOut: readonly OverlapRuling[];
  readonly sameProvider: boolean;
}

// ---------------------------------------------------------------------------------------------
// Result schemas: what the finder answers, as it travels as JSON (documented by the API).

const Score = z.number().min(0).max(1);
const PairIds = z
  .tuple([MeasureIdSchema, MeasureIdSchema])
  .meta({ description: "The two measure ids, ascending." });

/** Schema of {@link OverlapReason}. */
export const OverlapReason = z
  .strictObject({
    kind: z.enum(overlapReasonKinds),
    similarity: Score,
    weight: Score,
    contribution: Score.meta({ description: "weight × similarity; the contributions add up to the score." }),
    shared: z
      .array(z.string())
      .meta({ description: "What the two share: activities, words, groups, grades, keys …" }),
    text: LocalizedTextSchema,
  })
  .meta({ id: "OverlapReason" });

/** Schema of {@link OverlapPairReview}. */
export const OverlapPairReview = z
  .strictObject({
    id: OverlapReviewIdSchema,
    verdict: OverlapVerdictSchema,
    reviewedAt: z.string(),
    current: z
      .boolean()
      .meta({ description: "False when a field that makes the pair redundant changed since." }),
  })
  .meta({ id: "OverlapPairReview" });

/** Schema of {@link OverlapPair}. */
export const OverlapPair = z
  .strictObject({
    measureIds: PairIds,
    score: Score,
    reasons: z.array(OverlapReason),
    sameProvider: z.boolean(),
    review: OverlapPairReview.optional(),
  })
  .meta({ id: "OverlapPair" });

/** Schema of {@link DismissedOverlap}. */
export const DismissedOverlap = z
  .strictObject({
    measureIds: PairIds,
    score: Score,
    reasons: z.array(OverlapReason),
    sameProvider: z.boolean(),
    review: OverlapPairReview,
  })
  .meta({ id: "DismissedOverlap" });

/** Schema of {@link OverlapClusterReason}. */
export const OverlapClusterReason = z
  .strictObject({
    kind: z.enum(overlapReasonKinds),
    pairs: z.int().min(0),
    meanContribution: Score,
    text: LocalizedTextSchema,
  })
  .meta({ id: "OverlapClusterReason" });

/** Schema of {@link OverlapCluster}. */
export const OverlapCluster = z
  .strictObject({
    measureIds: z.array(MeasureIdSchema),
    pairs: z.array(PairIds),
    maxScore: Score,
    meanScore: Score,
    reasons: z.array(OverlapClusterReason),
  })
  .meta({ id: "OverlapCluster" });

/** Schema of {@link OverlapResult}: pairs with reasons, clusters, dismissed pairs, settings and counts. */
export const OverlapResult = z
  .strictObject({
    pairs: z.array(OverlapPair),
    clusters: z.array(OverlapCluster),
    dismissed: z.array(DismissedOverlap),
    threshold: Score,
    weights: z.strictObject(
      Object.fromEntries(overlapReasonKinds.map((k) => [k, Score])) as Record<
        OverlapReasonKind,
        typeof Score
      >,
    ),
    stats: z.strictObject({
      measures: z.int().min(0),
      ignored: z.int().min(0),
      candidates: z.int().min(0),
      ruledOut: z.strictObject(
        Object.fromEntries(overlapRuleKinds.map((k) => [k, z.int().min(0)])) as Record<
          OverlapRuleKind,
          z.ZodInt
        >,
      ),
      scored: z.int().min(0),
      strategy: z.enum(["blocks", "all-pairs"]),
    }),
  })
  .meta({ id: "OverlapResult" });

// ---------------------------------------------------------------------------------------------
// Text

const foldMap: Record<string, string> = { ä: "ae", ö: "oe", ü: "ue", ß: "ss", é: "e", è: "e", á: "a" };
const fold = (s: string) => s.toLowerCase().replace(/[äöüßéèá]/g, (c) => foldMap[c]!);
const wordSplit = /[^a-z0-9]+/;
const stopwords = new Set(
  (
    "und oder der die das den dem des ein eine einer eines einem einen fuer mit von vom zur zum " +
    "bei bis auf aus als auch nach ist sind sich ihr ihre sie wir uns wird werden durch ueber " +
    "unter sowie wie was wer wo alle allen jede jeden jeder jedes kann koennen gibt mehr im in an am " +
    "es zu so nicht noch nur ab pro je sehr viel and the for with from into our their this that are"
  ).split(" "),
);
const suffixes = ["innen", "ungen", "ern", "en", "es", "er", "e", "n", "s"];

function stemOf(word: string): string {
  for (const suffix of suffixes) {
    if (word.length - suffix.length >= 4 && word.endsWith(suffix)) return word.slice(0, -suffix.length);
  }
  return word;
}

interface Cue {
  readonly purpose: number;
  readonly word: string;
  /** The cue must end the word. */
  readonly suffix: boolean;
}
interface Phrase {
  readonly purpose: number;
  readonly words: readonly string[];
}

const inWordCues: Cue[] = [];
const wholeWordCues = new Map<string, number[]>();
const phrases: Phrase[] = [];
overlapPurposes.forEach((purpose, p) => {
  for (const raw of overlapPurposeCues[purpose]) {
    const exact = raw.startsWith("=");
    const suffix = raw.startsWith("~");
    const cue = fold(exact || suffix ? raw.slice(1) : raw);
    const words = cue.split(" ");
    if (words.length > 1) phrases.push({ purpose: p, words });
    else if (exact) {
      const list = wholeWordCues.get(cue) ?? [];
      list.push(p);
      wholeWordCues.set(cue, list);
    } else inWordCues.push({ purpose: p, word: cue, suffix });
  }
});
inWordCues.sort((a, b) => b.word.length - a.word.length);
const morphemes = [...new Set(overlapMorphemes.map(fold))].sort((a, b) => b.length - a.length);

/** What one distinct word contributes: its tokens, its purposes, and the phrases it may start. */
interface WordInfo {
  readonly tokens: readonly number[];
  readonly purposes: number;
  readonly phraseStarts: readonly number[];
}

/** Per-run token ids and the cache of analysed words. */
class Lexicon {
  get size(): number {
    return this.surfaces.length + this.#words.size;
  }
  readonly #tokens = new Map<string, number>();
  readonly #words = new Map<string, WordInfo>();
  readonly surfaces: string[] = [];

  token(stem: string, surface: string): number {
    let id = this.#tokens.get(stem);
    if (id === undefined) {
      id = this.surfaces.length;
      this.#tokens.set(stem, id);
      this.surfaces.push(surface);
    }
    return id;
  }

  word(word: string): WordInfo {
    let info = this.#words.get(word);
    if (info) return info;
    const tokens: number[] = [];
    let purposes = 0;
    const phraseStarts: number[] = [];
    if (word.length >= 2 && !stopwords.has(word)) {
      for (const p of wholeWordCues.get(word) ?? []) purposes |= 1 << p;
      if (word.length >= 3 || /\d/.test(word)) tokens.push(this.token(stemOf(word), word));
      // Cues inside the word, longest first, without overlaps.
      const taken: [number, number][] = [];
      const free = (from: number, to: number) => taken.every(([a, b]) => to <= a || from >= b);
      for (const cue of inWordCues) {
        const at = cue.suffix ? word.length - cue.word.length : word.indexOf(cue.word);
        if (at < 0 || (cue.suffix && !word.endsWith(cue.word)) || !free(at, at + cue.word.length)) continue;
        taken.push([at, at + cue.word.length]);
        purposes |= 1 << cue.purpose;
      }
      // Compound parts: known morphemes inside a longer word.
      if (word.length >= 8) {
        const parts: [number, number][] = [];
        for (const m of morphemes) {
          if (m.length >= word.length) continue;
          const at = word.indexOf(m);
          if (at < 0 || parts.some(([a, b]) => at < b && at + m.length > a)) continue;
          parts.push([at, at + m.length]);
          tokens.push(this.token(stemOf(m), m));
        }
      }
      phrases.forEach((phrase, k) => {
        if (word.endsWith(phrase.words[0]!)) phraseStarts.push(k);
      });
      for (let p = 0; p < overlapPurposes.length; p++)
        if (purposes & (1 << p)) tokens.push(this.token(`#${overlapPurposes[p]}`, overlapPurposes[p]!));
    }
    info = { tokens, purposes, phraseStarts };
    this.#words.set(word, info);
    return info;
  }
}

/** The words read so far, shared by all runs (words repeat across runs); renewed when it grows large. */
let lexicon = new Lexicon();

const baPurposes: Partial<Record<NonNullable<Measure["baMeasureType"]>, OverlapPurpose>> = {
  bvb: "pre_vocational_bvb",
  eq: "entry_qualification",
  asa_flex: "assisted_training",
  bereb: "career_entry_support",
};

/**
 * The KAoA standard elements that name an activity, in the catalogue's current numbering (see
 * `kaoaCatalogue` in `@oha/domain/reference`): SBO 4 potential analysis, SBO 5 job-field
 * exploration, SBO 6.4 practical courses (exploration), SBO 6.1, 6.3, 6.5, 6.6 work placements.
 */
function standardPurpose(code: string | undefined): OverlapPurpose | undefined {
  if (!code) return undefined;
  const m = /(\d+)(?:\.(\d+))?/.exec(code);
  if (!m) return undefined;
  const major = Number(m[1]);
  const minor = m[2] === undefined ? 0 : Number(m[2]);
  if (major === 4) return "potential_analysis";
  if (major === 5 && minor <= 2) return "job_field_exploration";
  if (major === 6 && minor === 4) return "job_field_exploration";
  if (major === 6 && (minor === 5 || minor === 6)) return "long_term_internship";
  if (major === 6 && minor !== 2) return "internship";
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Target groups

const groupKeys = Object.keys(targetGroupLabels) as TargetGroup[];
const groupBit = new Map(groupKeys.map((g, i) => [g, 1 << i]));
// Who an offer addresses: families of target groups. Modifiers (newcomers, disability …) fit any
// young people; applicants are pupils about to leave school as well as young people out of school.
const SCHOOL = 1;
const OUT = 2;
const TRAINEES = 4;
const PARENTS = 8;
const TEACHERS = 16;
const EMPLOYERS = 32;
const YOUNG = SCHOOL | OUT | TRAINEES;
const ALL = YOUNG | PARENTS | TEACHERS | EMPLOYERS;
const groupFamily: Record<TargetGroup, number> = {
  pupils_lower_secondary: SCHOOL,
  pupils_upper_secondary: SCHOOL,
  pupils_vocational_school: SCHOOL,
  without_first_qualification: SCHOOL | OUT,
  applicants: SCHOOL | OUT,
  unplaced_applicants: OUT,
  applicants_earlier_years: OUT,
  trainees: TRAINEES,
  training_dropouts: OUT | TRAINEES,
  newly_arrived: YOUNG,
  migration_background: YOUNG,
  disability: YOUNG,
  sgb2_hard_to_reach: OUT,
  neet: OUT,
  young_parents: OUT | TRAINEES,
  parents: PARENTS,
  teachers: TEACHERS,
  employers: EMPLOYERS,
};
const familyNames: [number, LocalizedText][] = [
  [SCHOOL, text("Schülerinnen und Schüler", "pupils")],
  [OUT, text("junge Menschen außerhalb der Schule", "young people out of school")],
  [TRAINEES, text("Auszubildende", "trainees")],
  [PARENTS, text("Eltern", "parents")],
  [TEACHERS, text("Lehrkräfte", "teachers")],
  [EMPLOYERS, text("Betriebe", "employers")],
];
const parentsPurpose =
  (1 << overlapPurposes.indexOf("parents_information")) | (1 << overlapPurposes.indexOf("parents_cafe"));
const teachersPurpose = 1 << overlapPurposes.indexOf("teacher_training");
const employersPurpose = 1 << overlapPurposes.indexOf("employer_network");
let chainMask = 0;
/** The stages of the orientation chain per purpose bit, as a bit mask of stages (0 off the chain). */
const stageOfPurpose: number[] = overlapPurposes.map(() => 0);
for (const [purpose, stage] of Object.entries(overlapChainStages)) {
  if (!stage) continue;
  const p = overlapPurposes.indexOf(purpose as OverlapPurpose);
  chainMask |= 1 << p;
  stageOfPurpose[p] = 1 << stage;
}
/** The chain stages that a purpose mask names. */
function stagesOf(mask: number): number {
  let stages = 0;
  for (let p = 0; mask >>> p !== 0; p++) if (mask & (1 << p)) stages |= stageOfPurpose[p]!;
  return stages;
}

// ---------------------------------------------------------------------------------------------
// Dates

const digit = (s: string, at: number) => s.charCodeAt(at) - 48;

/** Days since 1970-01-01 of an ISO date `YYYY-MM-DD`. */
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

// ---------------------------------------------------------------------------------------------
// The measures as columns

interface Corpus {
  readonly measures: readonly OverlapMeasure[];
  readonly size: number;
  readonly category: Int32Array;
  readonly groups: Int32Array;
  readonly audience: Int32Array;
  readonly gradeMin: Int32Array;
  readonly gradeMax: Int32Array;
  readonly ageMin: Int32Array;
  readonly ageMax: Int32Array;
  readonly whole: Uint8Array;
  readonly areaStart: Int32Array;
  readonly areaData: Int32Array;
  readonly start: Float64Array;
  readonly end: Float64Array;
  readonly firstYear: Int32Array;
  readonly lastYear: Int32Array;
  readonly fundStart: Int32Array;
  readonly fundData: Int32Array;
  readonly baType: Int32Array;
  readonly provider: Int32Array;
  /** Purposes named by the title (or, when it names none, the description), as a bit mask. */
  readonly primary: Int32Array;
  /** 1 when the title (or the BA measure type or standard element) names the activity, 0 when only the description does. */
  readonly titled: Uint8Array;
  /** Purposes named anywhere. */
  readonly purposes: Int32Array;
  readonly tokenStart: Int32Array;
  readonly tokenData: Int32Array;
  readonly weightData: Float64Array;
  /** The word a token stands for. */
  readonly surface: (token: number) => string;
  readonly municipalities: readonly string[];
  readonly programmes: readonly string[];
  readonly minYear: number;
  readonly maxYear: number;
}

class Interner {
  readonly ids = new Map<string, number>();
  readonly values: string[] = [];
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

const categoryKeys = Object.keys(measureCategoryLabels);

const categoryIndex = new Map(categoryKeys.map((k, i) => [k, i]));

/** A growable typed array of 32-bit integers. */
class IntList {
  data: Int32Array;
  length = 0;
  constructor(capacity = 256) {
    this.data = new Int32Array(Math.max(16, capacity));
  }
  push(value: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = value;
  }
  toArray(): Int32Array {
    return this.data.slice(0, this.length);
  }
}

/** Sorts `data[from..to)` ascending and drops repeats; returns the new end. */
function sortUnique(data: Int32Array, from: number, to: number): number {
  for (let k = from + 1; k < to; k++) {
    const v = data[k]!;
    let at = k;
    while (at > from && data[at - 1]! > v) {
      data[at] = data[at - 1]!;
      at--;
    }
    data[at] = v;
  }
  let out = from;
  for (let k = from; k < to; k++) if (k === from || data[k] !== data[k - 1]) data[out++] = data[k]!;
  return out;
}

function prepare(measures: readonly OverlapMeasure[]): Corpus {
  const n = measures.length;
  if (lexicon.size > 500_000) lexicon = new Lexicon();
  const municipalities = new Interner();
  const programmes = new Interner();
  const providers = new Interner();
  const baTypes = new Interner();
  const category = new Int32Array(n);
  const groups = new Int32Array(n);
  const audience = new Int32Array(n);
  const gradeMin = new Int32Array(n);
  const gradeMax = new Int32Array(n);
  const ageMin = new Int32Array(n);
  const ageMax = new Int32Array(n);
  const whole = new Uint8Array(n);
  const start = new Float64Array(n);
  const end = new Float64Array(n);
  const firstYear = new Int32Array(n);
  const lastYear = new Int32Array(n);
  const baType = new Int32Array(n);
  const provider = new Int32Array(n);
  const primary = new Int32Array(n);
  const titled = new Uint8Array(n);
  const purposes = new Int32Array(n);
  const areaStart = new Int32Array(n + 1);
  const areaList = new IntList(n * 2);
  const fundStart = new Int32Array(n + 1);
  const fundList = new IntList(n);
  const tokenStart = new Int32Array(n + 1);

  // Tokens get dense ids for this run (the lexicon's ids are shared by all runs and sparse here).
  let localOf = new Int32Array(lexicon.surfaces.length + 1024).fill(-1);
  const globalOf = new IntList(4096);
  let acc = new Float64Array(4096);
  let df = new Int32Array(4096);
  const local = (global: number): number => {
    if (global >= localOf.length) {
      const next = new Int32Array(Math.max(global + 1, localOf.length * 2)).fill(-1);
      next.set(localOf);
      localOf = next;
    }
    let id = localOf[global]!;
    if (id < 0) {
      id = globalOf.length;
      localOf[global] = id;
      globalOf.push(global);
      if (id >= acc.length) {
        const nextAcc = new Float64Array(acc.length * 2);
        nextAcc.set(acc);
        acc = nextAcc;
        const nextDf = new Int32Array(df.length * 2);
        nextDf.set(df);
        df = nextDf;
      }
    }
    return id;
  };
  const purposeToken = new Int32Array(overlapPurposes.length).fill(-1);
  const purposeTokenOf = (p: number): number => {
    let id = purposeToken[p]!;
    if (id < 0) {
      id = local(lexicon.token(`#${overlapPurposes[p]}`, overlapPurposes[p]!));
      purposeToken[p] = id;
    }
    return id;
  };

  // The texts read, each once (titles repeat): tokens with counts in pools, and the purposes named.
  const textIndex = new Map<string, number>();
  const textStart = new IntList(1024);
  textStart.push(0);
  const textPurposes = new IntList(1024);
  const textTokens = new IntList(8192);
  const textCounts = new IntList(8192);
  let counts = new Int32Array(4096);
  const touched = new IntList(64);
  const count = (t: number) => {
    if (t >= counts.length) {
      const next = new Int32Array(Math.max(t + 1, counts.length * 2));
      next.set(counts);
      counts = next;
    }
    if (counts[t] === 0) touched.push(t);
    counts[t]!++;
  };
  /** Reads a text into the pools; `keep`: remember it (titles repeat, descriptions hardly ever). */
  const analyse = (value: string, keep: boolean): number => {
    const cached = keep ? textIndex.get(value) : undefined;
    if (cached !== undefined) return cached;
    const words = fold(value).split(wordSplit);
    let found = 0;
    touched.length = 0;
    for (let w = 0; w < words.length; w++) {
      const word = words[w]!;
      if (word === "") continue;
      const info = lexicon.word(word);
      found |= info.purposes;
      for (let k = 0; k < info.tokens.length; k++) count(local(info.tokens[k]!));
      for (let s = 0; s < info.phraseStarts.length; s++) {
        const start = info.phraseStarts[s]!;
        const phrase = phrases[start]!;
        const last = phrase.words.length - 1;
        let ok = w + last < words.length;
        for (let q = 1; ok && q <= last; q++) {
          const next = words[w + q]!;
          ok = q === last ? next.startsWith(phrase.words[q]!) : next === phrase.words[q];
        }
        if (ok && !(found & (1 << phrase.purpose))) {
          found |= 1 << phrase.purpose;
          count(purposeTokenOf(phrase.purpose));
        }
      }
    }
    for (let k = 0; k < touched.length; k++) {
      const t = touched.data[k]!;
      textTokens.push(t);
      textCounts.push(counts[t]!);
      counts[t] = 0;
    }
    const index = textPurposes.length;
    textPurposes.push(found);
    textStart.push(textTokens.length);
    if (keep) textIndex.set(value, index);
    return index;
  };

  const rawTokens = new IntList(n * 16);
  let rawCounts = new Float64Array(n * 16 + 16);
  const present = new IntList(64);
  const addToken = (id: number, weight: number) => {
    if (acc[id] === 0) present.push(id);
    acc[id]! += weight;
  };
  /** Adds a text's tokens; returns the purposes it names. */
  const read = (value: string, weight: number): number => {
    const t = analyse(value, weight > 1);
    for (let k = textStart.data[t]!; k < textStart.data[t + 1]!; k++)
      addToken(textTokens.data[k]!, weight * textCounts.data[k]!);
    return textPurposes.data[t]!;
  };

  let horizon = Number.NEGATIVE_INFINITY;
  let minYear = Number.POSITIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    const m = measures[i]!;
    category[i] = categoryIndex.get(m.category) ?? -1;
    let mask = 0;
    let family = 0;
    for (let g = 0; g < m.targetGroups.length; g++) {
      const group = m.targetGroups[g]!;
      mask |= groupBit.get(group) ?? 0;
      family |= groupFamily[group] ?? 0;
    }
    groups[i] = mask;
    gradeMin[i] = m.grades ? m.grades.min : -1;
    gradeMax[i] = m.grades ? m.grades.max : -1;
    ageMin[i] = m.ages ? m.ages.min : -1;
    ageMax[i] = m.ages ? m.ages.max : -1;
    const area = m.areaServed;
    whole[i] = area.length === 0 ? 1 : 0;
    for (let k = 0; k < area.length; k++) areaList.push(municipalities.id(area[k]!));
    areaList.length = sortUnique(areaList.data, areaStart[i]!, areaList.length);
    areaStart[i + 1] = areaList.length;
    start[i] = dayNumber(m.from);
    end[i] = m.to ? dayNumber(m.to) : Number.POSITIVE_INFINITY;
    firstYear[i] = schoolYearStart(m.from);
    lastYear[i] = m.to ? schoolYearStart(m.to) : -1;
    for (let k = 0; k < m.funding.length; k++) {
      const programme = m.funding[k]!.programmeId;
      if (programme !== undefined) fundList.push(programmes.id(programme));
    }
    fundList.length = sortUnique(fundList.data, fundStart[i]!, fundList.length);
    fundStart[i + 1] = fundList.length;
    baType[i] = m.baMeasureType ? baTypes.id(m.baMeasureType) : -1;
    provider[i] = providers.id(m.providerActorId);
    if (start[i]! > horizon) horizon = start[i]!;
    if (m.to && end[i]! > horizon) horizon = end[i]!;
    if (firstYear[i]! < minYear) minYear = firstYear[i]!;

    present.length = 0;
    let named = read(m.title, 2);
    const described = m.description ? read(m.description, 1) : 0;
    // The title names the activity; the BA measure type and the standard element only when it names none.
    if (named === 0) {
      const ba = m.baMeasureType ? baPurposes[m.baMeasureType] : undefined;
      const standard = standardPurpose(m.standardElement);
      for (const p of [ba, standard]) {
        if (!p) continue;
        const index = overlapPurposes.indexOf(p);
        const bit = 1 << index;
        if (!(named & bit)) addToken(purposeTokenOf(index), 2);
        named |= bit;
      }
    }
    primary[i] = named !== 0 ? named : described;
    titled[i] = named !== 0 ? 1 : 0;
    purposes[i] = named | described;
    // Who it addresses: the target groups; an offer named for parents, teachers or employers addresses them.
    let addressed = family === 0 ? ALL : family;
    const adults = primary[i]!;
    const named_adults =
      (adults & parentsPurpose ? PARENTS : 0) |
      (adults & teachersPurpose ? TEACHERS : 0) |
      (adults & employersPurpose ? EMPLOYERS : 0);
    if (named_adults && (family === 0 || family & named_adults)) addressed = named_adults;
    else if (named_adults && family & YOUNG && adults & parentsPurpose) addressed = PARENTS;
    audience[i] = addressed;

    for (let k = 0; k < present.length; k++) {
      const id = present.data[k]!;
      if (rawTokens.length === rawCounts.length) {
        const next = new Float64Array(rawCounts.length * 2);
        next.set(rawCounts);
        rawCounts = next;
      }
      rawCounts[rawTokens.length] = acc[id]!;
      rawTokens.push(id);
      acc[id] = 0;
      df[id]!++;
    }
    tokenStart[i + 1] = rawTokens.length;
  }
  const maxYear = Number.isFinite(horizon) ? schoolYearStart(isoOfDay(horizon)) : 1970;
  for (let i = 0; i < n; i++) if (lastYear[i] === -1) lastYear[i] = Math.max(maxYear, firstYear[i]!);

  const tokenCount = globalOf.length;
  const idf = new Float64Array(tokenCount);
  for (let t = 0; t < tokenCount; t++) idf[t] = df[t]! > 0 ? Math.log(1 + n / df[t]!) : 0;
  const tokenData = new Int32Array(rawTokens.length);
  const weightData = new Float64Array(rawTokens.length);
  for (let i = 0; i < n; i++) {
    const from = tokenStart[i]!;
    const to = tokenStart[i + 1]!;
    let norm = 0;
    for (let k = from; k < to; k++) {
      const token = rawTokens.data[k]!;
      const w = (1 + Math.log(rawCounts[k]!)) * idf[token]!;
      norm += w * w;
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
    if (norm > 0) for (let k = from; k < to; k++) weightData[k] = weightData[k]! / norm;
  }
  const surfaces = lexicon.surfaces;
  const globalIds = globalOf.toArray();
  return {
    measures,
    size: n,
    category,
    groups,
    audience,
    gradeMin,
    gradeMax,
    ageMin,
    ageMax,
    whole,
    areaStart,
    areaData: areaList.toArray(),
    start,
    end,
    firstYear,
    lastYear,
    fundStart,
    fundData: fundList.toArray(),
    baType,
    provider,
    primary,
    titled,
    purposes,
    tokenStart,
    tokenData,
    weightData,
    surface: (token: number) => {
      const global = globalIds[token]!;
      return surfaces[global]!;
    },
    municipalities: municipalities.values,
    programmes: programmes.values,
    minYear: Number.isFinite(minYear) ? minYear : 1970,
    maxYear,
  };
}

// ---------------------------------------------------------------------------------------------
// Rules and similarities

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

function popcount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** Similarity of two ranges: overlap relative to the shorter; 1 when neither is given, ½ when one is. */
function rangeSimilarity(aMin: number, aMax: number, bMin: number, bMax: number): number {
  if (aMin < 0 && bMin < 0) return 1;
  if (aMin < 0 || bMin < 0) return 0.5;
  const inter = Math.min(aMax, bMax) - Math.max(aMin, bMin) + 1;
  if (inter <= 0) return 0;
  return inter / Math.min(aMax - aMin + 1, bMax - bMin + 1);
}

/**
 * The area similarity of a partial place overlap: a district-wide offer and a local one, or two
 * local offers sharing less than half of the larger one's municipalities (an offer for the
 * district's twenty towns and one for a single town).
 */
const partialArea = 0.5;

/** Whether the places of two offers that share one overlap only in part (see {@link partialArea}). */
function partialPlace(c: Corpus, a: number, b: number): boolean {
  if (c.whole[a] !== c.whole[b]) return true;
  if (c.whole[a] === 1) return false;
  const a0 = c.areaStart[a]!;
  const a1 = c.areaStart[a + 1]!;
  const b0 = c.areaStart[b]!;
  const b1 = c.areaStart[b + 1]!;
  return 2 * sharedCount(c.areaData, a0, a1, b0, b1) < Math.max(a1 - a0, b1 - b0);
}

interface Gates {
  readonly area: boolean;
  readonly period: boolean;
}

const RULE_PURPOSE = 0;
const RULE_STAGE = 1;
const RULE_AUDIENCE = 2;
const RULE_GRADES = 3;
const RULE_AGES = 4;
const RULE_AREA = 5;
const RULE_PERIOD = 6;

/** The purpose rule: -1 when the two may share a purpose, else RULE_STAGE or RULE_PURPOSE. */
function purposeRule(c: Corpus, a: number, b: number): number {
  const pa = c.primary[a]!;
  const pb = c.primary[b]!;
  if (pa !== 0 && pb !== 0 && (pa & pb) === 0) {
    const sa = stagesOf(pa & chainMask);
    const sb = stagesOf(pb & chainMask);
    return sa !== 0 && sb !== 0 && (sa & sb) === 0 ? RULE_STAGE : RULE_PURPOSE;
  }
  if ((pa === 0 || pb === 0) && (c.purposes[a]! & c.purposes[b]!) === 0 && c.category[a] !== c.category[b])
    return RULE_PURPOSE;
  return -1;
}

/** Whether both titles (or, where a title names none, the BA measure types or standard elements) name a shared activity. */
function namedTogether(c: Corpus, a: number, b: number): boolean {
  return (c.primary[a]! & c.primary[b]!) !== 0 && (c.titled[a]! & c.titled[b]!) === 1;
}

/**
 * Whether a district-wide offer and a local one show the stronger evidence a partial place overlap
 * needs: the same activity named in both titles, the same young people pinned down on both sides
 * (both give grades, or both give ages, and these overlap; or the target groups of one lie within
 * the other's), and both say when they end (a standing district-wide listing says nothing about
 * when it reaches the local place).
 */
function partialEvidence(c: Corpus, a: number, b: number): boolean {
  if (!namedTogether(c, a, b)) return false;
  if (!Number.isFinite(c.end[a]!) || !Number.isFinite(c.end[b]!)) return false;
  if (c.gradeMin[a]! >= 0 && c.gradeMin[b]! >= 0) return true; // disjoint grades are ruled out before
  if (c.ageMin[a]! >= 0 && c.ageMin[b]! >= 0) return true;
  const ga = c.groups[a]!;
  const gb = c.groups[b]!;
  return ga !== 0 && gb !== 0 && ((ga & gb) === ga || (ga & gb) === gb);
}

/** The first rule that rules the pair out, or -1. Cheap checks first. */
function ruleOut(c: Corpus, a: number, b: number, gates: Gates): number {
  if (gates.period && Math.min(c.end[a]!, c.end[b]!) < Math.max(c.start[a]!, c.start[b]!)) return RULE_PERIOD;
  const ga = c.gradeMin[a]!;
  const gb = c.gradeMin[b]!;
  if (ga >= 0 && gb >= 0 && (c.gradeMax[a]! < gb || c.gradeMax[b]! < ga)) return RULE_GRADES;
  const aa = c.ageMin[a]!;
  const ab = c.ageMin[b]!;
  if (aa >= 0 && ab >= 0 && (c.ageMax[a]! < ab || c.ageMax[b]! < aa)) return RULE_AGES;
  if ((c.audience[a]! & c.audience[b]!) === 0) return RULE_AUDIENCE;
  const purpose = purposeRule(c, a, b);
  if (purpose >= 0) return purpose;
  if (gates.area && c.whole[a] === 0 && c.whole[b] === 0) {
    if (
      sharedCount(c.areaData, c.areaStart[a]!, c.areaStart[a + 1]!, c.areaStart[b]!, c.areaStart[b + 1]!) ===
      0
    )
      return RULE_AREA;
  }
  return -1;
}

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

/**
 * Fills `out` with the similarities of a pair that no rule rules out, in the order of
 * {@link overlapReasonKinds}, all but the text (index 2, left 0: the costly part, see {@link cosine}).
 */
function similarities(c: Corpus, a: number, b: number, out: Float64Array): void {
  const pa = c.primary[a]!;
  const pb = c.primary[b]!;
  // A shared activity counts fully when both titles name it, half when a description does.
  out[0] = pa & pb ? (c.titled[a]! & c.titled[b]! ? 1 : 0.5) : 0;
  out[1] = c.category[a] === c.category[b] ? 1 : 0;
  out[2] = 0;
  const ga = c.groups[a]!;
  const gb = c.groups[b]!;
  if (ga === 0 || gb === 0) out[3] = 0.5;
  else {
    const shared = popcount(ga & gb);
    out[3] = shared > 0 ? shared / popcount(ga | gb) : 0;
    if (out[3] < 0.5 && c.audience[a]! & c.audience[b]!) out[3] = 0.5;
  }
  out[4] = rangeSimilarity(c.gradeMin[a]!, c.gradeMax[a]!, c.gradeMin[b]!, c.gradeMax[b]!);
  out[5] = rangeSimilarity(c.ageMin[a]!, c.ageMax[a]!, c.ageMin[b]!, c.ageMax[b]!);
  // Both district-wide: the same place; one district-wide: the same place only in part.
  let area = c.whole[a] === c.whole[b] ? 1 : partialArea;
  if (c.whole[a] === 0 && c.whole[b] === 0) {
    const a0 = c.areaStart[a]!;
    const a1 = c.areaStart[a + 1]!;
    const b0 = c.areaStart[b]!;
    const b1 = c.areaStart[b + 1]!;
    const shared = sharedCount(c.areaData, a0, a1, b0, b1);
    area = shared === 0 ? 0 : shared / Math.min(a1 - a0, b1 - b0);
    if (2 * shared < Math.max(a1 - a0, b1 - b0)) area = Math.min(area, partialArea);
  }
  out[6] = area;
  const lo = Math.max(c.start[a]!, c.start[b]!);
  const hi = Math.min(c.end[a]!, c.end[b]!);
  let period = 0;
  if (hi >= lo) {
    const shorter = Math.min(c.end[a]! - c.start[a]!, c.end[b]! - c.start[b]!) + 1;
    period = shorter === Number.POSITIVE_INFINITY ? 1 : Math.min(1, (hi - lo + 1) / shorter);
  }
  out[7] = period;
  out[8] =
    (c.baType[a]! >= 0 && c.baType[a] === c.baType[b]) ||
    sharedCount(c.fundData, c.fundStart[a]!, c.fundStart[a + 1]!, c.fundStart[b]!, c.fundStart[b + 1]!) > 0
      ? 1
      : 0;
}

/**
 * Adds the text to the similarities of {@link similarities}: the cosine, and, when one of the two
 * names no activity, the text stands in for it (the same category and alike wording: the same purpose).
 */
function addText(c: Corpus, a: number, b: number, out: Float64Array): void {
  const cos = cosine(c, a, b);
  out[2] = cos;
  if ((c.primary[a] === 0 || c.primary[b] === 0) && c.category[a] === c.category[b] && cos > out[0]!)
    out[0] = cos;
}

/** Whether the purpose similarity of a pair may still rise with its text (see {@link addText}). */
function purposeFromText(c: Corpus, a: number, b: number): boolean {
  return (c.primary[a] === 0 || c.primary[b] === 0) && c.category[a] === c.category[b];
}

function weightedScore(sims: Float64Array, weights: Float64Array): number {
  let sum = 0;
  for (let k = 0; k < sims.length; k++) sum += weights[k]! * sims[k]!;
  return sum < 0 ? 0 : sum > 1 ? 1 : sum;
}

// ---------------------------------------------------------------------------------------------
// Candidates

type Visit = (j: number, i: number) => void;

/**
 * Calls `visit` for every pair sharing a key (category or named activity), a school year and a
 * municipality (or one of them serving the whole district), each pair once. The blocks are
 * compressed lists in typed arrays, each sorted by measure, so a measure scans only the measures
 * before it.
 */
function blocks(c: Corpus, gates: Gates, visit: Visit): number {
  const n = c.size;
  const years = gates.period ? c.maxYear - c.minYear + 1 : 1;
  const places = Math.max(1, c.municipalities.length);
  // Keys: the category (all its measures), the category's measures whose titles name no activity,
  // and each activity. Two measures whose titles both name activities meet only under a shared
  // activity: with different ones the purpose rule rules them out whatever else they share. So a
  // measure whose title names an activity probes its category only for the ones without.
  const categories = categoryKeys.length;
  const keyCount = 2 * categories + overlapPurposes.length;
  const keyStart = new Int32Array(n + 1);
  const keyList: number[] = [];
  const probeStart = new Int32Array(n + 1);
  const probeList: number[] = [];
  for (let i = 0; i < n; i++) {
    const category = c.category[i]!;
    const titled = c.titled[i] === 1;
    keyList.push(category);
    if (!titled) keyList.push(categories + category);
    probeList.push(titled ? categories + category : category);
    const p = c.primary[i]!;
    for (let b = 0; b < overlapPurposes.length; b++)
      if (p & (1 << b)) {
        keyList.push(2 * categories + b);
        probeList.push(2 * categories + b);
      }
    keyStart[i + 1] = keyList.length;
    probeStart[i + 1] = probeList.length;
  }
  const keys = Int32Array.from(keyList);
  const probes = Int32Array.from(probeList);
  const local = (i: number) => gates.area && c.whole[i] === 0;
  const localStart = new Int32Array(keyCount * years * places + 1);
  const wholeStart = new Int32Array(keyCount * years + 1);
  const allStart = new Int32Array(keyCount * years + 1);
  // Pass 1: count; pass 2: fill in measure order.
  for (let pass = 0; pass < 2; pass++) {
    const localData = pass === 1 ? new Int32Array(localStart[localStart.length - 1]!) : undefined;
    const wholeData = pass === 1 ? new Int32Array(wholeStart[wholeStart.length - 1]!) : undefined;
    const allData = pass === 1 ? new Int32Array(allStart[allStart.length - 1]!) : undefined;
    const localFill = pass === 1 ? localStart.slice() : undefined;
    const wholeFill = pass === 1 ? wholeStart.slice() : undefined;
    const allFill = pass === 1 ? allStart.slice() : undefined;
    for (let i = 0; i < n; i++) {
      const y0 = gates.period ? c.firstYear[i]! - c.minYear : 0;
      const y1 = gates.period ? c.lastYear[i]! - c.minYear : 0;
      const isLocal = local(i);
      for (let q = keyStart[i]!; q < keyStart[i + 1]!; q++) {
        const k = keys[q]!;
        for (let y = y0; y <= y1; y++) {
          const ky = k * years + y;
          if (pass === 0) {
            allStart[ky + 1]!++;
            if (!isLocal) wholeStart[ky + 1]!++;
            else
              for (let a = c.areaStart[i]!; a < c.areaStart[i + 1]!; a++)
                localStart[ky * places + c.areaData[a]! + 1]!++;
          } else {
            allData![allFill![ky]!++] = i;
            if (!isLocal) wholeData![wholeFill![ky]!++] = i;
            else
              for (let a = c.areaStart[i]!; a < c.areaStart[i + 1]!; a++)
                localData![localFill![ky * places + c.areaData[a]!]!++] = i;
          }
        }
      }
    }
    if (pass === 0) {
      for (let k = 1; k < localStart.length; k++) localStart[k]! += localStart[k - 1]!;
      for (let k = 1; k < wholeStart.length; k++) wholeStart[k]! += wholeStart[k - 1]!;
      for (let k = 1; k < allStart.length; k++) allStart[k]! += allStart[k - 1]!;
      continue;
    }
    const stamp = new Int32Array(n).fill(-1);
    let visited = 0;
    const scan = (data: Int32Array, from: number, to: number, i: number) => {
      for (let q = from; q < to; q++) {
        const j = data[q]!;
        if (j >= i) return;
        if (stamp[j] === i) continue;
        stamp[j] = i;
        visited++;
        visit(j, i);
      }
    };
    for (let i = 0; i < n; i++) {
      const y0 = gates.period ? c.firstYear[i]! - c.minYear : 0;
      const y1 = gates.period ? c.lastYear[i]! - c.minYear : 0;
      const isLocal = local(i);
      for (let q = probeStart[i]!; q < probeStart[i + 1]!; q++) {
        const k = probes[q]!;
        for (let y = y0; y <= y1; y++) {
          const ky = k * years + y;
          if (!isLocal) scan(allData!, allStart[ky]!, allStart[ky + 1]!, i);
          else {
            for (let a = c.areaStart[i]!; a < c.areaStart[i + 1]!; a++) {
              const b = ky * places + c.areaData[a]!;
              scan(localData!, localStart[b]!, localStart[b + 1]!, i);
            }
            scan(wholeData!, wholeStart[ky]!, wholeStart[ky + 1]!, i);
          }
        }
      }
    }
    return visited;
  }
  return 0;
}

// ---------------------------------------------------------------------------------------------
// Reasons

function list(values: readonly string[], max = 5): string {
  return values.length > max ? `${values.slice(0, max).join(", ")}, …` : values.join(", ");
}

function percent(value: number): string {
  return String(Math.round(value * 100));
}

function purposeNames(mask: number, locale: "de" | "en"): string {
  const names: string[] = [];
  overlapPurposes.forEach((p, b) => {
    if (mask & (1 << b)) names.push(purposeName(p, locale));
  });
  return list(names);
}

function purposeKeys(mask: number): string[] {
  return overlapPurposes.filter((_, b) => mask & (1 << b));
}

function familyText(mask: number, locale: "de" | "en"): string {
  return familyNames
    .filter(([bit]) => mask & bit)
    .map(([, t]) => t[locale])
    .join(", ");
}

function ruling(c: Corpus, a: number, b: number, rule: number): OverlapRuling {
  const ma = c.measures[a]!;
  const mb = c.measures[b]!;
  const range = (r: { min: number; max: number } | undefined) =>
    r ? (r.min === r.max ? String(r.min) : `${r.min}–${r.max}`) : "";
  switch (rule) {
    case RULE_PURPOSE: {
      const pa = c.primary[a]!;
      const pb = c.primary[b]!;
      if (pa !== 0 && pb !== 0 && (pa & pb) === 0)
        return {
          kind: "purpose",
          text: text(
            `Verschiedene Angebotsarten: ${purposeNames(pa, "de")} und ${purposeNames(pb, "de")}`,
            `Different activities: ${purposeNames(pa, "en")} and ${purposeNames(pb, "en")}`,
          ),
        };
      if (
        (pa === 0 || pb === 0) &&
        (c.purposes[a]! & c.purposes[b]!) === 0 &&
        c.category[a] !== c.category[b]
      )
        return {
          kind: "purpose",
          text: text(
            "Verschiedene Kategorien und keine gemeinsame Angebotsart",
            "Different categories and no shared activity",
          ),
        };
      return {
        kind: "purpose",
        text: text(
          "Keine gemeinsame Angebotsart in beiden Titeln und zu wenig ähnlicher Text: die gleiche Kategorie allein ist nicht der gleiche Zweck",
          "No shared activity named in both titles and too little alike in wording: the same category alone is not the same purpose",
        ),
      };
    }
    case RULE_STAGE:
      return {
        kind: "stage",
        text: text(
          `Aufeinanderfolgende Stufen, die sich ergänzen: ${purposeNames(c.primary[a]! & chainMask, "de")} und ${purposeNames(c.primary[b]! & chainMask, "de")}`,
          `Successive stages that complement each other: ${purposeNames(c.primary[a]! & chainMask, "en")} and ${purposeNames(c.primary[b]! & chainMask, "en")}`,
        ),
      };
    case RULE_AUDIENCE:
      return {
        kind: "audience",
        text: text(
          `Verschiedene Zielgruppen: ${familyText(c.audience[a]!, "de")} und ${familyText(c.audience[b]!, "de")}`,
          `Different target groups: ${familyText(c.audience[a]!, "en")} and ${familyText(c.audience[b]!, "en")}`,
        ),
      };
    case RULE_GRADES:
      return {
        kind: "grades",
        text: text(
          `Klassenstufen überschneiden sich nicht: ${range(ma.grades)} und ${range(mb.grades)}`,
          `Grades do not overlap: ${range(ma.grades)} and ${range(mb.grades)}`,
        ),
      };
    case RULE_AGES:
      return {
        kind: "ages",
        text: text(
          `Altersgruppen überschneiden sich nicht: ${range(ma.ages)} und ${range(mb.ages)} Jahre`,
          `Ages do not overlap: ${range(ma.ages)} and ${range(mb.ages)} years`,
        ),
      };
    case RULE_AREA:
      if (
        c.whole[a] === 0 &&
        c.whole[b] === 0 &&
        partialPlace(c, a, b) &&
        sharedCount(c.areaData, c.areaStart[a]!, c.areaStart[a + 1]!, c.areaStart[b]!, c.areaStart[b + 1]!) >
          0
      )
        return {
          kind: "area",
          text: text(
            "Die Orte überschneiden sich nur teilweise (ein Angebot gilt für ein viel größeres Gebiet); es fehlen stärkere Belege (gleiche Angebotsart in beiden Titeln, gleiche Klassen, Alter oder Zielgruppen, beide mit Enddatum)",
            "The places overlap only in part (one offer serves a much larger area); stronger evidence is missing (the same activity in both titles, the same grades, ages or target groups, both with an end date)",
          ),
        };
      if (c.whole[a] !== c.whole[b])
        return {
          kind: "area",
          text: text(
            "Ein kreisweites und ein örtliches Angebot überschneiden sich nur teilweise; es fehlen stärkere Belege (gleiche Angebotsart in beiden Titeln, gleiche Klassen, Alter oder Zielgruppen, beide mit Enddatum)",
            "A district-wide and a local offer overlap only in part; stronger evidence is missing (the same activity in both titles, the same grades, ages or target groups, both with an end date)",
          ),
        };
      return {
        kind: "area",
        text: text(
          `Keine gemeinsame Gemeinde: ${list(ma.areaServed)} und ${list(mb.areaServed)}`,
          `No shared municipality: ${list(ma.areaServed)} and ${list(mb.areaServed)}`,
        ),
      };
    default:
      return {
        kind: "period",
        text: text(
          `Zeiträume überschneiden sich nicht: ${ma.from} bis ${ma.to ?? "offen"} und ${mb.from} bis ${mb.to ?? "offen"}`,
          `Periods do not overlap: ${ma.from} to ${ma.to ?? "open end"} and ${mb.from} to ${mb.to ?? "open end"}`,
        ),
      };
  }
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
  const mb = c.measures[b]!;
  for (let k = 0; k < overlapReasonKinds.length; k++) {
    const similarity = sims[k]!;
    const weight = weights[k]!;
    if (similarity <= 0 || weight <= 0) continue;
    const kind = overlapReasonKinds[k]!;
    let shared: string[] = [];
    let sentence: LocalizedText;
    switch (kind) {
      case "purpose": {
        const both = c.primary[a]! & c.primary[b]!;
        const mask = both !== 0 ? both : c.purposes[a]! & c.purposes[b]!;
        shared = purposeKeys(mask);
        sentence =
          mask === 0
            ? text(
                `Gleiche Kategorie und ähnliche Beschreibung (${percent(similarity)} %)`,
                `Same category and alike description (${percent(similarity)}%)`,
              )
            : both !== 0 && c.titled[a]! & c.titled[b]!
              ? text(
                  `Gleiche Angebotsart: ${purposeNames(mask, "de")}`,
                  `Same activity: ${purposeNames(mask, "en")}`,
                )
              : text(
                  `Angebotsart in der Beschreibung genannt: ${purposeNames(mask, "de")}`,
                  `Activity named in the description: ${purposeNames(mask, "en")}`,
                );
        break;
      }
      case "category": {
        const label = (measureCategoryLabels as LabelMap)[ma.category];
        shared = [ma.category];
        sentence = text(
          `Gleiche Kategorie: ${label?.de ?? ma.category}`,
          `Same category: ${label?.en ?? ma.category}`,
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
            const word = c.surface(x);
            if (!overlapPurposes.includes(word as OverlapPurpose))
              common.push({ word, part: c.weightData[i]! * c.weightData[j]! });
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
      case "targetGroups": {
        const mask = c.groups[a]! & c.groups[b]!;
        shared = groupKeys.filter((_, g) => mask & (1 << g));
        const names = (locale: "de" | "en") =>
          shared.length
            ? list(shared.map((g) => (targetGroupLabels as LabelMap)[g]?.[locale] ?? g))
            : familyText(c.audience[a]! & c.audience[b]!, locale);
        sentence = text(`Gleiche junge Menschen: ${names("de")}`, `Same young people: ${names("en")}`);
        break;
      }
      case "grades":
      case "ages": {
        const grades = kind === "grades";
        const min = grades ? c.gradeMin : c.ageMin;
        const max = grades ? c.gradeMax : c.ageMax;
        if (min[a]! < 0 || min[b]! < 0) {
          sentence = grades
            ? text(
                min[a]! < 0 && min[b]! < 0
                  ? "Beide ohne Klassenstufen"
                  : "Klassenstufen nur bei einem Angebot angegeben",
                min[a]! < 0 && min[b]! < 0 ? "Neither gives grades" : "Only one gives grades",
              )
            : text(
                min[a]! < 0 && min[b]! < 0
                  ? "Beide ohne Altersangabe"
                  : "Alter nur bei einem Angebot angegeben",
                min[a]! < 0 && min[b]! < 0 ? "Neither gives ages" : "Only one gives ages",
              );
          break;
        }
        const lo = Math.max(min[a]!, min[b]!);
        const hi = Math.min(max[a]!, max[b]!);
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
          sentence = text("Beide für den ganzen Kreis", "Both serve the whole district");
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
        sentence = note
          ? text(
              `Teilweise gleicher Ort: ein Angebot gilt für den ganzen Kreis, das andere für ${list(shared)}`,
              `Partly the same place: one offer serves the whole district, the other ${list(shared)}`,
            )
          : text(
              `${shared.length} gemeinsame Gemeinde(n): ${list(shared)}`,
              `${shared.length} shared municipalit${shared.length === 1 ? "y" : "ies"}: ${list(shared)}`,
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
        if (ma.baMeasureType && ma.baMeasureType === mb.baMeasureType) shared.unshift(ma.baMeasureType);
        sentence = text(`Gleiche Förderung: ${list(shared)}`, `Same funding: ${list(shared)}`);
        break;
      }
    }
    reasons.push({ kind, similarity, weight, contribution: weight * similarity, shared, text: sentence });
  }
  return reasons;
}

// ---------------------------------------------------------------------------------------------
// Options, reviews, clusters

/** Validates the tunable options; throws a RangeError with a German and English message. */
function settingsOf(options: OverlapOptions): OverlapSettings {
  const { reviews: _r, exhaustive: _e, ...settings } = options;
  const parsed = OverlapSettings.safeParse(settings);
  if (!parsed.success) throw new RangeError(parsed.error.issues.map((i) => i.message).join("; "));
  return parsed.data;
}

function resolveWeights(
  partial: { readonly [K in OverlapReasonKind]?: number | undefined } | undefined,
): OverlapWeights {
  const merged: Record<OverlapReasonKind, number> = { ...defaultOverlapWeights };
  for (const k of overlapReasonKinds) if (partial?.[k] !== undefined) merged[k] = partial[k]!;
  const total = overlapReasonKinds.reduce((sum, k) => sum + merged[k], 0);
  if (!(total > 0))
    throw new RangeError(
      messageOf("Die Gewichte müssen größer als null sein.", "Weights must be greater than zero."),
    );
  return Object.fromEntries(
    overlapReasonKinds.map((k) => [k, merged[k] / total]),
  ) as unknown as OverlapWeights;
}

/** Whether a review still applies to the two measures as they are now. */
export function overlapReviewIsCurrent(
  review: Pick<OverlapReviewInput, "measureIds" | "measureVersions" | "measureFingerprints">,
  measures: readonly [OverlapMeasure, OverlapMeasure],
): boolean {
  const [p, q] = measures;
  const sameOrder = review.measureIds[0] === p.id;
  const first = sameOrder ? 0 : 1;
  const second = sameOrder ? 1 : 0;
  if (review.measureFingerprints)
    return (
      review.measureFingerprints[first] === overlapFingerprint(p) &&
      review.measureFingerprints[second] === overlapFingerprint(q)
    );
  return review.measureVersions[first] === p.version && review.measureVersions[second] === q.version;
}

/** The pairs found: measure indexes and scores, in growing typed arrays (16 bytes a pair). */
class Hits {
  length = 0;
  a = new Int32Array(1024);
  b = new Int32Array(1024);
  score = new Float64Array(1024);
  push(a: number, b: number, score: number): void {
    if (this.length === this.a.length) {
      const size = this.a.length * 2;
      const a2 = new Int32Array(size);
      a2.set(this.a);
      this.a = a2;
      const b2 = new Int32Array(size);
      b2.set(this.b);
      this.b = b2;
      const s2 = new Float64Array(size);
      s2.set(this.score);
      this.score = s2;
    }
    const at = this.length++;
    this.a[at] = a;
    this.b[at] = b;
    this.score[at] = score;
  }
}

/** What a pair needs to write its reasons when they are read: the corpus and the weights of the run. */
interface PairContext {
  readonly corpus: Corpus;
  readonly weights: Float64Array;
  /** The measures' ids, by index. */
  readonly ids: readonly MeasureId[];
}

/** Fills `out` with the similarities of a pair, text included: what its reasons and contributions come from. */
function allSimilarities(c: Corpus, a: number, b: number, out: Float64Array): void {
  similarities(c, a, b, out);
  addText(c, a, b, out);
}

/**
 * A pair whose reasons are written when first read (and then kept): a caller that counts pairs
 * or checks reviews does not pay for the sentences. `JSON.stringify` writes them (`toJSON`).
 */
class LazyPair implements OverlapPair {
  readonly score: number;
  readonly sameProvider: boolean;
  declare review?: OverlapPairReview;
  readonly #context: PairContext;
  readonly #a: number;
  readonly #b: number;
  #ids: readonly [MeasureId, MeasureId] | undefined;
  #reasons: OverlapReason[] | undefined;
  static first(pair: OverlapPair): number {
    return (pair as LazyPair).#a;
  }
  static second(pair: OverlapPair): number {
    return (pair as LazyPair).#b;
  }
  constructor(score: number, context: PairContext, a: number, b: number) {
    this.score = score;
    this.sameProvider = context.corpus.provider[a] === context.corpus.provider[b];
    this.#context = context;
    this.#a = a;
    this.#b = b;
  }
  get measureIds(): readonly [MeasureId, MeasureId] {
    this.#ids ??= [this.#context.ids[this.#a]!, this.#context.ids[this.#b]!];
    return this.#ids;
  }
  get reasons(): readonly OverlapReason[] {
    if (!this.#reasons) {
      const { corpus, weights } = this.#context;
      const sims = new Float64Array(overlapReasonKinds.length);
      allSimilarities(corpus, this.#a, this.#b, sims);
      this.#reasons = explain(corpus, this.#a, this.#b, sims, weights);
    }
    return this.#reasons;
  }
  toJSON(): OverlapPair {
    return {
      measureIds: this.measureIds,
      score: this.score,
      reasons: this.reasons,
      sameProvider: this.sameProvider,
      ...(this.review ? { review: this.review } : {}),
    };
  }
}

/** How often each dimension contributes among a cluster's pairs, from their similarities (computed here). */
function clusterReasons(pairs: readonly OverlapPair[], context: PairContext): OverlapClusterReason[] {
  const dimensions = overlapReasonKinds.length;
  const count = new Float64Array(dimensions);
  const sum = new Float64Array(dimensions);
  const sims = new Float64Array(dimensions);
  const { corpus, weights } = context;
  for (const pair of pairs) {
    allSimilarities(corpus, LazyPair.first(pair), LazyPair.second(pair), sims);
    for (let k = 0; k < dimensions; k++) {
      const part = sims[k]! * weights[k]!;
      if (part <= 0) continue;
      count[k]!++;
      sum[k]! += part;
    }
  }
  return overlapReasonKinds
    .map((kind, k) => ({ kind, k }))
    .filter(({ k }) => count[k]! > 0)
    .map(({ kind, k }) => {
      const n = count[k]!;
      const label = overlapReasonLabels[kind];
      return {
        kind,
        pairs: n,
        meanContribution: sum[k]! / n,
        text: text(
          `${label.de}: ${n} von ${pairs.length} Paaren`,
          `${label.en}: ${n} of ${pairs.length} pairs`,
        ),
      };
    })
    .sort((p, q) => q.pairs - p.pairs || q.meanContribution - p.meanContribution);
}

/** A cluster whose reasons are counted when first read (and then kept); `JSON.stringify` counts them. */
class LazyCluster implements OverlapCluster {
  readonly measureIds: readonly MeasureId[];
  readonly maxScore: number;
  readonly meanScore: number;
  readonly #members: readonly OverlapPair[];
  readonly #context: PairContext;
  #pairs: (readonly [MeasureId, MeasureId])[] | undefined;
  #reasons: OverlapClusterReason[] | undefined;
  constructor(measureIds: MeasureId[], members: readonly OverlapPair[], context: PairContext) {
    let max = 0;
    let sum = 0;
    for (let k = 0; k < members.length; k++) {
      const score = members[k]!.score;
      if (score > max) max = score;
      sum += score;
    }
    this.measureIds = measureIds;
    this.maxScore = max;
    this.meanScore = sum / members.length;
    this.#members = members;
    this.#context = context;
  }
  get pairs(): readonly (readonly [MeasureId, MeasureId])[] {
    this.#pairs ??= this.#members.map((p) => p.measureIds);
    return this.#pairs;
  }
  get reasons(): readonly OverlapClusterReason[] {
    this.#reasons ??= clusterReasons(this.#members, this.#context);
    return this.#reasons;
  }
  toJSON(): OverlapCluster {
    return {
      measureIds: this.measureIds,
      pairs: this.pairs,
      maxScore: this.maxScore,
      meanScore: this.meanScore,
      reasons: this.reasons,
    };
  }
}

/**
 * Connected components of the pairs (in their order), over measure indexes; members in the order
 * of `rank` (the measures' ids, ascending).
 */
function buildClusters(
  pairs: readonly OverlapPair[],
  rank: Int32Array,
  context: PairContext,
): OverlapCluster[] {
  const n = rank.length;
  const parent = new Int32Array(n).fill(-1);
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
    const a = LazyPair.first(pair);
    const b = LazyPair.second(pair);
    if (parent[a] === -1) parent[a] = a;
    if (parent[b] === -1) parent[b] = b;
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) {
      if (rank[ra]! < rank[rb]!) parent[rb] = ra;
      else parent[ra] = rb;
    }
  }
  const groupOf = new Int32Array(n).fill(-1);
  const groups: { members: number[]; pairs: OverlapPair[] }[] = [];
  for (const pair of pairs) {
    const root = find(LazyPair.first(pair));
    let g = groupOf[root]!;
    if (g < 0) {
      g = groups.length;
      groupOf[root] = g;
      groups.push({ members: [], pairs: [] });
    }
    groups[g]!.pairs.push(pair);
  }
  for (let k = 0; k < n; k++) {
    if (parent[k] === -1) continue;
    const g = groupOf[find(k)]!;
    groups[g]!.members.push(k);
  }
  const clusters = groups.map((group) => {
    group.members.sort((x, y) => rank[x]! - rank[y]!);
    return new LazyCluster(
      group.members.map((k) => context.ids[k]!),
      group.pairs,
      context,
    );
  });
  return clusters.sort(
    (p, q) =>
      q.measureIds.length - p.measureIds.length ||
      q.maxScore - p.maxScore ||
      (p.measureIds[0]! < q.measureIds[0]! ? -1 : 1),
  );
}

// ---------------------------------------------------------------------------------------------
// Entry points

/**
 * Compares two measures as {@link findOverlaps} does, and also says why a pair is ruled out: for
 * a duplicate check when a measure is entered, and for explaining a pair that is not reported.
 * The text weights come from these two measures alone.
 */
export function compareOverlap(
  a: OverlapMeasure,
  b: OverlapMeasure,
  options: Omit<OverlapOptions, "reviews" | "exhaustive"> = {},
): OverlapComparison {
  const settings = settingsOf(options);
  const threshold = settings.threshold ?? defaultOverlapThreshold;
  const weights = resolveWeights(settings.weights);
  const weightVector = Float64Array.from(overlapReasonKinds.map((k) => weights[k]));
  const gates: Gates = {
    area: settings.requireSharedArea ?? true,
    period: settings.requireSharedPeriod ?? true,
  };
  const strongText = settings.strongText ?? defaultOverlapStrongText;
  const corpus = prepare([a, b]);
  const ruledOut: OverlapRuling[] = [];
  let purpose = purposeRule(corpus, 0, 1);
  if (purpose < 0 && !namedTogether(corpus, 0, 1) && cosine(corpus, 0, 1) < strongText)
    purpose = RULE_PURPOSE;
  for (let rule = 0; rule < overlapRuleKinds.length; rule++) {
    if (purpose === rule || appliesRule(corpus, rule, gates)) ruledOut.push(ruling(corpus, 0, 1, rule));
  }
  const sims = new Float64Array(overlapReasonKinds.length);
  similarities(corpus, 0, 1, sims);
  addText(corpus, 0, 1, sims);
  const score = weightedScore(sims, weightVector);
  const swap = b.id < a.id;
  return {
    measureIds: swap ? [b.id, a.id] : [a.id, b.id],
    redundant: ruledOut.length === 0 && score >= threshold,
    score,
    reasons: explain(corpus, 0, 1, sims, weightVector),
    ruledOut,
    sameProvider: a.providerActorId === b.providerActorId,
  };
}

/** Whether a rule other than purpose and stage applies to the pair 0, 1 of a corpus of two. */
function appliesRule(c: Corpus, rule: number, gates: Gates): boolean {
  switch (rule) {
    case RULE_GRADES:
      return (
        c.gradeMin[0]! >= 0 &&
        c.gradeMin[1]! >= 0 &&
        (c.gradeMax[0]! < c.gradeMin[1]! || c.gradeMax[1]! < c.gradeMin[0]!)
      );
    case RULE_AGES:
      return (
        c.ageMin[0]! >= 0 && c.ageMin[1]! >= 0 && (c.ageMax[0]! < c.ageMin[1]! || c.ageMax[1]! < c.ageMin[0]!)
      );
    case RULE_AUDIENCE:
      return (c.audience[0]! & c.audience[1]!) === 0;
    case RULE_AREA:
      if (!gates.area) return false;
      if (
        c.whole[0] === 0 &&
        c.whole[1] === 0 &&
        sharedCount(c.areaData, c.areaStart[0]!, c.areaStart[1]!, c.areaStart[1]!, c.areaStart[2]!) === 0
      )
        return true;
      return partialPlace(c, 0, 1) && !partialEvidence(c, 0, 1);
    case RULE_PERIOD:
      return gates.period && Math.min(c.end[0]!, c.end[1]!) < Math.max(c.start[0]!, c.start[1]!);
    default:
      return false;
  }
}

/**
 * Finds redundant offers among measures: scored pairs with their reasons (German and English),
 * clusters of connected pairs, and the pairs dismissed by current "complementary" reviews.
 *
 * @example
 * const { pairs, clusters, dismissed } = findOverlaps(network.measure, { reviews: network.overlapReview });
 * pairs[0]?.reasons.map((r) => r.text.de); // ["Gleiche Angebotsart: Bewerbungstraining", …]
 */
export function findOverlaps(
  measures: readonly OverlapMeasure[],
  options: OverlapOptions = {},
): OverlapResult {
  const settings = settingsOf(options);
  const threshold = settings.threshold ?? defaultOverlapThreshold;
  const weights = resolveWeights(settings.weights);
  const weightVector = Float64Array.from(overlapReasonKinds.map((k) => weights[k]));
  const gates: Gates = {
    area: settings.requireSharedArea ?? true,
    period: settings.requireSharedPeriod ?? true,
  };
  const included = measures.filter(
    (m) => (settings.includeDeleted || !m.deleted) && (settings.includeCancelled || m.status !== "cancelled"),
  );
  const corpus = prepare(included);
  const exhaustive = options.exhaustive ?? false;

  const strongText = settings.strongText ?? defaultOverlapStrongText;
  const sims = new Float64Array(overlapReasonKinds.length);
  const textWeight = weightVector[2]!;
  const purposeWeight = weightVector[0]!;
  const found = new Hits();
  const ruled = new Int32Array(overlapRuleKinds.length);
  let scored = 0;
  const visit: Visit = (j, i) => {
    const rule = ruleOut(corpus, j, i, gates);
    if (rule >= 0) {
      ruled[rule]!++;
      return;
    }
    if (!namedTogether(corpus, j, i) && cosine(corpus, j, i) < strongText) {
      ruled[RULE_PURPOSE]!++;
      return;
    }
    if (gates.area && partialPlace(corpus, j, i) && !partialEvidence(corpus, j, i)) {
      ruled[RULE_AREA]!++;
      return;
    }
    scored++;
    similarities(corpus, j, i, sims);
    const structure = weightedScore(sims, weightVector);
    // The cosine is the costly part: skip it when even identical texts would not reach the threshold.
    const rise = purposeFromText(corpus, j, i) ? purposeWeight * (1 - sims[0]!) : 0;
    if (structure + textWeight + rise < threshold - 1e-12) return;
    addText(corpus, j, i, sims);
    const score = weightedScore(sims, weightVector);
    if (score < threshold) return;
    found.push(j, i, score);
  };
  let compared: number;
  if (exhaustive) {
    const n = corpus.size;
    for (let i = 1; i < n; i++) for (let j = 0; j < i; j++) visit(j, i);
    compared = (n * (n - 1)) / 2;
  } else compared = blocks(corpus, gates, visit);

  // The measures' ids in ascending order, as a rank per measure: pairs and members are ordered by it.
  const n = corpus.size;
  const order = new Array<number>(n);
  for (let k = 0; k < n; k++) order[k] = k;
  const ids = included.map((m) => m.id);
  order.sort((x, y) => (ids[x]! < ids[y]! ? -1 : ids[x]! > ids[y]! ? 1 : 0));
  const rank = new Int32Array(n);
  for (let k = 0; k < n; k++) rank[order[k]!] = k;

  // The latest review of each pair, by the pair's measure indexes.
  const reviews = new Map<number, OverlapReviewInput>();
  if (options.reviews && options.reviews.length > 0 && found.length > 0) {
    const indexOf = new Map<string, number>();
    for (let k = 0; k < n; k++) indexOf.set(ids[k]!, k);
    for (const review of options.reviews) {
      if (review.deleted) continue;
      const x = indexOf.get(review.measureIds[0]);
      const y = indexOf.get(review.measureIds[1]);
      if (x === undefined || y === undefined) continue;
      const key = Math.min(x, y) * n + Math.max(x, y);
      const previous = reviews.get(key);
      if (
        !previous ||
        review.reviewedAt > previous.reviewedAt ||
        (review.reviewedAt === previous.reviewedAt && review.id > previous.id)
      )
        reviews.set(key, review);
    }
  }

  // Highest score first, then by the ids.
  const hitOrder = new Int32Array(found.length);
  for (let h = 0; h < found.length; h++) {
    hitOrder[h] = h;
    const a = found.a[h]!;
    const b = found.b[h]!;
    if (rank[b]! < rank[a]!) {
      found.a[h] = b;
      found.b[h] = a;
    }
  }
  const rankA = new Int32Array(found.length);
  const rankB = new Int32Array(found.length);
  for (let h = 0; h < found.length; h++) {
    const a = found.a[h]!;
    const b = found.b[h]!;
    rankA[h] = rank[a]!;
    rankB[h] = rank[b]!;
  }
  hitOrder.sort(
    (x, y) => found.score[y]! - found.score[x]! || rankA[x]! - rankA[y]! || rankB[x]! - rankB[y]!,
  );
  const context: PairContext = { corpus, weights: weightVector, ids };
  const pairs: OverlapPair[] = [];
  const dismissed: DismissedOverlap[] = [];
  for (let k = 0; k < hitOrder.length; k++) {
    const hit = hitOrder[k]!;
    const a = found.a[hit]!;
    const b = found.b[hit]!;
    const pair = new LazyPair(found.score[hit]!, context, a, b);
    const review = reviews.size > 0 ? reviews.get(Math.min(a, b) * n + Math.max(a, b)) : undefined;
    if (!review) {
      pairs.push(pair);
      continue;
    }
    const current = overlapReviewIsCurrent(review, [included[a]!, included[b]!]);
    pair.review = { id: review.id, verdict: review.verdict, reviewedAt: review.reviewedAt, current };
    if (current && review.verdict === "complementary") dismissed.push(pair as DismissedOverlap);
    else pairs.push(pair);
  }

  return {
    pairs,
    clusters: buildClusters(pairs, rank, context),
    dismissed,
    threshold,
    weights,
    stats: {
      measures: included.length,
      ignored: measures.length - included.length,
      candidates: compared,
      ruledOut: Object.fromEntries(overlapRuleKinds.map((k, r) => [k, ruled[r]!])) as Record<
        OverlapRuleKind,
        number
      >,
      scored,
      strategy: exhaustive ? "all-pairs" : "blocks",
    },
  };
}
