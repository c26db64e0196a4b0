import { describe, expectTypeOf, it } from "vitest";
import type { z } from "zod";
import type { LocalizedText } from "../common/i18n.js";
import type { Network } from "../model/entities.js";
import type { analyses } from "./analyses.js";
import type { assessContinuity, ContinuityAssessment } from "./continuity.js";
import type { GoalProgress, rollUpGoalProgress } from "./goals.js";
import type { assessNetworkHealth, HealthEvidence } from "./health.js";
import type { assessParticipation } from "./participation.js";
import type { AnalysisInput } from "./reads.js";
import type { goalRealisation, goalRealisationFromReport, measureRealisation } from "./realisation.js";
import type {
  analyseReconciliationRound,
  compareReconciliationRounds,
  reconciliationHistory,
} from "./reconciliation.js";
import type { assessStandards } from "./standards.js";

type Input<F extends (...args: never[]) => unknown> = Parameters<F>[0];
type Result<N extends keyof typeof analyses> = (typeof analyses)[N] extends {
  result: infer S extends z.ZodType;
}
  ? S
  : never;

describe("the analyses' inputs", () => {
  it("are exactly the entities each declares", () => {
    expectTypeOf<Input<typeof measureRealisation>>().toEqualTypeOf<Pick<Network, "measure">>();
    expectTypeOf<Input<typeof rollUpGoalProgress>>().toEqualTypeOf<
      Pick<Network, "region" | "indicator" | "observation" | "goal">
    >();
    expectTypeOf<Input<typeof goalRealisation>>().toEqualTypeOf<Input<typeof rollUpGoalProgress>>();
    expectTypeOf<Input<typeof assessParticipation>>().toEqualTypeOf<
      Pick<
        Network,
        | "actor"
        | "affiliation"
        | "body"
        | "seat"
        | "membership"
        | "meeting"
        | "reconciliationRound"
        | "reconciliationResponse"
      >
    >();
    expectTypeOf<Input<typeof assessContinuity>>().toEqualTypeOf<
      Pick<Network, "actor" | "affiliation" | "body" | "seat" | "membership">
    >();
    expectTypeOf<Input<typeof assessStandards>>().toEqualTypeOf<Pick<Network, "actor" | "standard">>();
    expectTypeOf<Input<typeof reconciliationHistory>>().toEqualTypeOf<
      Pick<Network, "reconciliationRound" | "reconciliationResponse">
    >();
    expectTypeOf<Input<typeof assessNetworkHealth>>().toEqualTypeOf<
      Pick<Network, Exclude<keyof Network, "contact" | "guide" | "document">>
    >();
  });

  it("follow the declarations", () => {
    expectTypeOf<Input<typeof assessContinuity>>().toEqualTypeOf<AnalysisInput<"assessContinuity">>();
    expectTypeOf<AnalysisInput<"assessStandards">>().toEqualTypeOf<
      Pick<Network, (typeof analyses)["assessStandards"]["reads"][number]>
    >();
  });

  it("accept a whole network, and refuse one that lacks a declared entity", () => {
    expectTypeOf<Network>().toExtend<Input<typeof assessNetworkHealth>>();
    expectTypeOf<Omit<Network, "seat">>().not.toExtend<Input<typeof assessContinuity>>();
  });
});

describe("the result schemas", () => {
  it("describe exactly what each analysis returns", () => {
    expectTypeOf<z.output<Result<"measureRealisation">>>().toEqualTypeOf<
      ReturnType<typeof measureRealisation>
    >();
    expectTypeOf<z.output<Result<"rollUpGoalProgress">>>().toEqualTypeOf<
      ReturnType<typeof rollUpGoalProgress>
    >();
    expectTypeOf<z.output<Result<"goalRealisation">>>().toEqualTypeOf<ReturnType<typeof goalRealisation>>();
    expectTypeOf<z.output<Result<"goalRealisation">>>().toEqualTypeOf<
      ReturnType<typeof goalRealisationFromReport>
    >();
    expectTypeOf<z.output<Result<"assessParticipation">>>().toEqualTypeOf<
      ReturnType<typeof assessParticipation>
    >();
    expectTypeOf<z.output<Result<"assessContinuity">>>().toEqualTypeOf<ReturnType<typeof assessContinuity>>();
    expectTypeOf<z.output<Result<"assessStandards">>>().toEqualTypeOf<ReturnType<typeof assessStandards>>();
    expectTypeOf<z.output<Result<"reconciliationHistory">>>().toEqualTypeOf<
      ReturnType<typeof reconciliationHistory>
    >();
    expectTypeOf<z.output<Result<"analyseReconciliationRound">>>().toEqualTypeOf<
      ReturnType<typeof analyseReconciliationRound>
    >();
    expectTypeOf<z.output<Result<"compareReconciliationRounds">>>().toEqualTypeOf<
      ReturnType<typeof compareReconciliationRounds>
    >();
    expectTypeOf<z.output<Result<"assessNetworkHealth">>>().toEqualTypeOf<
      ReturnType<typeof assessNetworkHealth>
    >();
  });

  it("take on the wire what they give (no transforms, no defaults)", () => {
    expectTypeOf<z.input<Result<"rollUpGoalProgress">>>().toEqualTypeOf<
      z.output<Result<"rollUpGoalProgress">>
    >();
    expectTypeOf<z.input<Result<"assessContinuity">>>().toEqualTypeOf<z.output<Result<"assessContinuity">>>();
    expectTypeOf<z.input<Result<"assessNetworkHealth">>>().toEqualTypeOf<
      z.output<Result<"assessNetworkHealth">>
    >();
  });

  it("carry dates as strings, texts in German and English, and the goal tree recursively", () => {
    expectTypeOf<ContinuityAssessment["asOf"]>().toEqualTypeOf<string>();
    expectTypeOf<ContinuityAssessment["handovers"][number]["successorStartedOn"]>().toEqualTypeOf<
      string | null
    >();
    expectTypeOf<HealthEvidence["text"]>().toEqualTypeOf<LocalizedText>();
    expectTypeOf<LocalizedText>().toEqualTypeOf<{ de: string; en: string }>();
    expectTypeOf<GoalProgress["children"][number]>().toEqualTypeOf<GoalProgress>();
  });
});
