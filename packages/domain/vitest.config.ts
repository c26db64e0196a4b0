import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { conditions: ["@oha/source"] },
  ssr: { resolve: { conditions: ["@oha/source"] } },
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    // Type tests (`*.test-d.ts`) are checked by the compiler alongside the run.
    typecheck: {
      enabled: true,
      include: ["src/**/*.test-d.ts", "test/**/*.test-d.ts"],
      tsconfig: "./tsconfig.json",
    },
    benchmark: { include: ["bench/**/*.bench.ts"] },
    // Tests are bounded by counts, never by the clock: a busy machine must not fail them.
    testTimeout: 900_000,
    hookTimeout: 900_000,
  },
});
