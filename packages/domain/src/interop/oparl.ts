import { z } from "zod";
import type { Actor, Contact } from "../model/actor.js";
import type { Agreement } from "../model/agreement.js";
import type { Body, Membership } from "../model/body.js";
import type { Network } from "../model/entities.js";
import { labels } from "../model/labels.js";
import type { Meeting } from "../model/meeting.js";
import { currentKey, type Region } from "../model/region.js";
import type { Standard } from "../model/standard.js";
import { byKey, compact, FilterInstant } from "./common.js";

/** The OParl version OHA speaks, as OParl writes it in `System.oparlVersion`. */
export const oparlVersion = "https://schema.oparl.org/1.1/";
/** The prefix of OHA's own fields in OParl objects (OParl's vendor extensions: `"oha:kind"`). */
export const oparlVendorPrefix = "oha";

/** The OParl object types OHA serves. */
export const oparlTypes = [
  "System",
  "Body",
  "Organization",
  "Person",
  "Membership",
  "Meeting",
  "AgendaItem",
  "Paper",
  "Location",
] as const;
/** One of {@link oparlTypes}. */
export type OParlType = (typeof oparlTypes)[number];

/** The `type` URL of an OParl object type (`https://schema.oparl.org/1.1/Meeting`). */
export const oparlTypeUrl = (type: OParlType): string => `${oparlVersion}${type}`;

/** The external lists of a district's OParl body, by the path segment OHA serves them under. */
export const oparlLists = {
  organizations: "Organization",
  people: "Person",
  memberships: "Membership",
  meetings: "Meeting",
  "agenda-items": "AgendaItem",
  papers: "Paper",
  locations: "Location",
} as const satisfies Record<string, OParlType>;
/** The path segment of an OParl external list (`meetings`). */
export type OParlListName = keyof typeof oparlLists;
/** The names of the external lists, in a fixed order. */
export const oparlListNames = Object.keys(oparlLists) as OParlListName[];

const Url = z.string().meta({ description: "An absolute URL (OParl format `url`)." });
const OParlMeta = {
  id: Url,
  created: z.string().optional(),
  modified: z.string().optional(),
  deleted: z.boolean().optional(),
  web: Url.optional(),
  license: z.string().optional(),
  keyword: z.array(z.string()).optional(),
};
const oparlObject = <T extends OParlType, S extends z.ZodRawShape>(type: T, shape: S) =>
  z
    .object({ ...OParlMeta, type: z.literal(oparlTypeUrl(type)), ...shape })
    .catchall(z.unknown())
    .meta({
      id: `OParl${type}`,
      description: `OParl 1.1 \`${type}\`; OHA's own fields carry the prefix \`${oparlVendorPrefix}:\`.`,
    });

/** An OParl `Location` (a meeting's place or an organisation's address). */
export const OParlLocation = oparlObject("Location", {
  description: z.string().optional(),
  streetAddress: z.string().optional(),
  postalCode: z.string().optional(),
  locality: z.string().optional(),
  organizations: z.array(Url).optional(),
  meetings: z.array(Url).optional(),
});
export type OParlLocation = z.infer<typeof OParlLocation>;

/** An OParl `System`: one per district, the entry point of its OParl interface. */
export const OParlSystem = oparlObject("System", {
  oparlVersion: z.string(),
  body: Url,
  name: z.string().optional(),
  product: Url.optional(),
});
export type OParlSystem = z.infer<typeof OParlSystem>;

/** An OParl `Body`: the district with its official keys. */
export const OParlBody = oparlObject("Body", {
  system: Url.optional(),
  name: z.string(),
  shortName: z.string().optional(),
  ags: z.string().optional(),
  rgs: z.string().optional(),
  classification: z.string().optional(),
  organization: Url,
  person: Url,
  meeting: Url,
  paper: Url,
  agendaItem: Url.optional(),
  membership: Url.optional(),
  locationList: Url.optional(),
  legislativeTerm: z.array(z.unknown()),
});
export type OParlBody = z.infer<typeof OParlBody>;

/** An OParl `Organization`: a body of the network (organizationType "Gremium") or a partner ("Institution"). */
export const OParlOrganization = oparlObject("Organization", {
  body: Url.optional(),
  name: z.string().optional(),
  shortName: z.string().optional(),
  organizationType: z.string().optional(),
  classification: z.string().optional(),
  startDate: z.string().optional(),
  endDate: z.string().optional(),
  subOrganizationOf: Url.optional(),
  membership: z.array(Url).optional(),
  website: Url.optional(),
  location: OParlLocation.optional(),
});
export type OParlOrganization = z.infer<typeof OParlOrganization>;

