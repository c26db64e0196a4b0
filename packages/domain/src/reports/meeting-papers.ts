import type { Locale } from "../common/i18n.js";
import { activeOn } from "../common/record.js";
import { type DomainError, ok, type Result } from "../common/result.js";
import type { MembershipRole } from "../model/body.js";
import { type Network, notFound } from "../model/entities.js";
import { labelOf } from "../model/labels.js";
import type { Meeting } from "../model/meeting.js";
import type { ReportBlock, ReportDocument, ReportSection } from "./document.js";
import { berlinDate, figure, formatDate, formatTime, paragraph, table, translator } from "./format.js";
import { namesOf } from "./names.js";

/** Options of the meeting papers. */
export interface MeetingPaperOptions {
  /** The language of the paper (default German). */
  readonly locale?: Locale;
  /** The district's name as printed; default the region's name. */
  readonly districtName?: string;
}

/** A person invited to a meeting, as a calendar needs them. */
export interface CalendarAttendee {
  readonly contactId: string;
  readonly name: string;
  readonly email: string | null;
  /** The partner the person sits for. */
  readonly organisation: string | null;
  /** CHAIR for the chair, REQ-PARTICIPANT for members, OPT-PARTICIPANT for deputies, guests and the secretariat. */
  readonly role: "CHAIR" | "REQ-PARTICIPANT" | "OPT-PARTICIPANT";
}

/** A meeting as an iCalendar event (RFC 5545): everything an invitation in a calendar carries. */
export interface CalendarEvent {
  /** Stable across changes of the meeting, so a calendar updates the event instead of adding one. */
  readonly uid: string;
  /** Goes up with every change of the meeting (its version). */
  readonly sequence: number;
  readonly start: string;
  /** The end; when the meeting has none, two hours after the start. */
  readonly end: string;
  readonly summary: string;
  readonly location: string | null;
  /** The body, the agenda (one line per item) and the invited persons, as plain text. */
  readonly description: string;
  readonly status: "CONFIRMED" | "TENTATIVE" | "CANCELLED";
  readonly organizer: { readonly name: string; readonly email: string | null };
  readonly attendees: readonly CalendarAttendee[];
  /** When the meeting record last changed (ISO instant). */
  readonly lastModified: string;
  readonly lang: Locale;
}

const roleOrder: Record<MembershipRole, number> = {
  chair: 0,
  vice_chair: 1,
  member: 2,
  deputy: 3,
  guest: 4,
  secretariat: 5,
};

function context(network: Network, meetingId: string, options: MeetingPaperOptions) {
  const locale = options.locale ?? "de";
  const meeting = network.meeting.find((m) => m.id === meetingId && !m.deleted);
  if (!meeting) return { ok: false as const, error: notFound("meeting", meetingId, locale) };
  const body = network.body.find((b) => b.id === meeting.bodyId);
  const region = network.region.find((r) => !r.deleted);
  const office = network.coordinationOffice.find((o) => !o.deleted);
  const names = namesOf(network);
  const day = berlinDate(meeting.start);
  const invited = network.membership
    .filter((m) => !m.deleted && m.bodyId === meeting.bodyId && activeOn(m, day))
    .sort(
      (a, b) =>
        roleOrder[a.role] - roleOrder[b.role] ||
        names.contact(a.contactId).localeCompare(names.contact(b.contactId)),
    );
  return {
    ok: true as const,
    locale,
    t: translator(locale),
    meeting,
    bodyName: body?.name ?? names.body(meeting.bodyId),
    district: options.districtName ?? region?.name ?? "",
    officeName: office?.name ?? options.districtName ?? region?.name ?? "",
    officeEmail: office?.email ?? null,
    names,
    invited,
    contacts: new Map(network.contact.map((c) => [c.id, c])),
  };
}

function when(meeting: Meeting, locale: Locale): string {
  const t = translator(locale);
  const date = formatDate(berlinDate(meeting.start), locale);
  const from = formatTime(meeting.start, locale);
  const to = meeting.end ? formatTime(meeting.end, locale) : null;
  return to
    ? t(`${date}, ${from} bis ${to} Uhr`, `${date}, ${from} to ${to}`)
    : t(`${date}, ${from} Uhr`, `${date}, ${from}`);
}

