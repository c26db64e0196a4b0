/**
 * Peak memory of the overlap finder on synthetic measures (default 100,000).
 *
 * Run from packages/domain: `node --expose-gc --import tsx bench/memory.ts [measures]`.
 * The input is generated first and garbage-collected; then a worker thread samples the process's
 * resident set every millisecond while the main thread runs `findOverlaps`, so the peak seen is the
 * peak of the run itself (the resident set is shared by all threads of the process).
 */
import { Worker } from "node:worker_threads";
import { findOverlaps } from "../src/analytics/overlaps.js";
import { generateNetwork } from "../src/synthetic/index.js";

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error("Run with node --expose-gc.");
const measures = Number(process.argv[2] ?? 100_000);
const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;

const network = generateNetwork({ seed: 2008, measures });
gc();
gc();
const before = process.memoryUsage();

const shared = new SharedArrayBuffer(16);
const peak = new Float64Array(shared);
const sampler = new Worker(
  `const { workerData } = require("node:worker_threads");
   const peak = new Float64Array(workerData);
   const tick = () => { const rss = process.memoryUsage.rss(); if (rss > peak[0]) peak[0] = rss; peak[1]++; };
   setInterval(tick, 1);`,
  { eval: true, workerData: shared },
);
await new Promise((resolve) => setTimeout(resolve, 50));
peak[0] = process.memoryUsage.rss();

const started = performance.now();
const cpuBefore = process.cpuUsage();
const result = findOverlaps(network.measure, { reviews: network.overlapReview });
const cpu = process.cpuUsage(cpuBefore);
const elapsed = performance.now() - started;
await new Promise((resolve) => setTimeout(resolve, 20));
const after = process.memoryUsage();
await sampler.terminate();

console.log(
  `measures: ${measures.toLocaleString("en")}, pairs: ${result.pairs.length}, clusters: ${result.clusters.length}`,
);
console.log(
  `time: ${elapsed.toFixed(0)} ms wall, ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms CPU of the process (${peak[1]} resident-set samples)`,
);
console.log(
  `before the run (input generated, collected): rss ${mib(before.rss)}, heap used ${mib(before.heapUsed)}`,
);
console.log(`peak rss during the run: ${mib(peak[0]!)} (+${mib(peak[0]! - before.rss)} over the input)`);
console.log(`after the run: rss ${mib(after.rss)}, heap used ${mib(after.heapUsed)}`);