/** An OParl `Membership`: a person in a body, on behalf of a partner. */
export const OParlMembership = oparlObject("Membership", {
  person: Url.optional(),
  organization: Url.optional(),
  role: z.string().optional(),
  votingRight: z.boolean().optional(),
  startDate: z.string().optional(),
  endDate: z.string().optional(),
  onBehalfOf: Url.optional(),
});
export type OParlMembership = z.infer<typeof OParlMembership>;

/** An OParl `Person`, served only with the person's publication consent. */
export const OParlPerson = oparlObject("Person", {
  body: Url.optional(),
  name: z.string().optional(),
  familyName: z.string().optional(),
  givenName: z.string().optional(),
  title: z.array(z.string()).optional(),
  status: z.array(z.string()).optional(),
  membership: z.array(OParlMembership).optional(),
});
export type OParlPerson = z.infer<typeof OParlPerson>;

/** An OParl `AgendaItem`, with result and resolution text from the meeting's decisions. */
export const OParlAgendaItem = oparlObject("AgendaItem", {
  meeting: Url.optional(),
  number: z.string().optional(),
  order: z.number().int(),
  name: z.string().optional(),
  public: z.boolean().optional(),
  result: z.string().optional(),
  resolutionText: z.string().optional(),
});
export type OParlAgendaItem = z.infer<typeof OParlAgendaItem>;

/** An OParl `Meeting`. */
export const OParlMeeting = oparlObject("Meeting", {
  name: z.string().optional(),
  meetingState: z.string().optional(),
  cancelled: z.boolean().optional(),
  start: z.string().optional(),
  end: z.string().optional(),
  location: OParlLocation.optional(),
  organization: z.array(Url).optional(),
  participant: z.array(Url).optional(),
  agendaItem: z.array(OParlAgendaItem).optional(),
});
export type OParlMeeting = z.infer<typeof OParlMeeting>;

/** An OParl `Paper`: an agreement, one of its revisions, or a standard. */
export const OParlPaper = oparlObject("Paper", {
  body: Url.optional(),
  name: z.string().optional(),
  reference: z.string().optional(),
  date: z.string().optional(),
  paperType: z.string().optional(),
  relatedPaper: z.array(Url).optional(),
  superordinatedPaper: z.array(Url).optional(),
  subordinatedPaper: z.array(Url).optional(),
  originatorOrganization: z.array(Url).optional(),
});
export type OParlPaper = z.infer<typeof OParlPaper>;

/** Any object OHA serves through OParl. */
export type OParlObject =
  | OParlSystem
  | OParlBody
  | OParlOrganization
  | OParlPerson
  | OParlMembership
  | OParlMeeting
  | OParlAgendaItem
  | OParlPaper
  | OParlLocation;

/** The schema of an OParl object of a list, by list name (for the API reference). */
export const oparlListItemSchemas = {
  organizations: OParlOrganization,
  people: OParlPerson,
  memberships: OParlMembership,
  meetings: OParlMeeting,
  "agenda-items": OParlAgendaItem,
  papers: OParlPaper,
  locations: OParlLocation,
} as const satisfies Record<OParlListName, z.ZodType>;

/** The paging part of an OParl external list. */
export const OParlPagination = z
  .object({
    totalElements: z.number().int(),
    elementsPerPage: z.number().int(),
    currentPage: z.number().int(),
    totalPages: z.number().int(),
  })
  .meta({ id: "OParlPagination" });
/** The links of an OParl external list page; `next` is there on every page but the last. */
export const OParlLinks = z
  .object({
    first: Url,
    prev: Url.optional(),
    self: Url,
    next: Url.optional(),
    last: Url,
  })
  .meta({ id: "OParlLinks" });

/** The schema of one page of an OParl external list of the given objects. */
export function oparlListSchema<S extends z.ZodType>(item: S, id: string) {
  return z
    .object({ data: z.array(item), pagination: OParlPagination, links: OParlLinks })
    .meta({ id, description: "One page of an OParl external list." });
}

/** One page of an OParl external list. */
export interface OParlList<T> {
  readonly data: T[];
  readonly pagination: z.infer<typeof OParlPagination>;
  readonly links: z.infer<typeof OParlLinks>;
}

