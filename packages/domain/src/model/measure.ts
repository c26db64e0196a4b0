import { z } from "zod";
import type { FieldLabels } from "../common/field-labels.js";
import { text } from "../common/i18n.js";
import { idSchema } from "../common/ids.js";
import { labelledEnum } from "../common/labels.js";
import {
  checkOrder,
  Illustrative,
  IsoDate,
  IsoDateTime,
  LongText,
  Name,
  patchOf,
  recordMeta,
} from "../common/record.js";
import { report } from "../common/validation.js";
import { ActorId, Address } from "./actor.js";
import { FundingProgrammeId } from "./funding.js";

/** Id of a {@link Measure}. */
export const MeasureId = idSchema("msr", "MeasureId");
export type MeasureId = z.infer<typeof MeasureId>;

/** The sectors of the federal integrated training statistics (iABE, BIBB): official. */
export const iabeSectorLabels = {
  I: text("Sektor I: Berufsausbildung", "Sector I: vocational training"),
  II: text(
    "Sektor II: Integration in Berufsausbildung (Übergangsbereich)",
    "Sector II: integration into training (transition system)",
  ),
  III: text(
    "Sektor III: Erwerb der Hochschulzugangsberechtigung (Sek II)",
    "Sector III: university entrance qualification (upper secondary)",
  ),
  IV: text("Sektor IV: Studium", "Sector IV: higher education"),
  other: text("Sonstige Sektoren", "Other sectors"),
} as const;
/** An iABE sector. */
export const IabeSector = labelledEnum("IabeSector", iabeSectorLabels);
export type IabeSector = z.infer<typeof IabeSector>;

export const measureCategoryLabels = {
  vocational_orientation: text("Berufliche Orientierung", "Vocational orientation"),
  potential_analysis: text("Potenzialanalyse / Standortbestimmung", "Potential analysis"),
  internship: text("Praktikum / Praxisphase", "Internship / practical phase"),
  counselling: text("Beratung und Begleitung", "Counselling and mentoring"),
  application_support: text("Bewerbung und Vermittlung", "Application support and placement"),
  transition_support: text("Übergangsbegleitung", "Transition support"),
  pre_vocational: text(
    "Berufsvorbereitung (Übergangsbereich)",
    "Pre-vocational training (transition system)",
  ),
  school_qualification: text("Schulabschluss nachholen", "Second-chance school qualification"),
  training_support: text("Ausbildungsbegleitung", "Support during training"),
  vocational_training: text("Ausbildung", "Vocational training"),
  language_integration: text("Sprache und Integration", "Language and integration"),
  parents: text("Elternarbeit", "Work with parents"),
  employer_engagement: text("Einbindung der Wirtschaft", "Employer engagement"),
  other: text("Sonstiges Angebot", "Other offer"),
} as const;
/** The category of a measure, used for overlap and coverage analyses. */
export const MeasureCategory = labelledEnum("MeasureCategory", measureCategoryLabels);
export type MeasureCategory = z.infer<typeof MeasureCategory>;

export const targetGroupLabels = {
  pupils_lower_secondary: text("Schülerinnen und Schüler Sek I", "Pupils, lower secondary"),
  pupils_upper_secondary: text("Schülerinnen und Schüler Sek II", "Pupils, upper secondary"),
  pupils_vocational_school: text(
    "Schülerinnen und Schüler berufsbildender Schulen",
    "Vocational school pupils",
  ),
  without_first_qualification: text("Ohne Ersten Schulabschluss", "Without first school-leaving certificate"),
  applicants: text("Bewerberinnen und Bewerber für Ausbildungsstellen", "Applicants for training places"),
  unplaced_applicants: text("Unversorgte Bewerberinnen und Bewerber", "Unplaced applicants"),
  applicants_earlier_years: text(
    "Bewerberinnen und Bewerber aus früheren Berichtsjahren",
    "Applicants from earlier years",
  ),
  trainees: text("Auszubildende", "Trainees"),
  training_dropouts: text("Ausbildungsabbrecherinnen und -abbrecher", "Training dropouts"),
  newly_arrived: text("Neu Zugewanderte", "Newly arrived young people"),
  migration_background: text(
    "Junge Menschen mit Migrationshintergrund",
    "Young people with a migration background",
  ),
  disability: text(
    "Junge Menschen mit Behinderung / sonderpäd. Förderbedarf",
    "Young people with disabilities / special needs",
  ),
  sgb2_hard_to_reach: text(
    "Schwer erreichbare junge Menschen (§ 16h SGB II)",
    "Hard-to-reach young people (§ 16h SGB II)",
  ),
  neet: text(
    "Weder in Beschäftigung noch in Ausbildung (NEET)",
    "Not in employment, education or training (NEET)",
  ),
  young_parents: text("Junge Eltern", "Young parents"),
  parents: text("Eltern und Erziehungsberechtigte", "Parents and guardians"),
  teachers: text("Lehrkräfte", "Teachers"),
  employers: text("Betriebe", "Employers"),
} as const;
/** A target-group term for measures and coverage (see the reference module for definitions). */
export const TargetGroup = labelledEnum("TargetGroup", targetGroupLabels);
export type TargetGroup = z.infer<typeof TargetGroup>;

