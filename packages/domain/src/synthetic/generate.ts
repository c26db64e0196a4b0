import type {
  Actor,
  ActorId,
  ActorKind,
  Affiliation,
  Contact,
  ContactId,
  LegalFramework,
} from "../model/actor.js";
import type { Agreement, AgreementId } from "../model/agreement.js";
import type { Body, BodyId, BodyKind, Membership, MembershipRole, Seat, SeatId } from "../model/body.js";
import { emptyNetwork, type Network } from "../model/entities.js";
import type { FundingProgramme, FundingProgrammeId } from "../model/funding.js";
import type { Goal, GoalId } from "../model/goal.js";
import type { Indicator, IndicatorId, Observation } from "../model/indicator.js";
import type { MaturityAssessment } from "../model/maturity.js";
import {
  type Measure,
  type MeasureCategory,
  type MeasureId,
  type MeasureStatus,
  type OverlapReview,
  type OverlapVerdict,
  type TargetGroup,
  targetGroupLabels,
} from "../model/measure.js";
import type {
  ActionItem,
  AgendaItem,
  AgendaItemId,
  Attendance,
  AttendanceStatus,
  Decision,
  DecisionId,
  Meeting,
  MeetingStatus,
} from "../model/meeting.js";
import type { CoordinationOffice } from "../model/office.js";
import type {
  ReconciliationResponse,
  ReconciliationRound,
  ReconciliationTopic,
  Statement,
} from "../model/reconciliation.js";
import type { Municipality, Region } from "../model/region.js";
import type { Guide, Standard, StandardId } from "../model/standard.js";
import { SeededRandom } from "./random.js";
import {
  type CategoryProfile,
  categoryProfiles,
  descriptionPhrases,
  employerStems,
  familyNames,
  givenNames,
  placePrefixes,
  placeQualifiers,
  placeRoots,
  projectNames,
  providerStems,
} from "./vocabulary.js";

/** What {@link generateNetwork} should make. */
export interface SyntheticNetworkOptions {
  /** The seed: the same seed and options always give the same network. */
  readonly seed: number;
  /** How many measures. */
  readonly measures: number;
  /** How many actors (default: scales with the measures, at least 40). */
  readonly actors?: number;
  /** How many municipalities (default: one per 100 measures, 10 to 1,000). */
  readonly municipalities?: number;
  /** The reference date: before it things happened, after it they are planned (default 2025-06-30). */
  readonly today?: string;
  /** How many school years of history before `today` (default 6). */
  readonly years?: number;
  /** Share of measures made as near-duplicates of another (default 0.06). */
  readonly duplicateShare?: number;
}

/** Municipalities per sub-district when a large region is made of several districts. */
const municipalitiesPerDistrict = 20;

const day = 86_400_000;
const iso = (time: number) => new Date(time).toISOString().slice(0, 10);
const isoTime = (date: string, hour = 9) => `${date}T${String(hour).padStart(2, "0")}:00:00Z`;
const addDays = (date: string, days: number) => iso(Date.parse(date) + days * day);
const pad = (value: number, width: number) => String(value).padStart(width, "0");

interface Meta {
  id: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  deleted: boolean;
}

interface Context {
  readonly rng: SeededRandom;
  readonly today: string;
  readonly todayYear: number;
  readonly firstYear: number;
}

function meta<T extends string>(
  ctx: Context,
  prefix: string,
  created: string,
  version = 1,
): Meta & { id: T } {
  const createdAt = isoTime(created < ctx.today ? created : ctx.today, 8);
  const updatedAt =
    version > 1 ? isoTime(addDays(created < ctx.today ? created : ctx.today, version * 17), 10) : createdAt;
  return {
    id: ctx.rng.id<T>(prefix),
    version,
    createdAt,
    updatedAt: updatedAt > isoTime(ctx.today, 23) ? createdAt : updatedAt,
    deleted: false,
  };
}

function placeNames(rng: SeededRandom, count: number): string[] {
  const names = new Set<string>();
  const base: string[] = [];
  for (const p of placePrefixes) for (const r of placeRoots) base.push(`${p}${r}`);
  const order = rng.sample(base, base.length);
  for (let k = 0; names.size < count; k++) {
    const stem = order[k % order.length]!;
    const round = Math.floor(k / order.length);
    names.add(round === 0 ? stem : `${stem} ${placeQualifiers[(round - 1) % placeQualifiers.length]}`);
    if (round > placeQualifiers.length) names.add(`${stem} ${k}`);
  }
  return [...names].slice(0, count);
}

interface Place {
  readonly name: string;
  readonly ags: string;
  readonly district: number;
  readonly postalCode: string;
}

function makeRegion(ctx: Context, count: number): { region: Region; places: Place[]; districts: number } {
  const { rng } = ctx;
  const names = placeNames(rng, count);
  const places: Place[] = names.map((name, k) => {
    const district = Math.floor(k / municipalitiesPerDistrict);
    const districtKey = `03${pad(151 + district, 3)}`;
    return {
      name,
      ags: `${districtKey}${pad((k % municipalitiesPerDistrict) + 1, 3)}`,
      district,
      postalCode: pad(37_000 + k * 7, 5),
    };
  });
  const districts = Math.ceil(count / municipalitiesPerDistrict);
  const municipalities: Municipality[] = places.map((p) => ({
    name: p.name,
    ags: p.ags,
    areaKm2: Math.round(rng.int(2_000, 20_000)) / 100,
    population: Math.round(Math.exp(rng.float() * 3 + 7.5)),
  }));
  const single = districts === 1;
  const region: Region = {
    ...(meta(ctx, "reg", `${ctx.firstYear}-01-01`) as Meta & { id: Region["id"] }),
    name: single ? `Landkreis ${names[0] ?? "Musterland"}` : `Region Musterland (${districts} Kreise)`,
    kind: single ? "district" : "state",
    status: "active",
    keys: single
      ? [
          { system: "district_key", value: "03151" },
          { system: "car_code", value: "MUL" },
        ]
      : [],
    areaKm2: Math.round(municipalities.reduce((s, m) => s + (m.areaKm2 ?? 0), 0) * 100) / 100,
    population: municipalities.reduce((s, m) => s + (m.population ?? 0), 0),
    populationDate: `${ctx.todayYear - 1}-12-31`,
    municipalities,
  };
  return { region, places, districts };
}

const legalFrameworksOf: Partial<Record<ActorKind, LegalFramework[]>> = {
  employment_agency: ["sgb3"],
  job_centre: ["sgb2"],
  youth_welfare_office: ["sgb8"],
  general_school: ["school_law"],
  vocational_school: ["school_law"],
  state_school_authority: ["school_law"],
  chamber: ["vocational_training_act"],
};

interface People {
  readonly contacts: Contact[];
  readonly affiliations: Affiliation[];
  /** Per actor: its leadership and operational affiliations in time order. */
  readonly leaders: Map<ActorId, Affiliation[]>;
  readonly staff: Map<ActorId, Affiliation[]>;
}

