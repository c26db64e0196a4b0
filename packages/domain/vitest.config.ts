import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { conditions: ["@oha/source"] },
  ssr: { resolve: { conditions: ["@oha/source"] } },
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    // Generous: the type check runs beside the tests, and the machine may be shared.
    testTimeout: 60_000,
    // Type tests (`*.test-d.ts`) are checked by the compiler alongside the run.
    typecheck: {
      enabled: true,
      include: ["src/**/*.test-d.ts", "test/**/*.test-d.ts"],
      tsconfig: "./tsconfig.json",
    },
    benchmark: { include: ["bench/**/*.bench.ts"] },
  },
});
