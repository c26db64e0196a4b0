import { type EnumId, editableFields, entities, objectShape } from "@oha/domain";
import type { UiEntity } from "../api/http.js";

/** How a field is edited. */
export type FieldKind =
  | "text"
  | "textarea"
  | "email"
  | "url"
  | "tel"
  | "date"
  | "datetime"
  | "integer"
  | "number"
  | "boolean"
  | "enum"
  | "enumList"
  | "ref"
  | "refList"
  | "range"
  | "stringList"
  | "address";

/** One field of a form, an import or an export: its name in the schema and how it is edited. */
export interface FieldSpec {
  readonly name: string;
  readonly kind: FieldKind;
  readonly enumId?: EnumId;
  readonly ref?: UiEntity;
  /** The key of the section (fieldset) the field starts or belongs to. */
  readonly section?: string;
}

const f = (name: string, kind: FieldKind, extra: Omit<FieldSpec, "name" | "kind"> = {}): FieldSpec => ({
  name,
  kind,
  ...extra,
});

/** The editable fields of each entity, in the order the forms show them. */
export const formFields = {
  actor: [
    f("name", "text", { section: "basics" }),
    f("shortName", "text"),
    f("kind", "enum", { enumId: "ActorKind" }),
    f("legalFrameworks", "enumList", { enumId: "LegalFramework" }),
    f("parentActorId", "ref", { ref: "actor" }),
    f("email", "email", { section: "reach" }),
    f("phone", "tel"),
    f("website", "url"),
    f("address", "address"),
    f("description", "textarea", { section: "more" }),
  ],
  contact: [
    f("title", "text"),
    f("givenName", "text"),
    f("familyName", "text"),
    f("email", "email"),
    f("phone", "tel"),
    f("note", "textarea"),
    f("publicationConsent", "boolean"),
  ],
  affiliation: [
    f("contactId", "ref", { ref: "contact" }),
    f("actorId", "ref", { ref: "actor" }),
    f("role", "text"),
    f("level", "enum", { enumId: "StaffLevel" }),
    f("from", "date"),
    f("to", "date"),
    f("endReason", "enum", { enumId: "EndReason" }),
    f("primary", "boolean"),
  ],
  body: [
    f("name", "text"),
    f("shortName", "text"),
    f("kind", "enum", { enumId: "BodyKind" }),
    f("decisionAuthority", "enum", { enumId: "DecisionAuthority" }),
    f("targetMeetingsPerYear", "number"),
    f("topic", "text"),
    f("parentBodyId", "ref", { ref: "body" }),
    f("from", "date"),
    f("to", "date"),
    f("description", "textarea"),
  ],
  seat: [
    f("bodyId", "ref", { ref: "body" }),
    f("actorId", "ref", { ref: "actor" }),
    f("actorKind", "enum", { enumId: "ActorKind" }),
    f("label", "text"),
    f("votingRight", "boolean"),
    f("deputiesAllowed", "integer"),
    f("from", "date"),
    f("to", "date"),
  ],
  membership: [
    f("bodyId", "ref", { ref: "body" }),
    f("contactId", "ref", { ref: "contact" }),
    f("actorId", "ref", { ref: "actor" }),
    f("seatId", "ref", { ref: "seat" }),
    f("role", "enum", { enumId: "MembershipRole" }),
    f("votingRight", "boolean"),
    f("from", "date"),
    f("to", "date"),
  ],
  meeting: [
    f("bodyId", "ref", { ref: "body" }),
    f("title", "text"),
    f("status", "enum", { enumId: "MeetingStatus" }),
    f("start", "datetime"),
    f("end", "datetime"),
    f("location", "text"),
  ],
  measure: [
    f("title", "text", { section: "basics" }),
    f("providerActorId", "ref", { ref: "actor" }),
    f("partnerActorIds", "refList", { ref: "actor" }),
    f("category", "enum", { enumId: "MeasureCategory" }),
    f("status", "enum", { enumId: "MeasureStatus" }),
    f("description", "textarea"),
    f("targetGroups", "enumList", { enumId: "TargetGroup", section: "audience" }),
    f("grades", "range"),
    f("ages", "range"),
    f("from", "date", { section: "time" }),
    f("to", "date"),
    f("schedule", "enum", { enumId: "ScheduleKind" }),
    f("scheduleNote", "text"),
    f("places", "integer"),
    f("areaServed", "stringList"),
    f("iabeSector", "enum", { enumId: "IabeSector", section: "classification" }),
    f("iabeAccount", "text"),
    f("baMeasureType", "enum", { enumId: "BaMeasureType" }),
    f("standardElement", "text"),
    f("public", "boolean", { section: "publication" }),
    f("url", "url"),
    f("contactEmail", "email"),
  ],
  indicator: [
    f("code", "text"),
    f("name", "text"),
    f("unit", "enum", { enumId: "IndicatorUnit" }),
    f("unitLabel", "text"),
    f("direction", "enum", { enumId: "IndicatorDirection" }),
    f("frequency", "enum", { enumId: "Frequency" }),
    f("source", "text"),
    f("iabeSector", "enum", { enumId: "IabeSector" }),
    f("description", "textarea"),
  ],
  observation: [
    f("indicatorId", "ref", { ref: "indicator" }),
    f("date", "date"),
    f("periodLabel", "text"),
    f("value", "number"),
    f("areaKey", "text"),
    f("source", "text"),
    f("vintage", "text"),
    f("provisional", "boolean"),
    f("note", "textarea"),
  ],
} as const satisfies Partial<Record<UiEntity, readonly FieldSpec[]>>;