function actorKinds(
  rng: SeededRandom,
  total: number,
  districts: number,
  municipalities: number,
): ActorKind[] {
  const d = districts;
  const fixed: [ActorKind, number][] = [
    ["municipal_administration", d],
    ["employment_agency", Math.ceil(d / 3)],
    ["job_centre", d],
    ["youth_welfare_office", d],
    ["state_school_authority", Math.ceil(d / 8)],
    ["chamber", 2 * Math.ceil(d / 3)],
    ["politics", 2 * d],
    ["union", Math.ceil(d / 2)],
    ["association", 2 * d],
    ["vocational_school", 2 * d],
  ];
  const kinds: ActorKind[] = [];
  for (const [kind, n] of fixed) for (let k = 0; k < n; k++) kinds.push(kind);
  const rest = Math.max(0, total - kinds.length);
  const towns = Math.min(municipalities, Math.round(rest * 0.25));
  const schools = Math.min(Math.round(municipalities * 1.5), Math.round(rest * 0.3));
  const providers = Math.round((rest - towns - schools) * 0.55);
  const other = rest - towns - schools - providers > 2 ? 1 : 0;
  const employers = rest - towns - schools - providers - other;
  for (const [kind, n] of [
    ["town", towns],
    ["general_school", schools],
    ["independent_provider", providers],
    ["employer", employers],
    ["other", other],
  ] as const)
    for (let k = 0; k < n; k++) kinds.push(kind);
  return rng.sample(kinds, kinds.length).slice(0, Math.max(total, fixed.length));
}

function actorName(rng: SeededRandom, kind: ActorKind, place: Place, index: number): string {
  switch (kind) {
    case "general_school":
      return `${rng.pick(["Oberschule", "Gymnasium", "Integrierte Gesamtschule", "Förderschule", "Realschule"])} ${place.name}`;
    case "vocational_school":
      return `Berufsbildende Schulen ${place.name}`;
    case "politics":
      return `Kreistag ${place.name}: Ausschuss für ${rng.pick(["Schule und Bildung", "Wirtschaft", "Jugend und Soziales"])}`;
    case "municipal_administration":
      return `Kreisverwaltung ${place.name}`;
    case "employer":
      return `${rng.pick(employerStems)} ${rng.pick(familyNames)} GmbH`;
    case "union":
      return `Gewerkschaftsbund Region ${place.name}`;
    case "association":
      return rng.pick([`Unternehmerverband ${place.name}`, `Kreishandwerkerschaft ${place.name}`]);
    case "chamber":
      return index % 2 === 0 ? `Industrie- und Handelskammer ${place.name}` : `Handwerkskammer ${place.name}`;
    case "independent_provider":
      return `${rng.pick(providerStems)} ${place.name} e. V.`;
    case "employment_agency":
      return `Agentur für Arbeit ${place.name}`;
    case "job_centre":
      return `Jobcenter ${place.name}`;
    case "town":
      return `${rng.chance(0.3) ? "Stadt" : "Gemeinde"} ${place.name}`;
    case "state_school_authority":
      return `Regionales Landesamt für Schule und Bildung ${place.name}`;
    case "youth_welfare_office":
      return `Jugendamt ${place.name}`;
    case "other":
      return `Stiftung Bildungschancen ${place.name}`;
  }
}

function makeActors(
  ctx: Context,
  total: number,
  places: readonly Place[],
  districts: number,
): { actors: Actor[]; byKind: Map<ActorKind, Actor[]>; placeOf: Map<ActorId, Place> } {
  const { rng } = ctx;
  const kinds = actorKinds(rng, total, districts, places.length);
  const byKind = new Map<ActorKind, Actor[]>();
  const placeOf = new Map<ActorId, Place>();
  const districtSeat = (d: number) => places[d * municipalitiesPerDistrict] ?? places[0]!;
  const counters = new Map<ActorKind, number>();
  const actors = kinds.map((kind) => {
    const n = counters.get(kind) ?? 0;
    counters.set(kind, n + 1);
    // District-level actors sit in the first town of their district, towns in their own place.
    const districtLevel = [
      "municipal_administration",
      "employment_agency",
      "job_centre",
      "youth_welfare_office",
      "state_school_authority",
      "chamber",
      "politics",
      "union",
      "association",
    ].includes(kind);
    const place =
      kind === "town"
        ? places[n % places.length]!
        : districtLevel
          ? districtSeat(n % districts)
          : rng.pick(places);
    const name = actorName(rng, kind, place, n);
    const slug = `a${rng.int(100_000, 999_999)}`;
    const actor: Actor = {
      ...(meta(ctx, "act", `${ctx.firstYear - rng.int(1, 8)}-0${rng.int(1, 9)}-15`, rng.int(1, 3)) as Meta & {
        id: ActorId;
      }),
      name,
      kind,
      legalFrameworks: legalFrameworksOf[kind] ?? [],
      email: `kontakt@${slug}.example.org`,
      website: `https://www.${slug}.example.org/`,
      address: {
        street: `${rng.pick(["Hauptstraße", "Schulstraße", "Bahnhofstraße", "Am Markt", "Lindenallee"])} ${rng.int(1, 60)}`,
        postalCode: place.postalCode,
        locality: place.name,
        municipalityKey: place.ags,
      },
      illustrative: true,
    };
    placeOf.set(actor.id, place);
    const list = byKind.get(kind);
    if (list) list.push(actor);
    else byKind.set(kind, [actor]);
    return actor;
  });
  return { actors, byKind, placeOf };
}

function makePeople(ctx: Context, actors: readonly Actor[]): People {
  const { rng } = ctx;
  const contacts: Contact[] = [];
  const affiliations: Affiliation[] = [];
  const leaders = new Map<ActorId, Affiliation[]>();
  const staff = new Map<ActorId, Affiliation[]>();
  const start = `${ctx.firstYear - 2}-01-01`;
  const newContact = (since: string): Contact => {
    const givenName = rng.pick(givenNames);
    const familyName = rng.pick(familyNames);
    const contact: Contact = {
      ...(meta(ctx, "con", since) as Meta & { id: ContactId }),
      givenName,
      familyName,
      publicationConsent: false,
      email: `${givenName}.${familyName}.${contacts.length}@example.org`
        .toLowerCase()
        .replace(/ä/g, "ae")
        .replace(/ö/g, "oe")
        .replace(/ü/g, "ue")
        .replace(/ß/g, "ss"),
      illustrative: true,
    };
    contacts.push(contact);
    return contact;
  };
  const chain = (actor: Actor, level: "leadership" | "operational", role: string, primary: boolean) => {
    const list: Affiliation[] = [];
    let from = addDays(start, rng.int(0, 400));
    let contact = newContact(from);
    // Turnover: most partners keep their people, some change once or twice (handover or a gap).
    const changes = rng.weighted([
      [0, 55],
      [1, 30],
      [2, 15],
    ] as const);
    const first = Date.parse(from) + 60 * day;
    const last = Date.parse(ctx.today) - 30 * day;
    const cuts =
      last > first
        ? Array.from({ length: changes }, () =>
            iso(first + Math.floor((rng.float() * (last - first)) / day) * day),
          ).sort()
        : [];
    for (const on of cuts) {
      if (on <= from) continue;
      const handover = rng.chance(0.7);
      const successor = newContact(on);
      const startNext = handover ? on : addDays(on, rng.int(30, 180));
      const ended: Affiliation = {
        ...(meta(ctx, "aff", from, 2) as Meta & { id: Affiliation["id"] }),
        illustrative: true,
        contactId: contact.id,
        actorId: actor.id,
        role,
        level,
        from,
        to: on,
        endReason: handover ? "handover" : rng.pick(["left_organisation", "retired", "role_change"] as const),
        ...(handover ? { successorContactId: successor.id } : {}),
        primary,
      };
      list.push(ended);
      contact = successor;
      from = startNext < ctx.today ? startNext : on;
    }
    list.push({
      ...(meta(ctx, "aff", from) as Meta & { id: Affiliation["id"] }),
      illustrative: true,
      contactId: contact.id,
      actorId: actor.id,
      role,
      level,
      from,
      primary,
    });
    affiliations.push(...list);
    return list;
  };
  for (const actor of actors) {
    leaders.set(actor.id, chain(actor, "leadership", leadershipRole(actor.kind), true));
    if (rng.chance(0.5))
      staff.set(actor.id, chain(actor, "operational", "Fachkraft Übergang Schule–Beruf", false));
  }
  return { contacts, affiliations, leaders, staff };
}

