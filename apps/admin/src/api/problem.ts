/** One field-level problem as the API reports it (RFC 9457 extension `errors`). */
export interface FieldProblem {
  readonly path: string;
  readonly code: string;
  readonly message: string;
  readonly messages?: { readonly de: string; readonly en: string };
}

/** An RFC 9457 problem document, as far as the UI reads it. */
export interface Problem {
  readonly title?: string;
  readonly status: number;
  readonly code?: string;
  readonly detail?: string;
  readonly requestId?: string;
  readonly errors?: readonly FieldProblem[];
  /** On 412: the record as it is now on the server. */
  readonly current?: unknown;
}

/**
 * A failed API call. `kind` tells a network failure (no answer at all) from an answer with an
 * error status; `problem.title` is already localised by the server when it answered.
 */
export class ApiError extends Error {
  constructor(
    readonly kind: "network" | "http",
    readonly problem: Problem,
  ) {
    super(problem.title ?? `HTTP ${problem.status}`);
    this.name = "ApiError";
  }
  get status(): number {
    return this.problem.status;
  }
}

/** Whether a value is an {@link ApiError}. */
export const isApiError = (value: unknown): value is ApiError => value instanceof ApiError;

/** Reads a failed response into an {@link ApiError}; a body that is no problem document still gives the status. */
export async function errorFromResponse(res: Response): Promise<ApiError> {
  let body: unknown;
  try {
    body = await res.json();
  } catch {
    body = undefined;
  }
  const doc = body && typeof body === "object" ? (body as Partial<Problem>) : {};
  return new ApiError("http", {
    ...doc,
    status: res.status,
    ...(typeof doc.title === "string" ? { title: doc.title } : {}),
  } as Problem);
}

/** Wraps a thrown fetch failure (offline, refused, aborted) as an {@link ApiError}. */
export function networkError(cause: unknown): ApiError {
  const error = new ApiError("network", { status: 0 });
  error.cause = cause;
  return error;
}
