// The documents OHA produces for politics and partners, as document models (no rendering here).
export * from "./annual-report.js";
export * from "./document.js";
export { formatDate, formatNumber, formatPercent, formatTime } from "./format.js";
export * from "./meeting-papers.js";
export * from "./practice-guide.js";
