import type { Locale } from "../common/i18n.js";
import type { IndicatorUnit } from "../model/indicator.js";
import type { IabeSector } from "../model/measure.js";
import type { Region } from "../model/region.js";
import { type StatisticsMessageCode, statisticsMessages, statisticsSigns } from "./messages.js";
import type { StatisticsProblem, StatisticsSkip, StatisticsValue } from "./types.js";

/** A value as a format reader found it, before its area, period and figure are checked. */
export interface RawValue {
  readonly line: number;
  readonly indicatorCode: string;
  readonly indicatorName: string;
  readonly unit: IndicatorUnit;
  readonly unitLabel?: string | undefined;
  readonly regionKey: string;
  readonly regionName: string;
  readonly period: string;
  readonly value: string;
  readonly provisional: boolean;
  readonly iabeSector?: IabeSector | undefined;
  readonly iabeAccount?: string | undefined;
}

/** How a format dates its periods: the day a year or a reporting year ends on. */
export interface PeriodRules {
  /** Month and day a plain year ends on, e.g. "12-31" (calendar year) or "09-30" (BA reporting year). */
  readonly yearEnd: string;
  /** Month and day a split year like 2022/23 ends on in its second year, e.g. "07-31" (school year). */
  readonly splitYearEnd: string;
}

const pad = (n: number) => String(n).padStart(2, "0");
const validDate = (iso: string) => {
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso;
};
const lastDayOf = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** Reads a period as official tables write it: a year, a split year, a month or a day. */
export function parsePeriod(raw: string, rules: PeriodRules): { date: string; label: string } | undefined {
  const value = raw.trim();
  let match = /^(\d{4})$/.exec(value);
  if (match) return { date: `${match[1]}-${rules.yearEnd}`, label: value };
  match = /^(\d{4})\s*\/\s*(\d{2}|\d{4})$/.exec(value);
  if (match) {
    const first = Number(match[1]);
    const second = Number(match[2]) % 100;
    if ((first + 1) % 100 !== second) return undefined;
    return { date: `${first + 1}-${rules.splitYearEnd}`, label: `${first}/${pad(second)}` };
  }
  match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) ?? null;
  if (match)
    return validDate(value) ? { date: value, label: `${match[3]}.${match[2]}.${match[1]}` } : undefined;
  match = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(value);
  if (match) {
    const iso = `${match[3]}-${pad(Number(match[2]))}-${pad(Number(match[1]))}`;
    return validDate(iso)
      ? { date: iso, label: `${pad(Number(match[1]))}.${pad(Number(match[2]))}.${match[3]}` }
      : undefined;
  }
  match = /^(\d{4})-(\d{2})$/.exec(value) ?? /^(\d{2})\/(\d{4})$/.exec(value);
  if (match) {
    const [year, month] = value.includes("-")
      ? [Number(match[1]), Number(match[2])]
      : [Number(match[2]), Number(match[1])];
    if (month < 1 || month > 12) return undefined;
    return { date: `${year}-${pad(month)}-${pad(lastDayOf(year, month))}`, label: `${pad(month)}/${year}` };
  }
  return undefined;
}

/**
 * Reads a figure. German files write `1.234,5`, English ones `1,234.5`; a sign such as `.` or `*`
 * stands for a missing value and `-` for exactly zero.
 */
export function parseFigure(
  raw: string,
  decimalComma: boolean,
): { kind: "number"; value: number } | { kind: "sign"; sign: string } | { kind: "invalid" } {
  const value = raw.trim().replace(/\s/g, "");
  if (value in statisticsSigns) {
    const sign = statisticsSigns[value];
    return sign === "zero" ? { kind: "number", value: 0 } : { kind: "sign", sign: value };
  }
  const normalised = decimalComma
    ? value.replace(/\.(?=\d{3}(\D|$))/g, "").replace(",", ".")
    : value.replace(/,(?=\d{3}(\D|$))/g, "");
  if (!/^[-+]?\d+(\.\d+)?$/.test(normalised)) return { kind: "invalid" };
  return { kind: "number", value: Number(normalised) };
}

