// The analytics routes document their answers fully in /openapi.json, with the result schemas of
// @oha/domain, and what they answer on a seeded tenant parses with those very schemas.
import {
  ContinuityAssessment,
  EndingSoon,
  GoalProgressReport,
  GoalRealisation,
  IndicatorTrends,
  MeasureRealisation,
  NetworkHealth,
  ParticipationAssessment,
  RoundAnalysis,
  RoundTrend,
  StandardsAssessment,
  UpcomingMeetings,
} from "@oha/domain";
import { osterodeExample } from "@oha/domain/example";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { backends, openTestApp, type TestApp } from "./harness.js";

interface Schema {
  $ref?: string;
  type?: string;
  properties?: Record<string, Schema>;
  additionalProperties?: unknown;
  description?: string;
}
interface Document {
  paths: Record<
    string,
    Record<string, { responses: Record<string, { content?: Record<string, { schema: Schema }> }> }>
  >;
  components: { schemas: Record<string, Schema> };
}

const [earlier, later] = [...osterodeExample.reconciliationRound].sort((a, b) =>
  a.opensOn.localeCompare(b.opensOn),
);

/** Each analytics route with the component that describes its answer and the schema that parses it. */
const routes = [
  {
    path: "/goals",
    query: "goals?as_of=2025-06-30",
    component: "GoalAnalysis",
    schema: z.strictObject({ progress: GoalProgressReport, realisation: GoalRealisation }),
  },
  {
    path: "/realisation",
    query: "realisation?as_of=2025-06-30&from=2020-01-01",
    component: "MeasureRealisation",
    schema: MeasureRealisation,
  },
  {
    path: "/participation",
    query: "participation?as_of=2024-06-30&inactive_after_days=200",
    component: "ParticipationAssessment",
    schema: ParticipationAssessment,
  },
  {
    path: "/continuity",
    query: "continuity?as_of=2024-06-30",
    component: "ContinuityAssessment",
    schema: ContinuityAssessment,
  },
  {
    path: "/standards",
    query: "standards?as_of=2025-06-30",
    component: "StandardsAssessment",
    schema: StandardsAssessment,
  },
  {
    path: "/reconciliation/{roundId}",
    query: `reconciliation/${later?.id}?compare_to=${earlier?.id}&as_of=2025-06-30`,
    component: "ReconciliationAnalysis",
    schema: z.strictObject({ analysis: RoundAnalysis, trend: RoundTrend.optional() }),
  },
  { path: "/health", query: "health?as_of=2024-06-30", component: "NetworkHealth", schema: NetworkHealth },
  {
    path: "/deadlines",
    query: "deadlines?as_of=2026-03-01",
    component: "EndingSoon",
    schema: EndingSoon,
  },
  {
    path: "/indicators",
    query: "indicators?as_of=2024-01-31",
    component: "IndicatorTrends",
    schema: IndicatorTrends,
  },
  {
    path: "/meetings",
    query: "meetings?as_of=2024-03-01",
    component: "UpcomingMeetings",
    schema: UpcomingMeetings,
  },
] as const;

const pglite = backends.find((b) => b.name === "pglite");
if (!pglite) throw new Error("The embedded database is always available.");

describe("the analytics results in the API", () => {
  let t: TestApp;
  let doc: Document;
  beforeAll(async () => {
    t = await openTestApp(pglite);
    doc = (await t.request<Document>("GET", "/openapi.json")).body;
  });
  afterAll(() => t?.close());

  it.each(routes.map((r) => [r.path, r] as const))("%s answers a documented component", (_, route) => {
    const operation = doc.paths[`/api/v1/analytics${route.path}`]?.get;
    const schema = operation?.responses["200"]?.content?.["application/json"]?.schema;
    expect(schema).toEqual({ $ref: `#/components/schemas/${route.component}` });
    const component = doc.components.schemas[route.component];
    expect(component?.type).toBe("object");
    expect(component?.additionalProperties).toBe(false);
    expect(Object.keys(component?.properties ?? {}).sort()).toEqual(Object.keys(route.schema.shape).sort());
  });

  it("documents the parts of the results as components of their own", () => {
    for (const name of [
      "Rate",
      "LocalizedText",
      "GoalProgress",
      "HealthEvidence",
      "RoundTrend",
      "Handover",
    ]) {
      expect(doc.components.schemas[name], name).toMatchObject({
        type: "object",
        additionalProperties: false,
      });
    }
    expect(JSON.stringify(doc.components.schemas.GoalProgress)).toContain(
      '"#/components/schemas/GoalProgress"',
    );
  });

  it("lets a nullable part be null, next to a reference rather than inside it", () => {
    // Every component an analytics answer reaches, by following its references.
    const reached = new Set<string>();
    const follow = (name: string) => {
      if (reached.has(name)) return;
      reached.add(name);
      const json = JSON.stringify(doc.components.schemas[name]);
      for (const [, ref] of json.matchAll(/"#\/components\/schemas\/([A-Za-z]+)"/g)) follow(ref as string);
    };
    for (const route of routes) follow(route.component);
    expect(reached.size).toBeGreaterThan(60);
    for (const name of reached)
      expect(JSON.stringify(doc.components.schemas[name]), name).not.toContain('"allOf"');
    expect(doc.components.schemas.Handover?.properties?.successorStartedOn).toMatchObject({
      anyOf: [{ $ref: "#/components/schemas/IsoDate" }, { type: "null" }],
    });
  });

  it.each(
    routes.map((r) => [r.path, r] as const),
  )("%s answers what its schema describes", async (_, route) => {
    const reply = await t.request("GET", `/api/v1/analytics/${route.query}`, { key: t.keys.viewer });
    expect(reply.status, reply.text.slice(0, 300)).toBe(200);
    const parsed = route.schema.safeParse(reply.body);
    expect(parsed.error?.issues.slice(0, 5)).toBeUndefined();
    expect(JSON.stringify(reply.body).length).toBeGreaterThan(200);
  });
});
