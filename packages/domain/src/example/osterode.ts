import {
  createRecord,
  type EntityCreate,
  type EntityName,
  type EntityRecord,
  type Network,
} from "../model/entities.js";

/*
 * The Osterode am Harz example network, built from the published practice example
 * "Dauerhafte Einrichtung Koordinierungsstelle am Übergang Bildung-Beruf".
 *
 * What the practice example states is not marked illustrative: the region's figures, the office's
 * history, the steering group and advisory board (about 20 leaders, about two meetings a year),
 * and one actor for every kind of partner it lists, named generically after that kind
 * (e.g. "Jobcenter im Landkreis Osterode am Harz"). Everything else is invented to show the model
 * at work and carries `illustrative: true`: named schools, companies, providers, every person,
 * funding programmes, working groups, meetings, agreements' wording, goals, figures, standards,
 * measures, reconciliation rounds and the self-assessment. Invented organisations carry
 * "Muster" in their names; no person named here is a real person.
 *
 * The region stays `active`: the practice example describes the district before it merged into
 * the new Landkreis Göttingen on 1 November 2016, and the example network is that district's
 * tenant. The merger is recorded in the district key's validity (03156 until 2016-10-31), in the
 * region's note and as a milestone of the office; `reference/municipality-keys.ts` holds the
 * successor's key (03159). Modelling the successor as a second region would put two tenants into
 * one network.
 */

const stamp = "2024-01-01T00:00:00.000Z";

/** Builds a fixed id like `act_osterode0001`. */
const ref = (prefix: string, n: number): string => `${prefix}_osterode${String(n).padStart(4, "0")}`;

function record<N extends EntityName>(name: N, id: string, input: EntityCreate<N>): EntityRecord<N> {
  const result = createRecord(name, input, stamp, { id, locale: "en" });
  if (!result.ok) {
    const details = (result.error.details ?? []).map((d) => `${d.path}: ${d.message}`).join("; ");
    throw new Error(`Example record ${id} (${name}) is invalid: ${details}`);
  }
  return result.value;
}

/** The figures and dates the practice example states, for tests and demos to cite. */
export const osterodeFacts = {
  source:
    "Praxisbeispiel „Dauerhafte Einrichtung Koordinierungsstelle am Übergang Bildung-Beruf“, Landkreis Osterode am Harz",
  regionName: "Landkreis Osterode am Harz",
  carCode: "OHA",
  districtKey: "03156",
  areaKm2: 635.99,
  population: 74_367,
  populationDensity: 116.9,
  /** Posts financed by the two funding programmes ("zunächst vier Mitarbeiter/-innen"). */
  staffFundedByProgrammes: 4,
  /** Posts today ("Aktuell ist die Stabsstelle mit zwei Stellen besetzt"). */
  postsToday: 2,
  /** Leaders in steering group and advisory board together ("ca. 20 Leitungspersonen"). */
  leaders: 20,
  /** Meetings of steering group and advisory board per year ("ca. zweimal jährlich"). */
  meetingsPerYear: 2,
  history: {
    postCreated: 2008,
    departmentFrom: 2011,
    departmentTo: 2013,
    councilResolution: 2013,
  },
  /** Not in the practice example: the merger date from the official statistics office. */
  mergedIntoGoettingenOn: "2016-11-01",
} as const;

/** The fixed ids of the example's records, so tests and demos can name them. */
export const osterodeIds = {
  region: ref("reg", 1),
  office: ref("off", 1),
  programmes: {
    coordination: ref("fun", 1),
    extension: ref("fun", 2),
    careerEntryCoFunding: ref("fun", 3),
  },
  actors: {
    district: ref("act", 1),
    council: ref("act", 2),
    schoolAuthority: ref("act", 3),
    agency: ref("act", 4),
    jobCentre: ref("act", 5),
    ihk: ref("act", 6),
    hwk: ref("act", 7),
    vocationalSchools: ref("act", 8),
    secondarySchool: ref("act", 9),
    grammarSchool: ref("act", 10),
    specialSchool: ref("act", 11),
    townOsterode: ref("act", 12),
    townHerzberg: ref("act", 13),
    union: ref("act", 14),
    employersAssociation: ref("act", 15),
    craftsAssociation: ref("act", 16),
    provider: ref("act", 17),
    youthWorkshop: ref("act", 18),
    company: ref("act", 19),
    youthOffice: ref("act", 20),
  },
  bodies: {
    steeringGroup: ref("bod", 1),
    advisoryBoard: ref("bod", 2),
    orientationGroup: ref("bod", 3),
    transitionsGroup: ref("bod", 4),
  },
  agreements: { cooperation: ref("agr", 1), frameworkConcept: ref("agr", 2) },
  standards: { orientation: ref("std", 1), handover: ref("std", 2), placements: ref("std", 3) },
  guide: ref("gde", 1),
} as const;

const A = osterodeIds.actors;
const B = osterodeIds.bodies;
const P = osterodeIds.programmes;
const S = osterodeIds.standards;

/** Contact ids by role; every person is invented. */
const C = {
  districtAdministrator: ref("con", 1),
  firstCouncillor: ref("con", 2),
  councilCommitteeChair: ref("con", 3),
  authorityOfficer: ref("con", 4),
  agencyManager: ref("con", 5),
  jobCentreManager: ref("con", 6),
  ihkHead: ref("con", 7),
  hwkHead: ref("con", 8),
  vocationalHead: ref("con", 9),
  secondaryHead: ref("con", 10),
  grammarHead: ref("con", 11),
  specialHead: ref("con", 12),
  osterodeHead: ref("con", 13),
  herzbergHead: ref("con", 14),
  unionHead: ref("con", 15),
  employersHead: ref("con", 16),
  providerHead: ref("con", 17),
  workshopHead: ref("con", 18),
  companyHead: ref("con", 19),
  youthOfficeHead: ref("con", 20),
  officeHead: ref("con", 21),
  formerJobCentreManager: ref("con", 22),
  officeCoordinator: ref("con", 23),
  careersAdviser: ref("con", 24),
  u25TeamLead: ref("con", 25),
  schoolOrientationLead: ref("con", 26),
  vocationalPrepLead: ref("con", 27),
  ihkTrainingAdviser: ref("con", 28),
  youthSocialWorker: ref("con", 29),
  providerProjectLead: ref("con", 30),
  workshopSocialWorker: ref("con", 31),
} as const;

const osterodeTown = "03156011";
const herzbergTown = "03156009";

// ---------------------------------------------------------------------------------------------
// Region, office, funding programmes

const region = record("region", osterodeIds.region, {
  name: "Landkreis Osterode am Harz",
  kind: "district",
  status: "active",
  keys: [
    { system: "district_key", value: "03156", validTo: "2016-10-31" },
    { system: "car_code", value: "OHA" },
  ],
  areaKm2: 635.99,
  population: 74_367,
  municipalities: [
    { name: "Osterode am Harz", ags: osterodeTown, areaKm2: 102.46 },
    { name: "Herzberg am Harz", ags: herzbergTown, areaKm2: 71.88 },
  ],
  note: "Fläche und Einwohnerzahl wie im Praxisbeispiel. Der Landkreis ging am 1. November 2016 mit dem Landkreis Göttingen (03152) im neuen Landkreis Göttingen (03159) auf. Aufgeführt sind nur Gemeinden, deren Schlüssel vor 2016 geprüft ist.",
});

const office = record("coordinationOffice", osterodeIds.office, {
  illustrative: false,
  name: "Koordinierungsstelle Bildung-Beruf im Landkreis Osterode am Harz",
  mission:
    "Die Vernetzung und systematische Kooperation aller Akteure am Übergang Bildung-Beruf im Interesse besserer Lern-, Lebens- und Arbeitschancen aller Jugendlichen unterstützen; Interessensvertretung aller Akteure, die den Übergang von der Schule in das Erwerbsleben im Landkreis gestalten.",
  website: "http://www.bildung-beruf-oha.de",
  placements: [
    {
      from: "2008-01-01",
      to: "2010-12-31",
      unitKind: "project",
      unitName: "Programmgeförderte Stelle beim Landkreis Osterode am Harz",
    },
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
      reportsTo: "Erster Kreisrat",
    },
  ],
  staffing: [
    {
      from: "2008-01-01",
      to: "2008-12-31",
      posts: 1,
      funding: "programme",
      fundingProgrammeIds: [P.coordination],
      note: "2008 im Rahmen einer Programmförderung eingerichtete Stelle.",
    },
    {
      from: "2009-01-01",
      to: "2013-12-31",
      posts: 4,
      funding: "programme",
      fundingProgrammeIds: [P.coordination, P.extension],
      note: "Durch ein weiteres Förderprogramm ausgebaut; zunächst vier finanzierte Mitarbeiter/-innen. Beginn 2009 ist für das Beispiel angenommen.",
    },
    {
      from: "2014-01-01",
      posts: 2,
      funding: "core_budget",
      note: "Nach dem Kreistagsbeschluss zur Verstetigung mit zwei Stellen besetzt.",
    },
  ],
  milestones: [
    {
      date: "2008-01-01",
      precision: "year",
      kind: "founded",
      title: "Einrichtung einer Stelle im Rahmen einer Programmförderung",
    },
    {
      date: "2009-01-01",
      precision: "year",
      kind: "programme_joined",
      title: "Ausbau durch die Teilnahme an einem weiteren Förderprogramm (vier Mitarbeiter/-innen)",
      note: "Das Jahr nennt das Praxisbeispiel nicht; 2009 ist für das Beispiel angenommen.",
    },
    {
      date: "2011-01-01",
      precision: "year",
      kind: "restructured",
      title: "Abteilung in der Stabsstelle Bildung, Wirtschaft und Regionalplanung (2011–2013)",
    },
    {
      date: "2013-01-01",
      precision: "year",
      kind: "council_resolution",
      title: "Kreistagsbeschluss zur Verstetigung",
    },
    {
      date: "2014-01-01",
      precision: "year",
      kind: "made_permanent",
      title: "Verstetigt als Hauptsachgebiet beim Ersten Kreisrat",
      note: "Das Jahr ist aus dem Ende der Stabsstellen-Phase 2013 abgeleitet.",
    },
    {
      date: "2016-11-01",
      precision: "day",
      kind: "territorial_reform",
      title: "Fusion mit dem Landkreis Göttingen zum neuen Landkreis Göttingen",
      note: "Nicht Teil des Praxisbeispiels; Quelle: Landesamt für Statistik Niedersachsen, PM 94/16.",
    },
  ],
});

