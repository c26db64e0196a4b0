import { z } from "zod";
import { findOverlaps } from "../analytics/overlaps.js";
import { type Locale, type LocalizedText, text } from "../common/i18n.js";
import { type DomainError, err, type IssueDetail, ok, type Result } from "../common/result.js";
import { validate } from "../common/validation.js";
import { type Actor, type ActorCreate, Address } from "../model/actor.js";
import { createRecord, type Network } from "../model/entities.js";
import {
  IabeSector,
  type Measure,
  MeasureCategory,
  type MeasureCreate,
  type MeasureStatus,
  type ScheduleKind,
  ScheduleKind as ScheduleKindSchema,
  TargetGroup,
} from "../model/measure.js";
import { HsdsService, ohaTaxonomy, ohaTaxonomyName } from "./hsds.js";

/** A part of an imported HSDS record that OHA did not take, or took only in part, and why. */
export interface HsdsFieldNote {
  /** Where it is in the service record (`service_at_locations.0.location.addresses.0`). */
  readonly path: string;
  /** The original value, so nothing is lost even when OHA cannot keep it. */
  readonly value: unknown;
  readonly reason: LocalizedText;
}

/** Who provides an imported offer: an actor the district has, or a new one the import creates. */
export type HsdsProvider =
  | { readonly match: "existing"; readonly actorId: string; readonly name: string }
  | { readonly match: "new"; readonly actorId: string; readonly name: string };

/** A likely duplicate of an imported offer among the district's measures (the overlap finder's view). */
export interface HsdsDuplicate {
  readonly measureId: string;
  readonly title: string;
  readonly score: number;
}

/** What the import makes of one HSDS service. */
export interface HsdsImportItem {
  /** Position of the service in the input. */
  readonly index: number;
  readonly sourceId?: string | undefined;
  readonly name?: string | undefined;
  /** False when the service cannot become a measure; `errors` say why, nothing of it is written. */
  readonly ok: boolean;
  readonly errors?: readonly IssueDetail[];
  /** The draft measure (not public, for a coordinator to check and publish). */
  readonly measure?: Measure;
  readonly provider?: HsdsProvider;
  /** The HSDS fields that went into OHA fields as they were. */
  readonly mapped: readonly string[];
  /** Fields that went in changed (shortened, capped, defaulted), with the original value. */
  readonly adjusted: readonly HsdsFieldNote[];
  /** Fields OHA could not map, with the original value: the "could not be mapped" report. */
  readonly unmapped: readonly HsdsFieldNote[];
  /** Existing measures that look like the same offer. */
  readonly duplicates: readonly HsdsDuplicate[];
}

/** The result of planning an HSDS import: one item per service, and the records to write. */
export interface HsdsImportPlan {
  readonly items: readonly HsdsImportItem[];
  /** The records to write for the services that can be imported: new providers and draft measures. */
  readonly records: { readonly actor: Actor[]; readonly measure: Measure[] };
  readonly summary: {
    readonly services: number;
    readonly importable: number;
    readonly failed: number;
    readonly newProviders: number;
    readonly possibleDuplicates: number;
  };
}

/** How to plan an HSDS import into a district. */
export interface HsdsImportOptions {
  /** The importing district's records (its region, actors and measures are read). */
  readonly network: Network;
  readonly regionId: string;
  /** The start of offers whose records name none (`YYYY-MM-DD`, usually today). */
  readonly today: string;
  /** The time stamp of the new records (ISO instant). */
  readonly now: string;
  /** The provider for services that name no organization (otherwise such a service is refused). */
  readonly fallbackProviderActorId?: string;
  readonly locale?: Locale;
}

