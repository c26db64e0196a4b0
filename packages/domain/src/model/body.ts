import { z } from "zod";
import type { FieldLabels } from "../common/field-labels.js";
import { text } from "../common/i18n.js";
import { idSchema } from "../common/ids.js";
import { labelledEnum } from "../common/labels.js";
import { checkOrder, Illustrative, IsoDate, LongText, Name, patchOf, recordMeta } from "../common/record.js";
import { ActorId, ActorKind, ContactId } from "./actor.js";

/** Id of a {@link Body}. */
export const BodyId = idSchema("bod", "BodyId");
export type BodyId = z.infer<typeof BodyId>;
/** Id of a {@link Seat}. */
export const SeatId = idSchema("sea", "SeatId");
export type SeatId = z.infer<typeof SeatId>;
/** Id of a {@link Membership}. */
export const MembershipId = idSchema("mem", "MembershipId");
export type MembershipId = z.infer<typeof MembershipId>;

export const bodyKindLabels = {
  steering_group: text("Steuerungsgruppe / Steuerkreis", "Steering group"),
  advisory_board: text("Beirat", "Advisory board"),
  working_group: text("Arbeitsgruppe", "Working group"),
  network_conference: text("Netzwerkkonferenz", "Network conference"),
  other: text("Sonstiges Gremium", "Other body"),
} as const;
/** The kind of body (Gremium). */
export const BodyKind = labelledEnum("BodyKind", bodyKindLabels);
export type BodyKind = z.infer<typeof BodyKind>;

export const decisionAuthorityLabels = {
  decides: text("Entscheidet (Beschlusskompetenz)", "Decides (decision authority)"),
  recommends: text("Gibt Empfehlungen", "Recommends"),
  advises: text("Berät", "Advises"),
  works: text("Erarbeitet Vorlagen (operativ)", "Prepares work (operational)"),
} as const;
/** How much a body may decide: the seed says bodies need real decision authority. */
export const DecisionAuthority = labelledEnum("DecisionAuthority", decisionAuthorityLabels);
export type DecisionAuthority = z.infer<typeof DecisionAuthority>;

export const BodyFields = z.strictObject({
  name: Name,
  shortName: z.string().trim().min(1).max(60).optional(),
  kind: BodyKind,
  decisionAuthority: DecisionAuthority,
  targetMeetingsPerYear: z.number().min(0).max(52),
  topic: z.string().trim().max(300).optional(),
  description: LongText.optional(),
  parentBodyId: BodyId.optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  illustrative: Illustrative,
});

const checkBody = (b: { from?: unknown; to?: unknown }, ctx: z.core.$RefinementCtx<unknown>) =>
  checkOrder(ctx, b.from, b.to, ["to"]);

/** What a client sends to create a body. */
export const BodyCreate = BodyFields.superRefine(checkBody).meta({ id: "BodyCreate" });
export type BodyCreate = z.input<typeof BodyCreate>;
/** A partial update of a body. */
export const BodyPatch = patchOf(BodyFields, "BodyPatch");
export type BodyPatch = z.infer<typeof BodyPatch>;
/** A body of the network's governance: steering group, advisory board, working group, conference. */
export const Body = BodyFields.extend({ id: BodyId, ...recordMeta })
  .superRefine(checkBody)
  .meta({ id: "Body" });
export type Body = z.infer<typeof Body>;

export const SeatFields = z.strictObject({
  illustrative: Illustrative,
  bodyId: BodyId,
  actorId: ActorId.optional(),
  actorKind: ActorKind.optional().meta({
    description: "For a seat reserved for a kind of actor, e.g. one for all chambers.",
  }),
  label: z.string().trim().min(1).max(200).optional(),
  votingRight: z.boolean().default(true),
  deputiesAllowed: z.int().min(0).max(10).default(1),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
});

const checkSeat = (s: { from?: unknown; to?: unknown }, ctx: z.core.$RefinementCtx<unknown>) =>
  checkOrder(ctx, s.from, s.to, ["to"]);

/** What a client sends to create a seat. */
export const SeatCreate = SeatFields.superRefine(checkSeat).meta({ id: "SeatCreate" });
export type SeatCreate = z.input<typeof SeatCreate>;
/** A partial update of a seat. */
export const SeatPatch = patchOf(SeatFields, "SeatPatch");
export type SeatPatch = z.infer<typeof SeatPatch>;
/**
 * A partner's seat in a body. Its successive holders and deputies are the memberships that
 * name the seat; a seat with no current holder is vacant.
 */
export const Seat = SeatFields.extend({ id: SeatId, ...recordMeta })
  .superRefine(checkSeat)
  .meta({ id: "Seat" });
export type Seat = z.infer<typeof Seat>;

export const membershipRoleLabels = {
  chair: text("Vorsitz", "Chair"),
  vice_chair: text("Stellvertretender Vorsitz", "Vice chair"),
  member: text("Mitglied", "Member"),
  deputy: text("Stellvertretendes Mitglied", "Deputy member"),
  secretariat: text("Geschäftsführung", "Secretariat"),
  guest: text("Gast (beratend)", "Guest (advisory)"),
} as const;
/** The role of a person in a body. */
export const MembershipRole = labelledEnum("MembershipRole", membershipRoleLabels);
export type MembershipRole = z.infer<typeof MembershipRole>;

export const MembershipFields = z.strictObject({
  illustrative: Illustrative,
  bodyId: BodyId,
  contactId: ContactId,
  actorId: ActorId.optional().meta({ description: "The partner the person sits for." }),
  seatId: SeatId.optional(),
  role: MembershipRole,
  votingRight: z.boolean().default(true),
  from: IsoDate,
  to: IsoDate.optional(),
});

const checkMembership = (m: { from?: unknown; to?: unknown }, ctx: z.core.$RefinementCtx<unknown>) =>
  checkOrder(ctx, m.from, m.to, ["to"]);

/** What a client sends to create a membership. */
export const MembershipCreate = MembershipFields.superRefine(checkMembership).meta({
  id: "MembershipCreate",
});
export type MembershipCreate = z.input<typeof MembershipCreate>;
/** A partial update of a membership. */
export const MembershipPatch = patchOf(MembershipFields, "MembershipPatch");
export type MembershipPatch = z.infer<typeof MembershipPatch>;
/** A person in a body for a partner, with role and term (maps to OParl `Membership`). */
export const Membership = MembershipFields.extend({ id: MembershipId, ...recordMeta })
  .superRefine(checkMembership)
  .meta({ id: "Membership" });
export type Membership = z.infer<typeof Membership>;

/** German and English labels of the fields of a body. */
export const bodyFieldLabels = {
  decisionAuthority: text("Entscheidungskompetenz", "Decision authority"),
  targetMeetingsPerYear: text("Sitzungen pro Jahr (Ziel)", "Meetings per year (target)"),
  topic: text("Thema", "Topic"),
  parentBodyId: text("Übergeordnetes Gremium", "Parent body"),
} as const satisfies FieldLabels;

/** German and English labels of the fields of a seat. */
export const seatFieldLabels = {
  actorKind: text("Reserviert für Akteursart", "Reserved for actor kind"),
  label: text("Bezeichnung des Sitzes", "Name of the seat"),
  deputiesAllowed: text("Zahl der Stellvertretungen", "Number of deputies"),
} as const satisfies FieldLabels;

/** German and English labels of the fields of a membership. */
export const membershipFieldLabels = {
  actorId: text("Für Akteur", "For actor"),
  seatId: text("Sitz", "Seat"),
  role: text("Rolle im Gremium", "Role in the body"),
} as const satisfies FieldLabels;
