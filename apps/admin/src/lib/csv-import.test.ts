import { describe, expect, it } from "vitest";
import { enumValue, guessMapping, importFields, parseCsv, prepareRows } from "./csv-import.js";

const csv = `\uFEFFName;Art;Kurzname;E-Mail;PLZ;Ort
BBS Osterode;Berufsbildende Schule;BBS;info@bbs.example;37520;Osterode am Harz
Jobcenter;job_centre;;jc@example;;
;Kammer (IHK, HWK, …);IHK;;;
Handwerkskammer;Kammer;HWK;;3752;Osterode`;

describe("CSV import", () => {
  it("parses semicolon-separated files with a byte-order mark", () => {
    const table = parseCsv(csv);
    expect(table.columns).toEqual(["Name", "Art", "Kurzname", "E-Mail", "PLZ", "Ort"]);
    expect(table.rows).toHaveLength(4);
    expect(table.rows[0]?.Ort).toBe("Osterode am Harz");
  });

  it("guesses the mapping from German column titles and common abbreviations", () => {
    const table = parseCsv(csv);
    const labels: Record<string, string[]> = {
      name: ["Name"],
      kind: ["Art"],
      shortName: ["Kurzname"],
      email: ["E-Mail"],
      "address.postalCode": ["Postleitzahl"],
      "address.locality": ["Ort"],
    };
    const mapping = guessMapping(importFields("actor"), table.columns, (f) => labels[f] ?? []);
    expect(mapping).toMatchObject({
      name: "Name",
      kind: "Art",
      shortName: "Kurzname",
      email: "E-Mail",
      "address.postalCode": "PLZ",
      "address.locality": "Ort",
    });
  });

  it("accepts enum values by key or by their German or English label from the domain", () => {
    expect(enumValue("ActorKind", "Berufsbildende Schule")).toBe("vocational_school");
    expect(enumValue("ActorKind", "job centre")).toBe("job_centre");
    expect(enumValue("ActorKind", "chamber")).toBe("chamber");
    expect(enumValue("ActorKind", "Kammer")).toBe("Kammer");
  });

  it("shows every bad row with the domain's reason and keeps good rows typed", () => {
    const table = parseCsv(csv);
    const mapping = {
      name: "Name",
      kind: "Art",
      shortName: "Kurzname",
      email: "E-Mail",
      "address.postalCode": "PLZ",
      "address.locality": "Ort",
    };
    const rows = prepareRows("actor", table, mapping, { actorIdByName: new Map() }, "de");
    expect(rows.map((r) => r.line)).toEqual([2, 3, 4, 5]);
    expect(rows[0]?.errors).toEqual([]);
    expect(rows[0]?.input).toMatchObject({
      name: "BBS Osterode",
      kind: "vocational_school",
      address: { postalCode: "37520", locality: "Osterode am Harz" },
    });
    expect(rows[1]?.errors.map((e) => [e.path, e.message])).toEqual([
      ["email", expect.stringMatching(/E-Mail/)],
    ]);
    expect(rows[2]?.errors.map((e) => [e.path, e.message])).toEqual([["name", "Pflichtangabe fehlt."]]);
    const fourth = rows[3]?.errors.map((e) => e.path).sort();
    expect(fourth).toEqual(["address.postalCode", "kind"]);
    expect(rows[3]?.errors.find((e) => e.path === "kind")?.messages?.en).toBe(
      "Please choose one of the allowed values.",
    );
  });

  it("finds a measure's provider by name and explains an unknown one", () => {
    const table = parseCsv(
      "Titel,Träger,Kategorie,Beginn,Klassen\nPraxistag,BBS,Praktikum / Praxisphase,01.08.2025,8-10\nCoaching,Unbekannt,counselling,2025-09-01,",
    );
    const mapping = {
      title: "Titel",
      providerActorId: "Träger",
      category: "Kategorie",
      from: "Beginn",
      grades: "Klassen",
    };
    const rows = prepareRows(
      "measure",
      table,
      mapping,
      { actorIdByName: new Map([["bbs", "act_000000000001"]]) },
      "en",
    );
    expect(rows[0]?.errors).toEqual([]);
    expect(rows[0]?.input).toMatchObject({
      providerActorId: "act_000000000001",
      category: "internship",
      from: "2025-08-01",
      grades: { min: 8, max: 10 },
    });
    expect(rows[1]?.errors).toEqual([
      expect.objectContaining({
        path: "providerActorId",
        code: "unknown_reference",
        message: "“Unbekannt” refers to nothing known.",
      }),
    ]);
  });
});
