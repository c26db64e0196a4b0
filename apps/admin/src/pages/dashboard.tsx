import {
  can,
  entityOfId,
  type FactorAssessment,
  type InhibitorAssessment,
  OfficeFigures,
  RegionFigures,
} from "@oha/domain";
import { lazy, type ReactNode, Suspense, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useAnalysis, useList, useOpenActionItems, useRecord } from "../api/hooks.js";
import type { UiEntity } from "../api/http.js";
import type { AnyRecord } from "../api/types.js";
import { useSession } from "../auth/session.js";
import { PageTitle } from "../components/PageTitle.js";
import { Loading, ProblemAlert } from "../components/ProblemAlert.js";
import { NextMeetings, Section } from "../components/StartPage.js";
import { formatDate, useLabels, useLocale } from "../i18n/index.js";
import { useRecordName } from "../lib/lookup.js";
import { officeTimeline } from "../lib/office-timeline.js";
import { recordPath } from "../lib/paths.js";

/** The chart library is loaded only when the start page shows the indicators. */
const IndicatorCharts = lazy(() => import("../components/IndicatorCharts.js"));

/** A number in the UI's language. */
function useNumber() {
  const locale = useLocale();
  return (value: number, digits = 1) =>
    value.toLocaleString(locale === "de" ? "de-DE" : "en-GB", { maximumFractionDigits: digits });
}

/** The link to a record an evidence line rests on, named by the record's title. */
function EvidenceLink({ entity, id }: { entity: UiEntity; id: string }) {
  const labels = useLabels();
  const name = useRecordName(entity)(id);
  return (
    <Link to={recordPath(entity, id)}>
      {labels.entity(entity)}: {name}
    </Link>
  );
}

/** One success factor or inhibitor: its level, and on request the rule and the evidence with its records. */
function Assessment({ item }: { item: FactorAssessment | InhibitorAssessment }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [open, setOpen] = useState(false);
  const levelClass = ["weak", "high"].includes(item.level)
    ? "level level-bad"
    : ["strong", "low"].includes(item.level)
      ? "level level-good"
      : "level";
  return (
    <li className="assessment">
      <h4>
        {item.label[locale]} <span className={levelClass}>{item.levelLabel[locale]}</span>
      </h4>
      <details onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary>{t("dashboard.ruleAndEvidence", { factor: item.label[locale] })}</summary>
        {open ? (
          <>
            <p>
              <strong>{t("dashboard.rule")}:</strong> {item.rule[locale]}
            </p>
            <ul className="evidence">
              {item.evidence.map((e, i) => {
                const linked = e.ids.flatMap((id) => {
                  const entity = entityOfId(id);
                  return entity ? [{ entity, id }] : [];
                });
                return (
                  // biome-ignore lint/suspicious/noArrayIndexKey: evidence lines have no id of their own
                  <li key={i}>
                    {e.text[locale]}
                    {linked.length ? (
                      <ul className="evidence-records">
                        {linked.slice(0, 12).map((r) => (
                          <li key={r.id}>
                            <EvidenceLink entity={r.entity} id={r.id} />
                          </li>
                        ))}
                        {linked.length > 12 ? (
                          <li>{t("dashboard.moreRecords", { count: linked.length - 12 })}</li>
                        ) : null}
                      </ul>
                    ) : null}
                  </li>
                );
              })}
            </ul>
            {item.evidence.length === 0 ? <p>{t("dashboard.noEvidence")}</p> : null}
            {item.improve.length ? (
              <>
                <p>
                  <strong>{t("dashboard.improve")}</strong>
                </p>
                <ul>
                  {item.improve.map((text) => (
                    <li key={text.de}>{text[locale]}</li>
                  ))}
                </ul>
              </>
            ) : null}
          </>
        ) : null}
      </details>
    </li>
  );
}

function Health() {
  const { t } = useTranslation();
  const health = useAnalysis("health", (api) => api.analytics.health());
  return (
    <Section id="health" title={t("dashboard.health")} query={health}>
      <p className="hint">{t("dashboard.healthIntro")}</p>
      {health.data ? (
        <>
          <h3>{t("dashboard.factors")}</h3>
          <ul className="assessments">
            {health.data.factors.map((f) => (
              <Assessment key={f.factor} item={f} />
            ))}
          </ul>
          <h3>{t("dashboard.inhibitors")}</h3>
          <ul className="assessments">
            {health.data.inhibitors.map((i) => (
              <Assessment key={i.inhibitor} item={i} />
            ))}
          </ul>
        </>
      ) : null}
    </Section>
  );
}

/** One kind of alert: a heading with the count and its items. */
function AlertGroup({ title, children }: { title: string; children: ReactNode[] }) {
  return (
    <li className="alert-group">
      <h3>
        {title} <span className="count">({children.length})</span>
      </h3>
      <ul>{children}</ul>
    </li>
  );
}

