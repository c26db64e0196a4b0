import react from "@vitejs/plugin-react";
import { defaultClientConditions, defineConfig } from "vite";
import { precompress } from "./build/precompress.js";

// The API's address during development; `pnpm start` serves the built UI from the API itself.
const apiTarget = process.env.OHA_API_URL ?? "http://127.0.0.1:8787";

/** Libraries that change rarely, in files of their own: a new version of the UI leaves them cached. */
const vendorGroups = [
  { name: "react", test: /[\\/]node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/ },
  { name: "query", test: /[\\/]node_modules[\\/]@tanstack[\\/]/ },
  { name: "i18n", test: /[\\/]node_modules[\\/](i18next|react-i18next)[\\/]/ },
  { name: "zod", test: /[\\/]node_modules[\\/]zod[\\/]/ },
];

export default defineConfig({
  // Absolute asset paths: the server answers every unknown path with index.html (SPA fallback),
  // so `/actors/act_…/edit` must still load `/assets/…`.
  base: "/",
  plugins: [react(), precompress()],
  resolve: { conditions: ["@oha/source", ...defaultClientConditions] },
  server: {
    port: 5173,
    proxy: {
      "/api": { target: apiTarget, changeOrigin: false },
      "/readyz": { target: apiTarget },
    },
  },
  build: {
    outDir: "dist",
    // No source maps in the build: the server would hand the whole source to anyone (and refuses
    // `*.map` anyway). Debug with `pnpm --filter @oha/admin dev`.
    sourcemap: false,
    // Pages are split by route (src/lib/lazy-pages.ts); exceljs (about 930 kB) loads only for an export.
    chunkSizeWarningLimit: 1000,
    rolldownOptions: { output: { codeSplitting: { groups: vendorGroups } } },
  },
});
