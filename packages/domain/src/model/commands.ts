// The office's operations as commands: each takes the records it reads (loaded and locked by the
// caller in one transaction) and returns the changes to write, or why it cannot be done. The store
// writes the changes in the same transaction, so an operation happens whole or not at all.
import { z } from "zod";
import { overlapFingerprint } from "../analytics/overlaps.js";
import { type Locale, type LocalizedText, text } from "../common/i18n.js";
import { messages } from "../common/messages.js";
import { IsoDate, IsoDateTime, LongText, Name } from "../common/record.js";
import { type DomainError, err, ok, type Result } from "../common/result.js";
import { type Affiliation, type AffiliationCreate, type AffiliationPatch, ContactId } from "./actor.js";
import {
  type Agreement,
  type AgreementPatch,
  agreementStatusOn,
  currentRevision,
  Signature,
} from "./agreement.js";
import type { Membership, MembershipCreate, MembershipPatch } from "./body.js";
import type { EntityName } from "./entities.js";
import {
  type Measure,
  MeasureId,
  type MeasurePatch,
  type OverlapReviewCreate,
  OverlapVerdict,
} from "./measure.js";
import type { Meeting, MeetingPatch } from "./meeting.js";

/** A change a command asks for: a new record, or a merge patch of a record at a known version. */
export type Change =
  | { readonly kind: "create"; readonly entity: EntityName; readonly input: object }
  | {
      readonly kind: "update";
      readonly entity: EntityName;
      readonly id: string;
      readonly version: number;
      readonly patch: object;
    };

const say = (locale: Locale, t: LocalizedText) => t[locale];

function refused(
  code: "conflict" | "validation_failed",
  locale: Locale,
  t: LocalizedText,
  path?: string,
): Result<never, DomainError> {
  return err({
    code,
    message: say(locale, t),
    ...(path ? { details: [{ path, code: "command_refused", message: say(locale, t), messages: t }] } : {}),
  });
}

/** The day before an ISO date. */
export function dayBefore(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - 1);
  return day.toISOString().slice(0, 10);
}

// ---------------------------------------------------------------------------------------------
// Handover

/** What a coordinator enters for a contact handover: who takes over, from when, and a note. */
export const HandoverInput = z
  .strictObject({
    successorContactId: ContactId,
    on: IsoDate.meta({
      description: "The first day of the successor; the predecessor's last day is the day before.",
    }),
    role: Name.optional().meta({ description: "The successor's function, if it differs." }),
    note: LongText.optional(),
  })
  .meta({ id: "HandoverInput" });
export type HandoverInput = z.infer<typeof HandoverInput>;

/** What the records around a handover look like: the ending affiliation and its person's memberships. */
export interface HandoverState {
  readonly affiliation: Affiliation;
  /** The memberships of the affiliation's person (any body); the command picks those for this actor. */
  readonly memberships: readonly Membership[];
}

/** The changes of a handover, in the order they are written. */
export interface HandoverPlan {
  readonly changes: readonly Change[];
  /** The memberships that move to the successor (their ids before the move). */
  readonly movedMemberships: readonly string[];
}

/**
 * A contact handover (Übergabe): the person's affiliation with the actor ends the day before `on`,
 * the successor's begins on `on` with the same actor, level and role (unless a new role is given),
 * and every membership the person holds for that actor (seats in bodies included) passes to the
 * successor from `on`. The successor therefore appears on the bodies' attendance lists.
 *
 * @example
 * const plan = planHandover({ affiliation, memberships }, { successorContactId, on: "2026-02-01" });
 */
