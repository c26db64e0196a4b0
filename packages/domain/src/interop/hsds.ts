import { v5 as uuidv5 } from "uuid";
import { z } from "zod";
import { text } from "../common/i18n.js";
import type { Actor } from "../model/actor.js";
import type { Network } from "../model/entities.js";
import { labels } from "../model/labels.js";
import {
  IabeSector,
  isPublished,
  type Measure,
  MeasureCategory,
  type MeasureStatus,
  TargetGroup,
} from "../model/measure.js";
import { currentKey, type Region } from "../model/region.js";
import { byKey, compact, FilterInstant, federalStates } from "./common.js";

/** The HSDS version OHA speaks. */
export const hsdsVersion = "3.0";
/** The namespace of OHA's name-based (version 5) UUIDs for HSDS ids. */
export const hsdsNamespace = "29562ff6-a521-4f02-9e08-4862a6cd516c";

/**
 * The HSDS id (a version 5 UUID) of something OHA keeps: the same OHA record always gets the same
 * id, so another directory can recognise it on its next import.
 *
 * @example
 * hsdsId("service", "msr_0123456789ab"); // the same UUID on every export
 */
export function hsdsId(kind: string, ...parts: readonly (string | number)[]): string {
  const name = `oha:${kind}:${parts.join(":")}`;
  let id = idCache.get(name);
  if (id === undefined) {
    // Every request of the HSDS API derives the same ids again: remember them, within a bound.
    if (idCache.size >= idCacheLimit) idCache.clear();
    id = uuidv5(name, hsdsNamespace);
    idCache.set(name, id);
  }
  return id;
}

const idCache = new Map<string, string>();
const idCacheLimit = 200_000;

/** The name of OHA's own taxonomy of measures, as its HSDS `taxonomy` and `taxonomy_term.taxonomy`. */
export const ohaTaxonomyName = "OHA";

/** The facets of OHA's taxonomy: each enum becomes a top-level term with one child per value. */
const facets = {
  category: {
    enumId: "MeasureCategory",
    values: MeasureCategory.options,
    name: text("Maßnahmenkategorie", "Measure category"),
  },
  target_group: {
    enumId: "TargetGroup",
    values: TargetGroup.options,
    name: text("Zielgruppe", "Target group"),
  },
  iabe_sector: {
    enumId: "IabeSector",
    values: IabeSector.options,
    name: text("iABE-Sektor", "iABE sector"),
  },
} as const;
type Facet = keyof typeof facets;

const Loose = z.looseObject({});

/** An HSDS `taxonomy`. */
export const HsdsTaxonomy = z
  .looseObject({
    id: z.string(),
    name: z.string(),
    description: z.string(),
    uri: z.string().optional(),
    version: z.string().optional(),
  })
  .meta({ id: "HsdsTaxonomy", description: "Open Referral HSDS 3.0 `taxonomy`." });
export type HsdsTaxonomy = z.infer<typeof HsdsTaxonomy>;

/** An HSDS `taxonomy_term`. */
export const HsdsTaxonomyTerm = z
  .looseObject({
    id: z.string(),
    code: z.string().optional(),
    name: z.string(),
    description: z.string(),
    parent_id: z.string().optional(),
    taxonomy: z.string().optional(),
    taxonomy_id: z.string().optional(),
    taxonomy_detail: HsdsTaxonomy.optional(),
    language: z.string().optional(),
  })
  .meta({ id: "HsdsTaxonomyTerm", description: "Open Referral HSDS 3.0 `taxonomy_term`." });
export type HsdsTaxonomyTerm = z.infer<typeof HsdsTaxonomyTerm>;

/** An HSDS `organization` (a provider of public measures). */
export const HsdsOrganization = z
  .looseObject({
    id: z.string(),
    name: z.string(),
    alternate_name: z.string().optional(),
    description: z.string(),
    email: z.string().optional(),
    website: z.string().optional(),
    phones: z.array(Loose).optional(),
    locations: z.array(Loose).optional(),
  })
  .meta({ id: "HsdsOrganization", description: "Open Referral HSDS 3.0 `organization`." });
export type HsdsOrganization = z.infer<typeof HsdsOrganization>;

/** An HSDS `address`. */
export const HsdsAddress = z
  .looseObject({
    id: z.string(),
    location_id: z.string().optional(),
    address_1: z.string(),
    city: z.string(),
    state_province: z.string(),
    postal_code: z.string(),
    country: z.string(),
    address_type: z.enum(["physical", "postal", "virtual"]),
  })
  .meta({ id: "HsdsAddress", description: "Open Referral HSDS 3.0 `address`." });

