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
import { assessContinuity } from "./continuity.js";

const stamp = "2024-01-01T00:00:00.000Z";
const id = (name: EntityName, n: number) => `${entities[name].idPrefix}_${String(n).padStart(12, "0")}`;
function make<N extends EntityName>(name: N, n: number, input: Record<string, unknown>): EntityRecord<N> {
  const result = createRecord(name, input, stamp, { id: id(name, n) });
  if (!result.ok) throw new Error(`${name} ${n}: ${JSON.stringify(result.error.details)}`);
  return result.value;
}
const network = (parts: Partial<Network>): Network => ({ ...emptyNetwork(), ...parts });

const actors = [1, 2, 3].map((n) => make("actor", n, { name: `Akteur ${n}`, kind: "job_centre" }));
const aff = (
  n: number,
  contactN: number,
  actorN: number,
  from: string,
  extra: Record<string, unknown> = {},
) =>
  make("affiliation", n, {
    contactId: id("contact", contactN),
    actorId: id("actor", actorN),
    role: "Teamleitung",
    level: "leadership",
    from,
    ...extra,
  });
const affiliations = [
  aff(1, 1, 1, "2016-01-01", {
    to: "2020-12-31",
    endReason: "handover",
    successorContactId: id("contact", 2),
  }),
  aff(2, 2, 1, "2021-01-01", {
    to: "2025-03-31",
    endReason: "handover",
    successorContactId: id("contact", 3),
  }),
  aff(3, 3, 1, "2025-04-15"),
  aff(4, 4, 2, "2023-07-01"),
  aff(5, 5, 1, "2018-01-01", { primary: false }),
  aff(6, 6, 2, "2020-01-01", { to: "2024-09-30", endReason: "retired" }),
  aff(7, 7, 2, "2022-01-01", { to: "2025-01-31", endReason: "handover" }),
];
const b1 = make("body", 1, {
  name: "Steuerkreis",
  kind: "steering_group",
  decisionAuthority: "decides",
  targetMeetingsPerYear: 2,
  from: "2019-01-01",
});
const b2 = make("body", 2, {
  name: "AG Berufsorientierung",
  kind: "working_group",
  decisionAuthority: "works",
  targetMeetingsPerYear: 4,
  to: "2024-12-31",
});
const seat = (n: number, bodyN: number, extra: Record<string, unknown> = {}) =>
  make("seat", n, { bodyId: id("body", bodyN), ...extra });
const seats = [
  seat(1, 1, { actorId: id("actor", 1), from: "2019-01-01" }),
  seat(2, 1, { actorId: id("actor", 2) }),
  seat(3, 1, { actorId: id("actor", 3) }),
  seat(4, 1, { to: "2023-12-31" }),
  seat(5, 2),
  seat(6, 1, { from: "2024-01-01" }),
];
const mem = (n: number, contactN: number, seatN: number, from: string, extra: Record<string, unknown> = {}) =>
  make("membership", n, {
    bodyId: b1.id,
    contactId: id("contact", contactN),
    seatId: id("seat", seatN),
    role: "member",
    from,
    ...extra,
  });
const memberships = [
  mem(1, 1, 1, "2019-01-01", { to: "2021-01-01" }),
  mem(2, 2, 1, "2021-01-01", { to: "2025-03-31" }),
  mem(3, 3, 1, "2025-04-15"),
  mem(4, 4, 2, "2023-07-01", { to: "2025-05-31" }),
  mem(5, 7, 2, "2023-07-01", { role: "deputy" }),
  mem(6, 5, 3, "2020-01-01"),
  mem(7, 6, 3, "2022-01-01", { to: "2023-12-31", role: "chair" }),
];
const data = network({
  actor: actors,
  affiliation: affiliations,
  body: [b1, b2],
  seat: seats,
  membership: memberships,
});
const asOf = "2025-06-30";
const YEAR = 365.25;

