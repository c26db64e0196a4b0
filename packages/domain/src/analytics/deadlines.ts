import { z } from "zod";
import { IsoDate } from "../common/record.js";
import { AgreementId, AgreementStatus, agreementStatusOn } from "../model/agreement.js";
import { FundingProgrammeId } from "../model/funding.js";
import { MeasureId } from "../model/measure.js";
import { staffingOn } from "../model/office.js";
import type { AnalysisInput } from "./reads.js";
import { daysBetween } from "./realisation.js";
import { Count } from "./wire.js";

/** Options of {@link findEndingSoon}. */
export interface EndingSoonOptions {
  /** The reference date (ISO `YYYY-MM-DD`). */
  readonly asOf: string;
  /** How many days ahead to look (default 180). */
  readonly withinDays?: number;
}

/** An agreement in force (or signed) whose validity ends within the horizon. */
export const AgreementEnding = z
  .strictObject({
    agreementId: AgreementId,
    title: z.string(),
    /** The status on the reference date. */
    status: AgreementStatus,
    validTo: IsoDate,
    daysLeft: Count,
  })
  .meta({ id: "AgreementEnding" });
/** An agreement whose validity ends within the horizon. */
export type AgreementEnding = z.infer<typeof AgreementEnding>;

/** A funding programme that ends within the horizon, with what depends on it. */
export const FundingProgrammeEnding = z
  .strictObject({
    fundingProgrammeId: FundingProgrammeId,
    name: z.string(),
    to: IsoDate,
    daysLeft: Count,
    measureIds: z.array(MeasureId).meta({
      description: "Current or planned measures (not cancelled, not ended) funded by the programme.",
    }),
    fundsOffice: z.boolean().meta({ description: "The office's staffing on the reference date names it." }),
  })
  .meta({ id: "FundingProgrammeEnding" });
/** A funding programme that ends within the horizon. */
export type FundingProgrammeEnding = z.infer<typeof FundingProgrammeEnding>;

/** Agreements and funding programmes that end soon (the result of {@link findEndingSoon}). */
export const EndingSoon = z
  .strictObject({
    asOf: IsoDate,
    horizon: IsoDate.meta({ description: "The last day looked at: asOf + withinDays." }),
    withinDays: Count,
    agreements: z.array(AgreementEnding),
    fundingProgrammes: z.array(FundingProgrammeEnding),
  })
  .meta({
    id: "EndingSoon",
    description:
      "Agreements (signed or in force) and funding programmes whose end lies between asOf and the horizon, soonest first.",
  });
/** Agreements and funding programmes that end soon. */
export type EndingSoon = z.infer<typeof EndingSoon>;

const addDays = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * Finds the agreements and funding programmes that end within the next `withinDays` days (default
 * 180): agreements whose status on `asOf` is signed or in force and whose validity ends in the
 * horizon, and programmes whose end lies in it, each with the measures it funds and whether the
 * office's current posts depend on it. Soonest first.
 *
 * @example
 * findEndingSoon(network, { asOf: "2025-06-30" }).fundingProgrammes[0]?.daysLeft; // 92
 */
export function findEndingSoon(
  network: AnalysisInput<"findEndingSoon">,
  options: EndingSoonOptions,
): EndingSoon {
  const asOf = options.asOf.slice(0, 10);
  const withinDays = options.withinDays ?? 180;
  const horizon = addDays(asOf, withinDays);
  const inHorizon = (date: string | undefined): date is string =>
    date !== undefined && date >= asOf && date <= horizon;
  const agreements: AgreementEnding[] = [];
  for (const a of network.agreement) {
    if (a.deleted || !inHorizon(a.validTo)) continue;
    const status = agreementStatusOn(a, asOf);
    if (status !== "signed" && status !== "in_force") continue;
    agreements.push({
      agreementId: a.id,
      title: a.title,
      status,
      validTo: a.validTo,
      daysLeft: daysBetween(asOf, a.validTo),
    });
  }
  const officeProgrammes = new Set(
    network.coordinationOffice
      .filter((o) => !o.deleted)
      .flatMap((o) => staffingOn(o, asOf)?.fundingProgrammeIds ?? []),
  );
  const fundingProgrammes: FundingProgrammeEnding[] = [];
  for (const p of network.fundingProgramme) {
    if (p.deleted || !inHorizon(p.to)) continue;
    const measureIds = network.measure
      .filter(
        (m) =>
          !m.deleted &&
          m.status !== "cancelled" &&
          (!m.to || m.to >= asOf) &&
          m.funding.some((f) => f.programmeId === p.id),
      )
      .map((m) => m.id);
    fundingProgrammes.push({
      fundingProgrammeId: p.id,
      name: p.name,
      to: p.to,
      daysLeft: daysBetween(asOf, p.to),
      measureIds,
      fundsOffice: officeProgrammes.has(p.id),
    });
  }
  const soonest = <T extends { daysLeft: number }>(a: T, b: T) => a.daysLeft - b.daysLeft;
  return {
    asOf,
    horizon,
    withinDays,
    agreements: agreements.sort(soonest),
    fundingProgrammes: fundingProgrammes.sort(soonest),
  };
}
