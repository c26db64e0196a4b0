import { findOverlaps } from "./src/analytics/overlaps.js";
import { generateNetwork } from "./src/synthetic/index.js";
const net = generateNetwork({ seed: 2008, measures: 1000 });
for (let k=0;k<30;k++) findOverlaps(net.measure, {});
