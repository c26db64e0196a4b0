import { type LocalizedText, text } from "../common/i18n.js";
import type { ReferenceList } from "./types.js";

/** One part of an official key: its name and how many digits it has. */
export interface KeyPart {
  readonly name: LocalizedText;
  readonly digits: number;
  readonly note?: LocalizedText;
}

/** The structure of an official key system. */
export interface KeyStructure {
  readonly name: LocalizedText;
  readonly length: number;
  readonly parts: readonly KeyPart[];
  readonly note?: LocalizedText;
}

/**
 * How the official municipality key (AGS, 8 digits) and regional key (ARS, 12 digits) are built;
 * the first five digits of both are the district key (Kreisschlüssel).
 */
export const officialKeyStructures: ReferenceList<{ ags: KeyStructure; ars: KeyStructure }> = {
  id: "official-key-structures",
  title: text("Aufbau der amtlichen Schlüssel (AGS, ARS)", "Structure of the official keys (AGS, ARS)"),
  status: "official",
  source:
    "OpenGeoDB-Wiki „Amtlicher Gemeindeschlüssel“ (github-wiki-see.page/m/ratopi/opengeodb/wiki); lexwiki.de „Amtlicher Gemeindeschlüssel“; service.brandenburg.de, Regionalschlüssel",
  editable: false,
  entries: {
    ags: {
      name: text("Amtlicher Gemeindeschlüssel (AGS)", "Official municipality key (AGS)"),
      length: 8,
      parts: [
        { name: text("Land", "Federal state"), digits: 2 },
        {
          name: text("Regierungsbezirk", "Government region"),
          digits: 1,
          note: text("0, wenn es keinen gibt.", "0 where there is none."),
        },
        { name: text("Kreis", "District"), digits: 2 },
        {
          name: text("Gemeinde", "Municipality"),
          digits: 3,
          note: text("000 bei kreisfreien Städten.", "000 for district-free cities."),
        },
      ],
      note: text(
        "Die ersten fünf Stellen sind der Kreisschlüssel.",
        "The first five digits are the district key.",
      ),
    },
    ars: {
      name: text("Amtlicher Regionalschlüssel (ARS)", "Official regional key (ARS)"),
      length: 12,
      parts: [
        { name: text("Land", "Federal state"), digits: 2 },
        { name: text("Regierungsbezirk", "Government region"), digits: 1 },
        { name: text("Kreis", "District"), digits: 2 },
        {
          name: text("Gemeindeverband", "Association of municipalities"),
          digits: 4,
          note: text(
            "Die erste dieser Stellen gibt die Verbandsart an; ihre Codierung ist landesspezifisch (nicht für alle Länder geprüft).",
            "The first of these digits gives the kind of association; its coding is specific to each state (not verified for every state).",
          ),
        },
        { name: text("Gemeinde", "Municipality"), digits: 3 },
      ],
    },
  },
};

/** The district key (first five digits) of an AGS or ARS, or undefined for anything else. */
export function districtKeyOf(key: string): string | undefined {
  return /^\d{8}(\d{4})?$/.test(key) ? key.slice(0, 5) : undefined;
}

/** A key that was verified (with its value) or could not be verified (no value is shipped). */
export type KeyFact =
  | { readonly status: "official"; readonly value: string }
  | { readonly status: "unverified" };

/** One municipality of Landkreis Osterode am Harz (as of 2016) with its keys before and after the merger. */
export interface OsterodeMunicipality {
  readonly name: LocalizedText;
  /** The Samtgemeinde it belonged to, if any. */
  readonly jointMunicipality?: string;
  /** AGS until 31 October 2016 (district key 03156). */
  readonly agsUntil2016: KeyFact;
  /** AGS since 1 November 2016 (district key 03159, Landkreis Göttingen). */
  readonly agsSince2016: KeyFact;
  readonly areaKm2?: number;
  readonly source: string;
  readonly note?: LocalizedText;
}

const verified = (value: string): KeyFact => ({ status: "official", value });
const unverified: KeyFact = { status: "unverified" };
const lsn = "Landesamt für Statistik Niedersachsen, PM 94/16 vom 31.10.2016";
const hattorf = "Samtgemeinde Hattorf am Harz";
const walkenried = "Samtgemeinde Walkenried";

/**
 * The municipalities of Landkreis Osterode am Harz in 2016 with their official keys; only verified
 * keys carry a value, every other key is marked `unverified` and has to be checked (LSN-Online).
 */
