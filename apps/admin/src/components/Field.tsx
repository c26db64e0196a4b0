import type { EnumId } from "@oha/domain";
import { labelsOf } from "@oha/domain";
import { type ReactNode, useId } from "react";
import { useTranslation } from "react-i18next";
import { useLocale } from "../i18n/index.js";

/** What every field shows around its input: label, hint, error, required mark. */
export interface FieldFrame {
  readonly label: string;
  readonly hint?: string | undefined;
  readonly error?: string | undefined;
  readonly required?: boolean | undefined;
  /** The id of the input, for links from the error summary. */
  readonly id?: string | undefined;
}

function Frame({
  frame,
  inputId,
  children,
}: {
  frame: FieldFrame;
  inputId: string;
  children: (describedBy: string | undefined) => ReactNode;
}) {
  const { t } = useTranslation();
  const hintId = frame.hint ? `${inputId}-hint` : undefined;
  const errorId = frame.error ? `${inputId}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`field${frame.error ? " field-invalid" : ""}`}>
      <label htmlFor={inputId}>
        {frame.label}
        {frame.required ? <span className="required"> ({t("form.required")})</span> : null}
      </label>
      {frame.hint ? (
        <p className="hint" id={hintId}>
          {frame.hint}
        </p>
      ) : null}
      {frame.error ? (
        <p className="error-message" id={errorId}>
          <span className="visually-hidden">{t("form.errorPrefix")} </span>
          {frame.error}
        </p>
      ) : null}
      {children(describedBy)}
    </div>
  );
}

function useInputId(frame: FieldFrame) {
  const generated = useId();
  return frame.id ?? generated;
}

/** A one-line text input (text, e-mail, URL, phone, date, date-time, number). */
export function TextField({
  value,
  onChange,
  type = "text",
  autoComplete,
  inputMode,
  readOnly,
  ...frame
}: FieldFrame & {
  value: string;
  onChange: (value: string) => void;
  readOnly?: boolean;
  type?: "text" | "email" | "url" | "tel" | "date" | "datetime-local" | "number" | "password" | "search";
  autoComplete?: string;
  inputMode?: "numeric" | "decimal" | "text";
}) {
  const id = useInputId(frame);
  return (
    <Frame frame={frame} inputId={id}>
      {(describedBy) => (
        <input
          id={id}
          type={type}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          aria-invalid={frame.error ? true : undefined}
          aria-describedby={describedBy}
          aria-required={frame.required || undefined}
          autoComplete={autoComplete}
          inputMode={inputMode}
          readOnly={readOnly}
        />
      )}
    </Frame>
  );
}

/** A multi-line text input. */
export function TextArea({
  value,
  onChange,
  rows = 4,
  ...frame
}: FieldFrame & { value: string; onChange: (value: string) => void; rows?: number }) {
  const id = useInputId(frame);
  return (
    <Frame frame={frame} inputId={id}>
      {(describedBy) => (
        <textarea
          id={id}
          value={value}
          rows={rows}
          onChange={(e) => onChange(e.target.value)}
          aria-invalid={frame.error ? true : undefined}
          aria-describedby={describedBy}
          aria-required={frame.required || undefined}
        />
      )}
    </Frame>
  );
}

/** An option of a select. */
export interface Option {
  readonly value: string;
  readonly label: string;
}

/** A single choice from a list; `emptyLabel` offers "none". */
export function SelectField({
  value,
  onChange,
  options,
  emptyLabel,
  ...frame
}: FieldFrame & {
  value: string;
  onChange: (value: string) => void;
  options: readonly Option[];
  emptyLabel?: string;
}) {
  const id = useInputId(frame);
  return (
    <Frame frame={frame} inputId={id}>
      {(describedBy) => (
        <select
          id={id}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          aria-invalid={frame.error ? true : undefined}
          aria-describedby={describedBy}
          aria-required={frame.required || undefined}
        >
          {emptyLabel !== undefined ? <option value="">{emptyLabel}</option> : null}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Frame>
  );
}

/** The options of a labelled enum of the domain, in the current language. */
export function useEnumOptions(enumId: EnumId): Option[] {
  const locale = useLocale();
  return Object.entries(labelsOf(enumId) ?? {}).map(([value, label]) => ({ value, label: label[locale] }));
}

/** Several choices as a group of checkboxes (a fieldset with a legend). */
export function CheckboxGroup({
  value,
  onChange,
  options,
  columns = false,
  ...frame
}: FieldFrame & {
  value: readonly string[];
  onChange: (value: string[]) => void;
  options: readonly Option[];
  columns?: boolean;
}) {
  const id = useInputId(frame);
  const { t } = useTranslation();
  const errorId = frame.error ? `${id}-error` : undefined;
  const hintId = frame.hint ? `${id}-hint` : undefined;
  return (
    <fieldset
      className={`field checkbox-group${frame.error ? " field-invalid" : ""}`}
      id={id}
      aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}
    >
      <legend>
        {frame.label}
        {frame.required ? <span className="required"> ({t("form.required")})</span> : null}
      </legend>
      {frame.hint ? (
        <p className="hint" id={hintId}>
          {frame.hint}
        </p>
      ) : null}
      {frame.error ? (
        <p className="error-message" id={errorId}>
          <span className="visually-hidden">{t("form.errorPrefix")} </span>
          {frame.error}
        </p>
      ) : null}
      <div className={columns ? "checkbox-columns" : undefined}>
        {options.map((o) => {
          const checked = value.includes(o.value);
          return (
            <label key={o.value} className="checkbox">
              <input
                type="checkbox"
                checked={checked}
                onChange={() => onChange(checked ? value.filter((v) => v !== o.value) : [...value, o.value])}
              />
              <span>{o.label}</span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}

/** A yes/no choice. */
export function CheckboxField({
  checked,
  onChange,
  label,
  hint,
  id: givenId,
}: {
  checked: boolean;
  onChange: (checked: boolean) => void;
  label: string;
  hint?: string | undefined;
  id?: string | undefined;
}) {
  const generated = useId();
  const id = givenId ?? generated;
  return (
    <div className="field">
      <label className="checkbox" htmlFor={id}>
        <input
          id={id}
          type="checkbox"
          checked={checked}
          onChange={(e) => onChange(e.target.checked)}
          aria-describedby={hint ? `${id}-hint` : undefined}
        />
        <span>{label}</span>
      </label>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
    </div>
  );
}
