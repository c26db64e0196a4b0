import { z } from "zod";
import type { FieldLabels } from "../common/field-labels.js";
import { text } from "../common/i18n.js";
import { idSchema } from "../common/ids.js";
import { labelledEnum } from "../common/labels.js";
import { checkOrder, Illustrative, IsoDate, LongText, Name, patchOf, recordMeta } from "../common/record.js";

/** Id of an {@link Actor}. */
export const ActorId = idSchema("act", "ActorId");
export type ActorId = z.infer<typeof ActorId>;
/** Id of a {@link Contact}. */
export const ContactId = idSchema("con", "ContactId");
export type ContactId = z.infer<typeof ContactId>;
/** Id of an {@link Affiliation}. */
export const AffiliationId = idSchema("aff", "AffiliationId");
export type AffiliationId = z.infer<typeof AffiliationId>;

/** The kinds of actor at the transition from school to work, as the Osterode example names them. */
export const actorKindLabels = {
  general_school: text("Allgemeinbildende Schule", "General education school"),
  vocational_school: text("Berufsbildende Schule", "Vocational school"),
  politics: text("Politik", "Politics"),
  municipal_administration: text("Kommunale Verwaltung", "Municipal administration"),
  employer: text("Wirtschaft / Unternehmen", "Business / employer"),
  union: text("Gewerkschaft", "Trade union"),
  association: text("Verband", "Association"),
  chamber: text("Kammer (IHK, HWK, …)", "Chamber (IHK, HWK, …)"),
  independent_provider: text("Freier Träger", "Independent provider"),
  employment_agency: text("Agentur für Arbeit", "Employment agency"),
  job_centre: text("Jobcenter", "Job centre"),
  town: text("Stadt oder Gemeinde", "Town or municipality"),
  state_school_authority: text("Landesschulbehörde", "State school authority"),
  youth_welfare_office: text("Jugendamt", "Youth welfare office"),
  other: text("Sonstige", "Other"),
} as const;
/** What kind of organisation an actor is. */
export const ActorKind = labelledEnum("ActorKind", actorKindLabels);
export type ActorKind = z.infer<typeof ActorKind>;

export const legalFrameworkLabels = {
  sgb2: text("SGB II – Grundsicherung für Arbeitsuchende", "SGB II – basic income support for jobseekers"),
  sgb3: text("SGB III – Arbeitsförderung", "SGB III – employment promotion"),
  sgb8: text("SGB VIII – Kinder- und Jugendhilfe", "SGB VIII – child and youth welfare"),
  school_law: text("Schulrecht des Landes", "State school law"),
  vocational_training_act: text(
    "Berufsbildungsgesetz / Handwerksordnung",
    "Vocational Training Act / Crafts Code",
  ),
} as const;
/** The body of law (Rechtskreis) under which an actor acts or a standard applies. */
export const LegalFramework = labelledEnum("LegalFramework", legalFrameworkLabels);
export type LegalFramework = z.infer<typeof LegalFramework>;

/** A postal address. */
export const Address = z
  .strictObject({
    street: z.string().trim().min(1).max(200).optional(),
    postalCode: z.string().regex(/^\d{5}$/),
    locality: Name,
    municipalityKey: z
      .string()
      .regex(/^\d{8}$/)
      .optional(),
  })
  .meta({ id: "Address" });
export type Address = z.infer<typeof Address>;

export const ActorFields = z.strictObject({
  name: Name,
  shortName: z.string().trim().min(1).max(60).optional(),
  kind: ActorKind,
  description: LongText.optional(),
  legalFrameworks: z.array(LegalFramework).default([]),
  parentActorId: ActorId.optional(),
  email: z.email().optional(),
  phone: z.string().trim().min(3).max(60).optional(),
  website: z.httpUrl().optional(),
  address: Address.optional(),
  illustrative: Illustrative,
});

/** What a client sends to create an actor. */
export const ActorCreate = ActorFields.meta({ id: "ActorCreate" });
export type ActorCreate = z.input<typeof ActorCreate>;
/** A partial update of an actor. */
export const ActorPatch = patchOf(ActorFields, "ActorPatch");
export type ActorPatch = z.infer<typeof ActorPatch>;
/** An organisation in the network (Akteur, Netzwerkpartner). */
export const Actor = ActorFields.extend({ id: ActorId, ...recordMeta }).meta({ id: "Actor" });
export type Actor = z.infer<typeof Actor>;

export const ContactFields = z.strictObject({
  givenName: Name,
  familyName: Name,
  title: z.string().trim().max(60).optional(),
  email: z.email().optional(),
  phone: z.string().trim().min(3).max(60).optional(),
  note: z.string().max(2000).optional(),
  publicationConsent: z.boolean().default(false).meta({
    title: "Veröffentlichung erlaubt (Publication consent)",
    description:
      "Die Person hat eingewilligt, dass Name, Titel, Funktionen, Mitgliedschaften und Sitzungsteilnahmen in offenen Schnittstellen (OParl) erscheinen. / The person agreed that name, title, roles, memberships and meeting attendance appear in open interfaces (OParl). Off by default.",
  }),
  illustrative: Illustrative,
});

