import { z } from "zod";
import type { FieldLabels } from "../common/field-labels.js";
import { text } from "../common/i18n.js";
import { idSchema, newId } from "../common/ids.js";
import { labelledEnum } from "../common/labels.js";
import { Illustrative, IsoDate, IsoDateTime, LongText, Name, patchOf, recordMeta } from "../common/record.js";
import { report } from "../common/validation.js";
import { ActorId, ContactId } from "./actor.js";
import { BodyId } from "./body.js";

/** Id of a {@link Meeting}. */
export const MeetingId = idSchema("mtg", "MeetingId");
export type MeetingId = z.infer<typeof MeetingId>;
/** Id of an agenda item inside a meeting. */
export const AgendaItemId = idSchema("agi", "AgendaItemId");
export type AgendaItemId = z.infer<typeof AgendaItemId>;
/** Id of a decision inside a meeting. */
export const DecisionId = idSchema("dec", "DecisionId");
export type DecisionId = z.infer<typeof DecisionId>;
/** Id of an action item inside a meeting. */
export const ActionItemId = idSchema("tsk", "ActionItemId");
export type ActionItemId = z.infer<typeof ActionItemId>;

export const meetingStatusLabels = {
  planned: text("Geplant", "Planned"),
  invited: text("Eingeladen", "Invited"),
  held: text("Durchgeführt", "Held"),
  minutes_approved: text("Protokoll genehmigt", "Minutes approved"),
  cancelled: text("Abgesagt", "Cancelled"),
} as const;
/** Where a meeting stands. */
export const MeetingStatus = labelledEnum("MeetingStatus", meetingStatusLabels);
export type MeetingStatus = z.infer<typeof MeetingStatus>;

export const attendanceStatusLabels = {
  present: text("Anwesend", "Present"),
  excused: text("Entschuldigt", "Excused"),
  absent: text("Unentschuldigt abwesend", "Absent"),
  represented: text("Vertreten", "Represented"),
} as const;
/** Whether a member attended. */
export const AttendanceStatus = labelledEnum("AttendanceStatus", attendanceStatusLabels);
export type AttendanceStatus = z.infer<typeof AttendanceStatus>;

export const actionItemStatusLabels = {
  open: text("Offen", "Open"),
  in_progress: text("In Arbeit", "In progress"),
  done: text("Erledigt", "Done"),
  dropped: text("Verworfen", "Dropped"),
} as const;
/** Where an action item stands. */
export const ActionItemStatus = labelledEnum("ActionItemStatus", actionItemStatusLabels);
export type ActionItemStatus = z.infer<typeof ActionItemStatus>;

/** One item of a meeting's agenda (maps to OParl `AgendaItem`). */
export const AgendaItem = z
  .strictObject({
    id: AgendaItemId.default(() => newId<AgendaItemId>("agi")).meta({
      description: "Given by the server when left out.",
      default: undefined,
    }),
    number: z.string().trim().min(1).max(20),
    title: Name,
    description: LongText.optional(),
    public: z.boolean().default(true),
    presenterContactId: ContactId.optional(),
  })
  .meta({ id: "AgendaItem" });
export type AgendaItem = z.infer<typeof AgendaItem>;

/** Whether one person attended, for which partner, and who stood in. */
export const Attendance = z
  .strictObject({
    contactId: ContactId,
    actorId: ActorId.optional(),
    status: AttendanceStatus,
    representedByContactId: ContactId.optional(),
  })
  .superRefine((a, ctx) => {
    if (a.status === "represented" && !a.representedByContactId) {
      report(ctx, "represented_without_proxy", ["representedByContactId"]);
    }
    if (a.status !== "represented" && a.representedByContactId) {
      report(ctx, "proxy_without_representation", ["representedByContactId"]);
    }
  })
  .meta({ id: "Attendance" });
export type Attendance = z.infer<typeof Attendance>;

/** A decision (Beschluss) taken in a meeting. */
export const Decision = z
  .strictObject({
    id: DecisionId.default(() => newId<DecisionId>("dec")).meta({
      description: "Given by the server when left out.",
      default: undefined,
    }),
    agendaItemId: AgendaItemId.optional(),
    text: z.string().trim().min(1).max(5000),
    votesFor: z.int().min(0).optional(),
    votesAgainst: z.int().min(0).optional(),
    abstentions: z.int().min(0).optional(),
  })
  .meta({ id: "Decision" });
export type Decision = z.infer<typeof Decision>;

/** What a client sends to record a decision (the id is given by the server). */
export const DecisionInput = Decision.omit({ id: true }).meta({ id: "DecisionInput" });
export type DecisionInput = z.input<typeof DecisionInput>;

