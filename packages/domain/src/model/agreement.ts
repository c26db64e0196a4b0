import { z } from "zod";
import { text } from "../common/i18n.js";
import { idSchema } from "../common/ids.js";
import { labelledEnum } from "../common/labels.js";
import { checkOrder, Illustrative, IsoDate, LongText, Name, patchOf, recordMeta } from "../common/record.js";
import { report } from "../common/validation.js";
import { ActorId, ContactId } from "./actor.js";

/** Id of an {@link Agreement}. */
export const AgreementId = idSchema("agr", "AgreementId");
export type AgreementId = z.infer<typeof AgreementId>;

export const agreementKindLabels = {
  cooperation_agreement: text("Kooperationsvereinbarung", "Cooperation agreement"),
  framework_concept: text("Kommunales Rahmenkonzept", "Municipal framework concept"),
  youth_employment_agency: text("Vereinbarung Jugendberufsagentur", "Youth employment agency agreement"),
  data_sharing: text("Vereinbarung zum Datenaustausch", "Data-sharing agreement"),
  other: text("Sonstige Vereinbarung", "Other agreement"),
} as const;
/** The kind of agreement. */
export const AgreementKind = labelledEnum("AgreementKind", agreementKindLabels);
export type AgreementKind = z.infer<typeof AgreementKind>;

export const agreementStatusLabels = {
  draft: text("Entwurf", "Draft"),
  negotiating: text("In Abstimmung", "Negotiating"),
  signed: text("Unterzeichnet", "Signed"),
  in_force: text("In Kraft", "In force"),
  expired: text("Ausgelaufen", "Expired"),
  terminated: text("Gekündigt", "Terminated"),
} as const;
/** Where an agreement stands: draft → negotiating → signed → in force → expired or terminated. */
export const AgreementStatus = labelledEnum("AgreementStatus", agreementStatusLabels);
export type AgreementStatus = z.infer<typeof AgreementStatus>;

/** One numbered version of an agreement's text. */
export const AgreementRevision = z
  .strictObject({
    number: z.int().min(1),
    adoptedOn: IsoDate.optional(),
    summary: z.string().trim().min(1).max(2000),
    text: LongText.optional(),
  })
  .meta({ id: "AgreementRevision" });
export type AgreementRevision = z.infer<typeof AgreementRevision>;

/** A partner's signature under a revision. */
export const Signature = z
  .strictObject({
    actorId: ActorId,
    contactId: ContactId.optional(),
    signedOn: IsoDate,
    revision: z.int().min(1).optional(),
  })
  .meta({ id: "Signature" });
export type Signature = z.infer<typeof Signature>;

/** What one partner commits to. */
export const Commitment = z
  .strictObject({ actorId: ActorId, text: z.string().trim().min(1).max(5000) })
  .meta({ id: "Commitment" });
export type Commitment = z.infer<typeof Commitment>;

export const AgreementFields = z.strictObject({
  illustrative: Illustrative,
  title: Name,
  kind: AgreementKind.default("cooperation_agreement"),
  status: AgreementStatus.default("draft"),
  partyActorIds: z.array(ActorId).default([]),
  revisions: z.array(AgreementRevision).default([]),
  signatures: z.array(Signature).default([]),
  commitments: z.array(Commitment).default([]),
  validFrom: IsoDate.optional(),
  validTo: IsoDate.optional(),
  note: LongText.optional(),
});

type AgreementLike = {
  status?: unknown;
  validFrom?: unknown;
  validTo?: unknown;
  partyActorIds?: readonly unknown[];
  signatures?: readonly { actorId?: unknown; signedOn?: unknown }[];
  commitments?: readonly { actorId?: unknown }[];
  revisions?: readonly { number?: unknown }[];
};

function checkAgreement(a: AgreementLike, ctx: z.core.$RefinementCtx<unknown>) {
  const signatures = a.signatures ?? [];
  checkOrder(ctx, a.validFrom, a.validTo, ["validTo"]);
  if (a.status === "signed" && signatures.length === 0)
    report(ctx, "signed_without_signatures", ["signatures"]);
  if (a.status === "in_force") {
    if (signatures.length === 0) report(ctx, "in_force_without_signatures", ["signatures"]);
    if (!a.validFrom) report(ctx, "in_force_without_validity", ["validFrom"]);
  }
  if ((a.status === "expired" || a.status === "terminated") && !a.validTo)
    report(ctx, "ended_without_end", ["validTo"]);
  const parties = new Set(a.partyActorIds ?? []);
  const signers = new Set<unknown>();
  signatures.forEach((s, i) => {
    if (signers.has(s?.actorId))
      report(ctx, "duplicate_value", ["signatures", i, "actorId"], { value: String(s?.actorId) });
    signers.add(s?.actorId);
    if (parties.size && typeof s?.actorId === "string" && !parties.has(s.actorId)) {
      report(ctx, "unknown_reference", ["signatures", i, "actorId"], { value: s.actorId });
    }
  });
  (a.commitments ?? []).forEach((c, i) => {
    if (parties.size && typeof c?.actorId === "string" && !parties.has(c.actorId)) {
      report(ctx, "unknown_reference", ["commitments", i, "actorId"], { value: c.actorId });
    }
  });
  const numbers = new Set<unknown>();
  (a.revisions ?? []).forEach((r, i) => {
    if (numbers.has(r?.number))
      report(ctx, "duplicate_value", ["revisions", i, "number"], { value: String(r?.number) });
    numbers.add(r?.number);
  });
}

/** What a client sends to create an agreement. */
export const AgreementCreate = AgreementFields.superRefine(checkAgreement).meta({ id: "AgreementCreate" });
export type AgreementCreate = z.input<typeof AgreementCreate>;
/** A partial update of an agreement. */
export const AgreementPatch = patchOf(AgreementFields, "AgreementPatch");
export type AgreementPatch = z.infer<typeof AgreementPatch>;
/**
 * A binding agreement between partners (Kooperationsvereinbarung): parties, revisions,
 * signatures, validity and each partner's commitments. Goals refer to it.
 */
export const Agreement = AgreementFields.extend({ id: AgreementId, ...recordMeta })
  .superRefine(checkAgreement)
  .meta({ id: "Agreement" });
export type Agreement = z.infer<typeof Agreement>;

/** The status changes an agreement may make. */
export const agreementTransitions: Readonly<Record<AgreementStatus, readonly AgreementStatus[]>> = {
  draft: ["negotiating", "terminated"],
  negotiating: ["draft", "signed", "terminated"],
  signed: ["in_force", "terminated"],
  in_force: ["expired", "terminated", "negotiating"],
  expired: ["negotiating"],
  terminated: [],
};

/** Whether an agreement may move from one status to another. */
export function canTransition(from: AgreementStatus, to: AgreementStatus): boolean {
  return from === to || agreementTransitions[from].includes(to);
}
