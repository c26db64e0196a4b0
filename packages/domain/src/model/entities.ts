import type { z } from "zod";
import * as zod from "zod";
import { commonFieldLabels, type FieldLabels } from "../common/field-labels.js";
import type { Locale } from "../common/i18n.js";
import { type LocalizedText, text } from "../common/i18n.js";
import { idPrefixOf, newId } from "../common/ids.js";
import { messages } from "../common/messages.js";
import { applyPatch } from "../common/record.js";
import { type DomainError, err, type IssueDetail, type Result } from "../common/result.js";
import { validate } from "../common/validation.js";
import * as actor from "./actor.js";
import * as agreement from "./agreement.js";
import * as body from "./body.js";
import * as document from "./document.js";
import * as funding from "./funding.js";
import * as goal from "./goal.js";
import * as indicator from "./indicator.js";
import { type EnumId, labelOf } from "./labels.js";
import * as maturity from "./maturity.js";
import * as measure from "./measure.js";
import * as meeting from "./meeting.js";
import * as office from "./office.js";
import * as reconciliation from "./reconciliation.js";
import * as region from "./region.js";
import * as standard from "./standard.js";

// The model files of the entities, exported through the registry: an entity added here is in the package.
export * from "./actor.js";
export * from "./agreement.js";
export * from "./body.js";
export * from "./document.js";
export * from "./funding.js";
export * from "./goal.js";
export * from "./indicator.js";
export * from "./maturity.js";
export * from "./measure.js";
export * from "./meeting.js";
export * from "./office.js";
export * from "./reconciliation.js";
export * from "./region.js";
export * from "./standard.js";

/**
 * How the store, the API and the UI know an entity: its schemas, URL path, id prefix, labels, the
 * fields that name a record, and who may write it. This registry is the only place an entity is
 * declared; references are found in its schema (every id field of another entity, nested ones too).
 */
export interface EntityDefinition<
  N extends string = string,
  P extends string = string,
  C extends z.ZodType = z.ZodType,
  Pa extends z.ZodType = z.ZodType,
  R extends z.ZodType = z.ZodType,
  F extends z.ZodType = z.ZodType,
> {
  /** Name in code (camelCase singular). */
  readonly name: N;
  /** Path segment in URLs (`/api/v1/<plural>`) and table name stem (kebab-case plural). */
  readonly plural: P;
  readonly idPrefix: string;
  readonly Create: C;
  readonly Patch: Pa;
  readonly Record: R;
  readonly label: LocalizedText;
  readonly labelPlural: LocalizedText;
  /** What a record holds, in one line of English (the domain README's table of entities is made from it). */
  readonly summary: string;
  /** The German and English label of the entity's own fields; shared ones come from `commonFieldLabels`. */
  readonly fieldLabels: FieldLabels;
  /** The fields that name a record, in order (see {@link recordTitle}); lookups load only these. */
  readonly titleFields: readonly string[];
  /** What joins the title fields (default a space). */
  readonly titleSeparator?: string;
  /** For partners: the field that ties a record to the partner's own actor; partners may write those. */
  readonly ownerField?: string;
  /** Fields with personal data, erased when a record is purged (GDPR Art. 17). */
  readonly personalFields: readonly string[];
  /**
   * `commands`: records are created and changed only by the domain's commands (which apply rules a
   * plain create would skip), so the API offers no generic create, batch or patch for them.
   */
  readonly writtenBy?: "commands";
  /** Figures derived from a record and served with it (`figures` in the API's answers). */
  readonly figures?: EntityFigures<R, F>;
}

/** Figures derived from a record on a reference date, with the schema of their shape. */
export interface EntityFigures<R extends z.ZodType = z.ZodType, F extends z.ZodType = z.ZodType> {
  readonly schema: F;
  readonly compute: (record: z.output<R>, asOf: string) => z.output<F>;
}

const define = <
  const N extends string,
  const P extends string,
  C extends z.ZodType,
  Pa extends z.ZodType,
  R extends z.ZodType,
  F extends z.ZodType = z.ZodNever,
