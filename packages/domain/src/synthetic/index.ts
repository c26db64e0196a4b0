// A seeded generator of realistic synthetic networks, for benchmarks and load tests.
export * from "./generate.js";
export * from "./random.js";
