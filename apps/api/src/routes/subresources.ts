import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import {
  ActionItem,
  ActionItemCompletion,
  ActionItemInput,
  Adoption,
  Attendance,
  addActionItem,
  addDecision,
  addReview,
  canCompleteActionItem,
  DecisionInput,
  EffectivenessReview,
  entities,
  err,
  errorTitles,
  IsoDate,
  type Meeting,
  openActionItems,
  planActionItemCompletion,
  recordAttendance,
  setAdoption,
  staleVersionError,
  viewOf,
  viewSchema,
} from "@oha/domain";
import type { AppEnv } from "../env.js";
import { validationHook } from "../http.js";
import { ProblemError, problemResponses } from "../problems.js";
import {
  bearer,
  changeWith,
  ctxOf,
  etagOf,
  fail,
  guard,
  IfMatch,
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
  "precondition_failed",
  "precondition_required",
);

/** Applies a domain operation to a record in one transaction (see {@link changeWith}). */
const change = changeWith;

const Meetings = viewSchema("meeting");
const Standards = viewSchema("standard");

const OpenActionItem = z
  .object({
    meetingId: z.string(),
    meetingTitle: z.string(),
    meetingVersion: z.int().meta({ description: "The meeting's version, for the If-Match of a change." }),
    bodyId: z.string(),
    item: ActionItem,
    overdue: z.boolean(),
  })
  .meta({ id: "OpenActionItem" });

