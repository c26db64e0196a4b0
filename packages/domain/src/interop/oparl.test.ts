import { describe, expect, it } from "vitest";
import { oparlExamples, oparlTypeOf, validateOParl, validateOParlList } from "../../test/interop-schemas.js";
import { osterodeExample, osterodeIds } from "../example/index.js";
import type { Network } from "../model/entities.js";
import { findOParlObject, OParlListQuery, oparlListNames, oparlLists, oparlPage, toOParl } from "./oparl.js";

const regionId = osterodeIds.region;
const systemUrl = `https://oha.landkreis.test/oparl/v1.1/regions/${regionId}`;
const query = (input: Record<string, unknown> = {}) => OParlListQuery.parse(input);

function withChanges(change: (network: Network) => void): Network {
  const copy = structuredClone(osterodeExample) as Network;
  change(copy);
  return copy;
}

describe("the OParl validator of the tests", () => {
  it("accepts the official examples and refuses a broken object", () => {
    const examples = oparlExamples();
    expect(examples.length).toBeGreaterThanOrEqual(8);
    for (const example of examples) {
      expect(validateOParl(example, undefined, "$", { resolve: false }), String(example.id)).toEqual([]);
    }
    // With references resolved, the examples' one gap shows: an embedded agenda item without `order`.
    expect(examples.flatMap((e) => validateOParl(e)).map((p) => `${p.schema} ${p.message}`)).toEqual([
      "AgendaItem.json must have required property 'order'",
    ]);
    const broken = { id: "not a url", type: "https://schema.oparl.org/1.1/Meeting", start: "yesterday" };
    expect(validateOParl(broken).map((p) => p.path)).toEqual(expect.arrayContaining(["/id", "/start"]));
    // An embedded object is checked against the schema its property names.
    const embedded = {
      id: "https://example.org/m/1",
      type: "https://schema.oparl.org/1.1/Meeting",
      location: { description: "no id, no type" },
    };
    expect(validateOParl(embedded).some((p) => p.schema === "Location.json")).toBe(true);
  });
});

