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
    // No declaration build: the workspace reads this package's types from source (@oha/source),
    // and the package is not published.
    clean: true,
    sourcemap: true,
    esbuildOptions(options) {
      options.conditions = ["@oha/source"];
    },
  },
]);
