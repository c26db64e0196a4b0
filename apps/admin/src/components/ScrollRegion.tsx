import type { ReactNode } from "react";

/**
 * A frame around a table that may be wider than the screen: it scrolls sideways and takes the
 * keyboard focus, so people without a mouse can scroll it too (WCAG 2.1.1). Named by the table's
 * caption (`labelledBy`).
 */
export function ScrollRegion({ labelledBy, children }: { labelledBy: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard
    <section className="table-wrap" aria-labelledby={labelledBy} tabIndex={0}>
      {children}
    </section>
  );
}
