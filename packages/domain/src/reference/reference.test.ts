import { describe, expect, it } from "vitest";
import { ActorKind, actorKindLabels, LegalFramework, legalFrameworkLabels } from "../model/actor.js";
import {
  BaMeasureType,
  baMeasureTypeLabels,
  IabeSector,
  iabeSectorLabels,
  TargetGroup,
  targetGroupLabels,
} from "../model/measure.js";
import {
  actorKinds,
  baMeasureTypes,
  districtKeyOf,
  editableIabeAccounts,
  findKaoaElement,
  iabeBeginners2024,
  iabeSectorIIAccounts,
  iabeSectors,
  jugendberufsagentur,
  kaoaCatalogue,
  kaoaLegacyMapping,
  legalFrameworks,
  officialKeyStructures,
  osterodeDistrictHistory,
  osterodeMunicipalities,
  type ReferenceList,
  referenceStatuses,
  targetGroups,
} from "./index.js";

const lists: ReferenceList<unknown>[] = [
  actorKinds,
  iabeSectors,
  iabeSectorIIAccounts,
  iabeBeginners2024,
  kaoaCatalogue,
  kaoaLegacyMapping,
  targetGroups,
  baMeasureTypes,
  legalFrameworks,
  jugendberufsagentur,
  officialKeyStructures,
  osterodeMunicipalities,
  osterodeDistrictHistory,
];

/** Every `{ de, en }` pair inside a value, with where it was found. */
function localizedTexts(value: unknown, path: string): { path: string; de: unknown; en: unknown }[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => localizedTexts(v, `${path}[${i}]`));
  if (!value || typeof value !== "object") return [];
  const keys = Object.keys(value);
  if (keys.includes("de") && keys.includes("en")) {
    const { de, en } = value as { de: unknown; en: unknown };
    return [{ path, de, en }];
  }
  return Object.entries(value).flatMap(([k, v]) => localizedTexts(v, `${path}.${k}`));
}

const sorted = (values: Iterable<string>) => [...values].sort();

describe("reference lists: provenance and languages", () => {
  it.each(lists.map((list) => [list.id, list] as const))("%s says where it comes from", (_, list) => {
    expect(referenceStatuses).toContain(list.status);
    expect(list.source.trim().length).toBeGreaterThan(10);
    expect(list.title.de.trim()).not.toBe("");
    expect(list.title.en.trim()).not.toBe("");
    expect(typeof list.editable).toBe("boolean");
  });

  it("has unique list ids", () => {
    expect(new Set(lists.map((l) => l.id)).size).toBe(lists.length);
  });

  it.each(
    lists.map((list) => [list.id, list] as const),
  )("%s has non-empty German and English in every text", (id, list) => {
    const texts = localizedTexts(list, id);
    expect(texts.length).toBeGreaterThan(0);
    for (const t of texts) {
      expect(typeof t.de === "string" && t.de.trim() !== "", `${t.path}.de is empty`).toBe(true);
      expect(typeof t.en === "string" && t.en.trim() !== "", `${t.path}.en is empty`).toBe(true);
    }
  });

  it("marks the lists as official, example or unverified as the checked sources allow", () => {
    expect(iabeSectors.status).toBe("official");
    expect(iabeSectorIIAccounts.status).toBe("unverified");
    expect(kaoaCatalogue.status).toBe("example");
    expect(kaoaLegacyMapping.status).toBe("unverified");
    expect(osterodeDistrictHistory.status).toBe("official");
    expect(baMeasureTypes.entries.bae.status).toBe("unverified");
    expect(legalFrameworks.entries.vocational_training_act.status).toBe("unverified");
  });
});

