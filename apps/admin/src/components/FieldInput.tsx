import { fieldLabel } from "@oha/domain";
import { useTranslation } from "react-i18next";
import type { UiEntity } from "../api/http.js";
import type { FieldProblem } from "../api/problem.js";
import { useLocale } from "../i18n/index.js";
import { type FieldSpec, fromLocalInput, splitList, toLocalInput } from "../lib/forms.js";
import { useLookup } from "../lib/lookup.js";
import { CheckboxField, CheckboxGroup, SelectField, TextArea, TextField, useEnumOptions } from "./Field.js";

/** The id of a field's input, so the error summary can link to it. */
export const fieldId = (form: string, path: string) => `${form}-${path.replaceAll(".", "-")}`;

/**
 * The label of a field: the UI's own wording where it has one (entity-specific, else shared),
 * otherwise the domain's label of the field, so every entity's fields are named.
 */
export function useFieldLabel(entity: UiEntity) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (field: string) =>
    t([`fields.${entity}.${field}`, `fields.common.${field}`], {
      defaultValue: fieldLabel(entity, field, locale),
    });
}

/** The first message for a path (or anything below it) in the current language. */
export function messageAt(errors: readonly FieldProblem[], path: string, locale: "de" | "en", exact = false) {
  const hit = errors.find((e) => e.path === path || (!exact && e.path.startsWith(`${path}.`)));
  return hit ? (hit.messages?.[locale] ?? hit.message) : undefined;
}

function EnumSelect({
  spec,
  value,
  onChange,
  frame,
}: {
  spec: FieldSpec;
  value: unknown;
  onChange: (v: unknown) => void;
  frame: {
    label: string;
    error?: string | undefined;
    required: boolean;
    id: string;
    hint?: string | undefined;
  };
}) {
  const { t } = useTranslation();
  const options = useEnumOptions(spec.enumId ?? "ActorKind");
  return (
    <SelectField
      {...frame}
      value={typeof value === "string" ? value : ""}
      onChange={(v) => onChange(v || undefined)}
      options={options}
      emptyLabel={frame.required ? t("form.choose") : t("form.none")}
    />
  );
}

function EnumList({
  spec,
  value,
  onChange,
  frame,
}: {
  spec: FieldSpec;
  value: unknown;
  onChange: (v: unknown) => void;
  frame: { label: string; error?: string | undefined; required: boolean; id: string };
}) {
  const options = useEnumOptions(spec.enumId ?? "ActorKind");
  return (
    <CheckboxGroup
      {...frame}
      value={Array.isArray(value) ? (value as string[]) : []}
      onChange={onChange}
      options={options}
      columns={options.length > 6}
    />
  );
}

function RefSelect({
  spec,
  value,
  onChange,
  frame,
  filter,
}: {
  spec: FieldSpec;
  value: unknown;
  onChange: (v: unknown) => void;
  frame: { label: string; error?: string | undefined; required: boolean; id: string };
  filter?: ((record: Record<string, unknown>) => boolean) | undefined;
}) {
  const { t } = useTranslation();
  const lookup = useLookup(spec.ref ?? "actor");
  const options = (lookup.data?.options ?? [])
    .filter((o) => !filter || filter(o.record))
    .map((o) => ({ value: o.id, label: o.label }));
  const current = typeof value === "string" ? value : "";
  if (current && !options.some((o) => o.value === current))
    options.unshift({ value: current, label: current });
  return (
    <SelectField
      {...frame}
      hint={lookup.isLoading ? t("common.loading") : undefined}
      value={current}
      onChange={(v) => onChange(v || undefined)}
      options={options}
      emptyLabel={frame.required ? t("form.choose") : t("form.none")}
    />
  );
}

function RefList({
  spec,
  value,
  onChange,
  frame,
}: {
  spec: FieldSpec;
  value: unknown;
  onChange: (v: unknown) => void;
  frame: { label: string; error?: string | undefined; required: boolean; id: string };
}) {
  const lookup = useLookup(spec.ref ?? "actor");
  const options = (lookup.data?.options ?? []).map((o) => ({ value: o.id, label: o.label }));
  return (
    <div className="scroll-box">
      <CheckboxGroup
        {...frame}
        value={Array.isArray(value) ? (value as string[]) : []}
        onChange={onChange}
        options={options}
      />
    </div>
  );
}

/**
 * The input for one field of a form, chosen by the field's kind. Values are kept in the shape
 * the domain's schema expects, so the draft can be validated as it is.
 */