>(
  def: EntityDefinition<N, P, C, Pa, R, F>,
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
    summary:
      "the district, its official keys over time, area, population, municipalities; a merged district points to its successor",
    fieldLabels: region.regionFieldLabels,
    titleFields: ["name"],
    figures: { schema: region.RegionFigures, compute: (record) => region.regionFigures(record) },
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
    summary: "funder, period and rules of a programme",
    fieldLabels: funding.fundingProgrammeFieldLabels,
    titleFields: ["name"],
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
    summary: "its place in the organisation chart over time, staffing periods, milestones",
    fieldLabels: office.coordinationOfficeFieldLabels,
    titleFields: ["name"],
    figures: { schema: office.OfficeFigures, compute: office.officeFigures },
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
    summary: "a partner organisation and its kind (school, chamber, job centre, …)",
    fieldLabels: actor.actorFieldLabels,
    titleFields: ["name"],
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
    summary: "a person; the only entity with personal data",
    fieldLabels: actor.contactFieldLabels,
    titleFields: ["givenName", "familyName"],
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
    summary: "a person's role at an actor from–to; handovers keep continuity measurable",
    fieldLabels: actor.affiliationFieldLabels,
    titleFields: ["role"],
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
    summary: "steering group, advisory board, working group, network conference, with decision authority",
    fieldLabels: body.bodyFieldLabels,
    titleFields: ["name"],
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
    summary: "a partner's seat in a body",
    fieldLabels: body.seatFieldLabels,
    titleFields: ["label"],
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
    summary: "a person in a body for a partner, with role and term",
    fieldLabels: body.membershipFieldLabels,
    titleFields: ["role"],
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
    summary: "agenda, attendance, minutes, decisions and action items",
    fieldLabels: meeting.meetingFieldLabels,
    titleFields: ["title"],
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
    summary: "the cooperation agreement: parties, revisions, signatures, validity, commitments",
    fieldLabels: agreement.agreementFieldLabels,
    titleFields: ["title"],
    figures: { schema: agreement.AgreementFigures, compute: agreement.agreementFigures },
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
    summary: "a figure the network watches, with unit, direction and source",
    fieldLabels: indicator.indicatorFieldLabels,
    titleFields: ["code", "name"],
    titleSeparator: " – ",
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
    summary: "one value of an indicator at a date",
    fieldLabels: indicator.observationFieldLabels,
    titleFields: ["periodLabel", "date"],
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
    summary: "a goal with indicator, baseline, target and deadline, in a tree",
    fieldLabels: goal.goalFieldLabels,
    titleFields: ["title"],
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
    summary: "a minimum or action standard: interfaces, responsibilities, adoption, effectiveness reviews",
    fieldLabels: standard.standardFieldLabels,
    titleFields: ["code", "title"],
    titleSeparator: " – ",
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
    summary: "ordered sections that reference standards",
    fieldLabels: standard.guideFieldLabels,
    titleFields: ["title"],
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
    summary: "an offer: provider, category, target groups, grades, ages, area, period, places, funding",
    fieldLabels: measure.measureFieldLabels,
    titleFields: ["title"],
    ownerField: "providerActorId",
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
    summary: "a coordinator's verdict on two measures that look redundant",
    fieldLabels: measure.overlapReviewFieldLabels,
    writtenBy: "commands",
    titleFields: ["verdict"],
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
    summary: "a round of the reconciliation of expectations, with rating items and scale",
    fieldLabels: reconciliation.reconciliationRoundFieldLabels,
    titleFields: ["title"],
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
    summary: "one partner's expectations, working methods, self-interests and ratings",
    fieldLabels: reconciliation.reconciliationResponseFieldLabels,
    titleFields: ["submittedAt"],
    ownerField: "actorId",
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
    summary: "a questionnaire on the success factors, answered in waves",
    fieldLabels: maturity.maturityAssessmentFieldLabels,
    titleFields: ["title"],
    personalFields: noPersonal,
  }),
  document: define({
    name: "document",
    plural: "documents",
    idPrefix: "doc",
    Create: document.DocumentCreate,
    Patch: document.DocumentPatch,
    Record: document.Document,
    label: text("Dokument", "Document"),
    labelPlural: text("Dokumente", "Documents"),
    summary:
      "a link to a file kept elsewhere (signed agreement, minutes, practice guide), attached to any record, with its visibility",
    fieldLabels: document.documentFieldLabels,
    titleFields: ["title"],
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
/** The URL path segment of an entity (`funding-programmes`). */
export type EntityPlural<N extends EntityName> = (typeof entities)[N]["plural"];
/** The figures served with a record of an entity, or `never` for an entity without figures. */
export type EntityFiguresOf<N extends EntityName> =
  (typeof entities)[N] extends EntityDefinition<string, string, z.ZodType, z.ZodType, z.ZodType, infer F>
    ? z.output<F>
    : never;
/** A record as the API serves it: the stored record, with its figures where the entity has some. */
export type EntityView<N extends EntityName> = [EntityFiguresOf<N>] extends [never]
  ? EntityRecord<N>
  : EntityRecord<N> & { figures: EntityFiguresOf<N> };

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
  return withKnownReferences(
    name,
    validate(def.Record, record, options.locale) as Result<EntityRecord<N>, DomainError>,
    options.locale,
  );
}

/**
 * Refuses an id of any record (a document's `attachedTo`) whose prefix names no entity: the store
 * checks that referenced records exist, but only for ids it can place in an entity.
 */
function withKnownReferences<T>(
  name: EntityName,
  result: Result<T, DomainError>,
  locale: Locale = "de",
): Result<T, DomainError> {
  if (!result.ok) return result;
  const details: IssueDetail[] = [];
  for (const site of referenceSites(name)) {
    if (site.target !== "*") continue;
    collect(result.value, site.path, [], (at, value) => {
      if (typeof value !== "string" || entityOfId(value)) return;
      const texts = messages.unknown_reference({ value });
      details.push({
        path: at.join("."),
        code: "unknown_reference",
        message: texts[locale],
        messages: texts,
      });
    });
  }
  if (details.length === 0) return result;
  return err({ code: "validation_failed", message: inputErrors[locale], details });
}

const inputErrors = text("Die Eingabe enthält Fehler.", "The input contains errors.");

/**
 * Validates a patch, applies it to the current record and checks the whole result again,
 * so cross-field rules hold after every change. The version goes up by one.
 */
export function updateRecord<N extends EntityName>(
  name: N,
  current: EntityRecord<N>,
  patch: unknown,
  now: string,
  options: { locale?: Locale | undefined; patchValidated?: boolean | undefined } = {},
): Result<EntityRecord<N>, DomainError> {
  const def = entities[name];
  // A patch already parsed with the Patch schema (by the API) is not parsed again; the result is.
  const parsed = options.patchValidated
    ? { ok: true as const, value: patch }
    : validate(def.Patch, patch, options.locale);
  if (!parsed.ok) return parsed;
  const base = current as unknown as { version: number };
  const next = {
    ...applyPatch(current as object, parsed.value as object),
    version: base.version + 1,
    updatedAt: now,
  };
  return withKnownReferences(
    name,
    validate(def.Record, next, options.locale) as Result<EntityRecord<N>, DomainError>,
    options.locale,
  );
}

/** Marks a record deleted (soft delete) as a new version. */
export function deleteRecord<N extends EntityName>(current: EntityRecord<N>, now: string): EntityRecord<N> {
  const base = current as unknown as { version: number };
  return { ...current, deleted: true, version: base.version + 1, updatedAt: now };
}

/** Brings a soft-deleted record back as a new version. */
export function restoreRecord<N extends EntityName>(current: EntityRecord<N>, now: string): EntityRecord<N> {
  const base = current as unknown as { version: number };
  return { ...current, deleted: false, version: base.version + 1, updatedAt: now };
}

/** A place in an entity's records that holds ids of another entity (or, for `"*"`, of any entity). */
export interface ReferenceSite {
  /** The path through the record; `"*"` stands for every item of a list. */
  readonly path: readonly string[];
  readonly target: EntityName | "*";
}

/** One id a record refers to. */
export interface Reference {
  /** Where the id is, e.g. `adoptions.2.actorId`. */
  readonly path: string;
  /** The record's top-level field that holds it. */
  readonly field: string;
  readonly entity: EntityName;
  readonly id: string;
}

type Walkable = z.ZodType & { def: { type: string; innerType?: z.ZodType; in?: z.ZodType } };

function unwrapAll(schema: z.ZodType): z.ZodType {
  let current = schema as Walkable;
  for (;;) {
    const { type } = current.def;
    if (["optional", "nullable", "default", "prefault", "readonly", "catch", "nonoptional"].includes(type)) {
      current = current.def.innerType as Walkable;
    } else if (type === "pipe") current = current.def.in as Walkable;
    else return current;
  }
}

function sitesIn(schema: z.ZodType, path: string[], out: ReferenceSite[]): void {
  // An id schema: the one before unwrapping carries no prefix, the branded one inside does.
  const prefix = idPrefixOf(schema) ?? idPrefixOf(unwrapAll(schema));
  if (prefix !== undefined) {
    const target = prefix === "*" ? "*" : entityNames.find((name) => entities[name].idPrefix === prefix);
    if (target) out.push({ path, target });
    return;
  }
  const inner = unwrapAll(schema);
  if (inner instanceof zod.ZodObject) {
    for (const [key, field] of Object.entries(inner.shape as Record<string, z.ZodType>))
      sitesIn(field, [...path, key], out);
  } else if (inner instanceof zod.ZodArray) {
    sitesIn(inner.element as z.ZodType, [...path, "*"], out);
  } else if (inner instanceof zod.ZodTuple) {
    for (const item of inner.def.items as z.ZodType[]) sitesIn(item, [...path, "*"], out);
  } else if (inner instanceof zod.ZodUnion) {
    for (const option of inner.options as z.ZodType[]) sitesIn(option, path, out);
  }
}

const siteCache = new Map<EntityName, readonly ReferenceSite[]>();

/**
 * Every place an entity's records refer to other records, found in its schema (nested ones too,
 * such as a standard's `adoptions.*.actorId`). The record's own id is not a reference.
 *
 * @example
 * referenceSites("seat").map((s) => s.path.join(".")); // ["bodyId", "actorId"]
 */
export function referenceSites(name: EntityName): readonly ReferenceSite[] {
  let sites = siteCache.get(name);
  if (!sites) {
    const out: ReferenceSite[] = [];
    for (const [key, field] of Object.entries(objectShape(entities[name].Record))) {
      if (key !== "id") sitesIn(field, [key], out);
    }
    // The same path may come from several options of a union.
    const seen = new Set<string>();
    sites = out.filter((site) => {
      const key = `${site.path.join(".")}\u0000${site.target}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    siteCache.set(name, sites);
  }
  return sites;
}

function collect(
  value: unknown,
  path: readonly string[],
  at: string[],
  found: (p: string[], v: unknown) => void,
) {
  if (path.length === 0) {
    found(at, value);
    return;
  }
  const [head, ...rest] = path as [string, ...string[]];
  if (head === "*") {
    if (Array.isArray(value)) {
      value.forEach((item, i) => {
        collect(item, rest, [...at, String(i)], found);
      });
    }
  } else if (value !== null && typeof value === "object") {
    collect((value as Record<string, unknown>)[head], rest, [...at, head], found);
  }
}

/**
 * The ids a record refers to, each with its path and target entity. An id of any record (a
 * document's subject) resolves by its prefix; an id with an unknown prefix is left out.
 */
export function referencesOf(name: EntityName, record: Readonly<Record<string, unknown>>): Reference[] {
  const out: Reference[] = [];
  for (const site of referenceSites(name)) {
    collect(record, site.path, [], (at, value) => {
      if (typeof value !== "string") return;
      const entity = site.target === "*" ? entityOfId(value) : site.target;
      if (entity) out.push({ path: at.join("."), field: at[0] as string, entity, id: value });
    });
  }
  return out;
}

function rewrite(
  value: unknown,
  path: readonly string[],
  map: (id: string, target: EntityName) => string,
  target: EntityName | "*",
): unknown {
  if (path.length === 0) {
    if (typeof value !== "string") return value;
    const entity = target === "*" ? entityOfId(value) : target;
    return entity ? map(value, entity) : value;
  }
  const [head, ...rest] = path as [string, ...string[]];
  if (head === "*")
    return Array.isArray(value) ? value.map((item) => rewrite(item, rest, map, target)) : value;
  if (value === null || typeof value !== "object" || !(head in value)) return value;
  return {
    ...(value as object),
    [head]: rewrite((value as Record<string, unknown>)[head], rest, map, target),
  };
}

/**
 * A copy of a record with every reference passed through `map` (for example to give imported
 * records new ids). Fields that are not references stay as they are.
 */
export function mapReferences<T extends object>(
  name: EntityName,
  record: T,
  map: (id: string, entity: EntityName) => string,
): T {
  let out: unknown = record;
  for (const site of referenceSites(name)) out = rewrite(out, site.path, map, site.target);
  return out as T;
}

/** The German or English label of a field of an entity (top-level or nested, by its last name). */
export function fieldLabel(name: EntityName, field: string, locale: Locale = "de"): string {
  const key =
    field
      .split(".")
      .filter((part) => !/^\d+$/.test(part))
      .at(-1) ?? field;
  const labels: FieldLabels = entities[name].fieldLabels;
  return (labels[key] ?? commonFieldLabels[key])?.[locale] ?? key;
}

function enumIdOf(schema: z.ZodType | undefined): EnumId | undefined {
  if (!schema) return undefined;
  const inner = unwrapAll(schema);
  if (!(inner instanceof zod.ZodEnum)) return undefined;
  const id = zod.globalRegistry.get(inner)?.id;
  return typeof id === "string" ? (id as EnumId) : undefined;
}

/**
 * How a record is named in lists, selects and links: its title fields, enum values by their label.
 *
 * @example
 * recordTitle("contact", { givenName: "Petra", familyName: "Peters" }); // "Petra Peters"
 */
export function recordTitle(
  name: EntityName,
  record: Readonly<Record<string, unknown>> | undefined,
  locale: Locale = "de",
): string {
  if (!record) return "";
  const def = entities[name];
  const shape = objectShape(def.Record);
  const parts = def.titleFields
    .map((field) => {
      const value = record[field];
      if (value === undefined || value === null || value === "") return "";
      const enumId = enumIdOf(shape[field]);
      return enumId ? labelOf(enumId, String(value), locale) : String(value);
    })
    .filter(Boolean);
  return parts.length ? parts.join(def.titleSeparator ?? " ") : String(record.id ?? "");
}

/**
 * The figures derived from a record on a date, or undefined for an entity without figures.
 *
 * @example
 * figuresOf("region", osterodeRegion, "2026-01-01"); // { populationDensity: 116.9 }
 */
export function figuresOf<N extends EntityName>(
  name: N,
  record: EntityRecord<N>,
  asOf: string,
): EntityFiguresOf<N> | undefined {
  const figures = entities[name].figures as
    | EntityFigures<z.ZodType<EntityRecord<N>>, z.ZodType<EntityFiguresOf<N>>>
    | undefined;
  return figures?.compute(record, asOf);
}

/** A record with its figures on a date, as the API serves it. */
export function viewOf<N extends EntityName>(name: N, record: EntityRecord<N>, asOf: string): EntityView<N> {
  const figures = figuresOf(name, record, asOf);
  return (figures === undefined ? record : { ...record, figures }) as EntityView<N>;
}

/** What a create of an entity parses to (defaults applied). */
export type EntityCreated<N extends EntityName> = z.output<(typeof entities)[N]["Create"]>;

/**
 * The Create schema of an entity, typed by the entity for generic code (an API route written once
 * for every entity still tells its clients each entity's own input).
 */
export function createSchemaOf<N extends EntityName>(name: N): z.ZodType<EntityCreated<N>, EntityCreate<N>> {
  return entities[name].Create as z.ZodType as z.ZodType<EntityCreated<N>, EntityCreate<N>>;
}

/** The Patch schema of an entity, typed by the entity for generic code. */
export function patchSchemaOf<N extends EntityName>(
  name: N,
): z.ZodType<z.output<(typeof entities)[N]["Patch"]>, EntityPatch<N>> {
  return entities[name].Patch as z.ZodType as z.ZodType<
    z.output<(typeof entities)[N]["Patch"]>,
    EntityPatch<N>
  >;
}

const viewSchemas = new Map<EntityName, z.ZodType>();

/**
 * The schema of a record as the API serves it: the Record schema, or for an entity with figures
 * the record's fields plus `figures` (named `<Record>WithFigures` in OpenAPI).
 */
export function viewSchema<N extends EntityName>(name: N): z.ZodType<EntityView<N>> {
  let schema = viewSchemas.get(name);
  if (!schema) {
    const def = entities[name];
    const figures = def.figures as EntityFigures | undefined;
    if (!figures) schema = def.Record;
    else {
      const id = zod.globalRegistry.get(def.Record)?.id ?? name;
      schema = zod
        .strictObject({ ...objectShape(def.Record), figures: figures.schema })
        .meta({ id: `${String(id)}WithFigures` });
    }
    viewSchemas.set(name, schema);
  }
  return schema as z.ZodType<EntityView<N>>;
}

/**
 * The error of an edit that named a version that is no longer the current one: a stale `If-Match`
 * (412). It carries the record as it is now, so a client can show what the other person changed.
 */
export function staleVersionError<T>(
  name: EntityName,
  id: string,
  expected: number,
  actual: number,
  current: T,
  locale: Locale = "de",
): DomainError & { readonly current: T } {
  const label = entities[name].label;
  const texts = text(
    `${label.de} ${id} wurde inzwischen geändert (Version ${actual}, erwartet ${expected}). Bitte die neue Fassung prüfen.`,
    `${label.en} ${id} has been changed in the meantime (version ${actual}, expected ${expected}). Please review the new version.`,
  );
  return { code: "precondition_failed", message: texts[locale], current };
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

/**
 * A network as a schema: every entity's records as its record schema says. It documents what
 * carries a whole network on the wire (the tenant bundle) and checks one on the way in.
 */
export const NetworkSchema = zod
  .strictObject(
    Object.fromEntries(entityNames.map((name) => [name, zod.array(entities[name].Record)])) as {
      [N in EntityName]: zod.ZodArray<(typeof entities)[N]["Record"]>;
    },
  )
  .meta({ id: "Network" });

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

/** How a top-level field of an entity is edited in a generic form (see {@link editableFields}). */
export interface EditableField {
  readonly field: string;
  readonly kind:
    | "text"
    | "textarea"
    | "email"
    | "url"
    | "date"
    | "datetime"
    | "integer"
    | "number"
    | "boolean"
    | "enum"
    | "enumList"
    | "ref"
    | "refList"
    | "stringList";
  readonly enumId?: EnumId;
  readonly ref?: EntityName;
}

const editableCache = new Map<EntityName, readonly EditableField[]>();

function editableKind(schema: z.ZodType): Omit<EditableField, "field"> | undefined {
  const inner = unwrapAll(schema) as Walkable & { format?: string | null; maxLength?: number | null };
  const type = inner.def.type;
  const enumId = enumIdOf(inner);
  if (type === "enum") return enumId ? { kind: "enum", enumId } : undefined;
  if (type === "boolean") return { kind: "boolean" };
  if (type === "number") {
    const format = inner.format ?? "";
    return { kind: format.includes("int") ? "integer" : "number" };
  }
  if (type === "string") {
    const format = inner.format ?? "";
    if (format === "email") return { kind: "email" };
    if (format === "url") return { kind: "url" };
    if (format === "date") return { kind: "date" };
    if (format === "datetime") return { kind: "datetime" };
    const max = inner.maxLength ?? 0;
    return { kind: max > 300 ? "textarea" : "text" };
  }
  if (type === "array") {
    const element = (inner.def as unknown as { element: z.ZodType }).element;
    const item = editableKind(element);
    if (item?.kind === "enum" && item.enumId) return { kind: "enumList", enumId: item.enumId };
    if (item?.kind === "text") return { kind: "stringList" };
  }
  return undefined;
}

/**
 * The top-level fields of an entity a generic form can edit, in the schema's order, with how
 * each is edited: texts, dates, numbers, yes/no, labelled enums, references to other records (by
 * the id's prefix) and lists of them. Nested structures (lists of objects) are left to dedicated
 * screens or commands. Fields written only by commands are left out for entities written by
 * commands.
 *
 * @example
 * editableFields("fundingProgramme").map((f) => `${f.field}:${f.kind}`); // ["name:text", "funder:text", …]
 */
export function editableFields(name: EntityName): readonly EditableField[] {
  const cached = editableCache.get(name);
  if (cached) return cached;
  const refs = new Map<string, { target: EntityName; list: boolean }>();
  for (const site of referenceSites(name)) {
    const [field, rest] = site.path;
    if (!field || site.target === "*") continue;
    if (site.path.length === 1) refs.set(field, { target: site.target, list: false });
    else if (site.path.length === 2 && rest === "*") refs.set(field, { target: site.target, list: true });
  }
  const fields: EditableField[] = [];
  for (const [field, schema] of Object.entries(objectShape(entities[name].Create))) {
    const ref = refs.get(field);
    if (ref) {
      fields.push({ field, kind: ref.list ? "refList" : "ref", ref: ref.target });
      continue;
    }
    const kind = editableKind(schema);
    if (kind) fields.push({ field, ...kind });
  }
  editableCache.set(name, fields);
  return fields;
}