const fundingProgrammes = [
  record("fundingProgramme", P.coordination, {
    illustrative: true,
    name: "Musterprogramm Regionales Übergangsmanagement",
    funder: "Bund (Musterprogramm)",
    funderLevel: "federal",
    from: "2008-01-01",
    to: "2013-12-31",
    rules: [
      "Förderung einer Koordinierungsstelle für die Programmlaufzeit",
      "Eigenanteil des Landkreises an den Personalkosten",
      "Jährlicher Sachbericht mit Kennzahlen",
    ],
    note: "Das Praxisbeispiel nennt die Programme nicht; dieses ist erfunden.",
  }),
  record("fundingProgramme", P.extension, {
    illustrative: true,
    name: "Musterprogramm Bildung vor Ort",
    funder: "Europäischer Sozialfonds über das Land (Musterprogramm)",
    funderLevel: "eu",
    from: "2009-01-01",
    to: "2013-12-31",
    rules: [
      "Förderfähig sind nur neue Angebote, nicht die Fortführung bestehender",
      "Personal nur für die Programmlaufzeit",
      "Teilnehmendendaten nach Vorgaben des Fonds erfassen",
    ],
    note: "Erfunden; die Regeln zeigen, wie Vorgaben der Förderprogrammatik die Arbeit hemmen können.",
  }),
  record("fundingProgramme", P.careerEntryCoFunding, {
    illustrative: true,
    name: "Muster-Kofinanzierung Berufseinstiegsbegleitung",
    funder: "Landkreis Osterode am Harz (Musterhaushalt)",
    funderLevel: "district",
    from: "2022-08-01",
    to: "2026-07-31",
    rules: ["Kofinanzierung von 50 % der Kosten der Berufseinstiegsbegleitung (§ 49 SGB III)"],
  }),
];

// ---------------------------------------------------------------------------------------------
// Actors, contacts, affiliations

const actors = [
  record("actor", A.district, {
    name: "Landkreis Osterode am Harz – Kreisverwaltung",
    shortName: "Landkreis",
    kind: "municipal_administration",
    description: "Träger der Koordinierungsstelle Bildung-Beruf; Schulträger der berufsbildenden Schulen.",
  }),
  record("actor", A.council, {
    name: "Kreistag des Landkreises Osterode am Harz",
    shortName: "Kreistag",
    kind: "politics",
    description: "Beschloss 2013 die Verstetigung der Koordinierungsstelle.",
  }),
  record("actor", A.schoolAuthority, {
    name: "Niedersächsische Landesschulbehörde",
    kind: "state_school_authority",
    legalFrameworks: ["school_law"],
  }),
  record("actor", A.agency, {
    name: "Agentur für Arbeit (zuständig für den Landkreis Osterode am Harz)",
    shortName: "Agentur für Arbeit",
    kind: "employment_agency",
    legalFrameworks: ["sgb3"],
  }),
  record("actor", A.jobCentre, {
    name: "Jobcenter im Landkreis Osterode am Harz",
    shortName: "Jobcenter",
    kind: "job_centre",
    legalFrameworks: ["sgb2"],
  }),
  record("actor", A.ihk, {
    name: "Industrie- und Handelskammer (zuständige IHK)",
    shortName: "IHK",
    kind: "chamber",
    legalFrameworks: ["vocational_training_act"],
  }),
  record("actor", A.hwk, {
    name: "Handwerkskammer (zuständige HWK)",
    shortName: "HWK",
    kind: "chamber",
    legalFrameworks: ["vocational_training_act"],
  }),
  record("actor", A.vocationalSchools, {
    name: "Berufsbildende Schulen im Landkreis Osterode am Harz",
    shortName: "BBS",
    kind: "vocational_school",
    legalFrameworks: ["school_law"],
    parentActorId: A.district,
  }),
  record("actor", A.secondarySchool, {
    name: "Oberschule Musterstadt",
    kind: "general_school",
    legalFrameworks: ["school_law"],
    illustrative: true,
  }),
  record("actor", A.grammarSchool, {
    name: "Gymnasium Musterstadt",
    kind: "general_school",
    legalFrameworks: ["school_law"],
    illustrative: true,
  }),
  record("actor", A.specialSchool, {
    name: "Förderschule Schwerpunkt Lernen Musterdorf",
    kind: "general_school",
    legalFrameworks: ["school_law"],
    illustrative: true,
  }),
  record("actor", A.townOsterode, {
    name: "Stadt Osterode am Harz",
    kind: "town",
    address: { postalCode: "37520", locality: "Osterode am Harz", municipalityKey: osterodeTown },
    illustrative: true,
  }),
  record("actor", A.townHerzberg, {
    name: "Stadt Herzberg am Harz",
    kind: "town",
    address: { postalCode: "37412", locality: "Herzberg am Harz", municipalityKey: herzbergTown },
    illustrative: true,
  }),
  record("actor", A.union, {
    name: "DGB-Kreisverband Muster",
    kind: "union",
    illustrative: true,
  }),
  record("actor", A.employersAssociation, {
    name: "Arbeitgeberverband Muster e. V.",
    kind: "association",
    illustrative: true,
  }),
  record("actor", A.craftsAssociation, {
    name: "Kreishandwerkerschaft Muster",
    kind: "association",
    illustrative: true,
  }),
  record("actor", A.provider, {
    name: "Bildungswerk Muster e. V.",
    kind: "independent_provider",
    description: "Freier Träger von Berufsorientierung, Berufsvorbereitung und Berufseinstiegsbegleitung.",
    illustrative: true,
  }),
  record("actor", A.youthWorkshop, {
    name: "Jugendwerkstatt Muster gGmbH",
    kind: "independent_provider",
    legalFrameworks: ["sgb8"],
    illustrative: true,
  }),
  record("actor", A.company, {
    name: "Metallbau Muster GmbH",
    kind: "employer",
    description: "Ausbildungsbetrieb im Metallhandwerk.",
    illustrative: true,
  }),
  record("actor", A.youthOffice, {
    name: "Jugendamt des Landkreises Osterode am Harz",
    shortName: "Jugendamt",
    kind: "youth_welfare_office",
    legalFrameworks: ["sgb8"],
    parentActorId: A.district,
    illustrative: true,
  }),
];

type Person = readonly [id: string, givenName: string, familyName: string, title?: string];

const people: readonly Person[] = [
  [C.districtAdministrator, "Ulrich", "Brandt"],
  [C.firstCouncillor, "Thomas", "Berger"],
  [C.councilCommitteeChair, "Sabine", "Krüger"],
  [C.authorityOfficer, "Petra", "Lindner", "Dr."],
  [C.agencyManager, "Michael", "Hoffmann"],
  [C.jobCentreManager, "Claudia", "Neumann"],
  [C.ihkHead, "Frank", "Schreiber"],
  [C.hwkHead, "Anja", "Wolf"],
  [C.vocationalHead, "Jürgen", "Hartmann"],
  [C.secondaryHead, "Birgit", "Schulze"],
  [C.grammarHead, "Stefan", "Koch"],
  [C.specialHead, "Heike", "Richter"],
  [C.osterodeHead, "Andreas", "Wagner"],
  [C.herzbergHead, "Monika", "Keller"],
  [C.unionHead, "Peter", "Schmitt"],
  [C.employersHead, "Kerstin", "Lange"],
  [C.providerHead, "Markus", "Fischer"],
  [C.workshopHead, "Nicole", "Braun"],
  [C.companyHead, "Oliver", "Schäfer"],
  [C.youthOfficeHead, "Susanne", "Weber"],
  [C.officeHead, "Laura", "Zimmermann"],
  [C.formerJobCentreManager, "Rainer", "Vogt"],
  [C.officeCoordinator, "Jan", "Becker"],
  [C.careersAdviser, "Miriam", "Schulz"],
  [C.u25TeamLead, "Daniel", "Krause"],
  [C.schoolOrientationLead, "Katrin", "Hahn"],
  [C.vocationalPrepLead, "Tobias", "Frank"],
  [C.ihkTrainingAdviser, "Sandra", "Roth"],
  [C.youthSocialWorker, "Florian", "Jung"],
  [C.providerProjectLead, "Lisa", "Kaiser"],
  [C.workshopSocialWorker, "Benedikt", "Peters"],
];

// People who agreed to appear in the open council-information interface (OParl): the office-holders
// of the governance bodies. Everyone else stays out of it.
const publishedPeople = new Set<string>([
  C.districtAdministrator,
  C.firstCouncillor,
  C.councilCommitteeChair,
  C.agencyManager,
  C.jobCentreManager,
  C.ihkHead,
  C.officeHead,
]);

const contacts = people.map(([id, givenName, familyName, title]) =>
  record("contact", id, {
    givenName,
    familyName,
    ...(title ? { title } : {}),
    publicationConsent: publishedPeople.has(id),
    illustrative: true,
  }),
);

type Job = readonly [
  n: number,
  contactId: string,
  actorId: string,
  role: string,
  level: "leadership" | "operational",
  from: string,
  primary: boolean,
];

const jobs: readonly Job[] = [
  [1, C.districtAdministrator, A.district, "Landrat", "leadership", "2014-01-01", false],
  [2, C.firstCouncillor, A.district, "Erster Kreisrat", "leadership", "2014-01-01", false],
  [
    3,
    C.councilCommitteeChair,
    A.council,
    "Vorsitzende des Schulausschusses",
    "leadership",
    "2016-11-01",
    true,
  ],
  [
    4,
    C.authorityOfficer,
    A.schoolAuthority,
    "Dezernentin für berufsbildende Schulen",
    "leadership",
    "2014-01-01",
    true,
  ],
  [5, C.agencyManager, A.agency, "Geschäftsführer operativ", "leadership", "2014-01-01", true],
  [6, C.jobCentreManager, A.jobCentre, "Geschäftsführerin", "leadership", "2022-01-01", true],
  [7, C.ihkHead, A.ihk, "Leiter der Geschäftsstelle", "leadership", "2014-01-01", true],
  [8, C.hwkHead, A.hwk, "Abteilungsleiterin Berufsbildung", "leadership", "2015-04-01", true],
  [9, C.vocationalHead, A.vocationalSchools, "Schulleiter", "leadership", "2014-01-01", true],
  [10, C.secondaryHead, A.secondarySchool, "Schulleiterin", "leadership", "2014-01-01", true],
  [11, C.grammarHead, A.grammarSchool, "Schulleiter", "leadership", "2018-08-01", true],
  [12, C.specialHead, A.specialSchool, "Schulleiterin", "leadership", "2014-01-01", true],
  [
    13,
    C.osterodeHead,
    A.townOsterode,
    "Fachbereichsleiter Jugend, Schule und Soziales",
    "leadership",
    "2014-01-01",
    true,
  ],
  [
    14,
    C.herzbergHead,
    A.townHerzberg,
    "Fachdienstleiterin Bildung und Soziales",
    "leadership",
    "2014-01-01",
    true,
  ],
  [15, C.unionHead, A.union, "Kreisvorsitzender", "leadership", "2014-01-01", true],
  [16, C.employersHead, A.employersAssociation, "Geschäftsführerin", "leadership", "2014-01-01", true],
  [17, C.providerHead, A.provider, "Geschäftsführer", "leadership", "2014-01-01", true],
  [18, C.workshopHead, A.youthWorkshop, "Leiterin", "leadership", "2014-01-01", true],
  [19, C.companyHead, A.company, "Geschäftsführer", "leadership", "2014-01-01", true],
  [20, C.youthOfficeHead, A.youthOffice, "Leiterin des Jugendamts", "leadership", "2014-01-01", true],
  [
    21,
    C.officeHead,
    A.district,
    "Leiterin der Koordinierungsstelle Bildung-Beruf",
    "leadership",
    "2014-01-01",
    true,
  ],
  [
    23,
    C.officeCoordinator,
    A.district,
    "Koordinator Übergangsmanagement",
    "operational",
    "2014-01-01",
    false,
  ],
  [24, C.careersAdviser, A.agency, "Berufsberaterin", "operational", "2014-01-01", false],
  [25, C.u25TeamLead, A.jobCentre, "Teamleiter U25", "operational", "2014-01-01", false],
  [
    26,
    C.schoolOrientationLead,
    A.secondarySchool,
    "Koordinatorin für Berufsorientierung",
    "operational",
    "2014-01-01",
    false,
  ],
  [
    27,
    C.vocationalPrepLead,
    A.vocationalSchools,
    "Abteilungsleiter Berufseinstiegsschule",
    "operational",
    "2014-01-01",
    false,
  ],
  [28, C.ihkTrainingAdviser, A.ihk, "Ausbildungsberaterin", "operational", "2014-01-01", false],
  [29, C.youthSocialWorker, A.youthOffice, "Jugendsozialarbeiter", "operational", "2014-01-01", false],
  [30, C.providerProjectLead, A.provider, "Projektleiterin", "operational", "2014-01-01", false],
  [31, C.workshopSocialWorker, A.youthWorkshop, "Sozialpädagoge", "operational", "2014-01-01", false],
];

