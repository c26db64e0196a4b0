import { bench, describe } from "vitest";
import { toHsds } from "../src/interop/hsds.js";
import { OParlListQuery, oparlPage, toOParl } from "../src/interop/oparl.js";
import { buildTransferPackage, planTransferImport } from "../src/interop/transfer.js";
import { generateNetwork } from "../src/synthetic/index.js";

/**
 * The open interfaces build a district's whole OParl or HSDS dataset on every request, so what one
 * request costs is one `toOParl` or `toHsds` over the district (plus paging). Synthetic districts
 * the size of Osterode am Harz (400 measures) and of the overlap benchmark (1,000 measures), each
 * with six years of governance, people, meetings and agreements.
 */
const sizes = [400, 1_000] as const;
const options = { time: 3_000, warmupTime: 500 };
const query = OParlListQuery.parse({});

for (const n of sizes) {
  const network = generateNetwork({ seed: 2008, measures: n });
  const regionId = network.region[0]?.id ?? "";
  const systemUrl = `https://oha.example.org/oparl/v1.1/regions/${regionId}`;
  const pkg = buildTransferPackage(network, { regionId, exportedAt: "2025-06-30T00:00:00.000Z" });
  describe(`interop, ${n.toLocaleString("en")} measures`, () => {
    bench(
      "toOParl + one page of meetings",
      () => {
        const oparl = toOParl(network, { regionId, systemUrl });
        void oparlPage(oparl.lists.meetings, query, oparl.urls.list("meetings"));
      },
      options,
    );
    bench("toHsds", () => void toHsds(network, { regionId }), options);
    bench(
      "planTransferImport into the same district (all identical)",
      () => void planTransferImport(pkg, network, { now: "2025-07-01T00:00:00.000Z" }),
      options,
    );
  });
}
