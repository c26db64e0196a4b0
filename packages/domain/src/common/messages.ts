import type { LocalizedText } from "./i18n.js";

type Params = Readonly<Record<string, string | number>>;
type Message = (params: Params) => LocalizedText;

const m =
  (de: string, en: string): Message =>
  (params) => ({ de: fill(de, params), en: fill(en, params) });

function fill(template: string, params: Params): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

/** The domain's own validation messages, keyed by a stable code, in German and English. */
export const messages = {
  end_before_start: m("Das Ende liegt vor dem Beginn.", "The end is before the start."),
  required_field: m("Pflichtangabe fehlt.", "This field is required."),
  target_without_deadline: m(
    "Ein Ziel mit Zielwert braucht eine Frist.",
    "A goal with a target value needs a deadline.",
  ),
  target_without_indicator: m(
    "Ein Zielwert braucht einen Indikator, an dem er gemessen wird.",
    "A target value needs an indicator to be measured by.",
  ),
  in_force_without_signatures: m(
    "Eine Vereinbarung kann erst in Kraft sein, wenn sie unterschrieben ist.",
    "An agreement can only be in force once it has been signed.",
  ),
  in_force_without_validity: m(
    "Eine Vereinbarung in Kraft braucht ein Datum, ab dem sie gilt.",
    "An agreement in force needs the date it is valid from.",
  ),
  signed_without_signatures: m(
    "Eine unterschriebene Vereinbarung braucht mindestens eine Unterschrift.",
    "A signed agreement needs at least one signature.",
  ),
  ended_without_end: m(
    "Eine abgelaufene oder gekündigte Vereinbarung braucht ein Enddatum.",
    "An expired or terminated agreement needs an end date.",
  ),
  min_above_max: m("Der Mindestwert liegt über dem Höchstwert.", "The minimum is above the maximum."),
  duplicate_value: m("„{value}“ kommt doppelt vor.", "“{value}” appears twice."),
  unknown_reference: m("„{value}“ verweist auf nichts Bekanntes.", "“{value}” refers to nothing known."),
  represented_without_proxy: m(
    "Bei Vertretung muss angegeben sein, wer vertreten hat.",
    "When someone was represented, name who stood in.",
  ),
  proxy_without_representation: m(
    "Eine Vertretung ist nur beim Status „vertreten“ möglich.",
    "A stand-in is only possible with the status “represented”.",
  ),
  done_without_date: m(
    "Eine erledigte Aufgabe braucht ein Erledigungsdatum.",
    "A done action item needs a completion date.",
  ),
  interface_without_parties: m(
    "Eine Schnittstelle braucht eine abgebende und eine aufnehmende Seite (Akteursart oder Akteur).",
    "An interface needs a sending and a receiving side (actor kind or actor).",
  ),
  rating_out_of_scale: m(
    "Die Bewertung liegt außerhalb der Skala {min}–{max}.",
    "The rating is outside the scale {min}–{max}.",
  ),
  weight_sum: m("Die Gewichte müssen größer als null sein.", "Weights must be greater than zero."),
  baseline_equals_target: m(
    "Ausgangswert und Zielwert sind gleich: so lässt sich kein Fortschritt messen.",
    "Baseline and target are equal, so no progress can be measured.",
  ),
  validity_before_signature: m(
    "Die Geltung beginnt vor der ersten Unterschrift.",
    "Validity starts before the first signature.",
  ),
  vacant_with_holder: m(
    "Ein unbesetzter Sitz hat keine Inhaberin und keinen Inhaber.",
    "A vacant seat has no holder.",
  ),
  overlapping_terms: m(
    "Die Amtszeiten auf diesem Sitz überschneiden sich.",
    "The terms of office on this seat overlap.",
  ),
  successor_is_self: m(
    "Eine Region kann nicht ihre eigene Nachfolgerin sein.",
    "A region cannot succeed itself.",
  ),
  merged_without_successor: m(
    "Eine aufgegangene Region braucht eine Nachfolgerin.",
    "A merged region needs a successor.",
  ),
  invalid_key: m(
    "„{value}“ ist kein gültiger Schlüssel ({system}).",
    "“{value}” is not a valid {system} key.",
  ),
  invalid_id: m(
    "„{value}“ ist keine gültige Kennung; erwartet wird eine wie {example}.",
    "“{value}” is not a valid id; expected one like {example}.",
  ),
  invalid_choice: m("Bitte einen der vorgesehenen Werte wählen.", "Please choose one of the allowed values."),
  unknown_field: m("Das Feld „{value}“ gibt es hier nicht.", "There is no field “{value}” here."),
  invalid_input: m("Die Eingabe ist ungültig.", "The input is invalid."),
  not_allowed: m("Das dürfen Sie mit Ihrer Rolle nicht.", "Your role does not allow this."),
  expected_number: m("Bitte eine Zahl eingeben.", "Please enter a number."),
  expected_integer: m("Bitte eine ganze Zahl eingeben.", "Please enter a whole number."),
  expected_text: m("Bitte einen Text eingeben.", "Please enter a text."),
  expected_yes_no: m("Bitte „ja“ oder „nein“ wählen.", "Please choose “yes” or “no”."),
  expected_list: m("Bitte eine Liste angeben.", "Please give a list."),
  expected_group: m(
    "Diese Angaben fehlen oder sind unvollständig.",
    "These details are missing or incomplete.",
  ),
  expected_date: m(
    "Bitte ein Datum angeben, zum Beispiel 2026-03-31.",
    "Please enter a date, for example 2026-03-31.",
  ),
  expected_datetime: m(
    "Bitte Datum und Uhrzeit angeben, zum Beispiel 2026-03-31T14:00:00+02:00.",
    "Please enter a date and time, for example 2026-03-31T14:00:00+02:00.",
  ),
  expected_email: m(
    "Bitte eine E-Mail-Adresse angeben, zum Beispiel name@beispiel.de.",
    "Please enter an email address, for example name@example.org.",
  ),
  expected_url: m(
    "Bitte eine Webadresse angeben, die mit https:// oder http:// beginnt.",
    "Please enter a web address starting with https:// or http://.",
  ),
  wrong_format: m("Das Format stimmt nicht.", "The format is not right."),
  number_at_most: m("Höchstens {max} ist erlaubt.", "At most {max} is allowed."),
  number_below: m("Der Wert muss kleiner als {max} sein.", "The value must be less than {max}."),
  number_at_least: m("Mindestens {min} ist nötig.", "At least {min} is needed."),
  number_above: m("Der Wert muss größer als {min} sein.", "The value must be greater than {min}."),
  text_too_long: m("Höchstens {max} Zeichen sind erlaubt.", "At most {max} characters are allowed."),
  text_too_short: m("Mindestens {min} Zeichen sind nötig.", "At least {min} characters are needed."),
  too_many_entries: m("Höchstens {max} Einträge sind erlaubt.", "At most {max} entries are allowed."),
  too_few_entries: m("Mindestens {min} Einträge sind nötig.", "At least {min} entries are needed."),
  one_entry_needed: m("Mindestens ein Eintrag ist nötig.", "At least one entry is needed."),
  not_multiple_of: m(
    "Der Wert muss ein Vielfaches von {divisor} sein.",
    "The value must be a multiple of {divisor}.",
  ),
} as const satisfies Record<string, Message>;

/** The code of one of the domain's own validation messages. */
export type MessageKey = keyof typeof messages;
