import { describe, expect, it } from "vitest";
import { z } from "zod";
import { expectIssue, ids, later, minimalCreate, now, richCreate, withFields } from "../../test/fixtures.js";
import { messages } from "../common/messages.js";
import {
  createRecord,
  deleteRecord,
  type EntityName,
  editableFields,
  emptyNetwork,
  entities,
  entityNames,
  entityOfId,
  notFound,
  referenceSites,
  referencesOf,
  updateRecord,
} from "./entities.js";

const everyEntity = entityNames.map((name) => [name] as const);

/** One wrong enum value per entity that has an enum anywhere in its creation input. */
const wrongEnum: Partial<
  Record<EntityName, { change: Record<string, unknown>; path: string; code: string }>
> = {
  region: { change: { kind: "county" }, path: "kind", code: "invalid_value" },
  coordinationOffice: {
    change: { placements: [{ from: "2011-01-01", unitKind: "team", unitName: "Team" }] },
    path: "placements.0.unitKind",
    code: "invalid_value",
  },
  fundingProgramme: { change: { funderLevel: "city" }, path: "funderLevel", code: "invalid_value" },
  actor: { change: { kind: "school" }, path: "kind", code: "invalid_value" },
  affiliation: { change: { level: "middle" }, path: "level", code: "invalid_value" },
  body: { change: { kind: "committee" }, path: "kind", code: "invalid_value" },
  seat: { change: { actorKind: "school" }, path: "actorKind", code: "invalid_value" },
  membership: { change: { role: "president" }, path: "role", code: "invalid_value" },
  meeting: { change: { status: "postponed" }, path: "status", code: "invalid_value" },
  agreement: { change: { status: "approved" }, path: "status", code: "invalid_value" },
  indicator: { change: { unit: "kg" }, path: "unit", code: "invalid_value" },
  goal: { change: { level: "visionary" }, path: "level", code: "invalid_value" },
  standard: { change: { kind: "optional" }, path: "kind", code: "invalid_value" },
  measure: { change: { category: "sports" }, path: "category", code: "invalid_value" },
  overlapReview: { change: { verdict: "maybe" }, path: "verdict", code: "invalid_value" },
  reconciliationRound: { change: { status: "archived" }, path: "status", code: "invalid_value" },
  reconciliationResponse: {
    change: { expectations: [{ text: "x", topics: ["weather"] }] },
    path: "expectations.0.topics.0",
    code: "invalid_value",
  },
  document: { change: { visibility: "everyone" }, path: "visibility", code: "invalid_value" },
  maturityAssessment: {
    change: { items: [{ key: "a", factor: "luck", de: "Glück", en: "Luck" }] },
    path: "items.0.factor",
    code: "invalid_union",
  },
};

function hasEnum(schema: unknown): boolean {
  if (Array.isArray(schema)) return schema.some(hasEnum);
  if (schema === null || typeof schema !== "object") return false;
  return "enum" in schema || Object.values(schema).some(hasEnum);
}

