import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import {
  type Affiliation,
  type DomainError,
  entities,
  err,
  HandoverInput,
  type Measure,
  type Membership,
  messages,
  OverlapVerdictInput,
  ok,
  planHandover,
  planOverlapReview,
  planSignature,
  planVerification,
  type Result,
  SignatureInput,
  staleVersionError,
  VerificationInput,
  viewOf,
  viewSchema,
} from "@oha/domain";
import type { TenantStore } from "@oha/store";
import type { Context } from "hono";
import type { AppEnv } from "../env.js";
import { validationHook } from "../http.js";
import { problemResponses } from "../problems.js";
import {
  bearer,
  changeWith,
  ctxOf,
  etagOf,
  fail,
  guard,
  IfMatch,
  now,
  requireVersion,
  storeOf,
  today,
} from "./support.js";

const IdParam = z.object({ id: z.string().meta({ param: { name: "id", in: "path" } }) });
const changeProblems = problemResponses(
  "validation_failed",
  "unauthorized",
  "forbidden",
  "not_found",
  "conflict",
  "precondition_failed",
  "precondition_required",
);

const HandoverResult = z
  .strictObject({
    ended: viewSchema("affiliation"),
    started: viewSchema("affiliation"),
    memberships: z.strictObject({
      ended: z.array(viewSchema("membership")),
      started: z.array(viewSchema("membership")),
    }),
  })
  .meta({ id: "HandoverResult" });

/** The name a stamp or review is signed with: the key's label or the user's name, else the principal id. */
function signer(c: Context<AppEnv>): string {
  const principal = c.get("principal");
  return principal.name ?? principal.id;
}

/**
 * Reviews a suspected overlap of two measures with the domain's rule, in one transaction. Both the
 * collection route and the analytics route use it, so no review bypasses the rule.
 */
export async function reviewOverlap(c: Context<AppEnv>, input: OverlapVerdictInput) {
  guard(c, "create", "overlapReview");
  const locale = c.get("locale");
  const result = await storeOf(c).transaction(async (tx) => {
    const found: Measure[] = [];
    for (const [index, id] of input.measureIds.entries()) {
      const measure = await tx.get("measure", id, { locale });
      if (!measure.ok) {
        const texts = messages.unknown_reference({ value: id });
        return err<DomainError>({
          code: "validation_failed",
          message: measure.error.message,
          details: [
            {
              path: `measureIds.${index}`,
              code: "unknown_reference",
              message: texts[locale],
              messages: texts,
            },
          ],
        });
      }
      found.push(measure.value);
    }
    const planned = planOverlapReview(
      [found[0] as Measure, found[1] as Measure],
      input,
      signer(c),
      now(c).toISOString(),
      locale,
    );
    if (!planned.ok) return planned;
    return tx.create("overlapReview", planned.value, ctxOf(c, "create"));
  });
  if (!result.ok) throw fail(result.error);
  c.header("ETag", etagOf(result.value));
  return result.value;
}

async function handOver(
  tx: TenantStore,
  c: Context<AppEnv>,
  id: string,
  expected: number,
  input: HandoverInput,
): Promise<Result<z.infer<typeof HandoverResult>, DomainError>> {
  const locale = c.get("locale");
  const affiliation = await tx.get("affiliation", id, { forUpdate: true, locale });
  if (!affiliation.ok) return affiliation;
  if (affiliation.value.version !== expected)
    return err(
      staleVersionError("affiliation", id, expected, affiliation.value.version, affiliation.value, locale),
    );
  const successor = await tx.get("contact", input.successorContactId, { locale });
  if (!successor.ok) {
    const texts = messages.unknown_reference({ value: input.successorContactId });
    return err({
      code: "validation_failed",
      message: successor.error.message,
      details: [
        { path: "successorContactId", code: "unknown_reference", message: texts[locale], messages: texts },
      ],
    });
  }
  const memberships = await tx.list("membership", {
    filter: { contactId: (affiliation.value as Affiliation).contactId },
    limit: 1000,
  });
  if (!memberships.ok) return memberships;
  const plan = planHandover(
    { affiliation: affiliation.value, memberships: memberships.value.items as Membership[] },
    input,
    locale,
  );
  if (!plan.ok) return plan;
  const written = await tx.apply(plan.value.changes, ctxOf(c));
  if (!written.ok) return written;
  const date = today(c);
  const records = written.value;
  const [ended, started, ...rest] = records;
  return ok({
    ended: viewOf("affiliation", ended as Affiliation, date),
    started: viewOf("affiliation", started as Affiliation, date),
    memberships: {
      ended: rest.filter((_, i) => i % 2 === 0).map((m) => viewOf("membership", m as Membership, date)),
      started: rest.filter((_, i) => i % 2 === 1).map((m) => viewOf("membership", m as Membership, date)),
    },
  });
}