describe("assessContinuity", () => {
  const c = assessContinuity(data, { asOf });

  it("counts contact changes per year and mean tenure per partner from primary affiliations", () => {
    const [one, two, three] = c.actors;
    expect(one?.changes).toBe(2);
    expect(one?.observedSince).toBe("2016-01-01");
    // 2016-01-01 … 2025-06-30 are 3469 days.
    expect(one?.changesPerYear).toBeCloseTo(2 / (3469 / YEAR), 10);
    // Tenures of 1827, 1551 and 77 days; the non-primary affiliation does not count.
    expect(one?.meanTenureYears).toBeCloseTo((1827 + 1551 + 77) / 3 / YEAR, 10);
    expect(one?.openTenures).toBe(1);
    expect(one?.currentContactIds).toEqual([id("contact", 3)]);
    expect(two?.changes).toBe(2);
    expect(three).toMatchObject({
      changes: 0,
      observedSince: null,
      changesPerYear: null,
      meanTenureYears: null,
    });
  });

  it("gives the turnover of the contacts present at the window's start", () => {
    expect(c.window).toEqual({ from: "2024-07-01", to: asOf });
    expect(c.turnover).toEqual({ numerator: 3, denominator: 4, value: 0.75 });
  });

  it("lists recent handovers with the gap to the successor", () => {
    expect(c.handovers).toEqual([
      {
        affiliationId: id("affiliation", 2),
        actorId: id("actor", 1),
        contactId: id("contact", 2),
        endedOn: "2025-03-31",
        successorContactId: id("contact", 3),
        successorStartedOn: "2025-04-15",
        gapDays: 15,
      },
      {
        affiliationId: id("affiliation", 7),
        actorId: id("actor", 2),
        contactId: id("contact", 7),
        endedOn: "2025-01-31",
        successorContactId: null,
        successorStartedOn: null,
        gapDays: null,
      },
    ]);
  });

  it("finds vacant seats, counting only holders and seats that exist", () => {
    expect(c.vacantSeats).toEqual([id("seat", 2), id("seat", 6)]);
    const byId = new Map(c.seats.map((s) => [s.seatId, s]));
    expect(byId.get(id("seat", 2))?.vacantSince).toBe("2025-05-31");
    expect(byId.get(id("seat", 6))?.vacantSince).toBe("2024-01-01");
    expect(byId.get(id("seat", 1))).toMatchObject({
      changes: 2,
      observedSince: "2019-01-01",
      currentHolderMembershipIds: [id("membership", 3)],
      vacant: false,
    });
  });

  it("reports overlapping terms but not a same-day handover", () => {
    expect(c.overlappingTerms).toEqual([
      {
        seatId: id("seat", 3),
        membershipIds: [id("membership", 6), id("membership", 7)],
        from: "2022-01-01",
        to: "2023-12-31",
      },
    ]);
  });

  it("handles an empty network and a single actor", () => {
    const empty = assessContinuity(emptyNetwork(), { asOf });
    expect(empty).toMatchObject({
      actors: [],
      seats: [],
      vacantSeats: [],
      handovers: [],
      overlappingTerms: [],
    });
    expect(empty.turnover.value).toBeNull();
    expect(empty.meanChangesPerYear).toBeNull();
    const one = assessContinuity(network({ actor: [actors[0] as EntityRecord<"actor">] }), { asOf });
    expect(one.actors).toHaveLength(1);
  });

  it("finds exactly the pairs of terms that share more than a boundary day", () => {
    const day = (d: number) => new Date(Date.UTC(2020, 0, 1 + d)).toISOString().slice(0, 10);
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            from: fc.integer({ min: 0, max: 200 }),
            length: fc.option(fc.integer({ min: 0, max: 200 })),
          }),
          { maxLength: 8 },
        ),
        (terms) => {
          const list = terms.map((t, i) =>
            mem(i + 1, i + 1, 1, day(t.from), t.length === null ? {} : { to: day(t.from + t.length) }),
          );
          const result = assessContinuity(
            network({ body: [b1], seat: [seats[0] as EntityRecord<"seat">], membership: list }),
            {
              asOf: day(500),
            },
          );
          const expected = new Set<string>();
          for (let i = 0; i < list.length; i++)
            for (let j = i + 1; j < list.length; j++) {
              const a = list[i] as EntityRecord<"membership">;
              const b = list[j] as EntityRecord<"membership">;
              const start = a.from > b.from ? a.from : b.from;
              const end = [a.to, b.to].filter((x): x is string => x !== undefined).sort()[0];
              const shared = end === undefined || start <= end;
              // Sharing only the day one term ends and the other begins is a handover.
              const handover = start === end && (a.to === b.from || b.to === a.from);
              if (shared && !handover) expected.add([a.id, b.id].sort().join("|"));
            }
          const found = new Set(result.overlappingTerms.map((o) => [...o.membershipIds].sort().join("|")));
          expect(found).toEqual(expected);
          expect(
            result.turnover.value === null || (result.turnover.value >= 0 && result.turnover.value <= 1),
          ).toBe(true);
        },
      ),
    );
  });
});
