import { describe, expect, it } from "vitest";
import { findOverlaps } from "../analytics/overlaps.js";
import { validate } from "../common/validation.js";
import { type EntityName, entities, entityNames, referencesOf } from "../model/entities.js";
import { generateNetwork, mulberry32, SeededRandom } from "./index.js";

const network = generateNetwork({ seed: 20_130_627, measures: 300 });

describe("mulberry32 and SeededRandom", () => {
  it("are deterministic for a seed and stay in range", () => {
    const a = mulberry32(7);
    const b = mulberry32(7);
    const c = mulberry32(8);
    const first = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(first);
    expect(c()).not.toBe(first[0]);
    const rng = new SeededRandom(1);
    for (let k = 0; k < 1000; k++) {
      const x = rng.float();
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
      const n = rng.int(3, 5);
      expect(n >= 3 && n <= 5 && Number.isInteger(n)).toBe(true);
    }
    expect(() => rng.pick([])).toThrow(RangeError);
  });

  it("makes unique ids of the model's shape", () => {
    const rng = new SeededRandom(3);
    const ids = Array.from({ length: 5000 }, () => rng.id("msr"));
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids.slice(0, 50)) expect(id).toMatch(/^msr_[0-9A-Za-z]{12}$/);
  });
});

describe("generateNetwork", () => {
  it("makes records that all validate against their schemas", () => {
    const problems: string[] = [];
    for (const name of entityNames) {
      for (const record of network[name] as unknown[]) {
        const result = validate(entities[name].Record, record, "en");
        if (!result.ok) problems.push(`${name}: ${JSON.stringify(result.error.details)}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("only refers to records that exist, with unique ids", () => {
    const ids = new Map<string, EntityName>();
    for (const name of entityNames) {
      for (const record of network[name] as { id: string }[]) {
        expect(ids.has(record.id)).toBe(false);
        ids.set(record.id, name);
      }
    }
    for (const name of entityNames) {
      for (const record of network[name] as Record<string, unknown>[]) {
        for (const ref of referencesOf(name, record)) expect(ids.get(ref.id)).toBe(ref.entity);
      }
    }
    const contacts = new Set(network.contact.map((c) => c.id));
    for (const meeting of network.meeting) {
      for (const a of meeting.attendance) {
        expect(contacts.has(a.contactId)).toBe(true);
        if (a.representedByContactId) expect(contacts.has(a.representedByContactId)).toBe(true);
      }
    }
  });

  it("is deterministic for a seed", () => {
    const again = generateNetwork({ seed: 20_130_627, measures: 300 });
    expect(again).toEqual(network);
    const other = generateNetwork({ seed: 1, measures: 300 });
    expect(other.measure.map((m) => m.title)).not.toEqual(network.measure.map((m) => m.title));
  });

  it("honours the requested sizes", () => {
    const small = generateNetwork({ seed: 2, measures: 50, actors: 30, municipalities: 4 });
    expect(small.measure).toHaveLength(50);
    expect(small.actor).toHaveLength(30);
    expect(small.region[0]?.municipalities).toHaveLength(4);
    expect(generateNetwork({ seed: 2, measures: 0 }).measure).toEqual([]);
  });

  it("has the seed's governance: steering group and advisory board with about 20 leaders, twice a year", () => {
    const steering = network.body.find((b) => b.kind === "steering_group")!;
    const board = network.body.find((b) => b.kind === "advisory_board")!;
    expect(steering.decisionAuthority).toBe("decides");
    expect(steering.targetMeetingsPerYear).toBe(2);
    const seats = network.seat.filter((s) => s.bodyId === steering.id || s.bodyId === board.id);
    expect(seats.length).toBeGreaterThanOrEqual(15);
    expect(seats.length).toBeLessThanOrEqual(25);
    expect(network.body.filter((b) => b.kind === "working_group").length).toBeGreaterThanOrEqual(3);
    const held = network.meeting.filter((m) => m.bodyId === steering.id && m.status !== "planned");
    expect(held.length).toBeGreaterThanOrEqual(10);
    expect(held.some((m) => m.attendance.some((a) => a.status === "represented"))).toBe(true);
  });

  it("has every actor kind of the seed and personnel changes with handovers", () => {
    const kinds = new Set(network.actor.map((a) => a.kind));
    for (const kind of [
      "general_school",
      "vocational_school",
      "politics",
      "municipal_administration",
      "employer",
      "union",
      "association",
      "chamber",
      "independent_provider",
      "employment_agency",
      "job_centre",
      "town",
      "state_school_authority",
    ] as const)
      expect(kinds.has(kind)).toBe(true);
    const handovers = network.affiliation.filter((a) => a.endReason === "handover");
    expect(handovers.length).toBeGreaterThan(0);
    for (const a of handovers) expect(a.successorContactId).toBeDefined();
  });

  it("has measures of varied shape, and near-duplicates the overlap finder sees", () => {
    const measures = network.measure;
    expect(new Set(measures.map((m) => m.category)).size).toBeGreaterThanOrEqual(10);
    expect(measures.some((m) => m.areaServed.length === 0)).toBe(true);
    expect(measures.some((m) => m.areaServed.length > 1)).toBe(true);
    expect(measures.some((m) => m.to === undefined)).toBe(true);
    expect(measures.some((m) => m.places === undefined)).toBe(true);
    expect(measures.some((m) => m.status === "cancelled")).toBe(true);
    const overlaps = findOverlaps(measures, { reviews: network.overlapReview });
    expect(overlaps.pairs.length).toBeGreaterThan(5);
    expect(network.overlapReview.length).toBeGreaterThan(0);
  });

  it("has figures, goals, standards and reconciliation rounds with responses", () => {
    expect(network.indicator.length).toBeGreaterThanOrEqual(5);
    expect(network.observation.length).toBeGreaterThan(network.indicator.length);
    expect(network.goal.some((g) => g.target !== undefined && g.indicatorId)).toBe(true);
    expect(network.standard.some((s) => s.kind === "minimum")).toBe(true);
    expect(network.standard.some((s) => s.kind === "action")).toBe(true);
    expect(network.agreement[0]?.status).toBe("in_force");
    expect(network.reconciliationRound).toHaveLength(2);
    expect(network.reconciliationResponse.length).toBeGreaterThan(10);
  });

  it("spreads a large network over districts of about 20 municipalities", () => {
    const large = generateNetwork({ seed: 9, measures: 5_000 });
    const region = large.region[0]!;
    expect(region.municipalities).toHaveLength(50);
    expect(new Set(region.municipalities.map((m) => m.ags.slice(0, 5))).size).toBe(3);
    expect(large.measure).toHaveLength(5_000);
  });
});
