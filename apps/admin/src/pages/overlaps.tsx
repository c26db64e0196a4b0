import { can, type OverlapVerdict } from "@oha/domain";
import { type FormEvent, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { useOverlaps, useReviewOverlap } from "../api/analytics.js";
import { useEverything, useRecord } from "../api/hooks.js";
import type { AnyRecord, OverlapAnswer } from "../api/types.js";
import { useSession } from "../auth/session.js";
import { TextArea, useEnumOptions } from "../components/Field.js";
import { useFieldLabel } from "../components/FieldInput.js";
import { PageTitle } from "../components/PageTitle.js";
import { Loading, ProblemAlert } from "../components/ProblemAlert.js";
import { formatDate, useLabels, useLocale } from "../i18n/index.js";
import { useRecordName } from "../lib/lookup.js";
import { recordPath } from "../lib/paths.js";

type Pair = OverlapAnswer["pairs"][number];
type Cluster = OverlapAnswer["clusters"][number];

/** The fields of a measure the comparison shows and the filters read. */
const measureFields = [
  "title",
  "providerActorId",
  "category",
  "grades",
  "areaServed",
  "from",
  "to",
  "places",
] as const;

/** What the pairs are narrowed to: a municipality (AGS), a grade, a category. */
export interface OverlapFilter {
  readonly municipality?: string | undefined;
  readonly grade?: number | undefined;
  readonly category?: string | undefined;
}

/**
 * Whether a measure falls under the filter: it serves the municipality (or the whole region), its
 * grades include the grade (or it names none), it is of the category.
 */
export function measureMatches(measure: AnyRecord | undefined, filter: OverlapFilter): boolean {
  if (!measure) return false;
  const area = (measure.areaServed as string[] | undefined) ?? [];
  if (filter.municipality && area.length > 0 && !area.includes(filter.municipality)) return false;
  const grades = measure.grades as { min: number; max: number } | undefined;
  if (filter.grade !== undefined && grades && (filter.grade < grades.min || filter.grade > grades.max))
    return false;
  if (filter.category && measure.category !== filter.category) return false;
  return true;
}

/** The pairs whose two measures both fall under the filter: they overlap there. */
export function pairMatches(
  ids: readonly [string, string] | readonly string[],
  byId: ReadonlyMap<string, AnyRecord>,
  filter: OverlapFilter,
): boolean {
  return ids.every((id) => measureMatches(byId.get(id), filter));
}

/** The sections of the review page: open pairs, confirmed ones (current review), dismissed ones. */
export function sortPairs(result: OverlapAnswer) {
  const open: Pair[] = [];
  const confirmed: Pair[] = [];
  for (const pair of result.pairs) {
    if (pair.review?.current && pair.review.verdict !== "complementary") confirmed.push(pair);
    else open.push(pair);
  }
  return { open, confirmed, dismissed: result.dismissed as readonly Pair[] };
}

const pairKey = (pair: Pair) => pair.measureIds.join("+");

/**
 * Suspected redundant offers: the pairs the overlap finder reports, with the two offers side by
 * side and the reasons, to confirm or dismiss with a note. A dismissal lasts until a field that
 * makes the pair redundant changes on either offer; the server decides that.
 */
export function OverlapsPage() {
  const { t } = useTranslation();
  const labels = useLabels();
  const { me, principal } = useSession();
  const [params, setParams] = useSearchParams();
  const overlaps = useOverlaps();
  const measures = useEverything("measure", { fields: [...measureFields] });
  const reviews = useEverything("overlapReview", { fields: ["note", "reviewedBy"] });
  const region = useRecord("region", me?.tenant.id);
  const categories = useEnumOptions("MeasureCategory");
  const statusRef = useRef<HTMLOutputElement>(null);
  const [status, setStatus] = useState("");
  const ids = { municipality: useId(), grade: useId(), category: useId() };
  const mayReview = principal ? can(principal, "create", "overlapReview") : false;

  const municipalities = ((region.data?.municipalities as { ags: string; name?: string }[] | undefined) ?? [])
    .slice()
    .sort((a, b) => (a.name ?? a.ags).localeCompare(b.name ?? b.ags, "de"));
  const placeName = (ags: string) => municipalities.find((m) => m.ags === ags)?.name ?? ags;
  const gradeText = params.get("grade") ?? "";
  const grade = /^\d{1,2}$/.test(gradeText) ? Number(gradeText) : undefined;
  const filter: OverlapFilter = {
    municipality: params.get("municipality") || undefined,
    grade,
    category: params.get("category") || undefined,
  };
  const setFilter = (field: string, value: string) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(field, value);
        else next.delete(field);
        return next;
      },
      { replace: true },
    );

  const byId = new Map((measures.data ?? []).map((m) => [m.id, m as AnyRecord]));
  const reviewById = new Map((reviews.data ?? []).map((r) => [r.id, r as AnyRecord]));
  const sections = overlaps.data ? sortPairs(overlaps.data) : undefined;
  const shown = (pairs: readonly Pair[]) => pairs.filter((p) => pairMatches(p.measureIds, byId, filter));
  const clusters = (overlaps.data?.clusters ?? []).filter((c) =>
    c.pairs.some((ids) => pairMatches(ids, byId, filter)),
  );
  const title = (id: string) => String(byId.get(id)?.title ?? id);

  const reviewed = (pair: Pair, verdict: OverlapVerdict) => {
    const where = verdict === "complementary" ? t("overlaps.dismissedTitle") : t("overlaps.confirmedTitle");
    setStatus(
      t("overlaps.saved", {
        pair: `${title(pair.measureIds[0])} ↔ ${title(pair.measureIds[1])}`,
        verdict: labels.value("OverlapVerdict", verdict),
        where,
      }),
    );
    // The pair moves to another section: the focus goes to the message that says where.
    setTimeout(() => statusRef.current?.focus(), 0);
  };

  const card = (pair: Pair) => (
    <PairCard
      key={pairKey(pair)}
      pair={pair}
      byId={byId}
      placeName={placeName}
      review={pair.review ? reviewById.get(pair.review.id) : undefined}
      mayReview={mayReview}
      onReviewed={reviewed}
    />
  );
  const loading = overlaps.isLoading || measures.isLoading;
  const problem = overlaps.error ?? measures.error;

  return (
    <>
      <PageTitle>{t("overlaps.title")}</PageTitle>
      <p className="lead">{t("overlaps.intro")}</p>
      {!mayReview ? <p className="alert">{t("overlaps.readOnly")}</p> : null}
      <output ref={statusRef} tabIndex={-1} className={status ? "alert alert-success" : undefined}>
        {status}
      </output>
      <section className="toolbar" aria-label={t("overlaps.filters")}>
        <div className="filters analysis-filters">
          <div className="filter">
            <label htmlFor={ids.municipality}>{t("overlaps.municipality")}</label>
            <select
              id={ids.municipality}
              value={filter.municipality ?? ""}
              onChange={(e) => setFilter("municipality", e.target.value)}
            >
              <option value="">{t("list.all")}</option>
              {municipalities.map((m) => (
                <option key={m.ags} value={m.ags}>
                  {m.name ?? m.ags}
                </option>
              ))}
            </select>
          </div>
          <div className="filter">
            <label htmlFor={ids.grade}>{t("measure.grade")}</label>
            <input
              id={ids.grade}
              type="text"
              inputMode="numeric"
              value={gradeText}
              onChange={(e) => setFilter("grade", e.target.value.trim())}
            />
          </div>
          <div className="filter">
            <label htmlFor={ids.category}>{t("fields.measure.category")}</label>
            <select
              id={ids.category}
              value={filter.category ?? ""}
              onChange={(e) => setFilter("category", e.target.value)}
            >
              <option value="">{t("list.all")}</option>
              {categories.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </div>
        </div>
      </section>
      <p className="muted small">{t("overlaps.filterHint")}</p>
      {problem ? <ProblemAlert error={problem} onRetry={() => void overlaps.refetch()} /> : null}
      {loading ? <Loading /> : null}
      {sections && measures.data ? (
        <>
          <p className="muted">
            {t("overlaps.summary", {
              measures: overlaps.data?.stats.measures ?? 0,
              threshold: Math.round((overlaps.data?.threshold ?? 0) * 100),
            })}
          </p>
          <PairSection id="open" title={t("overlaps.openTitle")} empty={t("overlaps.noOpen")}>
            {shown(sections.open).map(card)}
          </PairSection>
          <section aria-labelledby="overlaps-clusters" className="meeting-section">
            <h2 id="overlaps-clusters">
              {t("overlaps.clustersTitle")} ({clusters.length})
            </h2>
            <p className="muted">{t("overlaps.clustersIntro")}</p>
            {clusters.length === 0 ? <p>{t("overlaps.noClusters")}</p> : null}
            {clusters.map((cluster) => (
              <ClusterCard key={cluster.measureIds.join("+")} cluster={cluster} byId={byId} />
            ))}
          </section>
          <PairSection id="confirmed" title={t("overlaps.confirmedTitle")} empty={t("overlaps.noConfirmed")}>
            {shown(sections.confirmed).map(card)}
          </PairSection>
          <PairSection id="dismissed" title={t("overlaps.dismissedTitle")} empty={t("overlaps.noDismissed")}>
            {shown(sections.dismissed).map(card)}
          </PairSection>
        </>
      ) : null}
    </>
  );
}