function agendaItems(meeting: Meeting, locale: Locale): string[] {
  const t = translator(locale);
  return meeting.agenda.map(
    (a) =>
      `${t("TOP", "Item")} ${a.number}: ${a.title}${a.public ? "" : t(" (nicht öffentlich)", " (closed)")}`,
  );
}

/**
 * Builds the invitation to a meeting: body, date, time and place, the agenda, and the members
 * invited (those whose membership runs on the meeting's day).
 *
 * @example
 * const invitation = buildMeetingInvitation(osterodeExample, "mtg_osterode0006");
 */
export function buildMeetingInvitation(
  network: Network,
  meetingId: string,
  options: MeetingPaperOptions = {},
): Result<ReportDocument, DomainError> {
  const c = context(network, meetingId, options);
  if (!c.ok) return c.error;
  const { t, meeting, names, locale } = c;
  const sections: ReportSection[] = [
    {
      id: "invitation",
      title: t("Einladung", "Invitation"),
      blocks: [
        paragraph(
          t(
            `Sehr geehrte Damen und Herren, hiermit lade ich Sie zur Sitzung „${meeting.title}“ des Gremiums ${c.bodyName} ein.`,
            `Dear members, you are invited to the meeting “${meeting.title}” of the ${c.bodyName}.`,
          ),
          "lead",
        ),
        {
          type: "facts",
          caption: t("Termin", "Date and place"),
          items: [
            { label: t("Gremium", "Body"), value: c.bodyName },
            { label: t("Zeit", "Time"), value: when(meeting, locale) },
            {
              label: t("Ort", "Place"),
              value: meeting.location ?? t("wird noch bekannt gegeben", "to be announced"),
            },
          ],
        },
      ],
      sections: [],
    },
    {
      id: "agenda",
      title: t("Tagesordnung", "Agenda"),
      blocks: meeting.agenda.length
        ? [{ type: "list", ordered: false, items: agendaItems(meeting, locale) }]
        : [paragraph(t("Die Tagesordnung folgt.", "The agenda will follow."))],
      sections: [],
    },
    {
      id: "invited",
      title: t("Eingeladen", "Invited"),
      blocks: [
        table(
          t("Eingeladene Mitglieder", "Invited members"),
          [t("Name", "Name"), t("Für", "For"), t("Rolle", "Role")],
          c.invited.map((m) => [
            names.contact(m.contactId),
            names.actor(m.actorId),
            labelOf("MembershipRole", m.role, locale),
          ]),
          {
            rowHeaders: true,
            empty: t("Dem Gremium sind keine Mitglieder zugeordnet.", "The body has no members."),
          },
        ),
        paragraph(
          t(
            "Bitte teilen Sie der Koordinierungsstelle mit, ob Sie teilnehmen oder wer Sie vertritt.",
            "Please tell the coordination office whether you will attend or who will represent you.",
          ),
        ),
      ],
      sections: [],
    },
  ];
  return ok(
    paper(
      c,
      "meeting_invitation",
      t(`Einladung: ${meeting.title}`, `Invitation: ${meeting.title}`),
      sections,
    ),
  );
}

/**
 * Builds the minutes of a meeting: attendance (with stand-ins), the agenda, the minutes text,
 * the decisions with their votes, and the action items with owner, due date and status.
 *
 * @example
 * const minutes = buildMeetingMinutes(osterodeExample, "mtg_osterode0001");
 */
