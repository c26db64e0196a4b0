import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { conditions: ["@oha/source"] },
  ssr: { resolve: { conditions: ["@oha/source"] } },
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    // A fresh PGlite instance takes seconds to start on a shared two-core machine.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Test files run one after another: each starts its own PGlite instance and PostgreSQL database.
    fileParallelism: false,
  },
});
