import { z } from "zod";
import type { FieldLabels } from "../common/field-labels.js";
import { text } from "../common/i18n.js";
import { idSchema } from "../common/ids.js";
import { labelledEnum } from "../common/labels.js";
import { checkOrder, Illustrative, IsoDate, LongText, Name, patchOf, recordMeta } from "../common/record.js";
import { FundingProgrammeId } from "./funding.js";

/** Id of a {@link CoordinationOffice}. */
export const CoordinationOfficeId = idSchema("off", "CoordinationOfficeId");
export type CoordinationOfficeId = z.infer<typeof CoordinationOfficeId>;

export const unitKindLabels = {
  project: text("Projekt", "Project"),
  staff_unit: text("Stabsstelle", "Staff unit"),
  department: text("Abteilung", "Department"),
  main_section: text("Hauptsachgebiet", "Main section"),
  section: text("Sachgebiet / Fachdienst", "Section"),
  office: text("Amt / Fachbereich", "Office / division"),
  external: text("Externe Trägerschaft", "External body"),
} as const;
/** The kind of organisational unit the office is placed in. */
export const UnitKind = labelledEnum("UnitKind", unitKindLabels);
export type UnitKind = z.infer<typeof UnitKind>;

export const staffFundingLabels = {
  programme: text("Programmförderung", "Programme funding"),
  core_budget: text("Kommunaler Haushalt (verstetigt)", "Core budget (permanent)"),
  mixed: text("Gemischt", "Mixed"),
} as const;
/** How posts are financed. */
export const StaffFunding = labelledEnum("StaffFunding", staffFundingLabels);
export type StaffFunding = z.infer<typeof StaffFunding>;

export const milestoneKindLabels = {
  founded: text("Einrichtung", "Founded"),
  programme_joined: text("Teilnahme an einem Förderprogramm", "Joined a funding programme"),
  restructured: text("Neue Verortung im Organigramm", "New place in the organisation chart"),
  council_resolution: text("Beschluss des Kreistags / Rats", "Council resolution"),
  made_permanent: text("Verstetigung", "Made permanent"),
  agreement_signed: text("Kooperationsvereinbarung unterzeichnet", "Cooperation agreement signed"),
  territorial_reform: text("Gebietsreform / Fusion", "Territorial reform / merger"),
  other: text("Sonstiges", "Other"),
} as const;
/** What happened at a milestone in the office's history. */
export const MilestoneKind = labelledEnum("MilestoneKind", milestoneKindLabels);
export type MilestoneKind = z.infer<typeof MilestoneKind>;

export const datePrecisionLabels = {
  day: text("Tag", "Day"),
  month: text("Monat", "Month"),
  year: text("Jahr", "Year"),
} as const;
/** How exact a historical date is: sources often name only the year. */
export const DatePrecision = labelledEnum("DatePrecision", datePrecisionLabels);
export type DatePrecision = z.infer<typeof DatePrecision>;

/** Where the office sits in the organisation chart during a period. */
export const Placement = z
  .strictObject({
    from: IsoDate,
    to: IsoDate.optional(),
    unitKind: UnitKind,
    unitName: Name,
    reportsTo: z.string().trim().min(1).max(300).optional(),
  })
  .superRefine((p, ctx) => checkOrder(ctx, p.from, p.to, ["to"]))
  .meta({ id: "Placement" });
export type Placement = z.infer<typeof Placement>;

/** How many posts the office had in a period, how many full-time equivalents, and who paid. */
export const StaffingPeriod = z
  .strictObject({
    from: IsoDate,
    to: IsoDate.optional(),
    posts: z.int().min(0),
    fte: z.number().min(0).optional(),
    funding: StaffFunding,
    fundingProgrammeIds: z.array(FundingProgrammeId).default([]),
    note: z.string().max(2000).optional(),
  })
  .superRefine((p, ctx) => checkOrder(ctx, p.from, p.to, ["to"]))
  .meta({ id: "StaffingPeriod" });
export type StaffingPeriod = z.infer<typeof StaffingPeriod>;

/** A dated event in the office's history. */
export const Milestone = z
  .strictObject({
    date: IsoDate,
    precision: DatePrecision.default("day"),
    kind: MilestoneKind,
    title: Name,
    note: z.string().max(2000).optional(),
  })
  .meta({ id: "Milestone" });
export type Milestone = z.infer<typeof Milestone>;

