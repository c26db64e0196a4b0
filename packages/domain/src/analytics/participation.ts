import { z } from "zod";
import { text } from "../common/i18n.js";
import { labelledEnum } from "../common/labels.js";
import { IsoDate } from "../common/record.js";
import { ActorId, type ContactId } from "../model/actor.js";
import { BodyId, BodyKind, type MembershipRole } from "../model/body.js";
import type { Network } from "../model/entities.js";
import { type AttendanceStatus, type Meeting, MeetingId } from "../model/meeting.js";
import type { AnalysisInput } from "./reads.js";
import { AnalysisWindow, daysBetween, Rate, rateOf, windowEndingOn } from "./realisation.js";
import { Count, orNull } from "./wire.js";

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
export const AttendanceCounts = z
  .strictObject({
    expected: Count.meta({
      description: "Held meetings with a recorded attendance list at which the partner was expected.",
    }),
    present: Count.meta({ description: "Someone of the partner was present." }),
    represented: Count.meta({ description: "The partner's member was represented by a stand-in." }),
    excused: Count.meta({ description: "Nobody attended, but the absence was excused." }),
    absent: Count.meta({ description: "Nobody attended, without excuse." }),
    unrecorded: Count.meta({
      description:
        "The partner was expected (a seat or membership) but nobody of it is on the attendance list.",
    }),
  })
  .meta({ id: "AttendanceCounts" });
/** How often a partner was expected in meetings and what happened. */
export type AttendanceCounts = z.infer<typeof AttendanceCounts>;

/** A partner's attendance in one body. */
export const BodyAttendance = z
  .strictObject({
    bodyId: BodyId,
    counts: AttendanceCounts,
    /** (present + represented) / expected. */
    rate: Rate,
    meetingIds: z.array(MeetingId),
  })
  .meta({
    id: "BodyAttendance",
    description: "A partner's attendance in one body. rate = (present + represented) / expected.",
  });
/** A partner's attendance in one body. */
export type BodyAttendance = z.infer<typeof BodyAttendance>;

/** A partner's attendance across the bodies it sits in. */
export const ActorAttendance = z
  .strictObject({
    actorId: ActorId,
    bodies: z.array(BodyAttendance),
    counts: AttendanceCounts,
    /** (present + represented) / expected: the partner was at the table. */
    rate: Rate,
    /** excused / expected. */
    excusedRate: Rate,
    /** (absent + unrecorded) / expected: missing without excuse. */
    unexcusedRate: Rate,
  })
  .meta({
    id: "ActorAttendance",
    description:
      "A partner's attendance across the bodies it sits in. rate = (present + represented) / expected: the partner was at the table; excusedRate = excused / expected; unexcusedRate = (absent + unrecorded) / expected.",
  });
/** A partner's attendance across the bodies it sits in. */
export type ActorAttendance = z.infer<typeof ActorAttendance>;

/** German and English labels of {@link InvolvementKind}. */
export const involvementKindLabels = {
  attendance: text("Teilnahme an einer Sitzung", "Attendance at a meeting"),
  response: text("Rückmeldung im Erwartungsabgleich", "Response in a reconciliation round"),
  membership: text("Beginn oder Ende einer Mitgliedschaft", "Start or end of a membership"),
} as const;
/** What last showed that a partner takes part: attendance, a reconciliation response or a membership. */
export const InvolvementKind = labelledEnum("InvolvementKind", involvementKindLabels);
/** One of {@link InvolvementKind}. */
export type InvolvementKind = z.infer<typeof InvolvementKind>;

/** A partner's latest sign of involvement. */
export const Involvement = z
  .strictObject({
    actorId: ActorId,
    lastInvolvedOn: orNull(IsoDate),
    lastInvolvement: orNull(InvolvementKind),
    daysSince: z
      .int()
      .nullable()
      .meta({ description: "Days from the last involvement to `asOf`; null when there was none." }),
    inactive: z.boolean(),
  })
  .meta({ id: "Involvement" });
/** A partner's latest sign of involvement. */
export type Involvement = z.infer<typeof Involvement>;

/** How often a body met in the window against its target. */
export const BodyMeetingFrequency = z
  .strictObject({
    bodyId: BodyId,
    kind: BodyKind,
    targetMeetingsPerYear: z.number().min(0),
    activeDays: Count.meta({ description: "The part of the window in which the body existed." }),
    expectedMeetings: z.number().min(0).meta({ description: "target × active years, unrounded." }),
    requiredMeetings: Count.meta({
      description:
        "Whole meetings the target requires in the active part of the window: expected + 0.05, rounded down.",
    }),
    held: Count,
    cancelled: Count,
    heldMeetingIds: z.array(MeetingId),
    belowTarget: z.boolean(),
  })
  .meta({ id: "BodyMeetingFrequency" });
/** How often a body met in the window against its target. */
export type BodyMeetingFrequency = z.infer<typeof BodyMeetingFrequency>;

/** Attendance, involvement and meeting frequency for a network (the result of {@link assessParticipation}). */
export const ParticipationAssessment = z
  .strictObject({
    asOf: IsoDate,
    window: AnalysisWindow,
    inactiveAfterDays: z.number(),
    actors: z.array(ActorAttendance),
    /** Attendance of all partners together: (present + represented) / expected. */
    overall: Rate,
    meetingsWithoutAttendance: z.array(MeetingId).meta({
      description: "Held meetings in the window without any attendance recorded: left out of the rates.",
    }),
    involvement: z.array(Involvement),
    inactivePartners: z.array(ActorId),
    bodies: z.array(BodyMeetingFrequency),
    bodiesBelowTarget: z.array(BodyId),
  })
  .meta({
    id: "ParticipationAssessment",
    description:
      "Attendance per partner and body, the partners' latest involvement, and how often each body met against its target. overall = (present + represented) / expected over all partners.",
  });
/** Attendance, involvement and meeting frequency for a network. */
export type ParticipationAssessment = z.infer<typeof ParticipationAssessment>;

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
  network: AnalysisInput<"assessParticipation">,
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
