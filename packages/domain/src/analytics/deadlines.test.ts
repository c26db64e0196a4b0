import { describe, expect, it } from "vitest";
import { osterodeExample } from "../example/index.js";
import {
  createRecord,
  type EntityName,
  type EntityRecord,
  emptyNetwork,
  entities,
} from "../model/entities.js";
import { findEndingSoon } from "./deadlines.js";

const id = (name: EntityName, n: number) => `${entities[name].idPrefix}_${String(n).padStart(12, "0")}`;
function make<N extends EntityName>(name: N, n: number, input: Record<string, unknown>): EntityRecord<N> {
  const result = createRecord(name, input, "2024-01-01T00:00:00.000Z", { id: id(name, n) });
  if (!result.ok) throw new Error(`${name} ${n}: ${JSON.stringify(result.error.details)}`);
  return result.value;
}
const programme = (n: number, to: string) =>
  make("fundingProgramme", n, { name: `Programm ${n}`, funder: "Land", funderLevel: "state", to });
const agreement = (n: number, status: string, validTo: string) =>
  make("agreement", n, {
    title: `Vereinbarung ${n}`,
    status,
    partyActorIds: [id("actor", 1)],
    ...(status === "draft" ? {} : { signatures: [{ actorId: id("actor", 1), signedOn: "2020-01-01" }] }),
    validFrom: "2020-02-01",
    validTo,
  });

describe("findEndingSoon", () => {
  it("names the Osterode co-funding programme 152 days before its end, with the measure it funds", () => {
    const found = findEndingSoon(osterodeExample, { asOf: "2026-03-01" });
    expect(found.horizon).toBe("2026-08-28");
    expect(found.fundingProgrammes).toEqual([
      {
        fundingProgrammeId: "fun_osterode0003",
        name: "Muster-Kofinanzierung Berufseinstiegsbegleitung",
        to: "2026-07-31",
        daysLeft: 152,
        measureIds: ["msr_osterode0006"],
        fundsOffice: false,
      },
    ]);
    expect(findEndingSoon(osterodeExample, { asOf: "2026-08-01" }).fundingProgrammes).toEqual([]);
    expect(findEndingSoon(osterodeExample, { asOf: "2025-06-30" }).fundingProgrammes).toEqual([]);
  });

  it("lists agreements in force or signed that end in the horizon, soonest first, and leaves drafts and ended ones out", () => {
    const network = {
      ...emptyNetwork(),
      agreement: [
        agreement(1, "in_force", "2025-05-31"),
        agreement(2, "in_force", "2025-02-28"),
        agreement(3, "draft", "2025-03-31"),
        agreement(4, "in_force", "2024-12-31"),
        agreement(5, "terminated", "2025-03-31"),
        agreement(6, "in_force", "2026-01-31"),
      ],
    };
    const found = findEndingSoon(network, { asOf: "2025-01-01", withinDays: 180 });
    expect(found.agreements.map((a) => [a.agreementId, a.daysLeft, a.status])).toEqual([
      [id("agreement", 2), 58, "in_force"],
      [id("agreement", 1), 150, "in_force"],
    ]);
    expect(findEndingSoon(network, { asOf: "2025-01-01", withinDays: 400 }).agreements).toHaveLength(3);
  });

  it("says whether the office's current posts depend on an ending programme, and counts only live measures", () => {
    const network = {
      ...emptyNetwork(),
      fundingProgramme: [programme(1, "2025-03-31"), programme(2, "2025-04-30")],
      coordinationOffice: [
        make("coordinationOffice", 1, {
          name: "Koordinierungsstelle",
          staffing: [
            {
              from: "2024-01-01",
              posts: 2,
              funding: "programme",
              fundingProgrammeIds: [id("fundingProgramme", 2)],
            },
          ],
        }),
      ],
    };
    const found = findEndingSoon(network, { asOf: "2025-01-01" });
    expect(found.fundingProgrammes.map((p) => [p.fundingProgrammeId, p.fundsOffice, p.measureIds])).toEqual([
      [id("fundingProgramme", 1), false, []],
      [id("fundingProgramme", 2), true, []],
    ]);
    const deleted = { ...network, fundingProgramme: [{ ...programme(1, "2025-03-31"), deleted: true }] };
    expect(findEndingSoon(deleted, { asOf: "2025-01-01" }).fundingProgrammes).toEqual([]);
  });
});
