import type { z } from "zod";
import * as zod from "zod";
import type { Locale } from "../common/i18n.js";
import { type LocalizedText, text } from "../common/i18n.js";
import { newId } from "../common/ids.js";
import { applyPatch } from "../common/record.js";
import { type DomainError, err, type Result } from "../common/result.js";
import { validate } from "../common/validation.js";
import * as actor from "./actor.js";
import * as agreement from "./agreement.js";
import * as body from "./body.js";
import * as funding from "./funding.js";
import * as goal from "./goal.js";
import * as indicator from "./indicator.js";
import * as maturity from "./maturity.js";
import * as measure from "./measure.js";
import * as meeting from "./meeting.js";
import * as office from "./office.js";
import * as reconciliation from "./reconciliation.js";
import * as region from "./region.js";
import * as standard from "./standard.js";

/** How the store, the API and the UI know an entity: its schemas, id prefix, labels and references. */
export interface EntityDefinition<
  N extends string = string,
  C extends z.ZodType = z.ZodType,
  P extends z.ZodType = z.ZodType,
  R extends z.ZodType = z.ZodType,
> {
  /** Name in code (camelCase singular). */
  readonly name: N;
  /** Path segment in URLs and table name stem (kebab-case plural). */
  readonly plural: string;
  readonly idPrefix: string;
  readonly Create: C;
  readonly Patch: P;
  readonly Record: R;
  readonly label: LocalizedText;
  readonly labelPlural: LocalizedText;
  /** Top-level fields that hold ids of other entities (single id or array of ids). */
  readonly references: Readonly<Record<string, string>>;
  /** Fields with personal data, erased when a record is purged (GDPR Art. 17). */
  readonly personalFields: readonly string[];
}

const define = <const N extends string, C extends z.ZodType, P extends z.ZodType, R extends z.ZodType>(
  def: EntityDefinition<N, C, P, R>,
) => def;

const noPersonal: readonly string[] = [];