describe("every entity", () => {
  it("is registered under its own name, with a unique id prefix and plural", () => {
    expect(entityNames).toHaveLength(22);
    for (const name of entityNames) expect(entities[name].name).toBe(name);
    expect(new Set(entityNames.map((n) => entities[n].idPrefix)).size).toBe(entityNames.length);
    expect(new Set(entityNames.map((n) => entities[n].plural)).size).toBe(entityNames.length);
  });

  it("refers only to registered entities that come earlier or to itself", () => {
    entityNames.forEach((name, index) => {
      for (const site of referenceSites(name)) {
        if (site.target === "*") continue;
        expect(entityNames).toContain(site.target);
        expect(entityNames.indexOf(site.target)).toBeLessThanOrEqual(index);
      }
    });
  });

  it("finds nested references in the schema", () => {
    const paths = (name: EntityName) => referenceSites(name).map((s) => `${s.path.join(".")}→${s.target}`);
    expect(paths("standard")).toEqual(
      expect.arrayContaining([
        "interfaces.*.from.actorId→actor",
        "interfaces.*.responsibleActorId→actor",
        "adoptions.*.actorId→actor",
      ]),
    );
    expect(paths("guide")).toEqual(expect.arrayContaining(["sections.*.standardIds.*→standard"]));
    expect(paths("meeting")).toEqual(
      expect.arrayContaining(["bodyId→body", "attendance.*.contactId→contact"]),
    );
    // Ids of items inside a record (decisions, interfaces) are not references to other records.
    expect(paths("meeting").some((p) => p.startsWith("decisions.*.id"))).toBe(false);
  });

  it.each(everyEntity)("%s: a minimal input becomes version 1 of a record", (name) => {
    const result = createRecord(name, minimalCreate[name], now);
    if (!result.ok) throw new Error(JSON.stringify(result.error.details));
    const record = result.value as unknown as Record<string, unknown>;
    expect(record.id).toMatch(new RegExp(`^${entities[name].idPrefix}_[0-9A-Za-z]{12}$`));
    expect(record).toMatchObject({ version: 1, createdAt: now, updatedAt: now, deleted: false });
    expect(entities[name].Record.safeParse(record).success).toBe(true);
    for (const [key, value] of Object.entries(minimalCreate[name])) expect(record[key]).toEqual(value);
  });

  it.each(everyEntity)("%s: a rich input keeps every field it was given", (name) => {
    const result = createRecord(name, richCreate[name], now, {
      id: `${entities[name].idPrefix}_richrichrich`,
    });
    if (!result.ok) throw new Error(JSON.stringify(result.error.details));
    expect(result.value).toMatchObject(richCreate[name] as object);
    expect((result.value as { id: string }).id).toBe(`${entities[name].idPrefix}_richrichrich`);
  });

  it.each(everyEntity)("%s: leaving out any required field is refused", (name) => {
    const input = minimalCreate[name] as Record<string, unknown>;
    for (const field of Object.keys(input)) {
      const result = createRecord(name, withFields(input, { [field]: undefined }), now);
      const code = !result.ok && result.error.details?.find((d) => d.path === field)?.code;
      // Zod names a missing enum a wrong value; the user is told the same either way.
      expect(["invalid_type", "invalid_value"]).toContain(code);
      const issue = expectIssue(result, field, code as string);
      expect(issue.messages).toEqual(messages.required_field({}));
    }
  });

  it.each(everyEntity)("%s: an unknown field is refused, not dropped, and named in the path", (name) => {
    const result = createRecord(name, { ...minimalCreate[name], colour: "blue" }, now, { locale: "en" });
    const issue = expectIssue(result, "colour", "unknown_field");
    expect(issue.messages).toEqual(messages.unknown_field({ value: "colour" }));
    expect(issue.message).toBe("There is no field “colour” here.");
  });

  it.each(everyEntity)("%s: a malformed own id is refused", (name) => {
    const issue = expectIssue(
      createRecord(name, minimalCreate[name], now, { id: "nope" }),
      "id",
      "invalid_format",
    );
    expect(issue.messages.en).toContain(`${entities[name].idPrefix}_0123456789ab`);
    const other = entityNames.find((n) => n !== name) as EntityName;
    const foreign = `${entities[other].idPrefix}_000000000000`;
    expectIssue(createRecord(name, minimalCreate[name], now, { id: foreign }), "id", "invalid_format");
  });

  it.each(everyEntity)("%s: a malformed reference is refused at its field", (name) => {
    const topLevel = referenceSites(name).filter(
      (s) => s.path.length === 1 || (s.path.length === 2 && s.path[1] === "*"),
    );
    for (const field of topLevel.map((s) => s.path[0] as string)) {
      if ((richCreate[name] as Record<string, unknown>)[field] === undefined) continue;
      const given = (richCreate[name] as Record<string, unknown>)[field];
      const bad = Array.isArray(given) ? given.map(() => "xyz_1") : "xyz_1";
      const issue = expectIssue(
        createRecord(name, withFields(richCreate[name], { [field]: bad }), now),
        Array.isArray(given) ? `${field}.0` : field,
        "invalid_format",
      );
      expect(issue.messages.de).toContain("„xyz_1“");
    }
  });

  it.each(everyEntity)("%s: a wrong enum value is refused", (name) => {
    const jsonSchema = z.toJSONSchema(entities[name].Create, { io: "input" });
    const wrong = wrongEnum[name];
    expect(Boolean(wrong), "an entity with an enum needs a wrong-enum case").toBe(hasEnum(jsonSchema));
    if (!wrong) return;
    const issue = expectIssue(
      createRecord(name, withFields(minimalCreate[name], wrong.change), now),
      wrong.path,
      wrong.code,
    );
    if (wrong.code === "invalid_value") expect(issue.messages).toEqual(messages.invalid_choice({}));
  });

  it.each(everyEntity)("%s: an empty patch only moves the version and the time", (name) => {
    const first = createRecord(name, richCreate[name], now);
    if (!first.ok) throw new Error("setup");
    const second = updateRecord(name, first.value, {}, later);
    if (!second.ok) throw new Error(JSON.stringify(second.error.details));
    expect(second.value).toEqual({ ...first.value, version: 2, updatedAt: later });
    const third = updateRecord(name, second.value, {}, later);
    expect(third.ok && (third.value as { version: number }).version).toBe(3);
  });

  it.each(everyEntity)("%s: a patch cannot change the id, version or timestamps", (name) => {
    const record = createRecord(name, minimalCreate[name], now);
    if (!record.ok) throw new Error("setup");
    for (const field of ["id", "version", "createdAt", "deleted"]) {
      const value = field === "version" ? 7 : field === "deleted" ? true : ids.region;
      expectIssue(updateRecord(name, record.value, { [field]: value }, later), field, "unknown_field");
    }
  });

  it.each(everyEntity)("%s: a patch cannot clear a required field with null", (name) => {
    const record = createRecord(name, minimalCreate[name], now);
    if (!record.ok) throw new Error("setup");
    const [field] = Object.keys(minimalCreate[name]);
    expectIssue(
      updateRecord(name, record.value, { [field as string]: null }, later),
      field as string,
      "invalid_type",
    );
  });
});

