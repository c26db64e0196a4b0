import { type MeasureCategory, schoolYearOf, schoolYearRange, type TargetGroup } from "@oha/domain";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { useCoverage, useRealisation } from "../api/analytics.js";
import { useRecord } from "../api/hooks.js";
import type { CoverageAnswer, RealisationAnswer } from "../api/types.js";
import { useSession } from "../auth/session.js";
import { useEnumOptions } from "../components/Field.js";
import { PageTitle } from "../components/PageTitle.js";
import { Loading, ProblemAlert } from "../components/ProblemAlert.js";
import { ScrollRegion } from "../components/ScrollRegion.js";
import { formatDate, useLabels, useLocale } from "../i18n/index.js";
import { today } from "../lib/forms.js";
import { useRecordName } from "../lib/lookup.js";
import { recordPath } from "../lib/paths.js";

type Cell = CoverageAnswer["cells"][number];
type Gap = CoverageAnswer["gaps"][number];

/** The school year shown first: the current one when measures touch it, else the latest. */
export function defaultSchoolYear(years: readonly string[], day: string): string | undefined {
  const current = schoolYearOf(day);
  return years.includes(current) ? current : years.at(-1);
}

/** The cells and gaps of one school year by row and municipality, to fill the matrix. */
export function indexCoverage(result: CoverageAnswer) {
  const key = (x: { targetGroup: string; category: string; ags: string }) =>
    `${x.targetGroup}|${x.category}|${x.ags}`;
  const cells = new Map<string, Cell>(result.cells.map((c) => [key(c), c]));
  const gaps = new Map<string, Gap>(result.gaps.map((g) => [key(g), g]));
  return {
    cell: (row: { targetGroup: string; category: string }, ags: string) => cells.get(key({ ...row, ags })),
    gap: (row: { targetGroup: string; category: string }, ags: string) => gaps.get(key({ ...row, ags })),
  };
}

/**
 * Coverage of the offers (Angebotsabdeckung): places per target group × category × municipality in
 * a school year, computed by the API; gaps are marked with a sign and words, not by colour alone.
 * Below, the realisation of planned measures.
 */
