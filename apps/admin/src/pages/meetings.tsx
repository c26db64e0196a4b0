import { activeOn, entities, newId, validate } from "@oha/domain";
import { useQueryClient } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { keys, useList, useUpdate } from "../api/hooks.js";
import { type FieldProblem, isApiError } from "../api/problem.js";
import type { AnyRecord } from "../api/types.js";
import { ConflictPanel } from "../components/EntityForm.js";
import { SelectField, TextArea, TextField, useEnumOptions } from "../components/Field.js";
import { messageAt } from "../components/FieldInput.js";
import { ListPage } from "../components/ListPage.js";
import { MeetingPapers } from "../components/MeetingPapers.js";
import { PageTitle } from "../components/PageTitle.js";
import { ProblemAlert } from "../components/ProblemAlert.js";
import { DeleteButton, HistoryList } from "../components/RecordParts.js";
import { formatDate, useLabels, useLocale } from "../i18n/index.js";
import { editable, parseNumber } from "../lib/forms.js";
import { useLookup, useRecordName } from "../lib/lookup.js";
import { EditRecordPage, NewRecordPage, pathOf, usePermissions, WithRecord } from "./generic.js";

/** The list of meetings of all bodies. */
export function MeetingList() {
  const { t } = useTranslation();
  const labels = useLabels();
  const locale = useLocale();
  const bodyName = useRecordName("body");
  const perms = usePermissions("meeting");
  return (
    <ListPage
      config={{
        entity: "meeting",
        title: labels.entity("meeting", true),
        defaultSort: "-start",
        filters: [
          { field: "bodyId", kind: "ref", ref: "body" },
          { field: "status", kind: "enum", enumId: "MeetingStatus" },
        ],
        columns: [
          {
            key: "title",
            header: t("fields.meeting.title"),
            sortField: "title",
            rowHeader: true,
            cell: (r) => <Link to={pathOf("/meetings", r)}>{String(r.title)}</Link>,
          },
          { key: "bodyId", header: labels.entity("body"), cell: (r) => bodyName(r.bodyId as string) },
          {
            key: "start",
            header: t("fields.meeting.start"),
            sortField: "start",
            cell: (r) => formatDate(r.start, locale, true),
          },
          {
            key: "status",
            header: t("fields.common.status"),
            sortField: "status",
            cell: (r) => labels.value("MeetingStatus", r.status as string),
          },
        ],
        exportFields: ["title", "bodyId", "start", "end", "location", "status"],
        exportName: t("export.names.meetings"),
        createPath: perms.create ? "/meetings/new" : undefined,
        createLabel: t("meeting.plan"),
      }}
    />
  );
}

export const NewMeetingPage = () => (
  <NewRecordPage entity="meeting" base="/meetings" fromQuery={["bodyId"]} defaults={{ status: "planned" }} />
);
export const EditMeetingPage = () => <EditRecordPage entity="meeting" base="/meetings" />;

