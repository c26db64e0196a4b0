import { type LocalizedText, text } from "../common/i18n.js";
import { type IabeSector, iabeSectorLabels } from "../model/measure.js";
import type { ReferenceList } from "./types.js";

/** One iABE sector: its label (from the model), the goal of the education it counts, and notes. */
export interface IabeSectorEntry {
  readonly label: LocalizedText;
  readonly goal: LocalizedText;
  readonly note?: LocalizedText;
}

/**
 * The sectors of the integrated training statistics (Integrierte Ausbildungsberichterstattung,
 * iABE) as BIBB publishes them; the keys are exactly the values of `IabeSector`.
 */
export const iabeSectors: ReferenceList<Record<IabeSector, IabeSectorEntry>> = {
  id: "iabe-sectors",
  title: text(
    "Sektoren der Integrierten Ausbildungsberichterstattung (iABE)",
    "Sectors of the integrated training statistics (iABE)",
  ),
  status: "official",
  source:
    "BIBB, Integrierte Ausbildungsberichterstattung: https://www.bibb.de/de/11563.php; BIBB-Datenreport 2015, Kap. A 3: https://www.bibb.de/datenreport/de/2015/30700.php",
  editable: false,
  note: text(
    "Datenquellen: Statistik der beruflichen und der allgemeinbildenden Schulen, Hochschulstatistik, Personalstandstatistik (Destatis), Förderstatistik der BA.",
    "Data sources: statistics of vocational and general schools, higher-education statistics, public-service staff statistics (Destatis), BA funding statistics.",
  ),
  entries: {
    I: {
      label: iabeSectorLabels.I,
      goal: text("Vollqualifizierender Berufsabschluss", "A full vocational qualification"),
    },
    II: {
      label: iabeSectorLabels.II,
      goal: text(
        "Vorbereitung auf eine Berufsausbildung oder Integration in Berufsausbildung",
        "Preparation for, or integration into, vocational training",
      ),
      note: text(
        "Laut BIBB-Datenreport (Stand 2012/2015) besteht Sektor II aus 10 Konten; die aktuelle Zahl ist nicht geprüft.",
        "According to the BIBB data report (as of 2012/2015) sector II consists of 10 accounts; the current number is not verified.",
      ),
    },
    III: {
      label: iabeSectorLabels.III,
      goal: text(
        "Hochschulzugangsberechtigung (Sek II)",
        "University entrance qualification (upper secondary)",
      ),
      note: text(
        "BIBB verwendet auch die Bezeichnung „Erwerb der Hochschulreife (Sek II)“.",
        "BIBB also uses the name “Erwerb der Hochschulreife (Sek II)”.",
      ),
    },
    IV: {
      label: iabeSectorLabels.IV,
      goal: text("Akademischer Abschluss", "An academic degree"),
    },
    other: {
      label: iabeSectorLabels.other,
      goal: text(
        "Wege außerhalb des Ausbildungsgeschehens: Beschäftigung mit Qualifizierung, gesellschaftliche Dienste, sonstige Wege mit oder ohne abgeschlossene Berufsausbildung",
        "Paths outside education and training: employment with qualification, civic services, other paths with or without completed vocational training",
      ),
      note: text(
        "„Sonstige Sektoren“ nach BIBB-Datenreport 2015, Fußnote 189.",
        "“Other sectors” as in the BIBB data report 2015, footnote 189.",
      ),
    },
  },
};

/** One account (Konto) of the editable working list; `key` is our own, not an official code. */
export interface IabeAccountEntry {
  /** A stable key of this working list (snake_case); measures store it in `iabeAccount`. */
  readonly key: string;
  readonly sector: IabeSector;
  readonly label: LocalizedText;
  readonly note?: LocalizedText;
}

/**
 * A working list of the accounts (Konten) of iABE sector II. The official Destatis account codes
 * and exact names could not be verified, so the list carries no codes and a region may edit it.
 *
 * @example
 * const accounts = editableIabeAccounts(); // a fresh copy to extend or rename
 */
