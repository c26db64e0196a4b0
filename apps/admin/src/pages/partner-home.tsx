import { can } from "@oha/domain";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useCompleteActionItem, useList, useOpenActionItems } from "../api/hooks.js";
import { useSession } from "../auth/session.js";
import { PageTitle } from "../components/PageTitle.js";
import { ProblemAlert } from "../components/ProblemAlert.js";
import { NextMeetings, Section } from "../components/StartPage.js";
import { formatDate, useLabels, useLocale } from "../i18n/index.js";
import { useRecordName } from "../lib/lookup.js";
import { recordPath } from "../lib/paths.js";

/** The action items assigned to the partner, each with a button to mark it done. */
function MyActionItems({ actorId }: { actorId: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const items = useOpenActionItems(actorId);
  const complete = useCompleteActionItem();
  const [done, setDone] = useState<string | undefined>();
  return (
    <Section id="my-items" title={t("partnerHome.items")} query={items}>
      <output className="status-message">{done ? t("partnerHome.marked", { title: done }) : ""}</output>
      {complete.error ? <ProblemAlert error={complete.error} /> : null}
      {items.data && items.data.length === 0 ? <p>{t("partnerHome.noItems")}</p> : null}
      {items.data?.length ? (
        <ul className="task-list">
          {items.data.map((open) => (
            <li key={open.item.id}>
              <div>
                <strong>{open.item.title}</strong>
                <span className="meta">
                  {" "}
                  {open.item.due ? t("partnerHome.due", { date: formatDate(open.item.due, locale) }) : ""}
                  {open.overdue ? ` (${t("actionItems.overdue")})` : ""} ·{" "}
                  <Link to={recordPath("meeting", open.meetingId)}>{open.meetingTitle}</Link>
                </span>
              </div>
              <button
                type="button"
                className="button secondary"
                aria-label={t("partnerHome.markDoneOf", { title: open.item.title })}
                disabled={complete.isPending}
                onClick={() =>
                  complete.mutate(
                    { meetingId: open.meetingId, itemId: open.item.id, meetingVersion: open.meetingVersion },
                    { onSuccess: () => setDone(open.item.title) },
                  )
                }
              >
                {t("partnerHome.markDone")}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </Section>
  );
}

/** The partner's own measures (the ones it provides), with the way to add one. */
function MyMeasures({ actorId }: { actorId: string }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const { principal } = useSession();
  const measures = useList("measure", { filters: { providerActorId: actorId }, sort: "title", limit: 100 });
  return (
    <Section id="my-measures" title={t("partnerHome.measures")} query={measures}>
      {measures.data && measures.data.total === 0 ? <p>{t("partnerHome.noMeasures")}</p> : null}
      {measures.data?.items.length ? (
        <ul className="link-list">
          {measures.data.items.map((m) => (
            <li key={m.id}>
              <Link to={recordPath("measure", m.id)}>{m.title}</Link>{" "}
              <span className="meta">{labels.value("MeasureStatus", m.status)}</span>
            </li>
          ))}
        </ul>
      ) : null}
      {measures.data && measures.data.total > measures.data.items.length ? (
        <p>
          <Link to={`/measures?providerActorId=${actorId}`}>
            {t("partnerHome.allMeasures", { count: measures.data.total })}
          </Link>
        </p>
      ) : null}
      {principal && can(principal, "create", "measure", { providerActorId: actorId }) ? (
        <p>
          <Link className="button primary" to="/measures/new">
            {t("partnerHome.newMeasure")}
          </Link>
        </p>
      ) : null}
    </Section>
  );
}

/** The start page of a network partner: its own measures, its tasks and its bodies' next meetings. */
export default function PartnerHome() {
  const { t } = useTranslation();
  const { me } = useSession();
  const actorId = me?.principal.actorId;
  const actorName = useRecordName("actor");
  return (
    <>
      <PageTitle>{me?.tenant.name ?? t("app.name")}</PageTitle>
      <p className="lead">
        {actorId ? t("partnerHome.welcome", { actor: actorName(actorId) }) : t("partnerHome.noActor")}
      </p>
      {actorId ? (
        <>
          <MyActionItems actorId={actorId} />
          <Section id="my-meetings" title={t("partnerHome.meetings")}>
            <NextMeetings actorId={actorId} />
          </Section>
          <MyMeasures actorId={actorId} />
        </>
      ) : null}
    </>
  );
}