function leadershipRole(kind: ActorKind): string {
  switch (kind) {
    case "general_school":
    case "vocational_school":
      return "Schulleitung";
    case "employment_agency":
    case "job_centre":
      return "Geschäftsführung";
    case "municipal_administration":
      return "Erste Kreisrätin / Erster Kreisrat";
    case "town":
      return "Bürgermeisterin / Bürgermeister";
    case "politics":
      return "Ausschussvorsitz";
    default:
      return "Leitung";
  }
}

/** The affiliation of a chain active on a date, if any. */
function activeIn(chain: readonly Affiliation[] | undefined, date: string): Affiliation | undefined {
  return chain?.find((a) => a.from <= date && (!a.to || a.to >= date));
}

interface Governance {
  bodies: Body[];
  seats: Seat[];
  memberships: Membership[];
  meetings: Meeting[];
  members: Map<BodyId, Membership[]>;
  leaderActors: Actor[];
}

function makeGovernance(
  ctx: Context,
  actors: readonly Actor[],
  byKind: Map<ActorKind, Actor[]>,
  people: People,
) {
  const { rng } = ctx;
  const founded = `${ctx.firstYear - 1}-09-01`;
  const body = (
    kind: BodyKind,
    name: string,
    shortName: string,
    authority: Body["decisionAuthority"],
    perYear: number,
    topic?: string,
    parentBodyId?: BodyId,
  ): Body => ({
    ...(meta(ctx, "bod", founded) as Meta & { id: BodyId }),
    name,
    shortName,
    kind,
    decisionAuthority: authority,
    targetMeetingsPerYear: perYear,
    ...(topic ? { topic } : {}),
    ...(parentBodyId ? { parentBodyId } : {}),
    from: founded,
    illustrative: true,
  });
  const steering = body("steering_group", "Steuerungsgruppe Bildung-Beruf", "StG", "decides", 2);
  const board = body("advisory_board", "Beirat Übergang Schule–Beruf", "Beirat", "recommends", 2);
  const groupTopics = [
    "Berufliche Orientierung",
    "Übergangsmanagement und Anschlussperspektiven",
    "Ausbildung und Wirtschaft",
    "Neu zugewanderte Jugendliche",
    "Daten und Bildungsmonitoring",
  ];
  const workingGroups = rng
    .sample(groupTopics, rng.int(3, 5))
    .map((topic, k) => body("working_group", `AG ${topic}`, `AG ${k + 1}`, "works", 4, topic, steering.id));
  const conference = body("network_conference", "Netzwerkkonferenz Bildung-Beruf", "NK", "advises", 1);
  const bodies = [steering, board, ...workingGroups, conference];

  const first = (kind: ActorKind) => byKind.get(kind)?.[0];
  const steeringActors = [
    first("municipal_administration"),
    first("employment_agency"),
    first("job_centre"),
    byKind.get("chamber")?.[0],
    byKind.get("chamber")?.[1],
    first("state_school_authority"),
    first("youth_welfare_office"),
    first("vocational_school"),
  ].filter((a): a is Actor => a !== undefined);
  const taken = new Set(steeringActors.map((a) => a.id));
  const boardActors = [
    ...(byKind.get("politics") ?? []).slice(0, 2),
    first("union"),
    ...(byKind.get("association") ?? []).slice(0, 2),
    ...(byKind.get("general_school") ?? []).slice(0, 3),
    ...(byKind.get("town") ?? []).slice(0, 2),
    ...(byKind.get("independent_provider") ?? []).slice(0, 2),
    first("employer"),
  ].filter((a): a is Actor => a !== undefined && !taken.has(a.id));

  const seats: Seat[] = [];
  const memberships: Membership[] = [];
  const members = new Map<BodyId, Membership[]>();
  const addMember = (m: Membership) => {
    memberships.push(m);
    const list = members.get(m.bodyId);
    if (list) list.push(m);
    else members.set(m.bodyId, [m]);
  };
  const seatHolders = (b: Body, list: readonly Actor[]) => {
    list.forEach((actor, k) => {
      const seat: Seat = {
        ...(meta(ctx, "sea", founded) as Meta & { id: SeatId }),
        illustrative: true,
        bodyId: b.id,
        actorId: actor.id,
        actorKind: actor.kind,
        label: actor.name,
        votingRight: b.kind === "steering_group" || rng.chance(0.8),
        deputiesAllowed: 1,
        from: founded,
      };
      seats.push(seat);
      const role: MembershipRole = k === 0 ? "chair" : k === 1 ? "vice_chair" : "member";
      // Successive holders of the seat follow the partner's leadership affiliations.
      for (const aff of people.leaders.get(actor.id) ?? []) {
        const from = aff.from > founded ? aff.from : founded;
        if (aff.to && aff.to <= from) continue;
        addMember({
          ...(meta(ctx, "mem", from) as Meta & { id: Membership["id"] }),
          illustrative: true,
          bodyId: b.id,
          contactId: aff.contactId,
          actorId: actor.id,
          seatId: seat.id,
          role,
          votingRight: seat.votingRight,
          from,
          ...(aff.to ? { to: addDays(aff.to, -1) < from ? from : addDays(aff.to, -1) } : {}),
        });
      }
    });
  };
  seatHolders(steering, steeringActors);
  seatHolders(board, boardActors);
  for (const wg of [...workingGroups, conference]) {
    const size = wg.kind === "network_conference" ? Math.min(40, actors.length) : rng.int(5, 10);
    for (const actor of rng.sample(actors, size)) {
      const chain = people.staff.get(actor.id) ?? people.leaders.get(actor.id) ?? [];
      for (const aff of chain) {
        const from = aff.from > founded ? aff.from : founded;
        if (aff.to && aff.to <= from) continue;
        addMember({
          ...(meta(ctx, "mem", from) as Meta & { id: Membership["id"] }),
          illustrative: true,
          bodyId: wg.id,
          contactId: aff.contactId,
          actorId: actor.id,
          role: "member",
          votingRight: true,
          from,
          ...(aff.to ? { to: aff.to } : {}),
        });
      }
    }
  }
  const meetings: Meeting[] = [];
  for (const b of bodies) {
    for (let year = ctx.firstYear; year <= ctx.todayYear; year++) {
      for (let k = 0; k < b.targetMeetingsPerYear; k++) {
        const month = Math.min(12, 1 + Math.floor(((k + 0.5) * 12) / b.targetMeetingsPerYear));
        const date = `${year}-${pad(month, 2)}-${pad(rng.int(3, 26), 2)}`;
        meetings.push(makeMeeting(ctx, b, date, members.get(b.id) ?? [], people));
      }
    }
  }
  return {
    bodies,
    seats,
    memberships,
    meetings,
    members,
    leaderActors: [...steeringActors, ...boardActors],
  } satisfies Governance;
}

