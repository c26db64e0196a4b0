import type { ActorKind } from "../model/actor.js";
import type { BaMeasureType, IabeSector, MeasureCategory, TargetGroup } from "../model/measure.js";

/** Parts of invented German place names. */
export const placePrefixes = [
  "Alt",
  "Neu",
  "Ober",
  "Nieder",
  "Groß",
  "Klein",
  "Hohen",
  "Lauter",
  "Wester",
  "Oster",
  "Sonnen",
  "Wald",
  "Linden",
  "Eichen",
  "Buchen",
  "Rosen",
  "Fichten",
  "Birken",
  "Erlen",
  "Weiden",
] as const;
export const placeRoots = [
  "au",
  "bach",
  "berg",
  "burg",
  "dorf",
  "feld",
  "hagen",
  "hausen",
  "heim",
  "rode",
  "stedt",
  "tal",
  "walde",
  "wiese",
  "horst",
  "beck",
  "hof",
  "leben",
  "büttel",
  "münde",
] as const;
export const placeQualifiers = [
  "am See",
  "im Tal",
  "an der Aue",
  "am Berg",
  "am Wald",
  "an der Leine",
] as const;

export const givenNames = [
  "Anna",
  "Jana",
  "Julia",
  "Katrin",
  "Lena",
  "Maria",
  "Nadine",
  "Sabine",
  "Sandra",
  "Silke",
  "Stefanie",
  "Ulrike",
  "Andreas",
  "Christian",
  "Daniel",
  "Frank",
  "Jan",
  "Jens",
  "Markus",
  "Michael",
  "Stefan",
  "Thomas",
  "Tobias",
  "Uwe",
] as const;
export const familyNames = [
  "Bauer",
  "Becker",
  "Brandt",
  "Fischer",
  "Friedrich",
  "Hartmann",
  "Hoffmann",
  "Jansen",
  "Keller",
  "Koch",
  "Krüger",
  "Lange",
  "Lorenz",
  "Meyer",
  "Möller",
  "Neumann",
  "Peters",
  "Richter",
  "Schmidt",
  "Schröder",
  "Schulz",
  "Vogel",
  "Wagner",
  "Weber",
  "Wolf",
  "Zimmermann",
] as const;

export const employerStems = [
  "Metallbau",
  "Elektro",
  "Holzbau",
  "Pflegedienst",
  "Autohaus",
  "Bäckerei",
  "Gartenbau",
  "Logistik",
  "Kunststofftechnik",
  "Maschinenbau",
  "Sanitär",
  "Druckerei",
] as const;

export const providerStems = [
  "Jugendwerkstatt",
  "Bildungswerk",
  "Ausbildungsverbund",
  "Jugendhilfe",
  "Qualifizierungszentrum",
  "Beschäftigungsgesellschaft",
  "Lernwerkstatt",
  "Familienzentrum",
] as const;

/** How a measure category is usually shaped: who it is for, which grades or ages, what it is called. */
export interface CategoryProfile {
  readonly weight: number;
  readonly targetGroups: readonly (readonly [TargetGroup, number])[];
  readonly grades?: readonly [number, number];
  readonly ages?: readonly [number, number];
  readonly iabe?: IabeSector;
  readonly ba?: readonly BaMeasureType[];
  readonly providers: readonly (readonly [ActorKind, number])[];
  readonly places: readonly [number, number];
  readonly titles: readonly string[];
  readonly standardElement?: readonly string[];
  /**
   * The standard elements (KAoA, current numbering) that fit a title, where they are narrower than
   * the category's: a "Zukunftstag" is no work placement. An empty list: no element fits.
   */
  readonly titleStandards?: Readonly<Record<string, readonly string[]>>;
}