export const baMeasureTypeLabels = {
  bvb: text(
    "BvB – Berufsvorbereitende Bildungsmaßnahme (§ 51 SGB III)",
    "BvB – pre-vocational training (§ 51 SGB III)",
  ),
  eq: text("EQ – Einstiegsqualifizierung (§ 54a SGB III)", "EQ – entry qualification (§ 54a SGB III)"),
  asa_flex: text(
    "AsA flex – Assistierte Ausbildung (§ 74 SGB III)",
    "AsA flex – assisted training (§ 74 SGB III)",
  ),
  bereb: text(
    "BerEb – Berufseinstiegsbegleitung (§ 49 SGB III)",
    "BerEb – career entry support (§ 49 SGB III)",
  ),
  bae: text("BaE – Außerbetriebliche Ausbildung", "BaE – training in external institutions"),
} as const;
/** A measure type of the Federal Employment Agency. */
export const BaMeasureType = labelledEnum("BaMeasureType", baMeasureTypeLabels);
export type BaMeasureType = z.infer<typeof BaMeasureType>;

export const measureStatusLabels = {
  planned: text("Geplant", "Planned"),
  running: text("Laufend", "Running"),
  completed: text("Abgeschlossen", "Completed"),
  cancelled: text("Nicht umgesetzt / abgebrochen", "Cancelled"),
} as const;
/** Where a measure stands. */
export const MeasureStatus = labelledEnum("MeasureStatus", measureStatusLabels);
export type MeasureStatus = z.infer<typeof MeasureStatus>;

export const scheduleKindLabels = {
  once: text("Einmalig", "Once"),
  block: text("Blockveranstaltung", "Block"),
  weekly: text("Wöchentlich", "Weekly"),
  monthly: text("Monatlich", "Monthly"),
  continuous: text("Fortlaufend / nach Vereinbarung", "Continuous / by appointment"),
} as const;
/** How a measure is scheduled. */
export const ScheduleKind = labelledEnum("ScheduleKind", scheduleKindLabels);
export type ScheduleKind = z.infer<typeof ScheduleKind>;

/** A closed range of whole numbers, e.g. grades 8–10 or ages 15–25. */
export const IntRange = z
  .strictObject({ min: z.int().min(0).max(99), max: z.int().min(0).max(99) })
  .superRefine((r, ctx) => {
    if (typeof r.min === "number" && typeof r.max === "number" && r.min > r.max)
      report(ctx, "min_above_max", ["max"]);
  })
  .meta({ id: "IntRange" });
export type IntRange = z.infer<typeof IntRange>;

/** Who pays for a measure and how much. */
export const FundingShare = z
  .strictObject({
    programmeId: FundingProgrammeId.optional(),
    source: z.string().trim().min(1).max(200).optional(),
    amountEur: z.number().min(0).optional(),
  })
  .meta({ id: "FundingShare" });
export type FundingShare = z.infer<typeof FundingShare>;