export function planHandover(
  state: HandoverState,
  input: HandoverInput,
  locale: Locale = "de",
): Result<HandoverPlan, DomainError> {
  const { affiliation } = state;
  const last = dayBefore(input.on);
  if (input.successorContactId === affiliation.contactId)
    return refused("validation_failed", locale, handoverTexts.samePerson, "successorContactId");
  if (affiliation.to !== undefined && affiliation.to < last)
    return refused("conflict", locale, handoverTexts.alreadyEnded(affiliation.to));
  if (input.on <= affiliation.from)
    return refused("validation_failed", locale, handoverTexts.beforeStart(affiliation.from), "on");
  const end: AffiliationPatch = {
    to: last,
    endReason: "handover",
    successorContactId: input.successorContactId,
    ...(input.note ? { note: input.note } : {}),
  };
  const start: AffiliationCreate = {
    contactId: input.successorContactId,
    actorId: affiliation.actorId,
    role: input.role ?? affiliation.role,
    level: affiliation.level,
    primary: affiliation.primary,
    from: input.on,
  };
  const changes: Change[] = [
    { kind: "update", entity: "affiliation", id: affiliation.id, version: affiliation.version, patch: end },
    { kind: "create", entity: "affiliation", input: start },
  ];
  const moved: string[] = [];
  for (const membership of state.memberships) {
    if (membership.deleted || membership.contactId !== affiliation.contactId) continue;
    if (membership.actorId !== undefined && membership.actorId !== affiliation.actorId) continue;
    if (membership.to !== undefined && membership.to < input.on) continue;
    if (membership.from >= input.on) continue;
    const ends: MembershipPatch = { to: last };
    const takesOver: MembershipCreate = {
      bodyId: membership.bodyId,
      contactId: input.successorContactId,
      actorId: membership.actorId ?? affiliation.actorId,
      ...(membership.seatId ? { seatId: membership.seatId } : {}),
      role: membership.role,
      votingRight: membership.votingRight,
      from: input.on,
      ...(membership.to !== undefined ? { to: membership.to } : {}),
    };
    changes.push(
      { kind: "update", entity: "membership", id: membership.id, version: membership.version, patch: ends },
      { kind: "create", entity: "membership", input: takesOver },
    );
    moved.push(membership.id);
  }
  return ok({ changes, movedMemberships: moved });
}

const handoverTexts = {
  samePerson: text(
    "Die Nachfolge muss eine andere Person sein.",
    "The successor must be a different person.",
  ),
  alreadyEnded: (to: string) =>
    text(
      `Diese Zugehörigkeit endete bereits am ${to}; eine Übergabe ist nur aus einer laufenden möglich.`,
      `This affiliation already ended on ${to}; only a running one can be handed over.`,
    ),
  beforeStart: (from: string) =>
    text(
      `Die Übergabe muss nach dem Beginn der Zugehörigkeit (${from}) liegen.`,
      `The handover must come after the affiliation began (${from}).`,
    ),
};

// ---------------------------------------------------------------------------------------------
// Signing

/** A partner's signature as a coordinator records it; without a revision it signs the current one. */
export const SignatureInput = Signature.meta({ id: "SignatureInput" });
export type SignatureInput = z.infer<typeof SignatureInput>;

/**
 * Records a partner's signature under an agreement. The signature replaces the partner's earlier
 * one; without a revision number it signs the current revision. Then the signing rule applies: an
 * agreement in negotiation (or a draft) that every party has now signed becomes signed, and in force
 * once its validity start is reached (see {@link agreementStatusOn}).
 *
 * @example
 * const patch = planSignature(agreement, { actorId, signedOn: "2026-03-01" }, "2026-03-01");
 */
export function planSignature(
  agreement: Agreement,
  input: SignatureInput,
  asOf: string,
  locale: Locale = "de",
): Result<AgreementPatch, DomainError> {
  if (agreement.status === "terminated" || agreement.status === "expired")
    return refused("conflict", locale, signingTexts.ended);
  if (agreement.partyActorIds.length > 0 && !agreement.partyActorIds.includes(input.actorId)) {
    const texts = messages.unknown_reference({ value: input.actorId });
    return err({
      code: "validation_failed",
      message: say(locale, signingTexts.notParty),
      details: [{ path: "actorId", code: "unknown_reference", message: texts[locale], messages: texts }],
    });
  }
  const revision = input.revision ?? currentRevision(agreement);
  const signature: Signature = { ...input, ...(revision !== undefined ? { revision } : {}) };
  const signatures = [...agreement.signatures.filter((s) => s.actorId !== input.actorId), signature];
  const base = agreement.status === "draft" ? "negotiating" : agreement.status;
  const status = agreementStatusOn({ ...agreement, signatures, status: base }, asOf);
  return ok({ signatures, status });
}

const signingTexts = {
  ended: text(
    "Eine gekündigte oder ausgelaufene Vereinbarung kann nicht mehr unterschrieben werden.",
    "A terminated or expired agreement can no longer be signed.",
  ),
  notParty: text(
    "Nur Vertragspartner können die Vereinbarung unterschreiben.",
    "Only parties can sign the agreement.",
  ),
};

// ---------------------------------------------------------------------------------------------
// Overlap review and verification

