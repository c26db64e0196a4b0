import { can } from "@oha/domain";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { useUpdate, useVerify } from "../api/hooks.js";
import { isApiError } from "../api/problem.js";
import type { AnyRecord } from "../api/types.js";
import { useSession } from "../auth/session.js";
import { ListPage, type LocalFilter } from "../components/ListPage.js";
import { PageTitle } from "../components/PageTitle.js";
import { ProblemAlert } from "../components/ProblemAlert.js";
import { DeleteButton, DetailList, HistoryList } from "../components/RecordParts.js";
import { formatDate, useLabels, useLocale } from "../i18n/index.js";
import { fieldsOf } from "../lib/forms.js";
import { useRecordName } from "../lib/lookup.js";
import { EditRecordPage, NewRecordPage, pathOf, usePermissions, WithRecord } from "./generic.js";

/**
 * Criteria the API does not filter by (ranges): a school grade inside the measure's grades,
 * and a period that overlaps the measure's from–to.
 */
export const measureLocalFilter: LocalFilter = {
  fields: ["grade", "activeFrom", "activeTo"],
  test: (state, record) => {
    const grade = Number.parseInt(state.filters.grade ?? "", 10);
    if (Number.isFinite(grade)) {
      const grades = record.grades as { min: number; max: number } | undefined;
      if (!grades || grade < grades.min || grade > grades.max) return false;
    }
    const from = state.filters.activeFrom;
    const to = state.filters.activeTo;
    if (to && String(record.from) > to) return false;
    if (from && record.to && String(record.to) < from) return false;
    return true;
  },
};

/** The catalogue of measures with filters for category, target group, grades, area, provider, status and period. */
export function MeasureList() {
  const { t } = useTranslation();
  const labels = useLabels();
  const locale = useLocale();
  const actorName = useRecordName("actor");
  const perms = usePermissions("measure");
  return (
    <ListPage
      config={{
        entity: "measure",
        title: labels.entity("measure", true),
        defaultSort: "title",
        filters: [
          { field: "category", kind: "enum", enumId: "MeasureCategory" },
          { field: "targetGroups", kind: "enum", enumId: "TargetGroup" },
          { field: "grade", kind: "number", label: t("measure.grade") },
          { field: "areaServed", kind: "number", label: t("measure.area") },
          { field: "providerActorId", kind: "ref", ref: "actor" },
          { field: "status", kind: "enum", enumId: "MeasureStatus" },
          { field: "activeFrom", kind: "date", label: t("measure.activeFrom") },
          { field: "activeTo", kind: "date", label: t("measure.activeTo") },
          { field: "public", kind: "boolean" },
        ],
        local: measureLocalFilter,
        columns: [
          {
            key: "title",
            header: t("fields.measure.title"),
            sortField: "title",
            rowHeader: true,
            cell: (r) => <Link to={pathOf("/measures", r)}>{String(r.title)}</Link>,
          },
          {
            key: "provider",
            header: t("fields.measure.providerActorId"),
            cell: (r) => actorName(r.providerActorId as string),
          },
          {
            key: "category",
            header: t("fields.measure.category"),
            sortField: "category",
            cell: (r) => labels.value("MeasureCategory", r.category as string),
          },
          {
            key: "grades",
            header: t("fields.measure.grades"),
            cell: (r) => {
              const g = r.grades as { min: number; max: number } | undefined;
              return g ? `${g.min}–${g.max}` : "—";
            },
          },
          {
            key: "period",
            header: t("measure.period"),
            sortField: "from",
            cell: (r) =>
              `${formatDate(r.from, locale)} – ${r.to ? formatDate(r.to, locale) : t("measure.open")}`,
          },
          {
            key: "status",
            header: t("fields.common.status"),
            sortField: "status",
            cell: (r) => labels.value("MeasureStatus", r.status as string),
          },
          {
            key: "public",
            header: t("fields.measure.public"),
            cell: (r) => (r.public ? t("common.yes") : t("common.no")),
          },
        ],
        exportFields: [
          "title",
          "providerActorId",
          "category",
          "status",
          "targetGroups",
          "grades",
          "ages",
          "from",
          "to",
          "places",
          "areaServed",
          "public",
          "url",
          "contactEmail",
          "description",
        ],
        exportName: t("export.names.measures"),
        createPath: perms.create ? "/measures/new" : undefined,
      }}
    />
  );
}

