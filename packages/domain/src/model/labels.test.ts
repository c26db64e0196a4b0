import { describe, expect, it } from "vitest";
import { z } from "zod";
import { enumLabels, labelledEnum, labelledEnumIds } from "../common/labels.js";
import * as domain from "../index.js";
import { entities, entityNames } from "./entities.js";
import { labelOf, labels, labelsOf } from "./labels.js";

/** Every enum in the JSON Schemas of every entity, by the name of its definition. */
function enumsOfEntities(): { named: Map<string, unknown[]>; unnamed: string[] } {
  const named = new Map<string, unknown[]>();
  const unnamed: string[] = [];
  const walk = (node: unknown, where: string, name?: string): void => {
    if (Array.isArray(node)) {
      node.forEach((child, i) => {
        walk(child, `${where}/${i}`);
      });
      return;
    }
    if (node === null || typeof node !== "object") return;
    const schema = node as Record<string, unknown>;
    if (Array.isArray(schema.enum)) {
      if (name) named.set(name, schema.enum);
      else unnamed.push(where);
    }
    for (const [key, child] of Object.entries(schema)) {
      if (key === "$defs") {
        for (const [defName, def] of Object.entries(child as object))
          walk(def, `${where}/$defs/${defName}`, defName);
      } else walk(child, `${where}/${key}`);
    }
  };
  for (const name of entityNames) {
    const def = entities[name];
    walk(z.toJSONSchema(def.Create, { io: "input" }), `${name}.Create`);
    walk(z.toJSONSchema(def.Patch, { io: "input" }), `${name}.Patch`);
    walk(z.toJSONSchema(def.Record, { io: "output" }), `${name}.Record`);
  }
  return { named, unnamed };
}

/** Every Zod enum the package exports, by its schema id. */
function exportedEnums(): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const value of Object.values(domain)) {
    if (!(value instanceof z.ZodEnum)) continue;
    const id = z.globalRegistry.get(value)?.id;
    found.set(id ?? "(no id)", value.options.map(String));
  }
  return found;
}

/** The labelled enums of the package, before any test builds one of its own. */
const packageEnumIds = labelledEnumIds();

describe("labels", () => {
  const { named, unnamed } = enumsOfEntities();

  it("finds the enums of the entities", () => {
    expect(named.size).toBeGreaterThan(30);
    expect(named.get("ActorKind")).toContain("job_centre");
  });

  it("has no enum without a name, so every enum can be labelled", () => {
    expect(unnamed).toEqual([]);
  });

  it("labels every value of every enum of every entity in German and English", () => {
    for (const [id, values] of named) {
      const map = enumLabels(id);
      expect(map, `no labels for ${id}: build the enum with labelledEnum`).toBeDefined();
      for (const value of values) {
        const label = map?.[String(value)];
        expect(label, `${id}.${String(value)}`).toBeDefined();
        expect(label?.de.trim(), `${id}.${String(value)}.de`).not.toBe("");
        expect(label?.en.trim(), `${id}.${String(value)}.en`).not.toBe("");
      }
    }
  });

  it("labels nothing that no enum has", () => {
    for (const [id, values] of named) {
      expect(Object.keys(enumLabels(id) ?? {}).sort(), id).toEqual(values.map(String).sort());
    }
  });

  it("uses every label map for an exported enum of the same id and values", () => {
    const enums = exportedEnums();
    expect([...enums.keys()]).not.toContain("(no id)");
    for (const id of packageEnumIds) {
      expect(enums.has(id), `the labelled enum ${id} is not exported`).toBe(true);
      expect(enums.get(id)?.slice().sort(), id).toEqual(Object.keys(enumLabels(id) ?? {}).sort());
    }
    for (const id of enums.keys()) expect(enumLabels(id), `enum ${id} has no labels`).toBeDefined();
  });

  it("names in the typed map the same labels as the enums themselves", () => {
    for (const [id, map] of Object.entries(labels)) expect(enumLabels(id), id).toBe(map);
  });

  it("gives distinct labels within each enum, so choices can be told apart", () => {
    for (const id of packageEnumIds) {
      const map = enumLabels(id) ?? {};
      const texts = Object.values(map) as { de: string; en: string }[];
      expect(new Set(texts.map((t) => t.de)).size, `${id} (de)`).toBe(texts.length);
      expect(new Set(texts.map((t) => t.en)).size, `${id} (en)`).toBe(texts.length);
    }
  });

  it("keeps labels trimmed", () => {
    for (const id of packageEnumIds) {
      const map = enumLabels(id) ?? {};
      for (const [value, label] of Object.entries(map) as [string, { de: string; en: string }][]) {
        expect(label.de, `${id}.${value}`).toBe(label.de.trim());
        expect(label.en, `${id}.${value}`).toBe(label.en.trim());
      }
    }
  });
});

describe("labelOf", () => {
  it("gives the German label by default and the English one on request", () => {
    expect(labelOf("ActorKind", "job_centre")).toBe("Jobcenter");
    expect(labelOf("ActorKind", "job_centre", "en")).toBe("Job centre");
    expect(labelOf("BodyKind", "advisory_board")).toBe("Beirat");
  });

  it("finds the typed map's labels through labelsOf, and any other labelled enum's too", () => {
    expect(labelsOf("Role")).toBe(labels.Role);
    expect(labelsOf("NoSuchEnum")).toBeUndefined();
  });

  it("finds an enum that the typed map does not name, by its schema id", () => {
    expect(Object.keys(labels)).not.toContain("LabelsTestFlavour");
    labelledEnum("LabelsTestFlavour", { sweet: { de: "Süß", en: "Sweet" } });
    expect(labelOf("LabelsTestFlavour", "sweet", "en")).toBe("Sweet");
  });

  it("falls back to the value itself for an unknown value", () => {
    expect(labelOf("ActorKind", "spaceport")).toBe("spaceport");
    expect(labelOf("ActorKind", "spaceport", "en")).toBe("spaceport");
  });

  it("does not mistake object properties for values", () => {
    expect(labelOf("ActorKind", "toString")).toBe("toString");
    expect(labelOf("ActorKind", "constructor", "en")).toBe("constructor");
  });
});