const affiliations = [
  ...jobs.map(([n, contactId, actorId, role, level, from, primary]) =>
    record("affiliation", ref("aff", n), {
      contactId,
      actorId,
      role,
      level,
      from,
      primary,
      illustrative: true,
    }),
  ),
  // A handover: the job centre's manager retired and handed the network role to her successor.
  record("affiliation", ref("aff", 22), {
    contactId: C.formerJobCentreManager,
    actorId: A.jobCentre,
    role: "Geschäftsführer",
    level: "leadership",
    from: "2011-01-01",
    to: "2022-01-01",
    endReason: "handover",
    successorContactId: C.jobCentreManager,
    primary: true,
    illustrative: true,
  }),
];

// ---------------------------------------------------------------------------------------------
// Bodies, seats, memberships

const bodies = [
  record("body", B.steeringGroup, {
    name: "Steuerungsgruppe Übergang Bildung-Beruf",
    shortName: "Steuerungsgruppe",
    kind: "steering_group",
    // The practice example gives the body structure strategic decision authority.
    decisionAuthority: "decides",
    targetMeetingsPerYear: 2,
    topic: "Strategische Steuerung des regionalen Übergangsmanagements",
    description:
      "Leitungspersonen der zentralen Partner; beschließt Standards, Arbeitsaufträge an die Arbeitsgruppen und die Fortschreibung der Kooperationsvereinbarung. Geschäftsführung: Koordinierungsstelle Bildung-Beruf.",
  }),
  record("body", B.advisoryBoard, {
    name: "Beirat Übergang Bildung-Beruf",
    shortName: "Beirat",
    kind: "advisory_board",
    // Steering group and advisory board together form the participatory structure with
    // strategic decision authority; the board decides the yearly priorities.
    decisionAuthority: "decides",
    targetMeetingsPerYear: 2,
    topic: "Strategische Ausrichtung und Jahresschwerpunkte",
    description:
      "Leitungspersonen aus Schulen, Städten und Gemeinden, Gewerkschaften, Verbänden, freien Trägern, Wirtschaft und Jugendhilfe.",
  }),
  record("body", B.orientationGroup, {
    name: "Arbeitsgruppe Berufsorientierung",
    shortName: "AG Berufsorientierung",
    kind: "working_group",
    decisionAuthority: "works",
    targetMeetingsPerYear: 4,
    topic: "Berufsorientierung in der Sekundarstufe I und Angebote der Partner an Schulen",
    parentBodyId: B.steeringGroup,
    from: "2014-01-01",
    illustrative: true,
  }),
  record("body", B.transitionsGroup, {
    name: "Arbeitsgruppe Übergänge und Schnittstellen",
    shortName: "AG Übergänge",
    kind: "working_group",
    decisionAuthority: "works",
    targetMeetingsPerYear: 4,
    topic: "Übergaben von Jugendlichen ohne Anschluss zwischen Schule, Agentur, Jobcenter und Jugendhilfe",
    parentBodyId: B.steeringGroup,
    from: "2014-01-01",
    illustrative: true,
  }),
];

type SeatRow = readonly [n: number, bodyId: string, actorId: string, label: string];

const seatRows: readonly SeatRow[] = [
  [1, B.steeringGroup, A.district, "Landkreis (Vorsitz)"],
  [2, B.steeringGroup, A.council, "Kreistag"],
  [3, B.steeringGroup, A.schoolAuthority, "Landesschulbehörde"],
  [4, B.steeringGroup, A.agency, "Agentur für Arbeit"],
  [5, B.steeringGroup, A.jobCentre, "Jobcenter"],
  [6, B.steeringGroup, A.ihk, "IHK"],
  [7, B.steeringGroup, A.hwk, "HWK"],
  [8, B.steeringGroup, A.vocationalSchools, "Berufsbildende Schulen"],
  [9, B.advisoryBoard, A.district, "Landkreis (Vorsitz)"],
  [10, B.advisoryBoard, A.secondarySchool, "Oberschulen"],
  [11, B.advisoryBoard, A.grammarSchool, "Gymnasien"],
  [12, B.advisoryBoard, A.specialSchool, "Förderschulen"],
  [13, B.advisoryBoard, A.townOsterode, "Stadt Osterode am Harz"],
  [14, B.advisoryBoard, A.townHerzberg, "Stadt Herzberg am Harz"],
  [15, B.advisoryBoard, A.union, "Gewerkschaften"],
  [16, B.advisoryBoard, A.employersAssociation, "Arbeitgeberverbände"],
  [17, B.advisoryBoard, A.provider, "Freie Träger (Bildung)"],
  [18, B.advisoryBoard, A.youthWorkshop, "Freie Träger (Jugendhilfe)"],
  [19, B.advisoryBoard, A.company, "Ausbildungsbetriebe"],
  [20, B.advisoryBoard, A.youthOffice, "Jugendamt"],
  [21, B.advisoryBoard, A.craftsAssociation, "Kreishandwerkerschaft"],
];

const seats = seatRows.map(([n, bodyId, actorId, label]) =>
  record("seat", ref("sea", n), { bodyId, actorId, label, from: "2014-01-01", illustrative: true }),
);

type MembershipRow = readonly [
  n: number,
  bodyId: string,
  contactId: string,
  actorId: string,
  seat: number | undefined,
  role: "chair" | "vice_chair" | "member" | "secretariat",
  from: string,
  to?: string,
];

const membershipRows: readonly MembershipRow[] = [
  [1, B.steeringGroup, C.firstCouncillor, A.district, 1, "chair", "2014-01-01"],
  [2, B.steeringGroup, C.councilCommitteeChair, A.council, 2, "member", "2016-11-01"],
  [3, B.steeringGroup, C.authorityOfficer, A.schoolAuthority, 3, "member", "2014-01-01"],
  [4, B.steeringGroup, C.agencyManager, A.agency, 4, "vice_chair", "2014-01-01"],
  [5, B.steeringGroup, C.formerJobCentreManager, A.jobCentre, 5, "member", "2014-01-01", "2022-01-01"],
  [6, B.steeringGroup, C.jobCentreManager, A.jobCentre, 5, "member", "2022-01-01"],
  [7, B.steeringGroup, C.ihkHead, A.ihk, 6, "member", "2014-01-01"],
  [8, B.steeringGroup, C.hwkHead, A.hwk, 7, "member", "2015-04-01"],
  [9, B.steeringGroup, C.vocationalHead, A.vocationalSchools, 8, "member", "2014-01-01"],
  [10, B.steeringGroup, C.officeHead, A.district, undefined, "secretariat", "2014-01-01"],
  [11, B.advisoryBoard, C.districtAdministrator, A.district, 9, "chair", "2014-01-01"],
  [12, B.advisoryBoard, C.secondaryHead, A.secondarySchool, 10, "member", "2014-01-01"],
  [13, B.advisoryBoard, C.grammarHead, A.grammarSchool, 11, "member", "2018-08-01"],
  [14, B.advisoryBoard, C.specialHead, A.specialSchool, 12, "member", "2014-01-01"],
  [15, B.advisoryBoard, C.osterodeHead, A.townOsterode, 13, "member", "2014-01-01"],
  [16, B.advisoryBoard, C.herzbergHead, A.townHerzberg, 14, "member", "2014-01-01"],
  [17, B.advisoryBoard, C.unionHead, A.union, 15, "member", "2014-01-01"],
  [18, B.advisoryBoard, C.employersHead, A.employersAssociation, 16, "vice_chair", "2014-01-01"],
  [19, B.advisoryBoard, C.providerHead, A.provider, 17, "member", "2014-01-01"],
  [20, B.advisoryBoard, C.workshopHead, A.youthWorkshop, 18, "member", "2014-01-01"],
  [21, B.advisoryBoard, C.companyHead, A.company, 19, "member", "2014-01-01"],
  [22, B.advisoryBoard, C.youthOfficeHead, A.youthOffice, 20, "member", "2014-01-01"],
  [23, B.advisoryBoard, C.officeHead, A.district, undefined, "secretariat", "2014-01-01"],
  [24, B.orientationGroup, C.officeCoordinator, A.district, undefined, "chair", "2014-01-01"],
  [25, B.orientationGroup, C.schoolOrientationLead, A.secondarySchool, undefined, "member", "2014-01-01"],
  [26, B.orientationGroup, C.careersAdviser, A.agency, undefined, "member", "2014-01-01"],
  [27, B.orientationGroup, C.providerProjectLead, A.provider, undefined, "member", "2014-01-01"],
  [28, B.orientationGroup, C.ihkTrainingAdviser, A.ihk, undefined, "member", "2014-01-01"],
  [29, B.transitionsGroup, C.officeHead, A.district, undefined, "chair", "2014-01-01"],
  [30, B.transitionsGroup, C.u25TeamLead, A.jobCentre, undefined, "member", "2014-01-01"],
  [31, B.transitionsGroup, C.youthSocialWorker, A.youthOffice, undefined, "member", "2014-01-01"],
  [32, B.transitionsGroup, C.vocationalPrepLead, A.vocationalSchools, undefined, "member", "2014-01-01"],
  [33, B.transitionsGroup, C.workshopSocialWorker, A.youthWorkshop, undefined, "member", "2014-01-01"],
  [34, B.transitionsGroup, C.careersAdviser, A.agency, undefined, "member", "2014-01-01"],
];