/** An HSDS `location`. */
export const HsdsLocation = z
  .looseObject({
    id: z.string(),
    location_type: z.enum(["physical", "postal", "virtual"]),
    name: z.string().optional(),
    organization_id: z.string().optional(),
    addresses: z.array(HsdsAddress).optional(),
  })
  .meta({ id: "HsdsLocation", description: "Open Referral HSDS 3.0 `location`." });
export type HsdsLocation = z.infer<typeof HsdsLocation>;

/** An HSDS `schedule`. */
export const HsdsSchedule = z
  .looseObject({
    id: z.string(),
    service_id: z.string().optional(),
    valid_from: z.string().optional(),
    valid_to: z.string().optional(),
    dtstart: z.string().optional(),
    freq: z.enum(["WEEKLY", "MONTHLY"]).optional(),
    interval: z.number().optional(),
    description: z.string().optional(),
  })
  .meta({ id: "HsdsSchedule", description: "Open Referral HSDS 3.0 `schedule`." });
export type HsdsSchedule = z.infer<typeof HsdsSchedule>;

/** An HSDS `service_area`. */
export const HsdsServiceArea = z
  .looseObject({
    id: z.string(),
    service_id: z.string().optional(),
    name: z.string().optional(),
    description: z.string().optional(),
    extent: z.string().optional(),
    extent_type: z.string().optional(),
  })
  .meta({ id: "HsdsServiceArea", description: "Open Referral HSDS 3.0 `service_area`." });
export type HsdsServiceArea = z.infer<typeof HsdsServiceArea>;

/** An HSDS `attribute`: links a service to a taxonomy term. */
export const HsdsAttribute = z
  .looseObject({
    id: z.string(),
    link_id: z.string().optional(),
    link_type: z.string().optional(),
    link_entity: z.string().optional(),
    taxonomy_term_id: z.string().optional(),
    value: z.string().optional(),
    taxonomy_term: HsdsTaxonomyTerm.optional(),
  })
  .meta({ id: "HsdsAttribute", description: "Open Referral HSDS 3.0 `attribute`." });

/** An HSDS `service_at_location`. */
export const HsdsServiceAtLocation = z
  .looseObject({
    id: z.string(),
    service_id: z.string().optional(),
    location_id: z.string().optional(),
    description: z.string().optional(),
    location: HsdsLocation.optional(),
  })
  .meta({ id: "HsdsServiceAtLocation", description: "Open Referral HSDS 3.0 `service_at_location`." });
export type HsdsServiceAtLocation = z.infer<typeof HsdsServiceAtLocation>;

/** An HSDS `service` (a public measure), fully nested. */
export const HsdsService = z
  .looseObject({
    id: z.string(),
    organization_id: z.string().optional(),
    name: z.string(),
    description: z.string().optional(),
    url: z.string().optional(),
    email: z.string().optional(),
    status: z.enum(["active", "inactive", "defunct", "temporarily closed"]),
    eligibility_description: z.string().optional(),
    minimum_age: z.number().optional(),
    maximum_age: z.number().optional(),
    assured_date: z.string().optional(),
    last_modified: z.string().optional(),
    organization: HsdsOrganization.optional(),
    schedules: z.array(HsdsSchedule).optional(),
    service_areas: z.array(HsdsServiceArea).optional(),
    service_at_locations: z.array(HsdsServiceAtLocation).optional(),
    funding: z.array(Loose).optional(),
    attributes: z.array(HsdsAttribute).optional(),
  })
  .meta({ id: "HsdsService", description: "Open Referral HSDS 3.0 `service`." });
export type HsdsService = z.infer<typeof HsdsService>;

/** The schema of an HSDS paginated list (HSDS's `Page` with `contents`). */
export function hsdsPageSchema<S extends z.ZodType>(item: S, id: string) {
  return z
    .object({
      total_items: z.number().int(),
      total_pages: z.number().int(),
      page_number: z.number().int(),
      size: z.number().int(),
      first_page: z.boolean(),
      last_page: z.boolean(),
      empty: z.boolean(),
      contents: z.array(item),
    })
    .meta({ id, description: "One page of an Open Referral HSDS list." });
}

/** One page of an HSDS list. */
export interface HsdsPage<T> {
  readonly total_items: number;
  readonly total_pages: number;
  readonly page_number: number;
  readonly size: number;
  readonly first_page: boolean;
  readonly last_page: boolean;
  readonly empty: boolean;
  readonly contents: T[];
}