describe("toOParl on the Osterode example", () => {
  const oparl = toOParl(osterodeExample, { regionId, systemUrl });

  it("serves only objects that meet the official OParl 1.1 schemas", () => {
    expect(validateOParl(oparl.system, "System")).toEqual([]);
    expect(validateOParl(oparl.body, "Body")).toEqual([]);
    for (const name of oparlListNames) {
      expect(oparl.lists[name].length, name).toBeGreaterThan(0);
      for (const object of oparl.lists[name]) {
        expect(validateOParl(object, oparlLists[name]), object.id).toEqual([]);
      }
    }
  });

  it("makes the district the body, with its official key", () => {
    expect(oparl.body).toMatchObject({
      id: `${systemUrl}/bodies/${regionId}`,
      name: "Landkreis Osterode am Harz",
      ags: "03156000",
      shortName: "OHA",
      "oha:districtKey": "03156",
      legislativeTerm: [],
    });
    expect(oparl.system).toMatchObject({
      oparlVersion: "https://schema.oparl.org/1.1/",
      body: `${systemUrl}/bodies`,
    });
  });

  it("lists bodies as committees and partners as institutions", () => {
    const steering = findOParlObject(
      oparl,
      "organizations",
      `${systemUrl}/organizations/${osterodeIds.bodies.steeringGroup}`,
    );
    expect(steering).toMatchObject({ organizationType: "Gremium", "oha:kind": "steering_group" });
    const jobCentre = findOParlObject(
      oparl,
      "organizations",
      `${systemUrl}/organizations/${osterodeIds.actors.jobCentre}`,
    );
    expect(jobCentre).toMatchObject({ organizationType: "Institution", classification: "Jobcenter" });
  });

  it("shows people only with their consent, and no contact details at all", () => {
    const consenting = osterodeExample.contact.filter((c) => c.publicationConsent);
    expect(consenting.length).toBeGreaterThan(0);
    expect(consenting.length).toBeLessThan(osterodeExample.contact.length);
    for (const contact of osterodeExample.contact) {
      const person = findOParlObject(oparl, "people", `${systemUrl}/people/${contact.id}`);
      if (contact.publicationConsent) {
        expect(person).toMatchObject({ familyName: contact.familyName, givenName: contact.givenName });
      } else {
        expect(Object.keys(person ?? {}).sort()).toEqual(["created", "deleted", "id", "modified", "type"]);
      }
    }
    const text = JSON.stringify(oparl);
    for (const contact of osterodeExample.contact.filter((c) => !c.publicationConsent)) {
      expect(text).not.toContain(`"familyName":"${contact.familyName}"`);
      expect(text).not.toContain(`${contact.givenName} ${contact.familyName}`);
      if (contact.email) expect(text).not.toContain(contact.email);
    }
    for (const membership of oparl.lists.memberships) {
      const contactId = String(membership.person).split("/").at(-1);
      expect(osterodeExample.contact.find((c) => c.id === contactId)?.publicationConsent).toBe(true);
    }
    for (const meeting of oparl.lists.meetings) {
      for (const participant of meeting.participant ?? []) {
        const contactId = participant.split("/").at(-1);
        expect(osterodeExample.contact.find((c) => c.id === contactId)?.publicationConsent).toBe(true);
      }
    }
  });

  it("names the partner a member sits for, with start and end", () => {
    const source = osterodeExample.membership.find(
      (m) => m.actorId && osterodeExample.contact.find((c) => c.id === m.contactId)?.publicationConsent,
    );
    expect(source).toBeDefined();
    const membership = findOParlObject(oparl, "memberships", `${systemUrl}/memberships/${source?.id}`);
    expect(membership).toMatchObject({
      onBehalfOf: `${systemUrl}/organizations/${source?.actorId}`,
      organization: `${systemUrl}/organizations/${source?.bodyId}`,
      startDate: source?.from,
    });
  });

  it("gives agenda items the result and text of their decisions", () => {
    const meeting = osterodeExample.meeting[0];
    const decision = meeting?.decisions.find((d) => d.agendaItemId);
    const item = oparl.lists["agenda-items"].find((i) => i.id.endsWith(`/${decision?.agendaItemId}`));
    expect(item?.resolutionText).toBe(decision?.text);
    expect(item?.result).toMatch(/^Beschlossen \(Ja \d+/);
    const served = findOParlObject(oparl, "meetings", `${systemUrl}/meetings/${meeting?.id}`);
    expect(served?.agendaItem?.map((a) => a.order)).toEqual(meeting?.agenda.map((_, i) => i + 1));
    expect(served?.meetingState).toBe("Protokoll genehmigt");
  });

  it("publishes agreement revisions and standards as papers", () => {
    const standard = osterodeExample.standard[0];
    const paper = findOParlObject(oparl, "papers", `${systemUrl}/papers/${standard?.id}`);
    expect(paper).toMatchObject({ reference: standard?.code, name: standard?.title });
    const agreement = osterodeExample.agreement.find((a) => a.revisions.length > 0);
    const main = findOParlObject(oparl, "papers", `${systemUrl}/papers/${agreement?.id}`);
    expect(main?.subordinatedPaper?.length).toBe(agreement?.revisions.length);
    for (const url of main?.subordinatedPaper ?? [])
      expect(findOParlObject(oparl, "papers", url)).toBeDefined();
  });

  it("keeps every list in a stable order by id", () => {
    for (const name of oparlListNames) {
      const ids = oparl.lists[name].map((o) => o.id);
      expect(ids, name).toEqual([...ids].sort());
      expect(new Set(ids).size, name).toBe(ids.length);
    }
  });
});

describe("deleted and withdrawn records", () => {
  const bodyId = osterodeIds.bodies.advisoryBoard;
  const consenting = osterodeExample.contact.find((c) => c.publicationConsent);
  const network = withChanges((n) => {
    const body = n.body.find((b) => b.id === bodyId);
    if (body)
      Object.assign(body, {
        deleted: true,
        version: body.version + 1,
        updatedAt: "2025-01-01T00:00:00.000Z",
      });
    const contact = n.contact.find((c) => c.id === consenting?.id);
    if (contact) Object.assign(contact, { publicationConsent: false, updatedAt: "2025-01-02T00:00:00.000Z" });
  });
  const oparl = toOParl(network, { regionId, systemUrl });

  it("serves a deleted body as an organization with deleted: true and nothing else", () => {
    const organization = findOParlObject(oparl, "organizations", `${systemUrl}/organizations/${bodyId}`);
    expect(organization).toEqual({
      id: `${systemUrl}/organizations/${bodyId}`,
      type: "https://schema.oparl.org/1.1/Organization",
      created: expect.any(String),
      modified: "2025-01-01T00:00:00.000Z",
      deleted: true,
    });
    expect(validateOParl(organization, "Organization")).toEqual([]);
  });

  it("takes a person out when consent is withdrawn, and tells sync clients", () => {
    const person = findOParlObject(oparl, "people", `${systemUrl}/people/${consenting?.id}`);
    expect(person).toMatchObject({ deleted: true, modified: "2025-01-02T00:00:00.000Z" });
    expect(JSON.stringify(oparl)).not.toContain(`${consenting?.givenName} ${consenting?.familyName}`);
    const recent = oparlPage(
      oparl.lists.people,
      query({ modified_since: "2025-01-01T12:00:00Z" }),
      `${systemUrl}/people`,
    );
    expect(recent.data.map((p) => p.id)).toEqual([`${systemUrl}/people/${consenting?.id}`]);
  });
});

describe("oparlPage", () => {
  const oparl = toOParl(osterodeExample, { regionId, systemUrl });
  const objects = oparl.lists.organizations;
  const listUrl = `${systemUrl}/organizations`;

  it("pages with data, pagination and links, and links.next leads through every object once", () => {
    const seen: string[] = [];
    let page = oparlPage(objects, query({ elementsPerPage: 4 }), listUrl);
    let pages = 1;
    expect(page.links.prev).toBeUndefined();
    expect(validateOParlList(page, "Organization")).toEqual([]);
    seen.push(...page.data.map((o) => o.id));
    while (page.links.next) {
      const params = Object.fromEntries(new URL(page.links.next).searchParams);
      page = oparlPage(objects, query(params), listUrl);
      pages++;
      expect(page.pagination.currentPage).toBe(pages);
      seen.push(...page.data.map((o) => o.id));
      expect(pages).toBeLessThanOrEqual(objects.length);
    }
    expect(seen).toEqual(objects.map((o) => o.id));
    expect(pages).toBe(Math.ceil(objects.length / 4));
    expect(page.links.self).toBe(page.links.last);
  });

  it("filters by created and modified, keeping the filters in its links", () => {
    const since = "2099-01-01T00:00:00+01:00";
    const none = oparlPage(objects, query({ modified_since: since }), listUrl);
    expect(none.data).toEqual([]);
    expect(none.pagination.totalElements).toBe(0);
    const all = oparlPage(objects, query({ created_until: since, elementsPerPage: 2 }), listUrl);
    expect(all.pagination.totalElements).toBe(objects.length);
    expect(new URL(all.links.next ?? "").searchParams.get("created_until")).toBe(since);
  });

  it("refuses dates without time and lowers page sizes above the largest", () => {
    expect(OParlListQuery.safeParse({ created_since: "2024-01-01" }).success).toBe(false);
    const page = oparlPage(objects, query({ elementsPerPage: 10_000 }), listUrl);
    expect(page.pagination.elementsPerPage).toBe(500);
  });
});

it("oparlTypeOf reads the type from its URL", () => {
  expect(oparlTypeOf({ type: "https://schema.oparl.org/1.1/Paper" })).toBe("Paper");
});