/** The default and largest number of objects on one list page. */
export const oparlPageSize = { default: 100, max: 500 } as const;

/**
 * The query an OParl external list understands: OParl's filters (`created_since`, `created_until`,
 * `modified_since`, `modified_until`, all inclusive, full date-times) plus paging.
 */
export const OParlListQuery = z.object({
  created_since: FilterInstant.optional(),
  created_until: FilterInstant.optional(),
  modified_since: FilterInstant.optional(),
  modified_until: FilterInstant.optional(),
  page: z.coerce.number().int().min(1).default(1),
  elementsPerPage: z.coerce.number().int().min(1).default(oparlPageSize.default),
});
export type OParlListQuery = z.output<typeof OParlListQuery>;

/** The URLs of a district's OParl interface, all below its system URL. */
export interface OParlUrls {
  readonly system: string;
  readonly bodies: string;
  readonly body: string;
  list(name: OParlListName): string;
  organization(id: string): string;
  person(id: string): string;
  membership(id: string): string;
  meeting(id: string): string;
  agendaItem(meetingId: string, itemId: string): string;
  paper(id: string): string;
  location(id: string): string;
}

/**
 * The URL layout below a district's system URL: `…/bodies`, `…/bodies/{regionId}`, one external list
 * per object type (`…/meetings`) and one URL per object (`…/meetings/{id}`, agenda items below their
 * meeting: `…/meetings/{id}/agenda-items/{itemId}`).
 */
export function oparlUrls(systemUrl: string, regionId: string): OParlUrls {
  const base = systemUrl.replace(/\/+$/, "");
  const list = (name: OParlListName) => `${base}/${name}`;
  return {
    system: base,
    bodies: `${base}/bodies`,
    body: `${base}/bodies/${regionId}`,
    list,
    organization: (id) => `${list("organizations")}/${id}`,
    person: (id) => `${list("people")}/${id}`,
    membership: (id) => `${list("memberships")}/${id}`,
    meeting: (id) => `${list("meetings")}/${id}`,
    agendaItem: (meetingId, itemId) => `${list("meetings")}/${meetingId}/agenda-items/${itemId}`,
    paper: (id) => `${list("papers")}/${id}`,
    location: (id) => `${list("locations")}/${id}`,
  };
}

/** Everything a district publishes through OParl, each list sorted by id. */
export interface OParlDataset {
  readonly urls: OParlUrls;
  readonly system: OParlSystem;
  readonly body: OParlBody;
  readonly lists: {
    readonly organizations: OParlOrganization[];
    readonly people: OParlPerson[];
    readonly memberships: OParlMembership[];
    readonly meetings: OParlMeeting[];
    readonly "agenda-items": OParlAgendaItem[];
    readonly papers: OParlPaper[];
    readonly locations: OParlLocation[];
  };
}

/** An object of any of the external lists. */
export type OParlListItem = OParlDataset["lists"][OParlListName][number];

/** How to build a district's OParl objects. */
export interface OParlOptions {
  /** The district (tenant) whose region record becomes the OParl body. */
  readonly regionId: string;
  /** The absolute URL of the district's OParl system, e.g. `https://oha.example.org/oparl/v1.1/regions/reg_…`. */
  readonly systemUrl: string;
  /** Where OHA's own product page is, for `System.product` (optional). */
  readonly productUrl?: string;
}

const vendor = (field: string) => `${oparlVendorPrefix}:${field}`;

/** What OParl keeps of a deleted main object: id, type, created, modified and `deleted: true`. */
function tombstone<T extends OParlType>(
  type: T,
  id: string,
  record: { createdAt: string; updatedAt: string },
) {
  return {
    id,
    type: oparlTypeUrl(type),
    created: record.createdAt,
    modified: record.updatedAt,
    deleted: true,
  };
}

/** Whether a contact may appear in OParl: not deleted, and with publication consent. */
export function isPublishedPerson(contact: Pick<Contact, "deleted"> & { publicationConsent?: boolean }) {
  return !contact.deleted && contact.publicationConsent === true;
}

function fullName(contact: Contact): string {
  return [contact.title, contact.givenName, contact.familyName].filter(Boolean).join(" ");
}

function addressLine(address: NonNullable<Actor["address"]>): string {
  return [address.street, `${address.postalCode} ${address.locality}`].filter(Boolean).join(", ");
}