describe("createRecord", () => {
  it("makes a fresh id each time unless one is given", () => {
    const a = createRecord("actor", minimalCreate.actor, now);
    const b = createRecord("actor", minimalCreate.actor, now);
    expect(a.ok && b.ok && a.value.id !== b.value.id).toBe(true);
    const c = createRecord("actor", minimalCreate.actor, now, { id: ids.actor });
    expect(c.ok && c.value.id).toBe(ids.actor);
  });

  it("applies defaults on creation", () => {
    const result = createRecord("agreement", minimalCreate.agreement, now);
    expect(result.ok && result.value).toMatchObject({
      kind: "cooperation_agreement",
      status: "draft",
      partyActorIds: [],
      signatures: [],
      illustrative: false,
    });
  });

  it("reports in the requested language, German by default", () => {
    const de = createRecord("actor", { kind: "chamber" }, now);
    const en = createRecord("actor", { kind: "chamber" }, now, { locale: "en" });
    expect(!de.ok && de.error.message).toBe("Die Eingabe enthält Fehler.");
    expect(!de.ok && de.error.details?.[0]?.message).toBe("Pflichtangabe fehlt.");
    expect(!en.ok && en.error.message).toBe("The input contains errors.");
    expect(!en.ok && en.error.details?.[0]?.message).toBe("This field is required.");
  });

  it("refuses input that is not an object", () => {
    for (const input of [null, undefined, 42, "actor", [minimalCreate.actor]]) {
      expectIssue(createRecord("actor", input, now), "", "invalid_type");
    }
  });
});

