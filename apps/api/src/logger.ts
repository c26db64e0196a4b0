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
