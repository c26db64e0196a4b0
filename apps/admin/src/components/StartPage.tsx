import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useAnalysis } from "../api/hooks.js";
import { formatDate, useLabels, useLocale } from "../i18n/index.js";
import { useRecordName } from "../lib/lookup.js";
import { recordPath } from "../lib/paths.js";
import { Loading, ProblemAlert } from "./ProblemAlert.js";

/** A section of a start page with its heading, loading and error states. */
export function Section({
  id,
  title,
  query,
  children,
}: {
  id: string;
  title: string;
  query?: { isLoading: boolean; error: unknown; refetch: () => unknown };
  children: ReactNode;
}) {
  return (
    <section className="dash-section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      {query?.error ? <ProblemAlert error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query?.isLoading ? <Loading /> : null}
      {children}
    </section>
  );
}

/** The next meetings of every body, or with an actor of the bodies it sits in, as the server finds them. */
export function NextMeetings({ actorId }: { actorId?: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const labels = useLabels();
  const bodyName = useRecordName("body");
  const meetings = useAnalysis("meetings", (api) => api.analytics.meetings(actorId), actorId ?? "");
  if (meetings.error) return <ProblemAlert error={meetings.error} onRetry={() => void meetings.refetch()} />;
  if (!meetings.data) return <Loading />;
  if (meetings.data.meetings.length === 0) return <p>{t("dashboard.noMeetings")}</p>;
  return (
    <ul className="meeting-list">
      {meetings.data.meetings.map((m) => (
        <li key={m.meetingId}>
          <Link to={recordPath("meeting", m.meetingId)}>{m.title}</Link>
          <span className="meta">
            {" "}
            {formatDate(m.start, locale, true)} · {bodyName(m.bodyId)}
            {m.location ? ` · ${m.location}` : ""} · {labels.value("MeetingStatus", m.status)}
          </span>
        </li>
      ))}
    </ul>
  );
}