describe("updateRecord", () => {
  const agreement = () => {
    const result = createRecord("agreement", richCreate.agreement, now, { id: ids.agreement });
    if (!result.ok) throw new Error("setup");
    return result.value;
  };

  it("applies a patch and keeps everything else", () => {
    const before = agreement();
    const result = updateRecord("agreement", before, { title: "Neue Fassung", note: "Geändert" }, later);
    expect(result.ok && result.value).toEqual({
      ...before,
      title: "Neue Fassung",
      note: "Geändert",
      version: 2,
      updatedAt: later,
    });
  });

  it("clears an optional field with null", () => {
    const result = updateRecord("agreement", agreement(), { note: null }, later);
    expect(result.ok && "note" in result.value).toBe(false);
  });

  it("does not re-apply a default the patch leaves out", () => {
    const signed = updateRecord(
      "agreement",
      agreement(),
      { kind: "framework_concept", illustrative: true },
      later,
    );
    if (!signed.ok) throw new Error("setup");
    const next = updateRecord("agreement", signed.value, { title: "Rahmenkonzept" }, later);
    expect(next.ok && next.value).toMatchObject({
      kind: "framework_concept",
      status: "in_force",
      illustrative: true,
      title: "Rahmenkonzept",
      version: 3,
    });
    const patched = entities.agreement.Patch.parse({});
    expect(patched).toEqual({});
  });

  it("refuses a patch that would break a cross-field rule of the whole record", () => {
    expectIssue(
      updateRecord("agreement", agreement(), { validFrom: null }, later),
      "validFrom",
      "in_force_without_validity",
    );
    expectIssue(
      updateRecord("agreement", agreement(), { signatures: [] }, later),
      "signatures",
      "in_force_without_signatures",
    );
    expectIssue(
      updateRecord("agreement", agreement(), { validTo: "2000-01-01" }, later),
      "validTo",
      "end_before_start",
    );
  });

  it("refuses a patch with a wrong value and leaves the record untouched", () => {
    const before = agreement();
    const copy = structuredClone(before);
    expectIssue(updateRecord("agreement", before, { status: "approved" }, later), "status", "invalid_value");
    expect(before).toEqual(copy);
  });

  it("speaks the requested language", () => {
    const result = updateRecord("agreement", agreement(), { signatures: [] }, later, { locale: "en" });
    expect(!result.ok && result.error.details?.[0]?.message).toBe(
      messages.in_force_without_signatures({}).en,
    );
  });
});

describe("deleteRecord", () => {
  it("marks the record deleted as a new version", () => {
    const record = createRecord("actor", minimalCreate.actor, now);
    if (!record.ok) throw new Error("setup");
    const gone = deleteRecord<"actor">(record.value, later);
    expect(gone).toEqual({ ...record.value, deleted: true, version: 2, updatedAt: later });
    expect(entities.actor.Record.safeParse(gone).success).toBe(true);
  });
});

describe("entityOfId", () => {
  it("finds the entity of every prefix", () => {
    for (const name of entityNames) expect(entityOfId(`${entities[name].idPrefix}_000000000000`)).toBe(name);
  });

  it("knows nothing of other prefixes", () => {
    expect(entityOfId("agi_000000000000")).toBeUndefined();
    expect(entityOfId("")).toBeUndefined();
    expect(entityOfId("actor")).toBeUndefined();
  });
});

