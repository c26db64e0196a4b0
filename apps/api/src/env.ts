import type { Locale, ReportDocument, Role } from "@oha/domain";
import type { Store } from "@oha/store";
import type { MiddlewareHandler } from "hono";
import type { ResultCache } from "./cache.js";
import type { Config } from "./config.js";
import type { Logger } from "./logger.js";

/** Who is calling: resolved from an API key or an OIDC token. Never holds personal data. */
export interface Principal {
  /** A stable, non-personal id: `key:<api key id>` or `oidc:<hash of subject>`. */
  readonly id: string;
  readonly kind: "api_key" | "oidc";
  readonly tenantId: string;
  readonly role: Role;
  readonly actorId?: string | undefined;
  /** A name for people reading the history: the API key's label or the user's name. */
  readonly name?: string | undefined;
}

/** The API reference's script (Scalar's standalone bundle) and the handler that serves it below `/docs/`. */
export interface DocsAssets {
  /** The script's path, e.g. `/docs/scalar.0123456789ab.js`. */
  readonly script: string;
  readonly serve: MiddlewareHandler;
}

/** What the app needs from its runtime. */
export interface AppDeps {
  readonly store: Store;
  readonly config: Config;
  readonly logger: Logger;
  /** The clock; injectable for tests. */
  readonly now?: () => Date;
  /** Serves the admin UI's files (runtime-specific); paths of the API are never passed to it. */
  readonly serveAssets?: MiddlewareHandler | undefined;
  /**
   * The API reference's browser bundle, served by this server so `/docs` works without internet
   * access. Runtimes without it (the edge bundle) answer `/docs` with a page linking `/openapi.json`.
   */
  readonly docsAssets?: DocsAssets | undefined;
  /** Keeps computed results (the analytics) per tenant and data version; none: compute every time. */
  readonly cache?: ResultCache | undefined;
  /**
   * Renders a document model as a tagged PDF (on Node: `@oha/reports`, with the district's logo).
   * Runtimes without it (the edge bundle) answer the PDF routes with 501 (`requireFeature("pdf")`);
   * JSON and iCalendar work.
   */
  readonly renderPdf?: ((document: ReportDocument) => Promise<Uint8Array<ArrayBuffer>>) | undefined;
  /** Verifies OIDC bearer tokens; built from the config when left out. */
  readonly verifyToken?: (token: string) => Promise<Record<string, unknown>>;
}

/** Hono's environment for OHA routes. */
export interface AppEnv {
  Variables: {
    requestId: string;
    locale: Locale;
    principal: Principal;
    deps: AppDeps;
  };
}