export function CoveragePage() {
  const { t } = useTranslation();
  const labels = useLabels();
  const locale = useLocale();
  const { me } = useSession();
  const [params, setParams] = useSearchParams();
  const region = useRecord("region", me?.tenant.id);
  const groups = useEnumOptions("TargetGroup");
  const categories = useEnumOptions("MeasureCategory");
  const ids = { year: useId(), group: useId(), category: useId(), minimum: useId(), caption: useId() };
  const years = useCoverage({});
  const schoolYears = years.data?.schoolYears ?? [];
  const year = params.get("year") ?? defaultSchoolYear(schoolYears, today());
  const targetGroup = (params.get("group") || undefined) as TargetGroup | undefined;
  const category = (params.get("category") || undefined) as MeasureCategory | undefined;
  const minimumText = params.get("minimum") ?? "";
  const minimum = /^\d{1,6}$/.test(minimumText) && Number(minimumText) > 0 ? Number(minimumText) : undefined;
  const coverage = useCoverage(
    {
      ...(year ? { schoolYear: year } : {}),
      ...(targetGroup ? { targetGroup } : {}),
      ...(category ? { category } : {}),
      ...(minimum ? { minimumPlaces: minimum } : {}),
    },
    Boolean(year),
  );
  const setParam = (field: string, value: string) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(field, value);
        else next.delete(field);
        return next;
      },
      { replace: true },
    );
  const municipalities = (region.data?.municipalities as { ags: string; name?: string }[] | undefined) ?? [];
  const placeName = (ags: string) => municipalities.find((m) => m.ags === ags)?.name ?? ags;
  const result = coverage.data;
  const index = result ? indexCoverage(result) : undefined;
  const number = (n: number) =>
    n.toLocaleString(locale === "de" ? "de-DE" : "en-GB", { maximumFractionDigits: 1 });

  return (
    <>
      <PageTitle>{t("coverage.title")}</PageTitle>
      <p className="lead">{t("coverage.intro")}</p>
      <section className="toolbar" aria-label={t("overlaps.filters")}>
        <div className="filters analysis-filters">
          <div className="filter">
            <label htmlFor={ids.year}>{t("coverage.schoolYear")}</label>
            <select id={ids.year} value={year ?? ""} onChange={(e) => setParam("year", e.target.value)}>
              {schoolYears.map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          </div>
          <div className="filter">
            <label htmlFor={ids.group}>{t("coverage.targetGroup")}</label>
            <select
              id={ids.group}
              value={targetGroup ?? ""}
              onChange={(e) => setParam("group", e.target.value)}
            >
              <option value="">{t("list.all")}</option>
              {groups.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </div>
          <div className="filter">
            <label htmlFor={ids.category}>{t("fields.measure.category")}</label>
            <select
              id={ids.category}
              value={category ?? ""}
              onChange={(e) => setParam("category", e.target.value)}
            >
              <option value="">{t("list.all")}</option>
              {categories.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </div>
          <div className="filter">
            <label htmlFor={ids.minimum}>{t("coverage.minimum")}</label>
            <input
              id={ids.minimum}
              type="text"
              inputMode="numeric"
              aria-describedby={`${ids.minimum}-hint`}
              value={minimumText}
              onChange={(e) => setParam("minimum", e.target.value.trim())}
            />
            <p className="hint small" id={`${ids.minimum}-hint`}>
              {t("coverage.minimumHint")}
            </p>
          </div>
        </div>
      </section>
      {(years.error ?? coverage.error) ? (
        <ProblemAlert error={years.error ?? coverage.error} onRetry={() => void coverage.refetch()} />
      ) : null}
      {years.isLoading || coverage.isLoading ? <Loading /> : null}
      {years.data && schoolYears.length === 0 ? <p>{t("coverage.noMeasures")}</p> : null}
      {result && index && year ? (
        <>
          <section aria-labelledby="coverage-matrix" className="meeting-section">
            <h2 id="coverage-matrix">{t("coverage.matrixTitle", { year })}</h2>
            <p>{t("coverage.gapCount", { count: result.gaps.length })}</p>
            <ul className="coverage-legend" aria-label={t("coverage.legend")}>
              <li>
                <span aria-hidden="true">✓ </span>
                {t("coverage.legendCovered")}
              </li>
              <li>
                <span aria-hidden="true">⚠ </span>
                {t("coverage.legendGap")}
              </li>
              <li>
                <span aria-hidden="true">▼ </span>
                {t("coverage.legendUnder")}
              </li>
              <li>
                <span aria-hidden="true">? </span>
                {t("coverage.legendUnknown")}
              </li>
            </ul>
            {result.rows.length === 0 ? (
              <p>{t("coverage.noRows")}</p>
            ) : (
              <ScrollRegion labelledBy={ids.caption}>
                <table className="data-table matrix">
                  <caption id={ids.caption}>{t("coverage.caption", { year })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("coverage.targetGroup")}</th>
                      <th scope="col">{t("fields.measure.category")}</th>
                      {result.municipalities.map((ags) => (
                        <th scope="col" key={ags}>
                          {placeName(ags)}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {result.rows.map((row) => (
                      <tr key={`${row.targetGroup}|${row.category}`}>
                        <th scope="row">{labels.value("TargetGroup", row.targetGroup)}</th>
                        <th scope="row">{labels.value("MeasureCategory", row.category)}</th>
                        {result.municipalities.map((ags) => {
                          const gap = index.gap(row, ags);
                          const cell = index.cell(row, ags);
                          return (
                            <td key={ags} className={gap ? "coverage-cell-gap" : "coverage-cell-ok"}>
                              <CellText gap={gap} cell={cell} number={number} />
                            </td>
                          );
                        })}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </ScrollRegion>
            )}
            {result.withoutTargetGroup.length > 0 ? (
              <p className="muted">
                {t("coverage.withoutTargetGroup", { count: result.withoutTargetGroup.length })}
              </p>
            ) : null}
            {result.unknownAreas.length > 0 ? (
              <p className="muted">
                {t("coverage.unknownAreas", {
                  keys: [...new Set(result.unknownAreas.map((u) => u.ags))].join(", "),
                })}
              </p>
            ) : null}
          </section>
          <GapList result={result} placeName={placeName} number={number} year={year} />
        </>
      ) : null}
      <RealisationSection years={schoolYears} />
    </>
  );
}

function CellText({
  gap,
  cell,
  number,
}: {
  gap: Gap | undefined;
  cell: Cell | undefined;
  number: (n: number) => string;
}) {
  const { t } = useTranslation();
  if (gap?.kind === "no_offer")
    return (
      <>
        <span aria-hidden="true">⚠ </span>
        {t("coverage.cellNoOffer")}
      </>
    );
  if (gap?.kind === "unknown_places")
    return (
      <>
        <span aria-hidden="true">? </span>
        {t("coverage.cellUnknown", { count: gap.unknownPlaces })}
      </>
    );
  if (gap)
    return (
      <>
        <span aria-hidden="true">▼ </span>
        {t("coverage.cellTooFew", { places: number(gap.places), minimum: number(gap.minimum) })}
      </>
    );
  return (
    <>
      <span aria-hidden="true">✓ </span>
      {t("coverage.cellPlaces", { places: number(cell?.places ?? 0) })}
      {cell?.unknownPlaces ? ` ${t("coverage.cellPlusUnknown", { count: cell.unknownPlaces })}` : ""}
    </>
  );
}

function GapList({
  result,
  placeName,
  number,
  year,
}: {
  result: CoverageAnswer;
  placeName: (ags: string) => string;
  number: (n: number) => string;
  year: string;
}) {
  const { t } = useTranslation();
  const labels = useLabels();
  const locale = useLocale();
  const captionId = useId();
  return (
    <section aria-labelledby="coverage-gaps" className="meeting-section">
      <h2 id="coverage-gaps">{t("coverage.gapsTitle", { year, count: result.gaps.length })}</h2>
      {result.gaps.length === 0 ? (
        <p>{t("coverage.noGaps")}</p>
      ) : (
        <ScrollRegion labelledBy={captionId}>
          <table className="data-table">
            <caption className="visually-hidden" id={captionId}>
              {t("coverage.gapsCaption", { year })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t("coverage.municipality")}</th>
                <th scope="col">{t("coverage.targetGroup")}</th>
                <th scope="col">{t("fields.measure.category")}</th>
                <th scope="col">{t("coverage.why")}</th>
                <th scope="col">{t("coverage.placesOfMinimum")}</th>
                <th scope="col">{t("coverage.previousYear")}</th>
                <th scope="col">{t("coverage.elsewhere")}</th>
              </tr>
            </thead>
            <tbody>
              {result.gaps.map((gap) => (
                <tr key={`${gap.targetGroup}|${gap.category}|${gap.ags}`}>
                  <th scope="row">{placeName(gap.ags)}</th>
                  <td>{labels.value("TargetGroup", gap.targetGroup)}</td>
                  <td>{labels.value("MeasureCategory", gap.category)}</td>
                  <td>{gap.reason[locale]}</td>
                  <td className="number">
                    {number(gap.places)} / {number(gap.minimum)}
                  </td>
                  <td className="number">
                    {gap.previousYearPlaces === undefined ? "—" : number(gap.previousYearPlaces)}
                  </td>
                  <td className="number">
                    {t("coverage.coveredOf", {
                      covered: gap.coveredMunicipalities,
                      total: result.municipalities.length,
                    })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </section>
  );
}

/** The realisation rate of planned measures, for the measures planned to start in a school year or ever. */
function RealisationSection({ years }: { years: readonly string[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [params, setParams] = useSearchParams();
  const id = useId();
  const chosen = params.get("planned") ?? "";
  const range = chosen && years.includes(chosen) ? schoolYearRange(chosen) : {};
  const realisation = useRealisation(range);
  const data = realisation.data;
  return (
    <section aria-labelledby="coverage-realisation" className="meeting-section">
      <h2 id="coverage-realisation">{t("realisation.title")}</h2>
      <p>{t("realisation.intro")}</p>
      <div className="filter">
        <label htmlFor={id}>{t("realisation.plannedStart")}</label>
        <select
          id={id}
          value={chosen}
          onChange={(e) =>
            setParams(
              (current) => {
                const next = new URLSearchParams(current);
                if (e.target.value) next.set("planned", e.target.value);
                else next.delete("planned");
                return next;
              },
              { replace: true },
            )
          }
        >
          <option value="">{t("realisation.allYears")}</option>
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </div>
      {realisation.error ? <ProblemAlert error={realisation.error} /> : null}
      {realisation.isLoading ? <Loading /> : null}
      {data ? (
        <>
          <p className="muted">
            {t("realisation.window", {
              from: data.window.from ? formatDate(data.window.from, locale) : t("realisation.beginning"),
              to: formatDate(data.window.to, locale),
              asOf: formatDate(data.asOf, locale),
            })}
          </p>
          <RealisationFigures data={data} />
          <MeasureLinks title={t("realisation.overdueList")} ids={data.overdue} />
          <MeasureLinks title={t("realisation.cancelledList")} ids={data.cancelled} />
          <MeasureLinks title={t("realisation.notYetDueList")} ids={data.notYetDue} />
        </>
      ) : null}
    </section>
  );
}

function RealisationFigures({ data }: { data: RealisationAnswer }) {
  const { t } = useTranslation();
  const percent = (value: number | null) => (value === null ? "—" : `${Math.round(value * 100)} %`);
  const figures = [
    { key: "rate", label: t("realisation.rate"), rate: data.realisationRate },
    { key: "cancelled", label: t("realisation.cancelled"), rate: data.cancellationRate },
    { key: "overdue", label: t("realisation.overdue"), rate: data.overdueRate },
  ];
  return (
    <dl className="figure-list">
      {figures.map((f) => (
        <div key={f.key}>
          <dt>{f.label}</dt>
          <dd>{percent(f.rate.value)}</dd>
          <dd className="muted small">
            {f.rate.denominator === 0
              ? t("realisation.nothingDue")
              : t("realisation.ofDue", { done: f.rate.numerator, count: f.rate.denominator })}
          </dd>
        </div>
      ))}
    </dl>
  );
}

function MeasureLinks({ title, ids }: { title: string; ids: readonly string[] }) {
  const measureName = useRecordName("measure");
  if (ids.length === 0) return null;
  return (
    <>
      <h3>
        {title} ({ids.length})
      </h3>
      <ul>
        {ids.map((id) => (
          <li key={id}>
            <Link to={recordPath("measure", id)}>{measureName(id)}</Link>
          </li>
        ))}
      </ul>
    </>
  );
}
