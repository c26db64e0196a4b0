/** The codes of expected failures that the domain, the store and the API share. */
export const errorCodes = [
  "validation_failed",
  "not_found",
  "conflict",
  "precondition_required",
  "forbidden",
  "unauthorized",
  "already_exists",
  "import_refused",
  "rate_limited",
  "payload_too_large",
  "internal",
] as const;
/** One of {@link errorCodes}. */
export type ErrorCode = (typeof errorCodes)[number];

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
