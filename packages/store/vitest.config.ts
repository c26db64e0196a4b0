import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { conditions: ["@oha/source"] },
  ssr: { resolve: { conditions: ["@oha/source"] } },
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    // Tests are bounded by counts, never by the clock: a busy machine must not fail them.
    testTimeout: 900_000,
    hookTimeout: 900_000,
    // Test files run one after another: each starts its own PGlite instance and PostgreSQL database.
    fileParallelism: false,
  },
});
