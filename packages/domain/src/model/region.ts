import { z } from "zod";
import type { FieldLabels } from "../common/field-labels.js";
import { text } from "../common/i18n.js";
import { idSchema } from "../common/ids.js";
import { labelledEnum } from "../common/labels.js";
import { checkOrder, IsoDate, Name, patchOf, recordMeta } from "../common/record.js";
import { report } from "../common/validation.js";

/** Id of a {@link Region}, the tenant. */
export const RegionId = idSchema("reg", "RegionId");
export type RegionId = z.infer<typeof RegionId>;

export const regionKindLabels = {
  district: text("Landkreis", "District (Landkreis)"),
  district_free_city: text("Kreisfreie Stadt", "District-free city"),
  regional_association: text("Region / Regionalverband", "Regional association"),
  municipality: text("Stadt oder Gemeinde", "Town or municipality"),
  state: text("Land", "Federal state (Land)"),
} as const;
/** What kind of territory a region is. */
export const RegionKind = labelledEnum("RegionKind", regionKindLabels);
export type RegionKind = z.infer<typeof RegionKind>;

export const regionStatusLabels = {
  active: text("Bestehend", "Active"),
  merged: text("Aufgegangen in einer anderen Region", "Merged into another region"),
  dissolved: text("Aufgelöst", "Dissolved"),
} as const;
/** Whether a region still exists; merged regions point to their successor. */
export const RegionStatus = labelledEnum("RegionStatus", regionStatusLabels);
export type RegionStatus = z.infer<typeof RegionStatus>;

export const keySystemLabels = {
  ags: text("Amtlicher Gemeindeschlüssel (AGS, 8 Stellen)", "Official municipality key (AGS, 8 digits)"),
  ars: text("Amtlicher Regionalschlüssel (ARS, 12 Stellen)", "Official regional key (ARS, 12 digits)"),
  district_key: text("Kreisschlüssel (5 Stellen)", "District key (5 digits)"),
  nuts: text("NUTS-Code", "NUTS code"),
  car_code: text("Kfz-Kennzeichen", "Vehicle registration code"),
} as const;
/** The system an official key belongs to. */
export const KeySystem = labelledEnum("KeySystem", keySystemLabels);
export type KeySystem = z.infer<typeof KeySystem>;

const keyPatterns: Record<KeySystem, RegExp> = {
  ags: /^\d{8}$/,
  ars: /^\d{12}$/,
  district_key: /^\d{5}$/,
  nuts: /^[A-Z]{2}[0-9A-Z]{0,3}$/,
  car_code: /^[A-ZÄÖÜ]{1,3}$/,
};

/**
 * An official key with the time it was valid: keys change when districts merge
 * (Osterode am Harz 03156 became part of Göttingen 03159 on 1 Nov 2016), so a region keeps them all.
 */
export const RegionKey = z
  .strictObject({
    system: KeySystem,
    value: z.string().trim().min(1),
    validFrom: IsoDate.optional(),
    validTo: IsoDate.optional(),
  })
  .superRefine((key, ctx) => {
    const pattern = keyPatterns[key.system as KeySystem];
    if (pattern && typeof key.value === "string" && !pattern.test(key.value)) {
      report(ctx, "invalid_key", ["value"], { value: key.value, system: key.system });
    }
    checkOrder(ctx, key.validFrom, key.validTo, ["validTo"]);
  })
  .meta({ id: "RegionKey" });
export type RegionKey = z.infer<typeof RegionKey>;

/** A town or municipality inside the region, the unit of "area served". */
export const Municipality = z
  .strictObject({
    name: Name,
    ags: z.string().regex(/^\d{8}$/),
    areaKm2: z.number().positive().optional(),
    population: z.int().min(0).optional(),
  })
  .meta({ id: "Municipality" });
export type Municipality = z.infer<typeof Municipality>;

