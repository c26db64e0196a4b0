import { ActorId, err, type Locale, newId, ok, type Result, Role, text, validate } from "@oha/domain";
import { sql } from "drizzle-orm";
import { z } from "zod";
import { type Db, isoText, rows, scoped } from "./db.js";
import { issue, type StoreError, unknownTenant, validationFailed } from "./errors.js";
import { existingIds } from "./records.js";
import { apiKeys, tenants } from "./schema.js";

/** An API key as stored: never the secret, only its hash and a prefix to recognise it by. */
export interface ApiKey {
  readonly id: string;
  readonly tenantId: string;
  readonly role: Role;
  /** For a partner's key: the actor it acts for. */
  readonly actorId: string | null;
  readonly name: string;
  /** The first characters of the secret, for display (`oha_Xy3k9Q2m`). */
  readonly prefix: string;
  readonly createdAt: string;
  readonly revokedAt: string | null;
  readonly lastUsedAt: string | null;
}

/** What is needed to issue a key. */
export const ApiKeyInput = z.strictObject({
  tenantId: z.string().min(1),
  role: Role,
  actorId: ActorId.optional(),
  name: z.string().trim().min(1).max(200),
});
export type ApiKeyInput = z.input<typeof ApiKeyInput>;

/** Issues, lists, revokes and verifies API keys. */
export interface ApiKeyRepository {
  /** Issues a key; the secret is returned once and cannot be recovered later. */
  create(
    input: ApiKeyInput,
    locale?: Locale,
  ): Promise<Result<{ record: ApiKey; secret: string }, StoreError>>;
  /** The tenant's keys, newest first, revoked ones included. */
  list(tenantId: string): Promise<ApiKey[]>;
  /** Revokes a key of the tenant; a key of another tenant answers `not_found`. */
  revoke(tenantId: string, id: string, locale?: Locale): Promise<Result<ApiKey, StoreError>>;
  /**
   * The active key a secret belongs to, or undefined. This is how a request's tenant is found, so it
   * is the one lookup that is not scoped to a tenant. Notes the time of use (at most once a minute).
   */
  verify(secret: string): Promise<ApiKey | undefined>;
}

/** The SHA-256 hash of a secret, hex-encoded. */
export async function hashSecret(secret: string): Promise<string> {
  // Web Crypto, so the store also runs on edge runtimes.
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(secret));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

const prefixLength = 12;

const columns = sql`id, tenant_id as "tenantId", role, actor_id as "actorId", name, prefix,
  ${isoText(sql`created_at`)} as "createdAt",
  case when revoked_at is null then null else ${isoText(sql`revoked_at`)} end as "revokedAt",
  case when last_used_at is null then null else ${isoText(sql`last_used_at`)} end as "lastUsedAt"`;

const keyNotFound = (id: string, locale: Locale): StoreError => ({
  code: "not_found",
  message: text(`API-Schlüssel ${id} wurde nicht gefunden.`, `API key ${id} was not found.`)[locale],
});

function base64url(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

export function apiKeyRepository(db: Db): ApiKeyRepository {
  return {
    async create(input, locale = "de") {
      const parsed = validate(ApiKeyInput, input, locale);
      if (!parsed.ok) return parsed;
      const { tenantId, role, actorId, name } = parsed.value;
      const secret = `oha_${base64url(crypto.getRandomValues(new Uint8Array(32)))}`;
      const hash = await hashSecret(secret);
      const id = newId("key");
      return scoped(db, tenantId, async (tx) => {
        const known = await rows(tx, sql`select 1 from ${tenants} where id = ${tenantId}`);
        if (known.length === 0) return err(unknownTenant(tenantId, locale));
        if (actorId && !(await existingIds(tx, "actor", tenantId, [actorId], false)).has(actorId)) {
          return err(
            validationFailed([issue("actorId", "unknown_reference", { value: actorId }, locale)], locale),
          );
        }
        const [record] = await rows<ApiKey>(
          tx,
          sql`insert into ${apiKeys} (id, tenant_id, role, actor_id, name, hash, prefix, created_at)
            values (${id}, ${tenantId}, ${role}, ${actorId ?? null}, ${name}, ${hash},
              ${secret.slice(0, prefixLength)}, now())
            returning ${columns}`,
        );
        return ok({ record: record!, secret });
      });
    },

    list(tenantId) {
      return scoped(db, tenantId, (tx) =>
        rows<ApiKey>(
          tx,
          sql`select ${columns} from ${apiKeys} where tenant_id = ${tenantId} order by created_at desc, id`,
        ),
      );
    },

    revoke(tenantId, id, locale = "de") {
      return scoped(db, tenantId, async (tx) => {
        const [key] = await rows<ApiKey>(
          tx,
          sql`update ${apiKeys} set revoked_at = coalesce(revoked_at, now())
            where tenant_id = ${tenantId} and id = ${id} returning ${columns}`,
        );
        return key ? ok(key) : err(keyNotFound(id, locale));
      });
    },

    async verify(secret) {
      const hash = await hashSecret(secret);
      const [found] = await rows<ApiKey & { stale: boolean }>(
        db,
        sql`select ${columns}, (last_used_at is null or last_used_at < now() - interval '1 minute') as stale
          from ${apiKeys} where hash = ${hash} and revoked_at is null`,
      );
      if (!found) return undefined;
      const { stale, ...key } = found;
      if (!stale) return key;
      const [touched] = await rows<ApiKey>(
        db,
        sql`update ${apiKeys} set last_used_at = now() where id = ${key.id} returning ${columns}`,
      );
      return touched ?? key;
    },
  };
}
