import type { ActorId, ContactId } from "../model/actor.js";
import type { BodyId, BodyKind, MembershipRole } from "../model/body.js";
import type { Network } from "../model/entities.js";
import type { AttendanceStatus, Meeting, MeetingId } from "../model/meeting.js";
import { type AnalysisWindow, daysBetween, type Rate, rateOf, windowEndingOn } from "./realisation.js";

/** Options of {@link assessParticipation}. */
export interface ParticipationOptions {
  /** The reference date (ISO `YYYY-MM-DD`); nothing after it counts. */
  readonly asOf: string;
  /** The window for attendance and meeting frequency; default the twelve months up to `asOf`. */
  readonly window?: AnalysisWindow;
  /** A partner with no involvement for more days than this counts as not involved (default 365). */
  readonly inactiveAfterDays?: number;
}

/** How often a partner was expected in meetings and what happened. */
export interface AttendanceCounts {
  /** Held meetings with a recorded attendance list at which the partner was expected. */
  readonly expected: number;
  /** Someone of the partner was present. */
  readonly present: number;
  /** The partner's member was represented by a stand-in. */
  readonly represented: number;
  /** Nobody attended, but the absence was excused. */
  readonly excused: number;
  /** Nobody attended, without excuse. */
  readonly absent: number;
  /** The partner was expected (a seat or membership) but nobody of it is on the attendance list. */
  readonly unrecorded: number;
}

/** A partner's attendance in one body. */
export interface BodyAttendance {
  readonly bodyId: BodyId;
  readonly counts: AttendanceCounts;
  /** (present + represented) / expected. */
  readonly rate: Rate;
  readonly meetingIds: readonly MeetingId[];
}

/** A partner's attendance across the bodies it sits in. */
export interface ActorAttendance {
  readonly actorId: ActorId;
  readonly bodies: readonly BodyAttendance[];
  readonly counts: AttendanceCounts;
  /** (present + represented) / expected: the partner was at the table. */
  readonly rate: Rate;
  /** excused / expected. */
  readonly excusedRate: Rate;
  /** (absent + unrecorded) / expected: missing without excuse. */
  readonly unexcusedRate: Rate;
}

/** What last showed that a partner takes part. */
export type InvolvementKind = "attendance" | "response" | "membership";

/** A partner's latest sign of involvement. */
export interface Involvement {
  readonly actorId: ActorId;
  readonly lastInvolvedOn: string | null;
  readonly lastInvolvement: InvolvementKind | null;
  /** Days from the last involvement to `asOf`; null when there was none. */
  readonly daysSince: number | null;
  readonly inactive: boolean;
}

/** How often a body met in the window against its target. */
export interface BodyMeetingFrequency {
  readonly bodyId: BodyId;
  readonly kind: BodyKind;
  readonly targetMeetingsPerYear: number;
  /** The part of the window in which the body existed. */
  readonly activeDays: number;
  /** target × active years, unrounded. */
  readonly expectedMeetings: number;
  /** Whole meetings the target requires in the active part of the window: expected + 0.05, rounded down. */
  readonly requiredMeetings: number;
  readonly held: number;
  readonly cancelled: number;
  readonly heldMeetingIds: readonly MeetingId[];
  readonly belowTarget: boolean;
}

/** Attendance, involvement and meeting frequency for a network. */
export interface ParticipationAssessment {
  readonly asOf: string;
  readonly window: AnalysisWindow;
  readonly inactiveAfterDays: number;
  readonly actors: readonly ActorAttendance[];
  /** Attendance of all partners together: (present + represented) / expected. */
  readonly overall: Rate;
  /** Held meetings in the window without any attendance recorded: left out of the rates. */
  readonly meetingsWithoutAttendance: readonly MeetingId[];
  readonly involvement: readonly Involvement[];
  readonly inactivePartners: readonly ActorId[];
  readonly bodies: readonly BodyMeetingFrequency[];
  readonly bodiesBelowTarget: readonly BodyId[];
}