/** Every entity of the model, in an order in which references always point backwards. */
export const entities = {
  region: define({
    name: "region",
    plural: "regions",
    idPrefix: "reg",
    Create: region.RegionCreate,
    Patch: region.RegionPatch,
    Record: region.Region,
    label: text("Region", "Region"),
    labelPlural: text("Regionen", "Regions"),
    references: { successorId: "region" },
    personalFields: noPersonal,
  }),
  coordinationOffice: define({
    name: "coordinationOffice",
    plural: "offices",
    idPrefix: "off",
    Create: office.CoordinationOfficeCreate,
    Patch: office.CoordinationOfficePatch,
    Record: office.CoordinationOffice,
    label: text("Koordinierungsstelle", "Coordination office"),
    labelPlural: text("Koordinierungsstellen", "Coordination offices"),
    references: {},
    personalFields: noPersonal,
  }),
  fundingProgramme: define({
    name: "fundingProgramme",
    plural: "funding-programmes",
    idPrefix: "fun",
    Create: funding.FundingProgrammeCreate,
    Patch: funding.FundingProgrammePatch,
    Record: funding.FundingProgramme,
    label: text("Förderprogramm", "Funding programme"),
    labelPlural: text("Förderprogramme", "Funding programmes"),
    references: {},
    personalFields: noPersonal,
  }),
  actor: define({
    name: "actor",
    plural: "actors",
    idPrefix: "act",
    Create: actor.ActorCreate,
    Patch: actor.ActorPatch,
    Record: actor.Actor,
    label: text("Akteur", "Actor"),
    labelPlural: text("Akteure", "Actors"),
    references: { parentActorId: "actor" },
    personalFields: noPersonal,
  }),
  contact: define({
    name: "contact",
    plural: "contacts",
    idPrefix: "con",
    Create: actor.ContactCreate,
    Patch: actor.ContactPatch,
    Record: actor.Contact,
    label: text("Ansprechperson", "Contact"),
    labelPlural: text("Ansprechpersonen", "Contacts"),
    references: {},
    personalFields: ["givenName", "familyName", "title", "email", "phone", "note"],
  }),
  affiliation: define({
    name: "affiliation",
    plural: "affiliations",
    idPrefix: "aff",
    Create: actor.AffiliationCreate,
    Patch: actor.AffiliationPatch,
    Record: actor.Affiliation,
    label: text("Zugehörigkeit", "Affiliation"),
    labelPlural: text("Zugehörigkeiten", "Affiliations"),
    references: { contactId: "contact", actorId: "actor", successorContactId: "contact" },
    personalFields: noPersonal,
  }),
  body: define({
    name: "body",
    plural: "bodies",
    idPrefix: "bod",
    Create: body.BodyCreate,
    Patch: body.BodyPatch,
    Record: body.Body,
    label: text("Gremium", "Body"),
    labelPlural: text("Gremien", "Bodies"),
    references: { parentBodyId: "body" },
    personalFields: noPersonal,
  }),
  seat: define({
    name: "seat",
    plural: "seats",
    idPrefix: "sea",
    Create: body.SeatCreate,
    Patch: body.SeatPatch,
    Record: body.Seat,
    label: text("Sitz", "Seat"),
    labelPlural: text("Sitze", "Seats"),
    references: { bodyId: "body", actorId: "actor" },
    personalFields: noPersonal,
  }),
  membership: define({
    name: "membership",
    plural: "memberships",
    idPrefix: "mem",
    Create: body.MembershipCreate,
    Patch: body.MembershipPatch,
    Record: body.Membership,
    label: text("Mitgliedschaft", "Membership"),
    labelPlural: text("Mitgliedschaften", "Memberships"),
    references: { bodyId: "body", contactId: "contact", actorId: "actor", seatId: "seat" },
    personalFields: noPersonal,
  }),
  meeting: define({
    name: "meeting",
    plural: "meetings",
    idPrefix: "mtg",
    Create: meeting.MeetingCreate,
    Patch: meeting.MeetingPatch,
    Record: meeting.Meeting,
    label: text("Sitzung", "Meeting"),
    labelPlural: text("Sitzungen", "Meetings"),
    references: { bodyId: "body" },
    personalFields: noPersonal,
  }),
  agreement: define({
    name: "agreement",
    plural: "agreements",
    idPrefix: "agr",
    Create: agreement.AgreementCreate,
    Patch: agreement.AgreementPatch,
    Record: agreement.Agreement,
    label: text("Vereinbarung", "Agreement"),
    labelPlural: text("Vereinbarungen", "Agreements"),
    references: { partyActorIds: "actor" },
    personalFields: noPersonal,
  }),
  indicator: define({
    name: "indicator",
    plural: "indicators",
    idPrefix: "ind",
    Create: indicator.IndicatorCreate,
    Patch: indicator.IndicatorPatch,
    Record: indicator.Indicator,
    label: text("Indikator", "Indicator"),
    labelPlural: text("Indikatoren", "Indicators"),
    references: {},
    personalFields: noPersonal,
  }),
  observation: define({
    name: "observation",
    plural: "observations",
    idPrefix: "obs",
    Create: indicator.ObservationCreate,
    Patch: indicator.ObservationPatch,
    Record: indicator.Observation,
    label: text("Messwert", "Observation"),
    labelPlural: text("Messwerte", "Observations"),
    references: { indicatorId: "indicator" },
    personalFields: noPersonal,
  }),
  goal: define({
    name: "goal",
    plural: "goals",
    idPrefix: "gol",
    Create: goal.GoalCreate,
    Patch: goal.GoalPatch,
    Record: goal.Goal,
    label: text("Ziel", "Goal"),
    labelPlural: text("Ziele", "Goals"),
    references: {
      parentGoalId: "goal",
      agreementId: "agreement",
      indicatorId: "indicator",
      ownerActorIds: "actor",
    },
    personalFields: noPersonal,
  }),
  standard: define({
    name: "standard",
    plural: "standards",
    idPrefix: "std",
    Create: standard.StandardCreate,
    Patch: standard.StandardPatch,
    Record: standard.Standard,
    label: text("Standard", "Standard"),
    labelPlural: text("Standards", "Standards"),
    references: {},
    personalFields: noPersonal,
  }),
  guide: define({
    name: "guide",
    plural: "guides",
    idPrefix: "gde",
    Create: standard.GuideCreate,
    Patch: standard.GuidePatch,
    Record: standard.Guide,
    label: text("Praxisleitfaden", "Practice guide"),
    labelPlural: text("Praxisleitfäden", "Practice guides"),
    references: {},
    personalFields: noPersonal,
  }),
  measure: define({
    name: "measure",
    plural: "measures",
    idPrefix: "msr",
    Create: measure.MeasureCreate,
    Patch: measure.MeasurePatch,
    Record: measure.Measure,
    label: text("Maßnahme", "Measure"),
    labelPlural: text("Maßnahmen", "Measures"),
    references: { providerActorId: "actor", partnerActorIds: "actor" },
    personalFields: noPersonal,
  }),
  overlapReview: define({
    name: "overlapReview",
    plural: "overlap-reviews",
    idPrefix: "ovr",
    Create: measure.OverlapReviewCreate,
    Patch: measure.OverlapReviewPatch,
    Record: measure.OverlapReview,
    label: text("Prüfung einer Überschneidung", "Overlap review"),
    labelPlural: text("Prüfungen von Überschneidungen", "Overlap reviews"),
    references: { measureIds: "measure" },
    personalFields: noPersonal,
  }),
  reconciliationRound: define({
    name: "reconciliationRound",
    plural: "reconciliation-rounds",
    idPrefix: "rnd",
    Create: reconciliation.ReconciliationRoundCreate,
    Patch: reconciliation.ReconciliationRoundPatch,
    Record: reconciliation.ReconciliationRound,
    label: text("Abgleichsrunde", "Reconciliation round"),
    labelPlural: text("Abgleichsrunden", "Reconciliation rounds"),
    references: { invitedActorIds: "actor" },
    personalFields: noPersonal,
  }),
  reconciliationResponse: define({
    name: "reconciliationResponse",
    plural: "reconciliation-responses",
    idPrefix: "rsp",
    Create: reconciliation.ReconciliationResponseCreate,
    Patch: reconciliation.ReconciliationResponsePatch,
    Record: reconciliation.ReconciliationResponse,
    label: text("Rückmeldung", "Response"),
    labelPlural: text("Rückmeldungen", "Responses"),
    references: { roundId: "reconciliationRound", actorId: "actor", contactId: "contact" },
    personalFields: noPersonal,
  }),
  maturityAssessment: define({
    name: "maturityAssessment",
    plural: "maturity-assessments",
    idPrefix: "mat",
    Create: maturity.MaturityAssessmentCreate,
    Patch: maturity.MaturityAssessmentPatch,
    Record: maturity.MaturityAssessment,
    label: text("Reifegrad-Selbsteinschätzung", "Maturity self-assessment"),
    labelPlural: text("Reifegrad-Selbsteinschätzungen", "Maturity self-assessments"),
    references: {},
    personalFields: noPersonal,
  }),
} as const;

