import react from "@vitejs/plugin-react";
import { defaultClientConditions } from "vite";
import { defineConfig } from "vitest/config";

export default defineConfig({
  plugins: [react()],
  resolve: { conditions: ["@oha/source", ...defaultClientConditions] },
  test: {
    environment: "jsdom",
    include: ["src/**/*.test.ts", "src/**/*.test.tsx"],
    setupFiles: ["./test/setup.ts"],
    // Two cores are shared: keep the worker count low.
    maxWorkers: 2,
    // Tests are bounded by counts, never by the clock: a busy machine must not fail them.
    testTimeout: 900_000,
    hookTimeout: 900_000,
  },
});
