import { type LocalizedText, text } from "./i18n.js";

/**
 * The codes of expected failures, shared by the domain, the store and the API: one vocabulary from
 * a rule in the domain to the problem document a client receives.
 */
export const errorCodes = [
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
  "not_implemented",
  "unavailable",
] as const;
/** One of {@link errorCodes}. */
export type ErrorCode = (typeof errorCodes)[number];

/**
 * The HTTP status of each error code. `conflict` is a request that contradicts the current state
 * (an operation that no longer applies); `precondition_failed` is an edit of a version that is no
 * longer the current one (a stale `If-Match`).
 */
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
  not_implemented: 501,
  unavailable: 503,
} as const satisfies Record<ErrorCode, number>;

/** The German and English title of each error code, as a coordinator reads it. */
export const errorTitles: Readonly<Record<ErrorCode, LocalizedText>> = {
  validation_failed: text("Die Eingabe enthält Fehler.", "The input contains errors."),
  malformed_request: text("Die Anfrage ist nicht lesbar.", "The request could not be read."),
  unauthorized: text("Anmeldung erforderlich.", "Authentication required."),
  forbidden: text("Dafür fehlt die Berechtigung.", "You are not allowed to do this."),
  not_found: text("Nicht gefunden.", "Not found."),
  conflict: text(
    "Das passt nicht zum aktuellen Stand der Daten.",
    "This does not fit the current state of the data.",
  ),
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
    "Bitte JSON in UTF-8 senden (application/json).",
    "Please send JSON in UTF-8 (application/json).",
  ),
  rate_limited: text(
    "Zu viele Anfragen. Bitte später erneut versuchen.",
    "Too many requests. Please try again later.",
  ),
  internal: text("Ein interner Fehler ist aufgetreten.", "An internal error occurred."),
  not_implemented: text(
    "Diese Funktion steht in dieser Betriebsart nicht zur Verfügung.",
    "This feature is not available in this deployment.",
  ),
  unavailable: text("Der Dienst ist gerade nicht verfügbar.", "The service is unavailable right now."),
};

/** A field-level problem: where it is, what kind it is, and what to tell the user. */
export interface IssueDetail {
  readonly path: string;
  readonly code: string;
  readonly message: string;
  readonly messages: { readonly de: string; readonly en: string };
}

/** An expected failure as a value. */
export interface DomainError {
  readonly code: ErrorCode;
  readonly message: string;
  readonly details?: readonly IssueDetail[];
}

/** An expected outcome: the value, or the reason there is none. */
export type Result<T, E = DomainError> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: E };

/** Wraps a value as a successful {@link Result}. */
export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });
/** Wraps an error as a failed {@link Result}. */
export const err = <E>(error: E): Result<never, E> => ({ ok: false, error });