const reasons = {
  notModelled: text("OHA hat dafür kein Feld.", "OHA has no field for this."),
  ownId: text("OHA gibt dem Angebot eine eigene Kennung.", "OHA gives the offer an id of its own."),
  ownTimestamps: text("OHA führt eigene Änderungszeitpunkte.", "OHA keeps its own change times."),
  eligibility: text(
    "OHA führt Zielgruppen als Begriffe seiner Taxonomie; die Beschreibung bitte in Zielgruppen übertragen.",
    "OHA keeps target groups as terms of its taxonomy; please turn the description into target groups.",
  ),
  shortened: (max: number) => text(`Auf ${max} Zeichen gekürzt.`, `Shortened to ${max} characters.`),
  capped: text("Auf den Bereich 0–99 begrenzt.", "Limited to the range 0–99."),
  ageDefault: text(
    "Nur eine Altersgrenze angegeben; die andere ist 0 bzw. 99.",
    "Only one age limit given; the other is 0 or 99.",
  ),
  noStart: text(
    "Kein Beginn angegeben; als Beginn gilt der Tag des Imports.",
    "No start given; the day of the import is taken as the start.",
  ),
  endBeforeStart: text("Das Ende liegt vor dem Beginn.", "The end lies before the start."),
  secondSchedule: text(
    "OHA führt einen Zeitplan je Angebot; übernommen wurde der erste.",
    "OHA keeps one schedule per offer; the first was taken.",
  ),
  secondLocation: text(
    "OHA führt einen Ort je Angebot; übernommen wurde der erste.",
    "OHA keeps one place per offer; the first was taken.",
  ),
  notGerman: text(
    "Keine deutsche Anschrift (fünfstellige Postleitzahl in Deutschland).",
    "Not a German address (five-digit postal code in Germany).",
  ),
  unknownArea: text(
    "Kein Gemeindeschlüssel und keine Gemeinde des Landkreises.",
    "Neither a municipality key nor a municipality of the district.",
  ),
  invalid: text("Der Wert ist ungültig.", "The value is not valid."),
  status: text(
    "„temporarily closed“ wird als laufend übernommen.",
    "“temporarily closed” is taken as running.",
  ),
  noCategory: text(
    "Keine Kategorie aus der OHA-Taxonomie; gesetzt auf „Sonstiges Angebot“.",
    "No category from the OHA taxonomy; set to “Other offer”.",
  ),
  otherTaxonomy: text(
    "Begriff einer anderen Taxonomie; OHA ordnet Angebote nach seiner eigenen.",
    "A term of another taxonomy; OHA classifies offers by its own.",
  ),
  providerKind: text(
    "Neuer Anbieter; die Art des Akteurs ist unbekannt und auf „Sonstige“ gesetzt.",
    "New provider; its kind of actor is unknown and set to “Other”.",
  ),
} as const;

const noProvider = text(
  "Der Dienst nennt keine Organisation als Anbieter.",
  "The service names no organization as its provider.",
);

type Json = unknown;

/** The services of an import input: one service, a list of them, or an HSDS page (`contents`). */
function servicesOf(input: Json): unknown[] | undefined {
  if (Array.isArray(input)) return input;
  if (input && typeof input === "object") {
    const contents = (input as { contents?: unknown }).contents;
    if (Array.isArray(contents)) return contents;
    return [input];
  }
  return undefined;
}

const isDate = (value: unknown): value is string =>
  typeof value === "string" && z.iso.date().safeParse(value).success;
const germanCountries = new Set(["de", "deu", "germany", "deutschland"]);
const normal = (value: string) => value.trim().toLocaleLowerCase("de").replace(/\s+/g, " ");

/** Tracks which leaves of the input were used, to report the rest. */
class Ledger {
  readonly mapped = new Set<string>();
  readonly adjusted: HsdsFieldNote[] = [];
  readonly notes = new Map<string, LocalizedText>();
  use(...paths: string[]) {
    for (const p of paths) this.mapped.add(p);
  }
  adjust(path: string, value: unknown, reason: LocalizedText) {
    // "(from)"-style paths name an OHA field the record had no value for; they are not in the input.
    if (!path.startsWith("(")) this.mapped.add(path);
    this.adjusted.push({ path, value, reason });
  }
  note(path: string, reason: LocalizedText) {
    this.notes.set(path, reason);
  }
  /** The parts of `value` that no used path covers, as the largest untouched subtrees. */
  unmapped(value: Json, path = ""): HsdsFieldNote[] {
    if (path && this.mapped.has(path)) return [];
    // Descend where something below was used, or where a note explains a part below.
    const below = (p: string) => p.startsWith(`${path}.`) || (path === "" && p !== "");
    const touched = [...this.mapped].some(below) || [...this.notes.keys()].some(below);
    if (!touched || value === null || typeof value !== "object") {
      if (path === "") return [];
      return [{ path, value, reason: this.reasonFor(path) }];
    }
    const entries = Array.isArray(value)
      ? value.map((v, i) => [String(i), v] as const)
      : Object.entries(value);
    return entries.flatMap(([key, v]) => this.unmapped(v, path ? `${path}.${key}` : key));
  }
  private reasonFor(path: string): LocalizedText {
    for (let p = path; p; p = p.includes(".") ? p.slice(0, p.lastIndexOf(".")) : "") {
      const reason = this.notes.get(p);
      if (reason) return reason;
    }
    return reasons.notModelled;
  }
}

