const alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/**
 * The mulberry32 generator: a 32-bit seed gives a deterministic stream of floats in [0, 1).
 *
 * @example
 * const next = mulberry32(42);
 * next(); // always the same first value for seed 42
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** A seeded source of random choices for the synthetic generator; never uses `Math.random`. */
export class SeededRandom {
  readonly #next: () => number;
  readonly #counters = new Map<string, number>();

  constructor(seed: number) {
    this.#next = mulberry32(seed);
  }

  /** A float in [0, 1). */
  float(): number {
    return this.#next();
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.#next() * (max - min + 1));
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.#next() < p;
  }

  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.#next() * items.length)];
    if (item === undefined && items.length === 0) throw new RangeError("Cannot pick from an empty list.");
    return item as T;
  }

  /** One value, chosen with probability proportional to its weight. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of entries) total += w;
    let r = this.#next() * total;
    for (const [value, w] of entries) {
      r -= w;
      if (r < 0) return value;
    }
    const last = entries[entries.length - 1];
    if (!last) throw new RangeError("Cannot choose from an empty list.");
    return last[0];
  }

  /** `k` distinct elements in random order (all of them when `k` exceeds the length). */
  sample<T>(items: readonly T[], k: number): T[] {
    const copy = [...items];
    const n = Math.min(k, copy.length);
    for (let i = 0; i < n; i++) {
      const j = i + Math.floor(this.#next() * (copy.length - i));
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    }
    return copy.slice(0, n);
  }

  /**
   * A unique id of the model's shape `<prefix>_<12 base62>`: six random characters and a
   * six-character counter per prefix, so ids never collide.
   */
  id<T extends string = string>(prefix: string): T {
    const count = this.#counters.get(prefix) ?? 0;
    this.#counters.set(prefix, count + 1);
    let suffix = "";
    for (let i = 0; i < 6; i++) suffix += alphabet[Math.floor(this.#next() * 62)];
    let rest = count;
    let counter = "";
    for (let i = 0; i < 6; i++) {
      counter = alphabet[rest % 62] + counter;
      rest = Math.floor(rest / 62);
    }
    return `${prefix}_${suffix}${counter}` as T;
  }
}
