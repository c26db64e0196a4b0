import { defineConfig } from "vitest/config";

// End-to-end tests: a real server (apps/api/dist) serving the built UI (dist/), a real headless
// Chromium. Nothing is built here; turbo builds the API and the UI before `test`.
export default defineConfig({
  test: {
    environment: "node",
    include: ["e2e/**/*.e2e.test.ts"],
    fileParallelism: false,
    // Tests are bounded by counts, never by the clock: a busy machine must not fail them.
    testTimeout: 900_000,
    hookTimeout: 900_000,
  },
});