function makeMeeting(
  ctx: Context,
  b: Body,
  date: string,
  members: readonly Membership[],
  people: People,
): Meeting {
  const { rng } = ctx;
  const past = date < ctx.today;
  const status: MeetingStatus = past
    ? rng.chance(0.04)
      ? "cancelled"
      : rng.chance(0.85)
        ? "minutes_approved"
        : "held"
    : date < addDays(ctx.today, 30)
      ? "invited"
      : "planned";
  const agenda: AgendaItem[] = Array.from({ length: rng.int(3, 5) }, (_, k) => ({
    id: ctx.rng.id<AgendaItemId>("agi"),
    number: `TOP ${k + 1}`,
    title: rng.pick([
      "Bericht der Koordinierungsstelle",
      "Stand der Mindeststandards",
      "Angebotsübersicht und Überschneidungen",
      "Zahlen zum Übergang Schule–Beruf",
      "Erwartungsabgleich der Partner",
      "Verschiedenes",
    ]),
    public: true,
  }));
  const held = status === "held" || status === "minutes_approved";
  const attendance: Attendance[] = [];
  const decisions: Decision[] = [];
  const actionItems: ActionItem[] = [];
  if (held) {
    const seen = new Set<string>();
    for (const m of members) {
      if (m.from > date || (m.to && m.to < date) || seen.has(m.contactId)) continue;
      seen.add(m.contactId);
      let attendanceStatus = rng.weighted<AttendanceStatus>([
        ["present", 75],
        ["excused", 12],
        ["absent", 5],
        ["represented", 8],
      ]);
      let proxy: ContactId | undefined;
      if (attendanceStatus === "represented") {
        const deputy = m.actorId ? activeIn(people.staff.get(m.actorId), date) : undefined;
        if (deputy && deputy.contactId !== m.contactId && !seen.has(deputy.contactId))
          proxy = deputy.contactId;
        else attendanceStatus = "excused";
      }
      attendance.push({
        contactId: m.contactId,
        ...(m.actorId ? { actorId: m.actorId } : {}),
        status: attendanceStatus,
        ...(proxy ? { representedByContactId: proxy } : {}),
      });
    }
    if (b.decisionAuthority !== "works" || rng.chance(0.3)) {
      for (let k = 0; k < rng.int(0, 2); k++) {
        const item = rng.pick(agenda);
        decisions.push({
          id: ctx.rng.id<DecisionId>("dec"),
          agendaItemId: item.id,
          text: `Beschluss zu „${item.title}“`,
          votesFor: rng.int(5, 15),
          votesAgainst: rng.int(0, 2),
          abstentions: rng.int(0, 2),
        });
      }
    }
    for (let k = 0; k < rng.int(0, 3); k++) {
      const due = addDays(date, rng.int(30, 150));
      const owner = attendance.length > 0 ? rng.pick(attendance) : undefined;
      const done = due < ctx.today && rng.chance(0.7);
      actionItems.push({
        id: ctx.rng.id<ActionItem["id"]>("tsk"),
        title: rng.pick([
          "Angebotsliste aktualisieren",
          "Entwurf Handlungsstandard abstimmen",
          "Zahlen für den Bildungsbericht liefern",
          "Einladung zur Netzwerkkonferenz versenden",
          "Rückmeldungen zum Erwartungsabgleich einholen",
        ]),
        ...(decisions[0] && rng.chance(0.5) ? { decisionId: decisions[0].id } : {}),
        ...(owner ? { ownerContactId: owner.contactId } : {}),
        ...(owner?.actorId ? { ownerActorId: owner.actorId } : {}),
        due,
        status: done
          ? "done"
          : due < ctx.today
            ? rng.pick(["open", "in_progress", "dropped"] as const)
            : "open",
        ...(done ? { doneOn: addDays(due, -rng.int(0, 20)) } : {}),
      });
    }
  }
  return {
    ...(meta(ctx, "mtg", addDays(date, -30), held ? 3 : 1) as Meta & { id: Meeting["id"] }),
    illustrative: true,
    bodyId: b.id,
    title: `${b.shortName ?? b.name}: Sitzung ${date.slice(0, 7)}`,
    status,
    start: isoTime(date, 14),
    end: isoTime(date, 16),
    location: "Kreishaus, Sitzungssaal",
    agenda,
    attendance,
    ...(held ? { minutes: "Ergebnisprotokoll liegt vor." } : {}),
    decisions,
    actionItems,
  };
}

function makeProgrammes(ctx: Context): FundingProgramme[] {
  const list: [string, string, FundingProgramme["funderLevel"], string, string | undefined][] = [
    ["ESF-Plus-Programm Jugend und Beruf", "Europäische Union / Land", "eu", "2021-01-01", "2027-12-31"],
    [
      "Bundesprogramm Regionales Übergangsmanagement",
      "Bundesministerium für Bildung",
      "federal",
      "2008-01-01",
      "2013-12-31",
    ],
    ["Landesprogramm Berufsorientierung", "Land", "state", "2016-08-01", undefined],
    [
      "Arbeitsmarktprogramm der Agentur für Arbeit",
      "Bundesagentur für Arbeit",
      "employment_agency",
      "2012-01-01",
      undefined,
    ],
    ["Kreishaushalt Bildung-Beruf", "Landkreis", "district", "2013-01-01", undefined],
    ["Stiftungsfonds Chancen", "Stiftung", "foundation", "2019-01-01", "2026-12-31"],
  ];
  return list.map(([name, funder, funderLevel, from, to]) => ({
    ...(meta(ctx, "fun", from) as Meta & { id: FundingProgrammeId }),
    illustrative: true,
    name,
    funder,
    funderLevel,
    from,
    ...(to ? { to } : {}),
    rules:
      funderLevel === "eu" ? ["Kofinanzierung erforderlich", "Teilnehmendendaten je Person erfassen"] : [],
  }));
}

function makeOffice(ctx: Context, programmes: readonly FundingProgramme[]): CoordinationOffice {
  const federal = programmes[1]!.id;
  return {
    ...(meta(ctx, "off", "2008-01-01", 4) as Meta & { id: CoordinationOffice["id"] }),
    illustrative: true,
    name: "Koordinierungsstelle Bildung-Beruf",
    mission: "Vernetzung und systematische Kooperation aller Akteure am Übergang Bildung-Beruf.",
    placements: [
      { from: "2008-01-01", to: "2010-12-31", unitKind: "project", unitName: "Projekt Übergangsmanagement" },
      {
        from: "2011-01-01",
        to: "2013-12-31",
        unitKind: "department",
        unitName: "Abteilung in der Stabsstelle Bildung, Wirtschaft und Regionalplanung",
      },
      {
        from: "2014-01-01",
        unitKind: "main_section",
        unitName: "Hauptsachgebiet Koordinierungsstelle Bildung-Beruf",
        reportsTo: "Erste Kreisrätin / Erster Kreisrat",
      },
    ],
    staffing: [
      {
        from: "2008-01-01",
        to: "2009-12-31",
        posts: 1,
        fte: 1,
        funding: "programme",
        fundingProgrammeIds: [federal],
      },
      {
        from: "2010-01-01",
        to: "2013-12-31",
        posts: 4,
        fte: 3.5,
        funding: "programme",
        fundingProgrammeIds: [federal],
      },
      { from: "2014-01-01", posts: 2, fte: 2, funding: "core_budget", fundingProgrammeIds: [] },
    ],
    milestones: [
      {
        date: "2008-01-01",
        precision: "year",
        kind: "founded",
        title: "Einrichtung über eine Programmförderung",
      },
      {
        date: "2010-01-01",
        precision: "year",
        kind: "programme_joined",
        title: "Ausbau durch ein weiteres Förderprogramm",
      },
      { date: "2011-01-01", precision: "year", kind: "restructured", title: "Abteilung in der Stabsstelle" },
      {
        date: "2013-06-27",
        precision: "day",
        kind: "council_resolution",
        title: "Kreistagsbeschluss zur Verstetigung",
      },
      {
        date: "2014-01-01",
        precision: "year",
        kind: "made_permanent",
        title: "Hauptsachgebiet beim Ersten Kreisrat",
      },
    ],
  };
}

