import { findOverlaps, compareOverlap } from "./src/analytics/overlaps.js";
import { generateNetwork } from "./src/synthetic/index.js";
const net = generateNetwork({ seed: 2008, measures: 1000 });
const byId = new Map(net.measure.map(m => [m.id, m]));
const res = findOverlaps(net.measure, {});
const h: Record<string, number> = {};
const inc = (k: string) => { h[k] = (h[k] ?? 0) + 1; };
const scores: number[] = [];
for (const p of res.pairs) {
  const [a, b] = p.measureIds.map(id => byId.get(id)!);
  const whole = (a!.areaServed.length === 0 ? 1 : 0) + (b!.areaServed.length === 0 ? 1 : 0);
  inc("whole" + whole);
  const open = (a!.to ? 0 : 1) + (b!.to ? 0 : 1);
  inc("open" + open);
  const pur = p.reasons.find(r => r.kind === "purpose");
  inc("purpose" + (pur?.similarity ?? 0));
  inc("sameProvider" + p.sameProvider);
  inc("cat" + (a!.category === b!.category));
  scores.push(p.score);
}
scores.sort((x, y) => x - y);
console.log(h, [0.1, 0.25, 0.5, 0.75, 0.9].map(q => scores[Math.floor(q * scores.length)]!.toFixed(2)));
const titles = new Set(net.measure.map(m => m.title.replace(/ (im Landkreis|[A-ZÄÖÜ][a-zäöüß]+( und [A-ZÄÖÜ][a-zäöüß]+)*)( \(neu\)| – Kompaktangebot)*$/, "")));
console.log(titles.size);
