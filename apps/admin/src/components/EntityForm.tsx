import { type EntityRecord, entities, validate } from "@oha/domain";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useCreate, useUpdate } from "../api/hooks.js";
import type { UiEntity } from "../api/http.js";
import { ApiError, type FieldProblem, isApiError } from "../api/problem.js";
import type { AnyRecord } from "../api/types.js";
import { useLocale } from "../i18n/index.js";
import { useFormatter } from "../lib/display.js";
import {
  editable,
  type FieldSpec,
  fieldsOf,
  fromDraft,
  isRequired,
  mergePatch,
  toDraft,
} from "../lib/forms.js";
import { FieldInput, fieldId, useFieldLabel } from "./FieldInput.js";
import { ProblemAlert } from "./ProblemAlert.js";
import { useUnsavedGuard } from "./UnsavedGuard.js";

/** Props of {@link EntityForm}. */
export interface EntityFormProps<N extends UiEntity> {
  readonly entity: N;
  /** A unique prefix for the ids of the form's inputs. */
  readonly formId: string;
  /** The record to edit; without it the form creates one. */
  readonly record?: EntityRecord<N> | undefined;
  /** Starting values of a new record. */
  readonly defaults?: Record<string, unknown>;
  readonly fields?: readonly FieldSpec[];
  /** Fields kept in the record but not shown (for example the actor on the actor's own page). */
  readonly hidden?: readonly string[];
  readonly onSaved: (record: EntityRecord<N>) => void;
  readonly onCancel?: () => void;
  readonly submitLabel?: string;
  /** A refusal message when the signed-in person may not save this input (rules from `can()`). */
  readonly refuse?: (input: Record<string, unknown>) => string | undefined;
  /** Limits the options of a reference select, by field. */
  readonly refFilters?: Readonly<Record<string, (record: Record<string, unknown>) => boolean>>;
}

interface Conflict {
  /** The record as it is now on the server. */
  readonly current: AnyRecord;
  /** The changes this person made, as a merge patch against what they started from. */
  readonly mine: Record<string, unknown>;
}

function localProblem(title: string): ApiError {
  return new ApiError("http", { status: 403, title });
}

/**
 * A form for creating or editing a record of any entity. The domain's schema decides what is
 * valid, and its messages appear at the fields and in a summary; the server's answer is shown
 * the same way. An edit sends only what changed, with the version it started from: when
 * someone else changed the record meanwhile (412), the other change is shown and the person
 * chooses to reload or to save their changes on top of it.
 */