const heldStatuses = new Set<Meeting["status"]>(["held", "minutes_approved"]);
/** Roles whose holder is expected at every meeting; deputies, guests and the secretariat are not. */
const expectedRoles = new Set<MembershipRole>(["chair", "vice_chair", "member"]);
const rank: Record<AttendanceStatus, number> = { present: 3, represented: 2, excused: 1, absent: 0 };
const active = (r: { from?: string | undefined; to?: string | undefined }, date: string) =>
  (!r.from || r.from <= date) && (!r.to || r.to >= date);
const zero = (): Mutable<AttendanceCounts> => ({
  expected: 0,
  present: 0,
  represented: 0,
  excused: 0,
  absent: 0,
  unrecorded: 0,
});
type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type Outcome = AttendanceStatus | "unrecorded";

/** Whether a meeting took place (held, or minutes approved). */
export function meetingWasHeld(meeting: Pick<Meeting, "status">): boolean {
  return heldStatuses.has(meeting.status);
}

/**
 * Resolves which partner a person sat for at a meeting: the attendance entry's `actorId`, else the
 * actor of the person's membership in the body on that day, else the actor of their affiliation.
 */
function actorResolver(network: Pick<Network, "membership" | "affiliation">) {
  const memberships = new Map<string, Network["membership"]>();
  for (const m of network.membership) {
    if (m.deleted) continue;
    const key = `${m.bodyId}|${m.contactId}`;
    const list = memberships.get(key);
    if (list) list.push(m);
    else memberships.set(key, [m]);
  }
  const affiliations = new Map<ContactId, Network["affiliation"]>();
  for (const a of network.affiliation) {
    if (a.deleted) continue;
    const list = affiliations.get(a.contactId);
    if (list) list.push(a);
    else affiliations.set(a.contactId, [a]);
  }
  return (bodyId: BodyId, contactId: ContactId, date: string): ActorId | undefined => {
    for (const m of memberships.get(`${bodyId}|${contactId}`) ?? [])
      if (m.actorId && active(m, date)) return m.actorId;
    const current = (affiliations.get(contactId) ?? []).filter((a) => active(a, date));
    return (current.find((a) => a.primary) ?? current[0])?.actorId;
  };
}

/**
 * Assesses the involvement of partners: per partner the attendance rate in the bodies it sits in,
 * the partners not involved for longer than `inactiveAfterDays`, and the bodies that met less
 * often than their `targetMeetingsPerYear` in the window.
 *
 * Attendance rules: only held meetings in the window with a recorded attendance list count. A
 * partner is expected at a meeting when it has a seat or a member (chair, vice chair, member) in
 * the body on that day, or appears on the list. Several people of one partner count once, with
 * the best status. `represented` counts as attending (the partner's voice was in the room, through
 * a stand-in); `excused` counts as not attending but is reported on its own, as is `unrecorded`
 * (expected, yet nobody of the partner on the list), which counts like `absent`.
 *
 * Involvement is the latest of: attendance (present or represented), a reconciliation response,
 * a membership beginning or ending. Meeting frequency counts held meetings in the part of the
 * window in which the body existed against target × years (365.25 days), rounded down after adding
 * 0.05 so that a twelve-month window of 365 days still requires the full target.
 *
 * @example
 * const p = assessParticipation(network, { asOf: "2025-06-30", inactiveAfterDays: 365 });
 * p.bodiesBelowTarget; // bodies that met less often than planned
 */