function useMeasureRefusal() {
  const { t } = useTranslation();
  const { principal } = useSession();
  return (input: Record<string, unknown>) =>
    principal && !can(principal, "update", "measure", input) ? t("access.ownMeasuresOnly") : undefined;
}

export function NewMeasurePage() {
  const { principal } = useSession();
  const refuse = useMeasureRefusal();
  return (
    <NewRecordPage
      entity="measure"
      base="/measures"
      fromQuery={["providerActorId"]}
      defaults={{
        status: "planned",
        public: false,
        ...(principal?.role === "partner" && principal.actorId ? { providerActorId: principal.actorId } : {}),
      }}
      refuse={refuse}
    />
  );
}

export function EditMeasurePage() {
  const refuse = useMeasureRefusal();
  return <EditRecordPage entity="measure" base="/measures" refuse={refuse} />;
}

/** A measure: its details, publication and verification, and its history. */
export function MeasurePage() {
  const { id } = useParams();
  const _navigate = useNavigate();
  return (
    <WithRecord entity="measure" id={id}>
      {(measure) => <MeasureDetails measure={measure} />}
    </WithRecord>
  );
}

function MeasureDetails({ measure }: { measure: AnyRecord }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const locale = useLocale();
  const perms = usePermissions("measure", measure);
  const update = useUpdate("measure");
  const [message, setMessage] = useState("");
  const quick = (patch: Record<string, unknown>, done: string) => {
    setMessage("");
    update.mutate(
      { id: measure.id, version: measure.version, patch: patch as never },
      { onSuccess: () => setMessage(done) },
    );
  };
  const verify = useVerify();
  const stale = [update.error, verify.error].some((e) => isApiError(e) && e.status === 412);
  return (
    <>
      <p className="breadcrumb">
        <Link to="/measures">{t("nav.backToList")}</Link>
      </p>
      <div className="page-header">
        <PageTitle>{String(measure.title)}</PageTitle>
        <div className="button-row">
          {perms.update ? (
            <Link className="button primary" to={`/measures/${measure.id}/edit`}>
              {t("actions.edit")}
            </Link>
          ) : null}
          {perms.remove ? <DeleteButton entity="measure" record={measure} /> : null}
        </div>
      </div>
      <p className="lead">
        {labels.value("MeasureCategory", measure.category as string)} ·{" "}
        {labels.value("MeasureStatus", measure.status as string)}
      </p>
      {!perms.update ? <p className="hint">{t("access.readOnlyMeasure")}</p> : null}
      <section aria-labelledby="measure-publication" className="meeting-section">
        <h2 id="measure-publication">{t("measure.publication")}</h2>
        <p>
          {measure.public ? t("measure.isPublic") : t("measure.isNotPublic")}{" "}
          {measure.lastVerifiedAt
            ? t("measure.verifiedAt", {
                date: formatDate(measure.lastVerifiedAt, locale, true),
                by: String(measure.lastVerifiedBy ?? ""),
              })
            : t("measure.notVerified")}
        </p>
        {perms.update ? (
          <div className="button-row">
            <button
              type="button"
              className="button secondary"
              disabled={update.isPending}
              onClick={() =>
                quick(
                  { public: !measure.public },
                  measure.public ? t("measure.madePrivate") : t("measure.madePublic"),
                )
              }
            >
              {measure.public ? t("measure.makePrivate") : t("measure.makePublic")}
            </button>
            <button
              type="button"
              className="button secondary"
              disabled={verify.isPending}
              onClick={() => {
                setMessage("");
                verify.mutate(
                  { id: measure.id, version: measure.version },
                  { onSuccess: () => setMessage(t("measure.verified")) },
                );
              }}
            >
              {t("measure.markVerified")}
            </button>
          </div>
        ) : null}
        <output className="muted">{message}</output>
        {update.error ? <ProblemAlert error={update.error} /> : null}
        {verify.error ? <ProblemAlert error={verify.error} /> : null}
        {stale ? <p>{t("measure.staleHint")}</p> : null}
      </section>
      <section aria-labelledby="measure-details">
        <h2 id="measure-details">{t("record.details")}</h2>
        <DetailList entity="measure" record={measure} fields={fieldsOf("measure")} />
      </section>
      <section aria-labelledby="measure-history">
        <h2 id="measure-history">{t("history.title")}</h2>
        <HistoryList entity="measure" id={measure.id} />
      </section>
    </>
  );
}
