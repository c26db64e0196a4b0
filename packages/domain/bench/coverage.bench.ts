import { bench, describe } from "vitest";
import { coverageMatrix } from "../src/analytics/coverage.js";
import { generateNetwork } from "../src/synthetic/index.js";

/** 100,000 synthetic measures in 1,000 municipalities (50 districts), twelve school years. */
const network = generateNetwork({ seed: 2008, measures: 100_000 });
const municipalities = network.region[0]!.municipalities;
const options = { time: 0, iterations: 8, warmupIterations: 2 };

describe("coverageMatrix, 100,000 measures", () => {
  bench(
    "all school years",
    () => {
      coverageMatrix(network.measure, { municipalities });
    },
    options,
  );
  bench(
    "one school year (2024/25)",
    () => {
      coverageMatrix(network.measure, { municipalities, schoolYears: ["2024/25"] });
    },
    options,
  );
});
