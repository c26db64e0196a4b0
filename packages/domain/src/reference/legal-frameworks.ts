import { type LocalizedText, text } from "../common/i18n.js";
import { type ActorKind, type LegalFramework, legalFrameworkLabels } from "../model/actor.js";
import type { ReferenceEntryProvenance, ReferenceList } from "./types.js";

/** One body of law (Rechtskreis) at the transition: who carries it, its key norms and what it covers. */
export interface LegalFrameworkEntry extends ReferenceEntryProvenance {
  readonly label: LocalizedText;
  /** Who carries it (Träger). */
  readonly carrier: LocalizedText;
  /** The actor kinds that act under it. */
  readonly actorKinds: readonly ActorKind[];
  readonly keyNorms: readonly string[];
  readonly description: LocalizedText;
}

/**
 * The bodies of law (Rechtskreise) at the transition from school to work; the keys are exactly
 * the values of `LegalFramework`.
 */
export const legalFrameworks: ReferenceList<Record<LegalFramework, LegalFrameworkEntry>> = {
  id: "legal-frameworks",
  title: text("Rechtskreise am Übergang Schule–Beruf", "Bodies of law at the school-to-work transition"),
  status: "official",
  source:
    "jugendsozialarbeit.news/2084-2; haufe.de (§§ 16h SGB II, 49, 51, 52 SGB III, § 52 SGB VIII); buzer.de (§ 54a SGB III); bass.schul-welt.de (BASS 12-21 Nr. 1)",
  editable: false,
  entries: {
    sgb2: {
      label: legalFrameworkLabels.sgb2,
      carrier: text(
        "Jobcenter (gemeinsame Einrichtung oder zugelassener kommunaler Träger)",
        "Job centre (joint institution or licensed municipal provider)",
      ),
      actorKinds: ["job_centre"],
      keyNorms: ["§ 3 Abs. 2 SGB II", "§ 16h SGB II"],
      description: text(
        "Grundsicherung für Arbeitsuchende; für unter 25-Jährige ein eigener Vermittlungsauftrag (§ 3 Abs. 2) und die Förderung schwer zu erreichender junger Menschen (§ 16h).",
        "Basic income support for jobseekers; for under-25s a dedicated placement mandate (§ 3(2)) and support for hard-to-reach young people (§ 16h).",
      ),
      source: "jugendsozialarbeit.news/2084-2; haufe.de, § 16h SGB II",
    },
    sgb3: {
      label: legalFrameworkLabels.sgb3,
      carrier: text("Agentur für Arbeit", "Employment agency"),
      actorKinds: ["employment_agency"],
      keyNorms: ["§ 49 SGB III", "§ 51 SGB III", "§ 54a SGB III", "§ 74 SGB III"],
      description: text(
        "Arbeitsförderung mit Berufsberatung und den Maßnahmen am Übergang: Berufseinstiegsbegleitung, Berufsvorbereitung, Einstiegsqualifizierung, Assistierte Ausbildung.",
        "Employment promotion with careers guidance and the transition measures: career entry support, pre-vocational training, entry qualification, assisted training.",
      ),
      source: "haufe.de und buzer.de, SGB III",
    },
    sgb8: {
      label: legalFrameworkLabels.sgb8,
      carrier: text("Jugendamt", "Youth welfare office"),
      actorKinds: ["youth_welfare_office"],
      keyNorms: ["§ 13 SGB VIII", "§ 7 Abs. 1 Nr. 4 SGB VIII"],
      description: text(
        "Kinder- und Jugendhilfe mit der Jugendsozialarbeit (§ 13); „junge Menschen“ sind Personen unter 27 Jahren (§ 7 Abs. 1 Nr. 4).",
        "Child and youth welfare with youth social work (§ 13); “young people” are those under 27 (§ 7(1) no. 4).",
      ),
      source: "jugendsozialarbeit.news/2084-2; haufe.de, SGB VIII",
    },
    school_law: {
      label: legalFrameworkLabels.school_law,
      carrier: text("Land und Schulträger", "Federal state and school providers"),
      actorKinds: ["general_school", "vocational_school", "state_school_authority"],
      keyNorms: ["Schulgesetze der Länder", "§ 51 Abs. 2 SGB III", "NRW: BASS 12-21 Nr. 1"],
      description: text(
        "Schulpflicht und schulische Berufsorientierung nach den Schulgesetzen der Länder; Maßnahmen nach Schulrecht sind nicht als BvB förderfähig (§ 51 Abs. 2 SGB III).",
        "Compulsory schooling and school-based vocational orientation under the Länder's school laws; measures under school law cannot be funded as BvB (§ 51(2) SGB III).",
      ),
      source: "haufe.de, § 51 SGB III; bass.schul-welt.de",
    },
    vocational_training_act: {
      label: legalFrameworkLabels.vocational_training_act,
      carrier: text("Zuständige Stellen, vor allem die Kammern", "Competent bodies, mainly the chambers"),
      actorKinds: ["chamber", "employer"],
      keyNorms: ["BBiG", "HwO"],
      description: text(
        "Das Recht der dualen Berufsausbildung in Betrieben: Ausbildungsverträge, Ausbildungsordnungen, Prüfungen.",
        "The law of dual vocational training in companies: training contracts, training regulations, examinations.",
      ),
      status: "unverified",
      source:
        "Nicht in den geprüften Referenzdaten; Gesetzestexte: gesetze-im-internet.de/bbig_2005, gesetze-im-internet.de/hwo",
    },
  },
};