const memberships = membershipRows.map(([n, bodyId, contactId, actorId, seat, role, from, to]) =>
  record("membership", ref("mem", n), {
    bodyId,
    contactId,
    actorId,
    role,
    from,
    ...(seat === undefined ? {} : { seatId: ref("sea", seat) }),
    ...(to === undefined ? {} : { to }),
    // The office runs the bodies' business but does not vote.
    votingRight: role !== "secretariat",
    illustrative: true,
  }),
);

// ---------------------------------------------------------------------------------------------
// Meetings

type Presence = "present" | "excused" | "absent";

/** Attendance of the body's members, all present unless listed otherwise. */
function attendanceOf(
  bodyId: string,
  on: string,
  exceptions: Readonly<Record<string, Presence | { representedBy: string }>> = {},
) {
  return membershipRows
    .filter(([, body, , , , , from, to]) => body === bodyId && from <= on && (!to || to > on))
    .map(([, , contactId, actorId]) => {
      const status = exceptions[contactId] ?? "present";
      return typeof status === "string"
        ? { contactId, actorId, status }
        : {
            contactId,
            actorId,
            status: "represented" as const,
            representedByContactId: status.representedBy,
          };
    });
}

const meetings = [
  record("meeting", ref("mtg", 1), {
    bodyId: B.steeringGroup,
    title: "Sitzung der Steuerungsgruppe 1/2023",
    status: "minutes_approved",
    start: "2023-03-15T09:00:00+01:00",
    end: "2023-03-15T12:00:00+01:00",
    location: "Kreishaus, Sitzungsraum",
    agenda: [
      { id: ref("agi", 1), number: "1", title: "Begrüßung, Genehmigung des Protokolls" },
      {
        id: ref("agi", 2),
        number: "2",
        title: "Bericht der Koordinierungsstelle: Zahlen, Daten, Fakten 2022",
        presenterContactId: C.officeHead,
      },
      {
        id: ref("agi", 3),
        number: "3",
        title: "Handlungsstandard Übergabe bei Schulabgang ohne Anschluss: Revision 1.1",
      },
      { id: ref("agi", 4), number: "4", title: "Überschneidung zweier Bewerbungstrainings" },
    ],
    attendance: attendanceOf(B.steeringGroup, "2023-03-15", {
      [C.authorityOfficer]: "excused",
      [C.jobCentreManager]: { representedBy: C.u25TeamLead },
    }),
    minutes:
      "Die Koordinierungsstelle stellt die Entwicklung der Kennzahlen vor. Die Revision 1.1 des Handlungsstandards wird beschlossen. Zur Überschneidung der Bewerbungstrainings erhält die AG Berufsorientierung einen Prüfauftrag.",
    decisions: [
      {
        id: ref("dec", 1),
        agendaItemId: ref("agi", 3),
        text: "Die Steuerungsgruppe beschließt die Revision 1.1 des Handlungsstandards HS-01 „Übergabe bei Schulabgang ohne Anschluss“.",
        votesFor: 7,
        votesAgainst: 0,
        abstentions: 0,
      },
      {
        id: ref("dec", 2),
        agendaItemId: ref("agi", 4),
        text: "Die AG Berufsorientierung prüft die Überschneidung der Bewerbungstrainings von Bildungswerk und Jugendwerkstatt und legt bis zur Herbstsitzung einen Vorschlag vor.",
      },
    ],
    actionItems: [
      {
        id: ref("tsk", 1),
        title: "Überschneidung der Bewerbungstrainings prüfen und Vorschlag vorlegen",
        decisionId: ref("dec", 2),
        ownerContactId: C.officeCoordinator,
        ownerActorId: A.district,
        due: "2023-09-01",
        status: "in_progress",
      },
      {
        id: ref("tsk", 2),
        title: "Schulabgangsbefragung 2023 vorbereiten",
        ownerContactId: C.officeHead,
        ownerActorId: A.district,
        due: "2023-05-31",
        status: "done",
        doneOn: "2023-05-22",
      },
    ],
    illustrative: true,
  }),
  record("meeting", ref("mtg", 2), {
    bodyId: B.advisoryBoard,
    title: "Sitzung des Beirats 1/2023",
    status: "minutes_approved",
    start: "2023-05-10T14:00:00+02:00",
    end: "2023-05-10T16:30:00+02:00",
    location: "Kreishaus, Großer Sitzungssaal",
    agenda: [
      { id: ref("agi", 5), number: "1", title: "Ergebnisse des Erwartungsabgleichs 2023" },
      { id: ref("agi", 6), number: "2", title: "Jahresschwerpunkte 2023/24" },
    ],
    attendance: attendanceOf(B.advisoryBoard, "2023-05-10", {
      [C.unionHead]: "excused",
      [C.companyHead]: "absent",
      [C.grammarHead]: "excused",
    }),
    decisions: [
      {
        id: ref("dec", 3),
        agendaItemId: ref("agi", 6),
        text: "Jahresschwerpunkte 2023/24: Einbindung der Eltern in die Berufsorientierung und verlässliche Übergaben nach HS-01.",
        votesFor: 10,
        votesAgainst: 0,
        abstentions: 1,
      },
    ],
    actionItems: [
      {
        id: ref("tsk", 3),
        title: "Konzept für Elternabende zur Berufsorientierung entwerfen",
        decisionId: ref("dec", 3),
        ownerActorId: A.agency,
        ownerContactId: C.careersAdviser,
        due: "2023-08-31",
        status: "done",
        doneOn: "2023-08-15",
      },
    ],
    illustrative: true,
  }),
  record("meeting", ref("mtg", 3), {
    bodyId: B.steeringGroup,
    title: "Sitzung der Steuerungsgruppe 2/2023",
    status: "held",
    start: "2023-09-20T09:00:00+02:00",
    end: "2023-09-20T12:00:00+02:00",
    location: "Kreishaus, Sitzungsraum",
    agenda: [
      { id: ref("agi", 7), number: "1", title: "Umsetzungsstand der Mindest- und Handlungsstandards" },
      { id: ref("agi", 8), number: "2", title: "Elternabende: Umsetzung im Schuljahr 2023/24" },
    ],
    attendance: attendanceOf(B.steeringGroup, "2023-09-20", {
      [C.councilCommitteeChair]: "excused",
      [C.hwkHead]: "excused",
    }),
    decisions: [
      {
        id: ref("dec", 4),
        agendaItemId: ref("agi", 8),
        text: "Die Elternabende werden im Schuljahr 2023/24 mangels Personal nicht umgesetzt; die Steuerungsgruppe nimmt sie in die Planung 2024/25 auf.",
      },
    ],
    actionItems: [
      {
        id: ref("tsk", 4),
        title: "Wirksamkeitsprüfung des Handlungsstandards HS-01 vorbereiten",
        ownerContactId: C.officeCoordinator,
        ownerActorId: A.district,
        due: "2024-10-31",
        status: "open",
      },
    ],
    illustrative: true,
  }),
  record("meeting", ref("mtg", 4), {
    bodyId: B.advisoryBoard,
    title: "Sitzung des Beirats 2/2023",
    status: "held",
    start: "2023-11-15T14:00:00+01:00",
    end: "2023-11-15T16:00:00+01:00",
    location: "Kreishaus, Großer Sitzungssaal",
    agenda: [
      { id: ref("agi", 9), number: "1", title: "Selbsteinschätzung der Gelingensfaktoren 2023" },
      { id: ref("agi", 10), number: "2", title: "Neue Angebote für neu Zugewanderte" },
    ],
    attendance: attendanceOf(B.advisoryBoard, "2023-11-15", {
      [C.osterodeHead]: "excused",
      [C.employersHead]: "excused",
    }),
    decisions: [
      {
        id: ref("dec", 5),
        agendaItemId: ref("agi", 10),
        text: "Der Beirat unterstützt ein Angebot der berufsbildenden Schulen für neu zugewanderte Jugendliche ab dem Schuljahr 2024/25.",
        votesFor: 11,
        votesAgainst: 0,
        abstentions: 0,
      },
    ],
    illustrative: true,
  }),
  record("meeting", ref("mtg", 5), {
    bodyId: B.orientationGroup,
    title: "Sitzung der AG Berufsorientierung 3/2023",
    status: "held",
    start: "2023-10-05T13:30:00+02:00",
    end: "2023-10-05T15:30:00+02:00",
    location: "Koordinierungsstelle Bildung-Beruf",
    agenda: [
      { id: ref("agi", 11), number: "1", title: "Berufsfelderkundung im Handwerk und Zukunftstag Berufe" },
      { id: ref("agi", 12), number: "2", title: "Bewerbungstrainings in den Abgangsklassen" },
    ],
    attendance: attendanceOf(B.orientationGroup, "2023-10-05", { [C.ihkTrainingAdviser]: "excused" }),
    decisions: [
      {
        id: ref("dec", 6),
        agendaItemId: ref("agi", 11),
        text: "Berufsfelderkundung im Handwerk und Zukunftstag Berufe ergänzen sich; die Termine werden aufeinander abgestimmt.",
      },
    ],
    actionItems: [
      {
        id: ref("tsk", 5),
        title: "Gemeinsamen Terminplan der Erkundungstage an die Schulen senden",
        decisionId: ref("dec", 6),
        ownerContactId: C.officeCoordinator,
        ownerActorId: A.district,
        due: "2023-11-15",
        status: "done",
        doneOn: "2023-11-10",
      },
    ],
    illustrative: true,
  }),
  record("meeting", ref("mtg", 6), {
    bodyId: B.steeringGroup,
    title: "Sitzung der Steuerungsgruppe 1/2024",
    status: "planned",
    start: "2024-03-13T09:00:00+01:00",
    location: "Kreishaus, Sitzungsraum",
    agenda: [
      { id: ref("agi", 13), number: "1", title: "Zahlen, Daten, Fakten 2023" },
      { id: ref("agi", 14), number: "2", title: "Vorschlag zu den Bewerbungstrainings" },
    ],
    illustrative: true,
  }),
];

// ---------------------------------------------------------------------------------------------
// Agreements, indicators, observations, goals

const signatories = [
  A.district,
  A.schoolAuthority,
  A.agency,
  A.jobCentre,
  A.ihk,
  A.hwk,
  A.vocationalSchools,
  A.secondarySchool,
  A.grammarSchool,
  A.specialSchool,
  A.townOsterode,
  A.townHerzberg,
  A.union,
  A.employersAssociation,
  A.provider,
  A.youthWorkshop,
  A.company,
  A.youthOffice,
];

