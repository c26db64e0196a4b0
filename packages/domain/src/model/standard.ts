import { z } from "zod";
import type { FieldLabels } from "../common/field-labels.js";
import { text } from "../common/i18n.js";
import { idSchema, newId } from "../common/ids.js";
import { labelledEnum } from "../common/labels.js";
import { Illustrative, IsoDate, LongText, Name, patchOf, recordMeta } from "../common/record.js";
import { report } from "../common/validation.js";
import { ActorId, ActorKind, ContactId, LegalFramework } from "./actor.js";

/** Id of a {@link Standard}. */
export const StandardId = idSchema("std", "StandardId");
export type StandardId = z.infer<typeof StandardId>;
/** Id of an {@link Interface} inside a standard. */
export const InterfaceId = idSchema("ifc", "InterfaceId");
export type InterfaceId = z.infer<typeof InterfaceId>;
/** Id of a {@link Guide}. */
export const GuideId = idSchema("gde", "GuideId");
export type GuideId = z.infer<typeof GuideId>;

export const standardKindLabels = {
  minimum: text("Mindeststandard", "Minimum standard"),
  action: text("Handlungsstandard", "Action standard"),
} as const;
/** Whether a standard is a minimum standard or an action standard. */
export const StandardKind = labelledEnum("StandardKind", standardKindLabels);
export type StandardKind = z.infer<typeof StandardKind>;

export const standardStatusLabels = {
  draft: text("Entwurf", "Draft"),
  consultation: text("In Abstimmung", "In consultation"),
  adopted: text("Beschlossen", "Adopted"),
  in_force: text("In Anwendung", "In force"),
  under_review: text("In Überprüfung", "Under review"),
  retired: text("Außer Kraft", "Retired"),
} as const;
/** Where a standard stands. */
export const StandardStatus = labelledEnum("StandardStatus", standardStatusLabels);
export type StandardStatus = z.infer<typeof StandardStatus>;

export const responsibilityRoleLabels = {
  responsible: text("Durchführungsverantwortung", "Responsible"),
  accountable: text("Gesamtverantwortung", "Accountable"),
  consulted: text("Zu beteiligen", "Consulted"),
  informed: text("Zu informieren", "Informed"),
} as const;
/** A RACI role for a task of a standard. */
export const ResponsibilityRole = labelledEnum("ResponsibilityRole", responsibilityRoleLabels);
export type ResponsibilityRole = z.infer<typeof ResponsibilityRole>;

export const adoptionStatusLabels = {
  not_started: text("Noch nicht begonnen", "Not started"),
  adopted: text("Übernommen (beschlossen)", "Adopted"),
  implementing: text("In Umsetzung", "Implementing"),
  implemented: text("Umgesetzt", "Implemented"),
  declined: text("Abgelehnt", "Declined"),
} as const;
/** How far one actor has taken up a standard. */
export const AdoptionStatus = labelledEnum("AdoptionStatus", adoptionStatusLabels);
export type AdoptionStatus = z.infer<typeof AdoptionStatus>;

export const effectivenessLabels = {
  effective: text("Wirksam", "Effective"),
  partly_effective: text("Teilweise wirksam", "Partly effective"),
  not_effective: text("Nicht wirksam", "Not effective"),
  not_assessable: text("Nicht beurteilbar", "Not assessable"),
} as const;
/** The result of an effectiveness review (Wirksamkeitsprüfung). */
export const Effectiveness = labelledEnum("Effectiveness", effectivenessLabels);
export type Effectiveness = z.infer<typeof Effectiveness>;

/** One side of an interface: a kind of actor, a specific actor, or both. */
export const Party = z
  .strictObject({ actorKind: ActorKind.optional(), actorId: ActorId.optional() })
  .meta({ id: "Party" });
export type Party = z.infer<typeof Party>;

/** A defined interface (Schnittstelle): what passes from whom to whom, when, by when, on which legal basis. */
export const Interface = z
  .strictObject({
    id: InterfaceId.default(() => newId<InterfaceId>("ifc")).meta({
      description: "Given by the server when left out.",
      default: undefined,
    }),
    from: Party,
    to: Party,
    handover: z
      .string()
      .trim()
      .min(1)
      .max(2000)
      .meta({ description: "What is handed over, e.g. 'Anschlussperspektive, Kompetenzprofil'." }),
    trigger: z
      .string()
      .trim()
      .min(1)
      .max(500)
      .meta({ description: "When it happens, e.g. 'Abgang ohne Anschluss'." }),
    deadline: z.string().trim().max(300).optional(),
    responsibleActorId: ActorId.optional(),
    legalFrameworks: z.array(LegalFramework).default([]),
    legalBasis: z.string().trim().max(300).optional().meta({ description: "Norms, e.g. '§ 31a SGB III'." }),
  })
  .superRefine((ifc, ctx) => {
    for (const side of ["from", "to"] as const) {
      const party = ifc[side];
      if (party && !party.actorKind && !party.actorId) report(ctx, "interface_without_parties", [side]);
    }
  })
  .meta({ id: "Interface" });
export type Interface = z.infer<typeof Interface>;

/** Who does what for a standard. */
export const Responsibility = z
  .strictObject({
    task: z.string().trim().min(1).max(1000),
    role: ResponsibilityRole,
    actorKind: ActorKind.optional(),
    actorId: ActorId.optional(),
  })
  .meta({ id: "Responsibility" });
export type Responsibility = z.infer<typeof Responsibility>;

