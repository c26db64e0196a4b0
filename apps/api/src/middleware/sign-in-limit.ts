import type { Context, MiddlewareHandler } from "hono";
import type { AppEnv } from "../env.js";
import { problem } from "../http.js";
import { ProblemError } from "../problems.js";

/** One client address's failed sign-ins in the current window. */
interface Window {
  failures: number;
  readonly resetsAt: number;
}

export interface SignInLimitOptions {
  /** Failed sign-ins allowed per client address and window; the next ones answer 429. */
  readonly limit: number;
  readonly windowMs: number;
  /** The client's address (see `clientAddress`). */
  readonly keyOf: (c: Context<AppEnv>) => string;
  /** The clock in milliseconds; injectable for tests. */
  readonly now?: () => number;
}

/**
 * Limits failed sign-ins (answers 401) per client address: once an address has had `limit` of them
 * in a window, each further failure answers 429 with `RateLimit` headers and `Retry-After`.
 * Successes are not limited: a valid API key or token is let through from an address that is
 * being limited, so people who share an address (an office behind one NAT) are not locked out by
 * someone else's failures. Guessing gains nothing from that: an API key holds 256 random bits and
 * a token is signed, and the general rate limit still applies to everyone signed in.
 */
export function signInLimit(options: SignInLimitOptions): MiddlewareHandler<AppEnv> {
  const windows = new Map<string, Window>();
  const now = options.now ?? Date.now;
  const seconds = Math.round(options.windowMs / 1000);
  const sweep = (at: number) => {
    for (const [key, window] of windows) if (window.resetsAt <= at) windows.delete(key);
  };
  return async (c, next) => {
    await next();
    if (c.res.status !== 401) return;
    const at = now();
    const key = options.keyOf(c);
    let window = windows.get(key);
    if (!window || window.resetsAt <= at) {
      if (windows.size >= 10_000) sweep(at);
      window = { failures: 0, resetsAt: at + options.windowMs };
      windows.set(key, window);
    }
    window.failures += 1;
    const reset = Math.max(1, Math.ceil((window.resetsAt - at) / 1000));
    const remaining = Math.max(0, options.limit - window.failures);
    const headers = {
      RateLimit: `limit=${options.limit}, remaining=${remaining}, reset=${reset}`,
      "RateLimit-Policy": `${options.limit};w=${seconds}`,
    };
    if (window.failures <= options.limit) {
      for (const [name, value] of Object.entries(headers)) c.res.headers.set(name, value);
      return;
    }
    c.res = problem(
      c,
      "rate_limited",
      new ProblemError("rate_limited", { headers: { ...headers, "Retry-After": String(reset) } }),
    );
    // Hono carries the 401's headers over; its challenge does not belong to a 429.
    c.res.headers.delete("WWW-Authenticate");
  };
}
