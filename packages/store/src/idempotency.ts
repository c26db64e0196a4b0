import { sql } from "drizzle-orm";
import { type Db, rows, scoped } from "./db.js";
import { idempotencyKeys } from "./schema.js";

/** Identifies one idempotent request: the same key means something else for another principal. */
export interface IdempotencyScope {
  readonly tenantId: string;
  readonly principal: string;
  readonly key: string;
}

/** A response remembered for a key. */
export interface StoredResponse {
  /** Identifies the request (e.g. a hash of method, path and body); another request may not reuse the key. */
  readonly fingerprint: string;
  readonly status: number;
  readonly body: unknown;
  readonly headers: Readonly<Record<string, string>>;
}

/** The answer to a claim of an idempotency key. */
export type IdempotencyClaim =
  /** First use: handle the request, then `complete` (or `release` if it failed before any effect). */
  | { readonly state: "new" }
  /** Done before with the same request: answer with the stored response. */
  | ({ readonly state: "replay" } & StoredResponse)
  /** The first request with this key is still running. */
  | { readonly state: "in_progress" }
  /** The key was used for a different request. */
  | { readonly state: "mismatch" };

/**
 * Remembers responses to requests with an `Idempotency-Key`, per tenant and principal, for a day
 * unless told otherwise. `claim` → `complete` (or `release`) is safe when the same request arrives
 * twice at once; `get` → `put` is the simple form for when that cannot happen.
 */
export interface IdempotencyRepository {
  /** Claims a key for a request before handling it. */
  claim(
    scope: IdempotencyScope & { readonly fingerprint: string; readonly ttlSeconds?: number | undefined },
  ): Promise<IdempotencyClaim>;
  /** Stores the response of a claimed request. */
  complete(
    scope: IdempotencyScope & {
      readonly status: number;
      readonly body: unknown;
      readonly headers?: Readonly<Record<string, string>> | undefined;
    },
  ): Promise<void>;
  /** Forgets a claim whose request failed, so the client may retry with the same key. */
  release(scope: IdempotencyScope): Promise<void>;
  /** The response stored for a key, unless it has expired or is not complete yet. */
  get(tenantId: string, principal: string, key: string): Promise<StoredResponse | undefined>;
  /** Stores a response for a key; if one is stored already, that one stays and is returned. */
  put(
    tenantId: string,
    principal: string,
    key: string,
    response: StoredResponse & { readonly ttlSeconds?: number | undefined },
  ): Promise<StoredResponse>;
  /** Deletes expired entries of all tenants (maintenance); returns how many. */
  deleteExpired(): Promise<number>;
}

/** How long a key is remembered unless the caller says otherwise: a day. */
export const defaultIdempotencyTtlSeconds = 24 * 60 * 60;

interface StoredRow {
  fingerprint: string;
  status: number | null;
  body: unknown;
  headers: Record<string, string> | null;
}

const expiry = (ttlSeconds: number) => sql`now() + make_interval(secs => ${ttlSeconds}::integer)`;

const stored = (row: StoredRow & { status: number }): StoredResponse => ({
  fingerprint: row.fingerprint,
  status: row.status,
  body: row.body,
  headers: row.headers ?? {},
});

export function idempotencyRepository(db: Db): IdempotencyRepository {
  const select = (tenantId: string, principal: string, key: string) =>
    sql`select fingerprint, status, body, headers from ${idempotencyKeys}
      where tenant_id = ${tenantId} and principal = ${principal} and key = ${key} and expires_at > now()`;

  return {
    claim({ tenantId, principal, key, fingerprint, ttlSeconds = defaultIdempotencyTtlSeconds }) {
      return scoped(db, tenantId, async (tx): Promise<IdempotencyClaim> => {
        // A new key, or an expired one, is (re)claimed; a live one is left as it is.
        const claimed = await rows(
          tx,
          sql`insert into ${idempotencyKeys} (tenant_id, principal, key, fingerprint, created_at, expires_at)
            values (${tenantId}, ${principal}, ${key}, ${fingerprint}, now(), ${expiry(ttlSeconds)})
            on conflict (tenant_id, principal, key) do update
              set fingerprint = excluded.fingerprint, status = null, body = null, headers = null,
                  created_at = excluded.created_at, expires_at = excluded.expires_at
              where ${idempotencyKeys}.expires_at <= now()
            returning key`,
        );
        if (claimed.length > 0) return { state: "new" };
        const [row] = await rows<StoredRow>(tx, select(tenantId, principal, key));
        // Released by its first request in the meantime: the client may simply retry.
        if (!row) return { state: "in_progress" };
        if (row.fingerprint !== fingerprint) return { state: "mismatch" };
        if (row.status === null) return { state: "in_progress" };
        return { state: "replay", ...stored({ ...row, status: row.status }) };
      });
    },

    async complete({ tenantId, principal, key, status, body, headers }) {
      await scoped(db, tenantId, (tx) =>
        tx.execute(sql`update ${idempotencyKeys}
          set status = ${status}::integer, body = ${JSON.stringify(body ?? null)}::jsonb,
              headers = ${JSON.stringify(headers ?? {})}::jsonb
          where tenant_id = ${tenantId} and principal = ${principal} and key = ${key}`),
      );
    },

    async release({ tenantId, principal, key }) {
      await scoped(db, tenantId, (tx) =>
        tx.execute(sql`delete from ${idempotencyKeys}
          where tenant_id = ${tenantId} and principal = ${principal} and key = ${key} and status is null`),
      );
    },

    get(tenantId, principal, key) {
      return scoped(db, tenantId, async (tx) => {
        const [row] = await rows<StoredRow>(tx, select(tenantId, principal, key));
        return row && row.status !== null ? stored({ ...row, status: row.status }) : undefined;
      });
    },

    put(tenantId, principal, key, response) {
      const ttlSeconds = response.ttlSeconds ?? defaultIdempotencyTtlSeconds;
      return scoped(db, tenantId, async (tx) => {
        const [row] = await rows<StoredRow & { status: number }>(
          tx,
          sql`insert into ${idempotencyKeys}
              (tenant_id, principal, key, fingerprint, status, body, headers, created_at, expires_at)
            values (${tenantId}, ${principal}, ${key}, ${response.fingerprint}, ${response.status}::integer,
              ${JSON.stringify(response.body ?? null)}::jsonb, ${JSON.stringify(response.headers)}::jsonb,
              now(), ${expiry(ttlSeconds)})
            on conflict (tenant_id, principal, key) do update
              set fingerprint = excluded.fingerprint, status = excluded.status, body = excluded.body,
                  headers = excluded.headers, created_at = excluded.created_at, expires_at = excluded.expires_at
              where ${idempotencyKeys}.expires_at <= now() or ${idempotencyKeys}.status is null
            returning fingerprint, status, body, headers`,
        );
        if (row) return stored(row);
        const [kept] = await rows<StoredRow & { status: number }>(tx, select(tenantId, principal, key));
        return stored(kept!);
      });
    },

    async deleteExpired() {
      const deleted = await rows(
        db,
        sql`delete from ${idempotencyKeys} where expires_at <= now() returning key`,
      );
      return deleted.length;
    },
  };
}
