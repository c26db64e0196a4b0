import { activeOn } from "@oha/domain";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { useList } from "../api/hooks.js";
import type { AnyRecord } from "../api/types.js";
import { EntityForm } from "../components/EntityForm.js";
import { ListPage } from "../components/ListPage.js";
import { PageTitle } from "../components/PageTitle.js";
import { Loading, ProblemAlert } from "../components/ProblemAlert.js";
import { DeleteButton, DetailList, HistoryList } from "../components/RecordParts.js";
import { formatDate, useLabels, useLocale } from "../i18n/index.js";
import { fieldsOf, today } from "../lib/forms.js";
import { useRecordName } from "../lib/lookup.js";
import { EditRecordPage, NewRecordPage, pathOf, usePermissions, WithRecord } from "./generic.js";

/** The list of bodies (steering group, advisory board, working groups). */
export function BodyList() {
  const { t } = useTranslation();
  const labels = useLabels();
  const perms = usePermissions("body");
  return (
    <ListPage
      config={{
        entity: "body",
        title: labels.entity("body", true),
        defaultSort: "name",
        filters: [
          { field: "kind", kind: "enum", enumId: "BodyKind" },
          { field: "decisionAuthority", kind: "enum", enumId: "DecisionAuthority" },
        ],
        columns: [
          {
            key: "name",
            header: t("fields.common.name"),
            sortField: "name",
            rowHeader: true,
            cell: (r) => <Link to={pathOf("/bodies", r)}>{String(r.name)}</Link>,
          },
          {
            key: "kind",
            header: t("fields.common.kind"),
            sortField: "kind",
            cell: (r) => labels.value("BodyKind", r.kind as string),
          },
          {
            key: "decisionAuthority",
            header: t("fields.body.decisionAuthority"),
            cell: (r) => labels.value("DecisionAuthority", r.decisionAuthority as string),
          },
          {
            key: "targetMeetingsPerYear",
            header: t("fields.body.targetMeetingsPerYear"),
            cell: (r) => String(r.targetMeetingsPerYear ?? ""),
          },
        ],
        exportFields: [
          "name",
          "shortName",
          "kind",
          "decisionAuthority",
          "targetMeetingsPerYear",
          "topic",
          "from",
          "to",
        ],
        exportName: t("export.names.bodies"),
        createPath: perms.create ? "/bodies/new" : undefined,
      }}
    />
  );
}

export const NewBodyPage = () => <NewRecordPage entity="body" base="/bodies" />;
export const EditBodyPage = () => <EditRecordPage entity="body" base="/bodies" />;

/** A body: who sits where for which partner, deputies and vacant seats, members over time, meetings. */
export function BodyPage() {
  const { id } = useParams();
  const _navigate = useNavigate();
  return (
    <WithRecord entity="body" id={id}>
      {(body) => <BodyDetails body={body} />}
    </WithRecord>
  );
}

function BodyDetails({ body }: { body: AnyRecord }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const perms = usePermissions("body", body);
  return (
    <>
      <p className="breadcrumb">
        <Link to="/bodies">{t("nav.backToList")}</Link>
      </p>
      <div className="page-header">
        <PageTitle>{String(body.name)}</PageTitle>
        <div className="button-row">
          <Link className="button secondary" to={`/meetings/new?bodyId=${body.id}`}>
            {t("meeting.plan")}
          </Link>
          {perms.update ? (
            <Link className="button primary" to={`/bodies/${body.id}/edit`}>
              {t("actions.edit")}
            </Link>
          ) : null}
          {perms.remove ? <DeleteButton entity="body" record={body} /> : null}
        </div>
      </div>
      <p className="lead">
        {labels.value("BodyKind", body.kind as string)} ·{" "}
        {labels.value("DecisionAuthority", body.decisionAuthority as string)}
      </p>
      <section aria-labelledby="body-details">
        <h2 id="body-details">{t("record.details")}</h2>
        <DetailList entity="body" record={body} fields={fieldsOf("body")} />
      </section>
      <Seats bodyId={body.id} />
      <Members bodyId={body.id} />
      <BodyMeetings bodyId={body.id} />
      <section aria-labelledby="body-history">
        <h2 id="body-history">{t("history.title")}</h2>
        <HistoryList entity="body" id={body.id} />
      </section>
    </>
  );
}