describe("reference lists: keys match the model's enums exactly", () => {
  it("actor kinds reuse the model's labels", () => {
    expect(sorted(Object.keys(actorKinds.entries))).toEqual(sorted(ActorKind.options));
    for (const kind of ActorKind.options) {
      expect(actorKinds.entries[kind].label).toBe(actorKindLabels[kind]);
      expect(actorKinds.entries[kind].description.de).not.toBe(actorKindLabels[kind].de);
      for (const framework of actorKinds.entries[kind].legalFrameworks)
        expect(LegalFramework.options).toContain(framework);
    }
  });

  it("iABE sectors", () => {
    expect(sorted(Object.keys(iabeSectors.entries))).toEqual(sorted(IabeSector.options));
    for (const sector of IabeSector.options)
      expect(iabeSectors.entries[sector].label).toBe(iabeSectorLabels[sector]);
  });

  it("target groups, each with a definition and a source", () => {
    expect(sorted(Object.keys(targetGroups.entries))).toEqual(sorted(TargetGroup.options));
    for (const group of TargetGroup.options) {
      const entry = targetGroups.entries[group];
      expect(entry.label).toBe(targetGroupLabels[group]);
      expect(entry.source.trim(), group).not.toBe("");
      if (entry.status === "official")
        expect(entry.source, `${group} is official but cites only a working definition`).not.toMatch(
          /^Arbeitsdefinition/,
        );
    }
  });

  it("BA measure types", () => {
    expect(sorted(Object.keys(baMeasureTypes.entries))).toEqual(sorted(BaMeasureType.options));
    const accounts = new Set<string>(iabeSectorIIAccounts.entries.map((e) => e.key));
    for (const type of BaMeasureType.options) {
      const entry = baMeasureTypes.entries[type];
      expect(entry.label).toBe(baMeasureTypeLabels[type]);
      expect(entry.legalBasis).toMatch(/SGB III/);
      if (entry.iabeAccountKey) expect(accounts.has(entry.iabeAccountKey), type).toBe(true);
    }
  });

  it("legal frameworks (Rechtskreise)", () => {
    expect(sorted(Object.keys(legalFrameworks.entries))).toEqual(sorted(LegalFramework.options));
    for (const framework of LegalFramework.options) {
      const entry = legalFrameworks.entries[framework];
      expect(entry.label).toBe(legalFrameworkLabels[framework]);
      expect(entry.keyNorms.length, framework).toBeGreaterThan(0);
      for (const kind of entry.actorKinds) expect(ActorKind.options).toContain(kind);
    }
  });

  it("the Jugendberufsagentur model bundles SGB II, III and VIII for under-25s", () => {
    const model = jugendberufsagentur.entries;
    expect(sorted(model.corePartners)).toEqual(
      sorted(["employment_agency", "job_centre", "youth_welfare_office"]),
    );
    expect(sorted(model.legalFrameworks)).toEqual(["sgb2", "sgb3", "sgb8"]);
    expect(model.underAge).toBe(25);
    for (const kind of [...model.corePartners, ...model.frequentPartners])
      expect(ActorKind.options).toContain(kind);
  });
});

describe("iABE sector II accounts", () => {
  it("is an editable working list without official codes", () => {
    expect(iabeSectorIIAccounts.editable).toBe(true);
    const keys = iabeSectorIIAccounts.entries.map((e) => e.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const entry of iabeSectorIIAccounts.entries) {
      expect(entry.key).toMatch(/^[a-z][a-z0-9_]*$/);
      expect(entry.sector).toBe("II");
      expect(Object.keys(entry)).not.toContain("code");
      // Official codes look like "II 01" or "2.1"; none may appear as if verified.
      expect(entry.label.de).not.toMatch(/^(I{1,3}|IV)\s?\d{2}\b|^\d\.\d/);
    }
  });

  it("hands out a copy a region can change without touching the shipped list", () => {
    const copy = editableIabeAccounts();
    expect(copy).toEqual(iabeSectorIIAccounts.entries);
    copy.push({ key: "regional_extra", sector: "II", label: { de: "Regional", en: "Regional" } });
    const first = copy[0];
    if (first) copy[0] = { ...first, key: "renamed" };
    expect(iabeSectorIIAccounts.entries.map((e) => e.key)).not.toContain("regional_extra");
    expect(iabeSectorIIAccounts.entries[0]?.key).not.toBe("renamed");
  });

  it("keeps the 2024 quick report's figures consistent", () => {
    const { total, bySector } = iabeBeginners2024.entries;
    const share = (count: number) => Math.round((count / total) * 1000) / 10;
    expect(share(bySector.I.count)).toBe(bySector.I.sharePercent);
    expect(share(bySector.II.count)).toBe(bySector.II.sharePercent);
  });
});

