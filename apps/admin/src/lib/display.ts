import { type Locale, labelOf } from "@oha/domain";
import { useTranslation } from "react-i18next";
import type { UiEntity } from "../api/http.js";
import { formatDate, useLocale } from "../i18n/index.js";
import { type FieldSpec, fieldsOf } from "./forms.js";
import { useLookup } from "./lookup.js";

/** What formatting needs besides the value: the language, names of referenced records, yes/no. */
export interface FormatContext {
  readonly locale: Locale;
  readonly name: (entity: UiEntity, id: string) => string;
  readonly yes: string;
  readonly no: string;
}

/** The spec of a field of an entity, if the UI knows it. */
export function specOf(entity: UiEntity, field: string): FieldSpec | undefined {
  return fieldsOf(entity).find((spec) => spec.name === field);
}

/** A value as a person reads it: enum labels from the domain, names for ids, local dates. */
export function formatValue(spec: FieldSpec | undefined, value: unknown, ctx: FormatContext): string {
  if (value === undefined || value === null || value === "") return "";
  if (!spec) {
    if (typeof value === "boolean") return value ? ctx.yes : ctx.no;
    if (Array.isArray(value)) {
      // Lists inside a record (agenda, decisions, action items, attendance): name each entry.
      return value
        .map((item) => {
          if (!item || typeof item !== "object") return String(item);
          const o = item as Record<string, unknown>;
          if (typeof o.title === "string") return o.title;
          if (typeof o.text === "string") return o.text;
          if (typeof o.contactId === "string") {
            const who = ctx.name("contact", o.contactId);
            return typeof o.status === "string"
              ? `${who}: ${labelOf("AttendanceStatus", o.status, ctx.locale)}`
              : who;
          }
          return JSON.stringify(o);
        })
        .join("; ");
    }
    return typeof value === "object" ? JSON.stringify(value) : String(value);
  }
  switch (spec.kind) {
    case "enum":
      return spec.enumId ? labelOf(spec.enumId, String(value), ctx.locale) : String(value);
    case "enumList":
      return Array.isArray(value)
        ? value.map((v) => (spec.enumId ? labelOf(spec.enumId, String(v), ctx.locale) : String(v))).join(", ")
        : "";
    case "ref":
      return spec.ref ? ctx.name(spec.ref, String(value)) : String(value);
    case "refList":
      return Array.isArray(value)
        ? value.map((v) => (spec.ref ? ctx.name(spec.ref, String(v)) : v)).join(", ")
        : "";
    case "boolean":
      return value ? ctx.yes : ctx.no;
    case "date":
      return formatDate(value, ctx.locale);
    case "datetime":
      return formatDate(value, ctx.locale, true);
    case "number":
    case "integer":
      return typeof value === "number"
        ? value.toLocaleString(ctx.locale === "de" ? "de-DE" : "en-GB")
        : String(value);
    case "range": {
      const range = value as { min?: number; max?: number };
      return range.min === range.max ? String(range.min ?? "") : `${range.min ?? ""}–${range.max ?? ""}`;
    }
    case "stringList":
      return Array.isArray(value) ? value.join(", ") : String(value);
    case "address": {
      const a = value as { street?: string; postalCode?: string; locality?: string };
      return [a.street, [a.postalCode, a.locality].filter(Boolean).join(" ")].filter(Boolean).join(", ");
    }
    default:
      return String(value);
  }
}

const refEntities: readonly UiEntity[] = ["actor", "contact", "body", "indicator", "seat"];

/** A {@link FormatContext} for the current language with names of actors, contacts, bodies and indicators. */
export function useFormatContext(): FormatContext {
  const { t } = useTranslation();
  const locale = useLocale();
  const lookups = {
    actor: useLookup("actor"),
    contact: useLookup("contact"),
    body: useLookup("body"),
    indicator: useLookup("indicator"),
    seat: useLookup("seat"),
  };
  return {
    locale,
    yes: t("common.yes"),
    no: t("common.no"),
    name: (entity, id) =>
      (refEntities.includes(entity)
        ? lookups[entity as keyof typeof lookups].data?.byId.get(id)?.label
        : undefined) ?? id,
  };
}

/** Formats the fields of an entity in the current language. */
export function useFormatter(entity: UiEntity): (field: string, value: unknown) => string {
  const ctx = useFormatContext();
  return (field, value) => formatValue(specOf(entity, field), value, ctx);
}
