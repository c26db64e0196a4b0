import { expect } from "vitest";
import type { IssueDetail, Result } from "../src/common/result.js";
import {
  createRecord,
  type EntityCreate,
  type EntityName,
  type EntityRecord,
} from "../src/model/entities.js";

/** Fixed points in time, so records are reproducible. */
export const now = "2024-05-01T10:00:00.000Z";
export const later = "2024-06-01T09:30:00.000Z";

/** Well-formed ids of every kind the fixtures refer to. */
export const ids = {
  region: "reg_000000000001",
  successorRegion: "reg_000000000002",
  office: "off_000000000001",
  programme: "fun_000000000001",
  actor: "act_000000000001",
  actor2: "act_000000000002",
  contact: "con_000000000001",
  contact2: "con_000000000002",
  affiliation: "aff_000000000001",
  body: "bod_000000000001",
  seat: "sea_000000000001",
  membership: "mem_000000000001",
  meeting: "mtg_000000000001",
  agendaItem: "agi_000000000001",
  decision: "dec_000000000001",
  actionItem: "tsk_000000000001",
  agreement: "agr_000000000001",
  indicator: "ind_000000000001",
  observation: "obs_000000000001",
  goal: "gol_000000000001",
  standard: "std_000000000001",
  interface: "ifc_000000000001",
  guide: "gde_000000000001",
  measure: "msr_000000000001",
  measure2: "msr_000000000002",
  review: "ovr_000000000001",
  round: "rnd_000000000001",
  response: "rsp_000000000001",
  assessment: "mat_000000000001",
  document: "doc_000000000001",
} as const;

type Inputs = { [N in EntityName]: EntityCreate<N> };

/** For every entity, the smallest valid creation input: exactly its required fields. */
export const minimalCreate: Inputs = {
  region: { name: "Landkreis Osterode am Harz", kind: "district" },
  coordinationOffice: { name: "Koordinierungsstelle Bildung-Beruf" },
  fundingProgramme: { name: "Perspektive Berufsabschluss", funder: "BMBF", funderLevel: "federal" },
  actor: { name: "Jobcenter Osterode", kind: "job_centre" },
  contact: { givenName: "Erika", familyName: "Muster" },
  affiliation: {
    contactId: ids.contact,
    actorId: ids.actor,
    role: "Teamleitung U25",
    level: "leadership",
    from: "2015-01-01",
  },
  body: {
    name: "Steuerkreis",
    kind: "steering_group",
    decisionAuthority: "decides",
    targetMeetingsPerYear: 2,
  },
  seat: { bodyId: ids.body },
  membership: { bodyId: ids.body, contactId: ids.contact, role: "member", from: "2016-01-01" },
  meeting: { bodyId: ids.body, title: "Sitzung des Steuerkreises", start: "2024-03-12T14:00:00+01:00" },
  agreement: { title: "Kooperationsvereinbarung Übergang Schule–Beruf" },
  indicator: {
    code: "SAB-OHNE",
    name: "Abgänge ohne Ersten Schulabschluss",
    unit: "percent",
    direction: "lower_is_better",
    source: "Landesamt für Statistik Niedersachsen",
  },
  observation: { indicatorId: ids.indicator, date: "2023-07-31", value: 6.4 },
  goal: { title: "Weniger Abgänge ohne Abschluss", level: "strategic" },
  standard: { code: "MS-01", title: "Übergabe beim Schulabgang", kind: "minimum" },
  guide: { title: "Praxisleitfaden Übergang Schule–Beruf" },
  measure: {
    title: "Berufsorientierung im Betrieb",
    providerActorId: ids.actor,
    category: "vocational_orientation",
    from: "2024-08-01",
  },
  overlapReview: {
    measureIds: [ids.measure, ids.measure2],
    measureVersions: [1, 1],
    verdict: "complementary",
    reviewedAt: "2024-04-02T08:00:00Z",
  },
  reconciliationRound: { title: "Erwartungsabgleich 2024", opensOn: "2024-02-01" },
  reconciliationResponse: { roundId: ids.round, actorId: ids.actor },
  maturityAssessment: {
    title: "Selbsteinschätzung des Netzwerks",
    items: [{ key: "backing", factor: "political_backing", de: "Rückhalt", en: "Backing" }],
  },
  document: {
    title: "Protokoll der Sitzung des Steuerkreises",
    kind: "minutes",
    date: "2024-03-12",
    url: "https://dokumente.example.org/steuerkreis-2024-03-12.pdf",
    attachedTo: ids.meeting,
  },
};