interface MeasureContext {
  readonly places: readonly Place[];
  readonly districts: number;
  readonly providers: Map<ActorKind, Actor[]>;
  readonly programmes: readonly FundingProgramme[];
  readonly schools: readonly Actor[];
}

const categoryEntries = Object.entries(categoryProfiles).map(
  ([category, profile]) => [category as MeasureCategory, profile.weight] as const,
);

function pickTargetGroups(rng: SeededRandom, profile: CategoryProfile): TargetGroup[] {
  const groups = profile.targetGroups.filter(([, p]) => rng.chance(p)).map(([g]) => g);
  if (groups.length === 0) groups.push(profile.targetGroups[0]![0]);
  // A few records lack target groups, as real catalogues do.
  return rng.chance(0.03) ? [] : groups;
}

function pickArea(rng: SeededRandom, mc: MeasureContext): { areaServed: string[]; place: string } {
  const { places, districts } = mc;
  const single = districts === 1;
  const scope = rng.weighted<"region" | "district" | "one" | "some">(
    single
      ? [
          ["region", 30],
          ["one", 40],
          ["some", 20],
        ]
      : [
          ["region", 1],
          ["district", 25],
          ["one", 49],
          ["some", 25],
        ],
  );
  if (scope === "region") return { areaServed: [], place: single ? "im Landkreis" : "landesweit" };
  const anchor = rng.int(0, places.length - 1);
  const district = places[anchor]!.district;
  const inDistrict = places.filter(
    (_, k) =>
      Math.floor(k / municipalitiesPerDistrict) === district &&
      Math.abs(k - anchor) < municipalitiesPerDistrict,
  );
  if (scope === "district")
    return { areaServed: inDistrict.map((p) => p.ags), place: `Kreis ${inDistrict[0]!.name}` };
  if (scope === "one") return { areaServed: [places[anchor]!.ags], place: places[anchor]!.name };
  const k = Math.min(inDistrict.length, rng.int(2, 4));
  const chosen = rng.sample(inDistrict, k).sort((a, b) => (a.ags < b.ags ? -1 : 1));
  return { areaServed: chosen.map((p) => p.ags), place: chosen.map((p) => p.name).join(" und ") };
}

function pickRange(rng: SeededRandom, range: readonly [number, number]): { min: number; max: number } {
  const [lo, hi] = range;
  const min = rng.int(lo, Math.max(lo, hi - 1));
  return { min, max: rng.int(min, hi) };
}

function statusFor(ctx: Context, from: string, to: string | undefined): MeasureStatus {
  if (ctx.rng.chance(0.05)) return "cancelled";
  if (from > ctx.today) return "planned";
  if (to && to < ctx.today) return "completed";
  return "running";
}

/** The standard element of an offer: the one drawn from its category, unless its title needs another (or none). */
function standardFor(
  profile: CategoryProfile,
  template: string,
  drawn: string,
): { standardElement?: string } {
  const fitting = profile.titleStandards?.[template];
  if (!fitting) return { standardElement: drawn };
  if (fitting.includes(drawn)) return { standardElement: drawn };
  return fitting.length > 0 ? { standardElement: fitting[0]! } : {};
}

function makeMeasure(ctx: Context, mc: MeasureContext): Measure {
  const { rng } = ctx;
  const category = rng.weighted(categoryEntries);
  const profile = categoryProfiles[category];
  const targetGroups = pickTargetGroups(rng, profile);
  const { areaServed, place } = pickArea(rng, mc);
  const providerKind = rng.weighted(profile.providers);
  const providerPool = mc.providers.get(providerKind) ?? mc.providers.get("independent_provider") ?? [];
  const provider = rng.pick(providerPool.length > 0 ? providerPool : [...mc.providers.values()].flat());
  const school = mc.schools.length > 0 ? rng.pick(mc.schools).name : `Schule ${place}`;
  const template = rng.pick(profile.titles);
  const plain = template.replace("{place}", place).replace("{school}", school);
  // Many providers brand their offers; branded titles make similar offers distinguishable.
  const title = rng.chance(0.6) ? `${rng.pick(projectNames)}: ${plain}` : plain;
  const year = rng.weighted(
    Array.from(
      { length: ctx.todayYear - ctx.firstYear + 2 },
      (_, k) => [ctx.firstYear + k, 1 + k / 2] as const,
    ),
  );
  const shape = rng.weighted<"year" | "multi" | "open" | "short">([
    ["year", 50],
    ["multi", 25],
    ["open", 15],
    ["short", 10],
  ]);
  const from =
    shape === "short" ? `${year + 1}-0${rng.int(1, 6)}-${pad(rng.int(1, 28), 2)}` : `${year}-08-01`;
  const to =
    shape === "year"
      ? `${year + 1}-07-31`
      : shape === "multi"
        ? `${year + rng.int(2, 3)}-07-31`
        : shape === "short"
          ? addDays(from, rng.int(0, 30))
          : undefined;
  const programme = rng.chance(0.6) ? rng.pick(mc.programmes) : undefined;
  const groupNames = targetGroups.map((g) => targetGroupLabels[g].de).join(", ");
  const version = rng.weighted([
    [1, 60],
    [2, 25],
    [3, 10],
    [4, 5],
  ] as const);
  return {
    ...(meta(ctx, "msr", addDays(from, -rng.int(30, 200)), version) as Meta & { id: MeasureId }),
    title,
    description: `${provider.name}${groupNames ? ` für ${groupNames}` : ""}. ${rng.sample(descriptionPhrases, rng.int(1, 3)).join(" ")}`,
    providerActorId: provider.id,
    partnerActorIds: rng.chance(0.3)
      ? [rng.pick(mc.schools.length > 0 ? mc.schools : [provider]).id].filter((id) => id !== provider.id)
      : [],
    category,
    ...(profile.iabe ? { iabeSector: profile.iabe } : {}),
    ...(profile.ba && rng.chance(0.6) ? { baMeasureType: rng.pick(profile.ba) } : {}),
    ...(profile.standardElement && rng.chance(0.5)
      ? standardFor(profile, template, rng.pick(profile.standardElement))
      : {}),
    targetGroups,
    ...(profile.grades && rng.chance(0.9) ? { grades: pickRange(rng, profile.grades) } : {}),
    ...(profile.ages && rng.chance(0.8) ? { ages: pickRange(rng, profile.ages) } : {}),
    areaServed,
    from,
    ...(to ? { to } : {}),
    schedule:
      shape === "short"
        ? rng.pick(["once", "block"] as const)
        : rng.pick(["weekly", "monthly", "continuous"] as const),
    ...(rng.chance(0.75) ? { places: rng.int(profile.places[0], profile.places[1]) } : {}),
    funding: programme ? [{ programmeId: programme.id, amountEur: rng.int(5, 250) * 1000 }] : [],
    status: statusFor(ctx, from, to),
    public: rng.chance(0.7),
    illustrative: true,
  };
}