/** How an area key relates to the tenant's region. */
export type AreaMatch =
  | { kind: "own"; areaKey: string }
  | { kind: "parent" }
  | { kind: "foreign" }
  | { kind: "invalid" };

/** The tenant's keys: its district keys, its own AGS and its municipalities. */
export interface RegionKeys {
  readonly districts: ReadonlySet<string>;
  readonly municipalities: ReadonlySet<string>;
  readonly states: ReadonlySet<string>;
  readonly governmentRegions: ReadonlySet<string>;
  readonly display: string;
}

/** Collects the official keys of a region that figures can be published under. */
export function regionKeysOf(region: Pick<Region, "keys" | "municipalities">): RegionKeys {
  const districts = new Set<string>();
  const municipalities = new Set<string>(region.municipalities.map((m) => m.ags));
  for (const key of region.keys) {
    if (key.system === "district_key") districts.add(key.value);
    if (key.system === "ags") {
      municipalities.add(key.value);
      // A district-free city publishes its figures under the first five digits of its AGS.
      if (key.value.endsWith("000")) districts.add(key.value.slice(0, 5));
    }
    if (key.system === "ars") {
      const ags = `${key.value.slice(0, 5)}${key.value.slice(9)}`;
      if (key.value.slice(5) === "0000000") districts.add(key.value.slice(0, 5));
      else municipalities.add(ags);
    }
  }
  const prefixes = [...districts, ...municipalities];
  return {
    districts,
    municipalities,
    states: new Set(prefixes.map((k) => k.slice(0, 2))),
    governmentRegions: new Set(prefixes.map((k) => k.slice(0, 3))),
    display: [
      ...districts,
      ...[...municipalities].filter((m) => ![...districts].some((d) => m.startsWith(d))),
    ].join(", "),
  };
}

/** Matches an area key of a statistics file against the tenant's region. */
export function matchArea(raw: string, keys: RegionKeys): AreaMatch {
  let key = raw.replace(/\s/g, "");
  // Spreadsheet programs drop the leading zero of keys in Länder 01–09 (Schleswig-Holstein to Saarland).
  if (/^\d$|^\d{4}$|^\d{7}$|^\d{11}$/.test(key)) key = `0${key}`;
  if (/^(DG|DE|D|0|00)$/i.test(key)) return { kind: "parent" };
  if (/^\d{2}$/.test(key)) return keys.states.has(key) ? { kind: "parent" } : { kind: "foreign" };
  if (/^\d{3}$/.test(key)) return keys.governmentRegions.has(key) ? { kind: "parent" } : { kind: "foreign" };
  let district: string | undefined;
  let ags: string | undefined;
  if (/^\d{5}$/.test(key)) district = key;
  else if (/^\d{8}$/.test(key)) ags = key;
  else if (/^\d{12}$/.test(key)) {
    if (key.slice(5) === "0000000") district = key.slice(0, 5);
    else ags = `${key.slice(0, 5)}${key.slice(9)}`;
  } else return { kind: "invalid" };
  if (district !== undefined)
    return keys.districts.has(district) ? { kind: "own", areaKey: district } : { kind: "foreign" };
  const municipality = ags as string;
  if (keys.municipalities.has(municipality) || keys.districts.has(municipality.slice(0, 5)))
    return { kind: "own", areaKey: municipality };
  return { kind: "foreign" };
}

/** Gathers the values, skipped lines and problems of one file, checking areas, periods and figures. */
export class Collector {
  readonly values: StatisticsValue[] = [];
  readonly skipped: StatisticsSkip[] = [];
  readonly problems: StatisticsProblem[] = [];
  private readonly seen = new Map<string, number>();
  // A line with several figures (one per column) is reported once per reason.
  private readonly reported = new Set<string>();

  constructor(
    private readonly locale: Locale,
    private readonly regionName: string,
    private readonly keys: RegionKeys,
    private readonly rules: PeriodRules,
    private readonly decimalComma: boolean,
  ) {}

