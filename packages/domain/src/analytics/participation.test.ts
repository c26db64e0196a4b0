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
import { assessParticipation } from "./participation.js";

const stamp = "2024-01-01T00:00:00.000Z";
const id = (name: EntityName, n: number) => `${entities[name].idPrefix}_${String(n).padStart(12, "0")}`;
function make<N extends EntityName>(name: N, n: number, input: Record<string, unknown>): EntityRecord<N> {
  const result = createRecord(name, input, stamp, { id: id(name, n) });
  if (!result.ok) throw new Error(`${name} ${n}: ${JSON.stringify(result.error.details)}`);
  return result.value;
}
const network = (parts: Partial<Network>): Network => ({ ...emptyNetwork(), ...parts });

const actor = (n: number, kind: string) => make("actor", n, { name: `Akteur ${n}`, kind });
const [a1, a2, a3, a4, a5] = [
  actor(1, "job_centre"),
  actor(2, "chamber"),
  actor(3, "vocational_school"),
  actor(4, "union"),
  actor(5, "town"),
];
const contact = (n: number) => make("contact", n, { givenName: "Vorname", familyName: `Person ${n}` });
const affiliation = (n: number, contactN: number, actorN: number, primary = true) =>
  make("affiliation", n, {
    contactId: id("contact", contactN),
    actorId: id("actor", actorN),
    role: "Leitung",
    level: "leadership",
    from: "2015-01-01",
    primary,
  });
const body = (n: number, extra: Record<string, unknown>) =>
  make("body", n, { name: `Gremium ${n}`, kind: "working_group", decisionAuthority: "works", ...extra });
const b1 = body(1, {
  kind: "steering_group",
  decisionAuthority: "decides",
  targetMeetingsPerYear: 2,
  from: "2020-01-01",
});
const b2 = body(2, { targetMeetingsPerYear: 6, from: "2024-01-01" });
const b3 = body(3, { targetMeetingsPerYear: 2, from: "2020-01-01", to: "2024-12-31" });
const b4 = body(4, { targetMeetingsPerYear: 4, from: "2025-09-01" });
const seat = (n: number, actorN: number) => make("seat", n, { bodyId: b1.id, actorId: id("actor", actorN) });
const membership = (n: number, contactN: number, extra: Record<string, unknown>) =>
  make("membership", n, {
    bodyId: b1.id,
    contactId: id("contact", contactN),
    role: "member",
    from: "2020-01-01",
    ...extra,
  });
const meeting = (n: number, start: string, status: string, attendance: object[] = []) =>
  make("meeting", n, {
    bodyId: b1.id,
    title: `Sitzung ${n}`,
    start: `${start}T14:00:00+02:00`,
    status,
    attendance,
  });
const att = (contactN: number, status: string, extra: Record<string, unknown> = {}) => ({
  contactId: id("contact", contactN),
  status,
  ...extra,
});

const round = make("reconciliationRound", 1, {
  title: "Abgleich 2024",
  opensOn: "2024-10-01",
  closesOn: "2024-11-30",
});
const data = network({
  actor: [a1, a2, a3, a4, a5],
  contact: [1, 2, 3, 4, 5].map(contact),
  affiliation: [
    affiliation(1, 1, 1),
    affiliation(2, 2, 2),
    affiliation(3, 3, 3),
    affiliation(4, 4, 1, false),
    affiliation(5, 5, 5),
  ],
  body: [b1, b2, b3, b4],
  seat: [seat(1, 1), seat(2, 2), seat(3, 3)],
  membership: [
    membership(1, 1, { actorId: a1.id, seatId: id("seat", 1) }),
    membership(2, 2, { actorId: a2.id, seatId: id("seat", 2) }),
    membership(3, 3, { seatId: id("seat", 3) }),
    membership(4, 4, { actorId: a1.id, role: "deputy" }),
    membership(5, 5, { actorId: a5.id, from: "2015-01-01", to: "2019-12-31" }),
  ],
  meeting: [
    meeting(1, "2024-09-10", "held", [att(1, "present"), att(2, "excused")]),
    meeting(2, "2025-03-05", "minutes_approved", [
      att(1, "represented", { representedByContactId: id("contact", 4) }),
      att(2, "absent"),
      att(3, "present"),
    ]),
    meeting(3, "2025-05-01", "held"),
    meeting(4, "2025-06-01", "cancelled"),
    meeting(5, "2024-03-01", "held", [att(2, "present")]),
    meeting(6, "2025-08-01", "planned"),
  ],
  reconciliationRound: [round],
  reconciliationResponse: [
    make("reconciliationResponse", 1, {
      roundId: round.id,
      actorId: a2.id,
      submittedAt: "2024-11-15T09:00:00Z",
    }),
  ],
});
const asOf = "2025-06-30";