const titleVariants: readonly ((title: string) => string)[] = [
  (t) => `${t} (neu)`,
  (t) => t.replace(/ an der /, " der "),
  (t) => `${t} – Kompaktangebot`,
  (t) => t,
  (t) => `Projekt ${t}`,
];

/** A near-duplicate of a measure: the same offer under another provider, title or period. */
function variantOf(ctx: Context, base: Measure, mc: MeasureContext): Measure {
  const { rng } = ctx;
  const fresh = makeMeasure(ctx, mc);
  const shift = rng.chance(0.5) ? 365 : 0;
  const from = addDays(base.from, shift);
  const to = base.to ? addDays(base.to, shift) : undefined;
  const keepProvider = rng.chance(0.3);
  // The same offer keeps what makes it that offer: its instrument (BA measure type, standard
  // element, iABE sector) and schedule. Only provider, title, place, period and funding may differ.
  const {
    to: _to,
    grades: _grades,
    ages: _ages,
    places: _places,
    baMeasureType: _ba,
    standardElement: _standard,
    iabeSector: _iabe,
    schedule: _schedule,
    ...freshRest
  } = fresh;
  return {
    ...freshRest,
    ...(base.iabeSector ? { iabeSector: base.iabeSector } : {}),
    ...(base.baMeasureType ? { baMeasureType: base.baMeasureType } : {}),
    ...(base.standardElement ? { standardElement: base.standardElement } : {}),
    ...(base.schedule ? { schedule: base.schedule } : {}),
    title: rng.pick(titleVariants)(base.title),
    ...(base.description ? { description: base.description } : {}),
    providerActorId: keepProvider ? base.providerActorId : fresh.providerActorId,
    category: base.category,
    targetGroups: base.targetGroups,
    ...(base.grades ? { grades: base.grades } : {}),
    ...(base.ages ? { ages: base.ages } : {}),
    areaServed: rng.chance(0.8) ? base.areaServed : fresh.areaServed,
    from,
    ...(to ? { to } : {}),
    ...(fresh.places !== undefined ? { places: fresh.places } : {}),
    funding: rng.chance(0.5) ? base.funding : fresh.funding,
    status: statusFor(ctx, from, to),
  };
}

function makeMeasures(
  ctx: Context,
  count: number,
  share: number,
  mc: MeasureContext,
): { measures: Measure[]; duplicates: [number, number][] } {
  const measures: Measure[] = [];
  const duplicates: [number, number][] = [];
  for (let k = 0; k < count; k++) {
    if (k > 0 && ctx.rng.chance(share)) {
      const base = ctx.rng.int(0, k - 1);
      measures.push(variantOf(ctx, measures[base]!, mc));
      duplicates.push([base, k]);
    } else measures.push(makeMeasure(ctx, mc));
  }
  return { measures, duplicates };
}

function makeReviews(ctx: Context, measures: readonly Measure[], duplicates: readonly [number, number][]) {
  const { rng } = ctx;
  const reviews: OverlapReview[] = [];
  for (const [a, b] of duplicates) {
    if (!rng.chance(0.3)) continue;
    const ma = measures[a]!;
    const mb = measures[b]!;
    const verdict = rng.weighted<OverlapVerdict>([
      ["complementary", 50],
      ["redundant", 30],
      ["merge_planned", 20],
    ]);
    // Some reviews predate the latest change of a measure: those pairs are open again.
    const outdated = ma.version > 1 && rng.chance(0.3);
    reviews.push({
      ...(meta(ctx, "ovr", ma.from > mb.from ? ma.from : mb.from) as Meta & { id: OverlapReview["id"] }),
      illustrative: true,
      measureIds: [ma.id, mb.id],
      measureVersions: [outdated ? ma.version - 1 : ma.version, mb.version],
      verdict,
      note:
        verdict === "complementary"
          ? "Unterschiedliche Schwerpunkte, beide Angebote bleiben."
          : "Angebote werden abgestimmt.",
      reviewedBy: "Koordinierungsstelle",
      reviewedAt: isoTime(ctx.today < ma.updatedAt.slice(0, 10) ? ctx.today : ma.updatedAt.slice(0, 10), 11),
    });
  }
  return reviews;
}

const indicatorSpecs: readonly [string, string, Indicator["unit"], Indicator["direction"], number, number][] =
  [
    ["ABG-OHNE", "Schulabgänge ohne Ersten Schulabschluss", "percent", "lower_is_better", 7.5, -0.3],
    ["UEB-QUOTE", "Übergänge direkt in Ausbildung", "percent", "higher_is_better", 38, 1.1],
    ["UNVERSORGT", "Unversorgte Bewerberinnen und Bewerber", "count", "lower_is_better", 120, -6],
    ["ABBRUCH", "Vorzeitig gelöste Ausbildungsverträge", "percent", "lower_is_better", 26, -0.4],
    ["JUG-ALO", "Arbeitslose unter 25 Jahren", "count", "lower_is_better", 640, -15],
    ["ANGEBOTE", "Angebote im Übergang Schule–Beruf", "count", "neutral", 80, 3],
  ];

function makeFigures(ctx: Context, actors: readonly Actor[], agreementId: AgreementId) {
  const { rng } = ctx;
  const indicators: Indicator[] = [];
  const observations: Observation[] = [];
  const goals: Goal[] = [];
  const start = ctx.firstYear - 1;
  for (const [code, name, unit, direction, base, trend] of indicatorSpecs) {
    const indicator: Indicator = {
      ...(meta(ctx, "ind", `${start}-01-15`) as Meta & { id: IndicatorId }),
      code,
      name,
      unit,
      direction,
      frequency: "yearly",
      source:
        code === "JUG-ALO" ? "Statistik der Bundesagentur für Arbeit" : "Schulstatistik und Kammerdaten",
      illustrative: true,
    };
    indicators.push(indicator);
    let value = base;
    for (let year = start; year < ctx.todayYear; year++) {
      value = Math.max(0, value + trend + (rng.float() - 0.5) * Math.abs(trend) * 2);
      const rounded = unit === "count" ? Math.round(value) : Math.round(value * 10) / 10;
      observations.push({
        ...(meta(ctx, "obs", `${year + 1}-02-01`) as Meta & { id: Observation["id"] }),
        illustrative: true,
        indicatorId: indicator.id,
        date: `${year}-09-30`,
        periodLabel: `${year}/${pad((year + 1) % 100, 2)}`,
        value: rounded,
        source: indicator.source,
        vintage: `${year + 1}-01-31`,
        provisional: year === ctx.todayYear - 1,
      });
    }
  }
  const strategic: Goal = {
    ...(meta(ctx, "gol", `${start}-06-01`) as Meta & { id: GoalId }),
    illustrative: true,
    title: "Jeder junge Mensch erhält eine Anschlussperspektive",
    level: "strategic",
    state: "active",
    agreementId,
    weight: 1,
    ownerActorIds: actors.slice(0, 2).map((a) => a.id),
  };
  goals.push(strategic);
  indicators.slice(0, 5).forEach((indicator, k) => {
    const baseline = observations.find((o) => o.indicatorId === indicator.id);
    if (!baseline) return;
    const better = indicator.direction === "lower_is_better" ? -1 : 1;
    const target = Math.round(baseline.value * (1 + better * 0.15) * 10) / 10;
    goals.push({
      ...(meta(ctx, "gol", `${start}-06-01`, rng.int(1, 2)) as Meta & { id: GoalId }),
      illustrative: true,
      title: `${indicator.name}: Zielwert ${target}`,
      level: "tactical",
      state: k === 4 && rng.chance(0.5) ? "dropped" : "active",
      parentGoalId: strategic.id,
      agreementId,
      indicatorId: indicator.id,
      baseline: { value: baseline.value, date: baseline.date },
      target: target === baseline.value ? target + better : target,
      deadline: `${ctx.todayYear + rng.int(0, 2)}-07-31`,
      weight: rng.int(1, 3),
      ownerActorIds: [rng.pick(actors).id],
    });
  });
  return { indicators, observations, goals };
}

