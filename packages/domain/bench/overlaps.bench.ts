import { bench, describe } from "vitest";
import { findOverlaps } from "../src/analytics/overlaps.js";
import { generateNetwork } from "../src/synthetic/index.js";

/**
 * The overlap finder on synthetic measures: a district (1,000 measures, 10 municipalities), a
 * large region (10,000 measures, 100 municipalities in 5 districts) and a Land-wide deployment
 * (100,000 measures, 1,000 municipalities in 50 districts). About 6 % are near-duplicates.
 * The reasons of a pair are written when first read; the second bench of the smaller sizes also
 * writes every pair's reasons (as an API answer does when it serialises the result).
 */
const sizes = [1_000, 10_000, 100_000] as const;
const networks = new Map(sizes.map((n) => [n, generateNetwork({ seed: 2008, measures: n })] as const));

for (const n of sizes) {
  const network = networks.get(n)!;
  describe(`findOverlaps, ${n.toLocaleString("en")} measures`, () => {
    bench(
      "findOverlaps",
      () => {
        findOverlaps(network.measure, { reviews: network.overlapReview });
      },
      n >= 100_000 ? { time: 0, iterations: 5, warmupIterations: 1 } : { time: 3_000, warmupTime: 500 },
    );
    if (n < 100_000)
      bench(
        "findOverlaps, reasons written",
        () => {
          JSON.stringify(findOverlaps(network.measure, { reviews: network.overlapReview }).pairs);
        },
        { time: 3_000, warmupTime: 500 },
      );
  });
}
