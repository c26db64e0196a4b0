import react from "@vitejs/plugin-react";
import { defaultClientConditions, defineConfig } from "vite";

// The API's address during development; `pnpm start` serves the built UI from the API itself.
const apiTarget = process.env.OHA_API_URL ?? "http://127.0.0.1:8787";

export default defineConfig({
  // Absolute asset paths: the server answers every unknown path with index.html (SPA fallback),
  // so `/actors/act_…/edit` must still load `/assets/…`.
  base: "/",
  plugins: [react()],
  resolve: { conditions: ["@oha/source", ...defaultClientConditions] },
  server: {
    port: 5173,
    proxy: {
      "/api": { target: apiTarget, changeOrigin: false },
      "/readyz": { target: apiTarget },
    },
  },
  build: { outDir: "dist", sourcemap: true, chunkSizeWarningLimit: 1500 },
});
