import type { Role } from "@oha/domain";
import type { MiddlewareHandler } from "hono";
import { createRemoteJWKSet, type JWTVerifyGetKey, jwtVerify } from "jose";
import type { Config } from "../config.js";
import type { AppEnv, Principal } from "../env.js";
import { ProblemError } from "../problems.js";

/**
 * Builds the OIDC token verifier from the configuration (JWKS with issuer and audience checks).
 * The keys come from the issuer's JWKS endpoint unless given (a local key set, e.g. in tests).
 */
export function oidcVerifier(
  config: Config,
  keys?: JWTVerifyGetKey,
): ((token: string) => Promise<Record<string, unknown>>) | undefined {
  const issuer = config.OHA_OIDC_ISSUER;
  if (!issuer) return undefined;
  const jwksUrl = config.OHA_OIDC_JWKS_URL ?? `${issuer.replace(/\/$/, "")}/protocol/openid-connect/certs`;
  const jwks = keys ?? createRemoteJWKSet(new URL(jwksUrl));
  return async (token) => {
    const { payload } = await jwtVerify(token, jwks, {
      issuer,
      // A token without an expiry would stay valid for ever once leaked.
      requiredClaims: ["exp"],
      ...(config.OHA_OIDC_AUDIENCE ? { audience: config.OHA_OIDC_AUDIENCE } : {}),
    });
    return payload as Record<string, unknown>;
  };
}

/** Reads a claim by a dotted path, e.g. `realm_access.roles` in Keycloak tokens. */
function claimAt(claims: Record<string, unknown>, path: string): unknown {
  let current: unknown = claims;
  for (const part of path.split(".")) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

const roleRank: Record<Role, number> = { viewer: 0, partner: 1, coordinator: 2, admin: 3 };

/** Maps verified OIDC claims to a principal, or undefined when no role or tenant is granted. */
export async function principalFromClaims(
  claims: Record<string, unknown>,
  config: Config,
): Promise<Principal | undefined> {
  const raw = claimAt(claims, config.OHA_OIDC_ROLE_CLAIM);
  const values = Array.isArray(raw) ? raw : typeof raw === "string" ? raw.split(/[ ,]+/) : [];
  const roles = values
    .map((v) => config.OHA_OIDC_ROLE_MAP[String(v)])
    .filter((r): r is Role => r !== undefined);
  const tenantId = claimAt(claims, config.OHA_OIDC_TENANT_CLAIM);
  if (!roles.length || typeof tenantId !== "string") return undefined;
  const role = roles.sort((a, b) => roleRank[b] - roleRank[a])[0] as Role;
  const actorId = claimAt(claims, config.OHA_OIDC_ACTOR_CLAIM);
  const subject = String(claims.sub ?? "");
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(subject));
  const hash = [...new Uint8Array(digest).slice(0, 8)].map((b) => b.toString(16).padStart(2, "0")).join("");
  const name = [claims.name, claims.preferred_username].find(
    (v): v is string => typeof v === "string" && v.length > 0,
  );
  return {
    id: `oidc:${hash}`,
    kind: "oidc",
    tenantId,
    role,
    actorId: typeof actorId === "string" ? actorId : undefined,
    name,
  };
}

/**
 * Authenticates a request by API key (`Authorization: Bearer oha_…`) or OIDC bearer token and
 * sets `principal`. Answers 401 without credentials or with invalid ones.
 */
export function authenticate(
  onFailure: (c: Parameters<MiddlewareHandler<AppEnv>>[0]) => void,
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const deps = c.get("deps");
    const header = c.req.header("authorization") ?? "";
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match?.[1]) {
      onFailure(c);
      throw new ProblemError("unauthorized", { headers: { "WWW-Authenticate": 'Bearer realm="oha"' } });
    }
    const token = match[1];
    let principal: Principal | undefined;
    if (token.startsWith("oha_")) {
      const key = await deps.store.apiKeys.verify(token);
      if (key)
        principal = {
          id: `key:${key.id}`,
          kind: "api_key",
          tenantId: key.tenantId,
          role: key.role,
          actorId: key.actorId ?? undefined,
          name: key.name,
        };
    } else {
      const verify = deps.verifyToken;
      if (verify) {
        try {
          principal = await principalFromClaims(await verify(token), deps.config);
        } catch {
          principal = undefined;
        }
      }
    }
    if (!principal) {
      onFailure(c);
      throw new ProblemError("unauthorized", {
        headers: { "WWW-Authenticate": 'Bearer realm="oha", error="invalid_token"' },
      });
    }
    c.set("principal", principal);
    await next();
  };
}