export function EntityForm<N extends UiEntity>(props: EntityFormProps<N>) {
  const { entity, formId, record, hidden = [], onSaved, onCancel } = props;
  const fields = props.fields ?? fieldsOf(entity);
  const { t } = useTranslation();
  const locale = useLocale();
  const labelOf = useFieldLabel(entity);
  const create = useCreate(entity);
  const update = useUpdate(entity);
  const [base, setBase] = useState<Record<string, unknown>>(() => (record ? editable(record) : {}));
  const [version, setVersion] = useState<number | undefined>(
    () => (record as AnyRecord | undefined)?.version,
  );
  const [draft, setDraft] = useState<Record<string, unknown>>(() =>
    toDraft(fields, record ? editable(record) : { ...(props.defaults ?? {}) }),
  );
  const [errors, setErrors] = useState<readonly FieldProblem[]>([]);
  const [problem, setProblem] = useState<unknown>();
  const [conflict, setConflict] = useState<Conflict>();
  const [busy, setBusy] = useState(false);
  const [initial, setInitial] = useState(() => fromDraft(fields, draft));
  const dirty = Object.keys(mergePatch(initial, fromDraft(fields, draft))).length > 0;
  const guard = useUnsavedGuard(dirty);
  const summaryRef = useRef<HTMLDivElement>(null);
  const conflictRef = useRef<HTMLElement>(null);

  useEffect(() => {
    if (errors.length) summaryRef.current?.focus();
  }, [errors]);
  useEffect(() => {
    if (conflict) conflictRef.current?.focus();
  }, [conflict]);

  const set = (name: string, value: unknown) => setDraft((d) => ({ ...d, [name]: value }));

  const fail = (error: unknown, mine?: Record<string, unknown>) => {
    if (isApiError(error) && error.status === 412 && error.problem.current && mine) {
      setConflict({ current: error.problem.current as AnyRecord, mine });
      return;
    }
    if (isApiError(error) && error.problem.errors?.length) setErrors(error.problem.errors);
    setProblem(error);
  };

  const saveChanges = async (id: string, at: number, patch: Record<string, unknown>) => {
    try {
      const saved = await update.mutateAsync({ id, version: at, patch: patch as never });
      guard.allow();
      onSaved(saved as EntityRecord<N>);
    } catch (error) {
      fail(error, patch);
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(undefined);
    setConflict(undefined);
    const input = fromDraft(fields, draft);
    const checked = validate(entities[entity].Create, input, locale);
    if (!checked.ok) {
      setErrors(checked.error.details ?? []);
      return;
    }
    setErrors([]);
    const value = checked.value as Record<string, unknown>;
    const refusal = props.refuse?.(value);
    if (refusal) {
      setProblem(localProblem(refusal));
      return;
    }
    setBusy(true);
    try {
      if (!record) {
        try {
          const created = await create.mutateAsync(value as never);
          guard.allow();
          onSaved(created as EntityRecord<N>);
        } catch (error) {
          fail(error);
        }
        return;
      }
      const patch = mergePatch(base, value);
      if (Object.keys(patch).length === 0) {
        guard.allow();
        onSaved(record);
        return;
      }
      await saveChanges((record as AnyRecord).id, version ?? 1, patch);
    } finally {
      setBusy(false);
    }
  };

  const reload = (current: AnyRecord) => {
    setBase(editable(current));
    setVersion(current.version);
    setDraft(toDraft(fields, editable(current)));
    setInitial(fromDraft(fields, toDraft(fields, editable(current))));
    setConflict(undefined);
    setErrors([]);
    setProblem(undefined);
  };

  const retry = async ({ current, mine }: Conflict) => {
    setConflict(undefined);
    setBase(editable(current));
    setVersion(current.version);
    setBusy(true);
    try {
      await saveChanges(current.id, current.version, mine);
    } finally {
      setBusy(false);
    }
  };

  const visible = fields.filter((spec) => !hidden.includes(spec.name));
  const sections: { key: string | undefined; fields: FieldSpec[] }[] = [];
  for (const spec of visible) {
    const last = sections.at(-1);
    if (!last || (spec.section && spec.section !== last.key))
      sections.push({ key: spec.section, fields: [spec] });
    else last.fields.push(spec);
  }

  return (
    <form className="entity-form" onSubmit={submit} noValidate aria-labelledby={`${formId}-title`}>
      {guard.dialog}
      {errors.length ? (
        <div className="error-summary" role="alert" tabIndex={-1} ref={summaryRef}>
          <h2>{t("form.summaryTitle")}</h2>
          <ul>
            {errors.map((e) => {
              const top = e.path.split(".")[0] ?? "";
              const known = visible.some((spec) => spec.name === top);
              const message = e.messages?.[locale] ?? e.message;
              return (
                <li key={`${e.path}-${e.code}`}>
                  {known ? (
                    <a href={`#${fieldId(formId, top)}`}>
                      {labelOf(top)}: {message}
                    </a>
                  ) : (
                    <span>
                      {top ? `${labelOf(top)}: ` : ""}
                      {message}
                    </span>
                  )}
                </li>
              );
            })}
          </ul>
        </div>
      ) : null}
      {problem && !errors.length ? <ProblemAlert error={problem} /> : null}
      {conflict ? (
        <ConflictPanel
          entity={entity}
          base={base}
          conflict={conflict}
          innerRef={conflictRef}
          onReload={() => reload(conflict.current)}
          onRetry={() => retry(conflict)}
        />
      ) : null}
      {sections.map((section, index) =>
        section.key ? (
          <fieldset key={section.key} className="form-section">
            <legend>{t(`sections.${section.key}`)}</legend>
            {section.fields.map((spec) => renderField(spec))}
          </fieldset>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: sections without a key keep their order
          <div key={index}>{section.fields.map((spec) => renderField(spec))}</div>
        ),
      )}
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={busy}>
          {props.submitLabel ?? (record ? t("actions.save") : t("actions.create"))}
        </button>
        {onCancel ? (
          <button type="button" className="button secondary" onClick={onCancel}>
            {t("actions.cancel")}
          </button>
        ) : null}
        {busy ? <output className="muted">{t("common.saving")}</output> : null}
      </div>
    </form>
  );

  function renderField(spec: FieldSpec) {
    return (
      <FieldInput
        key={spec.name}
        entity={entity}
        form={formId}
        spec={spec}
        value={draft[spec.name]}
        onChange={(value) => set(spec.name, value)}
        errors={errors}
        required={isRequired(entity, spec.name)}
        {...(props.refFilters?.[spec.name] ? { refFilter: props.refFilters[spec.name] } : {})}
      />
    );
  }
}

/**
 * Shows a stale edit: what the other person changed since this person started, and what this
 * person changed, side by side; then lets them reload or save their changes on top.
 */
export function ConflictPanel({
  entity,
  base,
  conflict,
  onReload,
  onRetry,
  innerRef,
}: {
  entity: UiEntity;
  base: Record<string, unknown>;
  conflict: Conflict;
  onReload: () => void;
  onRetry: () => void;
  innerRef?: React.Ref<HTMLElement>;
}) {
  const { t } = useTranslation();
  const labelOf = useFieldLabel(entity);
  const format = useFormatter(entity);
  const theirs = mergePatch(base, editable(conflict.current));
  const fields = [...new Set([...Object.keys(theirs), ...Object.keys(conflict.mine)])];
  const show = (field: string, value: unknown) =>
    value === null || value === undefined ? "—" : format(field, value) || "—";
  return (
    <section
      className="alert alert-warning conflict"
      aria-labelledby="conflict-title"
      tabIndex={-1}
      ref={innerRef}
    >
      <h2 id="conflict-title">{t("conflict.title")}</h2>
      <p>{t("conflict.explain")}</p>
      <table className="data-table compact">
        <caption className="visually-hidden">{t("conflict.caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("conflict.field")}</th>
            <th scope="col">{t("conflict.before")}</th>
            <th scope="col">{t("conflict.theirs")}</th>
            <th scope="col">{t("conflict.mine")}</th>
          </tr>
        </thead>
        <tbody>
          {fields.map((field) => (
            <tr
              key={field}
              className={field in theirs && field in conflict.mine ? "both-changed" : undefined}
            >
              <th scope="row">{labelOf(field)}</th>
              <td>{show(field, base[field])}</td>
              <td>{field in theirs ? show(field, theirs[field]) : t("conflict.unchanged")}</td>
              <td>{field in conflict.mine ? show(field, conflict.mine[field]) : t("conflict.unchanged")}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted small">{t("conflict.version", { version: conflict.current.version })}</p>
      <div className="form-actions">
        <button type="button" className="button secondary" onClick={onReload}>
          {t("conflict.reload")}
        </button>
        <button type="button" className="button primary" onClick={onRetry}>
          {t("conflict.retry")}
        </button>
      </div>
    </section>
  );
}
