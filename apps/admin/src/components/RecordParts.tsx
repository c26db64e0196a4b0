import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useNavigate } from "react-router";
import { useHistory, useRemove, useRestore } from "../api/hooks.js";
import type { UiEntity } from "../api/http.js";
import type { AnyRecord } from "../api/types.js";
import { formatDate, useLocale } from "../i18n/index.js";
import { useFormatter } from "../lib/display.js";
import type { FieldSpec } from "../lib/forms.js";
import { recordLabel } from "../lib/lookup.js";
import { deletedPath, listPath } from "../lib/paths.js";
import { useFieldLabel } from "./FieldInput.js";
import { Loading, ProblemAlert } from "./ProblemAlert.js";

/** The fields of a record as a description list; empty fields are left out. */
export function DetailList({
  entity,
  record,
  fields,
}: {
  entity: UiEntity;
  record: AnyRecord;
  fields: readonly FieldSpec[];
}) {
  const { t } = useTranslation();
  const labelOf = useFieldLabel(entity);
  const format = useFormatter(entity);
  const shown = fields.filter((spec) => {
    const value = record[spec.name];
    return value !== undefined && value !== "" && !(Array.isArray(value) && value.length === 0);
  });
  return (
    <dl className="details">
      {shown.map((spec) => (
        <div key={spec.name}>
          <dt>{labelOf(spec.name)}</dt>
          <dd>{format(spec.name, record[spec.name]) || "—"}</dd>
        </div>
      ))}
      <div>
        <dt>{t("record.version")}</dt>
        <dd>{record.version}</dd>
      </div>
    </dl>
  );
}

/** What the list shows after a delete: the record's name and how to bring it back. */
export interface DeletedNotice {
  readonly entity: UiEntity;
  readonly id: string;
  readonly version: number;
  readonly name: string;
}

/**
 * A notice on a list that a record was just deleted, with a button that restores it. The list
 * gets it from the navigation state that {@link DeleteButton} leaves.
 */
export function DeletedBanner({ entity }: { entity: UiEntity }) {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const restore = useRestore(entity);
  const state = location.state as { deleted?: DeletedNotice } | null;
  const notice = state?.deleted?.entity === entity ? state.deleted : undefined;
  const [restored, setRestored] = useState<string>();
  if (restored) {
    return (
      <output className="alert alert-success">
        <p>{t("record.restored", { name: restored })}</p>
      </output>
    );
  }
  if (!notice) return null;
  return (
    <section className="alert alert-info" aria-live="polite" aria-label={t("record.recentlyDeleted")}>
      <p>
        {t("record.deleted", { name: notice.name })} {t("record.deletedHint")}
      </p>
      <div className="button-row">
        <button
          type="button"
          className="button secondary"
          disabled={restore.isPending}
          onClick={() =>
            restore.mutate(
              { id: notice.id, version: notice.version },
              {
                onSuccess: () => {
                  setRestored(notice.name);
                  navigate(".", { replace: true, state: null });
                },
              },
            )
          }
        >
          {t("record.restore")}
        </button>
        <Link to={deletedPath(entity)}>{t("record.recentlyDeleted")}</Link>
      </div>
      {restore.error ? <ProblemAlert error={restore.error} /> : null}
    </section>
  );
}

/**
 * Deletes a record after a confirmation step and goes to the entity's list, which offers to
 * restore it. The delete carries the version on screen; if someone changed the record meanwhile
 * the server refuses and the reason is shown.
 */
export function DeleteButton({
  entity,
  record,
  label,
}: {
  entity: UiEntity;
  record: AnyRecord;
  label?: string;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const remove = useRemove(entity);
  const deleted = (): DeletedNotice => ({
    entity,
    id: record.id,
    // A soft delete writes one new version; restoring needs it for If-Match.
    version: record.version + 1,
    name: recordLabel(entity, record),
  });
  const [asking, setAsking] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  if (!asking) {
    return (
      <button
        type="button"
        className="button danger-outline"
        onClick={() => {
          setAsking(true);
          setTimeout(() => confirmRef.current?.focus(), 0);
        }}
      >
        {label ?? t("actions.delete")}
      </button>
    );
  }
  return (
    <fieldset className="confirm">
      <legend>{t("record.confirmDelete")}</legend>
      <button
        ref={confirmRef}
        type="button"
        className="button danger"
        disabled={remove.isPending}
        onClick={() =>
          remove.mutate(
            { id: record.id, version: record.version },
            { onSuccess: () => navigate(listPath(entity), { state: { deleted: deleted() } }) },
          )
        }
      >
        {t("actions.confirmDelete")}
      </button>
      <button type="button" className="button secondary" onClick={() => setAsking(false)}>
        {t("actions.cancel")}
      </button>
      {remove.error ? <ProblemAlert error={remove.error} /> : null}
    </fieldset>
  );
}

/** Every change of a record, newest first, with the changed fields before and after. */
export function HistoryList({ entity, id }: { entity: UiEntity; id: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const labelOf = useFieldLabel(entity);
  const format = useFormatter(entity);
  const history = useHistory(entity, id);
  const show = (field: string, value: unknown) =>
    value === undefined || value === null ? "—" : format(field, value) || "—";
  if (history.isLoading) return <Loading />;
  if (history.error) return <ProblemAlert error={history.error} onRetry={() => void history.refetch()} />;
  const items = [...(history.data ?? [])].reverse();
  if (!items.length) return <p>{t("history.empty")}</p>;
  return (
    <ol className="history">
      {items.map((entry) => {
        const fields = [
          ...new Set([...Object.keys(entry.before ?? {}), ...Object.keys(entry.after ?? {})]),
        ].filter((field) => !["version", "updatedAt", "createdAt", "id", "deleted"].includes(field));
        return (
          <li key={entry.seq}>
            <p>
              <strong>{t(`history.operation.${entry.action}`)}</strong> · {formatDate(entry.at, locale, true)}
              {entry.version !== null ? ` · ${t("history.version", { version: entry.version })}` : ""} ·{" "}
              <span className="muted">{entry.principalName ?? entry.principal}</span>
            </p>
            {entry.action === "update" && fields.length ? (
              <table className="data-table compact">
                <caption className="visually-hidden">
                  {t("history.changes", { version: entry.version })}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t("conflict.field")}</th>
                    <th scope="col">{t("history.before")}</th>
                    <th scope="col">{t("history.after")}</th>
                  </tr>
                </thead>
                <tbody>
                  {fields.map((field) => (
                    <tr key={field}>
                      <th scope="row">{labelOf(field)}</th>
                      <td>{show(field, entry.before?.[field])}</td>
                      <td>{show(field, entry.after?.[field])}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