function makeAgreement(ctx: Context, parties: readonly Actor[]): Agreement {
  const { rng } = ctx;
  const signedOn = `${ctx.firstYear}-03-15`;
  return {
    ...(meta(ctx, "agr", `${ctx.firstYear - 1}-10-01`, 5) as Meta & { id: AgreementId }),
    illustrative: true,
    title: "Kooperationsvereinbarung Übergang Schule–Beruf",
    kind: "cooperation_agreement",
    status: "in_force",
    partyActorIds: parties.map((a) => a.id),
    revisions: [
      { number: 1, adoptedOn: signedOn, summary: "Erste Fassung mit Zielen und Zuständigkeiten" },
      ...(rng.chance(0.6)
        ? [{ number: 2, adoptedOn: `${ctx.todayYear - 1}-03-01`, summary: "Fortschreibung der Ziele" }]
        : []),
    ],
    signatures: parties.map((a) => ({
      actorId: a.id,
      signedOn: addDays(signedOn, rng.int(0, 40)),
      revision: 1,
    })),
    commitments: parties.slice(0, 8).map((a) => ({
      actorId: a.id,
      text: `${a.name} benennt eine feste Ansprechperson und bringt Daten in das Monitoring ein.`,
    })),
    validFrom: addDays(signedOn, 60),
  };
}

function makeStandards(ctx: Context, actors: readonly Actor[]): { standards: Standard[]; guide: Guide } {
  const { rng } = ctx;
  const specs: [string, string, Standard["kind"], string | undefined][] = [
    ["MS-01", "Berufliche Orientierung ab Klasse 7", "minimum", "SBO 5"],
    ["MS-02", "Übergabe der Anschlussperspektive am Ende der Schulzeit", "minimum", "SBO 10.6"],
    ["MS-03", "Qualitätskriterien für Schülerbetriebspraktika", "minimum", "SBO 6.3"],
    ["HS-01", "Begleitung Jugendlicher ohne Anschluss", "action", undefined],
    ["HS-02", "Datenaustausch zwischen Schule und Jugendberufsagentur", "action", undefined],
    ["HS-03", "Information der Eltern zur Berufswahl", "action", "SBO 3"],
  ];
  const statuses: Standard["status"][] = [
    "in_force",
    "in_force",
    "adopted",
    "in_force",
    "consultation",
    "draft",
  ];
  const standards = specs.map(([code, title, kind, element], k): Standard => {
    const status = statuses[k]!;
    const adoptedOn =
      status === "draft" || status === "consultation" ? undefined : `${ctx.firstYear + (k % 3)}-05-01`;
    const adopters = rng.sample(actors, Math.min(actors.length, rng.int(4, 10)));
    return {
      ...(meta(ctx, "std", `${ctx.firstYear}-01-10`, rng.int(1, 4)) as Meta & { id: StandardId }),
      code,
      title,
      kind,
      revision: "1.0",
      status,
      ...(adoptedOn ? { adoptedOn } : {}),
      reviewIntervalMonths: 24,
      interfaces: [
        {
          id: ctx.rng.id<Standard["interfaces"][number]["id"]>("ifc"),
          from: { actorKind: "general_school" },
          to: { actorKind: k % 2 === 0 ? "employment_agency" : "youth_welfare_office" },
          handover: "Anschlussperspektive und Kompetenzprofil",
          trigger: "Abgang ohne gesicherten Anschluss",
          deadline: "bis 31. Mai des Abgangsjahres",
          legalFrameworks: ["school_law"],
        },
      ],
      responsibilities: [
        { task: "Umsetzung in der Schule", role: "responsible", actorKind: "general_school" },
        { task: "Begleitung und Auswertung", role: "accountable", actorKind: "municipal_administration" },
      ],
      adoptions: adoptedOn
        ? adopters.map((a) => ({
            actorId: a.id,
            status: rng.weighted([
              ["adopted", 2],
              ["implementing", 3],
              ["implemented", 4],
              ["not_started", 1],
              ["declined", 0.5],
            ] as const),
            since: adoptedOn,
          }))
        : [],
      reviews:
        adoptedOn && adoptedOn < `${ctx.todayYear - 1}-01-01`
          ? [
              {
                date: `${ctx.todayYear - 1}-11-15`,
                result: rng.pick(["effective", "partly_effective", "not_assessable"] as const),
                findings: "Umsetzung an den meisten Schulen, Rückmeldungen der Partner überwiegend positiv.",
                nextReviewDue: `${ctx.todayYear + 1}-11-15`,
              },
            ]
          : [],
      ...(element ? { standardElement: element } : {}),
      illustrative: true,
    };
  });
  const guide: Guide = {
    ...(meta(ctx, "gde", `${ctx.firstYear + 1}-02-01`, 2) as Meta & { id: Guide["id"] }),
    title: "Praxisleitfaden Übergang Bildung-Beruf",
    revision: "2.0",
    publishedOn: `${ctx.firstYear + 1}-09-01`,
    sections: [
      {
        number: "1",
        title: "Mindeststandards",
        body: "",
        standardIds: standards.filter((s) => s.kind === "minimum").map((s) => s.id),
      },
      {
        number: "2",
        title: "Handlungsstandards",
        body: "",
        standardIds: standards.filter((s) => s.kind === "action").map((s) => s.id),
      },
    ],
    illustrative: true,
  };
  return { standards, guide };
}

const topicList: readonly ReconciliationTopic[] = [
  "vocational_orientation",
  "transition_management",
  "standards",
  "data_and_figures",
  "information_sharing",
  "funding",
  "governance",
  "employer_involvement",
  "school_cooperation",
  "target_group_reach",
  "visibility",
  "resources",
];