/** What needs the office now, from the analyses the server computes. */
function Alerts() {
  const { t } = useTranslation();
  const locale = useLocale();
  const number = useNumber();
  const participation = useAnalysis("participation", (api) => api.analytics.participation());
  const continuity = useAnalysis("continuity", (api) => api.analytics.continuity());
  const standards = useAnalysis("standards", (api) => api.analytics.standards());
  const deadlines = useAnalysis("deadlines", (api) => api.analytics.deadlines());
  const meetings = useAnalysis("meetings", (api) => api.analytics.meetings());
  const actionItems = useOpenActionItems();
  const actorName = useRecordName("actor");
  const bodyName = useRecordName("body");
  const contactName = useRecordName("contact");
  const date = (value: string | null | undefined) => (value ? formatDate(value, locale) : "—");
  const queries = [participation, continuity, standards, deadlines, meetings, actionItems];
  const failed = queries.find((q) => q.error);
  const loading = queries.some((q) => q.isLoading);

  const inactive = new Set(participation.data?.inactivePartners ?? []);
  const behind = new Set(participation.data?.bodiesBelowTarget ?? []);
  const vacant = new Set(continuity.data?.vacantSeats ?? []);
  const overdueReviews = new Set(standards.data?.overdueReviews ?? []);
  const groups = [
    <AlertGroup key="handovers" title={t("dashboard.alerts.handovers")}>
      {(continuity.data?.handovers ?? []).map((h) => (
        <li key={h.affiliationId}>
          <Link to={recordPath("affiliation", h.affiliationId)}>
            {t("dashboard.alerts.handover", {
              contact: contactName(h.contactId),
              actor: actorName(h.actorId),
              date: date(h.endedOn),
            })}
          </Link>{" "}
          {h.successorContactId
            ? t("dashboard.alerts.successor", { contact: contactName(h.successorContactId) })
            : t("dashboard.alerts.noSuccessor")}
        </li>
      ))}
    </AlertGroup>,
    <AlertGroup key="vacant" title={t("dashboard.alerts.vacantSeats")}>
      {(continuity.data?.seats ?? [])
        .filter((s) => vacant.has(s.seatId))
        .map((s) => (
          <li key={s.seatId}>
            <Link to={recordPath("seat", s.seatId)}>
              {t("dashboard.alerts.vacantSeat", {
                body: bodyName(s.bodyId),
                actor: s.actorId ? actorName(s.actorId) : t("dashboard.alerts.openSeat"),
              })}
            </Link>{" "}
            {s.vacantSince ? t("dashboard.alerts.since", { date: date(s.vacantSince) }) : null}
          </li>
        ))}
    </AlertGroup>,
    <AlertGroup key="inactive" title={t("dashboard.alerts.inactivePartners")}>
      {(participation.data?.involvement ?? [])
        .filter((i) => inactive.has(i.actorId))
        .map((i) => (
          <li key={i.actorId}>
            <Link to={recordPath("actor", i.actorId)}>{actorName(i.actorId)}</Link>:{" "}
            {i.lastInvolvedOn
              ? t("dashboard.alerts.lastInvolved", { date: date(i.lastInvolvedOn), days: i.daysSince })
              : t("dashboard.alerts.neverInvolved")}
          </li>
        ))}
    </AlertGroup>,
    <AlertGroup key="bodies" title={t("dashboard.alerts.bodiesBehind")}>
      {(participation.data?.bodies ?? [])
        .filter((b) => behind.has(b.bodyId))
        .map((b) => (
          <li key={b.bodyId}>
            <Link to={recordPath("body", b.bodyId)}>{bodyName(b.bodyId)}</Link>:{" "}
            {t("dashboard.alerts.bodyBehind", {
              held: b.held,
              required: b.requiredMeetings,
              target: number(b.targetMeetingsPerYear),
            })}
          </li>
        ))}
    </AlertGroup>,
    <AlertGroup key="overdue" title={t("dashboard.alerts.overdueItems")}>
      {(actionItems.data ?? [])
        .filter((i) => i.overdue)
        .map((i) => (
          <li key={i.item.id}>
            <Link to={recordPath("meeting", i.meetingId)}>{i.item.title}</Link>:{" "}
            {t("dashboard.alerts.dueSince", { date: date(i.item.due) })}
            {i.item.ownerActorId ? ` (${actorName(i.item.ownerActorId)})` : ""}
          </li>
        ))}
    </AlertGroup>,
    <AlertGroup key="reviews" title={t("dashboard.alerts.reviewsDue")}>
      {(standards.data?.reviews ?? [])
        .filter((r) => overdueReviews.has(r.standardId))
        .map((r) => (
          <li key={r.standardId}>
            <Link to={recordPath("standard", r.standardId)}>{r.code}</Link>:{" "}
            {r.dueOn
              ? t("dashboard.alerts.reviewDueSince", { date: date(r.dueOn) })
              : t("dashboard.alerts.neverReviewed")}
          </li>
        ))}
    </AlertGroup>,
    <AlertGroup key="agreements" title={t("dashboard.alerts.agreementsEnding")}>
      {(deadlines.data?.agreements ?? []).map((a) => (
        <li key={a.agreementId}>
          <Link to={recordPath("agreement", a.agreementId)}>{a.title}</Link>:{" "}
          {t("dashboard.alerts.endsOn", { date: date(a.validTo), count: a.daysLeft })}
        </li>
      ))}
    </AlertGroup>,
    <AlertGroup key="programmes" title={t("dashboard.alerts.programmesEnding")}>
      {(deadlines.data?.fundingProgrammes ?? []).map((p) => (
        <li key={p.fundingProgrammeId}>
          <Link to={recordPath("fundingProgramme", p.fundingProgrammeId)}>{p.name}</Link>:{" "}
          {t("dashboard.alerts.endsOn", { date: date(p.to), count: p.daysLeft })}{" "}
          {t("dashboard.alerts.measuresAffected", { count: p.measureIds.length })}
          {p.fundsOffice ? ` ${t("dashboard.alerts.fundsOffice")}` : ""}
        </li>
      ))}
    </AlertGroup>,
    <AlertGroup key="unrecorded" title={t("dashboard.alerts.unrecorded")}>
      {(meetings.data?.unrecorded ?? []).map((m) => (
        <li key={m.meetingId}>
          <Link to={recordPath("meeting", m.meetingId)}>{m.title}</Link> ({date(m.start)})
        </li>
      ))}
    </AlertGroup>,
  ];
  // A kind of alert without items is left out.
  const shown = groups.filter((g) => g.props.children.length > 0);
  return (
    <Section id="alerts" title={t("dashboard.alertsTitle")}>
      {failed?.error ? (
        <ProblemAlert
          error={failed.error}
          onRetry={() => {
            for (const q of queries) if (q.error) void q.refetch();
          }}
        />
      ) : null}
      {loading ? <Loading /> : null}
      {!loading && !failed ? (
        shown.length ? (
          <ul className="alert-groups">{shown}</ul>
        ) : (
          <p>{t("dashboard.alerts.none")}</p>
        )
      ) : null}
    </Section>
  );
}