describe("assessParticipation", () => {
  const p = assessParticipation(data, { asOf });

  it("uses the twelve months up to asOf by default", () => {
    expect(p.window).toEqual({ from: "2024-07-01", to: "2025-06-30" });
    expect(p.inactiveAfterDays).toBe(365);
  });

  it("counts present and represented as attending, excused and unrecorded apart", () => {
    const byActor = new Map(p.actors.map((a) => [a.actorId, a]));
    expect(byActor.get(a1.id)?.counts).toEqual({
      expected: 2,
      present: 1,
      represented: 1,
      excused: 0,
      absent: 0,
      unrecorded: 0,
    });
    expect(byActor.get(a1.id)?.rate).toEqual({ numerator: 2, denominator: 2, value: 1 });
    expect(byActor.get(a2.id)?.rate.value).toBe(0);
    expect(byActor.get(a2.id)?.excusedRate.value).toBe(0.5);
    expect(byActor.get(a2.id)?.unexcusedRate.value).toBe(0.5);
    // Actor 3 has a seat but nobody on the first list; at the second its person is found by affiliation.
    expect(byActor.get(a3.id)?.counts).toMatchObject({ expected: 2, present: 1, unrecorded: 1 });
    expect(byActor.get(a3.id)?.bodies).toEqual([
      {
        bodyId: b1.id,
        counts: { expected: 2, present: 1, represented: 0, excused: 0, absent: 0, unrecorded: 1 },
        rate: { numerator: 1, denominator: 2, value: 0.5 },
        meetingIds: [id("meeting", 1), id("meeting", 2)],
      },
    ]);
    expect(byActor.has(a4.id)).toBe(false);
    expect(p.overall).toEqual({ numerator: 3, denominator: 6, value: 0.5 });
    expect(p.meetingsWithoutAttendance).toEqual([id("meeting", 3)]);
  });

  it("finds partners not involved for longer than the span", () => {
    const byActor = new Map(p.involvement.map((i) => [i.actorId, i]));
    expect(byActor.get(a1.id)).toEqual({
      actorId: a1.id,
      lastInvolvedOn: "2025-03-05",
      lastInvolvement: "attendance",
      daysSince: 117,
      inactive: false,
    });
    expect(byActor.get(a2.id)).toMatchObject({ lastInvolvedOn: "2024-11-15", lastInvolvement: "response" });
    expect(byActor.get(a4.id)).toMatchObject({ lastInvolvedOn: null, daysSince: null, inactive: true });
    expect(byActor.get(a5.id)).toMatchObject({ lastInvolvedOn: "2019-12-31", lastInvolvement: "membership" });
    expect(p.inactivePartners).toEqual([a4.id, a5.id]);
    const strict = assessParticipation(data, { asOf, inactiveAfterDays: 200 });
    expect(strict.inactivePartners).toEqual([a2.id, a4.id, a5.id]);
  });

  it("compares meetings held with the target for the part of the window a body existed", () => {
    const byBody = new Map(p.bodies.map((b) => [b.bodyId, b]));
    expect(byBody.get(b1.id)).toMatchObject({
      activeDays: 365,
      requiredMeetings: 2,
      held: 3,
      cancelled: 1,
      belowTarget: false,
    });
    expect(byBody.get(b1.id)?.expectedMeetings).toBeCloseTo((2 * 365) / 365.25, 10);
    expect(byBody.get(b2.id)).toMatchObject({ requiredMeetings: 6, held: 0, belowTarget: true });
    expect(byBody.get(b3.id)).toMatchObject({ activeDays: 184, requiredMeetings: 1, belowTarget: true });
    expect(byBody.has(b4.id)).toBe(false);
    expect(p.bodiesBelowTarget).toEqual([b2.id, b3.id]);
  });

  it("flags a steering group that met once in twelve months", () => {
    const once = network({ ...data, meeting: [meeting(1, "2024-09-10", "held", [att(1, "present")])] });
    const r = assessParticipation(once, { asOf });
    expect(r.bodiesBelowTarget).toContain(b1.id);
  });

  it("respects an explicit window", () => {
    const r = assessParticipation(data, { asOf, window: { from: "2025-01-01", to: "2025-06-30" } });
    expect(r.overall).toEqual({ numerator: 2, denominator: 3, value: 2 / 3 });
  });

  it("handles an empty network and a single actor", () => {
    const empty = assessParticipation(emptyNetwork(), { asOf });
    expect(empty.actors).toEqual([]);
    expect(empty.overall.value).toBeNull();
    expect(empty.inactivePartners).toEqual([]);
    const one = assessParticipation(network({ actor: [a1] }), { asOf });
    expect(one.inactivePartners).toEqual([a1.id]);
  });

  it("keeps attendance rates within 0..1 and counts adding up", () => {
    const statuses = ["present", "excused", "absent", "represented"] as const;
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            day: fc.integer({ min: 0, max: 400 }),
            entries: fc.array(
              fc.record({ contact: fc.integer({ min: 1, max: 5 }), status: fc.constantFrom(...statuses) }),
            ),
          }),
          { maxLength: 8 },
        ),
        (specs) => {
          const meetings = specs.map((s, i) => {
            const seen = new Set<number>();
            const entries = s.entries.filter((e) => !seen.has(e.contact) && seen.add(e.contact));
            const date = new Date(Date.UTC(2024, 5, 1 + s.day)).toISOString().slice(0, 10);
            return meeting(
              i + 1,
              date,
              "held",
              entries.map((e) =>
                att(
                  e.contact,
                  e.status,
                  e.status === "represented" ? { representedByContactId: id("contact", 4) } : {},
                ),
              ),
            );
          });
          const r = assessParticipation(network({ ...data, meeting: meetings }), { asOf });
          for (const a of r.actors) {
            const c = a.counts;
            expect(c.present + c.represented + c.excused + c.absent + c.unrecorded).toBe(c.expected);
            for (const rate of [a.rate, a.excusedRate, a.unexcusedRate]) {
              expect(rate.value).not.toBeNull();
              expect(rate.value).toBeGreaterThanOrEqual(0);
              expect(rate.value).toBeLessThanOrEqual(1);
            }
          }
          if (r.overall.value !== null) {
            expect(r.overall.value).toBeGreaterThanOrEqual(0);
            expect(r.overall.value).toBeLessThanOrEqual(1);
          }
        },
      ),
    );
  });
});