export const CoordinationOfficeFields = z.strictObject({
  illustrative: Illustrative,
  name: Name,
  mission: LongText.optional(),
  email: z.email().optional(),
  website: z.httpUrl().optional(),
  placements: z.array(Placement).default([]),
  staffing: z.array(StaffingPeriod).default([]),
  milestones: z.array(Milestone).default([]),
});

/** What a client sends to create the coordination office. */
export const CoordinationOfficeCreate = CoordinationOfficeFields.meta({ id: "CoordinationOfficeCreate" });
export type CoordinationOfficeCreate = z.input<typeof CoordinationOfficeCreate>;
/** A partial update of the coordination office. */
export const CoordinationOfficePatch = patchOf(CoordinationOfficeFields, "CoordinationOfficePatch");
export type CoordinationOfficePatch = z.infer<typeof CoordinationOfficePatch>;
/**
 * The coordination office (Koordinierungsstelle Bildung-Beruf): its placement in the
 * organisation chart over time, its staffing periods and the milestones of its history.
 */
export const CoordinationOffice = CoordinationOfficeFields.extend({
  id: CoordinationOfficeId,
  ...recordMeta,
}).meta({
  id: "CoordinationOffice",
});
export type CoordinationOffice = z.infer<typeof CoordinationOffice>;

/** The staffing period in force on a date (ISO), if any. */
export function staffingOn(
  office: Pick<CoordinationOffice, "staffing">,
  date: string,
): StaffingPeriod | undefined {
  return office.staffing.find((s) => s.from <= date && (!s.to || s.to >= date));
}

/** German and English labels of the fields of a coordination office. */
export const coordinationOfficeFieldLabels = {
  name: text("Name der Koordinierungsstelle", "Name of the coordination office"),
  mission: text("Auftrag", "Mission"),
  placements: text("Organisatorische Verortung", "Place in the organisation"),
  staffing: text("Personalausstattung", "Staffing"),
  milestones: text("Meilensteine", "Milestones"),
  staff: text("Personal heute", "Staff today"),
} as const satisfies FieldLabels;

/** One step of the office's staff over time: posts and full-time equivalents in a period. */
export const StaffStep = z
  .strictObject({
    from: IsoDate,
    to: IsoDate.optional(),
    posts: z.int().min(0),
    fte: z.number().min(0).optional(),
    funding: StaffFunding,
  })
  .meta({ id: "StaffStep" });
export type StaffStep = z.infer<typeof StaffStep>;

/** Figures derived from the office's record, served with it. */
export const OfficeFigures = z
  .strictObject({
    postsToday: z
      .int()
      .min(0)
      .nullable()
      .meta({ description: "Posts on the reference date; null if unknown." }),
    fteToday: z.number().min(0).nullable(),
    fundingToday: StaffFunding.nullable(),
    unitToday: z
      .string()
      .nullable()
      .meta({ description: "The unit the office is placed in on the reference date." }),
    since: IsoDate.nullable().meta({
      description: "The start of the earliest staffing period or placement.",
    }),
    staffOverTime: z.array(StaffStep).meta({ description: "The staffing periods in date order." }),
  })
  .meta({ id: "OfficeFigures" });
export type OfficeFigures = z.infer<typeof OfficeFigures>;

/**
 * The office's staff today and over time, from its staffing periods and placements.
 *
 * @example
 * officeFigures(office, "2026-01-01").postsToday; // 2
 */
export function officeFigures(
  office: Pick<CoordinationOffice, "staffing" | "placements">,
  asOf: string,
): OfficeFigures {
  const staffOverTime = [...office.staffing]
    .sort((a, b) => a.from.localeCompare(b.from))
    .map(({ from, to, posts, fte, funding }) => ({
      from,
      ...(to ? { to } : {}),
      posts,
      ...(fte !== undefined ? { fte } : {}),
      funding,
    }));
  const today = staffingOn(office, asOf);
  const placement = office.placements.find((p) => p.from <= asOf && (!p.to || p.to >= asOf));
  const starts = [...office.staffing.map((s) => s.from), ...office.placements.map((p) => p.from)].sort();
  return {
    postsToday: today?.posts ?? null,
    fteToday: today?.fte ?? null,
    fundingToday: today?.funding ?? null,
    unitToday: placement?.unitName ?? null,
    since: starts[0] ?? null,
    staffOverTime,
  };
}