/** Sub-resources of meetings, agreements, standards and reconciliation rounds. */
export function subresourceRoutes() {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(
      createRoute({
        method: "put",
        path: "/meetings/{id}/attendance",
        tags: ["Meetings"],
        summary: "Record attendance / Anwesenheit erfassen",
        operationId: "recordMeetingAttendance",
        description: "Sets the attendance of the people named; everyone else's stays.",
        security: bearer,
        request: {
          params: IdParam,
          headers: IfMatch,
          body: {
            required: true,
            content: {
              "application/json": { schema: z.strictObject({ entries: z.array(Attendance).min(1) }) },
            },
          },
        },
        responses: {
          200: { description: "The meeting", content: { "application/json": { schema: Meetings } } },
          ...changeProblems,
        },
      }),
      async (c) => {
        const { entries } = c.req.valid("json");
        return c.json(
          await change(c, "meeting", c.req.valid("param").id, (m) => recordAttendance(m, entries)),
          200,
        );
      },
    )
    .openapi(
      createRoute({
        method: "post",
        path: "/meetings/{id}/decisions",
        tags: ["Meetings"],
        summary: "Record a decision / Beschluss erfassen",
        operationId: "addMeetingDecision",
        security: bearer,
        request: {
          params: IdParam,
          headers: IfMatch,
          body: { required: true, content: { "application/json": { schema: DecisionInput } } },
        },
        responses: {
          200: { description: "The meeting", content: { "application/json": { schema: Meetings } } },
          ...changeProblems,
        },
      }),
      async (c) => {
        const decision = c.req.valid("json");
        return c.json(
          await change(c, "meeting", c.req.valid("param").id, (m) => addDecision(m, decision)),
          200,
        );
      },
    )
    .openapi(
      createRoute({
        method: "post",
        path: "/meetings/{id}/action-items",
        tags: ["Meetings"],
        summary: "Add an action item / Aufgabe erfassen",
        operationId: "addMeetingActionItem",
        security: bearer,
        request: {
          params: IdParam,
          headers: IfMatch,
          body: { required: true, content: { "application/json": { schema: ActionItemInput } } },
        },
        responses: {
          200: { description: "The meeting", content: { "application/json": { schema: Meetings } } },
          ...changeProblems,
        },
      }),
      async (c) => {
        const item = c.req.valid("json");
        return c.json(
          await change(c, "meeting", c.req.valid("param").id, (m) => addActionItem(m, item)),
          200,
        );
      },
    )
    .openapi(
      createRoute({
        method: "get",
        path: "/action-items",
        tags: ["Meetings"],
        summary: "Open action items across meetings / Offene Aufgaben",
        operationId: "listOpenActionItems",
        security: bearer,
        request: {
          query: z.object({
            as_of: IsoDate.optional().meta({ description: "Reference date for 'overdue' (default today)." }),
            owner_actor_id: z
              .string()
              .optional()
              .meta({ description: "Only the items assigned to this partner." }),
          }),
        },
        responses: {
          200: {
            description: "Open items, oldest due date first",
            content: { "application/json": { schema: z.object({ items: z.array(OpenActionItem) }) } },
          },
          ...problemResponses("unauthorized", "forbidden"),
        },
      }),
      async (c) => {
        guard(c, "read", "meeting");
        const meetings: Meeting[] = [];
        let cursor: string | undefined;
        do {
          const page = await storeOf(c).list("meeting", { limit: 1000, ...(cursor ? { cursor } : {}) });
          if (!page.ok) throw fail(page.error);
          meetings.push(...page.value.items);
          cursor = page.value.nextCursor;
        } while (cursor);
        const q = c.req.valid("query");
        const asOf = q.as_of ?? today(c);
        return c.json({ items: openActionItems(meetings, asOf, { ownerActorId: q.owner_actor_id }) }, 200);
      },
    )
    .openapi(
      createRoute({
        method: "post",
        path: "/meetings/{id}/action-items/{itemId}/done",
        tags: ["Meetings"],
        summary: "Mark an action item done / Aufgabe als erledigt markieren",
        operationId: "completeMeetingActionItem",
        description:
          "Marks one action item done (today unless `doneOn` is given). Whoever may edit the meeting may do it, and a partner for the items assigned to its own actor. Requires If-Match with the meeting's ETag.",
        security: bearer,
        request: {
          params: IdParam.extend({
            itemId: z.string().meta({ param: { name: "itemId", in: "path" } }),
          }),
          headers: IfMatch,
          body: { required: false, content: { "application/json": { schema: ActionItemCompletion } } },
        },
        responses: {
          200: { description: "The meeting", content: { "application/json": { schema: Meetings } } },
          ...problemResponses(
            "validation_failed",
            "unauthorized",
            "forbidden",
            "not_found",
            "conflict",
            "precondition_failed",
            "precondition_required",
          ),
        },
      }),
      async (c) => {
        const expected = requireVersion(c);
        const { id, itemId } = c.req.valid("param");
        const completion = c.req.valid("json") ?? {};
        const principal = c.get("principal");
        // Whoever could complete no item at all (a viewer, a partner without actor) is refused before any read.
        if (!canCompleteActionItem(principal, { ownerActorId: principal.actorId }))
          throw new ProblemError("forbidden");
        const locale = c.get("locale");
        const asOf = today(c);
        const ownerOf = (meeting: object) =>
          (meeting as Meeting).actionItems.find((item) => item.id === itemId) ?? {};
        const result = await storeOf(c).transaction(async (tx) => {
          const current = await tx.get("meeting", id, { forUpdate: true, locale });
          if (!current.ok) return current;
          if (current.value.version !== expected)
            return err(
              staleVersionError("meeting", id, expected, current.value.version, current.value, locale),
            );
          const planned = planActionItemCompletion(current.value, itemId, completion, asOf, locale);
          if (!planned.ok) return planned;
          if (!canCompleteActionItem(principal, ownerOf(current.value)))
            return err({ code: "forbidden" as const, message: errorTitles.forbidden[locale] });
          // The domain's rule for action items, on the locked meeting as it is and as it would be.
          return tx.update("meeting", id, expected, planned.value, {
            ...ctxOf(c, "update"),
            authorize: (entity, before) =>
              entity === "meeting" &&
              before !== undefined &&
              canCompleteActionItem(principal, ownerOf(before)),
          });
        });
        if (!result.ok) throw fail(result.error);
        c.header("ETag", etagOf(result.value));
        return c.json(viewOf("meeting", result.value as Meeting, asOf), 200);
      },
    )
    .openapi(
      createRoute({
        method: "get",
        path: "/agreements/{id}/goals",
        tags: ["Agreements"],
        summary: "Goals of an agreement / Ziele einer Vereinbarung",
        operationId: "listAgreementGoals",
        security: bearer,
        request: { params: IdParam },
        responses: {
          200: {
            description: "The goals",
            content: { "application/json": { schema: z.object({ items: z.array(entities.goal.Record) }) } },
          },
          ...problemResponses("unauthorized", "forbidden", "not_found"),
        },
      }),
      async (c) => {
        guard(c, "read", "goal");
        const id = c.req.valid("param").id;
        const agreement = await storeOf(c).get("agreement", id);
        if (!agreement.ok) throw fail(agreement.error);
        const goals = await storeOf(c).list("goal", {
          filter: { agreementId: id },
          limit: 1000,
          sort: "title",
          order: "asc",
        });
        if (!goals.ok) throw fail(goals.error);
        return c.json({ items: goals.value.items }, 200);
      },
    )
    .openapi(
      createRoute({
        method: "put",
        path: "/standards/{id}/adoptions",
        tags: ["Standards"],
        summary: "Set an actor's adoption of a standard / Umsetzungsstand setzen",
        operationId: "setStandardAdoption",
        security: bearer,
        request: {
          params: IdParam,
          headers: IfMatch,
          body: { required: true, content: { "application/json": { schema: Adoption } } },
        },
        responses: {
          200: { description: "The standard", content: { "application/json": { schema: Standards } } },
          ...changeProblems,
        },
      }),
      async (c) => {
        const adoption = c.req.valid("json");
        return c.json(
          await change(c, "standard", c.req.valid("param").id, (s) => setAdoption(s, adoption)),
          200,
        );
      },
    )
    .openapi(
      createRoute({
        method: "post",
        path: "/standards/{id}/reviews",
        tags: ["Standards"],
        summary: "Record an effectiveness review / Wirksamkeitsprüfung erfassen",
        operationId: "addStandardReview",
        security: bearer,
        request: {
          params: IdParam,
          headers: IfMatch,
          body: { required: true, content: { "application/json": { schema: EffectivenessReview } } },
        },
        responses: {
          200: { description: "The standard", content: { "application/json": { schema: Standards } } },
          ...changeProblems,
        },
      }),
      async (c) => {
        const review = c.req.valid("json");
        return c.json(await change(c, "standard", c.req.valid("param").id, (s) => addReview(s, review)), 200);
      },
    )
    .openapi(
      createRoute({
        method: "get",
        path: "/reconciliation-rounds/{id}/responses",
        tags: ["Reconciliation rounds"],
        summary: "Responses of a round / Rückmeldungen einer Runde",
        operationId: "listRoundResponses",
        security: bearer,
        request: { params: IdParam },
        responses: {
          200: {
            description: "The responses",
            content: {
              "application/json": {
                schema: z.object({ items: z.array(entities.reconciliationResponse.Record) }),
              },
            },
          },
          ...problemResponses("unauthorized", "forbidden", "not_found"),
        },
      }),
      async (c) => {
        guard(c, "read", "reconciliationResponse");
        const id = c.req.valid("param").id;
        const round = await storeOf(c).get("reconciliationRound", id);
        if (!round.ok) throw fail(round.error);
        const responses = await storeOf(c).list("reconciliationResponse", {
          filter: { roundId: id },
          limit: 1000,
        });
        if (!responses.ok) throw fail(responses.error);
        return c.json({ items: responses.value.items }, 200);
      },
    );
}
