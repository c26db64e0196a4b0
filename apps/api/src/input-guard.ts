// Input PostgreSQL cannot store: the NUL character (U+0000) in texts. Such a request is refused as
// invalid input (400) before any route or statement sees it; the store refuses it again on its own.
import { type IssueDetail, type LocalizedText, text } from "@oha/domain";
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "./env.js";
import { problem } from "./http.js";
import { ProblemError } from "./problems.js";

const nulText: LocalizedText = text(
  "Das Steuerzeichen NUL (\\u0000) ist in Texten nicht erlaubt.",
  "The control character NUL (\\u0000) is not allowed in texts.",
);

function nulIssue(path: string, locale: keyof LocalizedText): IssueDetail {
  return { path, code: "nul_character", message: nulText[locale], messages: nulText };
}

function decoded(part: string): string {
  try {
    return decodeURIComponent(part.replaceAll("+", " "));
  } catch {
    return part;
  }
}

/** The places of the URL that hold an encoded NUL: `path`, or the name of a query parameter. */
export function nulInUrl(url: string): string[] {
  if (!/%00/i.test(url)) return [];
  const parsed = new URL(url);
  const out: string[] = [];
  if (/%00/i.test(parsed.pathname)) out.push("path");
  for (const pair of parsed.search.replace(/^\?/, "").split("&")) {
    if (!/%00/i.test(pair)) continue;
    const key = decoded(pair.split("=")[0] ?? "");
    out.push(key.includes("\u0000") ? "query" : key);
  }
  return [...new Set(out)];
}

/** The dotted paths in a parsed JSON value whose text (or field name) holds NUL. */
export function nulInJson(value: unknown, at: readonly string[] = []): string[] {
  if (typeof value === "string") return value.includes("\u0000") ? [at.join(".")] : [];
  if (Array.isArray(value)) return value.flatMap((item, i) => nulInJson(item, [...at, String(i)]));
  if (value !== null && typeof value === "object") {
    return Object.entries(value).flatMap(([key, item]) =>
      key.includes("\u0000") ? [at.join(".")] : nulInJson(item, [...at, key]),
    );
  }
  return [];
}

/** Refuses a URL with NUL in its path or query: 400 with the place named, German and English. */
export const refuseNulInUrl: MiddlewareHandler<AppEnv> = async (c, next) => {
  const places = nulInUrl(c.req.url);
  if (places.length === 0) return next();
  const locale = c.get("locale");
  return problem(
    c,
    "validation_failed",
    new ProblemError("validation_failed", { errors: places.map((p) => nulIssue(p, locale)) }),
  );
};

/**
 * Refuses a JSON body with NUL in any text or field name (written `\u0000` in JSON): 400 with every
 * place named. Only bodies that contain the escape at all are parsed here; the route parses the rest.
 */
export const refuseNulInBody: MiddlewareHandler<AppEnv> = async (c, next) => {
  const type = c.req.header("content-type") ?? "";
  if (!/json/i.test(type) || c.req.method === "GET" || c.req.method === "HEAD") return next();
  const body = await c.req.text();
  if (!/\\u0000/i.test(body)) return next();
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return next(); // the route answers the malformed body
  }
  const places = nulInJson(parsed);
  if (places.length === 0) return next();
  const locale = c.get("locale");
  return problem(
    c,
    "validation_failed",
    new ProblemError("validation_failed", { errors: places.map((p) => nulIssue(p, locale)) }),
  );
};

/**
 * Refuses a JSON body that names a character set other than UTF-8 (`application/json;
 * charset=utf-16`) with 415: bodies are read as UTF-8 only, and reading another encoding as UTF-8
 * would store garbage. Without a charset, JSON is UTF-8 (RFC 8259).
 */
export const refuseOtherCharsets: MiddlewareHandler<AppEnv> = async (c, next) => {
  const type = c.req.header("content-type");
  if (!type || !/json/i.test(type.split(";")[0] ?? "")) return next();
  for (const parameter of type.split(";").slice(1)) {
    const [name = "", value = ""] = parameter.split("=").map((part) => part.trim());
    if (name.toLowerCase() !== "charset") continue;
    const charset = value.replace(/^"(.*)"$/, "$1").toLowerCase();
    if (charset !== "utf-8" && charset !== "utf8") {
      return problem(c, "unsupported_media_type");
    }
  }
  return next();
};
