import { osterodeExample } from "@oha/domain/example";
import { describe, expect, it } from "vitest";
import { keyFigures } from "../src/summary.js";

describe("the key figures printed on the first start", () => {
  it("show the example's area, population and density as the practice example states them", () => {
    const lines = keyFigures(osterodeExample).join("\n");
    expect(lines).toContain("635,99 km²");
    expect(lines).toContain("74.367 Einwohner");
    expect(lines).toContain("116,9 je km²");
    expect(lines).toContain(`Akteure / actors: ${osterodeExample.actor.length}`);
    expect(lines).toContain(`Gremien / bodies: ${osterodeExample.body.length}`);
  });

  it("leave out deleted records", () => {
    const network = {
      ...osterodeExample,
      actor: osterodeExample.actor.map((a, i) => ({ ...a, deleted: i === 0 })),
    };
    expect(keyFigures(network).join("\n")).toContain(`Akteure / actors: ${osterodeExample.actor.length - 1}`);
  });
});