/** The name of an entity in {@link entities}. */
export type EntityName = keyof typeof entities;
/** The names of all entities, in dependency order. */
export const entityNames = Object.keys(entities) as EntityName[];
/** The stored record type of an entity. */
export type EntityRecord<N extends EntityName> = z.output<(typeof entities)[N]["Record"]>;
/** The creation input type of an entity. */
export type EntityCreate<N extends EntityName> = z.input<(typeof entities)[N]["Create"]>;
/** The patch type of an entity. */
export type EntityPatch<N extends EntityName> = z.input<(typeof entities)[N]["Patch"]>;

/** Finds the entity whose ids carry a prefix (`act_…` → actor). */
export function entityOfId(id: string): EntityName | undefined {
  const prefix = id.split("_")[0];
  return entityNames.find((name) => entities[name].idPrefix === prefix);
}

/**
 * Validates creation input and makes the first version of a record (version 1, timestamps, id).
 *
 * @example
 * const result = createRecord("actor", { name: "Jobcenter", kind: "job_centre" }, new Date().toISOString());
 */
export function createRecord<N extends EntityName>(
  name: N,
  input: unknown,
  now: string,
  options: { id?: string; locale?: Locale } = {},
): Result<EntityRecord<N>, DomainError> {
  const def = entities[name];
  const parsed = validate(def.Create, input, options.locale);
  if (!parsed.ok) return parsed;
  const record = {
    ...(parsed.value as object),
    id: options.id ?? newId(def.idPrefix),
    version: 1,
    createdAt: now,
    updatedAt: now,
    deleted: false,
  };
  return validate(def.Record, record, options.locale) as Result<EntityRecord<N>, DomainError>;
}

/**
 * Validates a patch, applies it to the current record and checks the whole result again,
 * so cross-field rules hold after every change. The version goes up by one.
 */
export function updateRecord<N extends EntityName>(
  name: N,
  current: EntityRecord<N>,
  patch: unknown,
  now: string,
  options: { locale?: Locale } = {},
): Result<EntityRecord<N>, DomainError> {
  const def = entities[name];
  const parsed = validate(def.Patch, patch, options.locale);
  if (!parsed.ok) return parsed;
  const base = current as unknown as { version: number };
  const next = {
    ...applyPatch(current as object, parsed.value as object),
    version: base.version + 1,
    updatedAt: now,
  };
  return validate(def.Record, next, options.locale) as Result<EntityRecord<N>, DomainError>;
}