const agreements = [
  record("agreement", osterodeIds.agreements.frameworkConcept, {
    title: "Kommunales Rahmenkonzept Übergang Bildung-Beruf",
    kind: "framework_concept",
    status: "in_force",
    partyActorIds: [A.district, A.council],
    revisions: [
      {
        number: 1,
        adoptedOn: "2008-02-20",
        summary:
          "Landkreisweite Strategie für das Bildungs- und Übergangssystem; Einrichtung einer Koordinierungsstelle.",
      },
    ],
    signatures: [{ actorId: A.district, signedOn: "2008-02-20", revision: 1 }],
    validFrom: "2008-03-01",
    note: "Das Praxisbeispiel nennt die Vereinbarung eines kommunalen Rahmenkonzepts; Daten und Wortlaut sind erfunden.",
    illustrative: true,
  }),
  record("agreement", osterodeIds.agreements.cooperation, {
    title: "Kooperationsvereinbarung Übergang Bildung-Beruf im Landkreis Osterode am Harz",
    kind: "cooperation_agreement",
    status: "in_force",
    partyActorIds: signatories,
    revisions: [
      {
        number: 1,
        adoptedOn: "2012-06-20",
        summary:
          "Verbindlicher Zusammenschluss aller Akteure: gemeinsame Ziele, Gremienstruktur, Erarbeitung von Mindeststandards.",
      },
      {
        number: 2,
        adoptedOn: "2019-05-15",
        summary:
          "Fortschreibung: messbare Ziele mit Indikatoren, Ausgangswerten, Zielwerten und Fristen bis 2026.",
      },
    ],
    signatures: signatories.map((actorId) => ({ actorId, signedOn: "2019-06-26", revision: 2 })),
    commitments: [
      {
        actorId: A.district,
        text: "Führt die Koordinierungsstelle, die Geschäftsführung der Gremien und das Monitoring.",
      },
      {
        actorId: A.agency,
        text: "Bietet Berufsberatung in allen Vorabgangsklassen an und übernimmt Jugendliche ohne Anschluss nach HS-01.",
      },
      {
        actorId: A.jobCentre,
        text: "Benennt feste Ansprechpersonen U25 und meldet Übergaben nach HS-01 zurück.",
      },
      {
        actorId: A.youthOffice,
        text: "Bietet Jugendsozialarbeit für junge Menschen an, die von SGB-II- und SGB-III-Angeboten nicht erreicht werden.",
      },
      {
        actorId: A.secondarySchool,
        text: "Setzt den Mindeststandard Berufsorientierung um und meldet Abgänge ohne Anschluss bis zum 31. März.",
      },
      { actorId: A.ihk, text: "Wirbt Praktikums- und Ausbildungsplätze bei den Mitgliedsbetrieben ein." },
      { actorId: A.hwk, text: "Organisiert Berufsfelderkundungen im Handwerk." },
    ],
    validFrom: "2019-07-01",
    validTo: "2026-12-31",
    note: "Das Praxisbeispiel nennt eine Kooperationsvereinbarung mit klaren Zielformulierungen; Daten, Wortlaut und Ziele sind erfunden.",
    illustrative: true,
  }),
];

const I = {
  withoutFollowOn: ref("ind", 1),
  withoutQualification: ref("ind", 2),
  unplaced: ref("ind", 3),
  transitionSector: ref("ind", 4),
  schoolsWithStandard: ref("ind", 5),
  redundantPairs: ref("ind", 6),
} as const;

const indicators = [
  record("indicator", I.withoutFollowOn, {
    code: "UE-01",
    name: "Schulabgängerinnen und -abgänger ohne bekannten Anschluss",
    unit: "percent",
    direction: "lower_is_better",
    frequency: "school_year",
    source: "Schulabgangsbefragung der Koordinierungsstelle",
    illustrative: true,
  }),
  record("indicator", I.withoutQualification, {
    code: "UE-02",
    name: "Abgängerinnen und Abgänger ohne Ersten Schulabschluss",
    unit: "percent",
    direction: "lower_is_better",
    frequency: "school_year",
    source: "Landesamt für Statistik Niedersachsen",
    illustrative: true,
  }),
  record("indicator", I.unplaced, {
    code: "UE-03",
    name: "Unversorgte Bewerberinnen und Bewerber zum 30. September",
    unit: "count",
    direction: "lower_is_better",
    frequency: "yearly",
    source: "Statistik der Bundesagentur für Arbeit",
    illustrative: true,
  }),
  record("indicator", I.transitionSector, {
    code: "UE-04",
    name: "Anfängerinnen und Anfänger im Übergangsbereich",
    unit: "count",
    direction: "neutral",
    frequency: "yearly",
    source: "Integrierte Ausbildungsberichterstattung (Statistische Ämter des Bundes und der Länder)",
    iabeSector: "II",
    illustrative: true,
  }),
  record("indicator", I.schoolsWithStandard, {
    code: "ST-01",
    name: "Allgemeinbildende Schulen, die den Mindeststandard Berufsorientierung umsetzen",
    unit: "percent",
    direction: "higher_is_better",
    frequency: "school_year",
    source: "Umsetzungsabfrage der Koordinierungsstelle",
    illustrative: true,
  }),
  record("indicator", I.redundantPairs, {
    code: "NW-01",
    name: "Als redundant bewertete Angebotspaare",
    unit: "count",
    direction: "lower_is_better",
    frequency: "yearly",
    source: "Maßnahmenkatalog der Koordinierungsstelle",
    illustrative: true,
  }),
];

type Series = readonly (readonly [date: string, periodLabel: string, value: number])[];

const series: readonly (readonly [indicatorId: string, values: Series])[] = [
  [
    I.withoutFollowOn,
    [
      ["2019-07-31", "2018/19", 9.4],
      ["2020-07-31", "2019/20", 10.1],
      ["2021-07-31", "2020/21", 8.7],
      ["2022-07-31", "2021/22", 7.9],
      ["2023-07-31", "2022/23", 7.2],
    ],
  ],
  [
    I.withoutQualification,
    [
      ["2019-07-31", "2018/19", 7.8],
      ["2020-07-31", "2019/20", 8.2],
      ["2021-07-31", "2020/21", 7.5],
      ["2022-07-31", "2021/22", 7.1],
      ["2023-07-31", "2022/23", 6.8],
    ],
  ],
  [
    I.unplaced,
    [
      ["2019-09-30", "2019", 62],
      ["2020-09-30", "2020", 71],
      ["2021-09-30", "2021", 55],
      ["2022-09-30", "2022", 48],
      ["2023-09-30", "2023", 41],
    ],
  ],
  [
    I.transitionSector,
    [
      ["2019-12-31", "2019", 520],
      ["2020-12-31", "2020", 545],
      ["2021-12-31", "2021", 498],
      ["2022-12-31", "2022", 470],
      ["2023-12-31", "2023", 455],
    ],
  ],
  [
    I.schoolsWithStandard,
    [
      ["2019-07-31", "2018/19", 40],
      ["2021-07-31", "2020/21", 60],
      ["2023-07-31", "2022/23", 75],
    ],
  ],
  [
    I.redundantPairs,
    [
      ["2021-12-31", "2021", 3],
      ["2022-12-31", "2022", 2],
      ["2023-12-31", "2023", 1],
    ],
  ],
];

let observationNumber = 0;
const observations = series.flatMap(([indicatorId, values]) =>
  values.map(([date, periodLabel, value]) => {
    observationNumber += 1;
    return record("observation", ref("obs", observationNumber), {
      indicatorId,
      date,
      periodLabel,
      value,
      areaKey: "03156",
      // The newest yearly figure of the transition sector is still a quick report.
      provisional: indicatorId === I.transitionSector && date === "2023-12-31",
      illustrative: true,
    });
  }),
);

const agreementId = osterodeIds.agreements.cooperation;

const goals = [
  record("goal", ref("gol", 1), {
    title: "Jede Schulabgängerin und jeder Schulabgänger hat einen Anschluss",
    description: "Der Anteil der Abgängerinnen und Abgänger ohne bekannten Anschluss sinkt bis 2026 auf 5 %.",
    level: "strategic",
    agreementId,
    indicatorId: I.withoutFollowOn,
    baseline: { value: 9.4, date: "2019-07-31" },
    target: 5,
    deadline: "2026-07-31",
    ownerActorIds: [A.district],
    weight: 2,
    illustrative: true,
  }),
  record("goal", ref("gol", 2), {
    title: "Weniger Abgänge ohne Ersten Schulabschluss",
    level: "tactical",
    parentGoalId: ref("gol", 1),
    agreementId,
    indicatorId: I.withoutQualification,
    baseline: { value: 7.8, date: "2019-07-31" },
    target: 5.5,
    deadline: "2026-07-31",
    ownerActorIds: [A.schoolAuthority, A.secondarySchool, A.specialSchool],
    illustrative: true,
  }),
  record("goal", ref("gol", 3), {
    title: "Weniger unversorgte Bewerberinnen und Bewerber",
    level: "tactical",
    parentGoalId: ref("gol", 1),
    agreementId,
    indicatorId: I.unplaced,
    baseline: { value: 62, date: "2019-09-30" },
    target: 30,
    deadline: "2025-09-30",
    ownerActorIds: [A.agency, A.jobCentre, A.ihk, A.hwk],
    illustrative: true,
  }),
  record("goal", ref("gol", 4), {
    title: "Abgestimmte Standards an allen Schnittstellen",
    description: "Alle allgemeinbildenden Schulen setzen den Mindeststandard Berufsorientierung um.",
    level: "strategic",
    agreementId,
    indicatorId: I.schoolsWithStandard,
    baseline: { value: 40, date: "2019-07-31" },
    target: 100,
    deadline: "2025-07-31",
    ownerActorIds: [A.district, A.schoolAuthority],
    illustrative: true,
  }),
  record("goal", ref("gol", 5), {
    title: "Keine redundanten Angebote",
    level: "tactical",
    parentGoalId: ref("gol", 4),
    agreementId,
    indicatorId: I.redundantPairs,
    baseline: { value: 3, date: "2021-12-31" },
    target: 0,
    deadline: "2024-12-31",
    ownerActorIds: [A.district],
    illustrative: true,
  }),
  record("goal", ref("gol", 6), {
    title: "Elternabende zur Berufsorientierung an allen Schulen",
    level: "operative",
    state: "dropped",
    parentGoalId: ref("gol", 1),
    agreementId,
    ownerActorIds: [A.agency, A.district],
    illustrative: true,
  }),
];

// ---------------------------------------------------------------------------------------------
// Standards and the practice guide

