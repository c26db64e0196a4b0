import { can, type EntityRecord } from "@oha/domain";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams, useSearchParams } from "react-router";
import { useRecord } from "../api/hooks.js";
import type { UiEntity } from "../api/http.js";
import type { AnyRecord } from "../api/types.js";
import { useSession } from "../auth/session.js";
import { EntityForm, type EntityFormProps } from "../components/EntityForm.js";
import { PageTitle } from "../components/PageTitle.js";
import { Loading, ProblemAlert } from "../components/ProblemAlert.js";
import { useLabels } from "../i18n/index.js";
import { recordLabel } from "../lib/lookup.js";

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
