import { z } from "@hono/zod-openapi";
import {
  type Action,
  can,
  type DomainError,
  type EntityName,
  type EntityRecord,
  type EntityView,
  err,
  type Result,
  staleVersionError,
  viewOf,
} from "@oha/domain";
import type { Context } from "hono";
import type { AppEnv } from "../env.js";
import { ProblemError } from "../problems.js";

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

/** Turns an expected domain or store failure into its problem: one vocabulary, no translation. */
export function fail(error: DomainError & { current?: unknown }): ProblemError {
  return new ProblemError(error.code, {
    detail: error.message,
    ...(error.details ? { errors: error.details } : {}),
    ...(error.current !== undefined ? { current: error.current } : {}),
  });
}

/**
 * Who writes, for the store: the principal's id and name for the history, the language for errors,
 * and the domain's permission rule, which the store applies to the locked record inside the write's
 * transaction (to the record as it is and as it would be).
 */
export function ctxOf(c: Context<AppEnv>, action?: "create" | "update" | "delete" | "purge") {
  const principal = c.get("principal");
  const who = { ...principal, tenantId: principal.tenantId };
  return {
    principal: principal.id,
    principalName: principal.name,
    locale: c.get("locale"),
    authorize: (entity: EntityName, before: object | undefined, after: object) => {
      const act = action ?? (before === undefined ? "create" : "update");
      return (before === undefined || can(who, act, entity, before)) && can(who, act, entity, after);
    },
  };
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

/**
 * Changes one record by a domain operation inside one transaction: the record is read once, locked,
 * checked against `If-Match`, handed to `operation` (which returns a patch or refuses), and written
 * with the caller's permissions checked by the store on that same locked row.
 */
export async function changeWith<N extends EntityName>(
  c: Context<AppEnv>,
  entity: N,
  id: string,
  operation: (record: EntityRecord<N>) => Result<object, DomainError> | object,
): Promise<EntityView<N>> {
  const expected = requireVersion(c);
  guard(c, "update", entity);
  const locale = c.get("locale");
  const result = await storeOf(c).transaction(async (tx) => {
    const current = await tx.get(entity, id, { forUpdate: true, locale });
    if (!current.ok) return current;
    const version = (current.value as { version: number }).version;
    if (version !== expected)
      return err(staleVersionError(entity, id, expected, version, current.value, locale));
    const planned = operation(current.value);
    if ("ok" in planned && typeof planned.ok === "boolean") {
      if (!planned.ok) return planned as Result<never, DomainError>;
      return tx.update(
        entity,
        id,
        expected,
        (planned as { value: object }).value as never,
        ctxOf(c, "update"),
      );
    }
    return tx.update(entity, id, expected, planned as never, ctxOf(c, "update"));
  });
  if (!result.ok) throw fail(result.error);
  c.header("ETag", etagOf(result.value));
  return viewOf(entity, result.value as EntityRecord<N>, today(c));
}
