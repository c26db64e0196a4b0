import { z } from "zod";
import { IsoDate } from "../common/record.js";
import { ActorId, AffiliationId, ContactId } from "../model/actor.js";
import { BodyId, MembershipId, type MembershipRole, SeatId } from "../model/body.js";
import type { Network } from "../model/entities.js";
import type { AnalysisInput } from "./reads.js";
import { AnalysisWindow, daysBetween, Rate, rateOf, windowEndingOn } from "./realisation.js";
import { Count, orNull } from "./wire.js";

/** Options of {@link assessContinuity}. */
export interface ContinuityOptions {
  /** The reference date (ISO `YYYY-MM-DD`). */
  readonly asOf: string;
  /** The window for recent handovers and turnover; default the twelve months up to `asOf`. */
  readonly window?: AnalysisWindow;
}

const changesPerYear = z.number().min(0).nullable().meta({
  description:
    "changes / observed years, with at least one year observed so short histories do not inflate it.",
});

/** Contact changes and tenure at one partner. */
export const ActorContinuity = z
  .strictObject({
    actorId: ActorId,
    changes: Count.meta({
      description: "Primary affiliations that ended on or before `asOf`: each is a change of contact.",
    }),
    observedSince: orNull(IsoDate).meta({
      description: "Since when the partner's contacts are known (earliest primary affiliation).",
    }),
    changesPerYear,
    meanTenureYears: z.number().min(0).nullable().meta({
      description: "Mean length of the primary affiliations in years; open ones count up to `asOf`.",
    }),
    openTenures: Count.meta({
      description: "How many of those tenures are still open (their length is a lower bound).",
    }),
    currentContactIds: z.array(ContactId),
    affiliationIds: z.array(AffiliationId),
  })
  .meta({ id: "ActorContinuity" });
/** Contact changes and tenure at one partner. */
export type ActorContinuity = z.infer<typeof ActorContinuity>;

/** Holder changes, tenure and vacancy of one seat. */
export const SeatContinuity = z
  .strictObject({
    seatId: SeatId,
    bodyId: BodyId,
    actorId: orNull(ActorId),
    changes: Count.meta({
      description: "Holder memberships (chair, vice chair, member) that ended on or before `asOf`.",
    }),
    observedSince: orNull(IsoDate),
    changesPerYear,
    meanTenureYears: z.number().min(0).nullable(),
    currentHolderMembershipIds: z.array(MembershipId),
    vacant: z.boolean().meta({ description: "The seat exists on `asOf` but nobody holds it." }),
    vacantSince: orNull(IsoDate).meta({
      description:
        "Since when the seat is vacant: the end of the last term, or the seat's start if never held.",
    }),
  })
  .meta({ id: "SeatContinuity" });
/** Holder changes, tenure and vacancy of one seat. */
export type SeatContinuity = z.infer<typeof SeatContinuity>;

/** A handover of a contact's role at a partner to a successor. */
export const Handover = z
  .strictObject({
    affiliationId: AffiliationId,
    actorId: ActorId,
    contactId: ContactId,
    endedOn: IsoDate,
    successorContactId: orNull(ContactId),
    successorStartedOn: orNull(IsoDate).meta({
      description: "When the successor's affiliation at the same partner began; null when none is recorded.",
    }),
    gapDays: z.int().nullable().meta({
      description:
        "Days from the end to the successor's start: 0 = same day, negative = overlap for induction.",
    }),
  })
  .meta({ id: "Handover" });
/** A handover of a contact's role at a partner to a successor. */
export type Handover = z.infer<typeof Handover>;

/** Two holder terms on one seat that share more than a boundary day. */
export const OverlappingTerms = z
  .strictObject({
    seatId: SeatId,
    membershipIds: z.tuple([MembershipId, MembershipId]),
    from: IsoDate,
    to: orNull(IsoDate).meta({
      description: "End of the shared span; null when both terms are open-ended.",
    }),
  })
  .meta({ id: "OverlappingTerms" });
/** Two holder terms on one seat that share more than a boundary day. */
export type OverlappingTerms = z.infer<typeof OverlappingTerms>;

