import { z } from "zod";
import type { FieldLabels } from "../common/field-labels.js";
import { text } from "../common/i18n.js";
import { idSchema } from "../common/ids.js";
import { labelledEnum } from "../common/labels.js";
import { Illustrative, IsoDate, LongText, Name, patchOf, recordMeta } from "../common/record.js";
import { IabeSector } from "./measure.js";

/** Id of an {@link Indicator}. */
export const IndicatorId = idSchema("ind", "IndicatorId");
export type IndicatorId = z.infer<typeof IndicatorId>;
/** Id of an {@link Observation}. */
export const ObservationId = idSchema("obs", "ObservationId");
export type ObservationId = z.infer<typeof ObservationId>;

export const indicatorUnitLabels = {
  count: text("Anzahl", "Count"),
  percent: text("Prozent", "Percent"),
  ratio: text("Quote / Verhältnis", "Ratio"),
  euro: text("Euro", "Euro"),
  days: text("Tage", "Days"),
  other: text("Sonstige Einheit", "Other unit"),
} as const;
/** The kind of unit an indicator is measured in. */
export const IndicatorUnit = labelledEnum("IndicatorUnit", indicatorUnitLabels);
export type IndicatorUnit = z.infer<typeof IndicatorUnit>;

export const indicatorDirectionLabels = {
  higher_is_better: text("Höher ist besser", "Higher is better"),
  lower_is_better: text("Niedriger ist besser", "Lower is better"),
  neutral: text("Neutral (Kontextzahl)", "Neutral (context figure)"),
} as const;
/** Which way an indicator should move. */
export const IndicatorDirection = labelledEnum("IndicatorDirection", indicatorDirectionLabels);
export type IndicatorDirection = z.infer<typeof IndicatorDirection>;

export const frequencyLabels = {
  school_year: text("Je Schuljahr", "Per school year"),
  yearly: text("Jährlich", "Yearly"),
  half_yearly: text("Halbjährlich", "Half-yearly"),
  quarterly: text("Vierteljährlich", "Quarterly"),
  monthly: text("Monatlich", "Monthly"),
  irregular: text("Unregelmäßig", "Irregular"),
} as const;
/** How often new figures arrive. */
export const Frequency = labelledEnum("Frequency", frequencyLabels);
export type Frequency = z.infer<typeof Frequency>;

export const IndicatorFields = z.strictObject({
  code: z.string().trim().min(1).max(40),
  name: Name,
  description: LongText.optional(),
  unit: IndicatorUnit,
  unitLabel: z.string().trim().max(40).optional(),
  direction: IndicatorDirection,
  frequency: Frequency.default("yearly"),
  source: Name.meta({
    description: "Who publishes the figures, e.g. 'Statistik der Bundesagentur für Arbeit'.",
  }),
  iabeSector: IabeSector.optional(),
  illustrative: Illustrative,
});

/** What a client sends to create an indicator. */
export const IndicatorCreate = IndicatorFields.meta({ id: "IndicatorCreate" });
export type IndicatorCreate = z.input<typeof IndicatorCreate>;
/** A partial update of an indicator. */
export const IndicatorPatch = patchOf(IndicatorFields, "IndicatorPatch");
export type IndicatorPatch = z.infer<typeof IndicatorPatch>;
/** A figure the network watches (Zahlen, Daten, Fakten), with unit, direction and source. */
export const Indicator = IndicatorFields.extend({ id: IndicatorId, ...recordMeta }).meta({ id: "Indicator" });
export type Indicator = z.infer<typeof Indicator>;

export const ObservationFields = z.strictObject({
  illustrative: Illustrative,
  indicatorId: IndicatorId,
  date: IsoDate.meta({ description: "Reference date (Stichtag) or end of the reference period." }),
  periodLabel: z.string().trim().max(40).optional().meta({ description: "E.g. '2023/24' or '2024'." }),
  value: z.number(),
  areaKey: z
    .string()
    .regex(/^\d{5}(\d{3})?$/)
    .optional()
    .meta({ description: "District key or AGS of the area; empty means the whole region." }),
  source: z.string().trim().max(300).optional(),
  vintage: z
    .string()
    .trim()
    .max(40)
    .optional()
    .meta({ description: "Data status (Datenstand), e.g. '2024-09-30'." }),
  provisional: z.boolean().default(false),
  note: z.string().max(2000).optional(),
});

/** What a client sends to record an observation. */
export const ObservationCreate = ObservationFields.meta({ id: "ObservationCreate" });
export type ObservationCreate = z.input<typeof ObservationCreate>;
/** A partial update of an observation. */
export const ObservationPatch = patchOf(ObservationFields, "ObservationPatch");
export type ObservationPatch = z.infer<typeof ObservationPatch>;
/** One value of an indicator for an area at a date, with source and data status. */
export const Observation = ObservationFields.extend({ id: ObservationId, ...recordMeta }).meta({
  id: "Observation",
});
export type Observation = z.infer<typeof Observation>;

/** German and English labels of the fields of a indicator. */
export const indicatorFieldLabels = {
  unit: text("Einheit", "Unit"),
  unitLabel: text("Bezeichnung der Einheit", "Unit label"),
  direction: text("Richtung", "Direction"),
  frequency: text("Häufigkeit", "Frequency"),
} as const satisfies FieldLabels;

/** German and English labels of the fields of a observation. */
export const observationFieldLabels = {
  date: text("Stichtag", "Reference date"),
  periodLabel: text("Zeitraum (z. B. 2023/24)", "Period (e.g. 2023/24)"),
  value: text("Wert", "Value"),
  areaKey: text("Gebietsschlüssel", "Area key"),
  vintage: text("Datenstand", "Data status"),
  provisional: text("Vorläufiger Wert", "Provisional value"),
} as const satisfies FieldLabels;
