import { z } from "zod";
import type { FieldLabels } from "../common/field-labels.js";
import { text } from "../common/i18n.js";
import { idSchema } from "../common/ids.js";
import { labelledEnum } from "../common/labels.js";
import { checkOrder, Illustrative, IsoDate, LongText, Name, patchOf, recordMeta } from "../common/record.js";

/** Id of a {@link FundingProgramme}. */
export const FundingProgrammeId = idSchema("fun", "FundingProgrammeId");
export type FundingProgrammeId = z.infer<typeof FundingProgrammeId>;

export const funderLevelLabels = {
  eu: text("Europäische Union (z. B. ESF Plus)", "European Union (e.g. ESF Plus)"),
  federal: text("Bund", "Federal government"),
  state: text("Land", "Federal state"),
  district: text("Landkreis / Kommune", "District / municipality"),
  employment_agency: text("Bundesagentur für Arbeit", "Federal Employment Agency"),
  foundation: text("Stiftung", "Foundation"),
  other: text("Sonstige", "Other"),
} as const;
/** Which level of government or which kind of body funds a programme. */
export const FunderLevel = labelledEnum("FunderLevel", funderLevelLabels);
export type FunderLevel = z.infer<typeof FunderLevel>;

export const FundingProgrammeFields = z.strictObject({
  illustrative: Illustrative,
  name: Name,
  funder: Name,
  funderLevel: FunderLevel,
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  rules: z.array(z.string().trim().min(1).max(2000)).default([]),
  url: z.httpUrl().optional(),
  note: LongText.optional(),
});

const checkProgramme = (p: { from?: unknown; to?: unknown }, ctx: z.core.$RefinementCtx<unknown>) =>
  checkOrder(ctx, p.from, p.to, ["to"]);

/** What a client sends to create a funding programme. */
export const FundingProgrammeCreate = FundingProgrammeFields.superRefine(checkProgramme).meta({
  id: "FundingProgrammeCreate",
});
export type FundingProgrammeCreate = z.input<typeof FundingProgrammeCreate>;
/** A partial update of a funding programme. */
export const FundingProgrammePatch = patchOf(FundingProgrammeFields, "FundingProgrammePatch");
export type FundingProgrammePatch = z.infer<typeof FundingProgrammePatch>;
/**
 * A funding programme (Förderprogramm): who funds, for how long, under which rules. Staffing
 * and measures refer to it; its rules can help or hinder the network.
 */
export const FundingProgramme = FundingProgrammeFields.extend({ id: FundingProgrammeId, ...recordMeta })
  .superRefine(checkProgramme)
  .meta({ id: "FundingProgramme" });
export type FundingProgramme = z.infer<typeof FundingProgramme>;

/** German and English labels of the fields of a funding programme. */
export const fundingProgrammeFieldLabels = {
  name: text("Name des Förderprogramms", "Name of the programme"),
  funder: text("Fördermittelgeber", "Funder"),
  funderLevel: text("Ebene des Fördermittelgebers", "Level of the funder"),
  rules: text("Förderbedingungen", "Funding rules"),
} as const satisfies FieldLabels;