const standards = [
  record("standard", S.orientation, {
    code: "MS-01",
    title: "Mindeststandard Berufsorientierung in der Sekundarstufe I",
    kind: "minimum",
    revision: "2.0",
    status: "in_force",
    description:
      "Jede allgemeinbildende Schule bietet ab Klasse 8 Berufsberatung in der Schule, ein Betriebspraktikum und ein Bewerbungstraining an.",
    adoptedOn: "2015-06-10",
    reviewIntervalMonths: 24,
    interfaces: [
      {
        id: ref("ifc", 1),
        from: { actorKind: "general_school" },
        to: { actorKind: "employment_agency" },
        handover:
          "Klassenlisten der Vorabgangsklassen und Termine für Sprechstunden der Berufsberatung in der Schule",
        trigger: "Beginn des Schuljahres der Vorabgangsklasse",
        deadline: "bis 30. September",
        legalFrameworks: ["school_law", "sgb3"],
      },
      {
        id: ref("ifc", 2),
        from: { actorKind: "employer" },
        to: { actorKind: "general_school" },
        handover: "Rückmeldung zum Betriebspraktikum (Beurteilungsbogen)",
        trigger: "Ende des Betriebspraktikums",
        deadline: "zwei Wochen nach Praktikumsende",
        legalFrameworks: ["school_law"],
      },
    ],
    responsibilities: [
      {
        task: "Berufsorientierungskonzept der Schule fortschreiben",
        role: "responsible",
        actorKind: "general_school",
      },
      {
        task: "Sprechstunden der Berufsberatung in der Schule anbieten",
        role: "responsible",
        actorKind: "employment_agency",
      },
      { task: "Umsetzung im Landkreis begleiten und auswerten", role: "accountable", actorId: A.district },
      { task: "Über den Umsetzungsstand informieren", role: "informed", actorKind: "state_school_authority" },
    ],
    adoptions: [
      { actorId: A.secondarySchool, status: "implemented", since: "2016-08-01" },
      { actorId: A.grammarSchool, status: "implementing", since: "2019-08-01" },
      { actorId: A.specialSchool, status: "adopted", since: "2021-02-01" },
      { actorId: A.agency, status: "implemented", since: "2015-08-01" },
    ],
    reviews: [
      {
        date: "2021-06-30",
        result: "partly_effective",
        findings:
          "Berufsberatung ist an allen Schulen präsent; Praktikumsrückmeldungen kommen nur zur Hälfte zurück.",
        reviewerContactId: C.officeCoordinator,
        nextReviewDue: "2023-06-30",
      },
      {
        date: "2023-06-28",
        result: "effective",
        findings:
          "Drei Viertel der Schulen setzen den Standard vollständig um; der Rücklauf der Praktikumsbögen liegt bei 80 %.",
        reviewerContactId: C.officeCoordinator,
        nextReviewDue: "2025-06-30",
      },
    ],
    illustrative: true,
  }),
  record("standard", S.handover, {
    code: "HS-01",
    title: "Handlungsstandard Übergabe bei Schulabgang ohne Anschluss",
    kind: "action",
    revision: "1.1",
    status: "in_force",
    description:
      "Kein junger Mensch geht verloren: Schule, Agentur für Arbeit, Jobcenter, berufsbildende Schulen und Jugendamt übergeben Jugendliche ohne gesicherten Anschluss nach festen Regeln und mit ihrem Einverständnis.",
    adoptedOn: "2016-03-09",
    reviewIntervalMonths: 24,
    standardElement: "SBO 10.7",
    interfaces: [
      {
        id: ref("ifc", 3),
        from: { actorKind: "general_school" },
        to: { actorKind: "employment_agency" },
        handover: "Anschlussperspektive und Einverständniserklärung zur Datenweitergabe",
        trigger: "Abgang ohne gesicherten Anschluss absehbar (Halbjahreszeugnis der Abgangsklasse)",
        deadline: "bis 31. März",
        legalFrameworks: ["school_law", "sgb3"],
      },
      {
        id: ref("ifc", 4),
        from: { actorKind: "employment_agency" },
        to: { actorKind: "job_centre" },
        handover: "Übergabe an die feste Ansprechperson U25",
        trigger: "Der junge Mensch lebt in einer Bedarfsgemeinschaft nach SGB II",
        responsibleActorId: A.jobCentre,
        legalFrameworks: ["sgb3", "sgb2"],
        legalBasis: "§ 3 Abs. 2 SGB II",
      },
      {
        id: ref("ifc", 5),
        from: { actorKind: "job_centre" },
        to: { actorKind: "youth_welfare_office" },
        handover: "Fallübergabe in die Jugendsozialarbeit mit Einverständnis",
        trigger: "Der junge Mensch wird von Angeboten nach SGB II und III nicht erreicht",
        legalFrameworks: ["sgb2", "sgb8"],
        legalBasis: "§ 16h SGB II; § 13 SGB VIII",
      },
      {
        id: ref("ifc", 6),
        from: { actorKind: "general_school" },
        to: { actorKind: "vocational_school", actorId: A.vocationalSchools },
        handover: "Anmeldung zur Berufseinstiegsschule",
        trigger: "Abgang ohne Ausbildungsvertrag bei fortbestehender Schulpflicht",
        deadline: "bis zum Anmeldeschluss der berufsbildenden Schulen",
        legalFrameworks: ["school_law"],
      },
    ],
    responsibilities: [
      {
        task: "Abgänge ohne Anschluss erfassen und melden",
        role: "responsible",
        actorKind: "general_school",
      },
      { task: "Übergaben zusammenführen und auswerten", role: "accountable", actorId: A.district },
      { task: "Rückmeldung an die abgebende Schule", role: "responsible", actorKind: "job_centre" },
      { task: "Fallberatung in schwierigen Fällen", role: "consulted", actorKind: "youth_welfare_office" },
    ],
    adoptions: [
      { actorId: A.agency, status: "implemented", since: "2016-08-01" },
      { actorId: A.jobCentre, status: "implemented", since: "2016-08-01" },
      { actorId: A.youthOffice, status: "implementing", since: "2018-01-01" },
      { actorId: A.vocationalSchools, status: "implemented", since: "2016-08-01" },
      { actorId: A.secondarySchool, status: "implemented", since: "2016-08-01" },
      { actorId: A.grammarSchool, status: "adopted", since: "2016-08-01" },
      { actorId: A.specialSchool, status: "implementing", since: "2017-08-01" },
    ],
    reviews: [
      {
        date: "2022-11-30",
        result: "partly_effective",
        findings:
          "Übergaben mit Einverständniserklärung funktionieren; Rückmeldungen vom Jugendamt an die Schulen fehlen noch.",
        reviewerContactId: C.officeHead,
        nextReviewDue: "2024-11-30",
      },
    ],
    illustrative: true,
  }),
  record("standard", S.placements, {
    code: "HS-02",
    title: "Handlungsstandard Praktikumsplätze und Betriebskontakte",
    kind: "action",
    revision: "0.9",
    status: "consultation",
    description:
      "Betriebe melden Praktikumsplätze über die Kammern an eine gemeinsame Börse; Schulen vergeben sie abgestimmt.",
    interfaces: [
      {
        id: ref("ifc", 7),
        from: { actorKind: "employer" },
        to: { actorKind: "chamber" },
        handover: "Freie Praktikumsplätze mit Berufsfeld und Zeitraum",
        trigger: "Halbjährliche Abfrage der Kammern",
        legalFrameworks: ["vocational_training_act"],
      },
      {
        id: ref("ifc", 8),
        from: { actorKind: "chamber" },
        to: { actorKind: "general_school" },
        handover: "Übersicht der Praktikumsplätze",
        trigger: "Vor Beginn der Praktikumsplanung der Schulen",
        deadline: "bis 31. Oktober",
        legalFrameworks: ["school_law"],
      },
    ],
    responsibilities: [
      { task: "Praktikumsbörse pflegen", role: "responsible", actorKind: "chamber" },
      { task: "Abstimmung der Praktikumszeiträume", role: "consulted", actorKind: "general_school" },
    ],
    illustrative: true,
  }),
];

const guide = record("guide", osterodeIds.guide, {
  title: "Handlungsstandard und Praxisleitfaden für den Übergang Bildung-Beruf im Landkreis Osterode am Harz",
  revision: "2.0",
  publishedOn: "2019-09-01",
  sections: [
    {
      number: "1",
      title: "Die lokale Verantwortungsgemeinschaft",
      body: "Grundlage für die Optimierungsprozesse im gesamten Übergangssystem: wer beteiligt ist und wie die Gremien zusammenarbeiten.",
    },
    {
      number: "2",
      title: "Berufsorientierung in der Sekundarstufe I",
      body: "Was jede Schule mindestens anbietet und wie die Partner sie unterstützen.",
      standardIds: [S.orientation],
    },
    {
      number: "3",
      title: "Übergänge gestalten: niemand geht verloren",
      body: "Die Schnittstellen zwischen Schule, Agentur für Arbeit, Jobcenter, berufsbildenden Schulen und Jugendamt.",
      standardIds: [S.handover],
    },
    {
      number: "4",
      title: "Zusammenarbeit mit der Wirtschaft",
      body: "Praktikumsplätze und Betriebskontakte.",
      standardIds: [S.placements],
    },
    {
      number: "5",
      title: "Wirksamkeit prüfen",
      body: "Wie die Standards regelmäßig auf ihre Wirksamkeit geprüft und fortgeschrieben werden.",
      standardIds: [S.orientation, S.handover],
    },
  ],
  illustrative: true,
});

// ---------------------------------------------------------------------------------------------
// Measures (two pairs overlap on purpose: 1/2 unreviewed, 3/4 reviewed as complementary)

const schoolYear = { from: "2023-08-01", to: "2024-07-31" } as const;

