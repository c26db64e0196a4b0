import { type LocalizedText, text } from "../common/i18n.js";
import { type TargetGroup, targetGroupLabels } from "../model/measure.js";
import type { ReferenceList, ReferenceStatus } from "./types.js";

/** One target-group term: label (from the model), definition, its source and how far it is verified. */
export interface TargetGroupEntry {
  readonly label: LocalizedText;
  readonly definition: LocalizedText;
  readonly status: ReferenceStatus;
  readonly source: string;
}

const workingDefinition = "Arbeitsdefinition von OHA, keine amtliche Begriffsbestimmung";

/**
 * The target-group terms for measures and coverage, each with a definition and its source; the
 * keys are exactly the values of `TargetGroup`. Official definitions are marked `official`,
 * plain working definitions `example`.
 */
export const targetGroups: ReferenceList<Record<TargetGroup, TargetGroupEntry>> = {
  id: "target-groups",
  title: text("Zielgruppen am Übergang Schule–Beruf", "Target groups at the school-to-work transition"),
  status: "example",
  source:
    "Eigene Begriffsliste; amtliche Definitionen je Eintrag mit Quelle (BA, BIBB, BMBF-Datenportal, Mikrozensus, Eurostat, ILO, SGB)",
  editable: false,
  note: text(
    "Der Status jedes Eintrags sagt, ob die Definition aus einer amtlichen Quelle stammt.",
    "Each entry's status says whether its definition comes from an official source.",
  ),
  entries: {
    pupils_lower_secondary: {
      label: targetGroupLabels.pupils_lower_secondary,
      definition: text(
        "Schülerinnen und Schüler der Sekundarstufe I allgemeinbildender Schulen, für die Berufsorientierung meist ab Jahrgang 7 oder 8.",
        "Pupils in lower secondary at general schools; vocational orientation usually starts in grade 7 or 8.",
      ),
      status: "example",
      source: workingDefinition,
    },
    pupils_upper_secondary: {
      label: targetGroupLabels.pupils_upper_secondary,
      definition: text(
        "Schülerinnen und Schüler der gymnasialen Oberstufe oder beruflicher Gymnasien, vor der Wahl zwischen Ausbildung und Studium.",
        "Pupils in the upper secondary level of grammar or vocational grammar schools, before choosing between training and studies.",
      ),
      status: "example",
      source: workingDefinition,
    },
    pupils_vocational_school: {
      label: targetGroupLabels.pupils_vocational_school,
      definition: text(
        "Schülerinnen und Schüler berufsbildender Schulen, mit oder ohne Ausbildungsvertrag.",
        "Pupils at vocational schools, with or without a training contract.",
      ),
      status: "example",
      source: workingDefinition,
    },
    without_first_qualification: {
      label: targetGroupLabels.without_first_qualification,
      definition: text(
        "Junge Menschen, die die allgemeinbildende Schule ohne Ersten Schulabschluss (ESA, früher Hauptschulabschluss) verlassen; der nächste Abschluss ist der Mittlere Schulabschluss (MSA). Die Namen der Abschlüsse sind landesspezifisch.",
        "Young people leaving general school without the first school-leaving certificate (ESA, formerly Hauptschulabschluss); the next certificate is the intermediate one (MSA). Names of certificates differ between the Länder.",
      ),
      status: "official",
      source:
        "Freie und Hansestadt Hamburg, Behörde für Schule, Familie und Berufsbildung: „Die Schulabschlüsse“",
    },
    applicants: {
      label: targetGroupLabels.applicants,
      definition: text(
        "Bei der Bundesagentur für Arbeit gemeldete Bewerberinnen und Bewerber für Berufsausbildungsstellen, wie die Ausbildungsmarktstatistik sie zählt.",
        "Applicants for training places registered with the Federal Employment Agency, as counted by its training market statistics.",
      ),
      status: "official",
      source:
        "BMBF-Datenportal, Tabelle 2.4.29 (datenportal.bmbf.de); Statistik der Bundesagentur für Arbeit",
    },
    unplaced_applicants: {
      label: targetGroupLabels.unplaced_applicants,
      definition: text(
        "Bewerberinnen und Bewerber, für die zum Stichtag 30. September weder eine Ausbildung noch ein Schulbesuch, eine Maßnahme oder eine andere Alternative bekannt ist und deren Vermittlung weiterläuft.",
        "Applicants for whom, on the reference date of 30 September, neither training nor school, a measure or any other alternative is known, and whose placement continues.",
      ),
      status: "official",
      source: "BMBF-Datenportal, Tabelle 2.4.29 (datenportal.bmbf.de)",
    },
    applicants_earlier_years: {
      label: targetGroupLabels.applicants_earlier_years,
      definition: text(
        "„Altbewerber“ ist keine Kategorie der BA-Statistik; sie weist „Bewerber aus früheren Berichtsjahren“ aus. Das BIBB zählt dazu, wer sich schon für einen früheren Ausbildungsbeginn beworben hat.",
        "“Altbewerber” is not a category of the BA statistics, which report “applicants from earlier reporting years”. BIBB counts those who already applied for an earlier start of training.",
      ),
      status: "official",
      source:
        "Statistik der Bundesagentur für Arbeit, methodische Hinweise (statistik.arbeitsagentur.de); BIBB-Datenreport (datenreport.bibb.de/html/3670.htm)",
    },
    trainees: {
      label: targetGroupLabels.trainees,
      definition: text(
        "Junge Menschen in einer dualen oder schulischen Berufsausbildung.",
        "Young people in dual or school-based vocational training.",
      ),
      status: "example",
      source: workingDefinition,
    },
    training_dropouts: {
      label: targetGroupLabels.training_dropouts,
      definition: text(
        "Junge Menschen, deren Ausbildungsvertrag vorzeitig gelöst wurde und die keine andere Ausbildung begonnen haben. Die Statistik zählt gelöste Verträge, nicht Personen; nicht jede Vertragslösung ist ein Abbruch.",
        "Young people whose training contract ended early and who have not started other training. Statistics count dissolved contracts, not people; not every dissolved contract is a dropout.",
      ),
      status: "unverified",
      source: `${workingDefinition}; Abgleich mit der BIBB-Statistik der Vertragslösungen nicht geprüft`,
    },
    newly_arrived: {
      label: targetGroupLabels.newly_arrived,
      definition: text(
        "Junge Menschen, die erst vor Kurzem nach Deutschland zugewandert sind; in NRW richtet sich KAoA-kompakt (SBO 7.1) an sie.",
        "Young people who have recently moved to Germany; in North Rhine-Westphalia KAoA compact (SBO 7.1) is meant for them.",
      ),
      status: "example",
      source: "gski.de/index.php/kaoa (KAoA-kompakt)",
    },
    migration_background: {
      label: targetGroupLabels.migration_background,
      definition: text(
        "Eine Person hat einen Migrationshintergrund, wenn sie selbst oder mindestens ein Elternteil die deutsche Staatsangehörigkeit nicht durch Geburt besitzt (Mikrozensus).",
        "A person has a migration background if they or at least one parent did not acquire German citizenship by birth (micro-census).",
      ),
      status: "official",
      source: "Statistisches Landesamt Baden-Württemberg, Glossar Nr. 954 (statistik-bw.de)",
    },
    disability: {
      label: targetGroupLabels.disability,
      definition: text(
        "Junge Menschen mit sonderpädagogischem Unterstützungsbedarf (Förderschwerpunkte Lernen, Emotionale und soziale Entwicklung, Geistige Entwicklung, Körperliche und motorische Entwicklung, Hören und Kommunikation, Sprache, Sehen) oder mit Behinderung im Sinne des § 19 SGB III.",
        "Young people with special educational needs (learning, emotional and social development, intellectual development, physical and motor development, hearing and communication, language, vision) or with a disability within the meaning of § 19 SGB III.",
      ),
      status: "official",
      source: "SVWS-NRW KAOAMerkmal.json (Förderschwerpunkte); § 19 SGB III (buzer.de)",
    },
    sgb2_hard_to_reach: {
      label: targetGroupLabels.sgb2_hard_to_reach,
      definition: text(
        "Junge Menschen unter 25 Jahren, die von Sozialleistungssystemen und Angeboten schwer erreicht werden; Förderung nach § 16h SGB II seit dem 1. August 2016.",
        "Young people under 25 whom social benefit systems and offers hardly reach; support under § 16h SGB II since 1 August 2016.",
      ),
      status: "official",
      source: "bagarbeit.de; jugendsozialarbeit.de/?p=3638",
    },
    neet: {
      label: targetGroupLabels.neet,
      definition: text(
        "Junge Menschen, die weder erwerbstätig sind noch in den letzten vier Wochen an Bildung oder Ausbildung teilgenommen haben; Eurostat (SDG-Indikator sdg_08_20) für 15- bis 29-Jährige, auch 15 bis 24; ILO für 15- bis 24-Jährige.",
        "Young people neither employed nor in education or training in the last four weeks; Eurostat (SDG indicator sdg_08_20) for ages 15–29, also 15–24; ILO for ages 15–24.",
      ),
      status: "official",
      source:
        "Eurostat sdg_08_20 (statsoftheunion.eu/dataset/sdg_08_20a); ILO glossary (ilostat.ilo.org/glossary/neet)",
    },
    young_parents: {
      label: targetGroupLabels.young_parents,
      definition: text(
        "Junge Mütter und Väter, für die Ausbildung und Kinderbetreuung vereinbar sein müssen, etwa durch Teilzeitausbildung.",
        "Young mothers and fathers who need training and childcare to fit together, for example through part-time training.",
      ),
      status: "example",
      source: workingDefinition,
    },
    parents: {
      label: targetGroupLabels.parents,
      definition: text(
        "Eltern und Erziehungsberechtigte als wichtigste Ratgeber bei der Berufswahl.",
        "Parents and guardians as the most important advisers in choosing an occupation.",
      ),
      status: "example",
      source: workingDefinition,
    },
    teachers: {
      label: targetGroupLabels.teachers,
      definition: text(
        "Lehrkräfte, insbesondere Koordinatorinnen und Koordinatoren für Berufsorientierung an Schulen.",
        "Teachers, especially those coordinating vocational orientation at their school.",
      ),
      status: "example",
      source: workingDefinition,
    },
    employers: {
      label: targetGroupLabels.employers,
      definition: text(
        "Betriebe als Anbieter von Praktika und Ausbildungsplätzen, die selbst Unterstützung brauchen, etwa bei der Gewinnung von Auszubildenden.",
        "Companies offering placements and training places that need support themselves, for example in recruiting trainees.",
      ),
      status: "example",
      source: workingDefinition,
    },
  },
};
