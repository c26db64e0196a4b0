import { can, type EntityRecord, entities } from "@oha/domain";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams, useSearchParams } from "react-router";
import { useList, useRecord, useRestore } from "../api/hooks.js";
import type { UiEntity } from "../api/http.js";
import type { AnyRecord } from "../api/types.js";
import { useSession } from "../auth/session.js";
import { EntityForm, type EntityFormProps } from "../components/EntityForm.js";
import { useFieldLabel } from "../components/FieldInput.js";
import { type ListFilter, ListPage } from "../components/ListPage.js";
import { PageTitle } from "../components/PageTitle.js";
import { Loading, ProblemAlert } from "../components/ProblemAlert.js";
import { DeleteButton, DetailList, HistoryList } from "../components/RecordParts.js";
import { formatDate, useLabels, useLocale } from "../i18n/index.js";
import { useFormatter } from "../lib/display.js";
import { fieldsOf } from "../lib/forms.js";
import { recordLabel } from "../lib/lookup.js";
import { listPath } from "../lib/paths.js";

/** The path of a record's page. */
export const pathOf = (base: string, record: { id: string }) => `${base}/${record.id}`;

/** Loads a record for a page and shows loading, errors and "not found" instead of a blank page. */
export function WithRecord<N extends UiEntity>({
  entity,
  id,
  children,
}: {
  entity: N;
  id: string | undefined;
  children: (record: EntityRecord<N> & AnyRecord) => ReactNode;
}) {
  const query = useRecord(entity, id);
  if (query.isLoading) return <Loading />;
  if (query.error) return <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data) return <Loading />;
  return <>{children(query.data as EntityRecord<N> & AnyRecord)}</>;
}

/** A message that the signed-in person may not do this, with the reason in words. */
export function NotAllowed({ message }: { message?: string }) {
  const { t } = useTranslation();
  return (
    <div className="alert alert-error" role="alert">
      <p className="alert-title">{message ?? t("access.denied")}</p>
    </div>
  );
}

/** A page that creates a record; defaults may come from the URL (`?bodyId=…`). */
export function NewRecordPage<N extends UiEntity>({
  entity,
  base,
  defaults,
  fromQuery = [],
  ...rest
}: Omit<EntityFormProps<N>, "onSaved" | "formId"> & {
  base: string;
  fromQuery?: readonly string[];
}) {
  const { t } = useTranslation();
  const labels = useLabels();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { principal } = useSession();
  const initial: Record<string, unknown> = { ...(defaults ?? {}) };
  for (const key of fromQuery) {
    const value = params.get(key);
    if (value) initial[key] = value;
  }
  if (principal && !can(principal, "create", entity)) {
    return (
      <>
        <PageTitle>{t("actions.new", { entity: labels.entity(entity) })}</PageTitle>
        <NotAllowed />
      </>
    );
  }
  return (
    <>
      <PageTitle>{t("actions.new", { entity: labels.entity(entity) })}</PageTitle>
      <EntityForm
        {...rest}
        entity={entity}
        formId={`new-${entity}`}
        defaults={initial}
        onSaved={(record) => navigate(pathOf(base, record as AnyRecord))}
        onCancel={() => navigate(-1)}
      />
    </>
  );
}

/** A page that edits a record; a person who may not change it is told so instead of getting a form. */
export function EditRecordPage<N extends UiEntity>({
  entity,
  base,
  ...rest
}: Omit<EntityFormProps<N>, "onSaved" | "formId" | "record"> & { base: string }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const { id } = useParams();
  const navigate = useNavigate();
  const { principal } = useSession();
  return (
    <WithRecord entity={entity} id={id}>
      {(record) => (
        <>
          <p className="breadcrumb">
            <Link to={pathOf(base, record)}>{recordLabel(entity, record)}</Link>
          </p>
          <PageTitle>
            {t("actions.editEntity", { entity: labels.entity(entity), name: recordLabel(entity, record) })}
          </PageTitle>
          {principal && !can(principal, "update", entity, record) ? (
            <NotAllowed message={t("access.cannotEdit", { entity: labels.entity(entity) })} />
          ) : (
            <EntityForm
              {...rest}
              entity={entity}
              formId={`edit-${entity}`}
              record={record}
              onSaved={(saved) => navigate(pathOf(base, saved as AnyRecord))}
              onCancel={() => navigate(pathOf(base, record))}
            />
          )}
        </>
      )}
    </WithRecord>
  );
}

/** Whether the signed-in person may change or delete a record (rules from the domain's `can()`). */
export function usePermissions(entity: UiEntity, record?: object) {
  // A partner may create measures only for its own actor: the form checks the input on save.
  const { principal } = useSession();
  return {
    create: principal ? can(principal, "create", entity) : false,
    update: principal ? can(principal, "update", entity, record) : false,
    remove: principal ? can(principal, "delete", entity, record) : false,
  };
}

/** The columns and filters a generated list shows: the record's name and its labelled fields. */
function generatedListSpec(entity: UiEntity) {
  const fields = fieldsOf(entity);
  const title = entities[entity].titleFields;
  const extra = fields
    .filter((f) => !title.includes(f.name) && ["enum", "date", "datetime", "ref", "boolean"].includes(f.kind))
    .slice(0, 4);
  const filters: ListFilter[] = fields
    .filter((f) => (f.kind === "enum" && f.enumId) || (f.kind === "ref" && f.ref) || f.kind === "boolean")
    .slice(0, 3)
    .map(
      (f): ListFilter =>
        f.kind === "enum" && f.enumId
          ? { field: f.name, kind: "enum", enumId: f.enumId }
          : f.kind === "ref" && f.ref
            ? { field: f.name, kind: "ref", ref: f.ref }
            : { field: f.name, kind: "boolean" },
    );
  return { extra, filters, sort: title[0] ?? "createdAt" };
}