/** The category profiles; weights give the share of measures. */
export const categoryProfiles: Readonly<Record<MeasureCategory, CategoryProfile>> = {
  vocational_orientation: {
    weight: 22,
    targetGroups: [
      ["pupils_lower_secondary", 0.9],
      ["pupils_upper_secondary", 0.2],
      ["disability", 0.1],
      ["migration_background", 0.08],
    ],
    grades: [7, 10],
    providers: [
      ["general_school", 4],
      ["independent_provider", 3],
      ["chamber", 1],
      ["employment_agency", 1],
    ],
    places: [20, 150],
    titles: [
      "Berufsorientierung an der {school}",
      "Berufsfelderkundung {place}",
      "Zukunftstag {place}",
      "Werkstatttage {place}",
      "Berufswahlpass-Begleitung {place}",
      "Berufsparcours {place}",
      "Praxistag Handwerk {place}",
    ],
    standardElement: ["SBO 5", "SBO 6.1", "SBO 6.2", "SBO 7"],
    titleStandards: {
      "Berufsorientierung an der {school}": ["SBO 6.2", "SBO 7"],
      "Berufsfelderkundung {place}": ["SBO 5"],
      "Zukunftstag {place}": [],
      "Werkstatttage {place}": ["SBO 5"],
      "Berufswahlpass-Begleitung {place}": ["SBO 3.4"],
      "Berufsparcours {place}": [],
      "Praxistag Handwerk {place}": ["SBO 6.5"],
    },
  },
  potential_analysis: {
    weight: 6,
    targetGroups: [
      ["pupils_lower_secondary", 1],
      ["disability", 0.1],
    ],
    grades: [8, 8],
    providers: [
      ["independent_provider", 3],
      ["general_school", 1],
    ],
    places: [40, 200],
    titles: ["Potenzialanalyse Klasse 8 {place}", "Kompetenzfeststellung {place}"],
    standardElement: ["SBO 4"],
  },
  internship: {
    weight: 10,
    targetGroups: [
      ["pupils_lower_secondary", 0.8],
      ["pupils_upper_secondary", 0.35],
    ],
    grades: [8, 12],
    providers: [
      ["general_school", 3],
      ["employer", 2],
      ["chamber", 1],
    ],
    places: [20, 150],
    titles: [
      "Schülerbetriebspraktikum {place}",
      "Praxistage im Betrieb {place}",
      "Langzeitpraktikum {place}",
    ],
    standardElement: ["SBO 6.3", "SBO 6.4"],
    titleStandards: {
      "Schülerbetriebspraktikum {place}": ["SBO 6.1", "SBO 6.3"],
      "Praxistage im Betrieb {place}": ["SBO 6.5"],
      "Langzeitpraktikum {place}": ["SBO 6.5", "SBO 6.6"],
    },
  },
  counselling: {
    weight: 12,
    targetGroups: [
      ["pupils_lower_secondary", 0.4],
      ["applicants", 0.4],
      ["neet", 0.2],
      ["sgb2_hard_to_reach", 0.15],
    ],
    ages: [14, 25],
    providers: [
      ["employment_agency", 3],
      ["independent_provider", 3],
      ["youth_welfare_office", 1],
      ["job_centre", 1],
    ],
    places: [10, 80],
    titles: ["Berufsberatung in der Schule {place}", "Jugendberatung {place}", "Coaching Übergang {place}"],
  },
  application_support: {
    weight: 9,
    targetGroups: [
      ["applicants", 0.8],
      ["unplaced_applicants", 0.4],
      ["applicants_earlier_years", 0.2],
    ],
    ages: [15, 25],
    providers: [
      ["chamber", 2],
      ["employment_agency", 2],
      ["independent_provider", 2],
    ],
    places: [15, 120],
    titles: [
      "Bewerbungstraining {place}",
      "Ausbildungsbörse {place}",
      "Last-Minute-Lehrstellenbörse {place}",
      "Bewerbungswerkstatt {place}",
    ],
  },
  transition_support: {
    weight: 7,
    targetGroups: [
      ["pupils_lower_secondary", 0.8],
      ["without_first_qualification", 0.3],
      ["disability", 0.15],
    ],
    grades: [8, 10],
    ba: ["bereb"],
    providers: [
      ["independent_provider", 4],
      ["youth_welfare_office", 1],
    ],
    places: [10, 60],
    titles: ["Berufseinstiegsbegleitung {place}", "Übergangscoaching {place}"],
    standardElement: ["SBO 10.6"],
  },
  pre_vocational: {
    weight: 6,
    targetGroups: [
      ["unplaced_applicants", 0.6],
      ["without_first_qualification", 0.4],
      ["neet", 0.2],
    ],
    ages: [16, 25],
    iabe: "II",
    ba: ["bvb", "eq"],
    providers: [
      ["independent_provider", 3],
      ["vocational_school", 2],
      ["employment_agency", 1],
    ],
    places: [12, 40],
    titles: [
      "Berufsvorbereitende Bildungsmaßnahme {place}",
      "Einstiegsqualifizierung {place}",
      "Berufseinstiegsschule {place}",
    ],
  },
  school_qualification: {
    weight: 3,
    targetGroups: [
      ["without_first_qualification", 1],
      ["neet", 0.2],
    ],
    ages: [16, 25],
    iabe: "II",
    providers: [
      ["vocational_school", 2],
      ["independent_provider", 1],
    ],
    places: [10, 30],
    titles: ["Hauptschulabschluss nachholen {place}", "Schulabschlusskurs {place}"],
  },
  training_support: {
    weight: 7,
    targetGroups: [
      ["trainees", 1],
      ["training_dropouts", 0.25],
    ],
    ages: [16, 27],
    iabe: "I",
    ba: ["asa_flex"],
    providers: [
      ["independent_provider", 3],
      ["chamber", 1],
    ],
    places: [10, 60],
    titles: ["Assistierte Ausbildung {place}", "Ausbildungsbegleitung {place}", "Abbruchprävention {place}"],
  },
  vocational_training: {
    weight: 3,
    targetGroups: [
      ["unplaced_applicants", 0.7],
      ["disability", 0.4],
    ],
    ages: [16, 27],
    iabe: "I",
    ba: ["bae"],
    providers: [
      ["independent_provider", 2],
      ["vocational_school", 1],
    ],
    places: [8, 30],
    titles: ["Außerbetriebliche Ausbildung {place}", "Verbundausbildung {place}"],
  },
  language_integration: {
    weight: 5,
    targetGroups: [
      ["newly_arrived", 0.9],
      ["migration_background", 0.4],
    ],
    ages: [14, 27],
    providers: [
      ["independent_provider", 3],
      ["vocational_school", 1],
    ],
    places: [10, 40],
    titles: ["Sprachförderung Beruf {place}", "Berufsorientierung für Neuzugewanderte {place}"],
  },
  parents: {
    weight: 4,
    targetGroups: [["parents", 1]],
    providers: [
      ["general_school", 2],
      ["independent_provider", 1],
      ["employment_agency", 1],
    ],
    places: [20, 100],
    titles: ["Elternabend Berufswahl {place}", "Elterncafé Übergang {place}"],
    standardElement: ["SBO 3"],
  },
  employer_engagement: {
    weight: 4,
    targetGroups: [["employers", 1]],
    providers: [
      ["chamber", 2],
      ["association", 1],
      ["municipal_administration", 1],
    ],
    places: [10, 60],
    titles: ["Unternehmerfrühstück Ausbildung {place}", "Betriebserkundungen {place}"],
  },
  other: {
    weight: 2,
    targetGroups: [
      ["young_parents", 0.6],
      ["neet", 0.5],
    ],
    ages: [16, 27],
    providers: [
      ["independent_provider", 2],
      ["youth_welfare_office", 1],
    ],
    places: [6, 30],
    titles: ["Teilzeitausbildung für junge Eltern {place}", "Jugendwerkstatt {place}"],
  },
};