/** What a client sends to create a contact person. */
export const ContactCreate = ContactFields.meta({ id: "ContactCreate" });
export type ContactCreate = z.input<typeof ContactCreate>;
/** A partial update of a contact person. */
export const ContactPatch = patchOf(ContactFields, "ContactPatch");
export type ContactPatch = z.infer<typeof ContactPatch>;
/** A person (Ansprechperson); where they work and sit is told by affiliations and memberships. */
export const Contact = ContactFields.extend({ id: ContactId, ...recordMeta }).meta({ id: "Contact" });
export type Contact = z.infer<typeof Contact>;

export const staffLevelLabels = {
  leadership: text("Leitungsebene", "Leadership level"),
  operational: text("Operative Ebene", "Operational level"),
} as const;
/** Whether a person acts at leadership or at operational level. */
export const StaffLevel = labelledEnum("StaffLevel", staffLevelLabels);
export type StaffLevel = z.infer<typeof StaffLevel>;

export const endReasonLabels = {
  handover: text("Übergabe an Nachfolge", "Handed over to a successor"),
  left_organisation: text("Organisation verlassen", "Left the organisation"),
  role_change: text("Neue Aufgabe", "New role"),
  retired: text("Ruhestand", "Retired"),
  reorganisation: text("Umstrukturierung", "Reorganisation"),
  other: text("Sonstiges", "Other"),
} as const;
/** Why an affiliation ended. */
export const EndReason = labelledEnum("EndReason", endReasonLabels);
export type EndReason = z.infer<typeof EndReason>;

export const AffiliationFields = z.strictObject({
  illustrative: Illustrative,
  contactId: ContactId,
  actorId: ActorId,
  role: Name.meta({ description: "Job title or function, e.g. 'Schulleitung'." }),
  level: StaffLevel,
  from: IsoDate,
  to: IsoDate.optional(),
  endReason: EndReason.optional(),
  successorContactId: ContactId.optional(),
  primary: z.boolean().default(true).meta({ description: "The main contact of the actor for the network." }),
  note: LongText.optional().meta({ description: "For example what was handed over." }),
});

function checkAffiliation(
  a: { from?: unknown; to?: unknown; endReason?: unknown },
  ctx: z.core.$RefinementCtx<unknown>,
) {
  checkOrder(ctx, a.from, a.to, ["to"]);
}

/** What a client sends to create an affiliation. */
export const AffiliationCreate = AffiliationFields.superRefine(checkAffiliation).meta({
  id: "AffiliationCreate",
});
export type AffiliationCreate = z.input<typeof AffiliationCreate>;
/** A partial update of an affiliation (for example its end on a handover). */
export const AffiliationPatch = patchOf(AffiliationFields, "AffiliationPatch");
export type AffiliationPatch = z.infer<typeof AffiliationPatch>;
/**
 * A contact's role at an actor over time. A person leaving is a handover (the affiliation ends,
 * the successor's begins), never a deletion: continuity is measured from these.
 */
export const Affiliation = AffiliationFields.extend({ id: AffiliationId, ...recordMeta })
  .superRefine(checkAffiliation)
  .meta({ id: "Affiliation" });
export type Affiliation = z.infer<typeof Affiliation>;

/**
 * A handover: ends an affiliation on a date and opens the successor's with the same role,
 * level and actor. Returns the patch for the old affiliation and the new one to create.
 *
 * @example
 * const { end, start } = handOver(current, { successorContactId, on: "2026-02-01" });
 */
export function handOver(
  current: Pick<Affiliation, "actorId" | "role" | "level" | "primary" | "from">,
  change: { successorContactId: ContactId; on: string; role?: string },
): { end: AffiliationPatch; start: AffiliationCreate } {
  return {
    end: { to: change.on, endReason: "handover", successorContactId: change.successorContactId },
    start: {
      contactId: change.successorContactId,
      actorId: current.actorId,
      role: change.role ?? current.role,
      level: current.level,
      primary: current.primary,
      from: change.on,
    },
  };
}

/** German and English labels of the fields of a actor. */
export const actorFieldLabels = {
  name: text("Name des Akteurs", "Name of the actor"),
  parentActorId: text("Übergeordneter Akteur", "Parent actor"),
} as const satisfies FieldLabels;

/** German and English labels of the fields of a contact. */
export const contactFieldLabels = {
  title: text("Titel (z. B. Dr.)", "Title (e.g. Dr.)"),
  givenName: text("Vorname", "Given name"),
  familyName: text("Nachname", "Family name"),
} as const satisfies FieldLabels;

/** German and English labels of the fields of a affiliation. */
export const affiliationFieldLabels = {
  role: text("Funktion", "Role"),
  level: text("Ebene", "Level"),
  endReason: text("Grund für das Ende", "Reason for the end"),
  successorContactId: text("Nachfolge", "Successor"),
  primary: text("Hauptansprechperson", "Main contact"),
} as const satisfies FieldLabels;