export const iabeSectorIIAccounts: ReferenceList<readonly IabeAccountEntry[]> = {
  id: "iabe-sector-ii-accounts",
  title: text(
    "Konten des iABE-Sektors II (Übergangsbereich) – Arbeitsliste",
    "Accounts of iABE sector II (transition system) – working list",
  ),
  status: "unverified",
  source:
    "Nicht geprüfte Arbeitsliste; vor Gebrauch abgleichen mit Destatis, „Integrierte Ausbildungsberichterstattung – Anfänger, Teilnehmende und Absolventen nach Sektoren/Konten und Ländern“",
  editable: true,
  note: text(
    "Amtliche Kontennummern und genaue Bezeichnungen sind nicht geprüft; die Liste enthält deshalb keine Codes.",
    "Official account numbers and exact names are not verified, so the list carries no codes.",
  ),
  entries: [
    {
      key: "bfs_basic_vocational_credited",
      sector: "II",
      label: text(
        "Berufsfachschulen mit beruflicher Grundbildung (mit Anrechnung)",
        "Full-time vocational schools with basic vocational education (credited towards training)",
      ),
    },
    {
      key: "bfs_basic_vocational_not_credited",
      sector: "II",
      label: text(
        "Berufsfachschulen mit beruflicher Grundbildung (ohne Anrechnung)",
        "Full-time vocational schools with basic vocational education (not credited)",
      ),
    },
    {
      key: "bfs_general_qualification",
      sector: "II",
      label: text(
        "Berufsfachschulen zum Erwerb eines allgemeinbildenden Abschlusses (Sek I)",
        "Full-time vocational schools leading to a general lower-secondary qualification",
      ),
    },
    {
      key: "bgj",
      sector: "II",
      label: text(
        "Berufsgrundbildungsjahr (schulisch, Vollzeit)",
        "Basic vocational training year (school-based, full-time)",
      ),
    },
    {
      key: "bvj",
      sector: "II",
      label: text(
        "Berufsvorbereitungsjahr / einjährige Berufseinstiegsklassen",
        "Pre-vocational year / one-year career entry classes",
      ),
    },
    {
      key: "part_time_without_contract",
      sector: "II",
      label: text(
        "Berufsschulen – Schülerinnen und Schüler ohne Ausbildungsvertrag",
        "Part-time vocational schools – pupils without a training contract",
      ),
      note: text(
        "In der Statistik zwei Konten; deren Abgrenzung ist nicht geprüft.",
        "Two accounts in the statistics; how they are split is not verified.",
      ),
    },
    {
      key: "pre_educator_internship",
      sector: "II",
      label: text(
        "Pflichtpraktika vor der Erzieherausbildung",
        "Compulsory internships before educator training",
      ),
    },
    {
      key: "bvb",
      sector: "II",
      label: text(
        "Berufsvorbereitende Bildungsmaßnahmen der BA (BvB)",
        "Pre-vocational training measures of the BA (BvB)",
      ),
    },
    {
      key: "eq",
      sector: "II",
      label: text("Einstiegsqualifizierung (EQ)", "Entry qualification (EQ)"),
    },
  ],
};

/** Returns a fresh, mutable copy of the sector II working list for a region to edit. */
export function editableIabeAccounts(): IabeAccountEntry[] {
  return iabeSectorIIAccounts.entries.map((entry) => ({ ...entry }));
}

/** A count of new entrants and its share of all new entrants. */
export interface SectorCount {
  readonly count: number;
  readonly sharePercent: number;
}

/** The new entrants in the training system in 2024 by the BIBB quick report, with sectors I and II. */
export const iabeBeginners2024: ReferenceList<{
  readonly total: number;
  readonly bySector: { readonly I: SectorCount; readonly II: SectorCount };
}> = {
  id: "iabe-beginners-2024",
  title: text(
    "Anfängerinnen und Anfänger im Ausbildungsgeschehen 2024 (Schnellmeldung)",
    "New entrants in education and training 2024 (quick report)",
  ),
  status: "official",
  source: "BIBB, iABE-Schnellmeldung 2024: https://www.bibb.de/de/11562.php",
  editable: false,
  entries: {
    total: 1_913_610,
    bySector: {
      I: { count: 691_165, sharePercent: 36.1 },
      II: { count: 259_430, sharePercent: 13.6 },
    },
  },
};