/** Invented project names that providers give their offers. */
export const projectNames = [
  "Startklar",
  "Durchstarten",
  "Zukunftswerkstatt",
  "Kompass",
  "Perspektive Beruf",
  "Anschluss finden",
  "Berufe live",
  "Talentscouts",
  "Brückenjahr",
  "Chancenwerk",
  "Jobfit",
  "Stärken stärken",
  "Weichenstellung",
  "Lebenswege",
  "Praxisplus",
  "Sprungbrett",
  "Horizonte",
  "Mutmacher",
  "Ausbildungslotsen",
  "Netzwerk Zukunft",
  "Berufsnavi",
  "Lernlabor",
  "Kurswechsel",
  "Fahrplan Ausbildung",
  "Türöffner",
  "Pfadfinder Beruf",
  "Werkraum",
  "Schrittmacher",
  "Übergang gestalten",
  "Zielgerade",
] as const;

/** Sentences of invented descriptions; a description picks a few. */
export const descriptionPhrases = [
  "Praxisnahe Einblicke in Handwerk, Industrie und Pflege.",
  "Begleitung in kleinen Gruppen mit festen Ansprechpersonen.",
  "Individuelle Förderung nach einer Stärkenanalyse.",
  "In Kooperation mit Betrieben der Region.",
  "Termine nach Absprache mit den Schulen.",
  "Mit Elternabend und Abschlussgespräch.",
  "Digitale Lernplattform und Präsenztermine.",
  "Unterstützung bei Bewerbungsunterlagen und Vorstellungsgesprächen.",
  "Sozialpädagogische Begleitung über das ganze Jahr.",
  "Betriebsbesichtigungen und Werkstatttage.",
  "Sprachförderung ist Teil des Angebots.",
  "Teilnahme ist kostenfrei.",
  "Die Anmeldung erfolgt über die Schule.",
  "Zuweisung durch die Agentur für Arbeit oder das Jobcenter.",
  "Angebot auch in den Ferien.",
  "Mit Zertifikat zum Abschluss.",
  "Coaching zu Hause und im Betrieb.",
  "Vermittlung in Praktika und Ausbildung.",
  "Lernwerkstatt mit Holz, Metall und Elektro.",
  "Beratung auch für Eltern und Erziehungsberechtigte.",
] as const;
