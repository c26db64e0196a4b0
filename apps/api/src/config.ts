import { Role } from "@oha/domain";
import { z } from "zod";

const bool = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((v) => v === "true" || v === "1" || v === "yes");
const list = z.string().transform((v) =>
  v
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean),
);

/** Every setting of the API, read only from environment variables (documented in README.md). */
export const ConfigSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(8787),
  HOST: z.string().default("127.0.0.1"),
  DATABASE_URL: z.string().optional(),
  OHA_DATA_DIR: z.string().default("./data"),
  OHA_PUBLIC_URL: z.string().optional(),
  OHA_CORS_ORIGINS: list.default([]),
  OHA_BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(1_048_576),
  OHA_IMPORT_BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(20_971_520),
  OHA_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  OHA_AUTH_FAILURES_PER_MINUTE: z.coerce.number().int().min(1).default(20),
  OHA_EXPORTS_PER_MINUTE: z.coerce.number().int().min(1).default(10),
  OHA_TRUST_PROXY: bool.default(false),
  OHA_PROXY_HOPS: z.coerce.number().int().min(1).max(10).default(1),
  OHA_HSTS: bool.default(false),
  OHA_LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
  OHA_SEED_EXAMPLE: bool.default(true),
  OHA_REPORT_LOGO: z.string().optional(),
  OHA_OIDC_ISSUER: z.string().url().optional(),
  OHA_OIDC_AUDIENCE: z.string().optional(),
  OHA_OIDC_JWKS_URL: z.string().url().optional(),
  OHA_OIDC_ROLE_CLAIM: z.string().default("roles"),
  OHA_OIDC_TENANT_CLAIM: z.string().default("oha_tenant"),
  OHA_OIDC_ACTOR_CLAIM: z.string().default("oha_actor"),
  OHA_OIDC_ROLE_MAP: z
    .string()
    .default("oha-admin=admin,oha-coordinator=coordinator,oha-partner=partner,oha-viewer=viewer")
    .transform((v, ctx) => {
      const map: Record<string, Role> = {};
      for (const pair of v.split(",").filter(Boolean)) {
        const [claim, role] = pair.split("=").map((s) => s.trim());
        const parsed = Role.safeParse(role);
        if (!claim || !parsed.success) {
          ctx.addIssue({ code: "custom", message: `Invalid role mapping "${pair}" (expected claim=role)` });
          return z.NEVER;
        }
        map[claim] = parsed.data;
      }
      return map;
    }),
});
export type Config = z.output<typeof ConfigSchema>;

/** Reads the configuration from an environment, failing with every problem listed. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join("\n")}`);
  }
  return parsed.data;
}
