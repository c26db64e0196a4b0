import { createHash } from "node:crypto";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { defineConfig } from "tsup";

/**
 * Copies the API reference's browser bundle (Scalar's standalone script from
 * @scalar/api-reference) into dist/docs under a name with its content hash, with brotli and gzip
 * copies beside it: the Node server serves `/docs` from these files, without a CDN.
 */
async function copyApiReference(): Promise<void> {
  const require = createRequire(resolve("package.json"));
  const bytes = await readFile(require.resolve("@scalar/api-reference/browser/standalone.js"));
  const name = `scalar.${createHash("sha256").update(bytes).digest("hex").slice(0, 12)}.js`;
  const dir = resolve("dist/docs");
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, name), bytes);
  await writeFile(join(dir, `${name}.gz`), gzipSync(bytes, { level: 9 }));
  await writeFile(
    join(dir, `${name}.br`),
    brotliCompressSync(bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    }),
  );
}

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
    onSuccess: copyApiReference,
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
