import { describe, expect, it } from "vitest";
import { created, expectIssue, ids, later, tryCreate } from "../../test/fixtures.js";
import { can, readableWhere } from "./access.js";
import { recordTitle, referenceSites, referencesOf, updateRecord } from "./entities.js";
import { labelOf } from "./labels.js";

describe("Document", () => {
  it("is internal and not illustrative by default", () => {
    expect(created("document")).toMatchObject({ visibility: "internal", illustrative: false });
  });

  it("needs a title, a kind, a date, a link and the record it belongs to", () => {
    for (const field of ["title", "date", "url", "attachedTo"]) {
      const issue = expectIssue(tryCreate("document", { [field]: undefined }), field, "invalid_type");
      expect(issue.messages.de).toBe("Pflichtangabe fehlt.");
    }
    expectIssue(tryCreate("document", { kind: undefined }), "kind", "invalid_value");
  });

  it("keeps links only: refuses anything but an http or https address, in German and English", () => {
    for (const url of [
      "Protokoll.pdf",
      "ftp://ablage.example.org/a.pdf",
      "javascript:alert(1)",
      "file:///C:/a.pdf",
    ]) {
      const issue = expectIssue(tryCreate("document", { url }), "url", "invalid_format");
      expect(issue.messages.de).toMatch(/Link|Adresse|URL/i);
    }
    expect(created("document", undefined).url).toMatch(/^https:/);
  });

  it("refuses a wrong date, kind or visibility", () => {
    expectIssue(tryCreate("document", { date: "12.03.2024" }), "date", "invalid_format");
    expectIssue(tryCreate("document", { kind: "letter" }), "kind", "invalid_value");
    expectIssue(tryCreate("document", { visibility: "secret" }), "visibility", "invalid_value");
  });

  it("belongs to a record of any entity, found by the id's prefix", () => {
    expect(referenceSites("document")).toEqual([{ path: ["attachedTo"], target: "*" }]);
    for (const [entity, id] of [
      ["meeting", ids.meeting],
      ["agreement", ids.agreement],
      ["guide", ids.guide],
      ["document", "doc_000000000002"],
    ] as const) {
      const document = created("document", { ...tryInput(), attachedTo: id });
      expect(referencesOf("document", document)).toEqual([
        { path: "attachedTo", field: "attachedTo", entity, id },
      ]);
    }
  });

  it("refuses an id whose prefix names no entity, on create and on update", () => {
    const issue = expectIssue(
      tryCreate("document", { attachedTo: "xyz_000000000001" }),
      "attachedTo",
      "unknown_reference",
    );
    expect(issue.messages.de).toContain("xyz_000000000001");
    expectIssue(tryCreate("document", { attachedTo: "meeting-1" }), "attachedTo", "invalid_format");
    const document = created("document");
    expectIssue(
      updateRecord("document", document, { attachedTo: "agi_000000000001" }, later),
      "attachedTo",
      "unknown_reference",
    );
  });

  it("is named by its title; kind and visibility have German and English labels", () => {
    expect(recordTitle("document", created("document"))).toBe("Protokoll der Sitzung des Steuerkreises");
    expect(labelOf("DocumentKind", "signed_agreement", "de")).toBe("Unterzeichnete Vereinbarung");
    expect(labelOf("DocumentKind", "practice_guide", "en")).toBe("Practice guide");
    expect(labelOf("DocumentVisibility", "partners", "de")).toBe("Für die Partner des Netzwerks");
  });

  it("is written by coordinators and admins; partners read only what is shared with them", () => {
    const partner = { role: "partner", actorId: ids.actor } as const;
    const internal = created("document");
    const shared = created("document", { ...tryInput(), attachedTo: ids.meeting, visibility: "partners" });
    const published = created("document", { ...tryInput(), attachedTo: ids.meeting, visibility: "public" });
    for (const role of ["admin", "coordinator"] as const) {
      expect(can({ role }, "create", "document")).toBe(true);
      expect(can({ role }, "update", "document", internal)).toBe(true);
      expect(can({ role }, "read", "document", internal)).toBe(true);
    }
    expect(can({ role: "viewer" }, "read", "document", internal)).toBe(true);
    expect(can({ role: "viewer" }, "create", "document")).toBe(false);
    expect(can(partner, "create", "document", published)).toBe(false);
    expect(can(partner, "update", "document", shared)).toBe(false);
    expect(can(partner, "read", "document")).toBe(true);
    expect(can(partner, "read", "document", internal)).toBe(false);
    expect(can(partner, "read", "document", shared)).toBe(true);
    expect(can(partner, "read", "document", published)).toBe(true);
    expect(readableWhere(partner, "document")).toEqual({ visibility: ["partners", "public"] });
    expect(readableWhere({ role: "viewer" }, "document")).toBeUndefined();
    expect(readableWhere(partner, "measure")).toBeUndefined();
  });
});

function tryInput() {
  return {
    title: "Einladung",
    kind: "invitation" as const,
    date: "2024-03-01",
    url: "http://intranet.example.org/einladung.pdf",
  };
}
