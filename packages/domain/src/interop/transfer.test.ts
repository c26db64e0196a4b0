import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { osterodeExample, osterodeIds } from "../example/index.js";
import { emptyNetwork, type Network } from "../model/entities.js";
import {
  buildTransferPackage,
  parseTransferPackage,
  planTransferImport,
  type TransferImportPlan,
  TransferPackage,
  transferFormat,
} from "./transfer.js";

const exportedAt = "2025-03-01T10:00:00.000Z";
const now = "2025-03-02T10:00:00.000Z";
const pkg = buildTransferPackage(osterodeExample, { regionId: osterodeIds.region, exportedAt });

/** A second district: its own region and nothing else. */
function otherDistrict(): Network {
  const network = emptyNetwork();
  network.region.push({
    id: "reg_beispiel0001" as never,
    name: "Landkreis Beispielstadt",
    kind: "district",
    status: "active",
    keys: [],
    municipalities: [],
    version: 1,
    createdAt: now,
    updatedAt: now,
    deleted: false,
  });
  return network;
}

/** Writes a plan's records into a network the way the store's merge import does. */
function apply(network: Network, plan: TransferImportPlan): Network {
  const next = structuredClone(network);
  for (const [entity, records] of Object.entries(plan.records) as [
    keyof TransferImportPlan["records"],
    { id: string }[],
  ][]) {
    const list = next[entity] as { id: string }[];
    for (const record of records) {
      const at = list.findIndex((r) => r.id === record.id);
      if (at >= 0) list[at] = record;
      else list.push(record);
    }
  }
  return next;
}

/** The content of a package without where it came from (ids, versions, provenance). */
function content(p: TransferPackage) {
  const strip = <T extends { source?: unknown }>(items: T[]) => items.map(({ source: _s, ...rest }) => rest);
  return {
    standards: strip(p.standards),
    guides: strip(p.guides),
    agreementTemplates: strip(p.agreementTemplates),
    maturityQuestionnaires: strip(p.maturityQuestionnaires),
  };
}

describe("buildTransferPackage", () => {
  it("holds the district's standards, guide, agreement templates with goal trees and questionnaire", () => {
    expect(pkg.format).toBe(transferFormat);
    expect(pkg.standards.map((s) => s.code)).toEqual([...osterodeExample.standard.map((s) => s.code)].sort());
    expect(pkg.guides).toHaveLength(osterodeExample.guide.length);
    expect(pkg.agreementTemplates).toHaveLength(osterodeExample.agreement.length);
    expect(pkg.maturityQuestionnaires).toHaveLength(osterodeExample.maturityAssessment.length);
    const goals = pkg.agreementTemplates.flatMap(function flat(t): unknown[] {
      return t.goals.flatMap(function walk(g): unknown[] {
        return [g, ...g.children.flatMap(walk)];
      });
    });
    expect(goals).toHaveLength(osterodeExample.goal.filter((g) => g.agreementId).length);
    expect(pkg.provenance).toMatchObject({
      district: {
        name: "Landkreis Osterode am Harz",
        regionId: osterodeIds.region,
        officialKey: { system: "district_key", value: "03156" },
      },
      exportedAt,
    });
  });

  it("is valid by its Zod schema and by its JSON Schema", () => {
    expect(parseTransferPackage(JSON.parse(JSON.stringify(pkg))).ok).toBe(true);
    const { $schema: _, ...schema } = z.toJSONSchema(TransferPackage, {
      io: "input",
      target: "draft-2020-12",
    });
    const ajv = new Ajv2020({ strict: true });
    addFormats(ajv);
    const check = ajv.compile(schema);
    expect(check(JSON.parse(JSON.stringify(pkg))), JSON.stringify(check.errors)).toBe(true);
    expect(check({ ...pkg, formatVersion: 2 })).toBe(false);
  });

  it("carries no personal data and nothing of one district's actors", () => {
    const text = JSON.stringify(pkg);
    for (const contact of osterodeExample.contact) {
      expect(text).not.toContain(contact.id);
      expect(text).not.toContain(`${contact.givenName} ${contact.familyName}`);
      if (contact.email) expect(text).not.toContain(contact.email);
    }
    expect(text).not.toMatch(/"act_[0-9A-Za-z]{12}"/);
    expect(text).not.toMatch(/"(adoptions|signatures|commitments|reviews|waves|baseline|target)"/);
    // An interface side that named an actor keeps that actor's kind.
    const handover = osterodeExample.standard.flatMap((s) => s.interfaces).find((i) => i.to.actorId);
    const exported = pkg.standards
      .flatMap((s) => s.interfaces)
      .find((i) => i.handover === handover?.handover);
    expect(exported?.to).toEqual({ actorKind: "vocational_school" });
  });

  it("refuses a package with a duplicate key or of another format", () => {
    const twice = { ...pkg, standards: [...pkg.standards, pkg.standards[0]] };
    const refused = parseTransferPackage(twice, "en");
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.error.details?.map((d) => d.code)).toContain("duplicate_value");
    expect(parseTransferPackage({ ...pkg, format: "something else" }).ok).toBe(false);
  });
});