function makeReconciliation(ctx: Context, invited: readonly Actor[], people: People) {
  const { rng } = ctx;
  const rounds: ReconciliationRound[] = [];
  const responses: ReconciliationResponse[] = [];
  const ratingItems = [
    { key: "information_flow", de: "Informationsfluss im Netzwerk", en: "Information flow in the network" },
    { key: "own_benefit", de: "Eigener Nutzen der Zusammenarbeit", en: "Own benefit from cooperation" },
    { key: "clarity_of_goals", de: "Klarheit der gemeinsamen Ziele", en: "Clarity of shared goals" },
    { key: "decision_making", de: "Entscheidungsfähigkeit der Gremien", en: "Decision-making of the bodies" },
  ];
  const statement = (textDe: string): Statement => ({
    text: textDe,
    topics: rng.sample(topicList, rng.int(1, 2)),
    importance: rng.int(1, 5),
  });
  for (const [k, year] of [ctx.todayYear - 2, ctx.todayYear - 1].entries()) {
    const opensOn = `${year}-10-01`;
    const round: ReconciliationRound = {
      ...(meta(ctx, "rnd", addDays(opensOn, -20), 2) as Meta & { id: ReconciliationRound["id"] }),
      illustrative: true,
      title: `Erwartungsabgleich ${year}`,
      status: k === 0 ? "evaluated" : "closed",
      opensOn,
      closesOn: `${year}-11-15`,
      invitedActorIds: invited.map((a) => a.id),
      ratingItems,
      scaleMin: 1,
      scaleMax: 5,
    };
    rounds.push(round);
    for (const actor of invited) {
      if (!rng.chance(k === 0 ? 0.85 : 0.7)) continue;
      const date = addDays(opensOn, rng.int(1, 40));
      const contact = activeIn(people.leaders.get(actor.id), date);
      responses.push({
        ...(meta(ctx, "rsp", date) as Meta & { id: ReconciliationResponse["id"] }),
        illustrative: true,
        roundId: round.id,
        actorId: actor.id,
        ...(contact ? { contactId: contact.contactId } : {}),
        submittedAt: isoTime(date, 12),
        expectations: [
          statement(
            rng.pick([
              "Verlässliche Zahlen für die Planung",
              "Abgestimmte Angebote ohne Doppelstrukturen",
              "Frühe Information über Abgänge ohne Anschluss",
            ]),
          ),
        ],
        workingMethods: [
          statement(
            rng.pick(["Feste Ansprechperson", "Abstimmung in der Arbeitsgruppe", "Austausch per E-Mail"]),
          ),
        ],
        selfInterests: rng.chance(0.7)
          ? [
              statement(
                rng.pick([
                  "Fachkräftesicherung",
                  "Auslastung der eigenen Maßnahmen",
                  "Sichtbarkeit der eigenen Arbeit",
                ]),
              ),
            ]
          : [],
        ratings: Object.fromEntries(ratingItems.map((item) => [item.key, rng.int(2, 5)])),
      });
    }
  }
  return { rounds, responses };
}

function makeMaturity(ctx: Context, invited: readonly Actor[]): MaturityAssessment {
  const { rng } = ctx;
  const items: MaturityAssessment["items"] = [
    {
      key: "backing",
      factor: "political_backing",
      de: "Rückhalt der Verwaltungsspitze",
      en: "Backing of the leadership",
    },
    {
      key: "continuity",
      factor: "personnel_continuity",
      de: "Feste Ansprechpersonen",
      en: "Stable contacts",
    },
    {
      key: "bodies",
      factor: "empowered_bodies",
      de: "Gremien entscheiden verbindlich",
      en: "Bodies decide bindingly",
    },
    {
      key: "agreement",
      factor: "binding_agreement",
      de: "Vereinbarung mit klaren Zielen",
      en: "Agreement with clear goals",
    },
    {
      key: "cultures",
      factor: "different_cultures",
      de: "Unterschiedliche Arbeitskulturen",
      en: "Different working cultures",
    },
  ];
  return {
    ...(meta(ctx, "mat", `${ctx.todayYear - 2}-01-10`, 2) as Meta & { id: MaturityAssessment["id"] }),
    illustrative: true,
    title: "Selbsteinschätzung Gelingensfaktoren",
    scaleMin: 1,
    scaleMax: 5,
    items,
    waves: [ctx.todayYear - 2, ctx.todayYear - 1].map((year) => ({
      label: `Welle ${year}`,
      date: `${year}-02-15`,
      answers: invited
        .slice(0, 12)
        .flatMap((actor) =>
          items.map((item) => ({ itemKey: item.key, actorId: actor.id, value: rng.int(1, 5) })),
        ),
    })),
  };
}

/**
 * Generates a realistic synthetic network: a region with municipalities, actors of the seed's
 * kinds, contacts with handovers, a steering group and an advisory board (about 20 leaders, two
 * meetings a year), working groups, meetings with attendance, an agreement with goals, indicators
 * with observations, standards and a guide, measures with near-duplicates and reviews, and two
 * reconciliation rounds. Deterministic for a seed; every record validates against its schema.
 *
 * @example
 * const network = generateNetwork({ seed: 7, measures: 500 });
 * network.measure.length; // 500
 */
export function generateNetwork(options: SyntheticNetworkOptions): Network {
  const measureCount = Math.max(0, Math.floor(options.measures));
  const today = options.today ?? "2025-06-30";
  const todayYear = +today.slice(0, 4);
  const ctx: Context = {
    rng: new SeededRandom(options.seed),
    today,
    todayYear,
    firstYear: todayYear - (options.years ?? 6),
  };
  const municipalityCount = Math.max(
    1,
    Math.floor(options.municipalities ?? Math.min(1000, Math.max(10, Math.round(measureCount / 100)))),
  );
  const { region, places, districts } = makeRegion(ctx, municipalityCount);
  const actorCount = Math.max(20, Math.floor(options.actors ?? Math.max(40, Math.round(measureCount / 6))));
  const { actors, byKind } = makeActors(ctx, actorCount, places, districts);
  const people = makePeople(ctx, actors);
  const governance = makeGovernance(ctx, actors, byKind, people);
  const programmes = makeProgrammes(ctx);
  const office = makeOffice(ctx, programmes);
  const agreement = makeAgreement(ctx, governance.leaderActors);
  const figures = makeFigures(
    ctx,
    governance.leaderActors.length > 0 ? governance.leaderActors : actors,
    agreement.id,
  );
  const { standards, guide } = makeStandards(ctx, actors);
  const mc: MeasureContext = {
    places,
    districts,
    providers: byKind,
    programmes,
    schools: byKind.get("general_school") ?? [],
  };
  const { measures, duplicates } = makeMeasures(ctx, measureCount, options.duplicateShare ?? 0.06, mc);
  const reviews = makeReviews(ctx, measures, duplicates);
  const reconciliation = makeReconciliation(ctx, governance.leaderActors, people);
  const maturity = makeMaturity(ctx, governance.leaderActors);

  const network = emptyNetwork();
  network.region.push(region);
  network.coordinationOffice.push(office);
  network.fundingProgramme.push(...programmes);
  network.actor.push(...actors);
  network.contact.push(...people.contacts);
  network.affiliation.push(...people.affiliations);
  network.body.push(...governance.bodies);
  network.seat.push(...governance.seats);
  network.membership.push(...governance.memberships);
  network.meeting.push(...governance.meetings);
  network.agreement.push(agreement);
  network.indicator.push(...figures.indicators);
  network.observation.push(...figures.observations);
  network.goal.push(...figures.goals);
  network.standard.push(...standards);
  network.guide.push(guide);
  for (const m of measures) network.measure.push(m);
  network.overlapReview.push(...reviews);
  network.reconciliationRound.push(...reconciliation.rounds);
  network.reconciliationResponse.push(...reconciliation.responses);
  network.maturityAssessment.push(maturity);
  return network;
}
