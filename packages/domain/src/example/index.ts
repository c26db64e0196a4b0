export * from "./osterode.js";