export function assessParticipation(
  network: Pick<
    Network,
    | "actor"
    | "affiliation"
    | "body"
    | "seat"
    | "membership"
    | "meeting"
    | "reconciliationRound"
    | "reconciliationResponse"
  >,
  options: ParticipationOptions,
): ParticipationAssessment {
  const asOf = options.asOf.slice(0, 10);
  const window = options.window ?? windowEndingOn(asOf, 12);
  const windowEnd = window.to < asOf ? window.to : asOf;
  const inactiveAfterDays = options.inactiveAfterDays ?? 365;
  const actorOf = actorResolver(network);
  const actorIds = network.actor.filter((a) => !a.deleted).map((a) => a.id);
  const known = new Set(actorIds);

  const seatsByBody = new Map<BodyId, Network["seat"]>();
  for (const s of network.seat) {
    if (s.deleted || !s.actorId) continue;
    const list = seatsByBody.get(s.bodyId);
    if (list) list.push(s);
    else seatsByBody.set(s.bodyId, [s]);
  }
  const membershipsByBody = new Map<BodyId, Network["membership"]>();
  for (const m of network.membership) {
    if (m.deleted || !expectedRoles.has(m.role)) continue;
    const list = membershipsByBody.get(m.bodyId);
    if (list) list.push(m);
    else membershipsByBody.set(m.bodyId, [m]);
  }

  const lastInvolved = new Map<ActorId, { on: string; kind: InvolvementKind }>();
  const involve = (actorId: ActorId | undefined, on: string, kind: InvolvementKind) => {
    if (!actorId || on > asOf) return;
    const current = lastInvolved.get(actorId);
    if (!current || on > current.on) lastInvolved.set(actorId, { on, kind });
  };

  // actor → body → counts
  const perActor = new Map<
    ActorId,
    Map<BodyId, { counts: Mutable<AttendanceCounts>; meetings: MeetingId[] }>
  >();
  const meetingsWithoutAttendance: MeetingId[] = [];
  for (const meeting of network.meeting) {
    if (meeting.deleted || !meetingWasHeld(meeting)) continue;
    const date = meeting.start.slice(0, 10);
    if (date > asOf) continue;
    const outcomes = new Map<ActorId, Outcome>();
    for (const entry of meeting.attendance) {
      const actorId = entry.actorId ?? actorOf(meeting.bodyId, entry.contactId, date);
      if (!actorId) continue;
      if (entry.status === "present" || entry.status === "represented") involve(actorId, date, "attendance");
      const before = outcomes.get(actorId);
      if (before === undefined || (before !== "unrecorded" && rank[entry.status] > rank[before]))
        outcomes.set(actorId, entry.status);
    }
    if (date < window.from || date > windowEnd) continue;
    if (meeting.attendance.length === 0) {
      meetingsWithoutAttendance.push(meeting.id);
      continue;
    }
    for (const seat of seatsByBody.get(meeting.bodyId) ?? [])
      if (seat.actorId && active(seat, date) && !outcomes.has(seat.actorId))
        outcomes.set(seat.actorId, "unrecorded");
    for (const m of membershipsByBody.get(meeting.bodyId) ?? []) {
      if (!active(m, date)) continue;
      const actorId = m.actorId ?? actorOf(meeting.bodyId, m.contactId, date);
      if (actorId && !outcomes.has(actorId)) outcomes.set(actorId, "unrecorded");
    }
    for (const [actorId, outcome] of outcomes) {
      let bodies = perActor.get(actorId);
      if (!bodies) {
        bodies = new Map();
        perActor.set(actorId, bodies);
      }
      let entry = bodies.get(meeting.bodyId);
      if (!entry) {
        entry = { counts: zero(), meetings: [] };
        bodies.set(meeting.bodyId, entry);
      }
      entry.counts.expected += 1;
      entry.counts[outcome] += 1;
      entry.meetings.push(meeting.id);
    }
  }

  const total = zero();
  const actors: ActorAttendance[] = [];
  for (const actorId of [...actorIds, ...[...perActor.keys()].filter((id) => !known.has(id))]) {
    const bodies = perActor.get(actorId);
    if (!bodies) continue;
    const counts = zero();
    const bodyRows: BodyAttendance[] = [];
    for (const [bodyId, entry] of bodies) {
      for (const key of Object.keys(counts) as (keyof AttendanceCounts)[]) {
        counts[key] += entry.counts[key];
        total[key] += entry.counts[key];
      }
      bodyRows.push({
        bodyId,
        counts: entry.counts,
        rate: rateOf(entry.counts.present + entry.counts.represented, entry.counts.expected),
        meetingIds: entry.meetings,
      });
    }
    actors.push({
      actorId,
      bodies: bodyRows,
      counts,
      rate: rateOf(counts.present + counts.represented, counts.expected),
      excusedRate: rateOf(counts.excused, counts.expected),
      unexcusedRate: rateOf(counts.absent + counts.unrecorded, counts.expected),
    });
  }

  const rounds = new Map(network.reconciliationRound.filter((r) => !r.deleted).map((r) => [r.id, r]));
  for (const response of network.reconciliationResponse) {
    if (response.deleted) continue;
    const round = rounds.get(response.roundId);
    // Without a submission time, the round's close (or, while it is open, its opening) dates the answer.
    const closed = round?.closesOn && round.closesOn <= asOf ? round.closesOn : undefined;
    const on = response.submittedAt?.slice(0, 10) ?? closed ?? round?.opensOn;
    if (on) involve(response.actorId, on, "response");
  }
  for (const m of network.membership) {
    if (m.deleted) continue;
    const actorId = m.actorId ?? actorOf(m.bodyId, m.contactId, m.from);
    involve(actorId, m.from, "membership");
    if (m.to) involve(actorId, m.to, "membership");
  }
  const involvement = actorIds.map((actorId): Involvement => {
    const last = lastInvolved.get(actorId);
    const daysSince = last ? daysBetween(last.on, asOf) : null;
    return {
      actorId,
      lastInvolvedOn: last?.on ?? null,
      lastInvolvement: last?.kind ?? null,
      daysSince,
      inactive: daysSince === null || daysSince > inactiveAfterDays,
    };
  });

  const meetingsByBody = new Map<BodyId, Network["meeting"]>();
  for (const m of network.meeting) {
    if (m.deleted) continue;
    const list = meetingsByBody.get(m.bodyId);
    if (list) list.push(m);
    else meetingsByBody.set(m.bodyId, [m]);
  }
  const bodies: BodyMeetingFrequency[] = [];
  for (const body of network.body) {
    if (body.deleted) continue;
    const from = body.from && body.from > window.from ? body.from : window.from;
    const to = body.to && body.to < windowEnd ? body.to : windowEnd;
    if (to < from) continue;
    const activeDays = daysBetween(from, to) + 1;
    const expectedMeetings = (body.targetMeetingsPerYear * activeDays) / 365.25;
    // The slack keeps a window a few days short of whole years (365 of 365.25 days) from losing a meeting.
    const requiredMeetings = Math.floor(expectedMeetings + 0.05);
    const heldMeetingIds: MeetingId[] = [];
    let cancelled = 0;
    for (const m of meetingsByBody.get(body.id) ?? []) {
      const date = m.start.slice(0, 10);
      if (date < from || date > to) continue;
      if (meetingWasHeld(m)) heldMeetingIds.push(m.id);
      else if (m.status === "cancelled") cancelled += 1;
    }
    bodies.push({
      bodyId: body.id,
      kind: body.kind,
      targetMeetingsPerYear: body.targetMeetingsPerYear,
      activeDays,
      expectedMeetings,
      requiredMeetings,
      held: heldMeetingIds.length,
      cancelled,
      heldMeetingIds,
      belowTarget: heldMeetingIds.length < requiredMeetings,
    });
  }

  return {
    asOf,
    window,
    inactiveAfterDays,
    actors,
    overall: rateOf(total.present + total.represented, total.expected),
    meetingsWithoutAttendance,
    involvement,
    inactivePartners: involvement.filter((i) => i.inactive).map((i) => i.actorId),
    bodies,
    bodiesBelowTarget: bodies.filter((b) => b.belowTarget).map((b) => b.bodyId),
  };
}