/** Marks a record deleted (soft delete) as a new version. */
export function deleteRecord<N extends EntityName>(current: EntityRecord<N>, now: string): EntityRecord<N> {
  const base = current as unknown as { version: number };
  return { ...current, deleted: true, version: base.version + 1, updatedAt: now };
}

/** The ids a record refers to, per field, using the entity's reference map. */
export function referencesOf(
  name: EntityName,
  record: Record<string, unknown>,
): { field: string; entity: EntityName; id: string }[] {
  const out: { field: string; entity: EntityName; id: string }[] = [];
  for (const [field, entity] of Object.entries(entities[name].references) as [string, EntityName][]) {
    const value = record[field];
    const ids = Array.isArray(value) ? value : value === undefined ? [] : [value];
    for (const id of ids) if (typeof id === "string") out.push({ field, entity, id });
  }
  return out;
}

/** An error for a record that does not exist (or belongs to another tenant). */
export function notFound(name: EntityName, id: string, locale: Locale = "de"): Result<never, DomainError> {
  const label = entities[name].label[locale];
  return err({
    code: "not_found",
    message: locale === "de" ? `${label} ${id} wurde nicht gefunden.` : `${label} ${id} was not found.`,
  });
}

/**
 * A whole network (one tenant's data) as lists of records per entity: the shape of the example,
 * of export bundles and of the analytics' input.
 */
export type Network = { [N in EntityName]: EntityRecord<N>[] };

/** A network with no records. */
export function emptyNetwork(): Network {
  return Object.fromEntries(entityNames.map((name) => [name, []])) as unknown as Network;
}

/** How a list may be filtered by a field: equality on enums, booleans and ids; membership in arrays. */
export interface FilterableField {
  readonly field: string;
  readonly kind: "enum" | "boolean" | "id" | "array";
  readonly values?: readonly string[];
}

function unwrapSchema(schema: z.ZodType): z.ZodType {
  let current: z.ZodType = schema;
  for (;;) {
    if (
      current instanceof zod.ZodOptional ||
      current instanceof zod.ZodNullable ||
      current instanceof zod.ZodDefault
    ) {
      current = (current as zod.ZodOptional<z.ZodType>).unwrap();
    } else return current;
  }
}

function classify(schema: z.ZodType): Omit<FilterableField, "field"> | undefined {
  const inner = unwrapSchema(schema);
  if (inner instanceof zod.ZodEnum) return { kind: "enum", values: inner.options.map(String) };
  if (inner instanceof zod.ZodBoolean) return { kind: "boolean" };
  const id = zod.globalRegistry.get(inner)?.id;
  if (inner instanceof zod.ZodString && typeof id === "string" && id.endsWith("Id")) return { kind: "id" };
  if (inner instanceof zod.ZodArray) {
    const element = classify(inner.element as z.ZodType);
    if (element && element.kind !== "array")
      return { kind: "array", ...(element.values ? { values: element.values } : {}) };
    if (unwrapSchema(inner.element as z.ZodType) instanceof zod.ZodString) return { kind: "array" };
  }
  return undefined;
}

const filterCache = new Map<EntityName, readonly FilterableField[]>();

/**
 * The top-level fields of an entity that lists can be filtered by, derived from its schema.
 *
 * @example
 * filterableFields("measure").map((f) => f.field); // ["providerActorId", "category", "status", "public", …]
 */
export function filterableFields(name: EntityName): readonly FilterableField[] {
  const cached = filterCache.get(name);
  if (cached) return cached;
  const shape = objectShape(entities[name].Record);
  const fields: FilterableField[] = [];
  for (const [field, schema] of Object.entries(shape)) {
    if (["id", "version", "createdAt", "updatedAt", "deleted"].includes(field)) continue;
    const kind = classify(schema);
    if (kind) fields.push({ field, ...kind });
  }
  filterCache.set(name, fields);
  return fields;
}

/** The object shape behind a (possibly refined) object schema. */
export function objectShape(schema: z.ZodType): Record<string, z.ZodType> {
  let current: unknown = schema;
  for (let i = 0; i < 5; i++) {
    if (current instanceof zod.ZodObject) return current.shape as Record<string, z.ZodType>;
    const def = (current as { def?: { in?: unknown; innerType?: unknown; schema?: unknown } }).def;
    current = def?.in ?? def?.innerType ?? def?.schema;
  }
  throw new Error("Not an object schema");
}
