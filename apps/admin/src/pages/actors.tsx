import { type Affiliation, dayBefore, entities, HandoverInput, validate } from "@oha/domain";
import { useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { useApi } from "../api/context.js";
import { invalidate, useHandOver, useList } from "../api/hooks.js";
import { type FieldProblem, isApiError } from "../api/problem.js";
import type { AnyRecord } from "../api/types.js";
import { ConflictPanel } from "../components/EntityForm.js";
import { SelectField, TextField } from "../components/Field.js";
import { messageAt } from "../components/FieldInput.js";
import { ListPage } from "../components/ListPage.js";
import { PageTitle } from "../components/PageTitle.js";
import { Loading, ProblemAlert } from "../components/ProblemAlert.js";
import { DeleteButton, DetailList, HistoryList } from "../components/RecordParts.js";
import { formatDate, useLabels, useLocale } from "../i18n/index.js";
import { editable, fieldsOf, today } from "../lib/forms.js";
import { useLookup, useRecordName } from "../lib/lookup.js";
import { EditRecordPage, NewRecordPage, pathOf, usePermissions, WithRecord } from "./generic.js";

/** The list of actors (partners of the network). */
export function ActorList() {
  const { t } = useTranslation();
  const labels = useLabels();
  const perms = usePermissions("actor");
  return (
    <ListPage
      config={{
        entity: "actor",
        title: labels.entity("actor", true),
        defaultSort: "name",
        filters: [
          { field: "kind", kind: "enum", enumId: "ActorKind" },
          { field: "legalFrameworks", kind: "enum", enumId: "LegalFramework" },
        ],
        columns: [
          {
            key: "name",
            header: t("fields.common.name"),
            sortField: "name",
            rowHeader: true,
            cell: (r) => <Link to={pathOf("/actors", r)}>{String(r.name)}</Link>,
          },
          { key: "shortName", header: t("fields.common.shortName"), cell: (r) => String(r.shortName ?? "") },
          {
            key: "kind",
            header: t("fields.common.kind"),
            sortField: "kind",
            cell: (r) => labels.value("ActorKind", r.kind as string),
          },
          { key: "email", header: t("fields.common.email"), cell: (r) => String(r.email ?? "") },
        ],
        exportFields: [
          "name",
          "shortName",
          "kind",
          "legalFrameworks",
          "email",
          "phone",
          "website",
          "address",
        ],
        exportName: t("export.names.actors"),
        createPath: perms.create ? "/actors/new" : undefined,
      }}
    />
  );
}

export const NewActorPage = () => <NewRecordPage entity="actor" base="/actors" />;
export const EditActorPage = () => <EditRecordPage entity="actor" base="/actors" />;

/** An actor with its contacts over time, seats in bodies, measures and change history. */
export function ActorPage() {
  const { id } = useParams();
  const _navigate = useNavigate();
  return (
    <WithRecord entity="actor" id={id}>
      {(actor) => <ActorDetails actor={actor} />}
    </WithRecord>
  );
}

function ActorDetails({ actor }: { actor: AnyRecord }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const perms = usePermissions("actor", actor);
  return (
    <>
      <p className="breadcrumb">
        <Link to="/actors">{t("nav.backToList")}</Link>
      </p>
      <div className="page-header">
        <PageTitle>{String(actor.name)}</PageTitle>
        <div className="button-row">
          {perms.update ? (
            <Link className="button primary" to={`/actors/${actor.id}/edit`}>
              {t("actions.edit")}
            </Link>
          ) : null}
          {perms.remove ? <DeleteButton entity="actor" record={actor} /> : null}
        </div>
      </div>
      <p className="lead">{labels.value("ActorKind", actor.kind as string)}</p>
      <section aria-labelledby="actor-details">
        <h2 id="actor-details">{t("record.details")}</h2>
        <DetailList entity="actor" record={actor} fields={fieldsOf("actor")} />
      </section>
      <ContactsOverTime actorId={actor.id} />
      <ActorSeats actorId={actor.id} />
      <ActorMeasures actorId={actor.id} />
      <section aria-labelledby="actor-history">
        <h2 id="actor-history">{t("history.title")}</h2>
        <HistoryList entity="actor" id={actor.id} />
      </section>
    </>
  );
}

/** The actor's contacts over time: every affiliation with from/to, handovers and successors. */
function ContactsOverTime({ actorId }: { actorId: string }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const locale = useLocale();
  const contactName = useRecordName("contact");
  const perms = usePermissions("affiliation");
  const affiliations = useList("affiliation", { filters: { actorId }, sort: "-from", limit: 500 });
  const [adding, setAdding] = useState(false);
  const [handing, setHanding] = useState<string>();
  const items = affiliations.data?.items ?? [];
  return (
    <section aria-labelledby="actor-contacts">
      <div className="section-header">
        <h2 id="actor-contacts">{t("actor.contactsOverTime")}</h2>
        {perms.create && !adding ? (
          <button type="button" className="button secondary" onClick={() => setAdding(true)}>
            {t("actor.addContact")}
          </button>
        ) : null}
      </div>
      {adding ? <AddContact actorId={actorId} onDone={() => setAdding(false)} /> : null}
      {affiliations.error ? (
        <ProblemAlert error={affiliations.error} onRetry={() => void affiliations.refetch()} />
      ) : null}
      {affiliations.isLoading ? <Loading /> : null}
      {affiliations.data ? (
        <div className="table-wrap">
          <table className="data-table">
            <caption className="visually-hidden">{t("actor.contactsOverTime")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("fields.affiliation.contactId")}</th>
                <th scope="col">{t("fields.affiliation.role")}</th>
                <th scope="col">{t("fields.affiliation.level")}</th>
                <th scope="col">{t("fields.common.from")}</th>
                <th scope="col">{t("fields.common.to")}</th>
                <th scope="col">{t("fields.affiliation.endReason")}</th>
                <th scope="col">{t("common.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {items.length === 0 ? (
                <tr>
                  <td colSpan={7} className="empty">
                    {t("actor.noContacts")}
                  </td>
                </tr>
              ) : null}
              {items.map((a) => (
                <tr key={a.id} className={a.to ? "ended" : undefined}>
                  <th scope="row">
                    <Link to={`/contacts/${a.contactId}`}>{contactName(a.contactId)}</Link>
                    {a.primary ? <span className="badge">{t("actor.primary")}</span> : null}
                  </th>
                  <td>{a.role}</td>
                  <td>{labels.value("StaffLevel", a.level)}</td>
                  <td>{formatDate(a.from, locale)}</td>
                  <td>{a.to ? formatDate(a.to, locale) : t("actor.current")}</td>
                  <td>
                    {labels.value("EndReason", a.endReason)}
                    {a.successorContactId ? (
                      <>
                        {" → "}
                        <Link to={`/contacts/${a.successorContactId}`}>
                          {contactName(a.successorContactId)}
                        </Link>
                      </>
                    ) : null}
                  </td>
                  <td>
                    {!a.to && perms.update ? (
                      <button
                        type="button"
                        className="button secondary small"
                        onClick={() => setHanding(a.id)}
                        aria-label={t("actor.handOverTo", { name: contactName(a.contactId) })}
                      >
                        {t("actor.handOver")}
                      </button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {handing ? (
        <HandOver affiliation={items.find((a) => a.id === handing)} onDone={() => setHanding(undefined)} />
      ) : null}
    </section>
  );
}

/** Adds a person to the actor: a new contact and their affiliation (role, level, since when). */
function AddContact({ actorId, onDone }: { actorId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const api = useApi();
  const client = useQueryClient();
  const [mode, setMode] = useState<"new" | "existing">("new");
  const [contactId, setContactId] = useState("");
  const [person, setPerson] = useState({ givenName: "", familyName: "", email: "" });
  const [role, setRole] = useState("");
  const [level, setLevel] = useState("operational");
  const [from, setFrom] = useState(today());
  const [errors, setErrors] = useState<readonly FieldProblem[]>([]);
  const [problem, setProblem] = useState<unknown>();
  const contacts = useLookup("contact");
  const labels = useLabels();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(undefined);
    const contactInput = {
      givenName: person.givenName,
      familyName: person.familyName,
      ...(person.email ? { email: person.email } : {}),
    };
    const problems: FieldProblem[] = [];
    if (mode === "new") {
      const checked = validate(entities.contact.Create, contactInput, locale);
      if (!checked.ok) problems.push(...(checked.error.details ?? []));
    } else if (!contactId) {
      problems.push({ path: "contactId", code: "required_field", message: t("form.requiredField") });
    }
    const affiliationInput = { contactId: contactId || "con_000000000000", actorId, role, level, from };
    const checkedAffiliation = validate(entities.affiliation.Create, affiliationInput, locale);
    if (!checkedAffiliation.ok) problems.push(...(checkedAffiliation.error.details ?? []));
    setErrors(problems);
    if (problems.length) return;
    try {
      const contact = mode === "new" ? await api.create("contact", contactInput) : undefined;
      await api.create("affiliation", { ...affiliationInput, contactId: contact?.id ?? contactId } as never);
      await invalidate(client, "contact", "affiliation");
      onDone();
    } catch (error) {
      setProblem(error);
    }
  };
  const err = (path: string) => messageAt(errors, path, locale);
  return (
    <form className="subform" onSubmit={submit} noValidate aria-labelledby="add-contact-title">
      <h3 id="add-contact-title">{t("actor.addContact")}</h3>
      {problem ? <ProblemAlert error={problem} /> : null}
      {errors.length ? (
        <p className="error-message" role="alert">
          {t("form.summaryTitle")}
        </p>
      ) : null}
      <fieldset className="field">
        <legend>{t("actor.personChoice")}</legend>
        <label className="checkbox">
          <input type="radio" name="person-mode" checked={mode === "new"} onChange={() => setMode("new")} />
          <span>{t("actor.newPerson")}</span>
        </label>
        <label className="checkbox">
          <input
            type="radio"
            name="person-mode"
            checked={mode === "existing"}
            onChange={() => setMode("existing")}
          />
          <span>{t("actor.existingPerson")}</span>
        </label>
      </fieldset>
      {mode === "new" ? (
        <div className="inline-fields">
          <TextField
            id="add-contact-givenName"
            label={t("fields.contact.givenName")}
            required
            value={person.givenName}
            onChange={(v) => setPerson((p) => ({ ...p, givenName: v }))}
            error={err("givenName")}
          />
          <TextField
            id="add-contact-familyName"
            label={t("fields.contact.familyName")}
            required
            value={person.familyName}
            onChange={(v) => setPerson((p) => ({ ...p, familyName: v }))}
            error={err("familyName")}
          />
          <TextField
            id="add-contact-email"
            label={t("fields.common.email")}
            type="email"
            value={person.email}
            onChange={(v) => setPerson((p) => ({ ...p, email: v }))}
            error={err("email")}
          />
        </div>
      ) : (
        <SelectField
          id="add-contact-contactId"
          label={t("fields.affiliation.contactId")}
          required
          value={contactId}
          onChange={setContactId}
          options={(contacts.data?.options ?? []).map((o) => ({ value: o.id, label: o.label }))}
          emptyLabel={t("form.choose")}
          error={err("contactId")}
        />
      )}
      <div className="inline-fields">
        <TextField
          id="add-contact-role"
          label={t("fields.affiliation.role")}
          required
          value={role}
          onChange={setRole}
          error={err("role")}
        />
        <SelectField
          id="add-contact-level"
          label={t("fields.affiliation.level")}
          required
          value={level}
          onChange={setLevel}
          options={["leadership", "operational"].map((v) => ({
            value: v,
            label: labels.value("StaffLevel", v),
          }))}
          error={err("level")}
        />
        <TextField
          id="add-contact-from"
          label={t("fields.common.from")}
          type="date"
          required
          value={from}
          onChange={setFrom}
          error={err("from")}
        />
      </div>
      <div className="form-actions">
        <button type="submit" className="button primary">
          {t("actor.addContactSubmit")}
        </button>
        <button type="button" className="button secondary" onClick={onDone}>
          {t("actions.cancel")}
        </button>
      </div>
    </form>
  );
}

/**
 * A handover: the affiliation ends the day before the successor starts, with the reason
 * "handover"; the successor's affiliation begins with the same role and level and takes over
 * the person's seats and memberships in the bodies. The server runs it as one command (the
 * domain's `planHandover`). Nobody is deleted: continuity stays measurable.
 */
function HandOver({
  affiliation,
  onDone,
}: {
  affiliation: (Affiliation & AnyRecord) | undefined;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const api = useApi();
  const client = useQueryClient();
  const contacts = useLookup("contact");
  const contactName = useRecordName("contact");
  const [mode, setMode] = useState<"new" | "existing">("new");
  const [successorId, setSuccessorId] = useState("");
  const [person, setPerson] = useState({ givenName: "", familyName: "", email: "" });
  const [on, setOn] = useState(today());
  const [role, setRole] = useState(affiliation?.role ?? "");
  const [errors, setErrors] = useState<readonly FieldProblem[]>([]);
  const [problem, setProblem] = useState<unknown>();
  const [conflict, setConflict] = useState<AnyRecord>();
  // A successor entered as a new person is created first; a retry after a failure reuses them.
  const [createdSuccessor, setCreatedSuccessor] = useState<string>();
  const handOverCommand = useHandOver();
  const [busy, setBusy] = useState(false);
  if (!affiliation) return null;

  const input = (successor: string) => ({
    successorContactId: successor,
    on,
    ...(role && role !== affiliation.role ? { role } : {}),
  });

  const run = async (current: AnyRecord) => {
    setBusy(true);
    setProblem(undefined);
    try {
      let successor = createdSuccessor ?? (mode === "existing" ? successorId : undefined);
      if (!successor) {
        const contact: AnyRecord = await api.create("contact", {
          givenName: person.givenName,
          familyName: person.familyName,
          ...(person.email ? { email: person.email } : {}),
        });
        successor = contact.id;
        setCreatedSuccessor(successor);
      }
      // One command, one transaction on the server: the affiliation ends, the successor's begins
      // and takes over the seats and memberships in the bodies.
      const checked = validate(HandoverInput, input(successor), locale);
      if (!checked.ok) {
        setErrors(checked.error.details ?? []);
        return;
      }
      await handOverCommand.mutateAsync({
        affiliationId: current.id,
        version: current.version,
        input: checked.value,
      });
      onDone();
    } catch (error) {
      if (isApiError(error) && error.status === 412 && error.problem.current) {
        setConflict(error.problem.current as AnyRecord);
      } else if (isApiError(error) && error.problem.errors?.length) {
        setErrors(error.problem.errors);
      } else setProblem(error);
    } finally {
      setBusy(false);
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems: FieldProblem[] = [];
    if (mode === "new" && !createdSuccessor) {
      const checked = validate(
        entities.contact.Create,
        {
          givenName: person.givenName,
          familyName: person.familyName,
          ...(person.email ? { email: person.email } : {}),
        },
        locale,
      );
      if (!checked.ok) problems.push(...(checked.error.details ?? []));
    } else if (mode === "existing" && !successorId) {
      problems.push({ path: "successorContactId", code: "required_field", message: t("form.requiredField") });
    }
    // The date and role are checked with the domain's rules before anything is written.
    const preview = validate(
      HandoverInput,
      input(successorId || createdSuccessor || "con_000000000000"),
      locale,
    );
    if (!preview.ok)
      problems.push(...(preview.error.details ?? []).filter((d) => !problems.some((p) => p.path === d.path)));
    setErrors(problems);
    if (problems.length) return;
    await run(affiliation);
  };

  const err = (path: string) => messageAt(errors, path, locale);
  return (
    <form className="subform" onSubmit={submit} noValidate aria-labelledby="handover-title">
      <h3 id="handover-title">{t("actor.handOverTitle", { name: contactName(affiliation.contactId) })}</h3>
      <p className="hint">{t("actor.handOverExplain")}</p>
      {problem ? <ProblemAlert error={problem} /> : null}
      {conflict ? (
        <ConflictPanel
          entity="affiliation"
          base={editable(affiliation)}
          conflict={{ current: conflict, mine: { to: dayBefore(on), endReason: "handover" } }}
          onReload={() => {
            setConflict(undefined);
            void invalidate(client, "affiliation");
            onDone();
          }}
          onRetry={() => {
            const current = conflict;
            setConflict(undefined);
            void run(current);
          }}
        />
      ) : null}
      {errors.length ? (
        <div className="error-summary" role="alert">
          <h4>{t("form.summaryTitle")}</h4>
          <ul>
            {errors.map((e) => (
              <li key={`${e.path}-${e.code}`}>{e.messages?.[locale] ?? e.message}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <fieldset className="field">
        <legend>{t("actor.successor")}</legend>
        <label className="checkbox">
          <input
            type="radio"
            name="successor-mode"
            checked={mode === "new"}
            onChange={() => setMode("new")}
          />
          <span>{t("actor.newPerson")}</span>
        </label>
        <label className="checkbox">
          <input
            type="radio"
            name="successor-mode"
            checked={mode === "existing"}
            onChange={() => setMode("existing")}
          />
          <span>{t("actor.existingPerson")}</span>
        </label>
      </fieldset>
      {mode === "new" ? (
        <div className="inline-fields">
          <TextField
            id="handover-givenName"
            label={t("fields.contact.givenName")}
            required
            value={person.givenName}
            onChange={(v) => setPerson((p) => ({ ...p, givenName: v }))}
            error={err("givenName")}
          />
          <TextField
            id="handover-familyName"
            label={t("fields.contact.familyName")}
            required
            value={person.familyName}
            onChange={(v) => setPerson((p) => ({ ...p, familyName: v }))}
            error={err("familyName")}
          />
          <TextField
            id="handover-email"
            label={t("fields.common.email")}
            type="email"
            value={person.email}
            onChange={(v) => setPerson((p) => ({ ...p, email: v }))}
            error={err("email")}
          />
        </div>
      ) : (
        <SelectField
          id="handover-successor"
          label={t("actor.successor")}
          required
          value={successorId}
          onChange={setSuccessorId}
          options={(contacts.data?.options ?? [])
            .filter((o) => o.id !== affiliation.contactId)
            .map((o) => ({ value: o.id, label: o.label }))}
          emptyLabel={t("form.choose")}
          error={err("successorContactId")}
        />
      )}
      <div className="inline-fields">
        <TextField
          id="handover-on"
          label={t("actor.handOverOn")}
          type="date"
          required
          value={on}
          onChange={setOn}
          error={err("to") ?? err("from")}
        />
        <TextField
          id="handover-role"
          label={t("actor.successorRole")}
          required
          value={role}
          onChange={setRole}
          error={err("role")}
        />
      </div>
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={busy}>
          {t("actor.handOverSubmit")}
        </button>
        <button type="button" className="button secondary" onClick={onDone}>
          {t("actions.cancel")}
        </button>
      </div>
    </form>
  );
}

/** The actor's seats in bodies and the memberships of its people. */
function ActorSeats({ actorId }: { actorId: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const labels = useLabels();
  const bodyName = useRecordName("body");
  const contactName = useRecordName("contact");
  const seats = useList("seat", { filters: { actorId }, limit: 500 });
  const memberships = useList("membership", { filters: { actorId }, sort: "-from", limit: 500 });
  const seatItems: AnyRecord[] = seats.data?.items ?? [];
  const memberItems = memberships.data?.items ?? [];
  return (
    <section aria-labelledby="actor-seats">
      <h2 id="actor-seats">{t("actor.seats")}</h2>
      {seats.error ? <ProblemAlert error={seats.error} /> : null}
      {memberships.error ? <ProblemAlert error={memberships.error} /> : null}
      {seatItems.length === 0 && memberItems.length === 0 && !seats.isLoading ? (
        <p>{t("actor.noSeats")}</p>
      ) : null}
      {memberItems.length ? (
        <div className="table-wrap">
          <table className="data-table">
            <caption className="visually-hidden">{t("actor.seats")}</caption>
            <thead>
              <tr>
                <th scope="col">{labels.entity("body")}</th>
                <th scope="col">{t("fields.membership.contactId")}</th>
                <th scope="col">{t("fields.membership.role")}</th>
                <th scope="col">{t("fields.common.from")}</th>
                <th scope="col">{t("fields.common.to")}</th>
              </tr>
            </thead>
            <tbody>
              {memberItems.map((m) => (
                <tr key={m.id}>
                  <th scope="row">
                    <Link to={`/bodies/${String(m.bodyId)}`}>{bodyName(m.bodyId as string)}</Link>
                  </th>
                  <td>{contactName(m.contactId as string)}</td>
                  <td>{labels.value("MembershipRole", m.role as string)}</td>
                  <td>{formatDate(m.from, locale)}</td>
                  <td>{m.to ? formatDate(m.to, locale) : t("actor.current")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {seatItems.length ? (
        <ul className="plain-list">
          {seatItems.map((s) => (
            <li key={s.id}>
              <Link to={`/bodies/${String(s.bodyId)}`}>{bodyName(s.bodyId as string)}</Link>
              {s.label ? ` – ${String(s.label)}` : ""}
              {s.votingRight ? ` (${t("body.votingRight")})` : ""}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

/** The measures the actor provides. */
function ActorMeasures({ actorId }: { actorId: string }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const measures = useList("measure", { filters: { providerActorId: actorId }, sort: "title", limit: 100 });
  const items = measures.data?.items ?? [];
  return (
    <section aria-labelledby="actor-measures">
      <div className="section-header">
        <h2 id="actor-measures">{labels.entity("measure", true)}</h2>
        {measures.data?.total ? (
          <Link className="button secondary" to={`/measures?providerActorId=${actorId}`}>
            {t("actor.allMeasures", { count: measures.data.total })}
          </Link>
        ) : null}
      </div>
      {measures.error ? <ProblemAlert error={measures.error} /> : null}
      {items.length === 0 && measures.data ? <p>{t("actor.noMeasures")}</p> : null}
      <ul className="plain-list">
        {items.map((m) => (
          <li key={m.id}>
            <Link to={`/measures/${m.id}`}>{String(m.title)}</Link> –{" "}
            {labels.value("MeasureCategory", m.category as string)},{" "}
            {labels.value("MeasureStatus", m.status as string)}
          </li>
        ))}
      </ul>
    </section>
  );
}