describe("planTransferImport", () => {
  it("imports everything as drafts, yields the same content, and changes nothing the second time", () => {
    const target = otherDistrict();
    const first = planTransferImport(pkg, target, { now });
    expect(first.items.every((i) => i.status === "new" && i.take)).toBe(true);
    expect(first.warnings).toEqual([]);
    expect(first.records.standard.every((s) => s.status === "draft" && s.adoptions.length === 0)).toBe(true);
    expect(first.records.agreement.every((a) => a.status === "draft" && a.signatures.length === 0)).toBe(
      true,
    );
    const imported = apply(target, first);

    // A deep comparison, ids aside: exporting the second district gives the first one's content.
    const again = buildTransferPackage(imported, { regionId: "reg_beispiel0001", exportedAt });
    expect(content(again)).toEqual(content(pkg));

    const second = planTransferImport(pkg, imported, { now });
    expect(second.items.map((i) => i.status)).toEqual(second.items.map(() => "identical"));
    expect(Object.values(second.records).flat()).toEqual([]);
    expect(second.summary).toMatchObject({ new: 0, changed: 0, created: 0, updated: 0 });
  });

  it("shows what differs and takes only what was chosen", () => {
    const target = apply(otherDistrict(), planTransferImport(pkg, otherDistrict(), { now }));
    const standard = target.standard[0];
    if (!standard) throw new Error("no standard");
    Object.assign(standard, { title: "Eigener Titel", status: "in_force" });
    const guide = target.guide[0];
    if (guide) target.guide = [];

    const preview = planTransferImport(pkg, target, { now, take: [] });
    const changed = preview.items.find((i) => i.key === standard.code);
    expect(changed).toMatchObject({ status: "changed", take: false, writes: 0, existingId: standard.id });
    expect(changed?.changes).toEqual([
      { field: "title", before: "Eigener Titel", after: expect.any(String) },
    ]);
    expect(preview.items.find((i) => i.kind === "guide")?.status).toBe("new");
    expect(Object.values(preview.records).flat()).toEqual([]);

    const taken = planTransferImport(pkg, target, { now, take: [changed?.ref ?? ""] });
    expect(taken.records.standard).toHaveLength(1);
    expect(taken.records.guide).toHaveLength(0);
    const updated = taken.records.standard[0];
    expect(updated).toMatchObject({ id: standard.id, version: standard.version + 1, status: "in_force" });
    expect(updated?.title).not.toBe("Eigener Titel");
  });

  it("warns about guide references to standards the district does not take", () => {
    const target = otherDistrict();
    const guideRef = `guide:${pkg.guides[0]?.title}`;
    const plan = planTransferImport(pkg, target, { now, take: [guideRef] });
    expect(plan.records.guide).toHaveLength(1);
    expect(plan.records.guide[0]?.sections.every((s) => s.standardIds.length === 0)).toBe(true);
    expect(plan.warnings.length).toBeGreaterThan(0);
    expect(plan.warnings[0]?.message.en).toMatch(/refers to standard/);
    // Taking it again changes nothing, although it stays "changed" for the missing references.
    const twice = planTransferImport(pkg, apply(target, plan), { now, take: [guideRef] });
    expect(twice.records.guide).toEqual([]);
  });
});
