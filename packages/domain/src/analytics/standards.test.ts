import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  createRecord,
  type EntityName,
  type EntityRecord,
  emptyNetwork,
  entities,
  type Network,
} from "../model/entities.js";
import { addCalendarMonths } from "./realisation.js";
import { adoptionMatrix, assessStandards, findUnownedInterfaces, reviewSchedule } from "./standards.js";

const stamp = "2024-01-01T00:00:00.000Z";
const id = (name: EntityName | "interface", n: number) =>
  `${name === "interface" ? "ifc" : entities[name].idPrefix}_${String(n).padStart(12, "0")}`;
function make<N extends EntityName>(name: N, n: number, input: Record<string, unknown>): EntityRecord<N> {
  const result = createRecord(name, input, stamp, { id: id(name, n) });
  if (!result.ok) throw new Error(`${name} ${n}: ${JSON.stringify(result.error.details)}`);
  return result.value;
}
const network = (parts: Partial<Network>): Network => ({ ...emptyNetwork(), ...parts });

const school = make("actor", 1, { name: "BBS Osterode", kind: "vocational_school" });
const jobCentre = make("actor", 2, { name: "Jobcenter", kind: "job_centre" });
const agency = make("actor", 3, { name: "Agentur für Arbeit", kind: "employment_agency" });
const review = (date: string, extra: Record<string, unknown> = {}) => ({
  date,
  result: "partly_effective",
  findings: "Übergaben kommen meist an.",
  ...extra,
});
const standard = (n: number, extra: Record<string, unknown>) =>
  make("standard", n, { code: `MS-${n}`, title: `Standard ${n}`, kind: "minimum", ...extra });
const ifc = (n: number, from: object, to: object, extra: Record<string, unknown> = {}) => ({
  id: id("interface", n),
  from,
  to,
  handover: "Kompetenzprofil",
  trigger: "Schulabgang",
  ...extra,
});

const s1 = standard(1, {
  status: "in_force",
  adoptedOn: "2022-01-15",
  reviews: [review("2023-01-10", { nextReviewDue: "2024-01-10" })],
  adoptions: [
    { actorId: school.id, status: "implemented" },
    { actorId: jobCentre.id, status: "implementing" },
    { actorId: id("actor", 9), status: "adopted" },
  ],
  interfaces: [
    ifc(
      1,
      { actorKind: "vocational_school" },
      { actorKind: "job_centre" },
      { responsibleActorId: jobCentre.id },
    ),
    ifc(2, { actorKind: "general_school" }, { actorId: agency.id }),
    ifc(3, { actorKind: "job_centre" }, { actorKind: "youth_welfare_office" }),
    ifc(4, { actorId: school.id }, { actorId: jobCentre.id }),
  ],
  responsibilities: [
    { task: "Beratung anbieten", role: "responsible", actorKind: "employment_agency" },
    { task: "Informieren", role: "informed", actorKind: "youth_welfare_office" },
    { task: "Rückmeldung", role: "consulted", actorId: jobCentre.id },
  ],
});
const s2 = standard(2, {
  status: "in_force",
  adoptedOn: "2024-03-01",
  adoptions: [{ actorId: school.id, status: "declined" }],
});
const s3 = standard(3, { status: "adopted" });
const s4 = standard(4, { status: "draft" });
const s5 = standard(5, {
  status: "under_review",
  reviewIntervalMonths: 12,
  reviews: [review("2024-05-31"), review("2025-09-01", { nextReviewDue: "2027-09-01" })],
});
const s6 = standard(6, {
  status: "retired",
  interfaces: [ifc(6, { actorKind: "job_centre" }, { actorKind: "town" })],
});
const data = network({ actor: [school, jobCentre, agency], standard: [s1, s2, s3, s4, s5, s6] });
const asOf = "2025-06-30";

