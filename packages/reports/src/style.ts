/** The paths of the embedded fonts' files. */
export interface Fonts {
  readonly regular: string;
  readonly bold: string;
  readonly italic: string;
}

/** Font sizes in points. */
export const fontSize = {
  title: 20,
  lead: 11,
  h2: 15,
  h3: 12.5,
  h4: 11,
  body: 9.5,
  table: 8.5,
  small: 8.5,
  chart: 7.5,
  footer: 7.5,
} as const;

/** Page geometry in points (A4). */
export const space = {
  marginTop: 64,
  marginBottom: 64,
  marginX: 56,
  block: 12,
} as const;

/**
 * Colours: dark text on white, one accent, and a chart palette that stays apart in grey-scale
 * print and for common colour-vision deficiencies (every chart also labels its values in text).
 */
export const palette = {
  text: "#1a1a1a",
  muted: "#555555",
  accent: "#1f4e8c",
  grid: "#9a9a9a",
  stripe: "#f2f4f7",
  headerRow: "#dde3ec",
  track: "#e6e8ec",
  series: ["#1f4e8c", "#e08a1e", "#3a8d4f", "#8a5aa8", "#b33c3c", "#6b6b6b"],
  status: { good: "#2f7d45", warning: "#c77c12", bad: "#b33c3c", neutral: "#8a8a8a" },
} as const;
