import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import type { Locator, Page } from "playwright-core";
import { expect } from "vitest";
import { adminDir } from "./server.js";

/** Where the e2e tests write their screenshots (git-ignored). */
export const screenshots = join(adminDir, "e2e-screenshots");
/** Debian's Chromium, or another one named by OHA_CHROMIUM. */
export const executablePath = process.env.OHA_CHROMIUM ?? "/usr/bin/chromium";
/** How long the UI may take to show something: polling, as playwright-core has no web-first assertions. */
export const soon = { timeout: 15_000, interval: 100 };
/** The text of an element, once it is there. */
export const textOf = (l: Locator) => l.innerText({ timeout: soon.timeout });
/** Waits until an element is visible. */
export const visible = (l: Locator) => l.waitFor({ state: "visible", timeout: soon.timeout });

/**
 * Checks the page with axe-core for WCAG 2.1 A and AA violations, once the page has settled
 * (no requests, no loading notices), and writes a full-page screenshot.
 */
export async function checkA11y(p: Page, name: string) {
  await p.waitForLoadState("networkidle");
  await p
    .locator("output.loading")
    .first()
    .waitFor({ state: "detached", timeout: 10_000 })
    .catch(() => undefined);
  const result = await new AxeBuilder({ page: p })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  const violations = result.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    targets: v.nodes.slice(0, 5).map((n) => n.target.join(" ")),
  }));
  expect(violations, `axe on ${name} (${p.url()})`).toEqual([]);
  await mkdir(screenshots, { recursive: true });
  await p.screenshot({ path: join(screenshots, `${name}.png`), fullPage: true });
}

/** Checks a page at the desktop width (1440 px) and the phone width (390 px). */
export async function checkA11yAtWidths(p: Page, name: string) {
  for (const width of [1440, 390]) {
    await p.setViewportSize({ width, height: 900 });
    await checkA11y(p, `${name}-${width}`);
  }
}

/** Signs in on the sign-in page with an API key and waits for the main navigation. */
export async function signIn(p: Page, url: string, key: string) {
  await p.goto(`${url}/sign-in`);
  await p.getByLabel(/API-Schlüssel/).fill(key);
  await p.getByRole("button", { name: "Anmelden" }).click();
  await p.getByRole("navigation", { name: "Hauptnavigation" }).waitFor();
}