const ownFields: Partial<Record<UiEntity, readonly FieldSpec[]>> = formFields;

/**
 * The fields of an entity's forms, details, imports and exports: the hand-ordered list (with
 * sections) where the UI has one, otherwise derived from the domain's schema by `editableFields`.
 */
export function fieldsOf(entity: UiEntity): readonly FieldSpec[] {
  const own = ownFields[entity];
  if (own) return own;
  return editableFields(entity)
    .filter((field) => field.field !== "illustrative")
    .map(({ field, ...rest }) => ({ name: field, ...rest }));
}

/** Whether the domain requires a field when a record is created. */
export function isRequired(entity: UiEntity, field: string): boolean {
  const schema = objectShape(entities[entity].Create)[field];
  return schema ? !schema.safeParse(undefined).success : false;
}

/** The fields the store keeps on every record; they are never edited. */
export const metaFields = ["id", "version", "createdAt", "updatedAt", "deleted"] as const;

/** A record without its store fields: the starting point of an edit. */
export function editable(record: object): Record<string, unknown> {
  const out: Record<string, unknown> = { ...record };
  for (const field of metaFields) delete out[field];
  return out;
}

/** Drops fields that hold nothing (`undefined`, empty text), so optional fields stay absent. */
export function compact(draft: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(draft)) {
    if (value === undefined || value === "") continue;
    out[key] = value;
  }
  return out;
}

/** Deep equality for JSON values (key order of objects does not matter). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== "object") return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    return a.length === other.length && a.every((v, i) => sameValue(v, other[i]));
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(ao), ...Object.keys(bo)]);
  for (const key of keys) if (!sameValue(ao[key], bo[key])) return false;
  return true;
}

/**
 * The JSON Merge Patch from one state of a record to another: changed fields with their new
 * value, removed fields as `null`, unchanged fields left out.
 */
export function mergePatch(before: Record<string, unknown>, after: Record<string, unknown>) {
  const patch: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if ((metaFields as readonly string[]).includes(key)) continue;
    const next = after[key];
    if (sameValue(before[key], next)) continue;
    patch[key] = next === undefined ? null : next;
  }
  return patch;
}

/** Splits a list typed into one line ("a, b; c") into its entries. */
export function splitList(text: string): string[] {
  return text
    .split(/[,;|\n]/)
    .map((part) => part.trim())
    .filter(Boolean);
}

/** A stored date-time as the value of a `datetime-local` input (local time, minutes). */
export function toLocalInput(iso: unknown): string {
  if (typeof iso !== "string" || !iso) return "";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "";
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The value of a `datetime-local` input as a date-time with offset. */
export function fromLocalInput(value: string): string | undefined {
  if (!value) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : date.toISOString();
}

/** A number typed by a person (German decimal comma allowed); text that is no number stays text for validation. */
export function parseNumber(text: string): number | string | undefined {
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  const normalised = /^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(trimmed)
    ? trimmed.replaceAll(".", "").replace(",", ".")
    : trimmed.replace(",", ".");
  const value = Number(normalised);
  return Number.isFinite(value) ? value : trimmed;
}

/** Today as `YYYY-MM-DD` in local time. */
export function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * A record's fields as a form holds them: numbers as the text a person types (so "1,5" can be
 * typed), everything else as the schema has it.
 */
export function toDraft(
  fields: readonly FieldSpec[],
  values: Record<string, unknown>,
): Record<string, unknown> {
  const draft: Record<string, unknown> = { ...values };
  for (const spec of fields) {
    const value = values[spec.name];
    if ((spec.kind === "number" || spec.kind === "integer") && typeof value === "number") {
      draft[spec.name] = String(value);
    } else if (spec.kind === "range" && value && typeof value === "object") {
      const range = value as { min?: unknown; max?: unknown };
      draft[spec.name] = {
        ...(range.min !== undefined ? { min: String(range.min) } : {}),
        ...(range.max !== undefined ? { max: String(range.max) } : {}),
      };
    }
  }
  return draft;
}

/** The input for the domain's schema from a form's draft: typed numbers, no empty fields. */
export function fromDraft(
  fields: readonly FieldSpec[],
  draft: Record<string, unknown>,
): Record<string, unknown> {
  const input: Record<string, unknown> = { ...draft };
  for (const spec of fields) {
    const value = draft[spec.name];
    if (spec.kind === "number" || spec.kind === "integer") {
      input[spec.name] = typeof value === "string" ? parseNumber(value) : value;
    } else if (spec.kind === "range" && value && typeof value === "object") {
      const range = value as { min?: unknown; max?: unknown };
      const min = typeof range.min === "string" ? parseNumber(range.min) : range.min;
      const max = typeof range.max === "string" ? parseNumber(range.max) : range.max;
      input[spec.name] =
        min === undefined && max === undefined
          ? undefined
          : { ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}) };
    }
  }
  return compact(input);
}
