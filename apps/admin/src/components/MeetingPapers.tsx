import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useApi } from "../api/context.js";
import type { AnyRecord, MeetingPaper } from "../api/types.js";
import { useLocale } from "../i18n/index.js";
import { download } from "../lib/spreadsheet.js";
import { ProblemAlert } from "./ProblemAlert.js";

const papers: readonly { readonly paper: MeetingPaper; readonly type: string }[] = [
  { paper: "invitation.pdf", type: "application/pdf" },
  { paper: "invitation.ics", type: "text/calendar" },
  { paper: "minutes.pdf", type: "application/pdf" },
];

/** The meeting's papers, made by the server in the page's language: invitation (PDF and calendar event) and minutes. */
export function MeetingPapers({ meeting }: { meeting: AnyRecord }) {
  const { t } = useTranslation();
  const api = useApi();
  const locale = useLocale();
  const [done, setDone] = useState("");
  const day = String(meeting.start ?? "").slice(0, 10);
  const fetchPaper = useMutation({
    mutationFn: (paper: MeetingPaper) => api.meetingPaper(meeting.id, paper, locale),
    onSuccess: (blob, paper) => {
      const name = t(`meeting.papers.file.${paper.replace(".", "_")}`, { date: day });
      download(name, blob, papers.find((p) => p.paper === paper)?.type);
      setDone(t("meeting.papers.downloaded", { name }));
    },
  });
  return (
    <section aria-labelledby="meeting-papers" className="meeting-section">
      <h2 id="meeting-papers">{t("meeting.papers.title")}</h2>
      <p>{t("meeting.papers.explain")}</p>
      <div className="button-row">
        {papers.map(({ paper }) => (
          <button
            key={paper}
            type="button"
            className="button secondary"
            disabled={fetchPaper.isPending}
            onClick={() => {
              setDone("");
              fetchPaper.mutate(paper);
            }}
          >
            {t(`meeting.papers.${paper.replace(".", "_")}`)}
          </button>
        ))}
      </div>
      <output className="muted">{done}</output>
      {fetchPaper.error ? <ProblemAlert error={fetchPaper.error} /> : null}
    </section>
  );
}
