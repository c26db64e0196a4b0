import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { osterodeExample } from "../example/index.js";
import {
  createRecord,
  type EntityName,
  type EntityRecord,
  emptyNetwork,
  entities,
  type Network,
} from "../model/entities.js";
import type { Goal, GoalId } from "../model/goal.js";
import { findGoalCycles, flattenGoalProgress, GoalStatus, measureGoal, rollUpGoalProgress } from "./goals.js";

const stamp = "2024-01-01T00:00:00.000Z";
const id = (name: EntityName, n: number) => `${entities[name].idPrefix}_${String(n).padStart(12, "0")}`;
function make<N extends EntityName>(name: N, n: number, input: Record<string, unknown>): EntityRecord<N> {
  const result = createRecord(name, input, stamp, { id: id(name, n) });
  if (!result.ok) throw new Error(`${name} ${n}: ${JSON.stringify(result.error.details)}`);
  return result.value;
}
const network = (parts: Partial<Network>): Network => ({ ...emptyNetwork(), ...parts });

const higher = make("indicator", 1, {
  code: "QUOTE",
  name: "Übergangsquote in Ausbildung",
  unit: "percent",
  direction: "higher_is_better",
  source: "Statistik",
});
const lower = make("indicator", 2, {
  code: "OHNE",
  name: "Abgänge ohne Abschluss",
  unit: "percent",
  direction: "lower_is_better",
  source: "Statistik",
});
const obs = (
  n: number,
  indicator: number,
  date: string,
  value: number,
  extra: Record<string, unknown> = {},
) => make("observation", n, { indicatorId: id("indicator", indicator), date, value, ...extra });
/** A goal on indicator 1 from 50 (2020-01-01) to 70 by 2024-01-01: 1461 days. */
const goal = (n: number, extra: Record<string, unknown> = {}) =>
  make("goal", n, {
    title: `Ziel ${n}`,
    level: "tactical",
    indicatorId: id("indicator", 1),
    baseline: { value: 50, date: "2020-01-01" },
    target: 70,
    deadline: "2024-01-01",
    ...extra,
  });
const expectedAt2022 = 731 / 1461;

