// The overlap finder on the evaluation set of the Landkreis Auental: precision, recall and F1 at
// the default settings, over the pairs a coordinator labelled.
import { describe, expect, it } from "vitest";
import { compareOverlap, findOverlaps } from "../src/analytics/overlaps.js";
import { evaluationId, evaluationMeasures, evaluationPairs } from "./fixtures/overlap-evaluation.js";

const key = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

describe("overlap finder on the evaluation set", () => {
  it("has at least 60 offers and 80 labelled pairs, a third of them redundant, each with a reason", () => {
    expect(evaluationMeasures.length).toBeGreaterThanOrEqual(60);
    expect(evaluationPairs.length).toBeGreaterThanOrEqual(80);
    const redundant = evaluationPairs.filter((p) => p.redundant).length;
    expect(redundant * 3).toBeGreaterThanOrEqual(evaluationPairs.length);
    const seen = new Set<string>();
    for (const pair of evaluationPairs) {
      expect(pair.reason.length).toBeGreaterThan(10);
      const k = key(pair.a, pair.b);
      expect(seen.has(k), k).toBe(false);
      seen.add(k);
    }
  });

  it("reaches precision and recall of at least 0.9 at the default settings", () => {
    const result = findOverlaps(evaluationMeasures);
    const reported = new Set(result.pairs.map((p) => key(p.measureIds[0], p.measureIds[1])));
    let tp = 0;
    let fp = 0;
    let fn = 0;
    const misses: string[] = [];
    for (const pair of evaluationPairs) {
      const a = evaluationId(pair.a);
      const b = evaluationId(pair.b);
      const found = reported.has(key(a, b));
      if (found && pair.redundant) tp++;
      else if (found) fp++;
      else if (pair.redundant) fn++;
      if (found !== pair.redundant) {
        const [ma, mb] = [a, b].map((id) => evaluationMeasures.find((m) => m.id === id)!);
        const c = compareOverlap(ma!, mb!);
        misses.push(
          `${pair.redundant ? "missed" : "false"} ${pair.a}–${pair.b} (${c.score.toFixed(2)}): ${pair.reason} | ${
            c.ruledOut.map((r) => r.text.en).join("; ") ||
            c.reasons.map((r) => `${r.kind} ${r.similarity.toFixed(2)}`).join(", ")
          }`,
        );
      }
    }
    const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
    const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    const labelled = new Set(evaluationPairs.map((p) => key(evaluationId(p.a), evaluationId(p.b))));
    const unlabelled = [...reported].filter((k) => !labelled.has(k)).length;
    console.log(
      `overlap evaluation: precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}, F1 ${f1.toFixed(3)} ` +
        `(TP ${tp}, FP ${fp}, FN ${fn}; ${evaluationPairs.length} labelled pairs, ${unlabelled} reported pairs unlabelled)`,
    );
    for (const miss of misses) console.log(`  ${miss}`);
    expect(precision).toBeGreaterThanOrEqual(0.9);
    expect(recall).toBeGreaterThanOrEqual(0.9);
  });
});
