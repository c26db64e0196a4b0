import { describe, expect, it } from "vitest";
import {
  created,
  expectIssue,
  ids,
  later,
  minimalCreate,
  richCreate,
  tryCreate,
} from "../../test/fixtures.js";
import { ContactId, handOver } from "./actor.js";
import { createRecord, updateRecord } from "./entities.js";

describe("Actor", () => {
  it("refuses malformed contact data", () => {
    expectIssue(tryCreate("actor", { email: "jobcenter" }), "email", "invalid_format");
    expectIssue(tryCreate("actor", { website: "jobcenter.de" }), "website", "invalid_format");
    expectIssue(tryCreate("actor", { phone: "1" }), "phone", "too_small");
  });

  it("links only to web pages", () => {
    expect(tryCreate("actor", { website: "https://www.landkreis-osterode.de/bildung" }).ok).toBe(true);
    expect(tryCreate("actor", { website: "http://www.bildung-beruf-oha.de" }).ok).toBe(true);
    for (const website of [
      "javascript:alert(1)",
      "ftp://example.org",
      "F:}",
      "mailto:info@example.org",
      "https://intranet",
    ]) {
      expectIssue(tryCreate("actor", { website }), "website", "invalid_format");
    }
  });

  it("refuses a malformed address", () => {
    const address = { postalCode: "3752", locality: "Osterode", municipalityKey: "0315601" };
    const result = tryCreate("actor", { address });
    expectIssue(result, "address.postalCode", "invalid_format");
    expectIssue(result, "address.municipalityKey", "invalid_format");
    expectIssue(tryCreate("actor", { address: { postalCode: "37520" } }), "address.locality", "invalid_type");
  });

  it("trims names and refuses a blank one as missing", () => {
    const actor = created("actor", { name: "  Jobcenter  ", kind: "job_centre" });
    expect(actor.name).toBe("Jobcenter");
    const issue = expectIssue(tryCreate("actor", { name: "   " }), "name", "too_small");
    expect(issue.messages.de).toBe("Pflichtangabe fehlt.");
  });

  it("refuses an unknown legal framework", () => {
    expectIssue(
      tryCreate("actor", { legalFrameworks: ["sgb2", "sgb12"] }),
      "legalFrameworks.1",
      "invalid_value",
    );
  });
});

describe("Contact", () => {
  it("needs both names", () => {
    expectIssue(tryCreate("contact", { familyName: "" }), "familyName", "too_small");
    expectIssue(tryCreate("contact", { email: "erika@" }), "email", "invalid_format");
  });
});

describe("Affiliation", () => {
  it("refuses an end before the start", () => {
    expectIssue(tryCreate("affiliation", { to: "2014-12-31" }), "to", "end_before_start");
    expect(tryCreate("affiliation", { to: "2015-01-01" }).ok).toBe(true);
  });

  it("refuses a patch that moves the end before the start", () => {
    const affiliation = created("affiliation");
    expectIssue(
      updateRecord("affiliation", affiliation, { to: "2010-01-01" }, later),
      "to",
      "end_before_start",
    );
  });

  it("is primary unless said otherwise", () => {
    expect(created("affiliation").primary).toBe(true);
    expect(created("affiliation", richCreate.affiliation).primary).toBe(false);
  });
});

describe("handOver", () => {
  const successor = ContactId.parse(ids.contact2);
  const current = created("affiliation", minimalCreate.affiliation, { id: ids.affiliation });

  it("ends the old affiliation and opens the successor's with the same role", () => {
    const { end, start } = handOver(current, { successorContactId: successor, on: "2021-02-01" });
    expect(end).toEqual({ to: "2021-02-01", endReason: "handover", successorContactId: ids.contact2 });
    expect(start).toEqual({
      contactId: ids.contact2,
      actorId: ids.actor,
      role: "Teamleitung U25",
      level: "leadership",
      primary: true,
      from: "2021-02-01",
    });
  });

  it("produces a patch and an input the model accepts", () => {
    const { end, start } = handOver(current, { successorContactId: successor, on: "2021-02-01" });
    const ended = updateRecord("affiliation", current, end, later);
    expect(ended.ok && ended.value).toMatchObject({ to: "2021-02-01", endReason: "handover", version: 2 });
    const opened = createRecord("affiliation", start, later);
    expect(opened.ok && opened.value.contactId).toBe(ids.contact2);
  });

  it("can give the successor a new role", () => {
    const { start } = handOver(current, {
      successorContactId: successor,
      on: "2021-02-01",
      role: "Bereichsleitung",
    });
    expect(start.role).toBe("Bereichsleitung");
  });

  it("cannot hand over before the affiliation began", () => {
    const { end } = handOver(current, { successorContactId: successor, on: "2014-01-01" });
    expectIssue(updateRecord("affiliation", current, end, later), "to", "end_before_start");
  });
});
