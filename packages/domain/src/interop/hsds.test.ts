import { describe, expect, it } from "vitest";
import { hsdsExample, validateHsds, validateHsdsResponse } from "../../test/interop-schemas.js";
import { osterodeExample, osterodeIds } from "../example/index.js";
import { emptyNetwork, type Network } from "../model/entities.js";
import { isPublished } from "../model/measure.js";
import {
  filterHsdsServices,
  flatOrganization,
  flatService,
  HsdsListQuery,
  hsdsId,
  hsdsPage,
  ohaTaxonomy,
  toHsds,
} from "./hsds.js";
import { planHsdsImport } from "./hsds-import.js";

const regionId = osterodeIds.region;
const hsds = toHsds(osterodeExample, { regionId });
const now = "2025-03-01T10:00:00.000Z";
const today = "2025-03-01";

/** Every leaf path of a JSON value (`a.0.b`). */
function leaves(value: unknown, path = ""): string[] {
  if (value === null || typeof value !== "object") return [path];
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
  if (entries.length === 0) return [path];
  return entries.flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
}

const covers = (paths: readonly string[], leaf: string) =>
  paths.some((p) => leaf === p || leaf.startsWith(`${p}.`));

/** A district with only its region, to import into. */
function emptyDistrict(): Network {
  const network = emptyNetwork();
  const region = osterodeExample.region[0];
  if (region) network.region.push(region);
  return network;
}

describe("the HSDS validator of the tests", () => {
  it("accepts the official examples and refuses a broken service", () => {
    expect(validateHsds("service", hsdsExample("service_full"))).toEqual([]);
    expect(validateHsds("organization", hsdsExample("organization_full"))).toEqual([]);
    expect(validateHsdsResponse("/services", hsdsExample("service_list"))).toEqual([]);
    expect(validateHsds("service", { id: "not-a-uuid", name: "x", status: "open" }).length).toBeGreaterThan(
      0,
    );
  });
});

describe("toHsds on the Osterode example", () => {
  it("exports exactly the public measures, as services that meet the official HSDS 3.0 schemas", () => {
    const published = osterodeExample.measure.filter(isPublished);
    expect(published.length).toBeGreaterThan(0);
    expect(published.length).toBeLessThan(osterodeExample.measure.length);
    expect(hsds.services.map((s) => s.id).sort()).toEqual(
      published.map((m) => hsdsId("service", m.id)).sort(),
    );
    for (const service of hsds.services) {
      expect(validateHsds("service", service), service.name).toEqual([]);
      expect(validateHsdsResponse("/services/{id}", service), service.name).toEqual([]);
    }
  });

  it("exports organizations, locations, schedules, areas, services at locations and the taxonomy validly", () => {
    const checks: [string, readonly unknown[]][] = [
      ["organization", hsds.organizations],
      ["location", hsds.locations],
      ["schedule", hsds.schedules],
      ["service_area", hsds.serviceAreas],
      ["service_at_location", hsds.serviceAtLocations],
      ["taxonomy", hsds.taxonomies],
      ["taxonomy_term", hsds.taxonomyTerms],
    ];
    for (const [kind, list] of checks) {
      expect(list.length, kind).toBeGreaterThan(0);
      for (const item of list) expect(validateHsds(kind, item), kind).toEqual([]);
    }
  });

  it("wraps lists in HSDS's page envelope, valid for the reference API", () => {
    const query = HsdsListQuery.parse({ per_page: 2 });
    const page = hsdsPage(hsds.services.map(flatService), query);
    expect(page).toMatchObject({ page_number: 1, size: 2, first_page: true, empty: false });
    expect(validateHsdsResponse("/services", page)).toEqual([]);
    expect(
      validateHsdsResponse("/organizations", hsdsPage(hsds.organizations.map(flatOrganization), query)),
    ).toEqual([]);
    expect(validateHsdsResponse("/taxonomies", hsdsPage(hsds.taxonomies, query))).toEqual([]);
    expect(validateHsdsResponse("/taxonomy_terms", hsdsPage(hsds.taxonomyTerms, query))).toEqual([]);
    expect(validateHsdsResponse("/service_at_locations", hsdsPage(hsds.serviceAtLocations, query))).toEqual(
      [],
    );
  });

  it("publishes categories and target groups as terms of OHA's own taxonomy", () => {
    const { taxonomy, terms } = ohaTaxonomy();
    const measure = osterodeExample.measure.find((m) => isPublished(m) && m.targetGroups.length > 0);
    const service = hsds.services.find((s) => s.id === hsdsId("service", measure?.id ?? ""));
    const codes = (service?.attributes ?? []).map((a) => a.taxonomy_term?.code);
    expect(codes).toContain(`category:${measure?.category}`);
    for (const group of measure?.targetGroups ?? []) expect(codes).toContain(`target_group:${group}`);
    expect(terms.every((t) => t.taxonomy_id === taxonomy.id)).toBe(true);
  });

  it("gives stable UUIDs and filters by modified_after", () => {
    expect(hsdsId("service", "msr_0123456789ab")).toBe(hsdsId("service", "msr_0123456789ab"));
    expect(hsdsId("service", "msr_0123456789ab")).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(filterHsdsServices(hsds, { modified_after: "2099-01-01T00:00:00Z" })).toEqual([]);
    expect(filterHsdsServices(hsds, { modified_after: "2000-01-01T00:00:00Z" })).toHaveLength(
      hsds.services.length,
    );
    const term = hsds.services[0]?.attributes?.[0]?.taxonomy_term_id ?? "";
    const byTerm = filterHsdsServices(hsds, { taxonomy_term_id: term });
    expect(byTerm.length).toBeGreaterThan(0);
    expect(byTerm.every((s) => s.attributes?.some((a) => a.taxonomy_term_id === term))).toBe(true);
  });
});