const measures = [
  record("measure", ref("msr", 1), {
    title: "Bewerbungstraining für Abgangsklassen",
    description:
      "Bewerbungstraining für Schülerinnen und Schüler der Klassen 9 und 10: Lebenslauf und Anschreiben erstellen, Vorstellungsgespräche üben.",
    providerActorId: A.provider,
    partnerActorIds: [A.secondarySchool],
    category: "application_support",
    targetGroups: ["pupils_lower_secondary", "without_first_qualification"],
    grades: { min: 9, max: 10 },
    ages: { min: 14, max: 17 },
    areaServed: [osterodeTown],
    ...schoolYear,
    schedule: "weekly",
    places: 40,
    funding: [{ source: "Landkreis Osterode am Harz (freiwillige Leistung)", amountEur: 18_000 }],
    status: "running",
    public: true,
    location: {
      street: "Musterweg 5",
      postalCode: "37520",
      locality: "Osterode am Harz",
      municipalityKey: osterodeTown,
    },
    illustrative: true,
  }),
  record("measure", ref("msr", 2), {
    title: "Fit für die Bewerbung: Bewerbungstraining für die Klassen 9 und 10",
    description:
      "Bewerbungstraining in den Abgangsklassen: Lebenslauf und Anschreiben schreiben, Vorstellungsgespräche üben.",
    providerActorId: A.youthWorkshop,
    category: "application_support",
    targetGroups: ["pupils_lower_secondary", "without_first_qualification"],
    grades: { min: 9, max: 10 },
    ages: { min: 14, max: 17 },
    areaServed: [osterodeTown, herzbergTown],
    from: "2023-09-01",
    to: "2024-06-30",
    schedule: "block",
    places: 30,
    funding: [{ source: "Eigenmittel des Trägers" }],
    status: "running",
    public: true,
    illustrative: true,
  }),
  record("measure", ref("msr", 3), {
    title: "Berufsfelderkundung im Handwerk",
    description:
      "Schülerinnen und Schüler der Klasse 8 erkunden an drei Tagen Berufsfelder in Handwerksbetrieben.",
    providerActorId: A.craftsAssociation,
    partnerActorIds: [A.hwk],
    category: "vocational_orientation",
    targetGroups: ["pupils_lower_secondary"],
    grades: { min: 8, max: 8 },
    ...schoolYear,
    schedule: "block",
    places: 200,
    status: "running",
    public: true,
    illustrative: true,
  }),
  record("measure", ref("msr", 4), {
    title: "Zukunftstag Berufe: Betriebserkundungen in Klasse 8 und 9",
    description:
      "Schülerinnen und Schüler der Klassen 8 und 9 erkunden an einem Tag Berufe in Industrie- und Handelsbetrieben.",
    providerActorId: A.ihk,
    partnerActorIds: [A.company],
    category: "vocational_orientation",
    targetGroups: ["pupils_lower_secondary"],
    grades: { min: 8, max: 9 },
    ...schoolYear,
    schedule: "once",
    places: 300,
    status: "running",
    public: true,
    illustrative: true,
  }),
  record("measure", ref("msr", 5), {
    title: "Berufsvorbereitende Bildungsmaßnahme (BvB)",
    providerActorId: A.provider,
    partnerActorIds: [A.agency],
    category: "pre_vocational",
    iabeSector: "II",
    iabeAccount: "bvb",
    baMeasureType: "bvb",
    targetGroups: ["applicants", "unplaced_applicants", "without_first_qualification"],
    ages: { min: 15, max: 24 },
    from: "2023-09-01",
    to: "2024-08-31",
    schedule: "continuous",
    places: 24,
    funding: [{ source: "Bundesagentur für Arbeit (Auftragsmaßnahme)" }],
    status: "running",
    illustrative: true,
  }),
  record("measure", ref("msr", 6), {
    title: "Berufseinstiegsbegleitung",
    providerActorId: A.provider,
    partnerActorIds: [A.agency, A.secondarySchool, A.specialSchool],
    category: "transition_support",
    baMeasureType: "bereb",
    targetGroups: ["pupils_lower_secondary", "without_first_qualification"],
    grades: { min: 8, max: 10 },
    from: "2022-08-01",
    to: "2026-07-31",
    schedule: "continuous",
    places: 30,
    funding: [{ source: "Bundesagentur für Arbeit" }, { programmeId: P.careerEntryCoFunding }],
    status: "running",
    illustrative: true,
  }),
  record("measure", ref("msr", 7), {
    title: "Einstiegsqualifizierung im Metallhandwerk",
    providerActorId: A.company,
    partnerActorIds: [A.agency, A.hwk],
    category: "pre_vocational",
    iabeSector: "II",
    iabeAccount: "eq",
    baMeasureType: "eq",
    targetGroups: ["applicants_earlier_years", "unplaced_applicants"],
    ages: { min: 16, max: 25 },
    from: "2023-10-01",
    to: "2024-07-31",
    places: 2,
    status: "running",
    illustrative: true,
  }),
  record("measure", ref("msr", 8), {
    title: "Assistierte Ausbildung flexibel (AsA flex)",
    providerActorId: A.youthWorkshop,
    partnerActorIds: [A.agency],
    category: "training_support",
    iabeSector: "I",
    baMeasureType: "asa_flex",
    targetGroups: ["trainees", "training_dropouts"],
    ages: { min: 16, max: 25 },
    from: "2023-01-01",
    schedule: "continuous",
    places: 20,
    status: "running",
    illustrative: true,
  }),
  record("measure", ref("msr", 9), {
    title: "Potenzialanalyse in Klasse 8",
    providerActorId: A.provider,
    category: "potential_analysis",
    targetGroups: ["pupils_lower_secondary"],
    grades: { min: 8, max: 8 },
    from: "2022-08-01",
    to: "2023-07-31",
    schedule: "once",
    places: 250,
    status: "completed",
    illustrative: true,
  }),
  record("measure", ref("msr", 10), {
    title: "Elternabende zur Berufsorientierung",
    providerActorId: A.district,
    partnerActorIds: [A.agency],
    category: "parents",
    targetGroups: ["parents"],
    ...schoolYear,
    schedule: "once",
    status: "cancelled",
    illustrative: true,
  }),
  record("measure", ref("msr", 11), {
    title: "Sprachförderung und Berufsorientierung für neu Zugewanderte",
    providerActorId: A.vocationalSchools,
    category: "language_integration",
    targetGroups: ["newly_arrived"],
    ages: { min: 16, max: 20 },
    from: "2024-08-01",
    to: "2025-07-31",
    places: 16,
    status: "planned",
    illustrative: true,
  }),
  record("measure", ref("msr", 12), {
    title: "Aufsuchende Beratung für schwer erreichbare junge Menschen",
    providerActorId: A.youthWorkshop,
    partnerActorIds: [A.jobCentre, A.youthOffice],
    category: "counselling",
    targetGroups: ["sgb2_hard_to_reach", "neet"],
    ages: { min: 15, max: 24 },
    from: "2021-01-01",
    schedule: "continuous",
    funding: [{ source: "Jobcenter (§ 16h SGB II)" }],
    status: "running",
    illustrative: true,
  }),
];

const overlapReviews = [
  record("overlapReview", ref("ovr", 1), {
    measureIds: [ref("msr", 3), ref("msr", 4)],
    measureVersions: [1, 1],
    verdict: "complementary",
    note: "Handwerk und IHK-Berufe ergänzen sich; die Termine sind abgestimmt (AG Berufsorientierung, 5.10.2023).",
    reviewedBy: "Koordinierungsstelle Bildung-Beruf",
    reviewedAt: "2023-10-05T16:00:00+02:00",
    illustrative: true,
  }),
];

// ---------------------------------------------------------------------------------------------
// Reconciliation of expectations, working methods and self-interests

const ratingItems = [
  {
    key: "information_flow",
    de: "Der Informationsfluss im Netzwerk ist gut.",
    en: "Information flows well in the network.",
  },
  {
    key: "own_benefit",
    de: "Die Zusammenarbeit nützt meiner Organisation.",
    en: "Working together benefits my organisation.",
  },
  {
    key: "decisions_implemented",
    de: "Beschlüsse der Gremien werden umgesetzt.",
    en: "The bodies' decisions are carried out.",
  },
  {
    key: "effort",
    de: "Der Aufwand für die Mitarbeit ist angemessen.",
    en: "The effort of taking part is reasonable.",
  },
];

const invited = [
  A.agency,
  A.jobCentre,
  A.ihk,
  A.hwk,
  A.vocationalSchools,
  A.secondarySchool,
  A.provider,
  A.youthOffice,
  A.employersAssociation,
];

const rounds = [
  record("reconciliationRound", ref("rnd", 1), {
    title: "Erwartungsabgleich 2022",
    status: "evaluated",
    opensOn: "2022-02-01",
    closesOn: "2022-03-15",
    invitedActorIds: invited,
    ratingItems,
    scaleMin: 1,
    scaleMax: 5,
    illustrative: true,
  }),
  record("reconciliationRound", ref("rnd", 2), {
    title: "Erwartungsabgleich 2023",
    status: "evaluated",
    opensOn: "2023-02-01",
    closesOn: "2023-03-15",
    invitedActorIds: invited,
    ratingItems,
    scaleMin: 1,
    scaleMax: 5,
    illustrative: true,
  }),
];

