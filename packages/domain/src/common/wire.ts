// The shapes every API answer shares, as Zod schemas: the API documents them in OpenAPI and
// validates its answers against them in tests; clients infer their types from them.
import { z } from "zod";
import { Role } from "../model/role.js";
import { LocalizedText, text } from "./i18n.js";
import { labelledEnum } from "./labels.js";
import { IsoDateTime } from "./record.js";
import { errorCodes } from "./result.js";

/** A field-level problem: where it is (`path`), what kind (`code`) and what to tell the user. */
export const ProblemDetail = z
  .strictObject({
    path: z
      .string()
      .meta({ description: "The field, dotted (`adoptions.2.actorId`); empty for the whole input." }),
    code: z.string(),
    message: z.string().meta({ description: "In the request's language." }),
    messages: LocalizedText,
  })
  .meta({ id: "ProblemDetail" });
export type ProblemDetail = z.infer<typeof ProblemDetail>;

/** An RFC 9457 problem document, as every failure is answered. */
export const Problem = z
  .strictObject({
    type: z.string(),
    title: z.string(),
    status: z.int(),
    code: z.enum(errorCodes),
    detail: z.string().optional(),
    instance: z.string().optional(),
    requestId: z.string().optional(),
    errors: z.array(ProblemDetail).optional(),
    current: z.unknown().optional().meta({ description: "On a stale edit (412): the record as it is now." }),
  })
  .meta({ id: "Problem" });
export type Problem = z.infer<typeof Problem>;

/**
 * The page of a list, for an item schema.
 *
 * @example
 * const ActorPage = pageOf(entities.actor.Record, "ActorPage");
 */
export function pageOf<T extends z.ZodType>(item: T, id?: string) {
  const schema = z.strictObject({
    items: z.array(item),
    total: z.int().min(0).meta({ description: "How many records match, over all pages." }),
    limit: z.int().min(0),
    offset: z.int().min(0),
  });
  return id ? schema.meta({ id }) : schema;
}
/** A page of a list. */
export type Page<T> = { items: T[]; total: number; limit: number; offset: number };

export const historyActionLabels = {
  create: text("Angelegt", "Created"),
  update: text("Geändert", "Changed"),
  delete: text("Gelöscht", "Deleted"),
  restore: text("Wiederhergestellt", "Restored"),
  purge: text("Endgültig gelöscht (personenbezogene Daten entfernt)", "Erased (personal data removed)"),
  import: text("Importiert", "Imported"),
} as const;
/** What happened to a record in one history entry. */
export const HistoryAction = labelledEnum("HistoryAction", historyActionLabels);
export type HistoryAction = z.infer<typeof HistoryAction>;

/** One entry of a record's change history. */
export const HistoryEntry = z
  .strictObject({
    seq: z.int(),
    entity: z.string(),
    recordId: z.string(),
    action: HistoryAction,
    version: z.int().nullable().meta({ description: "The version after the change; null for a purge." }),
    principal: z.string().meta({ description: "Who changed it: `key:<id>` or `oidc:<hash>`." }),
    principalName: z
      .string()
      .nullable()
      .meta({ description: "The API key's label or the signed-in user's name, as it was at the change." }),
    at: IsoDateTime,
    before: z
      .record(z.string(), z.unknown())
      .nullable()
      .meta({ description: "The changed fields before the change; null for a create." }),
    after: z
      .record(z.string(), z.unknown())
      .nullable()
      .meta({ description: "The changed fields after the change; null for a purge." }),
  })
  .meta({ id: "HistoryEntry" });
export type HistoryEntry = z.infer<typeof HistoryEntry>;

/** The answer of a batch create: per row whether it is valid and, once written, its id. */
export const BatchResult = z
  .strictObject({
    dryRun: z.boolean(),
    ok: z
      .boolean()
      .meta({ description: "True when every row is valid (and, unless a dry run, all were written)." }),
    results: z.array(
      z.strictObject({
        index: z.int().min(0),
        ok: z.boolean(),
        id: z.string().optional(),
        errors: z.array(ProblemDetail).optional(),
      }),
    ),
  })
  .meta({ id: "BatchResult" });
export type BatchResult = z.infer<typeof BatchResult>;

/** The outcome of erasing a record for good. */
export const PurgeResult = z
  .strictObject({ entity: z.string(), id: z.string(), purgedAt: IsoDateTime })
  .meta({ id: "PurgeResult" });
export type PurgeResult = z.infer<typeof PurgeResult>;

/** Who is signed in, and in which tenant. */
export const Me = z
  .strictObject({
    principal: z.strictObject({
      id: z.string(),
      kind: z.enum(["api_key", "oidc"]),
      role: Role,
      actorId: z.string().optional(),
      name: z.string().optional().meta({ description: "The API key's label or the user's name." }),
    }),
    tenant: z.strictObject({ id: z.string(), name: z.string() }),
  })
  .meta({ id: "Me" });
export type Me = z.infer<typeof Me>;
