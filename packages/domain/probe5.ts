import { findOverlaps } from "./src/analytics/overlaps.js";
import { generateNetwork } from "./src/synthetic/index.js";
for (const n of [1000]) {
const net = generateNetwork({ seed: 2008, measures: n });
for (const threshold of [0.65]) for (let k=0;k<4;k++){ const c=process.cpuUsage(); const r=findOverlaps(net.measure, {threshold}); const u=process.cpuUsage(c); if(k>0) console.log(n, threshold, ((u.user+u.system)/1000).toFixed(0), "cpu ms", r.pairs.length, r.stats.candidates); }
}