const responses = [
  record("reconciliationResponse", ref("rsp", 1), {
    roundId: ref("rnd", 1),
    actorId: A.agency,
    contactId: C.agencyManager,
    submittedAt: "2022-02-20T10:00:00+01:00",
    expectations: [
      {
        text: "Feste Termine der Berufsberatung in allen Vorabgangsklassen",
        topics: ["vocational_orientation", "school_cooperation"],
        importance: 5,
      },
    ],
    workingMethods: [
      {
        text: "Sprechzeiten in den Schulen und digitale Terminvergabe",
        topics: ["vocational_orientation"],
      },
    ],
    selfInterests: [
      {
        text: "Mehr Vermittlungen in betriebliche Ausbildung",
        topics: ["target_group_reach", "data_and_figures"],
        importance: 4,
      },
    ],
    ratings: { information_flow: 3, own_benefit: 4, decisions_implemented: 3, effort: 4 },
    illustrative: true,
  }),
  record("reconciliationResponse", ref("rsp", 2), {
    roundId: ref("rnd", 1),
    actorId: A.jobCentre,
    contactId: C.formerJobCentreManager,
    submittedAt: "2022-03-01T09:30:00+01:00",
    expectations: [
      {
        text: "Verlässliche Übergaben nach dem Handlungsstandard HS-01",
        topics: ["standards", "information_sharing"],
        importance: 5,
      },
    ],
    workingMethods: [
      { text: "Fallmanagement U25 mit festen Ansprechpersonen", topics: ["transition_management"] },
    ],
    selfInterests: [
      { text: "Weniger junge Menschen im Leistungsbezug", topics: ["target_group_reach"], importance: 5 },
    ],
    ratings: { information_flow: 2, own_benefit: 4, decisions_implemented: 3, effort: 3 },
    illustrative: true,
  }),
  record("reconciliationResponse", ref("rsp", 3), {
    roundId: ref("rnd", 1),
    actorId: A.ihk,
    contactId: C.ihkHead,
    submittedAt: "2022-03-10T14:00:00+01:00",
    expectations: [
      {
        text: "Mehr Praktikumsplätze aus den Schulen besetzt",
        topics: ["employer_involvement", "school_cooperation"],
        importance: 4,
      },
    ],
    workingMethods: [{ text: "Ausbildungsberatung und Lehrstellenbörse", topics: ["employer_involvement"] }],
    selfInterests: [
      {
        text: "Fachkräftenachwuchs für die Mitgliedsbetriebe",
        topics: ["employer_involvement"],
        importance: 5,
      },
    ],
    ratings: { information_flow: 3, own_benefit: 3, decisions_implemented: 2, effort: 3 },
    illustrative: true,
  }),
  record("reconciliationResponse", ref("rsp", 4), {
    roundId: ref("rnd", 1),
    actorId: A.secondarySchool,
    contactId: C.secondaryHead,
    submittedAt: "2022-03-14T16:00:00+01:00",
    expectations: [
      {
        text: "Anfragen externer Anbieter gebündelt über die Koordinierungsstelle",
        topics: ["school_cooperation", "resources"],
        importance: 5,
      },
    ],
    workingMethods: [
      {
        text: "Berufsorientierung im Fach Wirtschaft, Praktika in Klasse 8 und 9",
        topics: ["vocational_orientation"],
      },
    ],
    selfInterests: [
      {
        text: "Ein Anschluss für alle Abgängerinnen und Abgänger",
        topics: ["transition_management"],
        importance: 5,
      },
    ],
    ratings: { information_flow: 2, own_benefit: 4, decisions_implemented: 3, effort: 2 },
    illustrative: true,
  }),
  record("reconciliationResponse", ref("rsp", 5), {
    roundId: ref("rnd", 2),
    actorId: A.agency,
    contactId: C.agencyManager,
    submittedAt: "2023-02-15T10:00:00+01:00",
    expectations: [
      {
        text: "Eltern früher in die Berufsorientierung einbinden",
        topics: ["vocational_orientation", "target_group_reach"],
        importance: 4,
      },
    ],
    workingMethods: [
      { text: "Sprechzeiten in den Schulen und digitale Terminvergabe", topics: ["vocational_orientation"] },
    ],
    selfInterests: [
      {
        text: "Mehr Vermittlungen in betriebliche Ausbildung",
        topics: ["target_group_reach"],
        importance: 4,
      },
    ],
    ratings: { information_flow: 4, own_benefit: 4, decisions_implemented: 4, effort: 4 },
    illustrative: true,
  }),
  record("reconciliationResponse", ref("rsp", 6), {
    roundId: ref("rnd", 2),
    actorId: A.jobCentre,
    contactId: C.jobCentreManager,
    submittedAt: "2023-02-28T09:00:00+01:00",
    expectations: [
      {
        text: "Rückmeldungen der Jugendhilfe zu übergebenen Fällen",
        topics: ["information_sharing", "transition_management"],
        importance: 4,
      },
    ],
    workingMethods: [
      { text: "Fallmanagement U25 mit festen Ansprechpersonen", topics: ["transition_management"] },
    ],
    selfInterests: [
      { text: "Weniger junge Menschen im Leistungsbezug", topics: ["target_group_reach"], importance: 5 },
    ],
    ratings: { information_flow: 3, own_benefit: 4, decisions_implemented: 4, effort: 3 },
    illustrative: true,
  }),
  record("reconciliationResponse", ref("rsp", 7), {
    roundId: ref("rnd", 2),
    actorId: A.ihk,
    contactId: C.ihkHead,
    submittedAt: "2023-03-08T11:00:00+01:00",
    expectations: [
      {
        text: "Eine gemeinsame Praktikumsbörse für den Landkreis",
        topics: ["employer_involvement", "standards"],
        importance: 5,
      },
    ],
    workingMethods: [{ text: "Ausbildungsberatung und Lehrstellenbörse", topics: ["employer_involvement"] }],
    selfInterests: [
      {
        text: "Fachkräftenachwuchs für die Mitgliedsbetriebe",
        topics: ["employer_involvement"],
        importance: 5,
      },
    ],
    ratings: { information_flow: 3, own_benefit: 4, decisions_implemented: 3, effort: 3 },
    illustrative: true,
  }),
  record("reconciliationResponse", ref("rsp", 8), {
    roundId: ref("rnd", 2),
    actorId: A.secondarySchool,
    contactId: C.secondaryHead,
    submittedAt: "2023-03-13T15:30:00+01:00",
    expectations: [
      {
        text: "Anfragen externer Anbieter gebündelt über die Koordinierungsstelle",
        topics: ["school_cooperation", "resources"],
        importance: 4,
      },
    ],
    workingMethods: [
      {
        text: "Berufsorientierung im Fach Wirtschaft, Praktika in Klasse 8 und 9",
        topics: ["vocational_orientation"],
      },
    ],
    selfInterests: [
      {
        text: "Ein Anschluss für alle Abgängerinnen und Abgänger",
        topics: ["transition_management"],
        importance: 5,
      },
    ],
    ratings: { information_flow: 3, own_benefit: 4, decisions_implemented: 4, effort: 3 },
    illustrative: true,
  }),
  record("reconciliationResponse", ref("rsp", 9), {
    roundId: ref("rnd", 2),
    actorId: A.youthOffice,
    contactId: C.youthOfficeHead,
    submittedAt: "2023-03-14T10:00:00+01:00",
    expectations: [
      {
        text: "Frühere Information über junge Menschen ohne Anschluss",
        topics: ["information_sharing", "transition_management"],
        importance: 5,
      },
    ],
    workingMethods: [
      { text: "Aufsuchende Jugendsozialarbeit mit freien Trägern", topics: ["target_group_reach"] },
    ],
    selfInterests: [
      {
        text: "Jugendhilfe als gleichberechtigter Partner neben Agentur und Jobcenter",
        topics: ["governance", "visibility"],
        importance: 4,
      },
    ],
    ratings: { information_flow: 2, own_benefit: 3, decisions_implemented: 3, effort: 3 },
    illustrative: true,
  }),
];

// ---------------------------------------------------------------------------------------------
// Maturity self-assessment of the success factors and inhibitors the practice example names

const maturityItems = [
  {
    key: "political_backing",
    factor: "political_backing",
    de: "Die politische Spitze unterstützt die Koordinierungsstelle sichtbar.",
    en: "The political leadership visibly backs the coordination office.",
  },
  {
    key: "continuity",
    factor: "personnel_continuity",
    de: "Die Ansprechpersonen der Partner wechseln selten.",
    en: "The partners' contact persons rarely change.",
  },
  {
    key: "empowered_bodies",
    factor: "empowered_bodies",
    de: "Die Gremien haben echte Entscheidungskompetenz.",
    en: "The bodies have real decision authority.",
  },
  {
    key: "binding_agreement",
    factor: "binding_agreement",
    de: "Die Kooperationsvereinbarung enthält klare, messbare Ziele.",
    en: "The cooperation agreement contains clear, measurable goals.",
  },
  {
    key: "reconciliation",
    factor: "regular_reconciliation",
    de: "Erwartungen, Arbeitsweisen und Eigeninteressen werden regelmäßig abgeglichen.",
    en: "Expectations, working methods and self-interests are reconciled regularly.",
  },
  {
    key: "figures",
    factor: "figures_and_facts",
    de: "Verwaltung und Politik werden mit Zahlen, Daten, Fakten überzeugt.",
    en: "Administration and politics are convinced with figures, data and facts.",
  },
  {
    key: "business_proximity",
    factor: "proximity_to_business",
    de: "Die Koordinierungsstelle ist räumlich nah an wirtschaftsnahen Organisationen.",
    en: "The coordination office is close to business organisations.",
  },
  {
    key: "different_cultures",
    factor: "different_cultures",
    de: "Unterschiedliche Arbeits- und Unternehmenskulturen erschweren die Zusammenarbeit.",
    en: "Different working and corporate cultures make cooperation harder.",
  },
  {
    key: "funding_rules",
    factor: "funding_rules",
    de: "Vorgaben der Förderprogramme behindern die Arbeit.",
    en: "Funding programme rules get in the way of the work.",
  },
] as const;

type Wave = readonly [label: string, date: string, values: Readonly<Record<string, number>>];

const waves: readonly Wave[] = [
  [
    "Selbsteinschätzung 2021",
    "2021-11-30",
    {
      political_backing: 5,
      continuity: 3,
      empowered_bodies: 4,
      binding_agreement: 4,
      reconciliation: 2,
      figures: 3,
      business_proximity: 3,
      different_cultures: 4,
      funding_rules: 3,
    },
  ],
  [
    "Selbsteinschätzung 2023",
    "2023-11-30",
    {
      political_backing: 5,
      continuity: 3,
      empowered_bodies: 4,
      binding_agreement: 5,
      reconciliation: 4,
      figures: 4,
      business_proximity: 3,
      different_cultures: 3,
      funding_rules: 2,
    },
  ],
];

const maturityAssessments = [
  record("maturityAssessment", ref("mat", 1), {
    title: "Selbsteinschätzung der Gelingensfaktoren des Netzwerks",
    scaleMin: 1,
    scaleMax: 5,
    items: maturityItems.map((item) => ({ ...item })),
    waves: waves.map(([label, date, values]) => ({
      label,
      date,
      answers: Object.entries(values).map(([itemKey, value]) => ({ itemKey, value })),
    })),
    illustrative: true,
  }),
];

// Documents are links to where the files are kept; the addresses are invented (example.org).
const documents = [
  record("document", ref("doc", 1), {
    illustrative: true,
    title: "Kooperationsvereinbarung Übergang Bildung-Beruf, unterzeichnete Fassung",
    kind: "signed_agreement",
    date: "2012-06-20",
    visibility: "internal",
    url: "https://dokumente.example.org/osterode/kooperationsvereinbarung-2012-unterzeichnet.pdf",
    attachedTo: osterodeIds.agreements.cooperation,
  }),
  record("document", ref("doc", 2), {
    illustrative: true,
    title: "Protokoll der Sitzung der Steuerungsgruppe 1/2023",
    kind: "minutes",
    date: "2023-03-15",
    visibility: "partners",
    url: "https://dokumente.example.org/osterode/steuerungsgruppe-2023-1-protokoll.pdf",
    attachedTo: ref("mtg", 1),
  }),
  record("document", ref("doc", 3), {
    illustrative: true,
    title: "Handlungsstandard und Praxisleitfaden (PDF)",
    kind: "practice_guide",
    date: "2019-09-01",
    visibility: "public",
    url: "https://www.example.org/osterode/praxisleitfaden-uebergang-bildung-beruf.pdf",
    attachedTo: osterodeIds.guide,
    description: "Die gedruckte Fassung 2.0 des Praxisleitfadens.",
  }),
];

/**
 * The Osterode am Harz example network: the district, its coordination office and every record
 * the practice example implies, with fixed ids and timestamps; invented entries are illustrative.
 *
 * @example
 * populationDensity(osterodeExample.region[0]!); // 116.9
 */
export const osterodeExample: Network = {
  region: [region],
  coordinationOffice: [office],
  fundingProgramme: fundingProgrammes,
  actor: actors,
  contact: contacts,
  affiliation: affiliations,
  body: bodies,
  seat: seats,
  membership: memberships,
  meeting: meetings,
  agreement: agreements,
  indicator: indicators,
  observation: observations,
  goal: goals,
  standard: standards,
  guide: [guide],
  measure: measures,
  overlapReview: overlapReviews,
  reconciliationRound: rounds,
  reconciliationResponse: responses,
  maturityAssessment: maturityAssessments,
  document: documents,
};