/** The default and largest page size of HSDS lists. */
export const hsdsPageSize = { default: 50, max: 500 } as const;

/** What an HSDS list understands: `page`, `per_page` and `modified_after` (inclusive). */
export const HsdsListQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  per_page: z.coerce.number().int().min(1).max(hsdsPageSize.max).default(hsdsPageSize.default),
  modified_after: FilterInstant.optional(),
  taxonomy_term_id: z.string().optional(),
  organization_id: z.string().optional(),
});
export type HsdsListQuery = z.output<typeof HsdsListQuery>;

/** One page of a list in HSDS's envelope. */
export function hsdsPage<T>(
  items: readonly T[],
  query: Pick<HsdsListQuery, "page" | "per_page">,
): HsdsPage<T> {
  const totalPages = Math.max(1, Math.ceil(items.length / query.per_page));
  const contents = items.slice((query.page - 1) * query.per_page, query.page * query.per_page);
  return {
    total_items: items.length,
    total_pages: totalPages,
    page_number: query.page,
    size: contents.length,
    first_page: query.page === 1,
    last_page: query.page >= totalPages,
    empty: items.length === 0,
    contents,
  };
}

/** A district's public measures as HSDS records, each list sorted by id. */
export interface HsdsDataset {
  /** Fully nested services (organization, locations, schedules, areas, attributes). */
  readonly services: HsdsService[];
  readonly organizations: HsdsOrganization[];
  readonly locations: HsdsLocation[];
  /** Services at locations, each with its location and its service's flat fields. */
  readonly serviceAtLocations: (HsdsServiceAtLocation & { service?: Record<string, unknown> })[];
  readonly schedules: HsdsSchedule[];
  readonly serviceAreas: HsdsServiceArea[];
  readonly taxonomies: HsdsTaxonomy[];
  readonly taxonomyTerms: HsdsTaxonomyTerm[];
  /** When each service and organization last changed, for `modified_after`. */
  readonly modified: ReadonlyMap<string, string>;
}

const statusToHsds: Record<MeasureStatus, HsdsService["status"]> = {
  planned: "inactive",
  running: "active",
  completed: "defunct",
  cancelled: "defunct",
};

/** OHA's taxonomy as one HSDS taxonomy with a top-level term per facet and a term per value. */
export function ohaTaxonomy(): { taxonomy: HsdsTaxonomy; terms: HsdsTaxonomyTerm[] } {
  const taxonomy: HsdsTaxonomy = {
    id: hsdsId("taxonomy", ohaTaxonomyName),
    name: ohaTaxonomyName,
    description:
      "Taxonomie von OHA für Angebote am Übergang Schule–Beruf: Maßnahmenkategorien, Zielgruppen und iABE-Sektoren. / OHA's taxonomy of offers at the transition from school to work: measure categories, target groups and iABE sectors.",
    version: "1",
  };
  const terms: HsdsTaxonomyTerm[] = [];
  for (const [facet, def] of Object.entries(facets) as [Facet, (typeof facets)[Facet]][]) {
    const parentId = hsdsId("taxonomy_term", facet);
    terms.push({
      id: parentId,
      code: facet,
      name: def.name.de,
      description: def.name.en,
      taxonomy: ohaTaxonomyName,
      taxonomy_id: taxonomy.id,
      language: "de",
    });
    const map = labels[def.enumId] as Record<string, { de: string; en: string }>;
    for (const value of def.values) {
      terms.push({
        id: termId(facet, value),
        code: `${facet}:${value}`,
        name: map[value]?.de ?? value,
        description: map[value]?.en ?? value,
        parent_id: parentId,
        taxonomy: ohaTaxonomyName,
        taxonomy_id: taxonomy.id,
        language: "de",
      });
    }
  }
  return { taxonomy, terms: terms.sort(byKey((t) => t.id)) };
}

const termId = (facet: Facet, value: string) => hsdsId("taxonomy_term", facet, value);

function stateOf(key: string | undefined): string {
  return (key && federalStates[key.slice(0, 2)]?.de) || "";
}