function str(value: unknown): string | undefined {
  return typeof value === "string" && value.trim() ? value.trim() : undefined;
}

function cut(ledger: Ledger, path: string, value: string, max: number): string {
  if (value.length <= max) {
    ledger.use(path);
    return value;
  }
  ledger.adjust(path, value, reasons.shortened(max));
  return `${value.slice(0, max - 1)}…`;
}

function valid<S extends z.ZodType>(schema: S, value: unknown): value is z.output<S> {
  return schema.safeParse(value).success;
}

const ohaTerms = (() => {
  const { terms } = ohaTaxonomy();
  return new Map(terms.map((t) => [t.id, t.code ?? ""]));
})();

interface ProviderContext {
  readonly byName: Map<string, Actor>;
  readonly byWebsite: Map<string, Actor>;
  readonly created: Map<string, Actor>;
}

function germanAddress(
  ledger: Ledger,
  raw: Record<string, unknown>,
  path: string,
  municipalityKey: string | undefined,
): z.output<typeof Address> | undefined {
  const country = str(raw.country);
  const postalCode = str(raw.postal_code);
  const city = str(raw.city);
  if (
    !postalCode ||
    !/^\d{5}$/.test(postalCode) ||
    !city ||
    (country && !germanCountries.has(normal(country)))
  ) {
    ledger.note(path, reasons.notGerman);
    return undefined;
  }
  const street = [str(raw.address_1), str(raw.address_2)].filter(Boolean).join(", ");
  const address = {
    ...(street ? { street: street.slice(0, 200) } : {}),
    postalCode,
    locality: city,
    ...(municipalityKey ? { municipalityKey } : {}),
  };
  if (!valid(Address, address)) {
    ledger.note(path, reasons.invalid);
    return undefined;
  }
  ledger.use(`${path}.postal_code`, `${path}.city`, `${path}.id`, `${path}.address_type`);
  if (str(raw.address_1)) ledger.use(`${path}.address_1`);
  if (str(raw.address_2)) ledger.use(`${path}.address_2`);
  if (country) ledger.use(`${path}.country`);
  if (raw.location_id !== undefined) ledger.use(`${path}.location_id`);
  return address;
}

