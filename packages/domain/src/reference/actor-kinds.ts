import { type LocalizedText, text } from "../common/i18n.js";
import { type ActorKind, actorKindLabels, type LegalFramework } from "../model/actor.js";
import type { ReferenceList } from "./types.js";

/** One kind of actor: its label (from the model), a short description and whether the seed names it. */
export interface ActorKindEntry {
  readonly label: LocalizedText;
  readonly description: LocalizedText;
  /** True when the Osterode practice example lists this kind among the network's actors. */
  readonly namedInPracticeExample: boolean;
  /** The bodies of law the kind usually acts under, where one applies. */
  readonly legalFrameworks: readonly LegalFramework[];
}

/** The source of the actor list: the Osterode am Harz practice example. */
export const practiceExampleSource =
  "Praxisbeispiel „Dauerhafte Einrichtung Koordinierungsstelle am Übergang Bildung-Beruf“, Landkreis Osterode am Harz";

/**
 * The kinds of actor at the transition from school to work with a short description each; the
 * keys are exactly the values of `ActorKind`, the labels are the model's `actorKindLabels`.
 */
export const actorKinds: ReferenceList<Record<ActorKind, ActorKindEntry>> = {
  id: "actor-kinds",
  title: text("Akteursarten am Übergang Schule–Beruf", "Kinds of actor at the school-to-work transition"),
  status: "example",
  source: practiceExampleSource,
  editable: false,
  note: text(
    "Die Einteilung folgt der Aufzählung der beteiligten Akteure im Praxisbeispiel; Jugendamt und „Sonstige“ ergänzen sie.",
    "The classification follows the practice example's list of involved actors; youth welfare office and “other” complete it.",
  ),
  entries: {
    general_school: {
      label: actorKindLabels.general_school,
      description: text(
        "Schulen der Sekundarstufe I und II, die Berufsorientierung anbieten und Abgänger/-innen in Anschlüsse begleiten.",
        "Lower and upper secondary schools that provide vocational orientation and accompany leavers into their next step.",
      ),
      namedInPracticeExample: true,
      legalFrameworks: ["school_law"],
    },
    vocational_school: {
      label: actorKindLabels.vocational_school,
      description: text(
        "Berufsbildende Schulen: Berufsschule im dualen System, Berufsfachschulen und die schulischen Angebote des Übergangsbereichs.",
        "Vocational schools: the school part of dual training, full-time vocational schools and the school-based offers of the transition system.",
      ),
      namedInPracticeExample: true,
      legalFrameworks: ["school_law"],
    },
    politics: {
      label: actorKindLabels.politics,
      description: text(
        "Kreistag, Fachausschüsse und politische Spitze, die Ressourcen beschließen und dem Netzwerk Rückhalt geben.",
        "District council, its committees and political leadership, who decide on resources and back the network.",
      ),
      namedInPracticeExample: true,
      legalFrameworks: [],
    },
    municipal_administration: {
      label: actorKindLabels.municipal_administration,
      description: text(
        "Die Kreisverwaltung mit Schulträgerschaft, Wirtschaftsförderung und Sozialplanung; hier ist meist die Koordinierungsstelle angesiedelt.",
        "The district administration with school provision, economic development and social planning; usually home to the coordination office.",
      ),
      namedInPracticeExample: true,
      legalFrameworks: [],
    },
    employer: {
      label: actorKindLabels.employer,
      description: text(
        "Betriebe, die Praktikums- und Ausbildungsplätze anbieten und an Berufsorientierung mitwirken.",
        "Companies that offer work placements and training places and take part in vocational orientation.",
      ),
      namedInPracticeExample: true,
      legalFrameworks: ["vocational_training_act"],
    },
    union: {
      label: actorKindLabels.union,
      description: text(
        "Gewerkschaften, die die Sicht der Beschäftigten und Auszubildenden einbringen.",
        "Trade unions, who bring in the view of employees and trainees.",
      ),
      namedInPracticeExample: true,
      legalFrameworks: [],
    },
    association: {
      label: actorKindLabels.association,
      description: text(
        "Arbeitgeber-, Wirtschafts- und Sozialverbände sowie Innungen und Kreishandwerkerschaften.",
        "Employers', business and welfare associations as well as craft guilds.",
      ),
      namedInPracticeExample: true,
      legalFrameworks: [],
    },
    chamber: {
      label: actorKindLabels.chamber,
      description: text(
        "Industrie- und Handelskammer, Handwerkskammer und weitere zuständige Stellen für die duale Ausbildung.",
        "Chambers of industry and commerce, chambers of crafts and other competent bodies for dual training.",
      ),
      namedInPracticeExample: true,
      legalFrameworks: ["vocational_training_act"],
    },
    independent_provider: {
      label: actorKindLabels.independent_provider,
      description: text(
        "Freie Träger der Jugend- und Bildungsarbeit, die Maßnahmen durchführen, oft im Auftrag von Agentur, Jobcenter oder Kreis.",
        "Independent youth and education providers who run measures, often commissioned by the agency, the job centre or the district.",
      ),
      namedInPracticeExample: true,
      legalFrameworks: [],
    },
    employment_agency: {
      label: actorKindLabels.employment_agency,
      description: text(
        "Die Agentur für Arbeit mit Berufsberatung, Ausbildungsvermittlung und Förderung nach dem SGB III.",
        "The employment agency with careers guidance, placement into training and support under SGB III.",
      ),
      namedInPracticeExample: true,
      legalFrameworks: ["sgb3"],
    },
    job_centre: {
      label: actorKindLabels.job_centre,
      description: text(
        "Das Jobcenter, zuständig für junge Menschen in Haushalten mit Grundsicherung nach dem SGB II.",
        "The job centre, responsible for young people in households receiving basic income support under SGB II.",
      ),
      namedInPracticeExample: true,
      legalFrameworks: ["sgb2"],
    },
    town: {
      label: actorKindLabels.town,
      description: text(
        "Kreisangehörige Städte und Gemeinden, oft Schulträger allgemeinbildender Schulen und Orte der Jugendarbeit.",
        "Towns and municipalities within the district, often providers of general schools and of youth work.",
      ),
      namedInPracticeExample: true,
      legalFrameworks: [],
    },
    state_school_authority: {
      label: actorKindLabels.state_school_authority,
      description: text(
        "Die staatliche Schulaufsicht des Landes, in Niedersachsen zur Zeit des Praxisbeispiels die Niedersächsische Landesschulbehörde.",
        "The state's school supervisory authority; in Lower Saxony at the time of the practice example the Niedersächsische Landesschulbehörde.",
      ),
      namedInPracticeExample: true,
      legalFrameworks: ["school_law"],
    },
    youth_welfare_office: {
      label: actorKindLabels.youth_welfare_office,
      description: text(
        "Das Jugendamt mit der Jugendsozialarbeit nach § 13 SGB VIII; Partner jeder Jugendberufsagentur.",
        "The youth welfare office with youth social work under § 13 SGB VIII; a partner in every youth employment agency.",
      ),
      namedInPracticeExample: false,
      legalFrameworks: ["sgb8"],
    },
    other: {
      label: actorKindLabels.other,
      description: text(
        "Alle übrigen Beteiligten, etwa Hochschulen, Stiftungen oder Migrantenorganisationen.",
        "Everyone else involved, for example universities, foundations or migrant organisations.",
      ),
      namedInPracticeExample: false,
      legalFrameworks: [],
    },
  },
};

/** The actor kinds the Osterode practice example lists, in the order of the model's enum. */
export const practiceExampleActorKinds = (Object.keys(actorKinds.entries) as ActorKind[]).filter(
  (kind) => actorKinds.entries[kind].namedInPracticeExample,
);
