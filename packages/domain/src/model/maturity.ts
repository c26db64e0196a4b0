import { z } from "zod";
import type { FieldLabels } from "../common/field-labels.js";
import { text } from "../common/i18n.js";
import { idSchema } from "../common/ids.js";
import { labelledEnum } from "../common/labels.js";
import { Illustrative, IsoDate, Name, patchOf, recordMeta } from "../common/record.js";
import { report } from "../common/validation.js";
import { ActorId } from "./actor.js";

/** Id of a {@link MaturityAssessment}. */
export const MaturityAssessmentId = idSchema("mat", "MaturityAssessmentId");
export type MaturityAssessmentId = z.infer<typeof MaturityAssessmentId>;

export const successFactorLabels = {
  political_backing: text("Rückhalt der politischen Spitze", "Political backing"),
  personnel_continuity: text("Personelle Kontinuität", "Personnel continuity"),
  empowered_bodies: text("Gremien mit Handlungskompetenz", "Bodies with decision authority"),
  binding_agreement: text(
    "Verbindliche Kooperationsvereinbarung mit klaren Zielen",
    "Binding agreement with clear goals",
  ),
  regular_reconciliation: text("Regelmäßiger Erwartungsabgleich", "Regular reconciliation of expectations"),
  partner_involvement: text("Regelmäßige Einbindung aller Partner", "Regular involvement of all partners"),
  standards_in_force: text("Standards in Kraft und umgesetzt", "Standards in force and implemented"),
  no_redundant_offers: text("Keine redundanten Angebote", "No redundant offers"),
  figures_and_facts: text("Zahlen, Daten, Fakten", "Figures, data, facts"),
  proximity_to_business: text(
    "Räumliche Nähe zu wirtschaftsnahen Organisationen",
    "Proximity to business organisations",
  ),
} as const;
/** A success factor (Gelingensfaktor) of the seed. */
export const SuccessFactor = labelledEnum("SuccessFactor", successFactorLabels);
export type SuccessFactor = z.infer<typeof SuccessFactor>;

export const inhibitorLabels = {
  different_cultures: text(
    "Unterschiedliche Arbeits- und Unternehmenskulturen",
    "Different working and corporate cultures",
  ),
  funding_rules: text("Vorgaben der Förderprogramme", "Funding programme rules"),
  staff_turnover: text("Personelle Wechsel", "Staff turnover"),
  complexity: text(
    "Komplexität und Kleinteiligkeit der Prozesse",
    "Complexity and fragmentation of processes",
  ),
} as const;
/** An inhibitor (Hemmnis) the seed names. */
export const Inhibitor = labelledEnum("Inhibitor", inhibitorLabels);
export type Inhibitor = z.infer<typeof Inhibitor>;

/** A questionnaire item of a maturity self-assessment. */
export const MaturityItem = z
  .strictObject({
    key: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/),
    factor: z.union([SuccessFactor, Inhibitor]),
    de: Name,
    en: Name,
  })
  .meta({ id: "MaturityItem" });
export type MaturityItem = z.infer<typeof MaturityItem>;

/** One answer in a wave. */
export const MaturityAnswer = z
  .strictObject({
    itemKey: z.string(),
    actorId: ActorId.optional(),
    value: z.int().min(0).max(10),
    comment: z.string().max(2000).optional(),
  })
  .meta({ id: "MaturityAnswer" });
export type MaturityAnswer = z.infer<typeof MaturityAnswer>;

/** One wave of answers at a date. */
export const MaturityWave = z
  .strictObject({ label: Name, date: IsoDate, answers: z.array(MaturityAnswer).default([]) })
  .meta({ id: "MaturityWave" });
export type MaturityWave = z.infer<typeof MaturityWave>;

export const MaturityAssessmentFields = z.strictObject({
  illustrative: Illustrative,
  title: Name,
  scaleMin: z.int().min(0).max(10).default(1),
  scaleMax: z.int().min(1).max(10).default(5),
  items: z.array(MaturityItem).min(1),
  waves: z.array(MaturityWave).default([]),
});

type AssessmentLike = {
  scaleMin?: unknown;
  scaleMax?: unknown;
  items?: readonly { key?: unknown }[];
  waves?: readonly { answers?: readonly { itemKey?: unknown; value?: unknown }[] }[];
};

function checkAssessment(a: AssessmentLike, ctx: z.core.$RefinementCtx<unknown>) {
  const keys = new Set<unknown>();
  (a.items ?? []).forEach((item, i) => {
    if (keys.has(item?.key))
      report(ctx, "duplicate_value", ["items", i, "key"], { value: String(item?.key) });
    keys.add(item?.key);
  });
  const min = typeof a.scaleMin === "number" ? a.scaleMin : 1;
  const max = typeof a.scaleMax === "number" ? a.scaleMax : 5;
  if (min >= max) report(ctx, "min_above_max", ["scaleMax"]);
  (a.waves ?? []).forEach((wave, w) => {
    (wave?.answers ?? []).forEach((answer, i) => {
      if (!keys.has(answer?.itemKey)) {
        report(ctx, "unknown_reference", ["waves", w, "answers", i, "itemKey"], {
          value: String(answer?.itemKey),
        });
      } else if (typeof answer?.value === "number" && (answer.value < min || answer.value > max)) {
        report(ctx, "rating_out_of_scale", ["waves", w, "answers", i, "value"], { min, max });
      }
    });
  });
}

/** What a client sends to create a maturity assessment. */
export const MaturityAssessmentCreate = MaturityAssessmentFields.superRefine(checkAssessment).meta({
  id: "MaturityAssessmentCreate",
});
export type MaturityAssessmentCreate = z.input<typeof MaturityAssessmentCreate>;
/** A partial update of a maturity assessment. */
export const MaturityAssessmentPatch = patchOf(MaturityAssessmentFields, "MaturityAssessmentPatch");
export type MaturityAssessmentPatch = z.infer<typeof MaturityAssessmentPatch>;
/** A self-assessment questionnaire on the network's success factors, answered in waves over time. */
export const MaturityAssessment = MaturityAssessmentFields.extend({ id: MaturityAssessmentId, ...recordMeta })
  .superRefine(checkAssessment)
  .meta({ id: "MaturityAssessment" });
export type MaturityAssessment = z.infer<typeof MaturityAssessment>;

/** German and English labels of the fields of a maturity self-assessment. */
export const maturityAssessmentFieldLabels = {
  title: text("Titel der Selbsteinschätzung", "Title of the self-assessment"),
  items: text("Fragen", "Questions"),
  waves: text("Erhebungswellen", "Waves"),
} as const satisfies FieldLabels;