export const RegionFields = z.strictObject({
  name: Name,
  kind: RegionKind,
  status: RegionStatus.default("active"),
  keys: z.array(RegionKey).default([]),
  areaKm2: z.number().positive().optional(),
  population: z.int().min(0).optional(),
  populationDate: IsoDate.optional(),
  municipalities: z.array(Municipality).default([]),
  successorId: RegionId.optional(),
  statusChangedOn: IsoDate.optional(),
  note: z.string().max(2000).optional(),
});

function checkRegion(
  region: Partial<z.infer<typeof RegionFields>> & { id?: string },
  ctx: z.core.$RefinementCtx<unknown>,
) {
  if (region.status === "merged" && !region.successorId)
    report(ctx, "merged_without_successor", ["successorId"]);
  if (region.id && region.successorId === region.id) report(ctx, "successor_is_self", ["successorId"]);
  const seen = new Set<string>();
  (region.municipalities ?? []).forEach((m, i) => {
    if (typeof m?.ags !== "string") return;
    if (seen.has(m.ags)) report(ctx, "duplicate_value", ["municipalities", i, "ags"], { value: m.ags });
    seen.add(m.ags);
  });
}

/** What a client sends to create a region (a tenant). */
export const RegionCreate = RegionFields.superRefine(checkRegion).meta({ id: "RegionCreate" });
export type RegionCreate = z.input<typeof RegionCreate>;
/** A partial update of a region. */
export const RegionPatch = patchOf(RegionFields, "RegionPatch");
export type RegionPatch = z.infer<typeof RegionPatch>;
/** A district or other territory: the tenant that owns every other record. */
export const Region = RegionFields.extend({ id: RegionId, ...recordMeta })
  .superRefine(checkRegion)
  .meta({ id: "Region" });
export type Region = z.infer<typeof Region>;

/**
 * Inhabitants per km², rounded to one decimal, or undefined without area or population.
 *
 * @example
 * populationDensity({ areaKm2: 635.99, population: 74367 }); // 116.9
 */
export function populationDensity(region: {
  areaKm2?: number | undefined;
  population?: number | undefined;
}): number | undefined {
  if (!region.areaKm2 || region.population === undefined) return undefined;
  return Math.round((region.population / region.areaKm2) * 10) / 10;
}

/** The key of a system that is valid on a date (default: the newest). */
export function currentKey(region: Pick<Region, "keys">, system: KeySystem, on?: string): string | undefined {
  const candidates = region.keys.filter(
    (k) =>
      k.system === system &&
      (!on || ((!k.validFrom || k.validFrom <= on) && (!k.validTo || k.validTo >= on))),
  );
  candidates.sort((a, b) => (b.validFrom ?? "").localeCompare(a.validFrom ?? ""));
  return candidates[0]?.value;
}

/** German and English labels of the fields of a region. */
export const regionFieldLabels = {
  name: text("Name der Region", "Name of the region"),
  kind: text("Art der Gebietskörperschaft", "Kind of region"),
  keys: text("Amtliche Schlüssel", "Official keys"),
  areaKm2: text("Fläche (km²)", "Area (km²)"),
  population: text("Einwohnerzahl", "Population"),
  populationDate: text("Stichtag der Einwohnerzahl", "Population as of"),
  municipalities: text("Gemeinden", "Municipalities"),
  successorId: text("Aufgegangen in", "Merged into"),
  statusChangedOn: text("Status geändert am", "Status changed on"),
  populationDensity: text("Einwohner je km²", "Inhabitants per km²"),
} as const satisfies FieldLabels;

/** Figures derived from a region's record, served with it: nobody has to compute them by hand. */
export const RegionFigures = z
  .strictObject({
    populationDensity: z
      .number()
      .nullable()
      .meta({ description: "Inhabitants per km², one decimal; null without area or population." }),
  })
  .meta({ id: "RegionFigures" });
export type RegionFigures = z.infer<typeof RegionFigures>;

/**
 * The figures a coordinator reads beside a region's record.
 *
 * @example
 * regionFigures({ areaKm2: 635.99, population: 74367 }).populationDensity; // 116.9
 */
export function regionFigures(region: {
  areaKm2?: number | undefined;
  population?: number | undefined;
}): RegionFigures {
  return { populationDensity: populationDensity(region) ?? null };
}
