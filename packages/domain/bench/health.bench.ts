import { bench, describe } from "vitest";
import { assessContinuity } from "../src/analytics/continuity.js";
import { rollUpGoalProgress } from "../src/analytics/goals.js";
import { assessNetworkHealth } from "../src/analytics/health.js";
import { findOverlaps } from "../src/analytics/overlaps.js";
import { assessParticipation } from "../src/analytics/participation.js";
import { reconciliationHistory } from "../src/analytics/reconciliation.js";
import { assessStandards } from "../src/analytics/standards.js";
import { generateNetwork } from "../src/synthetic/index.js";

/**
 * Network health on synthetic districts: one the size of Osterode am Harz (74,367 inhabitants,
 * 400 measures, about 70 actors) and the district of the overlap benchmark (1,000 measures, about
 * 170 actors), each with six years of governance, contacts, meetings, goals and rounds.
 */
const asOf = "2025-06-30";
const sizes = [400, 1_000] as const;
const networks = new Map(sizes.map((n) => [n, generateNetwork({ seed: 2008, measures: n })] as const));
/** Long enough for stable figures on a small, shared machine. */
const options = { time: 3_000, warmupTime: 500 };
/** The offers "no redundant offers" compares: not cancelled, not ended before `asOf`. */
const current = (network: ReturnType<typeof generateNetwork>) =>
  network.measure.filter((m) => m.status !== "cancelled" && (!m.to || m.to >= asOf));

for (const n of sizes) {
  const network = networks.get(n) as ReturnType<typeof generateNetwork>;
  const overlaps = findOverlaps(current(network), { reviews: network.overlapReview });
  describe(`network health, ${n.toLocaleString("en")} measures`, () => {
    bench("assessNetworkHealth", () => void assessNetworkHealth(network, { asOf }), options);
    bench(
      "assessNetworkHealth, overlap result reused",
      () => void assessNetworkHealth(network, { asOf, overlaps }),
      options,
    );
  });
}

describe("parts of network health, 400 measures", () => {
  const network = networks.get(400) as ReturnType<typeof generateNetwork>;
  const offers = current(network);
  bench("findOverlaps (current offers)", () => void findOverlaps(offers, { reviews: network.overlapReview }));
  bench("assessParticipation", () => void assessParticipation(network, { asOf }));
  bench("assessContinuity", () => void assessContinuity(network, { asOf }));
  bench("assessStandards", () => void assessStandards(network, { asOf }));
  bench("reconciliationHistory", () => void reconciliationHistory(network, { asOf }));
  bench("rollUpGoalProgress", () => void rollUpGoalProgress(network, { asOf }));
});
