import { type LocalizedText, text } from "../common/i18n.js";
import type { ReferenceEntryProvenance, ReferenceList } from "./types.js";

/** One standard element (Merkmal) of the KAoA catalogue. */
export interface KaoaElement {
  /** The catalogue code, e.g. `SBO 5.1`. */
  readonly code: string;
  readonly title: LocalizedText;
  /** True for elements of KAoA-STAR, the track for young people with disabilities or special needs. */
  readonly star: boolean;
  readonly note?: LocalizedText;
}

/** One category (Kategorie) of the KAoA catalogue with its elements. */
export interface KaoaCategory {
  /** The category code, e.g. `SBO 5`. */
  readonly code: string;
  readonly title: LocalizedText;
  readonly elements: readonly KaoaElement[];
  readonly note?: LocalizedText;
}

const el = (code: string, de: string, en: string, note?: LocalizedText): KaoaElement => ({
  code,
  title: text(de, en),
  star: de.startsWith("STAR"),
  ...(note ? { note } : {}),
});

/**
 * The current catalogue of standard elements of vocational orientation in North Rhine-Westphalia
 * (KAoA, "Kein Abschluss ohne Anschluss", SBO 2–10): an example of what a region's standards
 * catalogue looks like, not a rule for Lower Saxony.
 *
 * @example
 * findKaoaElement("SBO 10.6")?.title.de; // "Anschlussvereinbarung"
 */