const ActionItemFields = z.strictObject({
  title: Name,
  decisionId: DecisionId.optional(),
  ownerContactId: ContactId.optional(),
  ownerActorId: ActorId.optional(),
  due: IsoDate.optional(),
  status: ActionItemStatus.default("open"),
  doneOn: IsoDate.optional(),
});

function checkActionItem(item: { status?: unknown; doneOn?: unknown }, ctx: z.core.$RefinementCtx<unknown>) {
  if (item.status === "done" && !item.doneOn) report(ctx, "done_without_date", ["doneOn"]);
}

/** What a client sends to add an action item to a meeting (the id is given by the server). */
export const ActionItemInput = ActionItemFields.superRefine(checkActionItem).meta({ id: "ActionItemInput" });
export type ActionItemInput = z.input<typeof ActionItemInput>;

/** A task agreed in a meeting, with owner, due date and status. */
export const ActionItem = ActionItemFields.extend({
  id: ActionItemId.default(() => newId<ActionItemId>("tsk")).meta({
    description: "Given by the server when left out.",
    default: undefined,
  }),
})
  .superRefine(checkActionItem)
  .meta({ id: "ActionItem" });
export type ActionItem = z.infer<typeof ActionItem>;

export const MeetingFields = z.strictObject({
  illustrative: Illustrative,
  bodyId: BodyId,
  title: Name,
  status: MeetingStatus.default("planned"),
  start: IsoDateTime,
  end: IsoDateTime.optional(),
  location: z.string().trim().max(300).optional(),
  agenda: z.array(AgendaItem).default([]),
  attendance: z.array(Attendance).default([]),
  minutes: LongText.optional(),
  decisions: z.array(Decision).default([]),
  actionItems: z.array(ActionItem).default([]),
});

type MeetingLike = Partial<Record<"start" | "end", unknown>> & {
  agenda?: readonly { id?: unknown }[];
  attendance?: readonly { contactId?: unknown }[];
  decisions?: readonly { id?: unknown; agendaItemId?: unknown }[];
  actionItems?: readonly { id?: unknown; decisionId?: unknown }[];
};

function checkMeeting(m: MeetingLike, ctx: z.core.$RefinementCtx<unknown>) {
  if (typeof m.start === "string" && typeof m.end === "string" && Date.parse(m.end) < Date.parse(m.start)) {
    report(ctx, "end_before_start", ["end"]);
  }
  const unique = (list: readonly Record<string, unknown>[] | undefined, field: string, path: string) => {
    const seen = new Set<unknown>();
    (list ?? []).forEach((entry, i) => {
      const value = entry?.[field];
      if (value === undefined) return;
      if (seen.has(value)) report(ctx, "duplicate_value", [path, i, field], { value: String(value) });
      seen.add(value);
    });
    return seen;
  };
  const agendaIds = unique(m.agenda, "id", "agenda");
  unique(m.attendance, "contactId", "attendance");
  const decisionIds = unique(m.decisions, "id", "decisions");
  unique(m.actionItems, "id", "actionItems");
  (m.decisions ?? []).forEach((d, i) => {
    if (typeof d?.agendaItemId === "string" && !agendaIds.has(d.agendaItemId)) {
      report(ctx, "unknown_reference", ["decisions", i, "agendaItemId"], { value: d.agendaItemId });
    }
  });
  (m.actionItems ?? []).forEach((a, i) => {
    if (typeof a?.decisionId === "string" && !decisionIds.has(a.decisionId)) {
      report(ctx, "unknown_reference", ["actionItems", i, "decisionId"], { value: a.decisionId });
    }
  });
}

/** What a client sends to plan a meeting. */
export const MeetingCreate = MeetingFields.superRefine(checkMeeting).meta({ id: "MeetingCreate" });
export type MeetingCreate = z.input<typeof MeetingCreate>;
/** A partial update of a meeting (attendance, minutes, decisions, action items). */
export const MeetingPatch = patchOf(MeetingFields, "MeetingPatch");
export type MeetingPatch = z.infer<typeof MeetingPatch>;
/** A meeting of a body with agenda, attendance, minutes, decisions and action items. */
export const Meeting = MeetingFields.extend({ id: MeetingId, ...recordMeta })
  .superRefine(checkMeeting)
  .meta({ id: "Meeting" });
export type Meeting = z.infer<typeof Meeting>;

/** German and English labels of the fields of a meeting. */
export const meetingFieldLabels = {
  title: text("Titel der Sitzung", "Title of the meeting"),
  start: text("Beginn", "Start"),
  end: text("Ende", "End"),
  location: text("Ort", "Location"),
  agenda: text("Tagesordnung", "Agenda"),
  attendance: text("Anwesenheit", "Attendance"),
  minutes: text("Protokoll", "Minutes"),
  decisions: text("Beschlüsse", "Decisions"),
  actionItems: text("Aufgaben", "Action items"),
} as const satisfies FieldLabels;
