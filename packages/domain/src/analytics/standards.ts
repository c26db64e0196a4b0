import { z } from "zod";
import { text } from "../common/i18n.js";
import { labelledEnum } from "../common/labels.js";
import { IsoDate } from "../common/record.js";
import { ActorId, type ActorKind } from "../model/actor.js";
import {
  AdoptionStatus,
  Effectiveness,
  InterfaceId,
  Party,
  type Standard,
  StandardId,
  StandardStatus,
} from "../model/standard.js";
import type { AnalysisInput } from "./reads.js";
import { addCalendarMonths, daysBetween, Rate, rateOf } from "./realisation.js";
import { Count, countsOf, orNull } from "./wire.js";

/** Options of {@link assessStandards}. */
export interface StandardsOptions {
  /** The reference date (ISO `YYYY-MM-DD`). */
  readonly asOf: string;
}

/** How many actors have each adoption status for one standard; actors without an entry are `none`. */
export const AdoptionCounts = countsOf([...AdoptionStatus.options, "none"]).meta({ id: "AdoptionCounts" });
/** How many actors have each adoption status for one standard. */
export type AdoptionCounts = z.infer<typeof AdoptionCounts>;

/** One standard's column of the adoption matrix, with its counts. */
export const StandardAdoption = z
  .strictObject({
    standardId: StandardId,
    code: z.string(),
    status: StandardStatus,
    counts: AdoptionCounts,
    /** Actors with implemented status among the actors with an adoption entry. */
    implementation: Rate,
  })
  .meta({
    id: "StandardAdoption",
    description:
      "One standard's column of the adoption matrix. implementation = actors with status implemented / actors with an adoption entry.",
  });
/** One standard's column of the adoption matrix, with its counts. */
export type StandardAdoption = z.infer<typeof StandardAdoption>;

/** One actor's row of the adoption matrix. */
export const AdoptionRow = z
  .strictObject({
    actorId: ActorId,
    cells: z.array(orNull(AdoptionStatus)).meta({
      description: "The adoption status for each standard in `standardIds` order; null = no entry.",
    }),
  })
  .meta({ id: "AdoptionRow" });
/** One actor's row of the adoption matrix. */
export type AdoptionRow = z.infer<typeof AdoptionRow>;

/** An adoption entry of a standard that names an actor the network does not know. */
export const UnknownAdoptionActor = z
  .strictObject({ standardId: StandardId, actorId: ActorId })
  .meta({ id: "UnknownAdoptionActor" });
/** An adoption entry that names an unknown actor. */
export type UnknownAdoptionActor = z.infer<typeof UnknownAdoptionActor>;

/** The adoption matrix: one row per actor, one cell per standard. */
export const AdoptionMatrix = z
  .strictObject({
    standardIds: z.array(StandardId),
    rows: z.array(AdoptionRow),
    standards: z.array(StandardAdoption),
    unknownActors: z
      .array(UnknownAdoptionActor)
      .meta({ description: "Adoption entries that name an actor the network does not know." }),
  })
  .meta({ id: "AdoptionMatrix" });
/** The adoption matrix: one row per actor, one cell per standard. */
export type AdoptionMatrix = z.infer<typeof AdoptionMatrix>;

/** An interface nobody is responsible for on the receiving side. */
export const UnownedInterface = z
  .strictObject({
    standardId: StandardId,
    interfaceId: InterfaceId,
    from: Party,
    to: Party,
    handover: z.string(),
  })
  .meta({ id: "UnownedInterface" });
/** An interface nobody is responsible for on the receiving side. */
export type UnownedInterface = z.infer<typeof UnownedInterface>;

