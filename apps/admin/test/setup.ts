import "@testing-library/jest-dom/vitest";
import { cleanup, configure } from "@testing-library/react";
import { afterEach } from "vitest";

// The machines running the tests are small and shared: give the UI time to settle.
configure({ asyncUtilTimeout: 5000 });

afterEach(() => {
  if (typeof document === "undefined") return;
  cleanup();
  sessionStorage.clear();
  localStorage.clear();
});
