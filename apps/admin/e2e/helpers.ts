import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import type { Locator, Page } from "playwright-core";
import { expect } from "vitest";
import { adminDir } from "./server.js";

/** Where the screenshots of the pages go (git-ignored). */
export const screenshots = join(adminDir, "e2e-screenshots");
/** Debian's Chromium, or the one named by OHA_CHROMIUM. */
export const executablePath = process.env.OHA_CHROMIUM ?? "/usr/bin/chromium";

/** How long the UI may take to show something: polling, as playwright-core has no web-first assertions. */
export const soon = { timeout: 300_000, interval: 100 };
export const textOf = (l: Locator) => l.innerText({ timeout: soon.timeout });
export const visible = (l: Locator) => l.waitFor({ state: "visible", timeout: soon.timeout });

/** The widths every new page is checked at: a desktop and a phone. */
export const widths = { desktop: { width: 1440, height: 900 }, phone: { width: 390, height: 844 } } as const;

/**
 * Checks the page with axe-core for WCAG 2.1 A and AA violations (after it settled) and writes a
 * screenshot named `name`.
 */
export async function checkAccessibility(p: Page, name: string) {
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

/**
 * Checks the page at the desktop and the phone width, and goes back to the desktop width. On the
 * phone the page must not scroll sideways (WCAG 1.4.10 reflow; wide tables scroll in their frame).
 */
export async function checkAtBothWidths(p: Page, name: string) {
  await p.setViewportSize(widths.phone);
  await checkAccessibility(p, `${name}-390`);
  const width = await p.evaluate(() => document.documentElement.scrollWidth);
  expect(width, `the page's width at 390 px (${name})`).toBeLessThanOrEqual(widths.phone.width);
  await p.setViewportSize(widths.desktop);
  await checkAccessibility(p, `${name}-1440`);
}

/** The same check under the name the start pages' tests use. */
export const checkA11y = checkAccessibility;

/** Checks a page at the desktop width (1440 px) and the phone width (390 px). */
export async function checkA11yAtWidths(p: Page, name: string) {
  for (const width of [1440, 390]) {
    await p.setViewportSize({ width, height: 900 });
    await checkAccessibility(p, `${name}-${width}`);
  }
}

/** Signs in on the sign-in page with an API key and waits for the navigation. */
export async function signIn(p: Page, url: string, key: string) {
  await p.goto(`${url}/sign-in`);
  await p.getByLabel(/API-Schlüssel/).fill(key);
  await p.getByRole("button", { name: "Anmelden" }).click();
  await p.getByRole("navigation", { name: "Hauptnavigation" }).waitFor();
}