/** German and English labels of {@link ReviewDueBasis}. */
export const reviewDueBasisLabels = {
  next_review_due: text("Von der letzten Prüfung festgelegt", "Set by the last review"),
  last_review_interval: text("Letzte Prüfung plus Prüfintervall", "Last review plus interval"),
  adopted_interval: text("Beschluss plus Prüfintervall", "Adoption plus interval"),
  no_date: text("Kein Datum bekannt", "No date known"),
} as const;
/** How the due date of a standard's next effectiveness review was found. */
export const ReviewDueBasis = labelledEnum("ReviewDueBasis", reviewDueBasisLabels);
/** One of {@link ReviewDueBasis}. */
export type ReviewDueBasis = z.infer<typeof ReviewDueBasis>;

/** The review schedule of one standard in force. */
export const ReviewSchedule = z
  .strictObject({
    standardId: StandardId,
    code: z.string(),
    lastReviewOn: orNull(IsoDate),
    lastResult: orNull(Effectiveness),
    dueOn: orNull(IsoDate).meta({
      description: "When the next review is due; null when neither a review nor an adoption date is known.",
    }),
    basis: ReviewDueBasis,
    overdue: z
      .boolean()
      .meta({ description: "Due date before `asOf`, or never reviewed without any date to count from." }),
    daysOverdue: Count.nullable(),
  })
  .meta({ id: "ReviewSchedule" });
/** The review schedule of one standard in force. */
export type ReviewSchedule = z.infer<typeof ReviewSchedule>;

/** Adoption, unowned interfaces and effectiveness reviews of a network's standards (the result of {@link assessStandards}). */
export const StandardsAssessment = z
  .strictObject({
    asOf: IsoDate,
    adoption: AdoptionMatrix,
    unownedInterfaces: z.array(UnownedInterface),
    reviews: z.array(ReviewSchedule).meta({
      description: "Every standard in force (adopted, in force, under review) with its review schedule.",
    }),
    overdueReviews: z
      .array(StandardId)
      .meta({ description: "The ids of the standards whose review is overdue." }),
  })
  .meta({
    id: "StandardsAssessment",
    description:
      "The adoption matrix actor × standard, the interfaces nobody is responsible for on the receiving side, and the review schedule of every standard in force.",
  });
/** Adoption, unowned interfaces and effectiveness reviews of a network's standards. */
export type StandardsAssessment = z.infer<typeof StandardsAssessment>;

/** The statuses in which a standard applies and its effectiveness must be reviewed. */
export const standardStatusesInForce: readonly StandardStatus[] = ["adopted", "in_force", "under_review"];

/**
 * Builds the adoption matrix actor × standard from each standard's `adoptions`; every live actor
 * gets a row (an empty cell shows a gap), every live standard that is not retired a column.
 */
export function adoptionMatrix(network: AnalysisInput<"assessStandards">): AdoptionMatrix {
  const standards = network.standard.filter((s) => !s.deleted && s.status !== "retired");
  const actors = network.actor.filter((a) => !a.deleted);
  const known = new Set(actors.map((a) => a.id));
  const unknownActors: { standardId: StandardId; actorId: ActorId }[] = [];
  const columns = standards.map((s) => {
    const byActor = new Map<ActorId, AdoptionStatus>();
    for (const a of s.adoptions) {
      if (known.has(a.actorId)) byActor.set(a.actorId, a.status);
      else unknownActors.push({ standardId: s.id, actorId: a.actorId });
    }
    return byActor;
  });
  const standardsSummary = standards.map((s, i): StandardAdoption => {
    const byActor = columns[i] ?? new Map<ActorId, AdoptionStatus>();
    const counts: Record<AdoptionStatus | "none", number> = {
      not_started: 0,
      adopted: 0,
      implementing: 0,
      implemented: 0,
      declined: 0,
      none: actors.length - byActor.size,
    };
    for (const status of byActor.values()) counts[status] += 1;
    return {
      standardId: s.id,
      code: s.code,
      status: s.status,
      counts,
      implementation: rateOf(counts.implemented, byActor.size),
    };
  });
  return {
    standardIds: standards.map((s) => s.id),
    rows: actors.map((a) => ({ actorId: a.id, cells: columns.map((c) => c.get(a.id) ?? null) })),
    standards: standardsSummary,
    unknownActors,
  };
}

