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
import { ActorId, ContactId } from "./actor.js";

/** Id of a {@link ReconciliationRound}. */
export const ReconciliationRoundId = idSchema("rnd", "ReconciliationRoundId");
export type ReconciliationRoundId = z.infer<typeof ReconciliationRoundId>;
/** Id of a {@link ReconciliationResponse}. */
export const ReconciliationResponseId = idSchema("rsp", "ReconciliationResponseId");
export type ReconciliationResponseId = z.infer<typeof ReconciliationResponseId>;

export const roundStatusLabels = {
  planned: text("Geplant", "Planned"),
  open: text("Offen für Antworten", "Open for responses"),
  closed: text("Geschlossen", "Closed"),
  evaluated: text("Ausgewertet", "Evaluated"),
} as const;
/** Where a reconciliation round stands. */
export const RoundStatus = labelledEnum("RoundStatus", roundStatusLabels);
export type RoundStatus = z.infer<typeof RoundStatus>;

export const reconciliationTopicLabels = {
  vocational_orientation: text("Berufliche Orientierung", "Vocational orientation"),
  transition_management: text("Übergangsmanagement", "Transition management"),
  standards: text("Standards und Schnittstellen", "Standards and interfaces"),
  data_and_figures: text("Daten und Zahlen", "Data and figures"),
  information_sharing: text("Informationsaustausch", "Information sharing"),
  funding: text("Finanzierung und Förderprogramme", "Funding and programmes"),
  governance: text("Gremien und Entscheidungen", "Bodies and decisions"),
  employer_involvement: text("Einbindung der Wirtschaft", "Employer involvement"),
  school_cooperation: text("Zusammenarbeit mit Schulen", "Cooperation with schools"),
  target_group_reach: text("Erreichen der Zielgruppen", "Reaching target groups"),
  visibility: text("Sichtbarkeit und Anerkennung", "Visibility and recognition"),
  resources: text("Personal und Zeit", "Staff and time"),
} as const;
/** A topic that expectations, working methods and self-interests are tagged with, so they can be compared. */
export const ReconciliationTopic = labelledEnum("ReconciliationTopic", reconciliationTopicLabels);
export type ReconciliationTopic = z.infer<typeof ReconciliationTopic>;

export const reconciliationDimensionLabels = {
  expectations: text("Erwartungen", "Expectations"),
  workingMethods: text("Arbeitsweisen", "Working methods"),
  selfInterests: text("Eigeninteressen", "Self-interests"),
  ratings: text("Bewertungen", "Ratings"),
} as const;
/** The four things a round asks about (the seed's "Erwartungen, Arbeitsweisen, Eigeninteressen" plus ratings). */
export const ReconciliationDimension = labelledEnum("ReconciliationDimension", reconciliationDimensionLabels);
export type ReconciliationDimension = z.infer<typeof ReconciliationDimension>;

/** A question to rate on the round's scale. */
export const RatingItem = z
  .strictObject({ key: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/), de: Name, en: Name })
  .meta({ id: "RatingItem" });
export type RatingItem = z.infer<typeof RatingItem>;

export const ReconciliationRoundFields = z.strictObject({
  illustrative: Illustrative,
  title: Name,
  status: RoundStatus.default("planned"),
  opensOn: IsoDate,
  closesOn: IsoDate.optional(),
  invitedActorIds: z.array(ActorId).default([]),
  ratingItems: z.array(RatingItem).default([]),
  scaleMin: z.int().min(0).max(10).default(1),
  scaleMax: z.int().min(1).max(10).default(5),
  note: LongText.optional(),
});

type RoundLike = {
  opensOn?: unknown;
  closesOn?: unknown;
  scaleMin?: unknown;
  scaleMax?: unknown;
  ratingItems?: readonly { key?: unknown }[];
};

function checkRound(r: RoundLike, ctx: z.core.$RefinementCtx<unknown>) {
  checkOrder(ctx, r.opensOn, r.closesOn, ["closesOn"]);
  if (typeof r.scaleMin === "number" && typeof r.scaleMax === "number" && r.scaleMin >= r.scaleMax) {
    report(ctx, "min_above_max", ["scaleMax"]);
  }
  const seen = new Set<unknown>();
  (r.ratingItems ?? []).forEach((item, i) => {
    if (seen.has(item?.key))
      report(ctx, "duplicate_value", ["ratingItems", i, "key"], { value: String(item?.key) });
    seen.add(item?.key);
  });
}

