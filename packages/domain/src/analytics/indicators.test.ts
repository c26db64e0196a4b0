import { describe, expect, it } from "vitest";
import { osterodeExample } from "../example/index.js";
import {
  createRecord,
  type EntityName,
  type EntityRecord,
  emptyNetwork,
  entities,
} from "../model/entities.js";
import { indicatorTrends } from "./indicators.js";

const id = (name: EntityName, n: number) => `${entities[name].idPrefix}_${String(n).padStart(12, "0")}`;
function make<N extends EntityName>(name: N, n: number, input: Record<string, unknown>): EntityRecord<N> {
  const result = createRecord(name, input, "2024-01-01T00:00:00.000Z", { id: id(name, n) });
  if (!result.ok) throw new Error(`${name} ${n}: ${JSON.stringify(result.error.details)}`);
  return result.value;
}
const indicator = (n: number, direction: string) =>
  make("indicator", n, {
    code: `K-${n}`,
    name: `Kennzahl ${n}`,
    unit: "count",
    direction,
    source: "Statistik",
  });
let obs = 0;
const observation = (indicatorN: number, date: string, value: number, extra: Record<string, unknown> = {}) =>
  make("observation", ++obs, { indicatorId: id("indicator", indicatorN), date, value, ...extra });

describe("indicatorTrends", () => {
  it("reads the Osterode share without follow-on as improving from 7.9 to 7.2 %", () => {
    const trends = indicatorTrends(osterodeExample, { asOf: "2024-01-31" });
    const ue01 = trends.indicators.find((i) => i.code === "UE-01");
    expect(ue01?.series.map((p) => p.value)).toEqual([9.4, 10.1, 8.7, 7.9, 7.2]);
    expect(ue01?.previous?.value).toBe(7.9);
    expect(ue01?.latest).toMatchObject({ value: 7.2, periodLabel: "2022/23", date: "2023-07-31" });
    expect(ue01?.change).toBeCloseTo(-0.7, 10);
    expect(ue01?.trend).toBe("improving");
    expect(trends.indicators.map((i) => i.code)).toEqual([...trends.indicators.map((i) => i.code)].sort());
  });

  it("judges the change by the indicator's direction, within 1 % as stable, and without two figures as unknown", () => {
    const network = {
      ...emptyNetwork(),
      indicator: [
        indicator(1, "higher_is_better"),
        indicator(2, "lower_is_better"),
        indicator(3, "neutral"),
        indicator(4, "higher_is_better"),
        indicator(5, "lower_is_better"),
      ],
      observation: [
        observation(1, "2023-12-31", 100),
        observation(1, "2024-12-31", 90),
        observation(2, "2023-12-31", 100),
        observation(2, "2024-12-31", 90),
        observation(3, "2023-12-31", 100),
        observation(3, "2024-12-31", 90),
        observation(4, "2023-12-31", 100),
        observation(4, "2024-12-31", 100.5),
        observation(5, "2024-12-31", 3),
      ],
    };
    const trends = indicatorTrends(network, { asOf: "2025-06-30" }).indicators;
    expect(trends.map((t) => t.trend)).toEqual(["worsening", "improving", "falling", "stable", "unknown"]);
    expect(trends[4]).toMatchObject({ previous: null, change: null, latest: { value: 3 } });
    expect(indicatorTrends(network, { asOf: "2024-06-30" }).indicators[0]?.trend).toBe("unknown");
  });

  it("takes one figure per date for the whole region: final before provisional, no other areas", () => {
    const network = {
      ...emptyNetwork(),
      region: [
        make("region", 1, {
          name: "Landkreis",
          kind: "district",
          keys: [{ system: "district_key", value: "03156" }],
        }),
      ],
      indicator: [indicator(1, "higher_is_better")],
      observation: [
        observation(1, "2023-12-31", 50),
        observation(1, "2024-12-31", 40, { provisional: true }),
        observation(1, "2024-12-31", 60, { areaKey: "03156" }),
        observation(1, "2024-12-31", 999, { areaKey: "03156011" }),
      ],
    };
    const [trend] = indicatorTrends(network, { asOf: "2025-06-30" }).indicators;
    expect(trend?.series.map((p) => p.value)).toEqual([50, 60]);
    expect(trend?.trend).toBe("improving");
  });
});
