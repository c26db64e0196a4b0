import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { conditions: ["@oha/source"] },
  ssr: { resolve: { conditions: ["@oha/source"] } },
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    // Tests are bounded by counts, never by the clock: a busy machine must not fail them.
    testTimeout: 900_000,
    hookTimeout: 900_000,
    fileParallelism: false,
    // Type tests (*.test-d.ts) pin the typed client's types; they run with the other tests.
    typecheck: { enabled: true, include: ["test/**/*.test-d.ts"], tsconfig: "./tsconfig.json" },
  },
});