/** The model of a youth employment agency (Jugendberufsagentur). */
export interface JugendberufsagenturModel {
  readonly description: LocalizedText;
  /** The partners every Jugendberufsagentur has. */
  readonly corePartners: readonly ActorKind[];
  /** Partners that often join. */
  readonly frequentPartners: readonly ActorKind[];
  readonly legalFrameworks: readonly LegalFramework[];
  /** The age below which young people are served. */
  readonly underAge: number;
  readonly origin: LocalizedText;
  readonly legalForm: LocalizedText;
  readonly spread: LocalizedText;
}

/**
 * The Jugendberufsagentur model: an alliance of employment agency, job centre and youth welfare
 * office that bundles SGB II, III and VIII services for under-25s under one roof.
 */
export const jugendberufsagentur: ReferenceList<JugendberufsagenturModel> = {
  id: "jugendberufsagentur",
  title: text("Modell Jugendberufsagentur", "The youth employment agency model"),
  status: "official",
  source:
    "sgb2.info, Hintergrundbericht vom 15.05.2017; gibinfo.de 2/2019; transferagentur-grossstaedte.de/studie-jugendberufsagenturen",
  editable: false,
  entries: {
    description: text(
      "Ein Arbeitsbündnis von Agentur für Arbeit, Jobcenter und Jugendamt, oft mit den Schulen, das die Leistungen nach SGB II, III und VIII für unter 25-Jährige „unter einem Dach“ bündelt, damit junge Menschen zwischen den Institutionen nicht verloren gehen.",
      "A working alliance of employment agency, job centre and youth welfare office, often with the schools, that bundles services under SGB II, III and VIII for under-25s “under one roof”, so that young people do not get lost between institutions.",
    ),
    corePartners: ["employment_agency", "job_centre", "youth_welfare_office"],
    frequentPartners: ["general_school", "vocational_school"],
    legalFrameworks: ["sgb2", "sgb3", "sgb8"],
    underAge: 25,
    origin: text(
      "Koalitionsvertrag des Bundes von 2013: flächendeckend einzurichtende Jugendberufsagenturen sollen die Leistungen nach SGB II, III und VIII für unter 25-Jährige bündeln.",
      "The 2013 federal coalition agreement: youth employment agencies, to be set up everywhere, are to bundle services under SGB II, III and VIII for under-25s.",
    ),
    legalForm: text(
      "Beruht auf Kooperationsvereinbarungen, ohne eigenes Gesetz und ohne eigene Finanzierung.",
      "Built on cooperation agreements, with no statute or funding of its own.",
    ),
    spread: text("Mehr als 200 Kooperationen im Jahr 2017.", "More than 200 cooperations in 2017."),
  },
};
