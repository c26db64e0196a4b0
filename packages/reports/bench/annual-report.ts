// The annual report of a large district: build the document model from a synthetic network of 500
// actors and 5,000 measures and render it as a tagged PDF. Target: under 10 s for both together.
// Run: pnpm --filter @oha/reports bench   (figures go to BENCHMARKS.md with the load average)
import { loadavg } from "node:os";
import { buildAnnualReport } from "@oha/domain";
import { generateNetwork } from "@oha/domain/synthetic";
import { renderPdf } from "../src/index.js";

const runs = Number(process.env.BENCH_RUNS ?? 5);
const network = generateNetwork({ seed: 2008, actors: 500, measures: 5_000 });
const year = Number(
  (
    network.meeting
      .map((m) => m.start)
      .sort()
      .at(-1) ?? "2025"
  ).slice(0, 4),
);
console.log(
  `network: ${network.actor.length} actors, ${network.measure.length} measures, ${network.meeting.length} meetings, ${network.goal.length} goals, ${network.indicator.length} indicators; report year ${year}`,
);
console.log(
  `load average at start: ${loadavg()
    .map((l) => l.toFixed(2))
    .join(" ")}`,
);

const rows: { build: number; render: number; total: number; pages: number; bytes: number }[] = [];
for (let run = 0; run < runs; run++) {
  const started = performance.now();
  const report = buildAnnualReport(network, { year });
  if (!report.ok) throw new Error(report.error.message);
  const built = performance.now();
  const pdf = await renderPdf(report.value);
  const done = performance.now();
  const pages = (
    Buffer.from(pdf)
      .toString("latin1")
      .match(/\/Type \/Page\b/g) ?? []
  ).length;
  rows.push({
    build: built - started,
    render: done - built,
    total: done - started,
    pages,
    bytes: pdf.length,
  });
  console.log(
    `run ${run + 1}: build ${(built - started).toFixed(0)} ms, render ${(done - built).toFixed(0)} ms, total ${(done - started).toFixed(0)} ms, ${pages} pages, ${(pdf.length / 1024).toFixed(0)} KiB`,
  );
}
const sorted = (key: "build" | "render" | "total") => rows.map((r) => r[key]).sort((a, b) => a - b);
const stat = (key: "build" | "render" | "total") => {
  const values = sorted(key);
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return `mean ${mean.toFixed(0)} ms, min ${(values[0] ?? 0).toFixed(0)} ms, max ${(values.at(-1) ?? 0).toFixed(0)} ms`;
};
console.log(`build:  ${stat("build")}`);
console.log(`render: ${stat("render")}`);
console.log(`total:  ${stat("total")} (target < 10,000 ms)`);
console.log(
  `load average at end: ${loadavg()
    .map((l) => l.toFixed(2))
    .join(" ")}`,
);
