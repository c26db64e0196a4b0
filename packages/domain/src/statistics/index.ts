// Import of official statistics files: pure reading and planning, no I/O.
export { decodeStatisticsFile } from "./csv.js";
export { statisticsMessages } from "./messages.js";
export * from "./plan.js";
export * from "./preview.js";
export * from "./types.js";
