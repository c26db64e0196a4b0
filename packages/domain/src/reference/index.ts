export * from "./actor-kinds.js";
export * from "./ba-measures.js";
export * from "./iabe.js";
export * from "./kaoa.js";
export * from "./legal-frameworks.js";
export * from "./municipality-keys.js";
export * from "./target-groups.js";
export * from "./types.js";
