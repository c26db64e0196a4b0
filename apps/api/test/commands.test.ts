// The office's operations as commands, over HTTP: each runs in one transaction, so a failure in any
// step changes nothing; and analytics that forget their cache when another process writes.
import { execFile } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { osterodeIds } from "@oha/domain/example";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends, openTestApp, type Page, problemOf, type Rec, type TestApp } from "./harness.js";

const here = dirname(fileURLToPath(import.meta.url));
const run = promisify(execFile);

describe.each(backends)("commands on $name", (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp(backend);
  });
  afterAll(() => t?.close());

  const as = (key: string) => ({
    get: <T = Rec>(path: string) => t.request<T>("GET", path, { key }),
    post: <T = Rec>(path: string, json?: unknown, headers: Record<string, string> = {}) =>
      t.request<T>("POST", path, { key, ...(json === undefined ? {} : { json }), headers }),
    patch: <T = Rec>(path: string, json: unknown, version: number) =>
      t.request<T>("PATCH", path, { key, json, headers: { "if-match": `"${version}"` } }),
    del: <T = Rec>(path: string, version: number) =>
      t.request<T>("DELETE", path, { key, headers: { "if-match": `"${version}"` } }),
  });
  const coordinator = () => as(t.keys.coordinator);

  /** A small world of its own: an actor, two people, a body with a seat, and the first person in it. */
  async function world(name: string) {
    const c = coordinator();
    const actor = (await c.post("/api/v1/actors", { name, kind: "employment_agency" })).body;
    const anna = (await c.post("/api/v1/contacts", { givenName: "Anna", familyName: `Alt-${name}` })).body;
    const bernd = (await c.post("/api/v1/contacts", { givenName: "Bernd", familyName: `Neu-${name}` })).body;
    const body = (
      await c.post("/api/v1/bodies", {
        name: `Steuerkreis ${name}`,
        kind: "steering_group",
        decisionAuthority: "decides",
        targetMeetingsPerYear: 2,
      })
    ).body;
    const seat = (await c.post("/api/v1/seats", { bodyId: body.id, actorId: actor.id, label: "Agentur" }))
      .body;
    const affiliation = (
      await c.post("/api/v1/affiliations", {
        contactId: anna.id,
        actorId: actor.id,
        role: "Bereichsleitung",
        level: "leadership",
        from: "2018-01-01",
      })
    ).body;
    const membership = (
      await c.post("/api/v1/memberships", {
        bodyId: body.id,
        contactId: anna.id,
        actorId: actor.id,
        seatId: seat.id,
        role: "member",
        from: "2018-03-01",
      })
    ).body;
    for (const record of [actor, anna, bernd, body, seat, affiliation, membership])
      expect(record.id, JSON.stringify(record)).toBeTruthy();
    return { actor, anna, bernd, body, seat, affiliation, membership };
  }

  it("hands a contact over: the successor takes the affiliation, the seat and the membership", async () => {
    const w = await world("Handover");
    const reply = await coordinator().post<{
      ended: Rec;
      started: Rec;
      memberships: { ended: Rec[]; started: Rec[] };
    }>(
      `/api/v1/affiliations/${w.affiliation.id}/handover`,
      { successorContactId: w.bernd.id, on: "2026-02-01", note: "Übergabe im Steuerkreis angekündigt" },
      { "if-match": `"${w.affiliation.version}"` },
    );
    expect(reply.status, reply.text).toBe(200);
    expect(reply.body.ended).toMatchObject({
      to: "2026-01-31",
      endReason: "handover",
      successorContactId: w.bernd.id,
    });
    expect(reply.body.started).toMatchObject({
      contactId: w.bernd.id,
      actorId: w.actor.id,
      from: "2026-02-01",
    });
    expect(reply.body.memberships.ended.map((m) => m.id)).toEqual([w.membership.id]);
    expect(reply.body.memberships.started[0]).toMatchObject({
      bodyId: w.body.id,
      contactId: w.bernd.id,
      seatId: w.seat.id,
      from: "2026-02-01",
    });
    const members = (await coordinator().get<Page>(`/api/v1/memberships?bodyId=${w.body.id}`)).body.items;
    const current = members.filter((m) => !m.to || String(m.to) >= "2026-02-01");
    expect(current.map((m) => m.contactId)).toEqual([w.bernd.id]);
    // A second handover of the same, now ended, affiliation is refused.
    const again = await coordinator().post(
      `/api/v1/affiliations/${w.affiliation.id}/handover`,
      { successorContactId: w.bernd.id, on: "2026-05-01" },
      { "if-match": `"${(reply.body.ended as Rec).version}"` },
    );
    expect(problemOf(again).code).toBe("conflict");
  });

  it("changes nothing when a step of a handover fails", async () => {
    const w = await world("Atomar");
    // The body is deleted: the successor's membership would refer to it, so the last step fails.
    const deleted = await coordinator().del(`/api/v1/bodies/${w.body.id}`, w.body.version);
    expect(deleted.status).toBe(200);
    const version = await t.store.tenant(t.tenantA).dataVersion();
    const reply = await coordinator().post(
      `/api/v1/affiliations/${w.affiliation.id}/handover`,
      { successorContactId: w.bernd.id, on: "2026-02-01" },
      { "if-match": `"${w.affiliation.version}"` },
    );
    expect(problemOf(reply).code).toBe("validation_failed");
    expect((await coordinator().get(`/api/v1/affiliations/${w.affiliation.id}`)).body).toMatchObject({
      version: w.affiliation.version,
    });
    expect((await coordinator().get(`/api/v1/affiliations/${w.affiliation.id}`)).body.to).toBeUndefined();
    expect((await coordinator().get(`/api/v1/memberships/${w.membership.id}`)).body.version).toBe(
      w.membership.version,
    );
    const bernds = (await coordinator().get<Page>(`/api/v1/affiliations?contactId=${w.bernd.id}`)).body;
    expect(bernds.total).toBe(0);
    expect(await t.store.tenant(t.tenantA).dataVersion()).toBe(version);
  });

  it("refuses a handover with a stale version, to an unknown person, or by a viewer", async () => {
    const w = await world("Abgelehnt");
    const url = `/api/v1/affiliations/${w.affiliation.id}/handover`;
    const stale = await coordinator().post(
      url,
      { successorContactId: w.bernd.id, on: "2026-02-01" },
      { "if-match": '"9"' },
    );
    expect(problemOf(stale).code).toBe("precondition_failed");
    const unknown = await coordinator().post(
      url,
      { successorContactId: "con_000000000000", on: "2026-02-01" },
      { "if-match": `"${w.affiliation.version}"` },
    );
    expect(problemOf(unknown).errors?.[0]?.path).toBe("successorContactId");
    const viewer = await as(t.keys.viewer).post(
      url,
      { successorContactId: w.bernd.id, on: "2026-02-01" },
      { "if-match": `"${w.affiliation.version}"` },
    );
    expect(viewer.status).toBe(403);
  });

  it("brings an agreement into force with the last signature, and shows who is missing until then", async () => {
    const c = coordinator();
    const a = (await c.post("/api/v1/actors", { name: "Partner A", kind: "chamber" })).body;
    const b = (await c.post("/api/v1/actors", { name: "Partner B", kind: "job_centre" })).body;
    const agreement = (
      await c.post("/api/v1/agreements", {
        title: "Kooperationsvereinbarung 2026",
        status: "negotiating",
        partyActorIds: [a.id, b.id],
        revisions: [{ number: 1, summary: "Fassung 2026" }],
        validFrom: "2026-01-01",
      })
    ).body as Rec & { figures: { missingSignatures: string[]; effectiveStatus: string } };
    expect(agreement.figures.missingSignatures).toEqual([a.id, b.id]);
    const first = await c.post<Rec & { figures: { missingSignatures: string[] } }>(
      `/api/v1/agreements/${agreement.id}/signatures`,
      { actorId: a.id, signedOn: "2025-12-01" },
      { "if-match": `"${agreement.version}"` },
    );
    expect(first.status, first.text).toBe(200);
    expect(first.body.status).toBe("negotiating");
    expect(first.body.figures.missingSignatures).toEqual([b.id]);
    const last = await c.post<Rec & { figures: { missingSignatures: string[] } }>(
      `/api/v1/agreements/${agreement.id}/signatures`,
      { actorId: b.id, signedOn: "2025-12-02" },
      { "if-match": `"${first.body.version}"` },
    );
    expect(last.body.status).toBe("in_force");
    expect(last.body.figures.missingSignatures).toEqual([]);
    const stranger = await c.post(
      `/api/v1/agreements/${agreement.id}/signatures`,
      { actorId: osterodeIds.actors.jobCentre, signedOn: "2025-12-03" },
      { "if-match": `"${last.body.version}"` },
    );
    expect(problemOf(stranger).errors?.[0]?.path).toBe("actorId");
  });

  it("reviews overlaps only by the rule, on either route, signed with the caller's name", async () => {
    const c = coordinator();
    const provider = osterodeIds.actors.provider;
    const measure = (title: string) =>
      c.post("/api/v1/measures", {
        title,
        providerActorId: provider,
        category: "application_support",
        from: "2025-08-01",
      });
    const m1 = (await measure("Bewerbungstraining Klasse 9")).body;
    const m2 = (await measure("Bewerbungsmappen-Werkstatt Klasse 9")).body;
    const same = await c.post("/api/v1/overlap-reviews", {
      measureIds: [m1.id, m1.id],
      verdict: "redundant",
    });
    expect(problemOf(same).errors?.[0]?.path).toBe("measureIds.1");
    const unknown = await c.post("/api/v1/overlap-reviews", {
      measureIds: [m1.id, "msr_000000000000"],
      verdict: "redundant",
    });
    expect(problemOf(unknown).errors?.[0]?.path).toBe("measureIds.1");
    const forged = await c.post("/api/v1/overlap-reviews", {
      measureIds: [m1.id, m2.id],
      verdict: "complementary",
      reviewedBy: "Jemand anderes",
    });
    expect(problemOf(forged).errors?.[0]?.path).toBe("reviewedBy");
    const review = await c.post("/api/v1/overlap-reviews", {
      measureIds: [m1.id, m2.id],
      verdict: "complementary",
    });
    expect(review.status, review.text).toBe(201);
    expect(review.body).toMatchObject({ reviewedBy: "Test coordinator", verdict: "complementary" });
    const viaAnalytics = await c.post("/api/v1/analytics/overlaps/reviews", {
      measureIds: [m2.id, m1.id],
      verdict: "redundant",
    });
    expect(viaAnalytics.status).toBe(201);
    expect(viaAnalytics.body).toMatchObject({ reviewedBy: "Test coordinator" });
    // No generic edit bypasses the rule.
    const patched = await c.patch(`/api/v1/overlap-reviews/${review.body.id}`, { reviewedBy: "x" }, 1);
    expect(patched.status).toBe(404);
  });

  it("stamps a measure as confirmed with the caller's name, not a text from the page", async () => {
    const c = coordinator();
    const m = (
      await c.post("/api/v1/measures", {
        title: "Praktikumsbörse",
        providerActorId: osterodeIds.actors.provider,
        category: "internship",
        from: "2025-08-01",
      })
    ).body;
    const stamped = await c.post(`/api/v1/measures/${m.id}/verify`, undefined, {
      "if-match": `"${m.version}"`,
    });
    expect(stamped.status, stamped.text).toBe(200);
    expect(stamped.body).toMatchObject({ lastVerifiedBy: "Test coordinator", version: m.version + 1 });
    expect(String(stamped.body.lastVerifiedAt)).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });

  it("names who changed a record in its history", async () => {
    const c = coordinator();
    const actor = (await c.post("/api/v1/actors", { name: "Historie e. V.", kind: "association" })).body;
    const history = await c.get<{ items: { principal: string; principalName: string | null }[] }>(
      `/api/v1/actors/${actor.id}/history`,
    );
    expect(history.body.items[0]?.principalName).toBe("Test coordinator");
    expect(history.body.items[0]?.principal).toMatch(/^key:/);
  });

  it("serves analytics from the cache until the tenant's data changes, also from another process", async () => {
    const c = coordinator();
    const first = await c.get("/api/v1/analytics/continuity?as_of=2026-01-01");
    expect(first.status).toBe(200);
    const second = await c.get("/api/v1/analytics/continuity?as_of=2026-01-01");
    expect(second.headers.get("x-cache")).toBe("hit");
    expect(second.body).toEqual(first.body);
    // A write through the API moves the tenant's data version.
    await c.post("/api/v1/actors", { name: "Neuer Partner", kind: "employer" });
    expect((await c.get("/api/v1/analytics/continuity?as_of=2026-01-01")).headers.get("x-cache")).toBe(
      "miss",
    );
    if (!t.databaseUrl) return; // One process holds an embedded database; the rest needs PostgreSQL.
    const cached = await c.get<{ actors?: unknown }>("/api/v1/analytics/standards?as_of=2026-01-01");
    expect((await c.get("/api/v1/analytics/standards?as_of=2026-01-01")).headers.get("x-cache")).toBe("hit");
    const { stdout } = await run(
      process.execPath,
      [
        "--import",
        "tsx",
        "--conditions=@oha/source",
        join(here, "fixtures", "write-elsewhere.ts"),
        t.databaseUrl,
        t.tenantA,
        "standard",
        JSON.stringify({ code: "MS-99", title: "Standard aus einem anderen Prozess", kind: "minimum" }),
      ],
      { cwd: join(here, "..") },
    );
    expect(stdout.trim()).toMatch(/^std_/);
    const after = await c.get("/api/v1/analytics/standards?as_of=2026-01-01");
    expect(after.headers.get("x-cache")).toBe("miss");
    expect(JSON.stringify(after.body)).toContain(stdout.trim());
    expect(JSON.stringify(cached.body)).not.toContain(stdout.trim());
  });
});