describe("planHsdsImport", () => {
  it("imports the official HSDS example service with every field OHA models, and reports the rest", () => {
    const input = hsdsExample("service_full");
    const plan = planHsdsImport(input, { network: emptyDistrict(), regionId, today, now });
    expect(plan.ok).toBe(true);
    if (!plan.ok) return;
    const [item] = plan.value.items;
    expect(item?.ok).toBe(true);
    const measure = item?.measure;
    expect(measure).toMatchObject({
      title: "Community Counselling",
      description: input.description,
      url: "http://example.com/counselling",
      contactEmail: "email@example.com",
      status: "running",
      public: false,
      from: "2005-01-01",
      to: "2005-01-01",
      schedule: "weekly",
      ages: { min: 12, max: 99 },
      lastVerifiedAt: "2005-01-01T00:00:00Z",
      lastVerifiedBy: "email@example.com",
      category: "other",
    });
    expect(measure?.scheduleNote).toBe(
      "The service is available from 10 am to 6pm weekdays. The service is not available on public holidays.",
    );
    expect(measure?.funding[0]?.source?.startsWith("This service is funded partially")).toBe(true);
    // The provider is new: an actor from the embedded organization.
    expect(item?.provider).toMatchObject({ match: "new", name: "Example Organization Inc." });
    const actor = plan.value.records.actor[0];
    expect(actor).toMatchObject({
      name: "Example Organization Inc.",
      shortName: "Example Org",
      email: "email@example.com",
      website: "http://example.com",
      kind: "other",
    });

    // Nothing is lost silently: every leaf of the record is mapped, adjusted or reported.
    const accounted = [
      ...(item?.mapped ?? []),
      ...(item?.adjusted ?? []).map((a) => a.path),
      ...(item?.unmapped ?? []).map((u) => u.path),
    ];
    const missing = leaves(input).filter((leaf) => !covers(accounted, leaf));
    expect(missing).toEqual([]);
    const unmapped = (item?.unmapped ?? []).map((u) => u.path);
    expect(unmapped).toEqual(
      expect.arrayContaining(["phones", "languages", "program", "cost_options", "attributes.0"]),
    );
    const address = item?.unmapped.find((u) => u.path === "service_at_locations.0.location.addresses.0");
    expect(address?.reason.en).toMatch(/Not a German address/);
    expect(address?.value).toMatchObject({ postal_code: "ABC 1234", country: "US" });
    expect(item?.adjusted.map((a) => a.path)).toEqual(expect.arrayContaining(["maximum_age", "(category)"]));
    expect(item?.adjusted.find((a) => a.path === "maximum_age")?.value).toBe(100);
  });

  it("imports an HSDS page and a list, and refuses what is not a service", () => {
    const page = planHsdsImport(hsdsExample("service_list"), {
      network: emptyDistrict(),
      regionId,
      today,
      now,
    });
    expect(page.ok && page.value.summary).toMatchObject({ services: 1, importable: 1, newProviders: 1 });
    const bad = planHsdsImport([{ name: "no id, no status" }, 42], {
      network: emptyDistrict(),
      regionId,
      today,
      now,
    });
    expect(bad.ok && bad.value.summary).toMatchObject({ services: 2, importable: 0, failed: 2 });
    expect(bad.ok && bad.value.items[0]?.errors?.map((e) => e.path)).toEqual(
      expect.arrayContaining(["id", "status"]),
    );
    expect(planHsdsImport("text", { network: emptyDistrict(), regionId, today, now }).ok).toBe(false);
  });

  it("takes OHA's own export back without loss of what OHA models", () => {
    const district = emptyDistrict();
    const plan = planHsdsImport(hsds.services, { network: district, regionId, today, now });
    expect(plan.ok).toBe(true);
    if (!plan.ok) return;
    expect(plan.value.summary.failed).toBe(0);
    const originals = new Map(osterodeExample.measure.map((m) => [hsdsId("service", m.id), m]));
    const programmes = new Map(osterodeExample.fundingProgramme.map((p) => [p.id, p.name]));
    for (const item of plan.value.items) {
      const original = originals.get(item.sourceId ?? "");
      expect(original, item.name).toBeDefined();
      if (!original || !item.measure) continue;
      const pick = (m: typeof original) => ({
        title: m.title,
        description: m.description,
        category: m.category,
        targetGroups: m.targetGroups,
        iabeSector: m.iabeSector,
        ages: m.ages,
        areaServed: m.areaServed,
        from: m.from,
        to: m.to,
        schedule: m.schedule,
        url: m.url,
        contactEmail: m.contactEmail,
        location: m.location,
      });
      expect(pick(item.measure), item.name).toEqual(pick(original));
      expect(item.measure.funding.map((f) => f.source)).toEqual(
        original.funding.map((f) => f.source ?? programmes.get(f.programmeId ?? "")).filter(Boolean),
      );
      const provider = osterodeExample.actor.find((a) => a.id === original.providerActorId);
      expect(item.provider?.name).toBe(provider?.name);
    }
  });

  it("finds the district's own offers as likely duplicates, and reuses known providers", () => {
    const plan = planHsdsImport(hsds.services, { network: osterodeExample, regionId, today, now });
    expect(plan.ok).toBe(true);
    if (!plan.ok) return;
    expect(plan.value.summary.newProviders).toBe(0);
    for (const item of plan.value.items) {
      expect(item.provider?.match).toBe("existing");
      const original = osterodeExample.measure.find((m) => hsdsId("service", m.id) === item.sourceId);
      expect(
        item.duplicates.map((d) => d.measureId),
        item.name,
      ).toContain(original?.id);
    }
  });
});