describe("measureGoal", () => {
  it("is on track when progress keeps up with the linear path", () => {
    const r = measureGoal(goal(1), higher, [obs(1, 1, "2022-01-01", 60)], { asOf: "2022-06-30" });
    expect(r.status).toBe("on_track");
    expect(r.progress).toBe(0.5);
    expect(r.rawProgress).toBe(0.5);
    expect(r.expectedProgress).toBeCloseTo(expectedAt2022, 10);
    expect(r.measurement).toMatchObject({ value: 60, baseline: 50, target: 70, observedOn: "2022-01-01" });
    expect(r.missing).toEqual([]);
  });

  it("is at risk when it lags more than the tolerance", () => {
    const r = measureGoal(goal(1), higher, [obs(1, 1, "2022-01-01", 52)], { asOf: "2022-06-30" });
    expect(r.progress).toBeCloseTo(0.1, 10);
    expect(r.status).toBe("at_risk");
    const lenient = measureGoal(goal(1), higher, [obs(1, 1, "2022-01-01", 52)], {
      asOf: "2022-06-30",
      tolerance: 0.45,
    });
    expect(lenient.status).toBe("on_track");
  });

  it("is achieved when the target is reached, keeping the raw value beyond it", () => {
    const r = measureGoal(goal(1), higher, [obs(1, 1, "2022-01-01", 75)], { asOf: "2022-06-30" });
    expect(r.status).toBe("achieved");
    expect(r.progress).toBe(1);
    expect(r.rawProgress).toBe(1.25);
  });

  it("is missed after the deadline and says when the final figure is not in yet", () => {
    const r = measureGoal(goal(1), higher, [obs(1, 1, "2023-12-31", 65)], { asOf: "2024-06-01" });
    expect(r.status).toBe("missed");
    expect(r.progress).toBe(0.75);
    expect(r.expectedProgress).toBe(1);
    expect(r.missing).toEqual(["final_observation"]);
    const later = measureGoal(goal(1), higher, [obs(1, 1, "2024-01-01", 65)], { asOf: "2024-06-01" });
    expect(later.missing).toEqual([]);
  });

  it("measures a lower-is-better indicator towards a lower target", () => {
    const g = goal(1, {
      indicatorId: id("indicator", 2),
      baseline: { value: 10, date: "2020-01-01" },
      target: 5,
    });
    const r = measureGoal(g, lower, [obs(1, 2, "2022-01-01", 8)], { asOf: "2022-06-30" });
    expect(r.rawProgress).toBeCloseTo(0.4, 10);
    expect(r.status).toBe("at_risk");
    expect(r.measurement?.directionConflict).toBe(false);
    const worse = measureGoal(g, lower, [obs(1, 2, "2022-01-01", 12)], { asOf: "2022-06-30" });
    expect(worse.rawProgress).toBeCloseTo(-0.4, 10);
    expect(worse.progress).toBe(0);
  });

  it("flags a target on the wrong side of the baseline for the direction", () => {
    const g = goal(1, { indicatorId: id("indicator", 2) });
    const r = measureGoal(g, lower, [obs(1, 2, "2022-01-01", 60)], { asOf: "2022-06-30" });
    expect(r.measurement?.directionConflict).toBe(true);
  });

  it("uses the latest observation up to asOf, for the whole region, final before provisional", () => {
    const observations = [
      obs(1, 1, "2021-01-01", 55),
      obs(2, 1, "2022-01-01", 58, { provisional: true }),
      obs(3, 1, "2022-01-01", 60),
      obs(4, 1, "2022-01-01", 69, { areaKey: "03156001" }),
      obs(5, 1, "2023-01-01", 70),
    ];
    const r = measureGoal(goal(1), higher, observations, { asOf: "2022-06-30" });
    expect(r.measurement?.observationId).toBe(id("observation", 3));
    const area = measureGoal(goal(1), higher, observations, { asOf: "2022-06-30", areaKey: "03156001" });
    expect(area.measurement?.value).toBe(69);
  });

  it("counts figures published under the region's own key as the whole region", () => {
    const keyed = [obs(1, 1, "2022-01-01", 60, { areaKey: "03156" })];
    expect(measureGoal(goal(1), higher, keyed, { asOf: "2022-06-30" }).status).toBe("no_data");
    const r = measureGoal(goal(1), higher, keyed, { asOf: "2022-06-30", regionKeys: ["03156"] });
    expect(r.measurement?.observationId).toBe(id("observation", 1));
    const region = make("region", 1, {
      name: "Landkreis Osterode am Harz",
      kind: "district",
      keys: [
        { system: "district_key", value: "03156" },
        { system: "car_code", value: "OHA" },
      ],
    });
    const report = rollUpGoalProgress(
      network({ region: [region], indicator: [higher], observation: keyed, goal: [goal(1)] }),
      {
        asOf: "2022-06-30",
      },
    );
    expect(report.roots[0]?.progress).toBe(0.5);
  });

  it("reports what is missing instead of guessing", () => {
    const bare = make("goal", 9, { title: "Übergänge verbessern", level: "strategic" });
    expect(measureGoal(bare, undefined, [], { asOf: "2022-06-30" })).toMatchObject({
      status: "no_data",
      progress: null,
      missing: ["indicator", "target", "baseline", "deadline"],
    });
    const noObservation = measureGoal(goal(1), higher, [], { asOf: "2022-06-30" });
    expect(noObservation.status).toBe("no_data");
    expect(noObservation.missing).toEqual(["observation"]);
    expect(measureGoal(goal(1), undefined, [], { asOf: "2022-06-30" }).missing).toEqual([
      "indicator_unknown",
    ]);
  });

  it("without a baseline date counts any progress as on track and says the date is missing", () => {
    const g = goal(1, { baseline: { value: 50 } });
    const r = measureGoal(g, higher, [obs(1, 1, "2022-01-01", 51)], { asOf: "2022-06-30" });
    expect(r.expectedProgress).toBeNull();
    expect(r.status).toBe("on_track");
    expect(r.missing).toEqual(["baseline_date"]);
    expect(measureGoal(g, higher, [obs(1, 1, "2022-01-01", 50)], { asOf: "2022-06-30" }).status).toBe(
      "at_risk",
    );
  });
});

