import { defineConfig } from "tsup";

export default defineConfig({
  entry: [
    "src/index.ts",
    "src/reference/index.ts",
    "src/example/index.ts",
    "src/analytics/index.ts",
    "src/synthetic/index.ts",
    "src/interop/index.ts",
  ],
  format: ["esm"],
  dts: true,
  clean: true,
  sourcemap: true,
  target: "es2022",
  treeshake: true,
});