function PairSection({
  id,
  title,
  empty,
  children,
}: {
  id: string;
  title: string;
  empty: string;
  children: React.ReactNode[];
}) {
  return (
    <section aria-labelledby={`overlaps-${id}`} className="meeting-section">
      <h2 id={`overlaps-${id}`}>
        {title} ({children.length})
      </h2>
      {children.length === 0 ? <p>{empty}</p> : children}
    </section>
  );
}

function PairCard({
  pair,
  byId,
  placeName,
  review,
  mayReview,
  onReviewed,
}: {
  pair: Pair;
  byId: ReadonlyMap<string, AnyRecord>;
  placeName: (ags: string) => string;
  review: AnyRecord | undefined;
  mayReview: boolean;
  onReviewed: (pair: Pair, verdict: OverlapVerdict) => void;
}) {
  const { t } = useTranslation();
  const labels = useLabels();
  const locale = useLocale();
  const measureLabel = useFieldLabel("measure");
  const reviewLabel = useFieldLabel("overlapReview");
  const actorName = useRecordName("actor");
  const headingId = useId();
  const [a, b] = pair.measureIds.map((id) => byId.get(id));
  const name = (m: AnyRecord | undefined, id: string) => String(m?.title ?? id);
  const percent = (share: number) => `${Math.round(share * 100)} %`;
  const rows: [string, (m: AnyRecord | undefined) => string][] = [
    [measureLabel("providerActorId"), (m) => actorName(m?.providerActorId as string | undefined)],
    [measureLabel("category"), (m) => labels.value("MeasureCategory", m?.category as string | undefined)],
    [
      measureLabel("grades"),
      (m) => {
        const g = m?.grades as { min: number; max: number } | undefined;
        return g ? (g.min === g.max ? String(g.min) : `${g.min}–${g.max}`) : t("overlaps.notGiven");
      },
    ],
    [
      t("overlaps.municipalities"),
      (m) => {
        const area = (m?.areaServed as string[] | undefined) ?? [];
        return area.length === 0 ? t("overlaps.wholeRegion") : area.map(placeName).join(", ");
      },
    ],
    [
      t("measure.period"),
      (m) =>
        m ? `${formatDate(m.from, locale)} – ${m.to ? formatDate(m.to, locale) : t("measure.open")}` : "",
    ],
    [
      measureLabel("places"),
      (m) => (typeof m?.places === "number" ? String(m.places) : t("overlaps.notGiven")),
    ],
  ];
  return (
    <article className="overlap-card" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {name(a, pair.measureIds[0])} ↔ {name(b, pair.measureIds[1])}
      </h3>
      <p>
        {t("overlaps.score", { score: percent(pair.score) })}
        {pair.sameProvider ? <span className="badge">{t("overlaps.sameProvider")}</span> : null}
      </p>
      {pair.review ? (
        <div className={pair.review.current ? "review-note" : "alert alert-warning"}>
          <p>
            {pair.review.current ? t("overlaps.reviewCurrent") : t("overlaps.reviewOutdated")}{" "}
            <strong>{labels.value("OverlapVerdict", pair.review.verdict)}</strong>
            {" – "}
            {reviewLabel("reviewedAt")} {formatDate(pair.review.reviewedAt, locale, true)}
            {review?.reviewedBy ? ` (${String(review.reviewedBy)})` : ""}
          </p>
          {review?.note ? (
            <p className="pre-wrap">
              {reviewLabel("note")}: {String(review.note)}
            </p>
          ) : null}
        </div>
      ) : null}
      <div className="table-wrap">
        <table className="data-table compare">
          <caption className="visually-hidden">{t("overlaps.compareCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("overlaps.feature")}</th>
              {pair.measureIds.map((id, i) => (
                <th scope="col" key={id}>
                  <Link to={recordPath("measure", id)}>{name(i === 0 ? a : b, id)}</Link>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map(([label, value]) => (
              <tr key={label}>
                <th scope="row">{label}</th>
                <td>{value(a)}</td>
                <td>{value(b)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h4>{t("overlaps.reasons")}</h4>
      <ul className="reasons">
        {pair.reasons.map((reason) => (
          <li key={reason.kind}>
            {reason.text[locale]}{" "}
            <span className="muted small">
              ({t("overlaps.contribution", { share: percent(reason.contribution) })})
            </span>
          </li>
        ))}
      </ul>
      {mayReview ? <ReviewForm pair={pair} onReviewed={onReviewed} /> : null}
    </article>
  );
}

function ReviewForm({
  pair,
  onReviewed,
}: {
  pair: Pair;
  onReviewed: (pair: Pair, verdict: OverlapVerdict) => void;
}) {
  const { t } = useTranslation();
  const verdicts = useEnumOptions("OverlapVerdict");
  const reviewLabel = useFieldLabel("overlapReview");
  const review = useReviewOverlap();
  const id = useId();
  const [verdict, setVerdict] = useState<string>("");
  const [note, setNote] = useState("");
  const [missing, setMissing] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!verdict) {
      setMissing(true);
      return;
    }
    const chosen = verdict as OverlapVerdict;
    review.mutate(
      {
        measureIds: [pair.measureIds[0], pair.measureIds[1]],
        verdict: chosen,
        ...(note.trim() ? { note } : {}),
      },
      { onSuccess: () => onReviewed(pair, chosen) },
    );
  };
  return (
    <form className="subform" onSubmit={submit} noValidate>
      <fieldset
        className={`field${missing ? " field-invalid" : ""}`}
        aria-describedby={missing ? `${id}-error` : undefined}
      >
        <legend>{pair.review ? t("overlaps.reviewAgain") : reviewLabel("verdict")}</legend>
        {missing ? (
          <p className="error-message" id={`${id}-error`}>
            <span className="visually-hidden">{t("form.errorPrefix")} </span>
            {t("overlaps.chooseVerdict")}
          </p>
        ) : null}
        <div className="radio-row">
          {verdicts.map((option) => (
            <label key={option.value} className="radio">
              <input
                type="radio"
                name={`${id}-verdict`}
                value={option.value}
                checked={verdict === option.value}
                onChange={() => {
                  setVerdict(option.value);
                  setMissing(false);
                }}
              />
              <span>{option.label}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <TextArea
        id={`${id}-note`}
        label={reviewLabel("note")}
        hint={t("overlaps.noteHint")}
        rows={3}
        value={note}
        onChange={setNote}
      />
      {review.error ? <ProblemAlert error={review.error} /> : null}
      <div className="button-row">
        <button type="submit" className="button primary" disabled={review.isPending}>
          {t("overlaps.saveReview")}
        </button>
      </div>
    </form>
  );
}

function ClusterCard({ cluster, byId }: { cluster: Cluster; byId: ReadonlyMap<string, AnyRecord> }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const actorName = useRecordName("actor");
  const headingId = useId();
  return (
    <article className="overlap-card" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {t("overlaps.cluster", {
          members: cluster.measureIds.length,
          count: cluster.pairs.length,
          score: Math.round(cluster.maxScore * 100),
        })}
      </h3>
      <ul>
        {cluster.measureIds.map((id) => {
          const m = byId.get(id);
          return (
            <li key={id}>
              <Link to={recordPath("measure", id)}>{String(m?.title ?? id)}</Link>
              {m ? <span className="muted"> – {actorName(m.providerActorId as string)}</span> : null}
            </li>
          );
        })}
      </ul>
      <h4>{t("overlaps.reasons")}</h4>
      <ul className="reasons">
        {cluster.reasons.map((reason) => (
          <li key={reason.kind}>{reason.text[locale]}</li>
        ))}
      </ul>
    </article>
  );
}