/** Seats of the body with their current holder and deputies; a seat without holder is vacant. */
function Seats({ bodyId }: { bodyId: string }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const actorName = useRecordName("actor");
  const contactName = useRecordName("contact");
  const perms = usePermissions("seat");
  const [adding, setAdding] = useState(false);
  const seats = useList("seat", { filters: { bodyId }, limit: 500 });
  const memberships = useList("membership", { filters: { bodyId }, limit: 500 });
  const day = today();
  const active = (memberships.data?.items ?? []).filter((m) =>
    activeOn(m as { from?: string; to?: string }, day),
  );
  const items = seats.data?.items ?? [];
  return (
    <section aria-labelledby="body-seats">
      <div className="section-header">
        <h2 id="body-seats">{labels.entity("seat", true)}</h2>
        {perms.create && !adding ? (
          <button type="button" className="button secondary" onClick={() => setAdding(true)}>
            {t("body.addSeat")}
          </button>
        ) : null}
      </div>
      {adding ? (
        <div className="subform">
          <h3>{t("body.addSeat")}</h3>
          <EntityForm
            entity="seat"
            formId="new-seat"
            defaults={{ bodyId, votingRight: true, deputiesAllowed: 1 }}
            hidden={["bodyId"]}
            onSaved={() => setAdding(false)}
            onCancel={() => setAdding(false)}
          />
        </div>
      ) : null}
      {seats.error ? <ProblemAlert error={seats.error} onRetry={() => void seats.refetch()} /> : null}
      {seats.isLoading ? <Loading /> : null}
      {seats.data ? (
        <div className="table-wrap">
          <table className="data-table">
            <caption className="visually-hidden">{labels.entity("seat", true)}</caption>
            <thead>
              <tr>
                <th scope="col">{t("body.seat")}</th>
                <th scope="col">{t("body.holder")}</th>
                <th scope="col">{t("body.deputies")}</th>
                <th scope="col">{t("fields.seat.votingRight")}</th>
              </tr>
            </thead>
            <tbody>
              {items.length === 0 ? (
                <tr>
                  <td colSpan={4} className="empty">
                    {t("body.noSeats")}
                  </td>
                </tr>
              ) : null}
              {items.map((seat) => {
                const onSeat = active.filter((m) => m.seatId === seat.id);
                const holders = onSeat.filter((m) => m.role !== "deputy");
                const deputies = onSeat.filter((m) => m.role === "deputy");
                const name = seat.actorId
                  ? actorName(seat.actorId as string)
                  : seat.actorKind
                    ? labels.value("ActorKind", seat.actorKind as string)
                    : String(seat.label ?? seat.id);
                return (
                  <tr key={seat.id}>
                    <th scope="row">
                      {seat.actorId ? <Link to={`/actors/${String(seat.actorId)}`}>{name}</Link> : name}
                      {seat.label && seat.actorId ? ` – ${String(seat.label)}` : ""}
                    </th>
                    <td>
                      {holders.length ? (
                        holders
                          .map(
                            (m) =>
                              `${contactName(m.contactId as string)} (${labels.value("MembershipRole", m.role as string)})`,
                          )
                          .join(", ")
                      ) : (
                        <span className="badge badge-warning">{t("body.vacant")}</span>
                      )}
                    </td>
                    <td>
                      {deputies.length
                        ? deputies.map((m) => contactName(m.contactId as string)).join(", ")
                        : Number(seat.deputiesAllowed ?? 0) > 0
                          ? t("body.noDeputy")
                          : "—"}
                    </td>
                    <td>{seat.votingRight ? t("common.yes") : t("common.no")}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

/** Members of the body over time: person, partner, role, seat and term. */
function Members({ bodyId }: { bodyId: string }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const locale = useLocale();
  const actorName = useRecordName("actor");
  const contactName = useRecordName("contact");
  const perms = usePermissions("membership");
  const [adding, setAdding] = useState(false);
  const memberships = useList("membership", { filters: { bodyId }, sort: "-from", limit: 500 });
  const items = memberships.data?.items ?? [];
  return (
    <section aria-labelledby="body-members">
      <div className="section-header">
        <h2 id="body-members">{labels.entity("membership", true)}</h2>
        {perms.create && !adding ? (
          <button type="button" className="button secondary" onClick={() => setAdding(true)}>
            {t("body.addMember")}
          </button>
        ) : null}
      </div>
      {adding ? (
        <div className="subform">
          <h3>{t("body.addMember")}</h3>
          <EntityForm
            entity="membership"
            formId="new-membership"
            defaults={{ bodyId, role: "member", votingRight: true, from: today() }}
            hidden={["bodyId"]}
            refFilters={{ seatId: (seat) => seat.bodyId === bodyId }}
            onSaved={() => setAdding(false)}
            onCancel={() => setAdding(false)}
          />
        </div>
      ) : null}
      {memberships.error ? <ProblemAlert error={memberships.error} /> : null}
      {memberships.data ? (
        <div className="table-wrap">
          <table className="data-table">
            <caption className="visually-hidden">{labels.entity("membership", true)}</caption>
            <thead>
              <tr>
                <th scope="col">{t("fields.membership.contactId")}</th>
                <th scope="col">{t("fields.membership.actorId")}</th>
                <th scope="col">{t("fields.membership.role")}</th>
                <th scope="col">{t("fields.common.from")}</th>
                <th scope="col">{t("fields.common.to")}</th>
              </tr>
            </thead>
            <tbody>
              {items.length === 0 ? (
                <tr>
                  <td colSpan={5} className="empty">
                    {t("body.noMembers")}
                  </td>
                </tr>
              ) : null}
              {items.map((m) => (
                <tr key={m.id} className={m.to ? "ended" : undefined}>
                  <th scope="row">
                    <Link to={`/contacts/${String(m.contactId)}`}>{contactName(m.contactId as string)}</Link>
                  </th>
                  <td>{m.actorId ? actorName(m.actorId as string) : "—"}</td>
                  <td>{labels.value("MembershipRole", m.role as string)}</td>
                  <td>{formatDate(m.from, locale)}</td>
                  <td>{m.to ? formatDate(m.to, locale) : t("actor.current")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

function BodyMeetings({ bodyId }: { bodyId: string }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const locale = useLocale();
  const meetings = useList("meeting", {
    filters: { bodyId },
    sort: "-start",
    limit: 20,
    fields: ["title", "start", "status"],
  });
  const items = meetings.data?.items ?? [];
  return (
    <section aria-labelledby="body-meetings">
      <h2 id="body-meetings">{labels.entity("meeting", true)}</h2>
      {meetings.error ? <ProblemAlert error={meetings.error} /> : null}
      {items.length === 0 && meetings.data ? <p>{t("meeting.none")}</p> : null}
      <ul className="plain-list">
        {items.map((m) => (
          <li key={m.id}>
            <Link to={`/meetings/${m.id}`}>{String(m.title)}</Link> – {formatDate(m.start, locale, true)},{" "}
            {labels.value("MeetingStatus", m.status as string)}
          </li>
        ))}
      </ul>
    </section>
  );
}