/** Saving one part of a meeting: the domain checks the whole meeting; a stale save shows the other change. */
function useMeetingSave(meeting: AnyRecord, onReload: () => void) {
  const { t } = useTranslation();
  const locale = useLocale();
  const update = useUpdate("meeting");
  const client = useQueryClient();
  const [errors, setErrors] = useState<readonly FieldProblem[]>([]);
  const [problem, setProblem] = useState<unknown>();
  const [conflict, setConflict] = useState<{ current: AnyRecord; mine: Record<string, unknown> }>();
  const [saved, setSaved] = useState("");

  const send = async (version: number, patch: Record<string, unknown>) => {
    try {
      await update.mutateAsync({ id: meeting.id, version, patch: patch as never });
      setErrors([]);
      setSaved(
        t("common.savedAt", { time: new Date().toLocaleTimeString(locale === "de" ? "de-DE" : "en-GB") }),
      );
      return true;
    } catch (error) {
      if (isApiError(error) && error.status === 412 && error.problem.current) {
        setConflict({ current: error.problem.current as AnyRecord, mine: patch });
      } else {
        if (isApiError(error) && error.problem.errors) setErrors(error.problem.errors);
        setProblem(error);
      }
      return false;
    }
  };

  const save = async (patch: Record<string, unknown>) => {
    setProblem(undefined);
    setSaved("");
    const checked = validate(entities.meeting.Create, { ...editable(meeting), ...patch }, locale);
    if (!checked.ok) {
      setErrors(checked.error.details ?? []);
      return false;
    }
    return send(meeting.version, patch);
  };

  const panel: ReactNode = (
    <>
      {problem ? <ProblemAlert error={problem} showFieldErrors={false} /> : null}
      {errors.length ? (
        <div className="error-summary" role="alert">
          <p className="alert-title">{t("form.summaryTitle")}</p>
          <ul>
            {errors.map((e) => (
              <li key={`${e.path}-${e.code}`}>{e.messages?.[locale] ?? e.message}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {conflict ? (
        <ConflictPanel
          entity="meeting"
          base={editable(meeting)}
          conflict={conflict}
          onReload={() => {
            client.setQueryData(keys.record("meeting", meeting.id), conflict.current);
            setConflict(undefined);
            onReload();
          }}
          onRetry={() => {
            const { current, mine } = conflict;
            setConflict(undefined);
            void send(current.version, mine);
          }}
        />
      ) : null}
      <output className="muted small">{saved}</output>
    </>
  );
  return { save, errors, panel, busy: update.isPending };
}

/** A meeting: agenda, attendance, minutes, decisions and action items, each saved on its own. */
export function MeetingPage() {
  const { id } = useParams();
  const _navigate = useNavigate();
  const [generation, setGeneration] = useState(0);
  return (
    <WithRecord entity="meeting" id={id}>
      {(meeting) => (
        <MeetingDetails key={generation} meeting={meeting} onReload={() => setGeneration((g) => g + 1)} />
      )}
    </WithRecord>
  );
}

function MeetingDetails({ meeting, onReload }: { meeting: AnyRecord; onReload: () => void }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const locale = useLocale();
  const bodyName = useRecordName("body");
  const perms = usePermissions("meeting", meeting);
  return (
    <>
      <p className="breadcrumb">
        <Link to="/meetings">{t("nav.backToList")}</Link>
      </p>
      <div className="page-header">
        <PageTitle>{String(meeting.title)}</PageTitle>
        <div className="button-row">
          {perms.update ? (
            <Link className="button primary" to={`/meetings/${meeting.id}/edit`}>
              {t("actions.edit")}
            </Link>
          ) : null}
          {perms.remove ? <DeleteButton entity="meeting" record={meeting} /> : null}
        </div>
      </div>
      <p className="lead">
        <Link to={`/bodies/${String(meeting.bodyId)}`}>{bodyName(meeting.bodyId as string)}</Link> ·{" "}
        {formatDate(meeting.start, locale, true)}
        {meeting.location ? ` · ${String(meeting.location)}` : ""} ·{" "}
        {labels.value("MeetingStatus", meeting.status as string)}
      </p>
      <MeetingPapers meeting={meeting} />
      <Agenda meeting={meeting} onReload={onReload} canEdit={perms.update} />
      <AttendanceSection meeting={meeting} onReload={onReload} canEdit={perms.update} />
      <Minutes meeting={meeting} onReload={onReload} canEdit={perms.update} />
      <Decisions meeting={meeting} onReload={onReload} canEdit={perms.update} />
      <ActionItems meeting={meeting} onReload={onReload} canEdit={perms.update} />
      <section aria-labelledby="meeting-history">
        <h2 id="meeting-history">{t("history.title")}</h2>
        <HistoryList entity="meeting" id={meeting.id} />
      </section>
    </>
  );
}

interface SectionProps {
  readonly meeting: AnyRecord;
  readonly onReload: () => void;
  readonly canEdit: boolean;
}

type AgendaDraft = { id: string; number: string; title: string; description?: string; public: boolean };

function Agenda({ meeting, onReload, canEdit }: SectionProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { save, errors, panel, busy } = useMeetingSave(meeting, onReload);
  const [items, setItems] = useState<AgendaDraft[]>(() => (meeting.agenda as AgendaDraft[]) ?? []);
  const setItem = (index: number, change: Partial<AgendaDraft>) =>
    setItems((list) => list.map((item, i) => (i === index ? { ...item, ...change } : item)));
  return (
    <section aria-labelledby="meeting-agenda" className="meeting-section">
      <h2 id="meeting-agenda">{t("meeting.agenda")}</h2>
      {panel}
      {items.length === 0 ? <p>{t("meeting.noAgenda")}</p> : null}
      <ol className="editable-list">
        {items.map((item, index) => (
          <li key={item.id}>
            <fieldset>
              <legend>{t("meeting.agendaItem", { number: item.number || index + 1 })}</legend>
              <div className="inline-fields">
                <TextField
                  id={`agenda-${index}-number`}
                  label={t("meeting.number")}
                  value={item.number}
                  onChange={(v) => setItem(index, { number: v })}
                  error={messageAt(errors, `agenda.${index}.number`, locale)}
                />
                <TextField
                  id={`agenda-${index}-title`}
                  label={t("meeting.itemTitle")}
                  required
                  value={item.title}
                  onChange={(v) => setItem(index, { title: v })}
                  error={messageAt(errors, `agenda.${index}.title`, locale)}
                />
              </div>
              {canEdit ? (
                <button
                  type="button"
                  className="button link"
                  onClick={() => setItems((list) => list.filter((_, i) => i !== index))}
                >
                  {t("meeting.removeAgendaItem", { number: item.number || index + 1 })}
                </button>
              ) : null}
            </fieldset>
          </li>
        ))}
      </ol>
      {canEdit ? (
        <div className="button-row">
          <button
            type="button"
            className="button secondary"
            onClick={() =>
              setItems((list) => [
                ...list,
                { id: newId("agi"), number: String(list.length + 1), title: "", public: true },
              ])
            }
          >
            {t("meeting.addAgendaItem")}
          </button>
          <button
            type="button"
            className="button primary"
            disabled={busy}
            onClick={() => void save({ agenda: items })}
          >
            {t("meeting.saveAgenda")}
          </button>
        </div>
      ) : null}
    </section>
  );
}

type AttendanceDraft = {
  contactId: string;
  actorId?: string;
  status: string;
  representedByContactId?: string;
};

/** Attendance with a few clicks: one radio group per member, "everyone present" in one go. */
function AttendanceSection({ meeting, onReload, canEdit }: SectionProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const contactName = useRecordName("contact");
  const actorName = useRecordName("actor");
  const contacts = useLookup("contact");
  const statusOptions = useEnumOptions("AttendanceStatus");
  const { save, errors, panel, busy } = useMeetingSave(meeting, onReload);
  const memberships = useList("membership", { filters: { bodyId: String(meeting.bodyId) }, limit: 500 });
  const day = String(meeting.start ?? "").slice(0, 10);
  const [entries, setEntries] = useState<AttendanceDraft[]>(
    () => (meeting.attendance as AttendanceDraft[]) ?? [],
  );
  const [extra, setExtra] = useState("");
  const members = (memberships.data?.items ?? []).filter((m) =>
    activeOn(m as { from?: string; to?: string }, day),
  );
  const people: { contactId: string; actorId?: string }[] = [];
  for (const m of members) {
    if (!people.some((p) => p.contactId === m.contactId)) {
      people.push({
        contactId: m.contactId as string,
        ...(m.actorId ? { actorId: m.actorId as string } : {}),
      });
    }
  }
  for (const e of entries) if (!people.some((p) => p.contactId === e.contactId)) people.push(e);

  const setStatus = (person: { contactId: string; actorId?: string }, status: string) =>
    setEntries((list) => {
      const existing = list.find((e) => e.contactId === person.contactId);
      const next: AttendanceDraft = {
        contactId: person.contactId,
        ...(person.actorId ? { actorId: person.actorId } : {}),
        status,
        ...(status === "represented" && existing?.representedByContactId
          ? { representedByContactId: existing.representedByContactId }
          : {}),
      };
      return existing ? list.map((e) => (e.contactId === person.contactId ? next : e)) : [...list, next];
    });

  return (
    <section aria-labelledby="meeting-attendance" className="meeting-section">
      <h2 id="meeting-attendance">{t("meeting.attendance")}</h2>
      {panel}
      {memberships.error ? <ProblemAlert error={memberships.error} /> : null}
      {people.length === 0 ? <p>{t("meeting.noMembers")}</p> : null}
      {canEdit && people.length ? (
        <button
          type="button"
          className="button secondary"
          onClick={() => {
            for (const person of people)
              if (!entries.some((e) => e.contactId === person.contactId)) setStatus(person, "present");
          }}
        >
          {t("meeting.allPresent")}
        </button>
      ) : null}
      <ul className="attendance-list">
        {people.map((person, index) => {
          const entry = entries.find((e) => e.contactId === person.contactId);
          const entryIndex = entries.findIndex((e) => e.contactId === person.contactId);
          const name = contactName(person.contactId);
          return (
            <li key={person.contactId}>
              <fieldset className="attendance" disabled={!canEdit}>
                <legend>
                  {name}
                  {person.actorId ? <span className="muted"> – {actorName(person.actorId)}</span> : null}
                </legend>
                <div className="radio-row">
                  {statusOptions.map((option) => (
                    <label key={option.value} className="radio">
                      <input
                        type="radio"
                        name={`attendance-${index}`}
                        value={option.value}
                        checked={entry?.status === option.value}
                        onChange={() => setStatus(person, option.value)}
                      />
                      <span>{option.label}</span>
                    </label>
                  ))}
                </div>
                {entry?.status === "represented" ? (
                  <SelectField
                    id={`attendance-${index}-proxy`}
                    label={t("meeting.representedBy", { name })}
                    required
                    value={entry.representedByContactId ?? ""}
                    onChange={(v) =>
                      setEntries((list) =>
                        list.map((e) => {
                          if (e.contactId !== person.contactId) return e;
                          const { representedByContactId: _old, ...rest } = e;
                          return v ? { ...rest, representedByContactId: v } : rest;
                        }),
                      )
                    }
                    options={(contacts.data?.options ?? [])
                      .filter((o) => o.id !== person.contactId)
                      .map((o) => ({ value: o.id, label: o.label }))}
                    emptyLabel={t("form.choose")}
                    error={messageAt(errors, `attendance.${entryIndex}.representedByContactId`, locale)}
                  />
                ) : null}
              </fieldset>
            </li>
          );
        })}
      </ul>
      {canEdit ? (
        <>
          <div className="inline-fields align-end">
            <SelectField
              id="attendance-extra"
              label={t("meeting.addGuest")}
              value={extra}
              onChange={setExtra}
              options={(contacts.data?.options ?? [])
                .filter((o) => !people.some((p) => p.contactId === o.id))
                .map((o) => ({ value: o.id, label: o.label }))}
              emptyLabel={t("form.choose")}
            />
            <button
              type="button"
              className="button secondary"
              disabled={!extra}
              onClick={() => {
                setStatus({ contactId: extra }, "present");
                setExtra("");
              }}
            >
              {t("actions.add")}
            </button>
          </div>
          <button
            type="button"
            className="button primary"
            disabled={busy}
            onClick={() => void save({ attendance: entries })}
          >
            {t("meeting.saveAttendance")}
          </button>
        </>
      ) : null}
    </section>
  );
}

function Minutes({ meeting, onReload, canEdit }: SectionProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { save, errors, panel, busy } = useMeetingSave(meeting, onReload);
  const [text, setText] = useState(String(meeting.minutes ?? ""));
  return (
    <section aria-labelledby="meeting-minutes" className="meeting-section">
      <h2 id="meeting-minutes">{t("meeting.minutes")}</h2>
      {panel}
      {canEdit ? (
        <>
          <TextArea
            id="meeting-minutes-text"
            label={t("meeting.minutesText")}
            rows={8}
            value={text}
            onChange={setText}
            error={messageAt(errors, "minutes", locale)}
          />
          <button
            type="button"
            className="button primary"
            disabled={busy}
            onClick={() => void save({ minutes: text.trim() ? text : null })}
          >
            {t("meeting.saveMinutes")}
          </button>
        </>
      ) : (
        <p className="pre-wrap">{text || t("meeting.noMinutes")}</p>
      )}
    </section>
  );
}

type DecisionDraft = {
  id: string;
  text: string;
  agendaItemId?: string;
  votesFor?: number | string;
  votesAgainst?: number | string;
  abstentions?: number | string;
};

function Decisions({ meeting, onReload, canEdit }: SectionProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { save, errors, panel, busy } = useMeetingSave(meeting, onReload);
  const [items, setItems] = useState<DecisionDraft[]>(() => (meeting.decisions as DecisionDraft[]) ?? []);
  const agenda = (meeting.agenda as { id: string; number: string; title: string }[]) ?? [];
  const setItem = (index: number, change: Partial<DecisionDraft>) =>
    setItems((list) => list.map((item, i) => (i === index ? { ...item, ...change } : item)));
  const toInput = () =>
    items.map((d) => {
      const out: Record<string, unknown> = { id: d.id, text: d.text };
      if (d.agendaItemId) out.agendaItemId = d.agendaItemId;
      for (const key of ["votesFor", "votesAgainst", "abstentions"] as const) {
        const value = typeof d[key] === "string" ? parseNumber(d[key] as string) : d[key];
        if (value !== undefined) out[key] = value;
      }
      return out;
    });
  return (
    <section aria-labelledby="meeting-decisions" className="meeting-section">
      <h2 id="meeting-decisions">{t("meeting.decisions")}</h2>
      {panel}
      {items.length === 0 ? <p>{t("meeting.noDecisions")}</p> : null}
      <ol className="editable-list">
        {items.map((item, index) => (
          <li key={item.id}>
            <fieldset disabled={!canEdit}>
              <legend>{t("meeting.decision", { number: index + 1 })}</legend>
              <TextArea
                id={`decision-${index}-text`}
                label={t("meeting.decisionText")}
                required
                rows={3}
                value={item.text}
                onChange={(v) => setItem(index, { text: v })}
                error={messageAt(errors, `decisions.${index}.text`, locale)}
              />
              <div className="inline-fields">
                <SelectField
                  id={`decision-${index}-agenda`}
                  label={t("meeting.agendaItemRef")}
                  value={item.agendaItemId ?? ""}
                  onChange={(v) => {
                    const { agendaItemId: _old, ...rest } = item;
                    setItems((list) =>
                      list.map((d, i) => (i === index ? (v ? { ...rest, agendaItemId: v } : rest) : d)),
                    );
                  }}
                  options={agenda.map((a) => ({ value: a.id, label: `${a.number} ${a.title}` }))}
                  emptyLabel={t("form.none")}
                  error={messageAt(errors, `decisions.${index}.agendaItemId`, locale)}
                />
                {(["votesFor", "votesAgainst", "abstentions"] as const).map((key) => (
                  <TextField
                    key={key}
                    id={`decision-${index}-${key}`}
                    label={t(`meeting.${key}`)}
                    inputMode="numeric"
                    value={item[key] === undefined ? "" : String(item[key])}
                    onChange={(v) => setItem(index, { [key]: v })}
                    error={messageAt(errors, `decisions.${index}.${key}`, locale)}
                  />
                ))}
              </div>
              {canEdit ? (
                <button
                  type="button"
                  className="button link"
                  onClick={() => setItems((list) => list.filter((_, i) => i !== index))}
                >
                  {t("meeting.removeDecision", { number: index + 1 })}
                </button>
              ) : null}
            </fieldset>
          </li>
        ))}
      </ol>
      {canEdit ? (
        <div className="button-row">
          <button
            type="button"
            className="button secondary"
            onClick={() => setItems((list) => [...list, { id: newId("dec"), text: "" }])}
          >
            {t("meeting.addDecision")}
          </button>
          <button
            type="button"
            className="button primary"
            disabled={busy}
            onClick={() => void save({ decisions: toInput() })}
          >
            {t("meeting.saveDecisions")}
          </button>
        </div>
      ) : null}
    </section>
  );
}

type ActionDraft = {
  id: string;
  title: string;
  decisionId?: string;
  ownerContactId?: string;
  ownerActorId?: string;
  due?: string;
  status: string;
  doneOn?: string;
};

function ActionItems({ meeting, onReload, canEdit }: SectionProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const contacts = useLookup("contact");
  const actors = useLookup("actor");
  const statusOptions = useEnumOptions("ActionItemStatus");
  const { save, errors, panel, busy } = useMeetingSave(meeting, onReload);
  const [items, setItems] = useState<ActionDraft[]>(() => (meeting.actionItems as ActionDraft[]) ?? []);
  const decisions = (meeting.decisions as { id: string; text: string }[]) ?? [];
  const setField = (index: number, field: keyof ActionDraft, value: string) =>
    setItems((list) =>
      list.map((item, i) => {
        if (i !== index) return item;
        const next: Partial<ActionDraft> = { ...item };
        if (value) next[field] = value;
        else delete next[field];
        return next as ActionDraft;
      }),
    );
  const err = (index: number, field: string) => messageAt(errors, `actionItems.${index}.${field}`, locale);
  return (
    <section aria-labelledby="meeting-actions" className="meeting-section">
      <h2 id="meeting-actions">{t("meeting.actionItems")}</h2>
      {panel}
      {items.length === 0 ? <p>{t("meeting.noActionItems")}</p> : null}
      <ol className="editable-list">
        {items.map((item, index) => (
          <li key={item.id}>
            <fieldset disabled={!canEdit}>
              <legend>{t("meeting.actionItem", { number: index + 1 })}</legend>
              <TextField
                id={`action-${index}-title`}
                label={t("meeting.actionTitle")}
                required
                value={item.title}
                onChange={(v) => setField(index, "title", v)}
                error={err(index, "title")}
              />
              <div className="inline-fields">
                <SelectField
                  id={`action-${index}-owner`}
                  label={t("meeting.ownerContact")}
                  value={item.ownerContactId ?? ""}
                  onChange={(v) => setField(index, "ownerContactId", v)}
                  options={(contacts.data?.options ?? []).map((o) => ({ value: o.id, label: o.label }))}
                  emptyLabel={t("form.none")}
                  error={err(index, "ownerContactId")}
                />
                <SelectField
                  id={`action-${index}-owner-actor`}
                  label={t("meeting.ownerActor")}
                  value={item.ownerActorId ?? ""}
                  onChange={(v) => setField(index, "ownerActorId", v)}
                  options={(actors.data?.options ?? []).map((o) => ({ value: o.id, label: o.label }))}
                  emptyLabel={t("form.none")}
                  error={err(index, "ownerActorId")}
                />
                <TextField
                  id={`action-${index}-due`}
                  label={t("meeting.due")}
                  type="date"
                  value={item.due ?? ""}
                  onChange={(v) => setField(index, "due", v)}
                  error={err(index, "due")}
                />
                <SelectField
                  id={`action-${index}-status`}
                  label={t("fields.common.status")}
                  value={item.status}
                  onChange={(v) => setField(index, "status", v)}
                  options={statusOptions}
                  error={err(index, "status")}
                />
                {item.status === "done" ? (
                  <TextField
                    id={`action-${index}-doneOn`}
                    label={t("meeting.doneOn")}
                    type="date"
                    required
                    value={item.doneOn ?? ""}
                    onChange={(v) => setField(index, "doneOn", v)}
                    error={err(index, "doneOn")}
                  />
                ) : null}
                <SelectField
                  id={`action-${index}-decision`}
                  label={t("meeting.decisionRef")}
                  value={item.decisionId ?? ""}
                  onChange={(v) => setField(index, "decisionId", v)}
                  options={decisions.map((d, i) => ({
                    value: d.id,
                    label: `${i + 1}. ${d.text.slice(0, 60)}`,
                  }))}
                  emptyLabel={t("form.none")}
                  error={err(index, "decisionId")}
                />
              </div>
              {canEdit ? (
                <button
                  type="button"
                  className="button link"
                  onClick={() => setItems((list) => list.filter((_, i) => i !== index))}
                >
                  {t("meeting.removeActionItem", { number: index + 1 })}
                </button>
              ) : null}
            </fieldset>
          </li>
        ))}
      </ol>
      {canEdit ? (
        <div className="button-row">
          <button
            type="button"
            className="button secondary"
            onClick={() =>
              setItems((list) => [
                ...list,
                {
                  id: newId("tsk"),
                  title: "",
                  status: "open",
                  ...(decisions.length === 1 ? { decisionId: decisions[0]?.id as string } : {}),
                },
              ])
            }
          >
            {t("meeting.addActionItem")}
          </button>
          <button
            type="button"
            className="button primary"
            disabled={busy}
            onClick={() => void save({ actionItems: items })}
          >
            {t("meeting.saveActionItems")}
          </button>
        </div>
      ) : null}
    </section>
  );
}
