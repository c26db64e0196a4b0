import { describe, expect, it } from "vitest";
import {
  compact,
  formFields,
  fromDraft,
  isRequired,
  mergePatch,
  parseNumber,
  sameValue,
  toDraft,
} from "./forms.js";

describe("form helpers", () => {
  it("knows required fields from the domain's schema", () => {
    expect(isRequired("actor", "name")).toBe(true);
    expect(isRequired("actor", "kind")).toBe(true);
    expect(isRequired("actor", "email")).toBe(false);
    expect(isRequired("measure", "status")).toBe(false);
    expect(isRequired("measure", "providerActorId")).toBe(true);
  });

  it("builds a merge patch: changed values, removed fields as null, unchanged left out", () => {
    const before = { name: "BBS", email: "a@b.de", legalFrameworks: ["sgb2"], version: 3 };
    const after = { name: "BBS I", legalFrameworks: ["sgb2"] };
    expect(mergePatch(before, after)).toEqual({ name: "BBS I", email: null });
  });

  it("compares nested values regardless of key order", () => {
    expect(sameValue({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 })).toBe(true);
    expect(sameValue({ a: 1 }, { a: 1, b: undefined })).toBe(true);
    expect(sameValue([1, 2], [2, 1])).toBe(false);
  });

  it("reads numbers as people type them", () => {
    expect(parseNumber("12")).toBe(12);
    expect(parseNumber("1,5")).toBe(1.5);
    expect(parseNumber("74.367")).toBe(74367);
    expect(parseNumber("1.234,5")).toBe(1234.5);
    expect(parseNumber("")).toBeUndefined();
    expect(parseNumber("zwölf")).toBe("zwölf");
  });

  it("keeps numbers as text while editing and types them for the schema", () => {
    const fields = formFields.measure;
    const draft = toDraft(fields, { title: "X", places: 12, grades: { min: 8, max: 10 } });
    expect(draft).toMatchObject({ places: "12", grades: { min: "8", max: "10" } });
    expect(fromDraft(fields, { ...draft, places: "15", description: "" })).toEqual({
      title: "X",
      places: 15,
      grades: { min: 8, max: 10 },
    });
    expect(fromDraft(fields, { grades: {} })).toEqual({});
  });

  it("drops empty fields", () => {
    expect(compact({ a: "", b: undefined, c: 0, d: false, e: [] })).toEqual({ c: 0, d: false, e: [] });
  });
});
