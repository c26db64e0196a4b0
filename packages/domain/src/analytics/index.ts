// Pure analyses over the model's records; each module documents its inputs and evidence.
export * from "./analyses.js";
export * from "./continuity.js";
export * from "./coverage.js";
export * from "./deadlines.js";
export * from "./goals.js";
export * from "./health.js";
export * from "./indicators.js";
export * from "./meetings.js";
export * from "./overlaps.js";
export * from "./participation.js";
export * from "./reads.js";
export * from "./realisation.js";
export * from "./reconciliation.js";
export * from "./standards.js";