export const kaoaCatalogue: ReferenceList<readonly KaoaCategory[]> = {
  id: "kaoa-catalogue",
  title: text(
    "KAoA – Standardelemente der Beruflichen Orientierung (NRW, aktuelle Nummerierung)",
    "KAoA – standard elements of vocational orientation (North Rhine-Westphalia, current numbering)",
  ),
  status: "example",
  source:
    "SVWS-NRW/SVWS-Server, svws-asd/src/main/resources/de/svws_nrw/asd/types/kaoa/KAOAKategorie.json und KAOAMerkmal.json (Commit 0cd4bc4991cb686a7d6464eda306a499d3db3f9d); Rechtsrahmen: BASS 12-21 Nr. 1 „Berufliche Orientierung (Ausbildungs- und Studienorientierung)“, RdErl. MSB NRW v. 21.04.2020",
  editable: false,
  note: text(
    "Beispielkatalog aus Nordrhein-Westfalen. Ab dem Schuljahr 2025/26 ersetzt dort das „Einstiegsinstrument“ die Potenzialanalyse.",
    "Example catalogue from North Rhine-Westphalia. From school year 2025/26 the “Einstiegsinstrument” replaces the potential analysis there.",
  ),
  entries: [
    {
      code: "SBO 2",
      title: text("Formen der Orientierung und Beratung", "Forms of orientation and counselling"),
      elements: [
        el(
          "SBO 2.1",
          "Schulische prozessorientierte Begleitung und Beratung",
          "Process-oriented guidance and counselling at school",
        ),
        el(
          "SBO 2.2",
          "Berufsorientierende Angebote der Berufsberatung der Bundesagentur für Arbeit (BA)",
          "Vocational orientation offers of the Federal Employment Agency's careers guidance",
        ),
        el(
          "SBO 2.3",
          "Individuelle Beratungsangebote außerschulischer Partner",
          "Individual counselling by partners outside school",
        ),
        el("SBO 2.4", "STAR – Berufswegekonferenz", "STAR – career path conference"),
        el("SBO 2.5", "Einbindung von Eltern bzw. Erziehungsberechtigten", "Involving parents or guardians"),
        el(
          "SBO 2.6",
          "STAR – Einbindung von Eltern bzw. Erziehungsberechtigten",
          "STAR – involving parents or guardians",
        ),
      ],
    },
    {
      code: "SBO 3",
      title: text("Strukturen an Schulen", "Structures at schools"),
      elements: [
        el(
          "SBO 3.4",
          "Portfolioinstrument",
          "Portfolio instrument",
          text("Dazu gehört der Berufswahlpass NRW (3.4.1).", "Includes the Berufswahlpass NRW (3.4.1)."),
        ),
      ],
      note: text(
        "Die Quelle führt in dieser Kategorie nur das Merkmal 3.4.",
        "The source lists only element 3.4 in this category.",
      ),
    },
    {
      code: "SBO 4",
      title: text(
        "Potenziale entdecken und den eigenen Standort bestimmen",
        "Discovering one's potential and finding one's position",
      ),
      elements: [
        el(
          "SBO 4.1",
          "Potenzialanalyse 1-tägig",
          "Potential analysis (one day)",
          text(
            "Ab dem Schuljahr 2025/26 durch das „Einstiegsinstrument“ ersetzt.",
            "Replaced by the “Einstiegsinstrument” from school year 2025/26.",
          ),
        ),
        el(
          "SBO 4.2",
          "Potenzialanalyse für Schülerinnen und Schüler mit den Förderschwerpunkten Lernen und Emotionale soziale Entwicklung – 2-tägig",
          "Potential analysis for pupils with special needs in learning or in emotional and social development (two days)",
        ),
        el(
          "SBO 4.3",
          "STAR – Potenzialanalyse für Schülerinnen und Schüler mit den Förderschwerpunkten Geistige Entwicklung, Körperliche und motorische Entwicklung, Hören und Kommunikation und Sprache – 2-tägig",
          "STAR – potential analysis for pupils with special needs in intellectual, physical and motor development, hearing and communication, and language (two days)",
        ),
        el(
          "SBO 4.4",
          "STAR – Feststellung des funktionalen Sehvermögens im Förderschwerpunkt Sehen",
          "STAR – assessment of functional vision for pupils with visual impairments",
        ),
        el(
          "SBO 4.5",
          "STAR – Potenzialanalyse im Förderschwerpunkt Sehen – 2-tägig",
          "STAR – potential analysis for pupils with visual impairments (two days)",
        ),
      ],
    },
    {
      code: "SBO 5",
      title: text(
        "Berufsfelder erkunden und Informationen sammeln",
        "Exploring occupational fields and gathering information",
      ),
      elements: [
        el(
          "SBO 5.1",
          "Berufsfelderkundungen",
          "Occupational field explorations",
          text(
            "Betrieblich oder trägergestützt, Tag 1 bis 3.",
            "In companies or with a provider, days 1 to 3.",
          ),
        ),
        el("SBO 5.2", "STAR – Berufsfelderkundungen", "STAR – occupational field explorations"),
        el(
          "SBO 5.3",
          "STAR – Arbeitsplatzbezogenes Kommunikationstraining I im Förderschwerpunkt Hören und Kommunikation",
          "STAR – workplace communication training I for pupils with hearing and communication needs",
        ),
        el("SBO 5.4", "STAR – Berufsorientierungsseminar", "STAR – vocational orientation seminar"),
      ],
    },
    {
      code: "SBO 6",
      title: text(
        "Praxis der Arbeitswelt kennenlernen und erproben",
        "Getting to know and trying out the world of work",
      ),
      elements: [
        el(
          "SBO 6.1",
          "Betriebspraktika in der Sekundarstufe I (ggf. 1 Woche verlagert aus der Oberstufe)",
          "Work placements in lower secondary (possibly one week moved from upper secondary)",
        ),
        el(
          "SBO 6.2",
          "STAR – Intensivtraining arbeitsrelevanter sozialer Kompetenzen (TASK)",
          "STAR – intensive training of work-related social skills (TASK)",
        ),
        el("SBO 6.3", "STAR – Betriebspraktikum im Block", "STAR – block work placement"),
        el("SBO 6.4", "Praxiskurse", "Practical courses"),
        el("SBO 6.5", "Langzeitpraktikum", "Long-term work placement"),
        el("SBO 6.6", "STAR – Betriebspraktikum in Langzeit", "STAR – long-term work placement"),
      ],
    },
    {
      code: "SBO 7",
      title: text("Nachholung der Erstberufsorientierung", "Catching up on first vocational orientation"),
      elements: [
        el(
          "SBO 7.1",
          "KAoA-kompakt",
          "KAoA compact",
          text("Für neu zugewanderte Jugendliche.", "For newly arrived young people."),
        ),
      ],
    },
    {
      code: "SBO 8",
      title: text(
        "Sekundarstufe II – Individuelle Voraussetzungen für eine Ausbildung oder ein Studium überprüfen",
        "Upper secondary – checking one's own prerequisites for training or studies",
      ),
      elements: [
        el(
          "SBO 8.1",
          "Standortbestimmung – Reflexionsworkshop Sek. II",
          "Finding one's position – reflection workshop, upper secondary",
        ),
        el(
          "SBO 8.2",
          "Stärkung der Entscheidungskompetenz I – Sek. II",
          "Strengthening decision-making skills I – upper secondary",
        ),
      ],
    },
    {
      code: "SBO 9",
      title: text(
        "Sekundarstufe II – Praxis vertiefen – Ausbildungs- und Studienwahl konkretisieren",
        "Upper secondary – deepening practice, firming up the choice of training or studies",
      ),
      elements: [
        el(
          "SBO 9.1",
          "Praxiselemente in Betrieben, Hochschulen, Institutionen",
          "Practical elements in companies, universities and institutions",
        ),
        el("SBO 9.2", "Studienorientierung", "Study orientation"),
        el(
          "SBO 9.3",
          "Stärkung der Entscheidungskompetenz II – Sek. II",
          "Strengthening decision-making skills II – upper secondary",
        ),
      ],
    },
    {
      code: "SBO 10",
      title: text(
        "Gestaltung und Koordination der Übergänge in der Sek. I und Sek. II",
        "Shaping and coordinating transitions in lower and upper secondary",
      ),
      elements: [
        el("SBO 10.1", "Bewerbungsphase", "Application phase"),
        el(
          "SBO 10.2",
          "STAR – Arbeitsplatzbezogenes Kommunikationstraining II im Förderschwerpunkt Hören und Kommunikation",
          "STAR – workplace communication training II for pupils with hearing and communication needs",
        ),
        el(
          "SBO 10.3",
          "STAR – Betriebsnahes Bewerbungstraining / Umgang mit Dolmetschenden und Technik im Förderschwerpunkt Hören und Kommunikation",
          "STAR – work-based application training / working with interpreters and technology for pupils with hearing and communication needs",
        ),
        el("SBO 10.4", "Übergangsbegleitung", "Transition support"),
        el("SBO 10.5", "STAR – Übergangsbegleitung", "STAR – transition support"),
        el("SBO 10.6", "Anschlussvereinbarung", "Follow-on agreement"),
        el("SBO 10.7", "Koordinierte Übergangsgestaltung", "Coordinated transition planning"),
      ],
    },
  ],
};