export function FieldInput({
  entity,
  form,
  spec,
  value,
  onChange,
  errors,
  required,
  refFilter,
}: {
  entity: UiEntity;
  form: string;
  spec: FieldSpec;
  value: unknown;
  onChange: (value: unknown) => void;
  errors: readonly FieldProblem[];
  required: boolean;
  refFilter?: (record: Record<string, unknown>) => boolean;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const labelOf = useFieldLabel(entity);
  const label = labelOf(spec.name);
  const id = fieldId(form, spec.name);
  const error = messageAt(errors, spec.name, locale, spec.kind === "range" || spec.kind === "address");
  const hintKey = `hints.${entity}.${spec.name}`;
  const hint = t(hintKey, { defaultValue: "" }) || undefined;
  const frame = { label, error, required, id, hint };
  const text = typeof value === "string" || typeof value === "number" ? String(value) : "";
  const setText = (v: string) => onChange(v === "" ? undefined : v);

  switch (spec.kind) {
    case "text":
      return <TextField {...frame} value={text} onChange={setText} />;
    case "email":
      return <TextField {...frame} type="email" autoComplete="off" value={text} onChange={setText} />;
    case "url":
      return <TextField {...frame} type="url" value={text} onChange={setText} />;
    case "tel":
      return <TextField {...frame} type="tel" value={text} onChange={setText} />;
    case "date":
      return <TextField {...frame} type="date" value={text} onChange={setText} />;
    case "datetime":
      return (
        <TextField
          {...frame}
          type="datetime-local"
          value={toLocalInput(value)}
          onChange={(v) => onChange(fromLocalInput(v))}
        />
      );
    case "integer":
    case "number":
      return (
        <TextField
          {...frame}
          inputMode={spec.kind === "integer" ? "numeric" : "decimal"}
          value={text}
          onChange={setText}
        />
      );
    case "textarea":
      return <TextArea {...frame} value={text} onChange={setText} />;
    case "boolean":
      return (
        <CheckboxField
          id={id}
          label={label}
          hint={hint}
          checked={value === true}
          onChange={(checked) => onChange(checked)}
        />
      );
    case "enum":
      return <EnumSelect spec={spec} value={value} onChange={onChange} frame={frame} />;
    case "enumList":
      return <EnumList spec={spec} value={value} onChange={onChange} frame={frame} />;
    case "ref":
      return <RefSelect spec={spec} value={value} onChange={onChange} frame={frame} filter={refFilter} />;
    case "refList":
      return <RefList spec={spec} value={value} onChange={onChange} frame={frame} />;
    case "stringList":
      return (
        <TextField
          {...frame}
          hint={hint ?? t("form.listHint")}
          value={Array.isArray(value) ? value.join(", ") : ""}
          onChange={(v) => onChange(splitList(v))}
        />
      );
    case "range": {
      const range = (value ?? {}) as { min?: unknown; max?: unknown };
      const set = (part: "min" | "max", v: string) => {
        const next: { min?: unknown; max?: unknown } = { ...range, [part]: v };
        if (!next.min) delete next.min;
        if (!next.max) delete next.max;
        onChange(next.min === undefined && next.max === undefined ? undefined : next);
      };
      return (
        <fieldset className="field range" id={id}>
          <legend>{label}</legend>
          {error ? <p className="error-message">{error}</p> : null}
          <div className="inline-fields">
            <TextField
              id={`${id}-min`}
              label={t("form.rangeFrom")}
              inputMode="numeric"
              value={range.min === undefined ? "" : String(range.min)}
              onChange={(v) => set("min", v)}
              error={messageAt(errors, `${spec.name}.min`, locale, true)}
            />
            <TextField
              id={`${id}-max`}
              label={t("form.rangeTo")}
              inputMode="numeric"
              value={range.max === undefined ? "" : String(range.max)}
              onChange={(v) => set("max", v)}
              error={messageAt(errors, `${spec.name}.max`, locale, true)}
            />
          </div>
        </fieldset>
      );
    }
    case "address": {
      const address = (value ?? {}) as Record<string, string | undefined>;
      const set = (part: string, v: string) => {
        const next: Record<string, string> = {};
        for (const [k, val] of Object.entries({ ...address, [part]: v })) if (val) next[k] = val;
        onChange(Object.keys(next).length ? next : undefined);
      };
      return (
        <fieldset className="field address" id={id}>
          <legend>{label}</legend>
          {error ? <p className="error-message">{error}</p> : null}
          <TextField
            id={`${id}-street`}
            label={t("fields.common.street")}
            autoComplete="off"
            value={address.street ?? ""}
            onChange={(v) => set("street", v)}
            error={messageAt(errors, `${spec.name}.street`, locale, true)}
          />
          <div className="inline-fields">
            <TextField
              id={`${id}-postalCode`}
              label={t("fields.common.postalCode")}
              inputMode="numeric"
              value={address.postalCode ?? ""}
              onChange={(v) => set("postalCode", v)}
              error={messageAt(errors, `${spec.name}.postalCode`, locale, true)}
            />
            <TextField
              id={`${id}-locality`}
              label={t("fields.common.locality")}
              value={address.locality ?? ""}
              onChange={(v) => set("locality", v)}
              error={messageAt(errors, `${spec.name}.locality`, locale, true)}
            />
          </div>
        </fieldset>
      );
    }
  }
}