  /** Records a skipped line; returns false (nothing was taken). */
  skip(line: number, code: StatisticsMessageCode, params: Record<string, string | number> = {}): false {
    if (this.once(line, code)) return false;
    const reason = statisticsMessages[code](params);
    this.skipped.push({ line, code, reason, message: reason[this.locale] });
    return false;
  }

  /** Records a problem that refuses the file; returns false (nothing was taken). */
  problem(line: number, code: StatisticsMessageCode, params: Record<string, string | number> = {}): false {
    if (this.once(line, code)) return false;
    const messages = statisticsMessages[code]({ line, ...params });
    this.problems.push({ line, code, messages, message: messages[this.locale] });
    return false;
  }

  private once(line: number, code: string): boolean {
    const key = `${line}|${code}`;
    if (this.reported.has(key)) return true;
    this.reported.add(key);
    return false;
  }

  /** Checks a value and takes it, or records why not; true when it was taken. */
  add(raw: RawValue): boolean {
    if (!raw.regionKey) return this.problem(raw.line, "missing_region");
    const area = matchArea(raw.regionKey, this.keys);
    if (area.kind === "invalid") return this.problem(raw.line, "invalid_region_key", { key: raw.regionKey });
    if (area.kind === "foreign")
      return this.problem(raw.line, "wrong_region_key", {
        key: raw.regionKey,
        name: raw.regionName || "?",
        region: this.regionName,
        keys: this.keys.display || "–",
      });
    const period = parsePeriod(raw.period, this.rules);
    if (!period) return this.problem(raw.line, "invalid_period", { value: raw.period });
    const figure = parseFigure(raw.value, this.decimalComma);
    if (figure.kind === "invalid") return this.problem(raw.line, "invalid_value", { value: raw.value });
    if (area.kind === "parent")
      return this.skip(raw.line, "parent_area", { name: raw.regionName || raw.regionKey });
    if (figure.kind === "sign") {
      const meaning = statisticsSigns[figure.sign];
      return this.skip(raw.line, "secret_value", {
        value: figure.sign,
        meaning: typeof meaning === "object" ? meaning[this.locale] : "",
      });
    }
    const identity = `${raw.indicatorCode}|${area.areaKey}|${period.date}`;
    const first = this.seen.get(identity);
    if (first !== undefined) return this.skip(raw.line, "duplicate_row", { first });
    this.seen.set(identity, raw.line);
    this.values.push({
      line: raw.line,
      indicatorCode: raw.indicatorCode,
      indicatorName: raw.indicatorName,
      unit: raw.unit,
      ...(raw.unitLabel ? { unitLabel: raw.unitLabel } : {}),
      areaKey: area.areaKey,
      areaName: raw.regionName,
      date: period.date,
      periodLabel: period.label,
      value: figure.value,
      provisional: raw.provisional,
      ...(raw.iabeSector ? { iabeSector: raw.iabeSector } : {}),
      ...(raw.iabeAccount ? { iabeAccount: raw.iabeAccount } : {}),
    });
    return true;
  }
}

/** Maps a unit as official tables write it to the model's unit (and keeps the original as label). */
export function unitOf(raw: string): { unit: IndicatorUnit; unitLabel?: string } {
  const value = raw.trim();
  const lower = value.toLowerCase();
  if (["anzahl", "number", "personen", "persons", ""].includes(lower)) return { unit: "count" };
  if (["%", "prozent", "percent"].includes(lower)) return { unit: "percent" };
  if (["eur", "euro", "€"].includes(lower)) return { unit: "euro" };
  if (["tage", "days"].includes(lower)) return { unit: "days" };
  return { unit: "other", unitLabel: value.slice(0, 40) };
}

/** A short, stable hash of a text (FNV-1a), for indicator codes that must stay within 40 characters. */
export function shortHash(value: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < value.length; i++) {
    hash ^= value.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(36);
}

/** An indicator code from parts, shortened with a hash when it would pass 40 characters. */
export function indicatorCode(parts: readonly string[]): string {
  const code = parts.filter(Boolean).join("-");
  if (code.length <= 40) return code;
  return `${code.slice(0, 31)}-${shortHash(code).slice(0, 8)}`;
}