export const MeasureFields = z.strictObject({
  title: Name,
  description: LongText.optional(),
  providerActorId: ActorId,
  partnerActorIds: z.array(ActorId).default([]),
  category: MeasureCategory,
  iabeSector: IabeSector.optional(),
  iabeAccount: z
    .string()
    .trim()
    .max(120)
    .optional()
    .meta({ description: "An account (Konto) from the editable iABE list." }),
  baMeasureType: BaMeasureType.optional(),
  standardElement: z
    .string()
    .trim()
    .max(20)
    .optional()
    .meta({ description: "Code of a standard element, e.g. KAoA 'SBO 5.1'." }),
  targetGroups: z.array(TargetGroup).default([]),
  grades: IntRange.optional(),
  ages: IntRange.optional(),
  areaServed: z
    .array(z.string().regex(/^\d{8}$/))
    .default([])
    .meta({ description: "AGS keys of the municipalities served; empty means the whole region." }),
  from: IsoDate,
  to: IsoDate.optional(),
  schedule: ScheduleKind.optional(),
  scheduleNote: z.string().trim().max(300).optional(),
  places: z.int().min(0).optional().meta({ description: "Places per school year." }),
  funding: z.array(FundingShare).default([]),
  status: MeasureStatus.default("planned"),
  public: z.boolean().default(false),
  location: Address.optional(),
  url: z.httpUrl().optional(),
  contactEmail: z.email().optional(),
  lastVerifiedAt: IsoDateTime.optional(),
  lastVerifiedBy: z.string().trim().max(200).optional(),
  illustrative: Illustrative,
});

type MeasureLike = {
  from?: unknown;
  to?: unknown;
  targetGroups?: readonly unknown[];
  areaServed?: readonly unknown[];
};

function checkMeasure(m: MeasureLike, ctx: z.core.$RefinementCtx<unknown>) {
  checkOrder(ctx, m.from, m.to, ["to"]);
  for (const field of ["targetGroups", "areaServed"] as const) {
    const seen = new Set<unknown>();
    (m[field] ?? []).forEach((value, i) => {
      if (seen.has(value)) report(ctx, "duplicate_value", [field, i], { value: String(value) });
      seen.add(value);
    });
  }
}

/** What a client sends to create a measure. */
export const MeasureCreate = MeasureFields.superRefine(checkMeasure).meta({ id: "MeasureCreate" });
export type MeasureCreate = z.input<typeof MeasureCreate>;
/** A partial update of a measure. */
export const MeasurePatch = patchOf(MeasureFields, "MeasurePatch");
export type MeasurePatch = z.infer<typeof MeasurePatch>;
/**
 * A measure or offer (Maßnahme, Angebot) in the region: who provides it, for whom, where,
 * when, how many places and with which funding (maps to an Open Referral HSDS `service`).
 */
export const Measure = MeasureFields.extend({ id: MeasureId, ...recordMeta })
  .superRefine(checkMeasure)
  .meta({ id: "Measure" });
export type Measure = z.infer<typeof Measure>;

/** Id of an {@link OverlapReview}. */
export const OverlapReviewId = idSchema("ovr", "OverlapReviewId");
export type OverlapReviewId = z.infer<typeof OverlapReviewId>;

export const overlapVerdictLabels = {
  complementary: text("Ergänzen sich (keine Redundanz)", "Complementary (no redundancy)"),
  redundant: text("Redundant", "Redundant"),
  merge_planned: text("Zusammenlegung geplant", "Merger planned"),
} as const;
/** A coordinator's verdict on a suspected overlap of two measures. */
export const OverlapVerdict = labelledEnum("OverlapVerdict", overlapVerdictLabels);
export type OverlapVerdict = z.infer<typeof OverlapVerdict>;

export const OverlapReviewFields = z.strictObject({
  illustrative: Illustrative,
  measureIds: z.tuple([MeasureId, MeasureId]),
  measureVersions: z.tuple([z.int().min(1), z.int().min(1)]).meta({
    description:
      "The versions of the two measures when reviewed (reviews without fingerprints compare these).",
  }),
  measureFingerprints: z
    .tuple([z.string().regex(/^[0-9a-f]{16}$/), z.string().regex(/^[0-9a-f]{16}$/)])
    .optional()
    .meta({
      description:
        "Fingerprints of the two measures over the fields that make a pair redundant (overlapFingerprintFields) when reviewed; a change to one of those fields reopens the pair, a verification stamp or places count does not.",
    }),
  verdict: OverlapVerdict,
  note: z.string().max(2000).optional(),
  reviewedBy: z.string().trim().max(200).optional(),
  reviewedAt: IsoDateTime,
});