describe("rollUpGoalProgress", () => {
  const parent = make("goal", 10, { title: "Mehr Jugendliche in Ausbildung", level: "strategic", weight: 1 });
  const a = goal(11, { parentGoalId: parent.id, weight: 1 });
  const b = goal(12, {
    parentGoalId: parent.id,
    weight: 3,
    indicatorId: id("indicator", 2),
    baseline: { value: 10, date: "2020-01-01" },
    target: 5,
  });
  const c = goal(13, { parentGoalId: parent.id, weight: 2, indicatorId: undefined, target: undefined });
  const d = goal(14, { parentGoalId: parent.id, state: "dropped" });
  const data = network({
    indicator: [higher, lower],
    observation: [obs(1, 1, "2022-01-01", 60), obs(2, 2, "2022-01-01", 4)],
    goal: [parent, a, b, c, d],
  });

  it("weights the children with data and lists the others", () => {
    const report = rollUpGoalProgress(data, { asOf: "2022-06-30" });
    expect(report.roots).toHaveLength(1);
    const root = report.roots[0];
    expect(root?.source).toBe("children");
    // (0.5 × 1 + 1 × 3) / 4; C has no data, D is dropped.
    expect(root?.progress).toBeCloseTo(0.875, 10);
    expect(root?.progressPercent).toBe(87.5);
    expect(root?.childrenWithoutData).toEqual([c.id]);
    expect(root?.droppedChildren).toEqual([d.id]);
    expect(root?.children.map((x) => x.goalId)).toEqual([a.id, b.id, c.id, d.id]);
    expect(root?.expectedProgress).toBeCloseTo(expectedAt2022, 10);
    expect(root?.status).toBe("on_track");
    expect(root?.statusLabel).toEqual({ de: "Im Plan", en: "On track" });
    expect(report.counts).toEqual({ on_track: 3, at_risk: 0, missed: 0, achieved: 1, no_data: 1 });
  });

  it("is achieved only when every active child is", () => {
    const done = network({
      ...data,
      goal: [parent, a, b, d],
      observation: [obs(1, 1, "2022-01-01", 70), obs(2, 2, "2022-01-01", 4)],
    });
    expect(rollUpGoalProgress(done, { asOf: "2022-06-30" }).roots[0]?.status).toBe("achieved");
    const withGap = network({ ...done, goal: [parent, a, b, c] });
    expect(rollUpGoalProgress(withGap, { asOf: "2022-06-30" }).roots[0]?.status).toBe("on_track");
  });

  it("misses a parent whose own deadline passed", () => {
    const late = network({ ...data, goal: [{ ...parent, deadline: "2022-01-01" }, a, b] });
    expect(rollUpGoalProgress(late, { asOf: "2022-06-30" }).roots[0]?.status).toBe("missed");
  });

  it("prefers a goal's own indicator over its children", () => {
    const own = network({ ...data, goal: [goal(10, { title: "Eigenes Maß", level: "strategic" }), a] });
    const report = rollUpGoalProgress(own, { asOf: "2022-06-30" });
    expect(report.roots[0]?.source).toBe("indicator");
    expect(report.roots[0]?.children).toHaveLength(1);
  });

  it("reports a parent without any child data as no data", () => {
    const empty = network({ ...data, goal: [parent, c] });
    const root = rollUpGoalProgress(empty, { asOf: "2022-06-30" }).roots[0];
    expect(root?.status).toBe("no_data");
    expect(root?.missing).toContain("children_data");
  });

  it("detects cycles and dangling parents instead of looping", () => {
    const x = make("goal", 20, { title: "X", level: "strategic", parentGoalId: id("goal", 21) });
    const y = make("goal", 21, { title: "Y", level: "strategic", parentGoalId: id("goal", 20) });
    const z = make("goal", 22, { title: "Z", level: "tactical", parentGoalId: id("goal", 20) });
    const self = make("goal", 23, { title: "S", level: "tactical", parentGoalId: id("goal", 23) });
    const orphan = make("goal", 24, { title: "O", level: "tactical", parentGoalId: id("goal", 99) });
    const report = rollUpGoalProgress(network({ goal: [x, y, z, self, orphan] }), { asOf: "2022-06-30" });
    expect(report.cycles).toEqual([[x.id, y.id], [self.id]]);
    expect(report.roots.map((r) => r.goalId)).toEqual([x.id, y.id, self.id, orphan.id]);
    expect(report.roots[0]?.children.map((r) => r.goalId)).toEqual([z.id]);
    expect(report.roots[0]?.inCycle).toBe(true);
    expect(report.unknownParents).toEqual([{ goalId: orphan.id, parentGoalId: id("goal", 99) }]);
  });

  it("handles an empty network", () => {
    const report = rollUpGoalProgress(emptyNetwork(), { asOf: "2022-06-30" });
    expect(report.roots).toEqual([]);
    expect(report.counts).toEqual({ on_track: 0, at_risk: 0, missed: 0, achieved: 0, no_data: 0 });
  });

  it("ignores deleted goals and observations", () => {
    const report = rollUpGoalProgress(
      network({
        indicator: [higher],
        observation: [{ ...obs(1, 1, "2022-01-01", 60), deleted: true }],
        goal: [goal(1), { ...goal(2), deleted: true }],
      }),
      { asOf: "2022-06-30" },
    );
    expect(report.roots.map((r) => r.goalId)).toEqual([id("goal", 1)]);
    expect(report.roots[0]?.status).toBe("no_data");
  });
});

