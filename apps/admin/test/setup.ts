import "@testing-library/jest-dom/vitest";
import { cleanup, configure } from "@testing-library/react";
import { afterEach } from "vitest";
import { preloadPages } from "../src/lib/lazy-pages.js";

// The machines running the tests are small and shared: give the UI time to settle (a bound far above any wait, never a pass condition).
configure({ asyncUtilTimeout: 300_000 });

// The app loads its pages when they are first shown (src/lib/lazy-pages.tsx). Load them all before
// the tests, so every page renders at once as it does after its first visit.
await import("../src/app.js");
await preloadPages();

afterEach(() => {
  if (typeof document === "undefined") return;
  cleanup();
  sessionStorage.clear();
  localStorage.clear();
});
