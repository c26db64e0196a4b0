import { z } from "zod";
import type { FieldLabels } from "../common/field-labels.js";
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

/** German and English labels of the fields of a agreement. */
export const agreementFieldLabels = {
  title: text("Titel der Vereinbarung", "Title of the agreement"),
  partyActorIds: text("Vertragspartner", "Parties"),
  revisions: text("Fassungen", "Revisions"),
  signatures: text("Unterschriften", "Signatures"),
  commitments: text("Zusagen der Partner", "Partners’ commitments"),
  validFrom: text("Gültig ab", "Valid from"),
  validTo: text("Gültig bis", "Valid until"),
  missingSignatures: text("Fehlende Unterschriften", "Missing signatures"),
  effectiveStatus: text("Stand heute", "Status today"),
} as const satisfies FieldLabels;

/** The number of an agreement's current revision: the highest one, or undefined without revisions. */
export function currentRevision(agreement: Pick<Agreement, "revisions">): number | undefined {
  return agreement.revisions.reduce<number | undefined>(
    (max, r) => (max === undefined || r.number > max ? r.number : max),
    undefined,
  );
}

/**
 * Whether a signature is under the current revision. A signature that names no revision counts
 * while the agreement has at most one revision; once it has several, it must name the current one.
 */
export function signsCurrentRevision(
  agreement: Pick<Agreement, "revisions">,
  signature: Pick<Signature, "revision">,
): boolean {
  const current = currentRevision(agreement);
  if (signature.revision === undefined) return agreement.revisions.length <= 1;
  return current === undefined || signature.revision === current;
}

/** The parties that have not yet signed the current revision, in the order of `partyActorIds`. */
export function missingSignatures(agreement: Pick<Agreement, "partyActorIds" | "signatures" | "revisions">) {
  const signed = new Set(
    agreement.signatures.filter((s) => signsCurrentRevision(agreement, s)).map((s) => s.actorId),
  );
  return agreement.partyActorIds.filter((id) => !signed.has(id));
}

/**
 * The status an agreement has on a date, by the rule that it comes into force by itself: once
 * every party has signed the current revision it is signed, and in force from its validity start;
 * past its validity end it has expired. A draft, a terminated agreement, and an agreement without
 * parties keep their stored status.
 */
export function agreementStatusOn(
  agreement: Pick<
    Agreement,
    "status" | "partyActorIds" | "signatures" | "revisions" | "validFrom" | "validTo"
  >,
  date: string,
): AgreementStatus {
  const { status } = agreement;
  if (status === "draft" || status === "terminated" || status === "expired") return status;
  if (status === "in_force") return agreement.validTo && agreement.validTo < date ? "expired" : status;
  if (agreement.partyActorIds.length === 0 || missingSignatures(agreement).length > 0) return status;
  if (agreement.validTo && agreement.validTo < date) return "expired";
  return agreement.validFrom && agreement.validFrom <= date ? "in_force" : "signed";
}

/** Figures derived from an agreement, served with it. */
export const AgreementFigures = z
  .strictObject({
    effectiveStatus: AgreementStatus.meta({
      description: "The status on the reference date, by the signing rule (see agreementStatusOn).",
    }),
    currentRevision: z.int().min(1).nullable(),
    missingSignatures: z
      .array(ActorId)
      .meta({ description: "Parties that have not signed the current revision." }),
  })
  .meta({ id: "AgreementFigures" });
export type AgreementFigures = z.infer<typeof AgreementFigures>;

/** The signing state of an agreement on a date: who is missing and which status follows. */
export function agreementFigures(agreement: Agreement, asOf: string): AgreementFigures {
  return {
    effectiveStatus: agreementStatusOn(agreement, asOf),
    currentRevision: currentRevision(agreement) ?? null,
    missingSignatures: missingSignatures(agreement),
  };
}
