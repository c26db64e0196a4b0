import { z } from "zod";
import { IsoDate, IsoDateTime } from "../common/record.js";
import { ActorId } from "../model/actor.js";
import { BodyId } from "../model/body.js";
import { MeetingId, MeetingStatus } from "../model/meeting.js";
import type { AnalysisInput } from "./reads.js";
import { daysBetween } from "./realisation.js";
import { Count, orNull } from "./wire.js";

/** Options of {@link upcomingMeetings}. */
export interface UpcomingMeetingsOptions {
  /** The reference date (ISO `YYYY-MM-DD`). */
  readonly asOf: string;
  /** Only the bodies this partner sits in on `asOf` (by a seat or a membership for it). */
  readonly actorId?: string | undefined;
  /** At most this many upcoming meetings (default 10). */
  readonly limit?: number;
}

/** A meeting on or after the reference date, or one before it whose outcome is not recorded. */
export const MeetingDate = z
  .strictObject({
    meetingId: MeetingId,
    bodyId: BodyId,
    title: z.string(),
    start: IsoDateTime,
    location: orNull(z.string()),
    status: MeetingStatus,
    days: z.int().meta({ description: "Days from asOf to the meeting's date (negative: in the past)." }),
  })
  .meta({ id: "MeetingDate" });
/** A meeting with its distance from the reference date. */
export type MeetingDate = z.infer<typeof MeetingDate>;

/** The next meetings and the past ones still waiting for their outcome (the result of {@link upcomingMeetings}). */
export const UpcomingMeetings = z
  .strictObject({
    asOf: IsoDate,
    actorId: orNull(ActorId),
    bodyIds: z.array(BodyId).meta({ description: "The bodies looked at: all, or the partner's." }),
    meetings: z.array(MeetingDate).meta({ description: "Not cancelled, on or after asOf, soonest first." }),
    total: Count.meta({ description: "How many upcoming meetings there are in all (before the limit)." }),
    unrecorded: z.array(MeetingDate).meta({
      description: "Meetings before asOf still planned or invited: held or cancelled is not recorded.",
    }),
  })
  .meta({
    id: "UpcomingMeetings",
    description:
      "The next meetings of all bodies or of the bodies a partner sits in, and past meetings whose outcome was never recorded.",
  });
/** The next meetings and the past ones still waiting for their outcome. */
export type UpcomingMeetings = z.infer<typeof UpcomingMeetings>;

const active = (r: { from?: string | undefined; to?: string | undefined }, date: string) =>
  (!r.from || r.from <= date) && (!r.to || r.to >= date);

/**
 * The next meetings (not cancelled, dated on or after `asOf`, soonest first, at most `limit`) of
 * every body, or with `actorId` of the bodies that partner sits in on `asOf` by a seat or a
 * membership; and the meetings before `asOf` still planned or invited, whose outcome is missing.
 *
 * @example
 * upcomingMeetings(network, { asOf: "2025-06-30", actorId: "act_000000000001" }).meetings[0]?.title;
 */
export function upcomingMeetings(
  network: AnalysisInput<"upcomingMeetings">,
  options: UpcomingMeetingsOptions,
): UpcomingMeetings {
  const asOf = options.asOf.slice(0, 10);
  const actorId = options.actorId;
  const bodies = network.body.filter((b) => !b.deleted);
  const partnerBodies = actorId
    ? new Set([
        ...network.seat
          .filter((s) => !s.deleted && s.actorId === actorId && active(s, asOf))
          .map((s) => s.bodyId),
        ...network.membership
          .filter((m) => !m.deleted && m.actorId === actorId && active(m, asOf))
          .map((m) => m.bodyId),
      ])
    : undefined;
  const bodyIds = bodies.filter((b) => !partnerBodies || partnerBodies.has(b.id)).map((b) => b.id);
  const looked = new Set(bodyIds);
  const dated = network.meeting
    .filter((m) => !m.deleted && looked.has(m.bodyId))
    .map(
      (m): MeetingDate => ({
        meetingId: m.id,
        bodyId: m.bodyId,
        title: m.title,
        start: m.start,
        location: m.location ?? null,
        status: m.status,
        days: daysBetween(asOf, m.start.slice(0, 10)),
      }),
    )
    .sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
  const upcoming = dated.filter((m) => m.days >= 0 && m.status !== "cancelled");
  return {
    asOf,
    actorId: (actorId as ActorId | undefined) ?? null,
    bodyIds,
    meetings: upcoming.slice(0, options.limit ?? 10),
    total: upcoming.length,
    unrecorded: dated.filter((m) => m.days < 0 && (m.status === "planned" || m.status === "invited")),
  };
}