/**
 * Maps a district's network to OParl 1.1 objects. Pass the records including soft-deleted ones:
 * deleted bodies, partners, people, meetings, agreements and standards become objects with
 * `deleted: true` (id, type, created and modified only), as OParl asks. People appear only with
 * their publication consent (`Contact.publicationConsent`); without it a contact is served as
 * deleted, and their memberships and meeting attendance are left out. Non-public agenda items keep
 * only number, order and `public: false`.
 *
 * @example
 * const oparl = toOParl(network, { regionId: region.id, systemUrl: "https://oha.example.org/oparl/v1.1/regions/" + region.id });
 * oparl.lists.meetings[0]?.agendaItem?.[0]?.resolutionText;
 */
export function toOParl(network: Network, options: OParlOptions): OParlDataset {
  const urls = oparlUrls(options.systemUrl, options.regionId);
  const region = network.region.find((r) => r.id === options.regionId);
  if (!region) throw new RangeError(`The network has no region ${options.regionId}.`);
  const contacts = new Map(network.contact.map((c) => [c.id, c]));
  const published = (id: string | undefined) => {
    const contact = id ? contacts.get(id) : undefined;
    return contact !== undefined && isPublishedPerson(contact);
  };
  const liveActors = new Set(network.actor.filter((a) => !a.deleted).map((a) => a.id));
  const liveBodies = new Set(network.body.filter((b) => !b.deleted).map((b) => b.id));

  const memberships = network.membership
    .filter((m) => published(m.contactId))
    .map((m) => toMembership(m, urls, liveActors))
    .sort(byKey((m) => m.id));
  const membershipsByBody = new Map<string, string[]>();
  const membershipsByPerson = new Map<string, OParlMembership[]>();
  for (const m of network.membership) {
    if (m.deleted || !published(m.contactId)) continue;
    const body = membershipsByBody.get(m.bodyId) ?? [];
    body.push(urls.membership(m.id));
    membershipsByBody.set(m.bodyId, body);
  }
  for (const m of memberships) {
    if (m.deleted || typeof m.person !== "string") continue;
    const list = membershipsByPerson.get(m.person) ?? [];
    list.push(m);
    membershipsByPerson.set(m.person, list);
  }

  const locations: OParlLocation[] = [];
  const actorLocation = (actor: Actor): OParlLocation | undefined => {
    if (!actor.address || actor.deleted) return undefined;
    return compact({
      id: urls.location(actor.id),
      type: oparlTypeUrl("Location"),
      description: `${actor.name}, ${addressLine(actor.address)}`,
      streetAddress: actor.address.street,
      postalCode: actor.address.postalCode,
      locality: actor.address.locality,
      organizations: [urls.organization(actor.id)],
      created: actor.createdAt,
      modified: actor.updatedAt,
    });
  };
  const meetingLocation = (meeting: Meeting): OParlLocation | undefined => {
    if (!meeting.location || meeting.deleted) return undefined;
    return {
      id: urls.location(meeting.id),
      type: oparlTypeUrl("Location"),
      description: meeting.location,
      meetings: [urls.meeting(meeting.id)],
      created: meeting.createdAt,
      modified: meeting.updatedAt,
    };
  };

  const organizations: OParlOrganization[] = [
    ...network.body.map((b) => toBodyOrganization(b, urls, membershipsByBody.get(b.id) ?? [], liveBodies)),
    ...network.actor.map((a) => {
      const location = actorLocation(a);
      if (location) locations.push(location);
      return toActorOrganization(a, urls, location, liveActors);
    }),
  ].sort(byKey((o) => o.id));

  const affiliationsByContact = new Map<string, string[]>();
  const actorNames = new Map(network.actor.map((a) => [a.id, a.shortName ?? a.name]));
  for (const aff of network.affiliation) {
    if (aff.deleted || aff.to) continue;
    const list = affiliationsByContact.get(aff.contactId) ?? [];
    const at = actorNames.get(aff.actorId);
    list.push(at ? `${aff.role} (${at})` : aff.role);
    affiliationsByContact.set(aff.contactId, list);
  }
  const people: OParlPerson[] = network.contact
    .map((c) =>
      isPublishedPerson(c)
        ? compact({
            id: urls.person(c.id),
            type: oparlTypeUrl("Person"),
            body: urls.body,
            name: fullName(c),
            givenName: c.givenName,
            familyName: c.familyName,
            title: c.title ? [c.title] : undefined,
            status: affiliationsByContact.get(c.id),
            membership: membershipsByPerson.get(urls.person(c.id)),
            created: c.createdAt,
            modified: c.updatedAt,
          })
        : tombstone("Person", urls.person(c.id), c),
    )
    .sort(byKey((p) => p.id));

  const agendaItems: OParlAgendaItem[] = [];
  const meetings: OParlMeeting[] = network.meeting
    .map((m) => {
      if (m.deleted) return tombstone("Meeting", urls.meeting(m.id), m);
      const items = toAgendaItems(m, urls);
      agendaItems.push(...items);
      const location = meetingLocation(m);
      if (location) locations.push(location);
      const participants = new Set<string>();
      for (const a of m.attendance) {
        const attended =
          a.status === "present"
            ? a.contactId
            : a.status === "represented"
              ? a.representedByContactId
              : undefined;
        if (attended && published(attended)) participants.add(urls.person(attended));
      }
      return compact({
        id: urls.meeting(m.id),
        type: oparlTypeUrl("Meeting"),
        name: m.title,
        meetingState: labels.MeetingStatus[m.status].de,
        cancelled: m.status === "cancelled",
        start: m.start,
        end: m.end,
        location,
        organization: [urls.organization(m.bodyId)],
        participant: [...participants].sort(),
        agendaItem: items,
        created: m.createdAt,
        modified: m.updatedAt,
        [vendor("status")]: m.status,
      });
    })
    .sort(byKey((m) => m.id));

  const papers: OParlPaper[] = [
    ...network.agreement.flatMap((a) => toAgreementPapers(a, urls, liveActors)),
    ...network.standard.map((s) => toStandardPaper(s, urls)),
  ].sort(byKey((p) => p.id));

  const body = toBody(region, urls);
  const system: OParlSystem = compact({
    id: urls.system,
    type: oparlTypeUrl("System"),
    oparlVersion,
    body: urls.bodies,
    name: `OHA – ${region.name}`,
    product: options.productUrl,
    created: region.createdAt,
    modified: region.updatedAt,
  });
  return {
    urls,
    system,
    body,
    lists: {
      organizations,
      people,
      memberships,
      meetings,
      "agenda-items": agendaItems.sort(byKey((i) => i.id)),
      papers,
      locations: locations.sort(byKey((l) => l.id)),
    },
  };
}