describe("referencesOf", () => {
  it("lists single and list references with their entity", () => {
    const goal = createRecord("goal", richCreate.goal, now);
    if (!goal.ok) throw new Error("setup");
    expect(referencesOf("goal", goal.value)).toEqual([
      { path: "parentGoalId", field: "parentGoalId", entity: "goal", id: ids.goal },
      { path: "agreementId", field: "agreementId", entity: "agreement", id: ids.agreement },
      { path: "indicatorId", field: "indicatorId", entity: "indicator", id: ids.indicator },
      { path: "ownerActorIds.0", field: "ownerActorIds", entity: "actor", id: ids.actor },
    ]);
  });

  it("skips missing references and non-string values", () => {
    expect(referencesOf("goal", { title: "x" })).toEqual([]);
    expect(
      referencesOf("measure", { providerActorId: ids.actor, partnerActorIds: [ids.actor2, 3, null] }),
    ).toEqual([
      { path: "providerActorId", field: "providerActorId", entity: "actor", id: ids.actor },
      { path: "partnerActorIds.0", field: "partnerActorIds", entity: "actor", id: ids.actor2 },
    ]);
    expect(referencesOf("region", { successorId: null })).toEqual([]);
  });

  it("finds every reference of every rich record", () => {
    // Ids of records (not of items inside a record, such as a decision's `dec_…`).
    const entityIdPattern = new RegExp(
      `"(${entityNames.map((n) => entities[n].idPrefix).join("|")})_[0-9A-Za-z]{12}"`,
    );
    for (const name of entityNames) {
      const refs = referencesOf(name, richCreate[name] as Record<string, unknown>);
      for (const ref of refs) expect(entityOfId(ref.id)).toBe(ref.entity);
      // Every place the rich record fills with an id is found.
      const filled = referenceSites(name)
        .map((s) => s.path[0] as string)
        .filter((field) =>
          entityIdPattern.test(JSON.stringify((richCreate[name] as Record<string, unknown>)[field] ?? "")),
        );
      expect(new Set(refs.map((r) => r.field))).toEqual(new Set(filled));
    }
  });
});

describe("notFound and emptyNetwork", () => {
  it("names the entity in the requested language", () => {
    const de = notFound("body", ids.body);
    const en = notFound("body", ids.body, "en");
    expect(!de.ok && de.error).toEqual({
      code: "not_found",
      message: `Gremium ${ids.body} wurde nicht gefunden.`,
    });
    expect(!en.ok && en.error.message).toBe(`Body ${ids.body} was not found.`);
  });

  it("has an empty list for every entity", () => {
    const network = emptyNetwork();
    expect(Object.keys(network)).toEqual(entityNames);
    for (const name of entityNames) expect(network[name]).toEqual([]);
  });
});

describe("editableFields", () => {
  it("derives how each top-level field is edited from the schema", () => {
    const kinds = Object.fromEntries(
      editableFields("goal").map((f) => [f.field, [f.kind, f.enumId ?? f.ref ?? ""].join(":")]),
    );
    expect(kinds).toMatchObject({
      title: "text:",
      description: "textarea:",
      level: "enum:GoalLevel",
      parentGoalId: "ref:goal",
      agreementId: "ref:agreement",
      target: "number:",
      deadline: "date:",
      ownerActorIds: "refList:actor",
    });
  });

  it("leaves out nested structures a generic form cannot edit", () => {
    const fields = editableFields("agreement").map((f) => f.field);
    expect(fields).toContain("partyActorIds");
    expect(fields).not.toContain("signatures");
    expect(fields).not.toContain("revisions");
  });

  it("knows e-mail, web and date-time fields, integers and lists of labelled values", () => {
    const byField = new Map(editableFields("measure").map((f) => [f.field, f]));
    expect(byField.get("contactEmail")?.kind).toBe("email");
    expect(byField.get("url")?.kind).toBe("url");
    expect(byField.get("lastVerifiedAt")?.kind).toBe("datetime");
    expect(byField.get("places")?.kind).toBe("integer");
    expect(byField.get("targetGroups")).toMatchObject({ kind: "enumList", enumId: "TargetGroup" });
    expect(byField.get("areaServed")?.kind).toBe("stringList");
  });
});