/** The list page of an entity without a page of its own, generated from the registry. */
export function GenericList({ entity }: { entity: UiEntity }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const perms = usePermissions(entity);
  const labelOf = useFieldLabel(entity);
  const format = useFormatter(entity);
  const base = listPath(entity);
  const { extra, filters, sort } = generatedListSpec(entity);
  const byCommands = entities[entity].writtenBy === "commands";
  return (
    <ListPage
      key={entity}
      config={{
        entity,
        title: labels.entity(entity, true),
        defaultSort: sort,
        filters,
        columns: [
          {
            key: "title",
            header: labelOf(entities[entity].titleFields[0] ?? "id"),
            rowHeader: true,
            ...(entities[entity].titleFields[0] ? { sortField: entities[entity].titleFields[0] } : {}),
            cell: (r) => <Link to={pathOf(base, r)}>{recordLabel(entity, r)}</Link>,
          },
          ...extra.map((spec) => ({
            key: spec.name,
            header: labelOf(spec.name),
            cell: (r: AnyRecord) => format(spec.name, r[spec.name]),
          })),
        ],
        exportFields: fieldsOf(entity).map((f) => f.name),
        exportName: labels.entity(entity, true),
        createPath: perms.create && !byCommands ? `${base}/new` : undefined,
        intro: byCommands ? <p className="hint">{t("record.byCommands")}</p> : undefined,
      }}
    />
  );
}

/** The page of one record of an entity without a page of its own: its fields and history. */
export function GenericShow({
  entity,
  extra,
}: {
  entity: UiEntity;
  /** Sections a resource adds below the fields (for example an agreement's signatures). */
  extra?: (record: AnyRecord) => ReactNode;
}) {
  const { id } = useParams();
  return (
    <WithRecord entity={entity} id={id}>
      {(record) => <GenericDetails entity={entity} record={record} extra={extra} />}
    </WithRecord>
  );
}

function GenericDetails({
  entity,
  record,
  extra,
}: {
  entity: UiEntity;
  record: AnyRecord;
  extra?: ((record: AnyRecord) => ReactNode) | undefined;
}) {
  const { t } = useTranslation();
  const perms = usePermissions(entity, record);
  const base = listPath(entity);
  const byCommands = entities[entity].writtenBy === "commands";
  return (
    <>
      <p className="breadcrumb">
        <Link to={base}>{t("nav.backToList")}</Link>
      </p>
      <div className="page-header">
        <PageTitle>{recordLabel(entity, record)}</PageTitle>
        <div className="button-row">
          {perms.update && !byCommands ? (
            <Link className="button primary" to={`${pathOf(base, record)}/edit`}>
              {t("actions.edit")}
            </Link>
          ) : null}
          {perms.remove ? <DeleteButton entity={entity} record={record} /> : null}
        </div>
      </div>
      <section aria-labelledby={`${entity}-details`}>
        <h2 id={`${entity}-details`}>{t("record.details")}</h2>
        <DetailList entity={entity} record={record} fields={fieldsOf(entity)} />
      </section>
      {extra?.(record)}
      <section aria-labelledby={`${entity}-history`}>
        <h2 id={`${entity}-history`}>{t("history.title")}</h2>
        <HistoryList entity={entity} id={record.id} />
      </section>
    </>
  );
}

/** The create page of an entity without a page of its own. */
export const GenericNew = ({ entity }: { entity: UiEntity }) => (
  <NewRecordPage key={entity} entity={entity} base={listPath(entity)} />
);

/** The edit page of an entity without a page of its own. */
export const GenericEdit = ({ entity }: { entity: UiEntity }) => (
  <EditRecordPage key={entity} entity={entity} base={listPath(entity)} />
);

/** The recently deleted records of an entity, newest first, each with a button that restores it. */
export function DeletedRecordsPage({ entity }: { entity: UiEntity }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const locale = useLocale();
  const navigate = useNavigate();
  const deleted = useList(entity, { deleted: "only", sort: "-updatedAt", limit: 100 });
  const restore = useRestore(entity);
  const title = t("record.recentlyDeletedTitle", { entities: labels.entity(entity, true) });
  const items: AnyRecord[] = deleted.data?.items ?? [];
  return (
    <>
      <p className="breadcrumb">
        <Link to={listPath(entity)}>{t("nav.backToList")}</Link>
      </p>
      <PageTitle>{title}</PageTitle>
      {deleted.error ? <ProblemAlert error={deleted.error} onRetry={() => void deleted.refetch()} /> : null}
      {deleted.isLoading ? <Loading /> : null}
      {restore.error ? <ProblemAlert error={restore.error} /> : null}
      {deleted.data && !items.length ? <p>{t("record.noneDeleted")}</p> : null}
      {items.length ? (
        <table className="data-table">
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{labels.entity(entity)}</th>
              <th scope="col">{t("record.deletedAt")}</th>
              <th scope="col">
                <span className="visually-hidden">{t("record.restore")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((record) => (
              <tr key={record.id}>
                <th scope="row">{recordLabel(entity, record)}</th>
                <td>{formatDate(record.updatedAt, locale, true)}</td>
                <td>
                  <button
                    type="button"
                    className="button secondary"
                    disabled={restore.isPending}
                    aria-label={`${t("record.restore")}: ${recordLabel(entity, record)}`}
                    onClick={() =>
                      restore.mutate(
                        { id: record.id, version: record.version },
                        { onSuccess: () => navigate(pathOf(listPath(entity), record)) },
                      )
                    }
                  >
                    {t("record.restore")}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </>
  );
}