describe("goal progress of the Osterode example", () => {
  it("rolls the example's goal tree up with the district's figures", () => {
    const report = rollUpGoalProgress(osterodeExample, { asOf: "2024-01-31" });
    const all = flattenGoalProgress(report.roots);
    expect(all).toHaveLength(osterodeExample.goal.length);
    expect(report.cycles).toEqual([]);
    const measured = all.filter((g) => g.source === "indicator");
    expect(measured.length).toBeGreaterThan(0);
    for (const g of measured) expect((g.measurement?.observedOn ?? "9999") <= "2024-01-31").toBe(true);
    const parents = all.filter((g) => g.children.length > 0);
    expect(parents.length).toBeGreaterThan(0);
  });
});

describe("goal analyses, properties", () => {
  const arbitraryForest = fc
    .array(
      fc.record({
        parent: fc.option(fc.nat({ max: 11 }), { nil: undefined }),
        value: fc.option(fc.double({ min: -50, max: 200, noNaN: true }), { nil: undefined }),
        weight: fc.double({ min: 0.1, max: 10, noNaN: true }),
        dropped: fc.boolean(),
      }),
      { maxLength: 12 },
    )
    .map((specs) => {
      // Every measured goal gets its own indicator with one observation.
      const goals: Goal[] = [];
      const indicators: EntityRecord<"indicator">[] = [];
      const observations: EntityRecord<"observation">[] = [];
      specs.forEach((s, i) => {
        const n = i + 1;
        if (s.value !== undefined) {
          indicators.push({ ...higher, id: id("indicator", n) as typeof higher.id });
          observations.push(obs(n, n, "2022-01-01", s.value));
        }
        goals.push(
          make("goal", n, {
            title: `G${n}`,
            level: "operative",
            weight: s.weight,
            state: s.dropped ? "dropped" : "active",
            ...(s.parent === undefined ? {} : { parentGoalId: id("goal", s.parent + 1) }),
            ...(s.value === undefined
              ? {}
              : {
                  indicatorId: id("indicator", n),
                  baseline: { value: 50, date: "2020-01-01" },
                  target: 70,
                  deadline: "2024-01-01",
                }),
          }),
        );
      });
      return network({ goal: goals, indicator: indicators, observation: observations });
    });

  it("keeps every goal exactly once, progress within 0..1 and counts complete", () => {
    fc.assert(
      fc.property(arbitraryForest, (data) => {
        const own = data.goal;
        const report = rollUpGoalProgress(data, { asOf: "2022-06-30" });
        const flat = flattenGoalProgress(report.roots);
        expect(flat.map((g) => g.goalId).sort()).toEqual(own.map((g) => g.id).sort());
        expect(Object.values(report.counts).reduce((s, n) => s + n, 0)).toBe(own.length);
        for (const g of flat) {
          expect(GoalStatus.options).toContain(g.status);
          if (g.progress !== null) {
            expect(g.progress).toBeGreaterThanOrEqual(0);
            expect(g.progress).toBeLessThanOrEqual(1);
          } else expect(g.status).toBe("no_data");
          if (g.expectedProgress !== null) {
            expect(g.expectedProgress).toBeGreaterThanOrEqual(0);
            expect(g.expectedProgress).toBeLessThanOrEqual(1);
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it("finds a cycle exactly when following parents returns to the start", () => {
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.nat({ max: 9 }), { nil: undefined }), { maxLength: 10 }),
        (parents) => {
          const goals = parents.map((p, i) => ({
            id: id("goal", i) as GoalId,
            parentGoalId: p === undefined ? undefined : (id("goal", p) as GoalId),
          }));
          const parentOf = new Map(goals.map((g) => [g.id, g.parentGoalId]));
          const onCycle = (start: GoalId) => {
            let current = parentOf.get(start);
            for (let step = 0; step <= goals.length && current !== undefined; step++) {
              if (current === start) return true;
              current = parentOf.get(current);
            }
            return false;
          };
          const found = new Set(findGoalCycles(goals).flat());
          for (const g of goals) expect(found.has(g.id)).toBe(onCycle(g.id));
        },
      ),
    );
  });
});