/** A coordinator's verdict on two measures suspected of being redundant. */
export const OverlapVerdictInput = z
  .strictObject({
    measureIds: z.tuple([MeasureId, MeasureId]),
    verdict: OverlapVerdict,
    note: z.string().max(2000).optional(),
  })
  .meta({ id: "OverlapVerdictInput" });
export type OverlapVerdictInput = z.infer<typeof OverlapVerdictInput>;

/**
 * Records a review of a suspected overlap: the two measures must differ and exist; the review
 * notes who reviewed, when, and the measures as they were: their versions and their fingerprints over
 * `overlapFingerprintFields`, so that only a change to a field that makes the pair redundant reopens it.
 */
export function planOverlapReview(
  measures: readonly [Measure, Measure],
  input: OverlapVerdictInput,
  by: string,
  at: string,
  locale: Locale = "de",
): Result<OverlapReviewCreate, DomainError> {
  const [a, b] = measures;
  if (a.id === b.id) return refused("validation_failed", locale, reviewTexts.same, "measureIds.1");
  return ok({
    measureIds: [a.id, b.id],
    measureVersions: [a.version, b.version],
    measureFingerprints: [overlapFingerprint(a), overlapFingerprint(b)],
    verdict: input.verdict,
    ...(input.note ? { note: input.note } : {}),
    reviewedBy: by,
    reviewedAt: at,
  });
}

const reviewTexts = {
  same: text("Bitte zwei verschiedene Maßnahmen wählen.", "Please choose two different measures."),
};

/** A confirmation that a measure's entry is still accurate: by whom and when. */
export const VerificationInput = z
  .strictObject({ note: z.string().max(500).optional() })
  .meta({ id: "VerificationInput" });
export type VerificationInput = z.infer<typeof VerificationInput>;

/**
 * Stamps a measure as checked and still accurate (for the public catalogue's "zuletzt geprüft"):
 * the name of whoever confirmed it and the time. Nothing else of the measure changes.
 */
export function planVerification(by: string, at: string): MeasurePatch {
  return { lastVerifiedAt: at, lastVerifiedBy: by };
}

/** The instant of a verification stamp, as the schema has it. */
export const VerificationStamp = z
  .strictObject({ lastVerifiedAt: IsoDateTime, lastVerifiedBy: z.string() })
  .meta({ id: "VerificationStamp" });

// ---------------------------------------------------------------------------------------------
// Completing an action item

/** What a client sends to mark an action item done: the day it was done (default: today). */
export const ActionItemCompletion = z
  .strictObject({
    doneOn: IsoDate.optional().meta({
      description: "The day the item was done; default the reference date.",
    }),
  })
  .meta({ id: "ActionItemCompletion" });
export type ActionItemCompletion = z.infer<typeof ActionItemCompletion>;

const completionTexts = {
  missing: text("Diese Aufgabe gibt es in der Sitzung nicht.", "The meeting has no such action item."),
  dropped: text(
    "Eine verworfene Aufgabe kann nicht erledigt werden.",
    "A dropped action item cannot be marked done.",
  ),
  future: text("Das Erledigungsdatum liegt in der Zukunft.", "The completion date is in the future."),
};

/**
 * Marks one action item of a meeting done on a day (default `asOf`) and returns the meeting's
 * patch; the other items stay as they are. An item already done keeps its date. Refused for an
 * unknown or dropped item, or a completion date after `asOf`. Who may do it is
 * {@link canCompleteActionItem}'s rule.
 *
 * @example
 * planActionItemCompletion(meeting, "tsk_000000000004", {}, "2025-06-30"); // ok({ actionItems: [… done …] })
 */
export function planActionItemCompletion(
  meeting: Pick<Meeting, "actionItems">,
  itemId: string,
  input: ActionItemCompletion,
  asOf: string,
  locale: Locale = "de",
): Result<MeetingPatch, DomainError> {
  const item = meeting.actionItems.find((i) => i.id === itemId);
  if (!item) return err({ code: "not_found", message: say(locale, completionTexts.missing) });
  if (item.status === "dropped") return refused("conflict", locale, completionTexts.dropped);
  const doneOn = input.doneOn ?? asOf.slice(0, 10);
  if (doneOn > asOf.slice(0, 10))
    return refused("validation_failed", locale, completionTexts.future, "doneOn");
  if (item.status === "done") return ok({ actionItems: meeting.actionItems });
  return ok({
    actionItems: meeting.actionItems.map((i) =>
      i.id === itemId ? { ...i, status: "done" as const, doneOn } : i,
    ),
  });
}