function toBody(region: Region, urls: OParlUrls): OParlBody {
  const districtKey = currentKey(region, "district_key");
  const ags = currentKey(region, "ags") ?? (districtKey ? `${districtKey}000` : undefined);
  return {
    ...compact({
      id: urls.body,
      type: oparlTypeUrl("Body"),
      system: urls.system,
      name: region.name,
      shortName: currentKey(region, "car_code"),
      ags,
      rgs: currentKey(region, "ars"),
      classification: labels.RegionKind[region.kind].de,
      organization: urls.list("organizations"),
      person: urls.list("people"),
      meeting: urls.list("meetings"),
      paper: urls.list("papers"),
      agendaItem: urls.list("agenda-items"),
      membership: urls.list("memberships"),
      locationList: urls.list("locations"),
      created: region.createdAt,
      modified: region.updatedAt,
      [vendor("districtKey")]: districtKey,
      [vendor("keys")]: region.keys,
      [vendor("status")]: region.status,
      [vendor("areaKm2")]: region.areaKm2,
      [vendor("population")]: region.population,
    }),
    // Obligatory, even when empty: the network has no legislative terms.
    legislativeTerm: [],
  };
}

function toBodyOrganization(
  body: Body,
  urls: OParlUrls,
  memberships: string[],
  liveBodies: ReadonlySet<string>,
): OParlOrganization {
  const id = urls.organization(body.id);
  if (body.deleted) return tombstone("Organization", id, body);
  return compact({
    id,
    type: oparlTypeUrl("Organization"),
    body: urls.body,
    name: body.name,
    shortName: body.shortName,
    organizationType: "Gremium",
    classification: labels.BodyKind[body.kind].de,
    startDate: body.from,
    endDate: body.to,
    subOrganizationOf:
      body.parentBodyId && liveBodies.has(body.parentBodyId)
        ? urls.organization(body.parentBodyId)
        : undefined,
    membership: memberships.sort(),
    created: body.createdAt,
    modified: body.updatedAt,
    [vendor("kind")]: body.kind,
    [vendor("decisionAuthority")]: body.decisionAuthority,
    [vendor("targetMeetingsPerYear")]: body.targetMeetingsPerYear,
    [vendor("topic")]: body.topic,
    [vendor("description")]: body.description,
  });
}