function actorOrganization(actor: Actor, region: Region): HsdsOrganization {
  const id = hsdsId("organization", actor.id);
  const location = actor.address
    ? addressLocation(actor.id, actor.name, actor.address, region, id)
    : undefined;
  return compact({
    id,
    name: actor.name,
    alternate_name: actor.shortName,
    description: actor.description ?? `${actor.name} (${labels.ActorKind[actor.kind].de})`,
    email: actor.email,
    website: actor.website,
    phones: actor.phone
      ? [{ id: hsdsId("phone", actor.id), organization_id: id, number: actor.phone }]
      : undefined,
    locations: location ? [location] : undefined,
  });
}

function addressLocation(
  ownerId: string,
  name: string,
  address: NonNullable<Measure["location"]>,
  region: Region,
  organizationId?: string,
): HsdsLocation {
  const id = hsdsId("location", ownerId);
  return compact({
    id,
    location_type: "physical" as const,
    name,
    organization_id: organizationId,
    external_identifier: address.municipalityKey,
    external_identifier_type: address.municipalityKey ? "AGS" : undefined,
    addresses: [
      {
        id: hsdsId("address", ownerId),
        location_id: id,
        address_1: address.street ?? "",
        city: address.locality,
        state_province: stateOf(address.municipalityKey ?? currentKey(region, "district_key")),
        postal_code: address.postalCode,
        country: "DE",
        address_type: "physical" as const,
      },
    ],
  });
}

function eligibility(measure: Measure): string | undefined {
  const parts = [
    measure.targetGroups.length
      ? `Zielgruppen: ${measure.targetGroups.map((g) => labels.TargetGroup[g].de).join(", ")}`
      : undefined,
    measure.grades ? `Klassenstufen ${measure.grades.min}–${measure.grades.max}` : undefined,
    measure.ages ? `Alter ${measure.ages.min}–${measure.ages.max} Jahre` : undefined,
  ].filter(Boolean);
  return parts.length ? `${parts.join(". ")}.` : undefined;
}

/**
 * Maps a district's public measures (those {@link isPublished} says belong in the public catalogue)
 * to Open Referral HSDS 3.0: each measure a `service` of its provider's `organization`, with a
 * `schedule` for its period and rhythm, one `service_area` per municipality served (or the whole
 * district), a `location` with `service_at_location` for its address, and `attribute`s linking it to
 * OHA's taxonomy (category, target groups, iABE sector). Ids are stable version 5 UUIDs.
 */