/** How far one actor has taken up the standard. */
export const Adoption = z
  .strictObject({
    actorId: ActorId,
    status: AdoptionStatus,
    since: IsoDate.optional(),
    note: z.string().max(2000).optional(),
  })
  .meta({ id: "Adoption" });
export type Adoption = z.infer<typeof Adoption>;

/** An effectiveness review of the standard. */
export const EffectivenessReview = z
  .strictObject({
    date: IsoDate,
    result: Effectiveness,
    findings: z.string().trim().min(1).max(5000),
    reviewerContactId: ContactId.optional(),
    nextReviewDue: IsoDate.optional(),
  })
  .meta({ id: "EffectivenessReview" });
export type EffectivenessReview = z.infer<typeof EffectivenessReview>;

export const StandardFields = z.strictObject({
  code: z.string().trim().min(1).max(40),
  title: Name,
  kind: StandardKind,
  revision: z.string().trim().min(1).max(20).default("1.0"),
  status: StandardStatus.default("draft"),
  description: LongText.optional(),
  adoptedOn: IsoDate.optional(),
  reviewIntervalMonths: z.int().min(1).max(120).default(24),
  interfaces: z.array(Interface).default([]),
  responsibilities: z.array(Responsibility).default([]),
  adoptions: z.array(Adoption).default([]),
  reviews: z.array(EffectivenessReview).default([]),
  standardElement: z
    .string()
    .trim()
    .max(20)
    .optional()
    .meta({ description: "Code in a catalogue such as KAoA, e.g. 'SBO 10.6'." }),
  illustrative: Illustrative,
});

type StandardLike = {
  interfaces?: readonly { id?: unknown }[];
  adoptions?: readonly { actorId?: unknown }[];
};

function checkStandard(s: StandardLike, ctx: z.core.$RefinementCtx<unknown>) {
  for (const [list, field] of [
    ["interfaces", "id"],
    ["adoptions", "actorId"],
  ] as const) {
    const seen = new Set<unknown>();
    (s[list] ?? []).forEach((entry, i) => {
      const value = (entry as Record<string, unknown> | undefined)?.[field];
      if (seen.has(value)) report(ctx, "duplicate_value", [list, i, field], { value: String(value) });
      seen.add(value);
    });
  }
}

/** What a client sends to create a standard. */
export const StandardCreate = StandardFields.superRefine(checkStandard).meta({ id: "StandardCreate" });
export type StandardCreate = z.input<typeof StandardCreate>;
/** A partial update of a standard. */
export const StandardPatch = patchOf(StandardFields, "StandardPatch");
export type StandardPatch = z.infer<typeof StandardPatch>;
/**
 * A minimum or action standard agreed by the partners: its interfaces, responsibilities,
 * adoption by each actor and effectiveness reviews.
 */
export const Standard = StandardFields.extend({ id: StandardId, ...recordMeta })
  .superRefine(checkStandard)
  .meta({ id: "Standard" });
export type Standard = z.infer<typeof Standard>;

/** One section of a practice guide. */
export const GuideSection = z
  .strictObject({
    number: z.string().trim().min(1).max(20),
    title: Name,
    body: LongText.default(""),
    standardIds: z.array(StandardId).default([]),
  })
  .meta({ id: "GuideSection" });
export type GuideSection = z.infer<typeof GuideSection>;

export const GuideFields = z.strictObject({
  title: Name,
  revision: z.string().trim().min(1).max(20).default("1.0"),
  publishedOn: IsoDate.optional(),
  sections: z.array(GuideSection).default([]),
  illustrative: Illustrative,
});

function checkGuide(g: { sections?: readonly { number?: unknown }[] }, ctx: z.core.$RefinementCtx<unknown>) {
  const seen = new Set<unknown>();
  (g.sections ?? []).forEach((s, i) => {
    if (seen.has(s?.number))
      report(ctx, "duplicate_value", ["sections", i, "number"], { value: String(s?.number) });
    seen.add(s?.number);
  });
}

/** What a client sends to create a practice guide. */
export const GuideCreate = GuideFields.superRefine(checkGuide).meta({ id: "GuideCreate" });
export type GuideCreate = z.input<typeof GuideCreate>;
/** A partial update of a practice guide. */
export const GuidePatch = patchOf(GuideFields, "GuidePatch");
export type GuidePatch = z.infer<typeof GuidePatch>;
/** A practice guide (Praxisleitfaden): ordered sections that reference standards. */
export const Guide = GuideFields.extend({ id: GuideId, ...recordMeta })
  .superRefine(checkGuide)
  .meta({ id: "Guide" });
export type Guide = z.infer<typeof Guide>;

/** German and English labels of the fields of a standard. */
export const standardFieldLabels = {
  code: text("Kennung (z. B. MS-01)", "Code (e.g. MS-01)"),
  title: text("Titel des Standards", "Title of the standard"),
  adoptedOn: text("Beschlossen am", "Adopted on"),
  reviewIntervalMonths: text("Überprüfung alle … Monate", "Review every … months"),
  interfaces: text("Schnittstellen", "Interfaces"),
  responsibilities: text("Zuständigkeiten", "Responsibilities"),
  adoptions: text("Umsetzung bei den Partnern", "Adoption by the partners"),
  reviews: text("Wirksamkeitsprüfungen", "Effectiveness reviews"),
} as const satisfies FieldLabels;

/** German and English labels of the fields of a practice guide. */
export const guideFieldLabels = {
  title: text("Titel des Leitfadens", "Title of the guide"),
  publishedOn: text("Veröffentlicht am", "Published on"),
  sections: text("Abschnitte", "Sections"),
} as const satisfies FieldLabels;
