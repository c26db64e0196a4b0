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
  {
    // The edge bundle: everything in one file, resolved for Workers-style runtimes. The only
    // imports left are those the runtime provides (checked by test/edge-bundle.test.ts).
    entry: { worker: "src/entry/worker.ts" },
    outDir: "dist/edge",
    removeNodeProtocol: false,
    format: ["esm"],
    // One module (the example network, imported on demand, included): what is uploaded is one file.
    splitting: false,
    platform: "neutral",
    target: "es2022",
    noExternal: [/.*/],
    clean: true,
    esbuildPlugins: [
      {
        // Keep the runtime's own modules as they are written (esbuild would drop the `node:` prefix).
        name: "runtime-modules",
        setup(build) {
          build.onResolve({ filter: /^(node|cloudflare):/ }, (args) => ({ path: args.path, external: true }));
        },
      },
    ],
    esbuildOptions(options) {
      options.conditions = ["@oha/source", "workerd", "worker", "browser", "import", "default"];
      options.mainFields = ["module", "main"];
    },
  },
]);
