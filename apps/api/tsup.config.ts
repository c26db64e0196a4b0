import { defineConfig } from "tsup";

export default defineConfig([
  {
    // The Node server, the operator CLI and the library entry points.
    entry: {
      index: "src/index.ts",
      client: "src/client.ts",
      cli: "src/cli.ts",
      "entry/node": "src/entry/node.ts",
    },
    format: ["esm"],
    platform: "node",
    target: "node20",
    dts: { entry: { index: "src/index.ts", client: "src/client.ts" } },
    clean: true,
    sourcemap: true,
    esbuildOptions(options) {
      options.conditions = ["@oha/source"];
    },
  },
]);