/** For every entity, a valid creation input that fills nested structures and optional fields. */
export const richCreate: Inputs = {
  region: {
    name: "Landkreis Osterode am Harz",
    kind: "district",
    status: "merged",
    keys: [
      { system: "district_key", value: "03156", validTo: "2016-10-31" },
      { system: "car_code", value: "OHA" },
    ],
    areaKm2: 635.99,
    population: 74367,
    populationDate: "2013-12-31",
    municipalities: [{ name: "Osterode am Harz", ags: "03156012", areaKm2: 102.4, population: 22000 }],
    successorId: ids.successorRegion,
    statusChangedOn: "2016-11-01",
    note: "Aufgegangen im Landkreis Göttingen.",
  },
  coordinationOffice: {
    name: "Koordinierungsstelle Bildung-Beruf",
    mission: "Übergänge gestalten.",
    email: "koordination@example.org",
    website: "https://example.org/koordination",
    placements: [{ from: "2011-01-01", to: "2013-12-31", unitKind: "staff_unit", unitName: "Stabsstelle" }],
    staffing: [
      { from: "2008-01-01", to: "2010-12-31", posts: 1, fte: 1, funding: "programme" },
      { from: "2014-01-01", posts: 2, funding: "core_budget", fundingProgrammeIds: [ids.programme] },
    ],
    milestones: [{ date: "2013-01-01", precision: "year", kind: "made_permanent", title: "Verstetigung" }],
    illustrative: true,
  },
  fundingProgramme: {
    name: "Perspektive Berufsabschluss",
    funder: "BMBF",
    funderLevel: "federal",
    from: "2008-01-01",
    to: "2013-12-31",
    rules: ["Förderquote 75 %"],
    url: "https://example.org/programm",
    note: "Programmförderung",
  },
  actor: {
    name: "Jobcenter Osterode",
    shortName: "JC",
    kind: "job_centre",
    description: "Grundsicherung für Arbeitsuchende",
    legalFrameworks: ["sgb2"],
    parentActorId: ids.actor2,
    email: "u25@example.org",
    phone: "05522 000000",
    website: "https://example.org",
    address: { street: "Dörgestraße 40", postalCode: "37520", locality: "Osterode am Harz" },
  },
  contact: {
    givenName: "Erika",
    familyName: "Muster",
    title: "Dr.",
    email: "erika.muster@example.org",
    phone: "05522 111111",
    note: "Erreichbar vormittags.",
  },
  affiliation: {
    contactId: ids.contact,
    actorId: ids.actor,
    role: "Teamleitung U25",
    level: "leadership",
    from: "2015-01-01",
    to: "2020-12-31",
    endReason: "handover",
    successorContactId: ids.contact2,
    primary: false,
  },
  body: {
    name: "Arbeitsgruppe Schnittstellen",
    shortName: "AG S",
    kind: "working_group",
    decisionAuthority: "works",
    targetMeetingsPerYear: 4,
    topic: "Schnittstellen",
    parentBodyId: ids.body,
    from: "2012-01-01",
    to: "2016-10-31",
  },
  seat: {
    bodyId: ids.body,
    actorId: ids.actor,
    actorKind: "job_centre",
    label: "Sitz des Jobcenters",
    votingRight: false,
    deputiesAllowed: 2,
    from: "2014-01-01",
  },
  membership: {
    bodyId: ids.body,
    contactId: ids.contact,
    actorId: ids.actor,
    seatId: ids.seat,
    role: "chair",
    votingRight: true,
    from: "2016-01-01",
    to: "2018-12-31",
  },
  meeting: {
    bodyId: ids.body,
    title: "Sitzung des Steuerkreises",
    status: "held",
    start: "2024-03-12T14:00:00+01:00",
    end: "2024-03-12T16:00:00+01:00",
    location: "Kreishaus",
    agenda: [{ id: ids.agendaItem, number: "1", title: "Kooperationsvereinbarung" }],
    attendance: [
      { contactId: ids.contact, actorId: ids.actor, status: "present" },
      { contactId: ids.contact2, status: "represented", representedByContactId: ids.contact },
    ],
    minutes: "Beschlossen.",
    decisions: [{ id: ids.decision, agendaItemId: ids.agendaItem, text: "Zugestimmt.", votesFor: 9 }],
    actionItems: [
      {
        id: ids.actionItem,
        title: "Entwurf versenden",
        decisionId: ids.decision,
        status: "done",
        doneOn: "2024-03-20",
      },
    ],
  },
  agreement: {
    title: "Kooperationsvereinbarung Übergang Schule–Beruf",
    kind: "cooperation_agreement",
    status: "in_force",
    partyActorIds: [ids.actor, ids.actor2],
    revisions: [{ number: 1, adoptedOn: "2013-06-27", summary: "Erste Fassung" }],
    signatures: [
      { actorId: ids.actor, signedOn: "2013-06-27", revision: 1 },
      { actorId: ids.actor2, contactId: ids.contact, signedOn: "2013-06-28" },
    ],
    commitments: [{ actorId: ids.actor, text: "Meldet Abgänge ohne Anschluss." }],
    validFrom: "2013-07-01",
    validTo: "2018-06-30",
    note: "Gilt fünf Jahre.",
  },
  indicator: {
    code: "SAB-OHNE",
    name: "Abgänge ohne Ersten Schulabschluss",
    description: "Anteil an allen Abgängen",
    unit: "percent",
    unitLabel: "%",
    direction: "lower_is_better",
    frequency: "school_year",
    source: "Landesamt für Statistik Niedersachsen",
    iabeSector: "II",
    illustrative: true,
  },
  observation: {
    indicatorId: ids.indicator,
    date: "2023-07-31",
    periodLabel: "2022/23",
    value: 6.4,
    areaKey: "03156",
    source: "LSN",
    vintage: "2024-01-15",
    provisional: true,
    note: "Vorläufig.",
  },
  goal: {
    title: "Weniger Abgänge ohne Abschluss",
    description: "Halbierung",
    level: "strategic",
    state: "active",
    parentGoalId: ids.goal,
    agreementId: ids.agreement,
    indicatorId: ids.indicator,
    baseline: { value: 8, date: "2013-07-31" },
    target: 4,
    deadline: "2020-07-31",
    weight: 2,
    ownerActorIds: [ids.actor],
  },
  standard: {
    code: "MS-01",
    title: "Übergabe beim Schulabgang",
    kind: "minimum",
    revision: "2.0",
    status: "in_force",
    description: "Kein Abgang ohne Anschluss.",
    adoptedOn: "2014-05-01",
    reviewIntervalMonths: 12,
    interfaces: [
      {
        id: ids.interface,
        from: { actorKind: "general_school" },
        to: { actorKind: "employment_agency", actorId: ids.actor2 },
        handover: "Kompetenzprofil",
        trigger: "Abgang ohne Anschluss",
        deadline: "bis 31. Juli",
        responsibleActorId: ids.actor,
        legalFrameworks: ["school_law", "sgb3"],
        legalBasis: "§ 31a SGB III",
      },
    ],
    responsibilities: [{ task: "Meldung", role: "responsible", actorKind: "general_school" }],
    adoptions: [{ actorId: ids.actor, status: "implemented", since: "2015-01-01" }],
    reviews: [{ date: "2016-03-01", result: "partly_effective", findings: "Meldungen kamen spät." }],
    standardElement: "SBO 10.6",
  },
  guide: {
    title: "Praxisleitfaden Übergang Schule–Beruf",
    revision: "1.1",
    publishedOn: "2015-09-01",
    sections: [
      { number: "1", title: "Einleitung" },
      { number: "2", title: "Übergabe", body: "So geht es.", standardIds: [ids.standard] },
    ],
  },
  measure: {
    title: "Berufsorientierung im Betrieb",
    description: "Praxistage",
    providerActorId: ids.actor,
    partnerActorIds: [ids.actor2],
    category: "internship",
    iabeSector: "II",
    iabeAccount: "Berufsvorbereitung",
    baMeasureType: "eq",
    standardElement: "SBO 6.1",
    targetGroups: ["pupils_lower_secondary", "without_first_qualification"],
    grades: { min: 8, max: 10 },
    ages: { min: 14, max: 18 },
    areaServed: ["03156012"],
    from: "2024-08-01",
    to: "2025-07-31",
    schedule: "weekly",
    scheduleNote: "dienstags",
    places: 24,
    funding: [{ programmeId: ids.programme, amountEur: 12000 }, { source: "Landkreis" }],
    status: "running",
    public: true,
    location: { postalCode: "37520", locality: "Osterode am Harz" },
    url: "https://example.org/angebot",
    contactEmail: "angebot@example.org",
    lastVerifiedAt: "2024-04-01T12:00:00Z",
    lastVerifiedBy: "Koordinierungsstelle",
  },
  overlapReview: {
    measureIds: [ids.measure, ids.measure2],
    measureVersions: [3, 1],
    verdict: "redundant",
    note: "Gleiche Zielgruppe, gleicher Ort.",
    reviewedBy: "Koordinierungsstelle",
    reviewedAt: "2024-04-02T08:00:00Z",
  },
  reconciliationRound: {
    title: "Erwartungsabgleich 2024",
    status: "open",
    opensOn: "2024-02-01",
    closesOn: "2024-03-31",
    invitedActorIds: [ids.actor, ids.actor2],
    ratingItems: [
      { key: "information", de: "Information", en: "Information" },
      { key: "trust", de: "Vertrauen", en: "Trust" },
    ],
    scaleMin: 1,
    scaleMax: 6,
    note: "Jährlich.",
  },
  reconciliationResponse: {
    roundId: ids.round,
    actorId: ids.actor,
    contactId: ids.contact,
    submittedAt: "2024-02-10T09:00:00Z",
    expectations: [{ text: "Frühe Meldung", topics: ["information_sharing"], importance: 5 }],
    workingMethods: [{ text: "Fallkonferenzen", topics: ["transition_management", "standards"] }],
    selfInterests: [{ text: "Vermittlungsquote", topics: ["target_group_reach"] }],
    ratings: { information: 4, trust: 5 },
    comment: "Gut.",
  },
  maturityAssessment: {
    title: "Selbsteinschätzung des Netzwerks",
    scaleMin: 0,
    scaleMax: 4,
    items: [
      { key: "backing", factor: "political_backing", de: "Rückhalt", en: "Backing" },
      { key: "turnover", factor: "staff_turnover", de: "Wechsel", en: "Turnover" },
    ],
    waves: [
      {
        label: "2024",
        date: "2024-01-15",
        answers: [
          { itemKey: "backing", actorId: ids.actor, value: 4 },
          { itemKey: "turnover", value: 0, comment: "Kaum Wechsel" },
        ],
      },
    ],
  },
  document: {
    title: "Unterzeichnete Kooperationsvereinbarung",
    kind: "signed_agreement",
    date: "2013-06-28",
    visibility: "partners",
    url: "https://dokumente.example.org/kooperationsvereinbarung-2013.pdf",
    attachedTo: ids.agreement,
    description: "Mit allen Unterschriften.",
    illustrative: true,
  },
};