function toActorOrganization(
  actor: Actor,
  urls: OParlUrls,
  location: OParlLocation | undefined,
  liveActors: ReadonlySet<string>,
): OParlOrganization {
  const id = urls.organization(actor.id);
  if (actor.deleted) return tombstone("Organization", id, actor);
  return compact({
    id,
    type: oparlTypeUrl("Organization"),
    body: urls.body,
    name: actor.name,
    shortName: actor.shortName,
    organizationType: "Institution",
    classification: labels.ActorKind[actor.kind].de,
    subOrganizationOf:
      actor.parentActorId && liveActors.has(actor.parentActorId)
        ? urls.organization(actor.parentActorId)
        : undefined,
    website: actor.website,
    location,
    created: actor.createdAt,
    modified: actor.updatedAt,
    [vendor("kind")]: actor.kind,
    [vendor("legalFrameworks")]: actor.legalFrameworks,
    [vendor("description")]: actor.description,
  });
}

function toMembership(m: Membership, urls: OParlUrls, liveActors: ReadonlySet<string>): OParlMembership {
  const id = urls.membership(m.id);
  if (m.deleted) return tombstone("Membership", id, m);
  return compact({
    id,
    type: oparlTypeUrl("Membership"),
    person: urls.person(m.contactId),
    organization: urls.organization(m.bodyId),
    role: labels.MembershipRole[m.role].de,
    votingRight: m.votingRight,
    startDate: m.from,
    endDate: m.to,
    onBehalfOf: m.actorId && liveActors.has(m.actorId) ? urls.organization(m.actorId) : undefined,
    created: m.createdAt,
    modified: m.updatedAt,
    [vendor("role")]: m.role,
  });
}

function voteText(d: Meeting["decisions"][number]): string {
  const votes = [
    d.votesFor !== undefined ? `Ja ${d.votesFor}` : undefined,
    d.votesAgainst !== undefined ? `Nein ${d.votesAgainst}` : undefined,
    d.abstentions !== undefined ? `Enthaltungen ${d.abstentions}` : undefined,
  ].filter(Boolean);
  return votes.length ? `Beschlossen (${votes.join(", ")})` : "Beschlossen";
}

function toAgendaItems(meeting: Meeting, urls: OParlUrls): OParlAgendaItem[] {
  return meeting.agenda.map((item, index) => {
    const base = {
      id: urls.agendaItem(meeting.id, item.id),
      type: oparlTypeUrl("AgendaItem"),
      meeting: urls.meeting(meeting.id),
      number: item.number,
      order: index + 1,
      public: item.public,
      created: meeting.createdAt,
      modified: meeting.updatedAt,
    };
    // A non-public item is listed, but what it is about and what was decided stays internal.
    if (!item.public) return base;
    const decisions = meeting.decisions.filter((d) => d.agendaItemId === item.id);
    return compact({
      ...base,
      name: item.title,
      result: decisions.length ? decisions.map(voteText).join("; ") : undefined,
      resolutionText: decisions.length ? decisions.map((d) => d.text).join("\n\n") : undefined,
      [vendor("description")]: item.description,
    });
  });
}

