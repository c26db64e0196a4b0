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
import {
  addCalendarMonths,
  daysBetween,
  goalRealisation,
  measureRealisation,
  rateOf,
  windowEndingOn,
} from "./realisation.js";

const stamp = "2024-01-01T00:00:00.000Z";
const id = (name: EntityName, n: number) => `${entities[name].idPrefix}_${String(n).padStart(12, "0")}`;
function make<N extends EntityName>(name: N, n: number, input: Record<string, unknown>): EntityRecord<N> {
  const result = createRecord(name, input, stamp, { id: id(name, n) });
  if (!result.ok) throw new Error(`${name} ${n}: ${JSON.stringify(result.error.details)}`);
  return result.value;
}
const network = (parts: Partial<Network>): Network => ({ ...emptyNetwork(), ...parts });
const measure = (n: number, from: string, status: string) =>
  make("measure", n, {
    title: `Angebot ${n}`,
    providerActorId: id("actor", 1),
    category: "counselling",
    from,
    status,
  });

describe("date helpers", () => {
  it("adds calendar months and clamps to the month's end", () => {
    expect(addCalendarMonths("2024-01-31", 1)).toBe("2024-02-29");
    expect(addCalendarMonths("2023-01-31", 1)).toBe("2023-02-28");
    expect(addCalendarMonths("2024-03-15", -3)).toBe("2023-12-15");
    expect(addCalendarMonths("2024-11-30", 14)).toBe("2026-01-30");
  });

  it("builds the window of months ending on a date, both ends included", () => {
    expect(windowEndingOn("2025-06-30", 12)).toEqual({ from: "2024-07-01", to: "2025-06-30" });
    expect(windowEndingOn("2024-02-29", 12)).toEqual({ from: "2023-03-01", to: "2024-02-29" });
  });

  it("counts days between dates", () => {
    expect(daysBetween("2024-01-01", "2024-12-31")).toBe(365);
    expect(daysBetween("2024-03-01", "2024-02-28")).toBe(-2);
    expect(daysBetween("2024-03-31T23:00:00+02:00", "2024-04-01")).toBe(1);
  });

  it("gives a rate without value for an empty denominator", () => {
    expect(rateOf(0, 0)).toEqual({ numerator: 0, denominator: 0, value: null });
    expect(rateOf(3, 4).value).toBe(0.75);
  });
});

describe("measureRealisation", () => {
  const measures = [
    measure(1, "2024-09-01", "running"),
    measure(2, "2024-08-01", "completed"),
    measure(3, "2024-10-01", "cancelled"),
    measure(4, "2024-11-01", "planned"),
    measure(5, "2025-08-01", "planned"),
    measure(6, "2023-01-01", "completed"),
    { ...measure(7, "2024-09-01", "cancelled"), deleted: true },
  ];
  const asOf = "2025-06-30";

  it("splits the measures planned in a window by outcome", () => {
    const r = measureRealisation(network({ measure: measures }), {
      asOf,
      window: { from: "2024-08-01", to: "2025-12-31" },
    });
    expect(r.realised).toEqual([id("measure", 1), id("measure", 2)]);
    expect(r.cancelled).toEqual([id("measure", 3)]);
    expect(r.overdue).toEqual([id("measure", 4)]);
    expect(r.notYetDue).toEqual([id("measure", 5)]);
    expect(r.realisationRate).toEqual({ numerator: 2, denominator: 4, value: 0.5 });
    expect(r.cancellationRate.value).toBe(0.25);
    expect(r.overdueRate.value).toBe(0.25);
  });

  it("by default counts everything that started up to asOf", () => {
    const r = measureRealisation(network({ measure: measures }), { asOf });
    expect(r.window).toEqual({ from: null, to: asOf });
    expect(r.realisationRate).toEqual({ numerator: 3, denominator: 5, value: 0.6 });
    expect(r.notYetDue).toEqual([]);
  });

  it("has no rate for an empty network", () => {
    const r = measureRealisation(emptyNetwork(), { asOf });
    expect(r.realisationRate).toEqual({ numerator: 0, denominator: 0, value: null });
  });

  it("keeps the rates within 0..1 and adding up", () => {
    const statuses = ["planned", "running", "completed", "cancelled"] as const;
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ status: fc.constantFrom(...statuses), day: fc.integer({ min: 0, max: 1000 }) }),
          { maxLength: 30 },
        ),
        fc.integer({ min: 0, max: 1000 }),
        (specs, asOfDay) => {
          const date = (d: number) => new Date(Date.UTC(2023, 0, 1 + d)).toISOString().slice(0, 10);
          const list = specs.map((s, i) => measure(i + 1, date(s.day), s.status));
          const r = measureRealisation(network({ measure: list }), { asOf: date(asOfDay) });
          const rates = [r.realisationRate, r.cancellationRate, r.overdueRate];
          let sum = 0;
          for (const rate of rates) {
            if (rate.value === null) continue;
            expect(rate.value).toBeGreaterThanOrEqual(0);
            expect(rate.value).toBeLessThanOrEqual(1);
            sum += rate.value;
          }
          if (r.realisationRate.denominator > 0) expect(sum).toBeCloseTo(1, 10);
          const started = list.filter((m) => m.from <= date(asOfDay)).length;
          expect(r.realised.length + r.cancelled.length + r.overdue.length + r.notYetDue.length).toBe(
            started,
          );
        },
      ),
    );
  });
});

describe("goalRealisation", () => {
  const indicator = make("indicator", 1, {
    code: "QUOTE",
    name: "Übergangsquote",
    unit: "percent",
    direction: "higher_is_better",
    source: "Statistik",
  });
  const goal = (n: number, deadline: string, extra: Record<string, unknown> = {}) =>
    make("goal", n, {
      title: `Ziel ${n}`,
      level: "operative",
      indicatorId: id("indicator", 1),
      baseline: { value: 50, date: "2020-01-01" },
      target: 70,
      deadline,
      ...extra,
    });
  const obs = (n: number, date: string, value: number) =>
    make("observation", n, { indicatorId: id("indicator", 1), date, value });

  it("counts achieved against missed and dropped goals past their deadline", () => {
    const data = network({
      indicator: [indicator],
      observation: [obs(1, "2023-12-31", 72)],
      goal: [
        goal(1, "2024-01-01"),
        goal(2, "2024-01-01", { target: 80 }),
        goal(3, "2024-01-01", { state: "dropped" }),
        goal(4, "2026-01-01"),
        make("goal", 5, { title: "Ohne Daten", level: "strategic", deadline: "2023-06-30" }),
      ],
    });
    const r = goalRealisation(data, { asOf: "2024-06-30" });
    expect(r.achieved).toEqual([id("goal", 1)]);
    expect(r.missed).toEqual([id("goal", 2)]);
    expect(r.dropped).toEqual([id("goal", 3)]);
    expect(r.unassessable).toEqual([id("goal", 5)]);
    expect(r.realisationRate).toEqual({ numerator: 1, denominator: 3, value: 1 / 3 });
    const windowed = goalRealisation(data, { asOf: "2024-06-30", window: { from: "2023-07-01" } });
    expect(windowed.unassessable).toEqual([]);
  });

  it("has no rate without goals past their deadline", () => {
    expect(goalRealisation(emptyNetwork(), { asOf: "2024-06-30" }).realisationRate.value).toBeNull();
  });
});