function resolveProvider(
  ledger: Ledger,
  service: Record<string, unknown>,
  organizations: ReadonlyMap<string, Record<string, unknown>>,
  context: ProviderContext,
  options: HsdsImportOptions,
): Result<{ provider: HsdsProvider; created?: Actor }, IssueDetail> {
  const embedded = service.organization as Record<string, unknown> | undefined;
  const byId =
    typeof service.organization_id === "string" ? organizations.get(service.organization_id) : undefined;
  const org = embedded ?? byId;
  const path = embedded ? "organization" : "organization_id";
  if (!org || !str(org.name)) {
    if (options.fallbackProviderActorId) {
      const actor = options.network.actor.find((a) => a.id === options.fallbackProviderActorId);
      if (actor) {
        if (service.organization_id !== undefined) ledger.use("organization_id");
        return ok({ provider: { match: "existing", actorId: actor.id, name: actor.name } });
      }
    }
    const message = noProvider;
    return err({
      path,
      code: "provider_missing",
      message: message[options.locale ?? "de"],
      messages: message,
    });
  }
  const name = str(org.name) as string;
  const website = str(org.website);
  const known =
    context.byName.get(normal(name)) ?? (website ? context.byWebsite.get(normal(website)) : undefined);
  if (service.organization_id !== undefined) ledger.use("organization_id");
  if (known) {
    if (embedded) ledger.use("organization");
    return ok({ provider: { match: "existing", actorId: known.id, name: known.name } });
  }
  const again = context.created.get(normal(name));
  if (again) {
    if (embedded) ledger.use("organization");
    return ok({ provider: { match: "new", actorId: again.id, name: again.name } });
  }
  const prefix = embedded ? "organization" : undefined;
  const at = (field: string) => (prefix ? `${prefix}.${field}` : undefined);
  const track = (field: string) => {
    const p = at(field);
    if (p) ledger.use(p);
  };
  const input: ActorCreate = { name: name.slice(0, 300), kind: "other" };
  track("name");
  track("id");
  const alternate = str(org.alternate_name);
  if (alternate && alternate.length <= 60) {
    input.shortName = alternate;
    track("alternate_name");
  }
  const description = str(org.description);
  if (description) {
    input.description = description;
    track("description");
  }
  const email = str(org.email);
  if (email && valid(z.email(), email)) {
    input.email = email;
    track("email");
  }
  if (website && valid(z.httpUrl(), website)) {
    input.website = website;
    track("website");
  }
  const phones = Array.isArray(org.phones) ? (org.phones as Record<string, unknown>[]) : [];
  const phone = str(phones[0]?.number);
  if (phone && phone.length >= 3 && phone.length <= 60) {
    input.phone = phone;
    track("phones.0.number");
    track("phones.0.id");
  }
  ledger.adjust("(provider.kind)", name, reasons.providerKind);
  const created = createRecord("actor", input, options.now, { locale: options.locale ?? "de" });
  if (!created.ok) {
    const detail = created.error.details?.[0];
    const message = noProvider;
    return err(
      detail ?? {
        path,
        code: "provider_missing",
        message: message[options.locale ?? "de"],
        messages: message,
      },
    );
  }
  context.created.set(normal(name), created.value);
  return ok({ provider: { match: "new", actorId: created.value.id, name }, created: created.value });
}

/**
 * Plans the import of Open Referral HSDS services (one service, a list of them, or an HSDS page with
 * `contents`) as draft measures of a district: not public and `planned` unless the record says it
 * runs, for a coordinator to check and publish. Every field of each service is accounted for: it
 * went into an OHA field as it was (`mapped`), went in changed (`adjusted`, with the original
 * value), or could not be mapped (`unmapped`, with the original value and why). Providers are found
 * among the district's actors by name or website, otherwise created (kind "other"). Each draft is
 * checked against the district's measures by the overlap finder for likely duplicates. Pure: the
 * caller writes `records`.
 *
 * @example
 * const plan = planHsdsImport(hsdsPage, { network, regionId, today: "2025-03-01", now: new Date().toISOString() });
 * if (plan.ok) for (const item of plan.value.items) console.log(item.name, item.unmapped.map((u) => u.path));
 */