/** What a client sends to create a reconciliation round. */
export const ReconciliationRoundCreate = ReconciliationRoundFields.superRefine(checkRound).meta({
  id: "ReconciliationRoundCreate",
});
export type ReconciliationRoundCreate = z.input<typeof ReconciliationRoundCreate>;
/** A partial update of a reconciliation round. */
export const ReconciliationRoundPatch = patchOf(ReconciliationRoundFields, "ReconciliationRoundPatch");
export type ReconciliationRoundPatch = z.infer<typeof ReconciliationRoundPatch>;
/**
 * A round of the regular reconciliation of expectations (Erwartungsabgleich): who is asked,
 * which items are rated, on which scale, and when.
 */
export const ReconciliationRound = ReconciliationRoundFields.extend({
  id: ReconciliationRoundId,
  ...recordMeta,
})
  .superRefine(checkRound)
  .meta({ id: "ReconciliationRound" });
export type ReconciliationRound = z.infer<typeof ReconciliationRound>;

/** A statement tagged with topics and how important it is to the partner (1–5). */
export const Statement = z
  .strictObject({
    text: z.string().trim().min(1).max(2000),
    topics: z.array(ReconciliationTopic).min(1),
    importance: z.int().min(1).max(5).default(3),
  })
  .meta({ id: "Statement" });
export type Statement = z.infer<typeof Statement>;

export const ReconciliationResponseFields = z.strictObject({
  illustrative: Illustrative,
  roundId: ReconciliationRoundId,
  actorId: ActorId,
  contactId: ContactId.optional(),
  submittedAt: IsoDateTime.optional(),
  expectations: z.array(Statement).default([]),
  workingMethods: z.array(Statement).default([]),
  selfInterests: z.array(Statement).default([]),
  ratings: z.record(z.string().regex(/^[a-z][a-z0-9_]{0,39}$/), z.int().min(0).max(10)).default({}),
  comment: LongText.optional(),
});

/** What a partner sends to answer a round. */
export const ReconciliationResponseCreate = ReconciliationResponseFields.meta({
  id: "ReconciliationResponseCreate",
});
export type ReconciliationResponseCreate = z.input<typeof ReconciliationResponseCreate>;
/** A partial update of a response. */
export const ReconciliationResponsePatch = patchOf(
  ReconciliationResponseFields,
  "ReconciliationResponsePatch",
);
export type ReconciliationResponsePatch = z.infer<typeof ReconciliationResponsePatch>;
/** One partner's answer in a round: expectations, working methods, self-interests and ratings. */
export const ReconciliationResponse = ReconciliationResponseFields.extend({
  id: ReconciliationResponseId,
  ...recordMeta,
}).meta({
  id: "ReconciliationResponse",
});
export type ReconciliationResponse = z.infer<typeof ReconciliationResponse>;

/**
 * Checks a response against its round: ratings must name the round's items and lie on its scale.
 * Returns the problems as issue-like entries (empty when all is well).
 */
export function checkResponseAgainstRound(
  response: Pick<ReconciliationResponse, "ratings">,
  round: Pick<ReconciliationRound, "ratingItems" | "scaleMin" | "scaleMax">,
): {
  path: string;
  key: "unknown_reference" | "rating_out_of_scale";
  params: Record<string, string | number>;
}[] {
  const keys = new Set(round.ratingItems.map((i) => i.key));
  const problems: ReturnType<typeof checkResponseAgainstRound> = [];
  for (const [key, value] of Object.entries(response.ratings)) {
    if (!keys.has(key))
      problems.push({ path: `ratings.${key}`, key: "unknown_reference", params: { value: key } });
    else if (value < round.scaleMin || value > round.scaleMax) {
      problems.push({
        path: `ratings.${key}`,
        key: "rating_out_of_scale",
        params: { min: round.scaleMin, max: round.scaleMax },
      });
    }
  }
  return problems;
}

/** German and English labels of the fields of a reconciliation round. */
export const reconciliationRoundFieldLabels = {
  title: text("Titel der Runde", "Title of the round"),
  opensOn: text("Beginnt am", "Opens on"),
  closesOn: text("Endet am", "Closes on"),
  invitedActorIds: text("Eingeladene Partner", "Invited partners"),
  ratingItems: text("Bewertungsfragen", "Rating questions"),
} as const satisfies FieldLabels;

/** German and English labels of the fields of a reconciliation response. */
export const reconciliationResponseFieldLabels = {
  roundId: text("Abgleichsrunde", "Reconciliation round"),
  actorId: text("Partner", "Partner"),
  contactId: text("Ausgefüllt von", "Answered by"),
  submittedAt: text("Abgegeben am", "Submitted on"),
  expectations: text("Erwartungen", "Expectations"),
  workingMethods: text("Arbeitsweisen", "Working methods"),
  selfInterests: text("Eigeninteressen", "Self-interests"),
  ratings: text("Bewertungen", "Ratings"),
} as const satisfies FieldLabels;