export function buildMeetingMinutes(
  network: Network,
  meetingId: string,
  options: MeetingPaperOptions = {},
): Result<ReportDocument, DomainError> {
  const c = context(network, meetingId, options);
  if (!c.ok) return c.error;
  const { t, meeting, names, locale } = c;
  const counts = { present: 0, represented: 0, excused: 0, absent: 0 };
  for (const a of meeting.attendance) counts[a.status] += 1;
  const agendaTitle = new Map(meeting.agenda.map((a) => [a.id, `${t("TOP", "Item")} ${a.number}`]));
  const votes = (d: Meeting["decisions"][number]) =>
    d.votesFor === undefined && d.votesAgainst === undefined && d.abstentions === undefined
      ? t("ohne förmliche Abstimmung", "without a formal vote")
      : t(
          `Ja ${d.votesFor ?? 0}, Nein ${d.votesAgainst ?? 0}, Enthaltungen ${d.abstentions ?? 0}`,
          `For ${d.votesFor ?? 0}, against ${d.votesAgainst ?? 0}, abstentions ${d.abstentions ?? 0}`,
        );
  const blocks: ReportBlock[] = [
    {
      type: "facts",
      caption: t("Sitzung", "Meeting"),
      items: [
        { label: t("Gremium", "Body"), value: c.bodyName },
        { label: t("Zeit", "Time"), value: when(meeting, locale) },
        { label: t("Ort", "Place"), value: meeting.location ?? "–" },
        {
          label: t("Stand des Protokolls", "Status"),
          value: labelOf("MeetingStatus", meeting.status, locale),
        },
      ],
    },
  ];
  const sections: ReportSection[] = [
    { id: "meeting", title: t("Sitzung", "Meeting"), blocks, sections: [] },
    {
      id: "attendance",
      title: t("Anwesenheit", "Attendance"),
      blocks: [
        paragraph(
          t(
            `Anwesend ${counts.present}, vertreten ${counts.represented}, entschuldigt ${counts.excused}, unentschuldigt abwesend ${counts.absent}.`,
            `Present ${counts.present}, represented ${counts.represented}, excused ${counts.excused}, absent ${counts.absent}.`,
          ),
        ),
        table(
          t("Anwesenheitsliste", "Attendance list"),
          [
            t("Name", "Name"),
            t("Für", "For"),
            t("Anwesenheit", "Attendance"),
            t("Vertreten durch", "Represented by"),
          ],
          meeting.attendance.map((a) => [
            names.contact(a.contactId),
            names.actor(a.actorId),
            labelOf("AttendanceStatus", a.status, locale),
            a.representedByContactId ? names.contact(a.representedByContactId) : "–",
          ]),
          { rowHeaders: true, empty: t("Keine Anwesenheit erfasst.", "No attendance recorded.") },
        ),
      ],
      sections: [],
    },
    {
      id: "agenda",
      title: t("Tagesordnung", "Agenda"),
      blocks: meeting.agenda.length
        ? [{ type: "list", ordered: false, items: agendaItems(meeting, locale) }]
        : [paragraph(t("Keine Tagesordnung erfasst.", "No agenda recorded."))],
      sections: [],
    },
    {
      id: "minutes",
      title: t("Verlauf", "Proceedings"),
      blocks: [
        paragraph(meeting.minutes?.trim() || t("Kein Protokolltext erfasst.", "No minutes text recorded.")),
      ],
      sections: [],
    },
    {
      id: "decisions",
      title: t("Beschlüsse", "Decisions"),
      blocks: [
        table(
          t("Beschlüsse mit Abstimmungsergebnis", "Decisions with the vote"),
          [t("Nr.", "No."), t("Zu", "On"), t("Beschluss", "Decision"), t("Abstimmung", "Vote")],
          meeting.decisions.map((d, i) => [
            String(i + 1),
            d.agendaItemId ? (agendaTitle.get(d.agendaItemId) ?? "–") : "–",
            d.text,
            votes(d),
          ]),
          { empty: t("Es wurden keine Beschlüsse gefasst.", "No decisions were taken.") },
        ),
      ],
      sections: [],
    },
    {
      id: "actions",
      title: t("Aufgaben", "Action items"),
      blocks: [
        table(
          t("Vereinbarte Aufgaben", "Agreed action items"),
          [t("Aufgabe", "Task"), t("Zuständig", "Owner"), t("Fällig", "Due"), t("Stand", "Status")],
          meeting.actionItems.map((a) => [
            a.title,
            [
              a.ownerContactId ? names.contact(a.ownerContactId) : null,
              a.ownerActorId ? names.actor(a.ownerActorId) : null,
            ]
              .filter(Boolean)
              .join(", ") || "–",
            a.due ? formatDate(a.due, locale) : "–",
            labelOf("ActionItemStatus", a.status, locale) +
              (a.doneOn ? t(` am ${formatDate(a.doneOn, "de")}`, ` on ${formatDate(a.doneOn, "en")}`) : ""),
          ]),
          {
            rowHeaders: true,
            empty: t("Es wurden keine Aufgaben vereinbart.", "No action items were agreed."),
          },
        ),
        table(
          t("Übersicht", "Summary"),
          [t("Gegenstand", "Item"), figure(t("Anzahl", "Count"))],
          [
            [t("Beschlüsse", "Decisions"), String(meeting.decisions.length)],
            [t("Aufgaben", "Action items"), String(meeting.actionItems.length)],
            [
              t("davon erledigt", "of which done"),
              String(meeting.actionItems.filter((a) => a.status === "done").length),
            ],
          ],
          { rowHeaders: true },
        ),
      ],
      sections: [],
    },
  ];
  return ok(
    paper(c, "meeting_minutes", t(`Protokoll: ${meeting.title}`, `Minutes: ${meeting.title}`), sections),
  );
}