/** Personnel continuity of a network (the result of {@link assessContinuity}). */
export const ContinuityAssessment = z
  .strictObject({
    asOf: IsoDate,
    window: AnalysisWindow,
    actors: z.array(ActorContinuity),
    seats: z.array(SeatContinuity),
    vacantSeats: z.array(SeatId),
    handovers: z.array(Handover),
    overlappingTerms: z.array(OverlappingTerms),
    /** Of the primary affiliations active at the window's start, the share that ended within it. */
    turnover: Rate,
    meanChangesPerYear: z.number().min(0).nullable().meta({
      description: "Mean of the partners' contact changes per year (partners with known contacts).",
    }),
  })
  .meta({
    id: "ContinuityAssessment",
    description:
      "Personnel continuity: contact changes and tenure per partner, holder changes and vacancy per seat, handovers and overlapping terms. turnover = of the primary affiliations active at the window's start, the share that ended within it.",
  });
/** Personnel continuity of a network. */
export type ContinuityAssessment = z.infer<typeof ContinuityAssessment>;

/** Membership roles that hold a seat; deputies, guests and the secretariat do not. */
export const holderRoles: readonly MembershipRole[] = ["chair", "vice_chair", "member"];

const YEAR_DAYS = 365.25;
const active = (r: { from?: string | undefined; to?: string | undefined }, date: string) =>
  (!r.from || r.from <= date) && (!r.to || r.to >= date);
const mean = (values: readonly number[]) =>
  values.length ? values.reduce((a, b) => a + b, 0) / values.length : null;

/** Orders terms by start, then by end (open ends last), so a one-day term on a handover day comes first. */
const byTerm = (
  a: { from: string; to?: string | undefined },
  b: { from: string; to?: string | undefined },
) => (a.from !== b.from ? (a.from < b.from ? -1 : 1) : (a.to ?? "\uffff") < (b.to ?? "\uffff") ? -1 : 1);

function history(terms: readonly { from: string; to?: string | undefined }[], asOf: string, since?: string) {
  const started = terms.filter((t) => t.from <= asOf);
  const changes = started.filter((t) => t.to !== undefined && t.to <= asOf).length;
  const first = started.reduce<string | null>(
    (min, t) => (min === null || t.from < min ? t.from : min),
    null,
  );
  const observedSince = since && (!first || since < first) ? since : first;
  const years = observedSince ? Math.max(1, (daysBetween(observedSince, asOf) + 1) / YEAR_DAYS) : null;
  const tenures = started.map(
    (t) => (daysBetween(t.from, t.to && t.to < asOf ? t.to : asOf) + 1) / YEAR_DAYS,
  );
  return {
    changes,
    observedSince,
    changesPerYear: years === null ? null : changes / years,
    meanTenureYears: mean(tenures),
    openTenures: started.filter((t) => t.to === undefined || t.to > asOf).length,
  };
}

/**
 * Assesses personnel continuity: per partner the contact changes per year and mean tenure (from
 * primary affiliations), per seat the holder changes, tenure and vacancy (from holder
 * memberships), recent handovers with the gap to the successor, overlapping terms on a seat, and
 * the turnover of contacts in the window. Terms that touch on one day (a handover on that day)
 * do not overlap.
 *
 * @example
 * const c = assessContinuity(network, { asOf: "2025-06-30" });
 * c.vacantSeats; // seats without a holder today
 */