describe("adoptionMatrix", () => {
  it("has a row per actor and a column per standard that is not retired", () => {
    const m = adoptionMatrix(data);
    expect(m.standardIds).toEqual([s1.id, s2.id, s3.id, s4.id, s5.id]);
    expect(m.rows).toEqual([
      { actorId: school.id, cells: ["implemented", "declined", null, null, null] },
      { actorId: jobCentre.id, cells: ["implementing", null, null, null, null] },
      { actorId: agency.id, cells: [null, null, null, null, null] },
    ]);
    expect(m.standards[0]?.counts).toEqual({
      not_started: 0,
      adopted: 0,
      implementing: 1,
      implemented: 1,
      declined: 0,
      none: 1,
    });
    expect(m.standards[0]?.implementation).toEqual({ numerator: 1, denominator: 2, value: 0.5 });
    expect(m.standards[2]?.implementation.value).toBeNull();
    expect(m.unknownActors).toEqual([{ standardId: s1.id, actorId: id("actor", 9) }]);
  });
});

describe("findUnownedInterfaces", () => {
  it("lists interfaces with neither a responsible actor nor a responsibility for the receiver", () => {
    const found = findUnownedInterfaces(data);
    // 1 has a responsible actor; 2 is covered by the agency's kind; 3 and 4 have only
    // "informed" and "consulted"; 6 belongs to a retired standard.
    expect(found.map((f) => f.interfaceId)).toEqual([id("interface", 3), id("interface", 4)]);
    expect(found[0]).toMatchObject({ standardId: s1.id, to: { actorKind: "youth_welfare_office" } });
  });
});

describe("reviewSchedule", () => {
  it("takes the next date the last review set", () => {
    expect(reviewSchedule(s1, asOf)).toEqual({
      standardId: s1.id,
      code: "MS-1",
      lastReviewOn: "2023-01-10",
      lastResult: "partly_effective",
      dueOn: "2024-01-10",
      basis: "next_review_due",
      overdue: true,
      daysOverdue: 537,
    });
  });

  it("adds the interval to the last review up to asOf, ignoring later ones", () => {
    expect(reviewSchedule(s5, asOf)).toMatchObject({
      lastReviewOn: "2024-05-31",
      dueOn: "2025-05-31",
      basis: "last_review_interval",
      overdue: true,
      daysOverdue: 30,
    });
  });

  it("counts from the adoption when never reviewed", () => {
    expect(reviewSchedule(s2, asOf)).toMatchObject({
      dueOn: "2026-03-01",
      basis: "adopted_interval",
      overdue: false,
      daysOverdue: null,
    });
  });

  it("treats a standard never reviewed and without a date as overdue", () => {
    expect(reviewSchedule(s3, asOf)).toMatchObject({ dueOn: null, basis: "no_date", overdue: true });
  });
});

describe("assessStandards", () => {
  it("brings the three views together for the standards in force", () => {
    const a = assessStandards(data, { asOf });
    expect(a.reviews.map((r) => r.standardId)).toEqual([s1.id, s2.id, s3.id, s5.id]);
    expect(a.overdueReviews).toEqual([s1.id, s3.id, s5.id]);
    expect(a.unownedInterfaces).toHaveLength(2);
  });

  it("handles an empty network and a single actor", () => {
    const empty = assessStandards(emptyNetwork(), { asOf });
    expect(empty).toEqual({
      asOf,
      adoption: { standardIds: [], rows: [], standards: [], unknownActors: [] },
      unownedInterfaces: [],
      reviews: [],
      overdueReviews: [],
    });
    const one = assessStandards(network({ actor: [school] }), { asOf });
    expect(one.adoption.rows).toEqual([{ actorId: school.id, cells: [] }]);
  });

  it("is overdue exactly when the due date has passed", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3000 }),
        fc.integer({ min: 1, max: 120 }),
        fc.integer({ min: 0, max: 4000 }),
        (adopted, interval, asOfDay) => {
          const date = (d: number) => new Date(Date.UTC(2015, 0, 1 + d)).toISOString().slice(0, 10);
          const s = standard(7, {
            status: "in_force",
            adoptedOn: date(adopted),
            reviewIntervalMonths: interval,
          });
          const r = reviewSchedule(s, date(asOfDay));
          expect(r.dueOn).toBe(addCalendarMonths(date(adopted), interval));
          expect(r.overdue).toBe((r.dueOn as string) < date(asOfDay));
          if (r.overdue) expect(r.daysOverdue).toBeGreaterThan(0);
        },
      ),
    );
  });
});
