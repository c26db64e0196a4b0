import { z } from "zod";
import { type Locale, type LocalizedText, text } from "./i18n.js";
import { idExample } from "./ids.js";
import { type MessageKey, messages } from "./messages.js";
import { type DomainError, err, type IssueDetail, ok, type Result } from "./result.js";

type RefinementContext = z.core.$RefinementCtx<unknown>;

/**
 * Reports one of the domain's own validation problems from inside a refinement.
 * The English text is the issue's message; {@link validate} shows it in the user's language.
 */
export function report(
  ctx: RefinementContext,
  key: MessageKey,
  path: PropertyKey[],
  params: Readonly<Record<string, string | number>> = {},
): void {
  ctx.addIssue({
    code: "custom",
    message: messages[key](params).en,
    path,
    params: { ...params, key },
    input: undefined,
  });
}

const zodLocales = { de: z.locales.de(), en: z.locales.en() } as const;

/** The string format of the schema an issue comes from (`date`, `email`, …), if any. */
function formatOf(issue: z.core.$ZodRawIssue): string | undefined {
  if ("format" in issue && typeof issue.format === "string") return issue.format;
  const inst = (issue as { inst?: { _zod?: { def?: { format?: unknown } } } }).inst;
  const format = inst?._zod?.def?.format;
  return typeof format === "string" ? format : undefined;
}

const formatMessages: Readonly<Record<string, MessageKey>> = {
  date: "expected_date",
  datetime: "expected_datetime",
  email: "expected_email",
  url: "expected_url",
};

const typeMessages: Readonly<Record<string, MessageKey>> = {
  number: "expected_number",
  int: "expected_integer",
  bigint: "expected_integer",
  string: "expected_text",
  boolean: "expected_yes_no",
  array: "expected_list",
  tuple: "expected_list",
  set: "expected_list",
  object: "expected_group",
  record: "expected_group",
  map: "expected_group",
};

function boundText(issue: z.core.$ZodRawIssue & { code: "too_big" | "too_small" }): LocalizedText {
  const big = issue.code === "too_big";
  const bound = Number(big ? issue.maximum : issue.minimum);
  const inclusive = issue.inclusive !== false;
  switch (issue.origin) {
    case "string":
      return big ? messages.text_too_long({ max: bound }) : messages.text_too_short({ min: bound });
    case "array":
    case "set":
      if (big) return messages.too_many_entries({ max: bound });
      return bound === 1 ? messages.one_entry_needed({}) : messages.too_few_entries({ min: bound });
    default:
      if (big)
        return inclusive ? messages.number_at_most({ max: bound }) : messages.number_below({ max: bound });
      return inclusive ? messages.number_at_least({ min: bound }) : messages.number_above({ min: bound });
  }
}

/** The message a coordinator reads for one of Zod's own issues: plain words, no type names. */
function builtInText(issue: z.core.$ZodRawIssue): LocalizedText {
  // A missing field is "required" whatever its type: enums and unions report it as a wrong value.
  if (
    issue.input === undefined &&
    (issue.code === "invalid_type" || issue.code === "invalid_value" || issue.code === "invalid_union")
  )
    return messages.required_field({});
  switch (issue.code) {
    case "too_small":
      if (issue.origin === "string" && Number(issue.minimum) === 1) return messages.required_field({});
      return boundText(issue);
    case "too_big":
      return boundText(issue);
    case "invalid_value":
      return issue.values.length > 1 ? messages.invalid_choice({}) : messages.invalid_input({});
    case "unrecognized_keys":
      return messages.unknown_field({ value: issue.keys.join(", ") });
    case "not_multiple_of":
      return messages.not_multiple_of({ divisor: Number(issue.divisor) });
    case "invalid_format": {
      if (issue.format === "regex") {
        const example = idExample(issue.pattern);
        if (example) return messages.invalid_id({ value: String(issue.input), example });
        return messages.wrong_format({});
      }
      const key = formatMessages[issue.format];
      return key ? messages[key]({}) : messages.wrong_format({});
    }
    case "invalid_type": {
      const format = issue.expected === "string" ? formatOf(issue) : undefined;
      const key = (format && formatMessages[format]) || typeMessages[issue.expected];
      if (key) return messages[key]({});
      break;
    }
    case "invalid_union":
      return messages.invalid_input({});
  }
  const pick = (locale: Locale) => {
    const out = zodLocales[locale].localeError(issue);
    return (typeof out === "string" ? out : out?.message) ?? messages.invalid_input({})[locale];
  };
  return text(pick("de"), pick("en"));
}

function pathOf(path: readonly PropertyKey[]): string {
  return path.map(String).join(".");
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current = input;
  for (const key of path) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/**
 * Turns Zod issues into localised details; the domain's own issues keep their message code.
 * Pass the parsed input so that issues from a parse without {@link validate} (for example a
 * framework's validator) are translated too.
 */
export function describeIssues(
  issues: readonly z.core.$ZodIssue[],
  locale: Locale = "de",
  input?: unknown,
): IssueDetail[] {
  return issues.flatMap((issue) => {
    // An unknown field names itself: one detail per field, at the field's own path.
    if (issue.code === "unrecognized_keys" && issue.keys.length > 0) {
      return issue.keys.map((key) => {
        const texts = messages.unknown_field({ value: key });
        return {
          path: pathOf([...issue.path, key]),
          code: "unknown_field",
          message: texts[locale],
          messages: texts,
        };
      });
    }
    const params =
      issue.code === "custom" ? (issue.params as Record<string, string | number> | undefined) : undefined;
    const key = params?.key as MessageKey | undefined;
    let texts: LocalizedText;
    if (key && key in messages) texts = messages[key](params ?? {});
    else if (issue.message.startsWith(marker))
      texts = JSON.parse(issue.message.slice(marker.length)) as LocalizedText;
    else if (issue.code === "custom") texts = text(issue.message, issue.message);
    else {
      const raw = { ...issue, input: valueAt(input, issue.path) } as unknown as z.core.$ZodRawIssue;
      texts = builtInText(raw);
    }
    return { path: pathOf(issue.path), code: key ?? issue.code, message: texts[locale], messages: texts };
  });
}

const marker = "\u0000oha-i18n:";

const summary = text("Die Eingabe enthält Fehler.", "The input contains errors.");
const unreadable = text(
  "Die Eingabe hat eine unerwartete Form und kann nicht gelesen werden.",
  "The input has an unexpected shape and cannot be read.",
);

/**
 * Parses input with a schema and returns a {@link Result}; every problem comes with a German and
 * English message and the path of the field it belongs to. It never throws for bad input.
 *
 * @example
 * const result = validate(ActorCreate, { kind: "chamber" }, "de");
 * if (!result.ok) result.error.details?.[0]?.message; // "Pflichtangabe fehlt."
 */
export function validate<S extends z.ZodType>(
  schema: S,
  input: unknown,
  locale: Locale = "de",
): Result<z.output<S>, DomainError> {
  let parsed: z.ZodSafeParseResult<z.output<S>>;
  try {
    parsed = schema.safeParse(input, {
      error: (issue) => marker + JSON.stringify(builtInText(issue)),
    });
  } catch {
    // Some inputs make a schema's checks throw instead of failing, such as a value with a
    // `length` that is no number. They are refused like any other bad input.
    return err({
      code: "validation_failed",
      message: summary[locale],
      details: [{ path: "", code: "invalid_input", message: unreadable[locale], messages: unreadable }],
    });
  }
  if (parsed.success) return ok(parsed.data);
  return err({
    code: "validation_failed",
    message: summary[locale],
    details: describeIssues(parsed.error.issues, locale),
  });
}