describe("KAoA catalogue", () => {
  it("has the categories SBO 2 to SBO 10 with unique element codes inside their category", () => {
    expect(kaoaCatalogue.entries.map((c) => c.code)).toEqual(
      [2, 3, 4, 5, 6, 7, 8, 9, 10].map((n) => `SBO ${n}`),
    );
    const codes = kaoaCatalogue.entries.flatMap((c) => c.elements.map((e) => e.code));
    expect(new Set(codes).size).toBe(codes.length);
    for (const category of kaoaCatalogue.entries) {
      expect(category.elements.length, category.code).toBeGreaterThan(0);
      for (const element of category.elements) {
        expect(element.code.startsWith(`${category.code}.`), element.code).toBe(true);
        expect(element.star).toBe(element.title.de.startsWith("STAR"));
      }
    }
    expect(codes).toHaveLength(35);
  });

  it("finds elements and categories by code", () => {
    expect(findKaoaElement("SBO 10.6")?.title.de).toBe("Anschlussvereinbarung");
    expect(findKaoaElement("SBO 5")?.title.de).toBe("Berufsfelder erkunden und Informationen sammeln");
    expect(findKaoaElement("SBO 1")).toBeUndefined();
  });

  it("maps every legacy code to codes that exist in the current catalogue", () => {
    for (const line of kaoaLegacyMapping.entries) {
      expect(line.legacyCode).toMatch(/^SBO \d(\.\d)?$/);
      for (const code of line.currentCodes)
        expect(findKaoaElement(code), `${line.legacyCode} → ${code}`).toBeDefined();
    }
    const to = (legacy: string, title: string) =>
      kaoaLegacyMapping.entries.find((l) => l.legacyCode === legacy && l.legacyTitle.de.includes(title))
        ?.currentCodes;
    expect(to("SBO 6", "Berufsfelderkundung")).toEqual(["SBO 5.1"]);
    expect(to("SBO 6", "Betriebspraktikum")).toEqual(["SBO 6.1"]);
    expect(to("SBO 6", "Praxiskurse")).toEqual(["SBO 6.4"]);
    expect(to("SBO 6", "Langzeitpraktikum")).toEqual(["SBO 6.5"]);
    expect(to("SBO 7.3", "Anschlussvereinbarung")).toEqual(["SBO 10.6"]);
    expect(to("SBO 1", "Qualitätsentwicklung")).toEqual([]);
  });
});

describe("municipality keys of Landkreis Osterode am Harz", () => {
  it("describes AGS and ARS with parts that add up", () => {
    for (const structure of Object.values(officialKeyStructures.entries)) {
      expect(structure.parts.reduce((sum, p) => sum + p.digits, 0)).toBe(structure.length);
    }
    expect(districtKeyOf("03156011")).toBe("03156");
    expect(districtKeyOf("031590019019")).toBe("03159");
    expect(districtKeyOf("03156")).toBeUndefined();
  });

  it("ships only verified keys, under the right district key", () => {
    const { districtKey, successor } = osterodeDistrictHistory.entries;
    let verified = 0;
    for (const m of osterodeMunicipalities.entries) {
      for (const [fact, district] of [
        [m.agsUntil2016, districtKey],
        [m.agsSince2016, successor.districtKey],
      ] as const) {
        if (fact.status === "official") {
          expect(fact.value).toMatch(/^\d{8}$/);
          expect(districtKeyOf(fact.value), m.name.de).toBe(district);
          verified += 1;
        } else {
          expect(fact.status).toBe("unverified");
          expect("value" in fact, `${m.name.de} ships an unverified key`).toBe(false);
        }
      }
    }
    expect(verified).toBe(8);
  });

  it("lists the twelve municipalities of 2016 plus the unincorporated Harz area", () => {
    const municipalities = osterodeMunicipalities.entries.filter((m) => !m.name.de.includes("gemeindefrei"));
    expect(municipalities).toHaveLength(osterodeDistrictHistory.entries.municipalities[2016]);
  });

  it("records the merger into Landkreis Göttingen on 1 November 2016", () => {
    const history = osterodeDistrictHistory.entries;
    expect(history.districtKey).toBe("03156");
    expect(history.successor.districtKey).toBe("03159");
    expect(history.mergedWith.districtKey).toBe("03152");
    expect(history.mergedOn).toBe("2016-11-01");
    const dayBefore = new Date(Date.parse(`${history.mergedOn}T00:00:00Z`) - 86_400_000).toISOString();
    expect(dayBefore.slice(0, 10)).toBe(history.lastDay);
  });
});
