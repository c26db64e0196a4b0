import { useMutation } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { useApi } from "../api/context.js";
import { PageTitle } from "../components/PageTitle.js";
import { ProblemAlert } from "../components/ProblemAlert.js";
import { useLocale } from "../i18n/index.js";
import { download } from "../lib/spreadsheet.js";

/** The last five calendar years, this one first. */
function years(): number[] {
  const now = new Date().getFullYear();
  return [0, 1, 2, 3, 4].map((back) => now - back);
}

/**
 * Documents for politics and partners. The annual report is built on the server from the
 * network's data and downloaded as a tagged PDF.
 */
export function ReportsPage() {
  const { t } = useTranslation();
  const api = useApi();
  const yearId = useId();
  const [year, setYear] = useState(() => new Date().getFullYear() - 1);
  const [done, setDone] = useState("");
  const [guideDone, setGuideDone] = useState("");
  const locale = useLocale();
  const annual = useMutation({
    mutationFn: (chosen: number) => api.annualReportPdf(chosen),
    onSuccess: (pdf, chosen) => {
      download(t("reports.fileName", { year: chosen }), pdf, "application/pdf");
      setDone(t("reports.downloaded", { year: chosen }));
    },
  });
  const guide = useMutation({
    mutationFn: () => api.practiceGuidePdf(locale),
    onSuccess: (pdf) => {
      download(t("reports.guideFileName"), pdf, "application/pdf");
      setGuideDone(t("reports.guideDownloaded"));
    },
  });
  return (
    <>
      <PageTitle>{t("reports.title")}</PageTitle>
      <p className="lead">{t("reports.intro")}</p>
      <section aria-labelledby="reports-annual" className="meeting-section">
        <h2 id="reports-annual">{t("reports.annual")}</h2>
        <p>{t("reports.annualExplain")}</p>
        <div className="field">
          <label htmlFor={yearId}>{t("reports.year")}</label>
          <select id={yearId} value={year} onChange={(e) => setYear(Number(e.target.value))}>
            {years().map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
        <div className="button-row">
          <button
            type="button"
            className="button primary"
            disabled={annual.isPending}
            onClick={() => {
              setDone("");
              annual.mutate(year);
            }}
          >
            {t("reports.download", { year })}
          </button>
        </div>
        <output className="muted">{done}</output>
        {annual.error ? <ProblemAlert error={annual.error} /> : null}
      </section>
      <section aria-labelledby="reports-guide" className="meeting-section">
        <h2 id="reports-guide">{t("reports.guide")}</h2>
        <p>{t("reports.guideExplain")}</p>
        <div className="button-row">
          <button
            type="button"
            className="button primary"
            disabled={guide.isPending}
            onClick={() => {
              setGuideDone("");
              guide.mutate();
            }}
          >
            {t("reports.guideDownload")}
          </button>
        </div>
        <output className="muted">{guideDone}</output>
        {guide.error ? <ProblemAlert error={guide.error} /> : null}
      </section>
    </>
  );
}
