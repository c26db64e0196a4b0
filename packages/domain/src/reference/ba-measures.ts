import { type LocalizedText, text } from "../common/i18n.js";
import { type BaMeasureType, baMeasureTypeLabels, type IabeSector } from "../model/measure.js";
import type { ReferenceEntryProvenance, ReferenceList } from "./types.js";

/** One measure type of the Federal Employment Agency with its official name and legal basis. */
export interface BaMeasureEntry extends ReferenceEntryProvenance {
  readonly label: LocalizedText;
  readonly officialName: string;
  readonly legalBasis: string;
  readonly description: LocalizedText;
  /** Where the measure's participants are counted in the iABE, when that is known. */
  readonly iabeSector?: IabeSector;
  /** The key in the sector II working list (`iabeSectorIIAccounts`), when there is one. */
  readonly iabeAccountKey?: string;
}

/**
 * The measure types of the Federal Employment Agency at the transition (SGB III); the keys are
 * exactly the values of `BaMeasureType`.
 */
export const baMeasureTypes: ReferenceList<Record<BaMeasureType, BaMeasureEntry>> = {
  id: "ba-measure-types",
  title: text(
    "Maßnahmen der Bundesagentur für Arbeit am Übergang",
    "Federal Employment Agency measures at the transition",
  ),
  status: "official",
  source: "SGB III in der Fassung der genannten Quellen (haufe.de, buzer.de, deubner-recht.de)",
  editable: false,
  note: text(
    "Beträge und Dauern ändern sich mit dem Gesetz; vor Gebrauch die aktuelle Fassung prüfen.",
    "Amounts and durations change with the law; check the current version before relying on them.",
  ),
  entries: {
    bvb: {
      label: baMeasureTypeLabels.bvb,
      officialName: "Berufsvorbereitende Bildungsmaßnahmen",
      legalBasis: "§ 51 SGB III (Berechtigte: § 52 SGB III)",
      description: text(
        "Bereiten junge Menschen auf eine Berufsausbildung vor oder erleichtern die berufliche Eingliederung; Maßnahmen nach den Schulgesetzen der Länder sind nicht förderfähig (§ 51 Abs. 2 SGB III).",
        "Prepare young people for vocational training or ease their entry into work; measures under the Länder's school laws are not eligible (§ 51(2) SGB III).",
      ),
      iabeSector: "II",
      iabeAccountKey: "bvb",
      source: "haufe.de, § 51 und § 52 SGB III",
    },
    eq: {
      label: baMeasureTypeLabels.eq,
      officialName: "Einstiegsqualifizierung",
      legalBasis: "§ 54a SGB III",
      description: text(
        "Betriebliches Langzeitpraktikum von 4 bis 12 Monaten zur Vorbereitung auf eine Ausbildung; der Betrieb erhält einen Zuschuss zur Vergütung von bis zu 276 € im Monat (Stand der Quelle).",
        "A long-term company placement of 4 to 12 months preparing for training; the company receives a wage subsidy of up to €276 a month (as of the source).",
      ),
      iabeSector: "II",
      iabeAccountKey: "eq",
      source: "buzer.de/gesetz/6003/a175582.htm (§ 54a SGB III)",
    },
    asa_flex: {
      label: baMeasureTypeLabels.asa_flex,
      officialName: "Assistierte Ausbildung (AsA flex)",
      legalBasis: "§ 74 SGB III (begleitende Phase), optionale Vorphase § 75a SGB III",
      description: text(
        "Begleitet junge Menschen und Betriebe während der Ausbildung, auf Wunsch mit einer Vorphase; „AsA flex“ fasst die frühere Assistierte Ausbildung und die ausbildungsbegleitenden Hilfen (abH) zusammen.",
        "Supports young people and companies during training, optionally with a preparatory phase; “AsA flex” merges the former assisted training and the training-accompanying help (abH).",
      ),
      source: "deubner-recht.de (§ 74 SGB III); perspektive-bildung.de, Glossar",
    },
    bereb: {
      label: baMeasureTypeLabels.bereb,
      officialName: "Berufseinstiegsbegleitung",
      legalBasis: "§ 49 SGB III",
      description: text(
        "Individuelle Begleitung förderungsbedürftiger Schülerinnen und Schüler allgemeinbildender Schulen in eine Ausbildung; setzt eine Kofinanzierung Dritter von mindestens 50 % voraus.",
        "Individual support for pupils of general schools who need it, on their way into training; requires at least 50 % co-funding by third parties.",
      ),
      source: "haufe.de, § 49 SGB III",
    },
    bae: {
      label: baMeasureTypeLabels.bae,
      officialName: "Berufsausbildung in außerbetrieblichen Einrichtungen",
      legalBasis: "§ 76 SGB III (nicht geprüft)",
      description: text(
        "Ausbildung bei einem Träger statt in einem Betrieb, für junge Menschen, die auch mit Unterstützung keinen betrieblichen Ausbildungsplatz finden.",
        "Training with a provider instead of a company, for young people who cannot find a company training place even with support.",
      ),
      status: "unverified",
      source: "perspektive-bildung.de, Glossar; Paragraf nicht geprüft",
    },
  },
};
