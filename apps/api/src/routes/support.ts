import { z } from "@hono/zod-openapi";
import { type Action, can, type DomainError } from "@oha/domain";
import type { Context } from "hono";
import type { AppEnv } from "../env.js";
import { type ProblemCode, ProblemError } from "../problems.js";

/** The OpenAPI security requirement of every authenticated route: an API key or OIDC token. */
export const bearer = [{ bearer: [] }];

/** The `If-Match` header a change needs (its absence answers 428, see {@link requireVersion}). */
export const IfMatch = z.object({
  "if-match": z.string().optional().meta({ description: "The ETag of the record being changed (required)." }),
});

/** Now, from the app's clock (injectable in tests). */
export function now(c: Context<AppEnv>): Date {
  return c.get("deps").now?.() ?? new Date();
}

/** Today's date (ISO `YYYY-MM-DD`) from the app's clock, the default reference date of analyses. */
export function today(c: Context<AppEnv>): string {
  return now(c).toISOString().slice(0, 10);
}

/** The store of the caller's tenant: every query through it is scoped to that tenant. */
export function storeOf(c: Context<AppEnv>) {
  return c.get("deps").store.tenant(c.get("principal").tenantId);
}

/** Refuses the request with 403 unless the caller's role allows the action (a domain rule). */
export function guard(
  c: Context<AppEnv>,
  action: Action,
  entity: Parameters<typeof can>[2],
  record?: object,
): void {
  if (!can(c.get("principal"), action, entity, record)) throw new ProblemError("forbidden");
}

/** The ETag of a record: its version, quoted. */
export function etagOf(record: unknown): string {
  return `"${(record as { version: number }).version}"`;
}

/** Reads the version a change expects from `If-Match`; 428 without it. */
export function requireVersion(c: Context<AppEnv>): number {
  const header = c.req.header("if-match");
  if (!header) throw new ProblemError("precondition_required");
  const match = /^(?:W\/)?"(\d+)"$/.exec(header.trim());
  if (!match?.[1])
    throw new ProblemError("precondition_failed", { detail: "If-Match must be an ETag of this API." });
  return Number(match[1]);
}

const domainToProblem: Record<DomainError["code"], ProblemCode> = {
  validation_failed: "validation_failed",
  not_found: "not_found",
  conflict: "precondition_failed",
  precondition_required: "precondition_required",
  forbidden: "forbidden",
  unauthorized: "unauthorized",
  already_exists: "conflict",
  import_refused: "import_refused",
  rate_limited: "rate_limited",
  payload_too_large: "payload_too_large",
  internal: "internal",
};

/** Turns an expected domain or store failure into the matching problem. */
export function fail(error: DomainError & { current?: unknown }): ProblemError {
  return new ProblemError(domainToProblem[error.code], {
    detail: error.message,
    ...(error.details ? { errors: error.details } : {}),
    ...(error.current !== undefined ? { current: error.current } : {}),
  });
}

async function fingerprint(c: Context<AppEnv>): Promise<string> {
  const body = await c.req.text();
  const digest = await crypto.subtle.digest(
    "SHA-256",
    new TextEncoder().encode(`${c.req.method} ${c.req.path}\n${body}`),
  );
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** What a create answers: the record and the headers to send with it. */
export interface Created {
  readonly body: object;
  readonly headers: Readonly<Record<string, string>>;
}

/**
 * Runs a create at most once per `Idempotency-Key`: a retry with the same key and body gets
 * the first answer again (`Idempotent-Replayed: true`); the same key with another body, or
 * while the first is still running, is refused with 409. Claiming the key before the work
 * makes two simultaneous retries safe.
 */
export async function withIdempotency(c: Context<AppEnv>, run: () => Promise<Created>): Promise<Created> {
  const key = c.req.header("idempotency-key");
  if (!key) return run();
  const principal = c.get("principal");
  const idempotency = c.get("deps").store.idempotency;
  const scope = { tenantId: principal.tenantId, principal: principal.id, key };
  const claim = await idempotency.claim({ ...scope, fingerprint: await fingerprint(c) });
  if (claim.state === "replay")
    return { body: claim.body as object, headers: { ...claim.headers, "Idempotent-Replayed": "true" } };
  if (claim.state !== "new") throw new ProblemError("idempotency_conflict");
  let created: Created;
  try {
    created = await run();
  } catch (error) {
    await idempotency.release(scope);
    throw error;
  }
  await idempotency.complete({ ...scope, status: 201, body: created.body, headers: created.headers });
  return created;
}
