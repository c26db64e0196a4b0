import { newId } from "../common/ids.js";
import type { Agreement, Signature } from "./agreement.js";
import type {
  ActionItem,
  ActionItemInput,
  Attendance,
  Decision,
  DecisionInput,
  Meeting,
  MeetingPatch,
} from "./meeting.js";
import type { Adoption, EffectivenessReview, Standard, StandardPatch } from "./standard.js";

/**
 * Adds a decision to a meeting and returns the patch; the decision gets a new id.
 *
 * @example
 * const patch = addDecision(meeting, { text: "Der Steuerkreis beschließt den Mindeststandard MS-01." });
 */
export function addDecision(meeting: Pick<Meeting, "decisions">, decision: DecisionInput): MeetingPatch {
  return { decisions: [...meeting.decisions, { ...decision, id: newId("dec") } as Decision] };
}

/** Adds an action item to a meeting and returns the patch; the item gets a new id. */
export function addActionItem(meeting: Pick<Meeting, "actionItems">, item: ActionItemInput): MeetingPatch {
  return {
    actionItems: [...meeting.actionItems, { status: "open", ...item, id: newId("tsk") } as ActionItem],
  };
}

/** Sets the attendance of some people, keeping everyone else's, and returns the patch. */
export function recordAttendance(
  meeting: Pick<Meeting, "attendance">,
  entries: readonly Attendance[],
): MeetingPatch {
  const byContact = new Map(meeting.attendance.map((a) => [a.contactId, a]));
  for (const entry of entries) byContact.set(entry.contactId, entry);
  return { attendance: [...byContact.values()] };
}

/** An open action item with the meeting it comes from. */
export interface OpenActionItem {
  readonly meetingId: string;
  readonly meetingTitle: string;
  /** The meeting's version, for the `If-Match` of a change to the item. */
  readonly meetingVersion: number;
  readonly bodyId: string;
  readonly item: ActionItem;
  readonly overdue: boolean;
}

/**
 * The action items of all meetings that are still open or in progress, oldest due date first;
 * items past their due date on `asOf` are marked overdue. With `ownerActorId`, only the items
 * assigned to that partner.
 */
export function openActionItems(
  meetings: readonly Meeting[],
  asOf: string,
  options: { readonly ownerActorId?: string | undefined } = {},
): OpenActionItem[] {
  const out: OpenActionItem[] = [];
  for (const meeting of meetings) {
    if (meeting.deleted || meeting.status === "cancelled") continue;
    for (const item of meeting.actionItems) {
      if (item.status !== "open" && item.status !== "in_progress") continue;
      if (options.ownerActorId !== undefined && item.ownerActorId !== options.ownerActorId) continue;
      out.push({
        meetingId: meeting.id,
        meetingTitle: meeting.title,
        meetingVersion: meeting.version,
        bodyId: meeting.bodyId,
        item,
        overdue: !!item.due && item.due < asOf,
      });
    }
  }
  return out.sort(
    (a, b) =>
      (a.item.due ?? "9999").localeCompare(b.item.due ?? "9999") || a.item.id.localeCompare(b.item.id),
  );
}

/** Adds or replaces a partner's signature and returns the patch of the agreement. */
export function addSignature(
  agreement: Pick<Agreement, "signatures">,
  signature: Signature,
): { signatures: Signature[] } {
  return { signatures: [...agreement.signatures.filter((s) => s.actorId !== signature.actorId), signature] };
}

/** Sets one actor's adoption of a standard and returns the patch. */
export function setAdoption(standard: Pick<Standard, "adoptions">, adoption: Adoption): StandardPatch {
  return { adoptions: [...standard.adoptions.filter((a) => a.actorId !== adoption.actorId), adoption] };
}

/** Adds an effectiveness review to a standard and returns the patch (reviews stay in date order). */
export function addReview(standard: Pick<Standard, "reviews">, review: EffectivenessReview): StandardPatch {
  return { reviews: [...standard.reviews, review].sort((a, b) => a.date.localeCompare(b.date)) };
}
