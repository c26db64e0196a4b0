import "@testing-library/jest-dom/vitest";
import { cleanup, configure } from "@testing-library/react";
import { afterEach } from "vitest";

// The machines running the tests are small and shared: give the UI time to settle (a bound far above any wait, never a pass condition).
configure({ asyncUtilTimeout: 300_000 });

afterEach(() => {
  if (typeof document === "undefined") return;
  cleanup();
  sessionStorage.clear();
  localStorage.clear();
});