/** Creates a record from valid input, failing the test with the issues if it is refused. */
export function created<N extends EntityName>(
  name: N,
  input: unknown = minimalCreate[name],
  options: { id?: string } = {},
): EntityRecord<N> {
  const result = createRecord(name, input, now, options);
  if (!result.ok) throw new Error(`${name} refused: ${JSON.stringify(result.error.details)}`);
  return result.value;
}

/**
 * Asserts that a result failed with an issue at a path with a code, and that the issue speaks
 * German and English. Returns the issue for further checks.
 */
export function expectIssue(result: Result<unknown>, path: string, code: string): IssueDetail {
  expect(result.ok, "expected the input to be refused").toBe(false);
  if (result.ok) throw new Error("unreachable");
  expect(result.error.code).toBe("validation_failed");
  const details = result.error.details ?? [];
  const found = details.find((d) => d.path === path && d.code === code);
  expect(found, `no ${code} at "${path}" in ${JSON.stringify(details)}`).toBeDefined();
  const issue = found as IssueDetail;
  expect(issue.messages.de.trim()).not.toBe("");
  expect(issue.messages.en.trim()).not.toBe("");
  expect(issue.messages.de).not.toBe(issue.messages.en);
  return issue;
}

/** A copy of an input with some fields replaced (or removed with `undefined`). */
export function withFields<T extends object>(
  input: T,
  changes: Record<string, unknown>,
): Record<string, unknown> {
  const next = { ...input } as Record<string, unknown>;
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) delete next[key];
    else next[key] = value;
  }
  return next;
}

/** Tries to create a record from a valid input with some fields replaced. */
export function tryCreate<N extends EntityName>(
  name: N,
  changes: Record<string, unknown>,
  base: object = minimalCreate[name],
): Result<EntityRecord<N>> {
  return createRecord(name, withFields(base, changes), now);
}