function paper(
  c: Extract<ReturnType<typeof context>, { ok: true }>,
  kind: "meeting_invitation" | "meeting_minutes",
  title: string,
  sections: ReportSection[],
): ReportDocument {
  const { t, meeting } = c;
  return {
    kind,
    lang: c.locale,
    title,
    subtitle: `${c.bodyName} – ${when(meeting, c.locale)}`,
    issuer: c.district,
    author: c.officeName,
    subject:
      kind === "meeting_minutes"
        ? t("Sitzungsprotokoll", "Minutes of a meeting")
        : t("Einladung zu einer Sitzung", "Invitation to a meeting"),
    keywords: [c.bodyName, t("Sitzung", "meeting"), c.district],
    date: berlinDate(meeting.start),
    footer: `${title} – ${c.district}`,
    illustrative: meeting.illustrative,
    sections,
  };
}

const twoHours = 2 * 60 * 60 * 1000;

/**
 * The meeting as a calendar event: start, end, place, the agenda in the description, the invited
 * members as attendees (with their e-mail address where one is known) and the office as organiser.
 *
 * @example
 * const event = meetingCalendarEvent(osterodeExample, "mtg_osterode0006");
 * if (event.ok) event.value.description.split("\n"); // ["Steuerungsgruppe …", "", "Tagesordnung:", "TOP 1: …"]
 */
export function meetingCalendarEvent(
  network: Network,
  meetingId: string,
  options: MeetingPaperOptions = {},
): Result<CalendarEvent, DomainError> {
  const c = context(network, meetingId, options);
  if (!c.ok) return c.error;
  const { t, meeting, names, locale } = c;
  const attendees: CalendarAttendee[] = c.invited.map((m) => ({
    contactId: m.contactId,
    name: names.contact(m.contactId),
    email: c.contacts.get(m.contactId)?.email ?? null,
    organisation: m.actorId ? names.actor(m.actorId) : null,
    role:
      m.role === "chair"
        ? "CHAIR"
        : m.role === "member" || m.role === "vice_chair"
          ? "REQ-PARTICIPANT"
          : "OPT-PARTICIPANT",
  }));
  const description = [
    `${c.bodyName}: ${meeting.title}`,
    "",
    `${t("Tagesordnung", "Agenda")}:`,
    ...(meeting.agenda.length
      ? agendaItems(meeting, locale)
      : [t("Die Tagesordnung folgt.", "The agenda will follow.")]),
    "",
    `${t("Eingeladen", "Invited")}:`,
    ...attendees.map((a) => `${a.name}${a.organisation ? ` (${a.organisation})` : ""}`),
  ].join("\n");
  const end = meeting.end ?? new Date(Date.parse(meeting.start) + twoHours).toISOString();
  return ok({
    uid: `${meeting.id}@oha`,
    sequence: meeting.version - 1,
    start: meeting.start,
    end,
    summary: meeting.title,
    location: meeting.location ?? null,
    description,
    status:
      meeting.status === "cancelled" ? "CANCELLED" : meeting.status === "planned" ? "TENTATIVE" : "CONFIRMED",
    organizer: { name: c.officeName, email: c.officeEmail },
    attendees,
    lastModified: meeting.updatedAt,
    lang: locale,
  });
}
