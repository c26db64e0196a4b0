import { compareOverlap } from "./src/analytics/overlaps.js";
const m = (n: number) => ({ id: `msr_${String(n).padStart(12,"0")}` as any, title: "Berufsorientierung im Betrieb", providerActorId: "act_000000000001" as any, category: "vocational_orientation" as const, targetGroups: ["pupils_lower_secondary" as const], areaServed: [], from: "2024-08-01", to: "2025-07-31", funding: [], status: "running" as const, version: 1, deleted: false });
console.log(JSON.stringify(compareOverlap(m(1), m(2)), null, 1).slice(0, 1500));