/** Finds an element or category of the current KAoA catalogue by its code (`SBO 5` or `SBO 5.1`). */
export function findKaoaElement(code: string): KaoaElement | KaoaCategory | undefined {
  for (const category of kaoaCatalogue.entries) {
    if (category.code === code) return category;
    const element = category.elements.find((e) => e.code === code);
    if (element) return element;
  }
  return undefined;
}

/** One line of the mapping from the legacy KAoA numbering (2012 to about 2019) to the current one. */
export interface KaoaLegacyMapping extends ReferenceEntryProvenance {
  /** The legacy code as far as sources confirm it (a category like `SBO 6` where sub-numbers are unknown). */
  readonly legacyCode: string;
  readonly legacyTitle: LocalizedText;
  /** Codes in the current catalogue; empty when the legacy element has no counterpart. */
  readonly currentCodes: readonly string[];
  readonly note?: LocalizedText;
}

/**
 * The mapping from the legacy KAoA numbering to the current SBO 2–10 catalogue. The legacy names
 * come from regional KAoA pages; the mapping itself is derived, not an official crosswalk.
 */
export const kaoaLegacyMapping: ReferenceList<readonly KaoaLegacyMapping[]> = {
  id: "kaoa-legacy-mapping",
  title: text(
    "KAoA – Zuordnung der alten Nummerierung (2012 bis ca. 2019) zur aktuellen",
    "KAoA – mapping of the legacy numbering (2012 to about 2019) to the current one",
  ),
  status: "unverified",
  source:
    "Alte Nummerierung: afg-vie.de, berufsorientierung-rek.de, bildungsnetzwerk.kreis-coesfeld.de, lippe-schub.de („kaoa-alt“); Zuordnung abgeleitet",
  editable: false,
  note: text(
    "Die alten Unternummern der Praxisphasen (6.x) sind in keiner Quelle belegt; sie werden deshalb nur mit der Kategorie SBO 6 geführt.",
    "The legacy sub-numbers of the practical phases (6.x) are not found in any source, so they are given only with category SBO 6.",
  ),
  entries: [
    {
      legacyCode: "SBO 1",
      legacyTitle: text(
        "Qualitätsentwicklung, Erfahrungstransfer und Qualifizierung",
        "Quality development, transfer of experience and qualification",
      ),
      currentCodes: [],
      note: text(
        "Keine Entsprechung im aktuellen Katalog, der mit SBO 2 beginnt.",
        "No counterpart in the current catalogue, which starts at SBO 2.",
      ),
    },
    {
      legacyCode: "SBO 2",
      legacyTitle: text("Formen der Beratung", "Forms of counselling"),
      currentCodes: ["SBO 2"],
    },
    {
      legacyCode: "SBO 2.3",
      legacyTitle: text("Elternarbeit", "Work with parents"),
      currentCodes: ["SBO 2.5"],
    },
    {
      legacyCode: "SBO 3",
      legacyTitle: text(
        "Strukturen an Schulen (Curriculum, Koordinatoren, Berufsorientierungsbüro)",
        "Structures at schools (curriculum, coordinators, vocational orientation office)",
      ),
      currentCodes: ["SBO 3"],
    },
    {
      legacyCode: "SBO 4",
      legacyTitle: text("Portfolioinstrument", "Portfolio instrument"),
      currentCodes: ["SBO 3.4"],
    },
    {
      legacyCode: "SBO 5",
      legacyTitle: text("Potenzialanalyse", "Potential analysis"),
      currentCodes: ["SBO 4.1"],
    },
    {
      legacyCode: "SBO 6",
      legacyTitle: text(
        "Praxisphasen: Berufsfelderkundung",
        "Practical phases: occupational field exploration",
      ),
      currentCodes: ["SBO 5.1"],
    },
    {
      legacyCode: "SBO 6",
      legacyTitle: text("Praxisphasen: Betriebspraktikum", "Practical phases: work placement"),
      currentCodes: ["SBO 6.1"],
    },
    {
      legacyCode: "SBO 6",
      legacyTitle: text("Praxisphasen: Praxiskurse", "Practical phases: practical courses"),
      currentCodes: ["SBO 6.4"],
    },
    {
      legacyCode: "SBO 6",
      legacyTitle: text("Praxisphasen: Langzeitpraktikum", "Practical phases: long-term placement"),
      currentCodes: ["SBO 6.5"],
    },
    {
      legacyCode: "SBO 7",
      legacyTitle: text("Übergang", "Transition"),
      currentCodes: ["SBO 10"],
    },
    {
      legacyCode: "SBO 7.3",
      legacyTitle: text(
        "Koordinierte Übergangsgestaltung mit Anschlussvereinbarung",
        "Coordinated transition planning with follow-on agreement",
      ),
      currentCodes: ["SBO 10.6"],
      source: "bildungsnetzwerk.kreis-coesfeld.de; lippe-schub.de („kaoa-alt“)",
      note: text(
        "Die alte Nummer 7.3 ist belegt; die Zuordnung zu 10.6 ist abgeleitet.",
        "The legacy number 7.3 is documented; the mapping to 10.6 is derived.",
      ),
    },
  ],
};