export const osterodeMunicipalities: ReferenceList<readonly OsterodeMunicipality[]> = {
  id: "osterode-municipalities",
  title: text(
    "Gemeinden des Landkreises Osterode am Harz (Stand 2016) und ihre Schlüssel",
    "Municipalities of Landkreis Osterode am Harz (as of 2016) and their keys",
  ),
  status: "unverified",
  source: "Je Eintrag; fehlende Schlüssel in LSN-Online (Tabelle A100001G) prüfen",
  editable: false,
  note: text(
    "Nur geprüfte Schlüssel sind angegeben. Einwohnerzahlen je Gemeinde sind nicht geprüft und fehlen deshalb.",
    "Only verified keys are given. Population per municipality is not verified and therefore left out.",
  ),
  entries: [
    {
      name: text("Osterode am Harz, Stadt", "Osterode am Harz (town)"),
      agsUntil2016: verified("03156011"),
      agsSince2016: unverified,
      areaKm2: 102.46,
      source: "Wikipedia, ältere Fassung „Osterode am Harz“ (Stand 2006)",
    },
    {
      name: text("Herzberg am Harz, Stadt", "Herzberg am Harz (town)"),
      agsUntil2016: verified("03156009"),
      agsSince2016: verified("03159019"),
      areaKm2: 71.88,
      source: "Wikipedia „Herzberg am Harz“ und Versionsvergleich",
    },
    {
      name: text("Bad Lauterberg im Harz, Stadt", "Bad Lauterberg im Harz (town)"),
      agsUntil2016: unverified,
      agsSince2016: verified("03159003"),
      areaKm2: 41.55,
      source: "Wikipedia „Bad Lauterberg im Harz“",
    },
    {
      name: text("Bad Sachsa, Stadt", "Bad Sachsa (town)"),
      agsUntil2016: unverified,
      agsSince2016: verified("03159004"),
      areaKm2: 33.13,
      source: "Wikipedia „Bad Sachsa“",
    },
    {
      name: text("Bad Grund (Harz)", "Bad Grund (Harz)"),
      agsUntil2016: unverified,
      agsSince2016: verified("03159002"),
      areaKm2: 41.31,
      source: "Wikipedia „Bad Grund (Harz)“",
    },
    ...["Elbingerode", "Hattorf am Harz", "Hörden am Harz", "Wulften am Harz"].map(
      (name): OsterodeMunicipality => ({
        name: text(name, name),
        jointMunicipality: hattorf,
        agsUntil2016: unverified,
        agsSince2016: unverified,
        source: "hattorf-am-harz.de",
      }),
    ),
    ...["Walkenried", "Wieda", "Zorge"].map(
      (name): OsterodeMunicipality => ({
        name: text(name, name),
        jointMunicipality: walkenried,
        agsUntil2016: unverified,
        agsSince2016: unverified,
        source: lsn,
        note: text(
          "Seit dem 1. November 2016 Teil der Einheitsgemeinde Walkenried.",
          "Part of the unitary municipality of Walkenried since 1 November 2016.",
        ),
      }),
    ),
    {
      name: text("Harz (gemeindefreies Gebiet)", "Harz (unincorporated area)"),
      agsUntil2016: verified("03156501"),
      agsSince2016: verified("03159501"),
      areaKm2: 267.35,
      source: "Wikipedia „Harz (Landkreis Osterode am Harz)“",
      note: text("Unbewohnt; keine Gemeinde.", "Uninhabited; not a municipality."),
    },
  ],
};

/** The history of Landkreis Osterode am Harz and its merger into the new Landkreis Göttingen. */
export interface DistrictHistory {
  readonly name: string;
  readonly districtKey: string;
  readonly foundedYear: number;
  readonly lastDay: string;
  readonly mergedOn: string;
  readonly mergedWith: { readonly name: string; readonly districtKey: string };
  readonly successor: { readonly name: string; readonly districtKey: string };
  readonly areaKm2: number;
  readonly population: number;
  readonly populationDate: string;
  readonly municipalities: { readonly 2010: number; readonly 2016: number };
  readonly sameDayChange: LocalizedText;
  readonly note: LocalizedText;
}

/**
 * Landkreis Osterode am Harz (03156) existed from 1885 to 31 October 2016 and merged on
 * 1 November 2016 with the old Landkreis Göttingen (03152) into the new Landkreis Göttingen (03159).
 */
export const osterodeDistrictHistory: ReferenceList<DistrictHistory> = {
  id: "osterode-district-history",
  title: text(
    "Landkreis Osterode am Harz: Bestand und Fusion mit dem Landkreis Göttingen",
    "Landkreis Osterode am Harz: existence and merger with Landkreis Göttingen",
  ),
  status: "official",
  source: `${lsn}; Wikipedia „Landkreis Osterode am Harz“ (Fläche, Einwohner, Zahl der Gemeinden)`,
  editable: false,
  entries: {
    name: "Landkreis Osterode am Harz",
    districtKey: "03156",
    foundedYear: 1885,
    lastDay: "2016-10-31",
    mergedOn: "2016-11-01",
    mergedWith: { name: "Landkreis Göttingen (bis 31.10.2016)", districtKey: "03152" },
    successor: { name: "Landkreis Göttingen", districtKey: "03159" },
    areaKm2: 636.02,
    population: 73_885,
    populationDate: "2015-12-31",
    municipalities: { 2010: 16, 2016: 12 },
    sameDayChange: text(
      "Am selben Tag wurde die Samtgemeinde Walkenried (Walkenried, Wieda, Zorge) zur Einheitsgemeinde Walkenried.",
      "On the same day the Samtgemeinde Walkenried (Walkenried, Wieda, Zorge) became the unitary municipality of Walkenried.",
    ),
    note: text(
      "Die Statistik nennt 636,02 km² und 73.885 Einwohner (31.12.2015); das Praxisbeispiel nennt 635,99 km² und 74.367 Einwohner. Das Beispielnetzwerk verwendet die Zahlen des Praxisbeispiels.",
      "Statistics give 636.02 km² and 73,885 inhabitants (31 Dec 2015); the practice example gives 635.99 km² and 74,367. The example network uses the practice example's figures.",
    ),
  },
};
