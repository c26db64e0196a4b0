/** The levels of the structured log. */
export type LogLevel = "debug" | "info" | "warn" | "error";
const order: Record<LogLevel | "silent", number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

/** A structured JSON logger; fields must never contain personal data. */
export interface Logger {
  log(level: LogLevel, message: string, fields?: Record<string, unknown>): void;
}

/** Writes one JSON object per line to a sink (stdout by default). */
export function jsonLogger(
  minimum: LogLevel | "silent" = "info",
  sink: (line: string) => void = (line) => console.log(line),
): Logger {
  return {
    log(level, message, fields = {}) {
      if (order[level] < order[minimum]) return;
      const head = { time: new Date().toISOString(), level, message };
      // The head again last, so that no field can replace the time, level or message.
      sink(JSON.stringify({ ...head, ...fields, ...head }));
    },
  };
}

/** The SQLSTATE of a database error, whether thrown by the driver or wrapped by Drizzle. */
export function sqlStateOf(error: unknown): string | undefined {
  for (let current = error, depth = 0; current && depth < 3; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/**
 * What may be logged of an unexpected error. A failed query's message holds its parameters, and a
 * database's message may quote a submitted value: of those only the statement (its text has
 * placeholders, never values) and the SQLSTATE are logged. Other errors keep their message without
 * anything that looks like parameters.
 */
export function errorFields(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { error: typeof error };
  const sqlState = sqlStateOf(error);
  const query = (error as { query?: unknown }).query;
  if (typeof query === "string" || sqlState) {
    return {
      error: error.name,
      ...(sqlState ? { sqlState } : {}),
      ...(typeof query === "string" ? { query: query.replace(/\s+/g, " ").trim().slice(0, 2000) } : {}),
    };
  }
  return { error: error.name, detail: error.message.replace(/\s*params:[\s\S]*$/, "").slice(0, 500) };
}
