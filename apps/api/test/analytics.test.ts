// The analytics routes: each answers with the domain's analysis of the caller's tenant, and an
// overlap review dismisses a pair until a field that makes it redundant changes.
import { findEndingSoon, findOverlaps, indicatorTrends, upcomingMeetings } from "@oha/domain";
import { osterodeExample } from "@oha/domain/example";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends, openTestApp, problemOf, type Rec, type TestApp } from "./harness.js";

type Pair = { measureIds: [string, string]; score: number };
type Overlaps = { pairs: Pair[]; dismissed: { measureIds: [string, string] }[] };

describe.each(backends)("analytics on $name", (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp(backend);
  });
  afterAll(() => t?.close());

  const read = async <T = Rec>(path: string, key = t.keys.viewer) => {
    const reply = await t.request<T>("GET", `/api/v1/analytics/${path}`, { key });
    expect(reply.status, `${path}: ${reply.text.slice(0, 300)}`).toBe(200);
    return reply.body;
  };

  it("answers the steering figures as the domain computes them on the example", async () => {
    expect(await read("deadlines?as_of=2026-03-01")).toEqual(
      findEndingSoon(osterodeExample, { asOf: "2026-03-01" }),
    );
    const wide = await read<{ withinDays: number; agreements: unknown[] }>(
      "deadlines?as_of=2026-03-01&within_days=3650",
    );
    expect(wide.withinDays).toBe(3650);
    expect(await read("indicators?as_of=2024-01-31")).toEqual(
      indicatorTrends(osterodeExample, { asOf: "2024-01-31" }),
    );
    const partner = osterodeExample.seat[0]?.actorId ?? "";
    expect(await read(`meetings?as_of=2024-03-01&actor_id=${partner}&limit=1`)).toEqual(
      upcomingMeetings(osterodeExample, { asOf: "2024-03-01", actorId: partner, limit: 1 }),
    );
    const bad = await t.request("GET", "/api/v1/analytics/deadlines?within_days=0", { key: t.keys.viewer });
    expect(bad.status).toBe(400);
  });

  it("finds the same overlaps as the domain does on the example", async () => {
    const body = await read<Overlaps>("overlaps");
    const expected = findOverlaps(osterodeExample.measure, { reviews: osterodeExample.overlapReview });
    expect(body.pairs.map((p) => p.measureIds)).toEqual(expected.pairs.map((p) => p.measureIds));
    expect(body.pairs.length).toBeGreaterThan(0);
  });

  it("dismisses a pair reviewed as complementary, keeps it through a places change, reopens it when the grades change", async () => {
    const before = await read<Overlaps>("overlaps");
    const pair = before.pairs[0]!;
    const refused = await t.request("POST", "/api/v1/analytics/overlaps/reviews", {
      key: t.keys.viewer,
      json: { measureIds: pair.measureIds, verdict: "complementary" },
    });
    expect(refused.status).toBe(403);
    const review = await t.request("POST", "/api/v1/analytics/overlaps/reviews", {
      key: t.keys.coordinator,
      json: {
        measureIds: pair.measureIds,
        verdict: "complementary",
        note: "Unterschiedliche Zielgruppen im Detail",
      },
    });
    expect(review.status, review.text).toBe(201);
    const after = await read<Overlaps>("overlaps");
    expect(after.pairs.map((p) => p.measureIds)).not.toContainEqual(pair.measureIds);
    expect(after.dismissed.map((p) => p.measureIds)).toContainEqual(pair.measureIds);

    const edit = async (json: Record<string, unknown>) => {
      const measure = await t.request("GET", `/api/v1/measures/${pair.measureIds[0]}`, {
        key: t.keys.coordinator,
      });
      const changed = await t.request("PATCH", `/api/v1/measures/${pair.measureIds[0]}`, {
        key: t.keys.coordinator,
        json,
        headers: { "if-match": measure.headers.get("etag") ?? "" },
      });
      expect(changed.status, changed.text).toBe(200);
      return changed.body as { grades?: { min: number; max: number } };
    };
    const placed = await edit({ places: 99 });
    const kept = await read<Overlaps>("overlaps");
    expect(kept.dismissed.map((p) => p.measureIds)).toContainEqual(pair.measureIds);

    // One grade more overlaps still, but the young people reached differ: the pair is open again.
    const grades = placed.grades ?? { min: 9, max: 9 };
    await edit({ grades: { min: grades.min, max: Math.min(13, grades.max + 1) } });
    const reopened = await read<Overlaps>("overlaps");
    expect(reopened.pairs.map((p) => p.measureIds)).toContainEqual(pair.measureIds);
  });

  it("refuses a review of one measure with itself or of an unknown measure", async () => {
    const id = osterodeExample.measure[0]!.id;
    const same = await t.request("POST", "/api/v1/analytics/overlaps/reviews", {
      key: t.keys.coordinator,
      json: { measureIds: [id, id], verdict: "redundant" },
    });
    expect(same.status).toBe(400);
    const foreign = await t.request("POST", "/api/v1/analytics/overlaps/reviews", {
      key: t.keys.coordinatorB,
      json: { measureIds: [id, osterodeExample.measure[1]!.id], verdict: "redundant" },
    });
    // Another tenant's measures are unknown here: a reference to nothing, like in any create.
    expect(foreign.status).toBe(400);
    expect(problemOf(foreign).errors?.map((e) => e.path)).toEqual(["measureIds.0"]);
  });

  it("answers coverage, goals, realisation, participation, continuity, standards and health", async () => {
    const coverage = await read<{ schoolYears: string[]; gaps: unknown[] }>("coverage?school_year=2023/24");
    expect(coverage.schoolYears).toEqual(["2023/24"]);
    const goals = await read<{ progress: { roots: { goalId: string }[] } }>("goals?as_of=2025-06-30");
    expect(goals.progress.roots.length).toBeGreaterThan(0);
    const realisation = await read<{ asOf: string }>("realisation?as_of=2025-06-30");
    expect(realisation.asOf).toBe("2025-06-30");
    const participation = await read<{ actors: unknown[] }>("participation?as_of=2024-06-30");
    expect(participation.actors.length).toBeGreaterThan(0);
    const continuity = await read<{ asOf: string }>("continuity?as_of=2024-06-30");
    expect(continuity.asOf).toBe("2024-06-30");
    const standards = await read<{ adoption: { standardIds: string[] } }>("standards?as_of=2025-06-30");
    expect(standards.adoption.standardIds).toHaveLength(osterodeExample.standard.length);
    const health = await read<{ factors: { factor: string; evidence: unknown[] }[] }>(
      "health?as_of=2024-06-30",
    );
    expect(health.factors.map((f) => f.factor)).toContain("personnel_continuity");
    for (const factor of health.factors) expect(Array.isArray(factor.evidence)).toBe(true);
  });

  it("compares two reconciliation rounds and keeps rounds of other tenants out of reach", async () => {
    const [earlier, later] = [...osterodeExample.reconciliationRound].sort((a, b) =>
      a.opensOn.localeCompare(b.opensOn),
    );
    const body = await read<{ analysis: { roundId: string }; trend?: unknown }>(
      `reconciliation/${later!.id}?compare_to=${earlier!.id}`,
    );
    expect(body.analysis.roundId).toBe(later!.id);
    expect(body.trend).toBeDefined();
    const foreign = await t.request("GET", `/api/v1/analytics/reconciliation/${later!.id}`, {
      key: t.keys.coordinatorB,
    });
    expect(foreign.status).toBe(404);
  });

  it("answers an empty tenant without failing, and refuses bad parameters", async () => {
    const empty = await read<{ factors: unknown[] }>("health?as_of=2025-01-01", t.keys.coordinatorB);
    expect(empty.factors.length).toBeGreaterThan(0);
    const bad = await t.request("GET", "/api/v1/analytics/goals?as_of=yesterday", { key: t.keys.viewer });
    expect(bad.status).toBe(400);
    const anonymous = await t.request("GET", "/api/v1/analytics/overlaps");
    expect(anonymous.status).toBe(401);
  });
});
