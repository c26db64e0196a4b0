// Type tests: the typed client's answers are the domain's types, so a UI or another district's
// system that uses the client gets the same shapes the API documents in OpenAPI.
import type {
  Agreement,
  AgreementFigures,
  EntityCreate,
  EntityPatch,
  EntityView,
  Measure,
  NetworkHealth,
  Page,
} from "@oha/domain";
import type { InferRequestType, InferResponseType } from "hono/client";
import { describe, expectTypeOf, it } from "vitest";
import { createClient } from "../src/client.js";

const client = createClient("http://127.0.0.1:8787");
const v1 = client.api.v1;

describe("the typed client", () => {
  it("lists records as pages of the entity's records", () => {
    type Listed = InferResponseType<typeof v1.measures.$get, 200>;
    expectTypeOf<Listed>().toEqualTypeOf<Page<Measure>>();
    expectTypeOf<Listed["items"][number]["providerActorId"]>().toEqualTypeOf<Measure["providerActorId"]>();
  });

  it("gets a record with its figures where the entity has some", () => {
    type Got = InferResponseType<(typeof v1.agreements)[":id"]["$get"], 200>;
    expectTypeOf<Got>().branded.toEqualTypeOf<EntityView<"agreement">>();
    expectTypeOf<Got["figures"]>().toEqualTypeOf<AgreementFigures>();
    expectTypeOf<Got["status"]>().toEqualTypeOf<Agreement["status"]>();
  });

  it("creates and patches with the domain's input types", () => {
    type Created = InferRequestType<typeof v1.actors.$post>["json"];
    expectTypeOf<Created>().toEqualTypeOf<EntityCreate<"actor">>();
    type Patched = InferRequestType<(typeof v1.actors)[":id"]["$patch"]>;
    expectTypeOf<Patched["json"]>().toEqualTypeOf<EntityPatch<"actor">>();
    expectTypeOf<Patched["param"]>().toEqualTypeOf<{ id: string }>();
    type Answer = InferResponseType<(typeof v1.actors)[":id"]["$patch"], 200>;
    expectTypeOf<Answer>().branded.toEqualTypeOf<EntityView<"actor">>();
  });

  it("answers an analysis with the domain's result type", () => {
    type Health = InferResponseType<typeof v1.analytics.health.$get, 200>;
    expectTypeOf<Health>().toEqualTypeOf<NetworkHealth>();
  });
});
