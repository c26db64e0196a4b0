import { defineConfig } from "tsup";

export default defineConfig({
  entry: { index: "src/index.ts", ics: "src/ics.ts" },
  format: ["esm"],
  platform: "node",
  target: "node20",
  // No declaration build: the workspace reads this private package's types from source (@oha/source).
  clean: true,
  sourcemap: true,
  esbuildOptions(options) {
    options.conditions = ["@oha/source"];
  },
});