export function assessContinuity(
  network: AnalysisInput<"assessContinuity">,
  options: ContinuityOptions,
): ContinuityAssessment {
  const asOf = options.asOf.slice(0, 10);
  const window = options.window ?? windowEndingOn(asOf, 12);
  const affiliations = network.affiliation.filter((a) => !a.deleted);
  const primaryByActor = new Map<ActorId, Network["affiliation"]>();
  for (const a of affiliations) {
    if (!a.primary) continue;
    const list = primaryByActor.get(a.actorId);
    if (list) list.push(a);
    else primaryByActor.set(a.actorId, [a]);
  }
  const actors = network.actor
    .filter((a) => !a.deleted)
    .map((actor): ActorContinuity => {
      const list = primaryByActor.get(actor.id) ?? [];
      return {
        actorId: actor.id,
        ...history(list, asOf),
        currentContactIds: list.filter((a) => active(a, asOf)).map((a) => a.contactId),
        affiliationIds: list.map((a) => a.id),
      };
    });

  const bodies = new Map(network.body.filter((b) => !b.deleted).map((b) => [b.id, b]));
  const holdersBySeat = new Map<SeatId, Network["membership"]>();
  for (const m of network.membership) {
    if (m.deleted || !m.seatId || !holderRoles.includes(m.role)) continue;
    const list = holdersBySeat.get(m.seatId);
    if (list) list.push(m);
    else holdersBySeat.set(m.seatId, [m]);
  }
  const seats: SeatContinuity[] = [];
  const overlappingTerms: OverlappingTerms[] = [];
  for (const seat of network.seat) {
    if (seat.deleted) continue;
    const terms = [...(holdersBySeat.get(seat.id) ?? [])].sort(byTerm);
    const current = terms.filter((m) => active(m, asOf));
    const body = bodies.get(seat.bodyId);
    const exists = active(seat, asOf) && body !== undefined && active(body, asOf);
    const vacant = exists && current.length === 0;
    let vacantSince: string | null = null;
    if (vacant) {
      const ended = terms.filter((m) => m.to !== undefined && m.to < asOf).map((m) => m.to as string);
      vacantSince = ended.length
        ? ended.reduce((a, b) => (a > b ? a : b))
        : (seat.from ?? body?.from ?? null);
    }
    const h = history(terms, asOf, seat.from);
    seats.push({
      seatId: seat.id,
      bodyId: seat.bodyId,
      actorId: seat.actorId ?? null,
      changes: h.changes,
      observedSince: h.observedSince,
      changesPerYear: h.changesPerYear,
      meanTenureYears: h.meanTenureYears,
      currentHolderMembershipIds: current.map((m) => m.id),
      vacant,
      vacantSince,
    });
    for (let i = 0; i < terms.length; i++) {
      const a = terms[i] as (typeof terms)[number];
      for (let j = i + 1; j < terms.length; j++) {
        const b = terms[j] as (typeof terms)[number];
        // Sorted by start: once b starts on or after a's end, later terms cannot overlap a either.
        if (a.to !== undefined && b.from >= a.to) break;
        const to = a.to === undefined ? (b.to ?? null) : b.to === undefined || a.to < b.to ? a.to : b.to;
        overlappingTerms.push({ seatId: seat.id, membershipIds: [a.id, b.id], from: b.from, to });
      }
    }
  }

  const windowEnd = window.to < asOf ? window.to : asOf;
  const handovers: Handover[] = [];
  for (const a of affiliations) {
    if (a.endReason !== "handover" || a.to === undefined || a.to < window.from || a.to > windowEnd) continue;
    const end = a.to;
    let successorStartedOn: string | null = null;
    if (a.successorContactId) {
      for (const s of affiliations) {
        if (s.contactId !== a.successorContactId || s.actorId !== a.actorId) continue;
        if (
          successorStartedOn === null ||
          Math.abs(daysBetween(end, s.from)) < Math.abs(daysBetween(end, successorStartedOn))
        )
          successorStartedOn = s.from;
      }
    }
    handovers.push({
      affiliationId: a.id,
      actorId: a.actorId,
      contactId: a.contactId,
      endedOn: end,
      successorContactId: a.successorContactId ?? null,
      successorStartedOn,
      gapDays: successorStartedOn === null ? null : daysBetween(end, successorStartedOn),
    });
  }

  const atStart = affiliations.filter((a) => a.primary && active(a, window.from));
  const left = atStart.filter((a) => a.to !== undefined && a.to <= windowEnd);
  const rates = actors.map((a) => a.changesPerYear).filter((x): x is number => x !== null);
  return {
    asOf,
    window,
    actors,
    seats,
    vacantSeats: seats.filter((s) => s.vacant).map((s) => s.seatId),
    handovers,
    overlappingTerms,
    turnover: rateOf(left.length, atStart.length),
    meanChangesPerYear: mean(rates),
  };
}
