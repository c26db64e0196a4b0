import type { LocalizedText } from "../common/i18n.js";

type Params = Readonly<Record<string, string | number>>;
const fill = (template: string, params: Params) =>
  template.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
const m =
  (de: string, en: string) =>
  (params: Params = {}): LocalizedText => ({ de: fill(de, params), en: fill(en, params) });

/** The statistics importer's messages, by a stable code, in German and English. */
export const statisticsMessages = {
  empty_file: m("Die Datei ist leer.", "The file is empty."),
  unknown_format: m(
    "Das Dateiformat wurde nicht erkannt. Erwartet wird eine GENESIS-Tabelle im Flatfile-CSV-Format (Kopfzeile mit „statistics_code“), eine Ausbildungsmarkt-Tabelle der Statistik der Bundesagentur für Arbeit oder eine iABE-Tabelle nach Sektoren und Konten.",
    "The file format was not recognised. Expected a GENESIS table in the flat-file CSV format (header with “statistics_code”), a training-market table of the Federal Employment Agency's statistics or an iABE table by sector and account.",
  ),
  no_header: m(
    "Die Kopfzeile mit den Spaltennamen wurde nicht gefunden (erwartet: {columns}).",
    "The header line with the column names was not found (expected: {columns}).",
  ),
  missing_column: m(
    "Zeile {line}: In der Kopfzeile fehlt die Spalte „{column}“.",
    "Line {line}: the header lacks the column “{column}”.",
  ),
  csv_syntax: m(
    "Zeile {line}: Die Zeile ist kein gültiges CSV ({detail}).",
    "Line {line}: the line is not valid CSV ({detail}).",
  ),
  broken_row: m(
    "Zeile {line}: Die Zeile hat {found} statt {expected} Felder.",
    "Line {line}: the line has {found} fields instead of {expected}.",
  ),
  invalid_value: m("Zeile {line}: „{value}“ ist keine Zahl.", "Line {line}: “{value}” is not a number."),
  invalid_period: m(
    "Zeile {line}: Der Zeitraum „{value}“ ist nicht lesbar (erwartet z. B. 2023, 2022/23 oder 31.12.2023).",
    "Line {line}: the period “{value}” cannot be read (expected e.g. 2023, 2022/23 or 31.12.2023).",
  ),
  missing_region: m(
    "Zeile {line}: Die Zeile nennt kein Gebiet (Regionalschlüssel fehlt).",
    "Line {line}: the line names no area (the regional key is missing).",
  ),
  invalid_region_key: m(
    "Zeile {line}: „{key}“ ist kein gültiger Regionalschlüssel.",
    "Line {line}: “{key}” is not a valid regional key.",
  ),
  wrong_region_key: m(
    "Zeile {line}: Der Regionalschlüssel {key} ({name}) gehört nicht zu {region} (Schlüssel {keys}). Bitte die Tabelle für das eigene Gebiet herunterladen.",
    "Line {line}: the regional key {key} ({name}) does not belong to {region} (keys {keys}). Please download the table for your own area.",
  ),
  no_region_keys: m(
    "Der Region {region} sind keine amtlichen Schlüssel zugeordnet; Zahlen können keinem Gebiet zugeordnet werden. Bitte den Kreisschlüssel oder AGS in den Einstellungen der Region eintragen.",
    "The region {region} has no official keys, so figures cannot be matched to an area. Please add the district key or AGS to the region's settings.",
  ),
  no_values: m(
    "Die Datei enthält keinen Wert, der übernommen werden kann.",
    "The file contains no value that can be imported.",
  ),
  invalid_vintage: m(
    "Der Datenstand „{value}“ ist kein Datum (erwartet 2024-05-15 oder 15.05.2024).",
    "The vintage “{value}” is not a date (expected 2024-05-15 or 15.05.2024).",
  ),
  vintage_conflict: m(
    "Zeile {line}: Für {indicator}, {area}, {period} ist mit dem Datenstand {vintage} schon der Wert {stored} gespeichert; die Datei nennt {value}. Eine neue Lieferung braucht einen neuen Datenstand.",
    "Line {line}: for {indicator}, {area}, {period} the value {stored} is already stored with the vintage {vintage}; the file says {value}. A new delivery needs a new vintage.",
  ),
  secret_value: m("Kein Zahlenwert: „{value}“ ({meaning}).", "No figure: “{value}” ({meaning})."),
  parent_area: m(
    "Vergleichswert für ein übergeordnetes Gebiet ({name}), nicht übernommen.",
    "Comparison value for a larger area ({name}), not imported.",
  ),
  duplicate_row: m(
    "Derselbe Wert steht schon in Zeile {first}.",
    "The same value already stands in line {first}.",
  ),
  note_line: m(
    "Kopf-, Fuß- oder Hinweiszeile ohne Werte: „{text}“.",
    "Header, footer or note line without values: “{text}”.",
  ),
  total_row: m(
    "Summenzeile („{label}“), aus den Einzelwerten ableitbar; nicht übernommen.",
    "Total line (“{label}”), derivable from the single values; not imported.",
  ),
} as const;

/** The code of one of the statistics importer's messages. */
export type StatisticsMessageCode = keyof typeof statisticsMessages;

/** The meaning of the signs official statistics put in place of a figure. */
export const statisticsSigns: Readonly<Record<string, { de: string; en: string } | "zero">> = {
  "-": "zero",
  ".": { de: "Zahlenwert unbekannt oder geheim zu halten", en: "value unknown or confidential" },
  x: {
    de: "Tabellenfach gesperrt, weil Aussage nicht sinnvoll",
    en: "cell blocked, no meaningful statement",
  },
  "/": { de: "keine Angabe, da Zahlenwert nicht sicher genug", en: "not stated, value not reliable enough" },
  "...": { de: "Angabe fällt später an", en: "figure follows later" },
  "…": { de: "Angabe fällt später an", en: "figure follows later" },
  "*": { de: "aus Datenschutzgründen anonymisiert", en: "anonymised for data protection" },
  "": { de: "leeres Feld", en: "empty cell" },
};
