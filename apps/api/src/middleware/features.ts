import type { MiddlewareHandler } from "hono";
import type { AppDeps, AppEnv } from "../env.js";
import { ProblemError } from "../problems.js";

/** What a runtime entry may leave out of the app's dependencies. */
export type Feature = "pdf";

const provided: Record<Feature, (deps: AppDeps) => boolean> = {
  pdf: (deps) => deps.renderPdf !== undefined,
};

const missing: Record<Feature, { de: string; en: string }> = {
  pdf: {
    de: "PDF-Dokumente werden in dieser Betriebsart nicht erzeugt; die Inhalte gibt es als JSON (dieselbe Adresse ohne .pdf).",
    en: "PDF documents are not produced in this deployment; the content is available as JSON (the same path without .pdf).",
  },
};

/** Whether the runtime entry provides a feature. */
export function hasFeature(deps: AppDeps, feature: Feature): boolean {
  return provided[feature](deps);
}

/**
 * Lets a request through only if the runtime entry provides the feature; otherwise answers 501
 * (`not_implemented`) with what to use instead. Edge entries leave out what needs a file system.
 */
export function requireFeature(feature: Feature): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!hasFeature(c.get("deps"), feature))
      throw new ProblemError("not_implemented", { detail: missing[feature][c.get("locale")] });
    await next();
  };
}