/**
 * Lists the interfaces with no responsible actor: no `responsibleActorId`, and no responsibility
 * of the standard with role `responsible` or `accountable` for the receiving side (same actor, or
 * the receiving actor kind, or the kind of the receiving actor). Retired standards are skipped.
 */
export function findUnownedInterfaces(network: AnalysisInput<"assessStandards">): UnownedInterface[] {
  const kindOf = new Map<ActorId, ActorKind>(
    network.actor.filter((a) => !a.deleted).map((a) => [a.id, a.kind]),
  );
  const out: UnownedInterface[] = [];
  for (const s of network.standard) {
    if (s.deleted || s.status === "retired") continue;
    const owners = s.responsibilities.filter((r) => r.role === "responsible" || r.role === "accountable");
    for (const ifc of s.interfaces) {
      if (ifc.responsibleActorId) continue;
      const toKind = ifc.to.actorKind ?? (ifc.to.actorId ? kindOf.get(ifc.to.actorId) : undefined);
      const covered = owners.some(
        (r) =>
          (r.actorId !== undefined && r.actorId === ifc.to.actorId) ||
          (r.actorKind !== undefined && r.actorKind === toKind),
      );
      if (!covered)
        out.push({
          standardId: s.id,
          interfaceId: ifc.id,
          from: ifc.from,
          to: ifc.to,
          handover: ifc.handover,
        });
    }
  }
  return out;
}

/**
 * When a standard's next effectiveness review is due: the latest review's `nextReviewDue`, else
 * that review's date plus `reviewIntervalMonths`, else `adoptedOn` plus the interval. A standard
 * never reviewed and without an adoption date counts as overdue (nothing shows it was ever checked).
 *
 * @example
 * reviewSchedule(standard, "2025-06-30"); // { dueOn: "2024-03-01", overdue: true, daysOverdue: 486, … }
 */
export function reviewSchedule(
  standard: Pick<Standard, "id" | "code" | "reviews" | "adoptedOn" | "reviewIntervalMonths">,
  asOf: string,
): ReviewSchedule {
  let last: Standard["reviews"][number] | undefined;
  for (const r of standard.reviews) if (r.date <= asOf && (!last || r.date > last.date)) last = r;
  let dueOn: string | null = null;
  let basis: ReviewDueBasis = "no_date";
  if (last?.nextReviewDue) {
    dueOn = last.nextReviewDue;
    basis = "next_review_due";
  } else if (last) {
    dueOn = addCalendarMonths(last.date, standard.reviewIntervalMonths);
    basis = "last_review_interval";
  } else if (standard.adoptedOn) {
    dueOn = addCalendarMonths(standard.adoptedOn, standard.reviewIntervalMonths);
    basis = "adopted_interval";
  }
  const overdue = dueOn === null ? true : dueOn < asOf;
  return {
    standardId: standard.id,
    code: standard.code,
    lastReviewOn: last?.date ?? null,
    lastResult: last?.result ?? null,
    dueOn,
    basis,
    overdue,
    daysOverdue: dueOn !== null && overdue ? daysBetween(dueOn, asOf) : null,
  };
}

/**
 * Assesses a network's standards: the adoption matrix actor × standard, the interfaces nobody is
 * responsible for, and the standards in force whose effectiveness review is overdue.
 *
 * @example
 * const { overdueReviews, unownedInterfaces } = assessStandards(network, { asOf: "2025-06-30" });
 */
export function assessStandards(
  network: AnalysisInput<"assessStandards">,
  options: StandardsOptions,
): StandardsAssessment {
  const reviews = network.standard
    .filter((s) => !s.deleted && standardStatusesInForce.includes(s.status))
    .map((s) => reviewSchedule(s, options.asOf));
  return {
    asOf: options.asOf,
    adoption: adoptionMatrix(network),
    unownedInterfaces: findUnownedInterfaces(network),
    reviews,
    overdueReviews: reviews.filter((r) => r.overdue).map((r) => r.standardId),
  };
}