export function toHsds(network: Network, options: { regionId: string }): HsdsDataset {
  const region = network.region.find((r) => r.id === options.regionId);
  if (!region) throw new RangeError(`The network has no region ${options.regionId}.`);
  const actors = new Map(network.actor.map((a) => [a.id, a]));
  const programmes = new Map(network.fundingProgramme.map((p) => [p.id, p]));
  const municipalities = new Map(region.municipalities.map((m) => [m.ags, m.name]));
  const { taxonomy, terms } = ohaTaxonomy();
  const termsById = new Map(terms.map((t) => [t.id, t]));
  const modified = new Map<string, string>();

  const organizations = new Map<string, HsdsOrganization>();
  const locations: HsdsLocation[] = [];
  const serviceAtLocations: HsdsDataset["serviceAtLocations"] = [];
  const schedules: HsdsSchedule[] = [];
  const serviceAreas: HsdsServiceArea[] = [];
  const services: HsdsService[] = [];

  for (const measure of network.measure.filter(isPublished)) {
    const provider = actors.get(measure.providerActorId);
    if (!provider || provider.deleted) continue;
    let organization = organizations.get(provider.id);
    if (!organization) {
      organization = actorOrganization(provider, region);
      organizations.set(provider.id, organization);
      locations.push(...((organization.locations ?? []) as HsdsLocation[]));
    }
    const previous = modified.get(organization.id);
    if (!previous || provider.updatedAt > previous) modified.set(organization.id, provider.updatedAt);

    const id = hsdsId("service", measure.id);
    modified.set(id, measure.updatedAt);
    const schedule: HsdsSchedule = compact({
      id: hsdsId("schedule", measure.id),
      service_id: id,
      valid_from: measure.from,
      valid_to: measure.to,
      dtstart: measure.from,
      freq: measure.schedule === "weekly" ? "WEEKLY" : measure.schedule === "monthly" ? "MONTHLY" : undefined,
      interval: measure.schedule === "weekly" || measure.schedule === "monthly" ? 1 : undefined,
      description:
        [measure.schedule ? labels.ScheduleKind[measure.schedule].de : undefined, measure.scheduleNote]
          .filter(Boolean)
          .join(": ") || undefined,
      "oha:schedule": measure.schedule,
    });
    schedules.push(schedule);
    const areas: HsdsServiceArea[] = measure.areaServed.length
      ? measure.areaServed.map((ags) => ({
          id: hsdsId("service_area", measure.id, ags),
          service_id: id,
          name: municipalities.get(ags) ?? ags,
          description: `Amtlicher Gemeindeschlüssel ${ags}`,
          extent: ags,
          extent_type: "AGS",
        }))
      : [
          compact({
            id: hsdsId("service_area", measure.id, "region"),
            service_id: id,
            name: region.name,
            description: "Der ganze Landkreis / the whole district",
            extent: currentKey(region, "district_key"),
            extent_type: currentKey(region, "district_key") ? "district_key" : undefined,
          }),
        ];
    serviceAreas.push(...areas);
    let atLocations: HsdsServiceAtLocation[] = [];
    if (measure.location) {
      const location = addressLocation(
        measure.id,
        measure.location.locality,
        measure.location,
        region,
        organization.id,
      );
      locations.push(location);
      atLocations = [
        { id: hsdsId("service_at_location", measure.id), service_id: id, location_id: location.id, location },
      ];
    }
    const termIds = [
      termId("category", measure.category),
      ...measure.targetGroups.map((g) => termId("target_group", g)),
      ...(measure.iabeSector ? [termId("iabe_sector", measure.iabeSector)] : []),
    ];
    const attributes = termIds.map((termIdValue) => ({
      id: hsdsId("attribute", measure.id, termIdValue),
      link_id: id,
      link_type: "service",
      link_entity: "service",
      taxonomy_term_id: termIdValue,
      taxonomy_term: termsById.get(termIdValue),
    }));
    const funding = measure.funding
      .map((share, i) => {
        const source =
          share.source ?? (share.programmeId ? programmes.get(share.programmeId)?.name : undefined);
        return source ? { id: hsdsId("funding", measure.id, i), service_id: id, source } : undefined;
      })
      .filter((f) => f !== undefined);
    const service: HsdsService = compact({
      id,
      organization_id: organization.id,
      name: measure.title,
      description: measure.description,
      url: measure.url,
      email: measure.contactEmail,
      status: statusToHsds[measure.status],
      eligibility_description: eligibility(measure),
      minimum_age: measure.ages?.min,
      maximum_age: measure.ages?.max,
      assured_date: measure.lastVerifiedAt?.slice(0, 10),
      last_modified: measure.updatedAt,
      organization: flatOrganization(organization),
      schedules: [schedule],
      service_areas: areas,
      service_at_locations: atLocations,
      funding,
      attributes,
    });
    services.push(service);
    for (const sal of atLocations) serviceAtLocations.push({ ...sal, service: flatService(service) });
  }
  return {
    services: services.sort(byKey((s) => s.id)),
    organizations: [...organizations.values()].sort(byKey((o) => o.id)),
    locations: locations.sort(byKey((l) => l.id)),
    serviceAtLocations: serviceAtLocations.sort(byKey((s) => s.id)),
    schedules: schedules.sort(byKey((s) => s.id)),
    serviceAreas: serviceAreas.sort(byKey((s) => s.id)),
    taxonomies: [taxonomy],
    taxonomyTerms: terms,
    modified,
  };
}

/** An organization without its nested lists, as HSDS lists show it. */
export function flatOrganization(organization: HsdsOrganization): HsdsOrganization {
  const { phones: _p, locations: _l, ...flat } = organization;
  return flat;
}

/** A service with only its one-to-one fields (and its organization), as HSDS's service list shows it. */
export function flatService(service: HsdsService): HsdsService {
  const {
    schedules: _s,
    service_areas: _a,
    service_at_locations: _l,
    funding: _f,
    attributes: _t,
    ...flat
  } = service;
  return flat;
}

/** The services of a dataset that match HSDS list filters (`modified_after`, taxonomy term, organization). */
export function filterHsdsServices(dataset: HsdsDataset, query: Partial<HsdsListQuery>): HsdsService[] {
  const after = query.modified_after ? Date.parse(query.modified_after) : undefined;
  return dataset.services.filter(
    (s) =>
      (after === undefined || Date.parse(dataset.modified.get(s.id) ?? "") >= after) &&
      (!query.organization_id || s.organization_id === query.organization_id) &&
      (!query.taxonomy_term_id ||
        (s.attributes ?? []).some(
          (a) =>
            a.taxonomy_term_id === query.taxonomy_term_id ||
            a.taxonomy_term?.parent_id === query.taxonomy_term_id,
        )),
  );
}
