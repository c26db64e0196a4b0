import {
  codeToStatus,
  type ErrorCode,
  errorCodes,
  errorTitles,
  type IssueDetail,
  type Locale,
  Problem,
} from "@oha/domain";

/** Every problem type the API answers with: the domain's one vocabulary of error codes. */
export const problemCodes = errorCodes;
export type ProblemCode = ErrorCode;
export { codeToStatus, Problem };

const titles = errorTitles;

/** The localised title of a problem type. */
export const problemTitle = (code: ProblemCode, locale: Locale): string => titles[code][locale];

/** The URI that identifies a problem type (RFC 9457 `type`). */
export const problemType = (code: ProblemCode): string =>
  `https://oha.example/problems/${code.replaceAll("_", "-")}`;

/** An error that carries a problem; thrown inside the app and turned into problem+json by `onError`. */
export class ProblemError extends Error {
  constructor(
    readonly code: ProblemCode,
    readonly options: {
      detail?: string;
      errors?: readonly IssueDetail[];
      current?: unknown;
      headers?: Record<string, string>;
    } = {},
  ) {
    super(options.detail ?? code);
  }
}

/** Builds the problem document for a code. */
export function problemBody(
  code: ProblemCode,
  locale: Locale,
  extra: {
    detail?: string | undefined;
    errors?: readonly IssueDetail[] | undefined;
    current?: unknown;
    instance?: string;
    requestId?: string;
  } = {},
): Problem {
  const body: Problem = {
    type: problemType(code),
    title: problemTitle(code, locale),
    status: codeToStatus[code],
    code,
  };
  if (extra.detail) body.detail = extra.detail;
  if (extra.instance) body.instance = extra.instance;
  if (extra.requestId) body.requestId = extra.requestId;
  if (extra.errors?.length) body.errors = [...extra.errors];
  if (extra.current !== undefined) body.current = extra.current;
  return body;
}

/** The problem responses every route can give, for the OpenAPI document. */
export function problemResponses(...codes: ProblemCode[]) {
  const out: Record<
    number,
    { description: string; content: { "application/problem+json": { schema: typeof Problem } } }
  > = {};
  for (const code of codes) {
    out[codeToStatus[code]] = {
      description: titles[code].en,
      content: { "application/problem+json": { schema: Problem } },
    };
  }
  return out;
}