function toAgreementPapers(agreement: Agreement, urls: OParlUrls, liveActors: ReadonlySet<string>) {
  const id = urls.paper(agreement.id);
  const revisionId = (n: number) => urls.paper(`${agreement.id}-r${n}`);
  if (agreement.deleted) {
    return [
      tombstone("Paper", id, agreement),
      ...agreement.revisions.map((r) => tombstone("Paper", revisionId(r.number), agreement)),
    ];
  }
  const type = labels.AgreementKind[agreement.kind].de;
  const parties = agreement.partyActorIds.filter((a) => liveActors.has(a)).map((a) => urls.organization(a));
  const revisions = [...agreement.revisions].sort((a, b) => a.number - b.number);
  const main: OParlPaper = compact({
    id,
    type: oparlTypeUrl("Paper"),
    body: urls.body,
    name: agreement.title,
    date: agreement.validFrom,
    paperType: type,
    subordinatedPaper: revisions.map((r) => revisionId(r.number)),
    originatorOrganization: parties,
    created: agreement.createdAt,
    modified: agreement.updatedAt,
    [vendor("kind")]: agreement.kind,
    [vendor("status")]: agreement.status,
    [vendor("validFrom")]: agreement.validFrom,
    [vendor("validTo")]: agreement.validTo,
  });
  return [
    main,
    ...revisions.map(
      (r): OParlPaper =>
        compact({
          id: revisionId(r.number),
          type: oparlTypeUrl("Paper"),
          body: urls.body,
          name: `${agreement.title} (Fassung ${r.number})`,
          reference: `Fassung ${r.number}`,
          date: r.adoptedOn,
          paperType: type,
          superordinatedPaper: [id],
          relatedPaper: revisions.filter((o) => o.number !== r.number).map((o) => revisionId(o.number)),
          originatorOrganization: parties,
          created: agreement.createdAt,
          modified: agreement.updatedAt,
          [vendor("revision")]: r.number,
          [vendor("summary")]: r.summary,
          [vendor("text")]: r.text,
        }),
    ),
  ];
}

function toStandardPaper(standard: Standard, urls: OParlUrls): OParlPaper {
  const id = urls.paper(standard.id);
  if (standard.deleted) return tombstone("Paper", id, standard);
  return compact({
    id,
    type: oparlTypeUrl("Paper"),
    body: urls.body,
    name: standard.title,
    reference: standard.code,
    date: standard.adoptedOn,
    paperType: labels.StandardKind[standard.kind].de,
    created: standard.createdAt,
    modified: standard.updatedAt,
    [vendor("kind")]: standard.kind,
    [vendor("revision")]: standard.revision,
    [vendor("status")]: standard.status,
    [vendor("description")]: standard.description,
    [vendor("standardElement")]: standard.standardElement,
    [vendor("interfaces")]: standard.interfaces.map(({ id: _id, ...ifc }) => ifc),
    [vendor("responsibilities")]: standard.responsibilities,
  });
}

/** Finds an object of a list by its URL, or undefined. */
export function findOParlObject<L extends OParlListName>(
  dataset: OParlDataset,
  list: L,
  id: string,
): OParlDataset["lists"][L][number] | undefined {
  return (dataset.lists[list] as { id: string }[]).find((o) => o.id === id) as
    | OParlDataset["lists"][L][number]
    | undefined;
}

function inRange(value: string | undefined, since: string | undefined, until: string | undefined): boolean {
  if (!since && !until) return true;
  if (!value) return false;
  const t = Date.parse(value);
  return (!since || t >= Date.parse(since)) && (!until || t <= Date.parse(until));
}

/**
 * One page of an OParl external list: filters by `created`/`modified` (inclusive), keeps the given
 * (stable) order, and links to the first, previous, next and last page with the same filters.
 * A page size above {@link oparlPageSize}`.max` is lowered to it, as OParl allows.
 */
export function oparlPage<
  T extends { id: string; created?: string | undefined; modified?: string | undefined },
>(objects: readonly T[], query: OParlListQuery, listUrl: string): OParlList<T> {
  const filtered = objects.filter(
    (o) =>
      inRange(o.created, query.created_since, query.created_until) &&
      inRange(o.modified, query.modified_since, query.modified_until),
  );
  const size = Math.min(query.elementsPerPage, oparlPageSize.max);
  const totalPages = Math.max(1, Math.ceil(filtered.length / size));
  const page = query.page;
  const link = (n: number) => {
    const url = new URL(listUrl);
    for (const key of ["created_since", "created_until", "modified_since", "modified_until"] as const) {
      const value = query[key];
      if (value) url.searchParams.set(key, value);
    }
    if (size !== oparlPageSize.default) url.searchParams.set("elementsPerPage", String(size));
    if (n > 1) url.searchParams.set("page", String(n));
    return url.toString();
  };
  return {
    data: filtered.slice((page - 1) * size, page * size),
    pagination: { totalElements: filtered.length, elementsPerPage: size, currentPage: page, totalPages },
    links: compact({
      first: link(1),
      prev: page > 1 ? link(Math.min(page - 1, totalPages)) : undefined,
      self: link(page),
      next: page < totalPages ? link(page + 1) : undefined,
      last: link(totalPages),
    }),
  };
}
