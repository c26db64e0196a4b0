import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { conditions: ["@oha/source"] },
  ssr: { resolve: { conditions: ["@oha/source"] } },
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    benchmark: { include: ["bench/**/*.bench.ts"] },
    // Tests are bounded by counts, never by the clock: a busy machine must not fail them.
    testTimeout: 900_000,
    hookTimeout: 900_000,
  },
});