export function planHsdsImport(
  input: unknown,
  options: HsdsImportOptions,
): Result<HsdsImportPlan, DomainError> {
  const locale = options.locale ?? "de";
  const services = servicesOf(input);
  if (!services) {
    const message = text(
      "Erwartet wird ein HSDS-Dienst, eine Liste davon oder eine HSDS-Seite mit „contents“.",
      "Expected an HSDS service, a list of them, or an HSDS page with “contents”.",
    );
    return err({ code: "validation_failed", message: message[locale], details: [] });
  }
  const region = options.network.region.find((r) => r.id === options.regionId);
  const municipalities = new Map((region?.municipalities ?? []).map((m) => [normal(m.name), m.ags]));
  const liveActors = options.network.actor.filter((a) => !a.deleted);
  const context: ProviderContext = {
    byName: new Map(liveActors.map((a) => [normal(a.name), a])),
    byWebsite: new Map(liveActors.filter((a) => a.website).map((a) => [normal(a.website as string), a])),
    created: new Map(),
  };
  // Organizations given beside the services (an HSDS export with separate lists) by id.
  const organizations = new Map<string, Record<string, unknown>>();
  for (const s of services) {
    const org = (s as { organization?: Record<string, unknown> } | null)?.organization;
    if (org && typeof org.id === "string") organizations.set(org.id, org);
  }

  const items: HsdsImportItem[] = [];
  const actors: Actor[] = [];
  const measures: Measure[] = [];
  services.forEach((raw, index) => {
    const parsed = validate(HsdsService, raw, locale);
    const record = (raw ?? {}) as Record<string, unknown>;
    const base = { index, sourceId: str(record.id), name: str(record.name) };
    if (!parsed.ok) {
      items.push({
        ...base,
        ok: false,
        errors: parsed.error.details ?? [],
        mapped: [],
        adjusted: [],
        unmapped: [],
        duplicates: [],
      });
      return;
    }
    const ledger = new Ledger();
    ledger.note("id", reasons.ownId);
    ledger.note("last_modified", reasons.ownTimestamps);
    ledger.note("eligibility_description", reasons.eligibility);
    const measure = mapService(ledger, record, municipalities, options);
    const provider = resolveProvider(ledger, record, organizations, context, options);
    if (!provider.ok) {
      items.push({
        ...base,
        ok: false,
        errors: [provider.error],
        mapped: [...ledger.mapped].sort(),
        adjusted: ledger.adjusted,
        unmapped: ledger.unmapped(record),
        duplicates: [],
      });
      return;
    }
    const made = createRecord(
      "measure",
      { ...measure, providerActorId: provider.value.provider.actorId },
      options.now,
      {
        locale,
      },
    );
    if (!made.ok) {
      items.push({
        ...base,
        ok: false,
        errors: made.error.details ?? [],
        mapped: [...ledger.mapped].sort(),
        adjusted: ledger.adjusted,
        unmapped: ledger.unmapped(record),
        duplicates: [],
      });
      return;
    }
    if (provider.value.created) actors.push(provider.value.created);
    measures.push(made.value);
    items.push({
      ...base,
      ok: true,
      measure: made.value,
      provider: provider.value.provider,
      mapped: [...ledger.mapped].sort(),
      adjusted: ledger.adjusted,
      unmapped: ledger.unmapped(record),
      duplicates: [],
    });
  });

  // The duplicate check: the overlap finder over the district's measures and the drafts.
  const existing = options.network.measure.filter((m) => !m.deleted);
  const titles = new Map(existing.map((m) => [m.id as string, m.title]));
  const drafts = new Set(measures.map((m) => m.id as string));
  const duplicates = new Map<string, HsdsDuplicate[]>();
  if (measures.length && existing.length) {
    const found = findOverlaps([...existing, ...measures], { requireSharedArea: false });
    for (const pair of found.pairs) {
      const [a, b] = pair.measureIds;
      const draft = drafts.has(a) ? a : drafts.has(b) ? b : undefined;
      const other = draft === a ? b : a;
      if (!draft || drafts.has(other)) continue;
      const list = duplicates.get(draft) ?? [];
      list.push({ measureId: other, title: titles.get(other) ?? other, score: pair.score });
      duplicates.set(draft, list);
    }
  }
  const withDuplicates = items.map((item) =>
    item.measure && duplicates.has(item.measure.id)
      ? { ...item, duplicates: (duplicates.get(item.measure.id) ?? []).sort((x, y) => y.score - x.score) }
      : item,
  );
  return ok({
    items: withDuplicates,
    records: { actor: actors, measure: measures },
    summary: {
      services: items.length,
      importable: measures.length,
      failed: items.length - measures.length,
      newProviders: actors.length,
      possibleDuplicates: withDuplicates.filter((i) => i.duplicates.length > 0).length,
    },
  });
}

const statusFromHsds: Record<string, MeasureStatus> = {
  active: "running",
  inactive: "planned",
  defunct: "completed",
  "temporarily closed": "running",
};