/**
 * The office's operations that change several records or follow a rule of the domain: a contact
 * handover, a signature under an agreement, an overlap review and a verification stamp. Each runs
 * in one transaction: it happens whole or not at all.
 */
export function commandRoutes() {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(
      createRoute({
        method: "post",
        path: "/affiliations/{id}/handover",
        tags: ["Affiliations"],
        summary: "Hand a contact's role over to a successor / Übergabe an eine Nachfolge",
        operationId: "handOverAffiliation",
        description:
          "Ends the affiliation the day before `on`, starts the successor's with the same actor, level and role, and passes the person's memberships for that actor (seats in bodies) to the successor. One transaction. Requires If-Match with the affiliation's ETag.",
        security: bearer,
        request: {
          params: IdParam,
          headers: IfMatch,
          body: { required: true, content: { "application/json": { schema: HandoverInput } } },
        },
        responses: {
          200: {
            description: "The ended and the new affiliation, and the memberships that moved",
            content: { "application/json": { schema: HandoverResult } },
          },
          ...changeProblems,
        },
      }),
      async (c) => {
        const expected = requireVersion(c);
        guard(c, "update", "affiliation");
        guard(c, "update", "membership");
        const input = c.req.valid("json");
        const id = c.req.valid("param").id;
        const result = await storeOf(c).transaction((tx) => handOver(tx, c, id, expected, input));
        if (!result.ok) throw fail(result.error);
        c.header("ETag", etagOf(result.value.ended));
        return c.json(result.value, 200);
      },
    )
    .openapi(
      createRoute({
        method: "post",
        path: "/agreements/{id}/signatures",
        tags: ["Agreements"],
        summary: "Record a partner's signature / Unterschrift erfassen",
        operationId: "addAgreementSignature",
        description:
          "Adds or replaces the partner's signature (without a revision: under the current one). Once every party has signed the current revision, the agreement is signed, and in force from its validity start. Requires If-Match.",
        security: bearer,
        request: {
          params: IdParam,
          headers: IfMatch,
          body: { required: true, content: { "application/json": { schema: SignatureInput } } },
        },
        responses: {
          200: {
            description: "The agreement with its figures (missing signatures, status today)",
            content: { "application/json": { schema: viewSchema("agreement") } },
          },
          ...changeProblems,
        },
      }),
      async (c) => {
        const input = c.req.valid("json");
        const asOf = today(c);
        return c.json(
          await changeWith(c, "agreement", c.req.valid("param").id, (agreement) =>
            planSignature(agreement, input, asOf, c.get("locale")),
          ),
          200,
        );
      },
    )
    .openapi(
      createRoute({
        method: "post",
        path: "/measures/{id}/verify",
        tags: ["Measures"],
        summary: "Confirm a measure is still accurate / Angaben bestätigen",
        operationId: "verifyMeasure",
        description:
          "Stamps the measure with the time and the name of whoever confirmed it (the API key's label or the user's name). Requires If-Match.",
        security: bearer,
        request: {
          params: IdParam,
          headers: IfMatch,
          body: { required: false, content: { "application/json": { schema: VerificationInput } } },
        },
        responses: {
          200: {
            description: "The measure",
            content: { "application/json": { schema: viewSchema("measure") } },
          },
          ...changeProblems,
        },
      }),
      async (c) => {
        const stamp = planVerification(signer(c), now(c).toISOString());
        return c.json(await changeWith(c, "measure", c.req.valid("param").id, () => stamp), 200);
      },
    )
    .openapi(
      createRoute({
        method: "post",
        path: "/overlap-reviews",
        tags: [entities.overlapReview.labelPlural.en],
        summary: "Review a suspected overlap / Überschneidung bewerten",
        operationId: "createOverlapReview",
        description:
          "Records a coordinator's verdict on two measures, signed with the caller's name and the time; the measures must exist and differ.",
        security: bearer,
        request: {
          body: { required: true, content: { "application/json": { schema: OverlapVerdictInput } } },
        },
        responses: {
          201: {
            description: "The review",
            content: { "application/json": { schema: viewSchema("overlapReview") } },
            headers: { ETag: { schema: { type: "string" } } },
          },
          ...problemResponses("validation_failed", "unauthorized", "forbidden"),
        },
      }),
      async (c) => c.json(await reviewOverlap(c, c.req.valid("json")), 201),
    );
}
