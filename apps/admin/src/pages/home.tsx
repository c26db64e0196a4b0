import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useList } from "../api/hooks.js";
import type { UiEntity } from "../api/http.js";
import { useSession } from "../auth/session.js";
import { PageTitle } from "../components/PageTitle.js";
import { useLabels } from "../i18n/index.js";

function Count({ entity, to, filters }: { entity: UiEntity; to: string; filters?: Record<string, string> }) {
  const labels = useLabels();
  const list = useList(entity, { limit: 1, fields: ["id"], ...(filters ? { filters } : {}) });
  return (
    <li className="tile">
      <Link to={to}>
        <span className="tile-number">
          {list.data ? list.data.total.toLocaleString(labels.locale === "de" ? "de-DE" : "en-GB") : "…"}
        </span>
        <span className="tile-label">{labels.entity(entity, true)}</span>
      </Link>
    </li>
  );
}

/** The start page: the tenant, the signed-in role and the network at a glance. */
export function HomePage() {
  const { t } = useTranslation();
  const labels = useLabels();
  const { me } = useSession();
  return (
    <>
      <PageTitle>{me?.tenant.name ?? t("app.name")}</PageTitle>
      <p className="lead">{t("home.welcome", { role: me ? labels.value("Role", me.principal.role) : "" })}</p>
      <h2>{t("home.overview")}</h2>
      <ul className="tiles">
        <Count entity="actor" to="/actors" />
        <Count entity="contact" to="/contacts" />
        <Count entity="body" to="/bodies" />
        <Count entity="meeting" to="/meetings" />
        <Count entity="measure" to="/measures" />
        <Count entity="indicator" to="/indicators" />
      </ul>
      <h2>{t("home.tasks")}</h2>
      <ul className="plain-list links">
        <li>
          <Link to="/meetings/new">{t("meeting.plan")}</Link>
        </li>
        <li>
          <Link to="/action-items">{t("nav.actionItems")}</Link>
        </li>
        <li>
          <Link to="/measures?status=running">{t("home.runningMeasures")}</Link>
        </li>
        <li>
          <Link to="/import">{t("nav.import")}</Link>
        </li>
      </ul>
    </>
  );
}

/** A page for an address that does not exist. */
export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle>{t("notFound.title")}</PageTitle>
      <p>{t("notFound.text")}</p>
      <Link to="/">{t("nav.home")}</Link>
    </>
  );
}