function mapService(
  ledger: Ledger,
  s: Record<string, unknown>,
  municipalities: ReadonlyMap<string, string>,
  options: HsdsImportOptions,
): Omit<MeasureCreate, "providerActorId"> {
  const out: Omit<MeasureCreate, "providerActorId"> & Record<string, unknown> = {
    title: cut(ledger, "name", str(s.name) ?? "", 300),
    category: "other",
    from: options.today,
    public: false,
  };
  // A description is taken as it is, spaces included.
  const description = typeof s.description === "string" && s.description.trim() ? s.description : undefined;
  if (description) out.description = cut(ledger, "description", description, 20_000);
  const url = str(s.url);
  if (url) {
    if (valid(z.httpUrl(), url)) {
      out.url = url;
      ledger.use("url");
    } else ledger.note("url", reasons.invalid);
  }
  const email = str(s.email);
  if (email) {
    if (valid(z.email(), email)) {
      out.contactEmail = email;
      ledger.use("email");
    } else ledger.note("email", reasons.invalid);
  }
  const status = typeof s.status === "string" ? statusFromHsds[s.status] : undefined;
  if (status) {
    out.status = status;
    if (s.status === "temporarily closed") ledger.adjust("status", s.status, reasons.status);
    else ledger.use("status");
  }

  // Ages: OHA keeps whole years 0–99.
  const minAge = typeof s.minimum_age === "number" ? s.minimum_age : undefined;
  const maxAge = typeof s.maximum_age === "number" ? s.maximum_age : undefined;
  if (minAge !== undefined || maxAge !== undefined) {
    const clamp = (v: number) => Math.min(99, Math.max(0, Math.round(v)));
    const min = clamp(minAge ?? 0);
    const max = clamp(maxAge ?? 99);
    if (min <= max) {
      out.ages = { min, max };
      for (const [field, value] of [
        ["minimum_age", minAge],
        ["maximum_age", maxAge],
      ] as const) {
        if (value === undefined) continue;
        if (clamp(value) !== value) ledger.adjust(field, value, reasons.capped);
        else if (minAge === undefined || maxAge === undefined)
          ledger.adjust(field, value, reasons.ageDefault);
        else ledger.use(field);
      }
    } else ledger.note("minimum_age", reasons.invalid);
  }
  const assured = s.assured_date;
  if (isDate(assured)) {
    out.lastVerifiedAt = `${assured}T00:00:00Z`;
    ledger.use("assured_date");
  }
  const assurer = str(s.assurer_email);
  if (assurer && assurer.length <= 200) {
    out.lastVerifiedBy = assurer;
    ledger.use("assurer_email");
  }

  // Schedule: the first one gives period, rhythm and note.
  const schedules = Array.isArray(s.schedules) ? (s.schedules as Record<string, unknown>[]) : [];
  const schedule = schedules[0];
  let fromSet = false;
  if (schedule) {
    const p = (f: string) => `schedules.0.${f}`;
    ledger.use(p("id"));
    if (schedule.service_id !== undefined) ledger.use(p("service_id"));
    const own = schedule["oha:schedule"];
    if (valid(ScheduleKindSchema, own)) {
      out.schedule = own as ScheduleKind;
      ledger.use(p("oha:schedule"));
      if (schedule.freq !== undefined) ledger.use(p("freq"));
      if (schedule.interval !== undefined) ledger.use(p("interval"));
    } else if (schedule.freq === "WEEKLY" || schedule.freq === "MONTHLY") {
      out.schedule = schedule.freq === "WEEKLY" ? "weekly" : "monthly";
      ledger.use(p("freq"));
      if (schedule.interval === 1) ledger.use(p("interval"));
    }
    const start = isDate(schedule.valid_from)
      ? "valid_from"
      : isDate(schedule.dtstart)
        ? "dtstart"
        : undefined;
    if (start) {
      out.from = schedule[start] as string;
      fromSet = true;
      ledger.use(p(start));
      if (start === "valid_from" && schedule.dtstart === schedule.valid_from) ledger.use(p("dtstart"));
    }
    const end = isDate(schedule.valid_to) ? "valid_to" : isDate(schedule.until) ? "until" : undefined;
    if (end) {
      if ((schedule[end] as string) >= out.from) {
        out.to = schedule[end] as string;
        ledger.use(p(end));
      } else ledger.note(p(end), reasons.endBeforeStart);
    }
    const note = str(schedule.description);
    if (note) out.scheduleNote = cut(ledger, p("description"), note, 300);
    for (let i = 1; i < schedules.length; i++) ledger.note(`schedules.${i}`, reasons.secondSchedule);
  }
  if (!fromSet) ledger.adjust("(from)", null, reasons.noStart);

  // Areas served: municipality keys, or municipalities of the district by name; the district itself is "all".
  const areas = Array.isArray(s.service_areas) ? (s.service_areas as Record<string, unknown>[]) : [];
  const served: string[] = [];
  areas.forEach((area, i) => {
    const p = (f: string) => `service_areas.${i}.${f}`;
    const extent = str(area.extent);
    const byName = str(area.name) ? municipalities.get(normal(str(area.name) as string)) : undefined;
    const ags = extent && /^\d{8}$/.test(extent) ? extent : byName;
    const wholeDistrict = area.extent_type === "district_key";
    if (!ags && !wholeDistrict) {
      ledger.note(`service_areas.${i}`, reasons.unknownArea);
      return;
    }
    if (ags && !served.includes(ags)) served.push(ags);
    ledger.use(p("id"));
    for (const f of ["name", "extent", "extent_type", "description", "service_id"])
      if (area[f] !== undefined) ledger.use(p(f));
  });
  if (served.length) out.areaServed = served;

  // Place: the first location's first German address.
  const atLocations = Array.isArray(s.service_at_locations)
    ? (s.service_at_locations as Record<string, unknown>[])
    : [];
  atLocations.forEach((sal, i) => {
    if (i > 0) {
      ledger.note(`service_at_locations.${i}`, reasons.secondLocation);
      return;
    }
    const location = sal.location as Record<string, unknown> | undefined;
    const addresses = Array.isArray(location?.addresses)
      ? (location?.addresses as Record<string, unknown>[])
      : [];
    const first = addresses[0];
    if (!location || !first) return;
    const key =
      location.external_identifier_type === "AGS" && typeof location.external_identifier === "string"
        ? location.external_identifier
        : undefined;
    const address = germanAddress(ledger, first, `service_at_locations.${i}.location.addresses.0`, key);
    if (address) {
      out.location = address;
      ledger.use(`service_at_locations.${i}.id`, `service_at_locations.${i}.location.id`);
      for (const f of ["location_type", "service_id", "location_id"]) {
        if (sal[f] !== undefined) ledger.use(`service_at_locations.${i}.${f}`);
        if (location[f] !== undefined) ledger.use(`service_at_locations.${i}.location.${f}`);
      }
      if (key)
        ledger.use(
          `service_at_locations.${i}.location.external_identifier`,
          `service_at_locations.${i}.location.external_identifier_type`,
        );
    }
  });

  // Funding: sources as text.
  const funding = Array.isArray(s.funding) ? (s.funding as Record<string, unknown>[]) : [];
  const shares: { source: string }[] = [];
  funding.forEach((f, i) => {
    const source = str(f.source);
    if (!source) return;
    shares.push({ source: cut(ledger, `funding.${i}.source`, source, 200) });
    ledger.use(`funding.${i}.id`);
    if (f.service_id !== undefined) ledger.use(`funding.${i}.service_id`);
  });
  if (shares.length) out.funding = shares;

  // Classification: terms of OHA's own taxonomy.
  const attributes = Array.isArray(s.attributes) ? (s.attributes as Record<string, unknown>[]) : [];
  const groups: z.output<typeof TargetGroup>[] = [];
  let category: z.output<typeof MeasureCategory> | undefined;
  attributes.forEach((attribute, i) => {
    const term = attribute.taxonomy_term as Record<string, unknown> | undefined;
    const termIdValue = str(attribute.taxonomy_term_id) ?? str(term?.id);
    const taxonomy =
      str(term?.taxonomy) ?? str((term?.taxonomy_detail as Record<string, unknown> | undefined)?.name);
    const code =
      (termIdValue ? ohaTerms.get(termIdValue) : undefined) ??
      (taxonomy === ohaTaxonomyName ? str(term?.code) : undefined);
    const [facet, value] = (code ?? "").split(":");
    let used = true;
    if (facet === "category" && valid(MeasureCategory, value)) category = value;
    else if (facet === "target_group" && valid(TargetGroup, value)) {
      if (!groups.includes(value)) groups.push(value);
    } else if (facet === "iabe_sector" && valid(IabeSector, value)) out.iabeSector = value;
    else used = false;
    if (used) ledger.use(`attributes.${i}`);
    else ledger.note(`attributes.${i}`, reasons.otherTaxonomy);
  });
  if (category) out.category = category;
  else ledger.adjust("(category)", null, reasons.noCategory);
  if (groups.length) out.targetGroups = groups;
  return out;
}