/** What a client sends to record an overlap review. */
export const OverlapReviewCreate = OverlapReviewFields.meta({ id: "OverlapReviewCreate" });
export type OverlapReviewCreate = z.input<typeof OverlapReviewCreate>;
/** A partial update of an overlap review. */
export const OverlapReviewPatch = patchOf(OverlapReviewFields, "OverlapReviewPatch");
export type OverlapReviewPatch = z.infer<typeof OverlapReviewPatch>;
/** A coordinator's review of a suspected redundancy between two measures. */
export const OverlapReview = OverlapReviewFields.extend({ id: OverlapReviewId, ...recordMeta }).meta({
  id: "OverlapReview",
});
export type OverlapReview = z.infer<typeof OverlapReview>;

/** The fields of a measure that a public catalogue shows: everything but who verified it. */
export const PublicMeasure = MeasureFields.omit({ lastVerifiedBy: true })
  .extend({ id: MeasureId, updatedAt: IsoDateTime })
  .meta({ id: "PublicMeasure" });
export type PublicMeasure = z.infer<typeof PublicMeasure>;

/** The statuses a public measure shows in the public catalogue with: all but cancelled. */
export const publishedStatuses: readonly MeasureStatus[] = MeasureStatus.options.filter(
  (s) => s !== "cancelled",
);

/** Whether a measure belongs in the public catalogue: marked public, not deleted, in a published status. */
export function isPublished(measure: Pick<Measure, "public" | "deleted" | "status">): boolean {
  return measure.public && !measure.deleted && publishedStatuses.includes(measure.status);
}

/** The public view of a measure (drops the name of whoever verified it). */
export function toPublicMeasure(measure: Measure): PublicMeasure {
  const { lastVerifiedBy: _person, version: _v, createdAt: _c, deleted: _d, ...rest } = measure;
  return rest;
}

/** German and English labels of the fields of a measure. */
export const measureFieldLabels = {
  title: text("Titel der Maßnahme", "Title of the measure"),
  providerActorId: text("Träger (Anbieter)", "Provider"),
  partnerActorIds: text("Kooperationspartner", "Partners"),
  category: text("Kategorie", "Category"),
  iabeAccount: text("iABE-Konto", "iABE account"),
  baMeasureType: text("Maßnahmeart der BA", "BA measure type"),
  targetGroups: text("Zielgruppen", "Target groups"),
  grades: text("Klassenstufen", "Grades"),
  ages: text("Alter (Jahre)", "Ages (years)"),
  areaServed: text("Einzugsgebiet (Gemeindeschlüssel)", "Area served (municipality keys)"),
  schedule: text("Turnus", "Schedule"),
  scheduleNote: text("Hinweis zum Turnus", "Schedule note"),
  places: text("Plätze je Schuljahr", "Places per school year"),
  funding: text("Finanzierung", "Funding"),
  public: text("Öffentlich sichtbar", "Publicly visible"),
  location: text("Veranstaltungsort", "Venue"),
  url: text("Webseite der Maßnahme", "Web page of the measure"),
  contactEmail: text("Kontakt-E-Mail", "Contact e-mail"),
  lastVerifiedAt: text("Zuletzt bestätigt am", "Last confirmed on"),
  lastVerifiedBy: text("Zuletzt bestätigt von", "Last confirmed by"),
} as const satisfies FieldLabels;

/** German and English labels of the fields of a overlap review. */
export const overlapReviewFieldLabels = {
  measureIds: text("Maßnahmen", "Measures"),
  measureVersions: text("Geprüfte Fassungen", "Reviewed versions"),
  measureFingerprints: text("Fingerabdrücke der geprüften Angaben", "Fingerprints of the reviewed fields"),
  verdict: text("Bewertung", "Verdict"),
  reviewedBy: text("Geprüft von", "Reviewed by"),
  reviewedAt: text("Geprüft am", "Reviewed on"),
} as const satisfies FieldLabels;
