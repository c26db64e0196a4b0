import type { ActorId, ActorKind } from "../model/actor.js";
import type { Network } from "../model/entities.js";
import type {
  AdoptionStatus,
  Effectiveness,
  InterfaceId,
  Party,
  Standard,
  StandardId,
  StandardStatus,
} from "../model/standard.js";
import { addCalendarMonths, daysBetween, type Rate, rateOf } from "./realisation.js";

/** Options of {@link assessStandards}. */
export interface StandardsOptions {
  /** The reference date (ISO `YYYY-MM-DD`). */
  readonly asOf: string;
}

/** One standard's column of the adoption matrix, with its counts. */
export interface StandardAdoption {
  readonly standardId: StandardId;
  readonly code: string;
  readonly status: StandardStatus;
  /** How many actors have each adoption status; actors without an entry are `none`. */
  readonly counts: Readonly<Record<AdoptionStatus | "none", number>>;
  /** Actors with implemented status among the actors with an adoption entry. */
  readonly implementation: Rate;
}

/** The adoption matrix: one row per actor, one cell per standard. */
export interface AdoptionMatrix {
  readonly standardIds: readonly StandardId[];
  readonly rows: readonly {
    readonly actorId: ActorId;
    /** The adoption status for each standard in {@link AdoptionMatrix.standardIds} order; null = no entry. */
    readonly cells: readonly (AdoptionStatus | null)[];
  }[];
  readonly standards: readonly StandardAdoption[];
  /** Adoption entries that name an actor the network does not know. */
  readonly unknownActors: readonly { readonly standardId: StandardId; readonly actorId: ActorId }[];
}

/** An interface nobody is responsible for on the receiving side. */
export interface UnownedInterface {
  readonly standardId: StandardId;
  readonly interfaceId: InterfaceId;
  readonly from: Party;
  readonly to: Party;
  readonly handover: string;
}

/** How the due date of a standard's next effectiveness review was found. */
export type ReviewDueBasis = "next_review_due" | "last_review_interval" | "adopted_interval" | "no_date";

/** The review schedule of one standard in force. */
export interface ReviewSchedule {
  readonly standardId: StandardId;
  readonly code: string;
  readonly lastReviewOn: string | null;
  readonly lastResult: Effectiveness | null;
  /** When the next review is due; null when neither a review nor an adoption date is known. */
  readonly dueOn: string | null;
  readonly basis: ReviewDueBasis;
  /** Due date before `asOf`, or never reviewed without any date to count from. */
  readonly overdue: boolean;
  readonly daysOverdue: number | null;
}

/** Adoption, unowned interfaces and effectiveness reviews of a network's standards. */
export interface StandardsAssessment {
  readonly asOf: string;
  readonly adoption: AdoptionMatrix;
  readonly unownedInterfaces: readonly UnownedInterface[];
  /** Every standard in force (adopted, in force, under review) with its review schedule. */
  readonly reviews: readonly ReviewSchedule[];
  /** The ids of the standards whose review is overdue. */
  readonly overdueReviews: readonly StandardId[];
}

/** The statuses in which a standard applies and its effectiveness must be reviewed. */
export const standardStatusesInForce: readonly StandardStatus[] = ["adopted", "in_force", "under_review"];

/**
 * Builds the adoption matrix actor × standard from each standard's `adoptions`; every live actor
 * gets a row (an empty cell shows a gap), every live standard that is not retired a column.
 */
export function adoptionMatrix(network: Pick<Network, "actor" | "standard">): AdoptionMatrix {
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
export function findUnownedInterfaces(network: Pick<Network, "actor" | "standard">): UnownedInterface[] {
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
  network: Pick<Network, "actor" | "standard">,
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