function Indicators() {
  const { t } = useTranslation();
  const labels = useLabels();
  const locale = useLocale();
  const number = useNumber();
  const indicators = useAnalysis("indicators", (api) => api.analytics.indicators());
  const list = indicators.data?.indicators ?? [];
  const withData = list.filter((i) => i.latest);
  const value = (v: number | null | undefined, unit: string | null) =>
    v === null || v === undefined ? "—" : `${number(v, 2)}${unit ? ` ${unit}` : ""}`;
  const unitOf = (i: (typeof list)[number]) => i.unitLabel ?? (i.unit === "percent" ? "%" : null);
  return (
    <Section id="indicators" title={t("dashboard.indicators")} query={indicators}>
      {indicators.data && withData.length === 0 ? <p>{t("dashboard.noIndicators")}</p> : null}
      {withData.length ? (
        <>
          <Suspense fallback={<Loading />}>
            <IndicatorCharts indicators={withData} locale={locale} />
          </Suspense>
          <div className="table-wrap">
            <table>
              <caption>{t("dashboard.indicatorTable")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("dashboard.indicator")}</th>
                  <th scope="col">{t("dashboard.latest")}</th>
                  <th scope="col">{t("dashboard.previous")}</th>
                  <th scope="col">{t("dashboard.change")}</th>
                  <th scope="col">{t("dashboard.trend")}</th>
                </tr>
              </thead>
              <tbody>
                {withData.map((i) => (
                  <tr key={i.indicatorId}>
                    <th scope="row">
                      <Link to={recordPath("indicator", i.indicatorId)}>
                        {i.code} {i.name}
                      </Link>
                    </th>
                    <td>
                      {value(i.latest?.value, unitOf(i))}
                      {i.latest ? ` (${i.latest.periodLabel ?? formatDate(i.latest.date, locale)})` : ""}
                    </td>
                    <td>
                      {value(i.previous?.value, unitOf(i))}
                      {i.previous
                        ? ` (${i.previous.periodLabel ?? formatDate(i.previous.date, locale)})`
                        : ""}
                    </td>
                    <td>{i.change === null ? "—" : `${i.change > 0 ? "+" : ""}${number(i.change, 2)}`}</td>
                    <td>
                      <span className={`trend trend-${i.trend}`}>
                        {labels.value("IndicatorTrendKind", i.trend)}
                      </span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </Section>
  );
}

function RegionAndOffice() {
  const { t } = useTranslation();
  const labels = useLabels();
  const locale = useLocale();
  const number = useNumber();
  const { me } = useSession();
  const region = useRecord("region", me?.tenant.id);
  const offices = useList("coordinationOffice", { limit: 1, sort: "name" });
  const office = offices.data?.items[0];
  const regionFigures = RegionFigures.safeParse((region.data as AnyRecord | undefined)?.figures);
  const officeFigures = OfficeFigures.safeParse((office as AnyRecord | undefined)?.figures);
  const r = region.data;
  return (
    <>
      <Section id="region" title={t("dashboard.region")} query={region}>
        {r ? (
          <dl className="details">
            <div>
              <dt>{t("dashboard.regionName")}</dt>
              <dd>
                <Link to={recordPath("region", r.id)}>{r.name}</Link> ({labels.value("RegionKind", r.kind)})
              </dd>
            </div>
            {r.keys.map((k) => (
              <div key={`${k.system}-${k.value}`}>
                <dt>{labels.value("KeySystem", k.system)}</dt>
                <dd>
                  {k.value}
                  {k.validTo ? ` (${t("dashboard.validTo", { date: formatDate(k.validTo, locale) })})` : ""}
                </dd>
              </div>
            ))}
            <div>
              <dt>{t("dashboard.area")}</dt>
              <dd>{r.areaKm2 === undefined ? "—" : `${number(r.areaKm2, 2)} km²`}</dd>
            </div>
            <div>
              <dt>{t("dashboard.population")}</dt>
              <dd>{r.population === undefined ? "—" : number(r.population, 0)}</dd>
            </div>
            <div>
              <dt>{t("dashboard.density")}</dt>
              <dd>
                {regionFigures.success && regionFigures.data.populationDensity !== null
                  ? t("dashboard.perKm2", { value: number(regionFigures.data.populationDensity, 1) })
                  : "—"}
              </dd>
            </div>
          </dl>
        ) : null}
      </Section>
      <Section id="office" title={t("dashboard.office")} query={offices}>
        {offices.data && !office ? <p>{t("dashboard.noOffice")}</p> : null}
        {office ? (
          <>
            <p>
              <Link to={recordPath("coordinationOffice", office.id)}>{office.name}</Link>
              {officeFigures.success && officeFigures.data.postsToday !== null
                ? `: ${t("dashboard.postsToday", {
                    count: officeFigures.data.postsToday,
                    funding: officeFigures.data.fundingToday
                      ? labels.value("StaffFunding", officeFigures.data.fundingToday)
                      : "",
                  })}`
                : null}
              {officeFigures.success && officeFigures.data.unitToday
                ? ` – ${officeFigures.data.unitToday}`
                : null}
            </p>
            <ol className="timeline" aria-label={t("dashboard.history")}>
              {officeTimeline(office).map((entry) => (
                <li key={`${entry.kind}-${entry.from}-${entry.title}`}>
                  <span className="when">
                    {entry.to === undefined
                      ? entry.from.slice(0, 4)
                      : entry.to === null
                        ? t("dashboard.sinceYear", { year: entry.from.slice(0, 4) })
                        : entry.to.slice(0, 4) === entry.from.slice(0, 4)
                          ? entry.from.slice(0, 4)
                          : `${entry.from.slice(0, 4)}–${entry.to.slice(0, 4)}`}
                  </span>{" "}
                  <span className="what">
                    {entry.kind === "staffing"
                      ? t("dashboard.staffing", {
                          count: entry.posts ?? 0,
                          funding: labels.value("StaffFunding", entry.funding),
                        })
                      : entry.kind === "placement"
                        ? `${labels.value("UnitKind", entry.unitKind)}: ${entry.title}`
                        : `${labels.value("MilestoneKind", entry.milestoneKind)}: ${entry.title}`}
                  </span>
                </li>
              ))}
            </ol>
          </>
        ) : null}
      </Section>
    </>
  );
}

/**
 * The start page of the coordination office: how the network is doing (health by success factor
 * with the rule and evidence behind each level), what needs the office now, the next meetings, the
 * indicators with their trend, the region's figures and the office's history.
 */
export default function Dashboard() {
  const { t } = useTranslation();
  const labels = useLabels();
  const { me, principal } = useSession();
  return (
    <>
      <PageTitle>{me?.tenant.name ?? t("app.name")}</PageTitle>
      <p className="lead">{t("home.welcome", { role: me ? labels.value("Role", me.principal.role) : "" })}</p>
      <Alerts />
      <Section id="meetings" title={t("dashboard.nextMeetings")}>
        <NextMeetings />
        {principal && can(principal, "create", "meeting") ? (
          <p>
            <Link to="/meetings/new">{t("meeting.plan")}</Link>
          </p>
        ) : null}
      </Section>
      <Health />
      <Indicators />
      <RegionAndOffice />
    </>
  );
}
