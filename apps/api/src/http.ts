import { describeIssues, pickLocale } from "@oha/domain";
import type { Context } from "hono";
import type { AppEnv } from "./env.js";
import { codeToStatus, type ProblemCode, ProblemError, problemBody } from "./problems.js";

/** Answers with an RFC 9457 problem document in the request's language. */
export function problem(c: Context<AppEnv>, code: ProblemCode, error?: ProblemError): Response {
  const locale = c.get("locale") ?? pickLocale(c.req.header("accept-language"));
  const body = problemBody(code, locale, {
    detail: error?.options.detail,
    errors: error?.options.errors,
    current: error?.options.current,
    instance: new URL(c.req.url).pathname,
    requestId: c.get("requestId"),
  });
  const headers: Record<string, string> = {
    "content-type": "application/problem+json",
    ...(error?.options.headers ?? {}),
  };
  return new Response(JSON.stringify(body), { status: codeToStatus[code], headers });
}

/** The hook that turns request validation failures into localised problem+json. */
export const validationHook = (
  result: { success: boolean; data?: unknown; error?: { issues: readonly unknown[] } },
  c: Context<AppEnv>,
): Response | undefined => {
  if (result.success) return undefined;
  const issues = (result.error?.issues ?? []) as Parameters<typeof describeIssues>[0];
  return problem(
    c,
    "validation_failed",
    new ProblemError("validation_failed", { errors: describeIssues(issues, c.get("locale"), result.data) }),
  );
};
