import { z } from "@hono/zod-openapi";
import { type IssueDetail, type Locale, type LocalizedText, text } from "@oha/domain";

/** Every problem type the API answers with, as a stable code. */
export const problemCodes = [
  "validation_failed",
  "malformed_request",
  "unauthorized",
  "forbidden",
  "not_found",
  "conflict",
  "precondition_failed",
  "precondition_required",
  "idempotency_conflict",
  "import_refused",
  "payload_too_large",
  "unsupported_media_type",
  "rate_limited",
  "internal",
  "unavailable",
] as const;
export type ProblemCode = (typeof problemCodes)[number];

export const codeToStatus = {
  validation_failed: 400,
  malformed_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  precondition_failed: 412,
  precondition_required: 428,
  idempotency_conflict: 409,
  import_refused: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const satisfies Record<ProblemCode, number>;

const titles: Record<ProblemCode, LocalizedText> = {
  validation_failed: text("Die Eingabe enthält Fehler.", "The input contains errors."),
  malformed_request: text("Die Anfrage ist nicht lesbar.", "The request could not be read."),
  unauthorized: text("Anmeldung erforderlich.", "Authentication required."),
  forbidden: text("Dafür fehlt die Berechtigung.", "You are not allowed to do this."),
  not_found: text("Nicht gefunden.", "Not found."),
  conflict: text("Der Datensatz wurde inzwischen geändert.", "The record has been changed in the meantime."),
  precondition_failed: text(
    "Der Datensatz wurde inzwischen von jemand anderem geändert.",
    "The record has been changed by someone else in the meantime.",
  ),
  precondition_required: text(
    "Für Änderungen ist der Kopf „If-Match“ mit dem ETag des Datensatzes nötig.",
    "Changes need an “If-Match” header with the record's ETag.",
  ),
  idempotency_conflict: text(
    "Dieser Idempotency-Key wurde schon für eine andere Anfrage verwendet.",
    "This Idempotency-Key was already used for a different request.",
  ),
  import_refused: text(
    "Der Import wurde abgelehnt; es wurde nichts geändert.",
    "The import was refused; nothing was changed.",
  ),
  payload_too_large: text("Die Anfrage ist zu groß.", "The request is too large."),
  unsupported_media_type: text(
    "Bitte JSON senden (application/json).",
    "Please send JSON (application/json).",
  ),
  rate_limited: text(
    "Zu viele Anfragen. Bitte später erneut versuchen.",
    "Too many requests. Please try again later.",
  ),
  internal: text("Ein interner Fehler ist aufgetreten.", "An internal error occurred."),
  unavailable: text("Der Dienst ist gerade nicht verfügbar.", "The service is unavailable right now."),
};

/** The localised title of a problem type. */
export const problemTitle = (code: ProblemCode, locale: Locale): string => titles[code][locale];

/** The URI that identifies a problem type (RFC 9457 `type`). */
export const problemType = (code: ProblemCode): string =>
  `https://oha.example/problems/${code.replaceAll("_", "-")}`;

/** An RFC 9457 problem document as the API sends it. */
export const Problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.enum(problemCodes),
    detail: z.string().optional(),
    instance: z.string().optional(),
    requestId: z.string().optional(),
    errors: z
      .array(
        z.object({
          path: z.string(),
          code: z.string(),
          message: z.string(),
          messages: z.object({ de: z.string(), en: z.string() }),
        }),
      )
      .optional(),
    current: z.unknown().optional().meta({ description: "On a conflict: the record as it is now." }),
  })
  .meta({ id: "Problem" });
export type Problem = z.infer<typeof Problem>;

/** An error that carries a problem; thrown inside the app and turned into problem+json by `onError`. */
export class ProblemError extends Error {
  constructor(
    readonly code: ProblemCode,
    readonly options: {
      detail?: string;
      errors?: readonly IssueDetail[];
      current?: unknown;
      headers?: Record<string, string>;
    } = {},
  ) {
    super(options.detail ?? code);
  }
}

/** Builds the problem document for a code. */
export function problemBody(
  code: ProblemCode,
  locale: Locale,
  extra: {
    detail?: string | undefined;
    errors?: readonly IssueDetail[] | undefined;
    current?: unknown;
    instance?: string;
    requestId?: string;
  } = {},
): Problem {
  const body: Problem = {
    type: problemType(code),
    title: problemTitle(code, locale),
    status: codeToStatus[code],
    code,
  };
  if (extra.detail) body.detail = extra.detail;
  if (extra.instance) body.instance = extra.instance;
  if (extra.requestId) body.requestId = extra.requestId;
  if (extra.errors?.length) body.errors = [...extra.errors];
  if (extra.current !== undefined) body.current = extra.current;
  return body;
}

/** The problem responses every route can give, for the OpenAPI document. */
export function problemResponses(...codes: ProblemCode[]) {
  const out: Record<
    number,
    { description: string; content: { "application/problem+json": { schema: typeof Problem } } }
  > = {};
  for (const code of codes) {
    out[codeToStatus[code]] = {
      description: titles[code].en,
      content: { "application/problem+json": { schema: Problem } },
    };
  }
  return out;
}
