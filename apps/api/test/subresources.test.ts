// Sub-resources: meeting attendance, decisions and action items; agreement signatures and goals;
// standard adoptions and reviews; the responses of a reconciliation round.
import { osterodeExample, osterodeIds } from "@oha/domain/example";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  backends,
  openTestApp,
  otherActorId,
  partnerActorId,
  problemOf,
  type Rec,
  type TestApp,
} from "./harness.js";

type Meeting = Rec & {
  attendance: { contactId: string; status: string }[];
  decisions: { id: string; text: string }[];
  actionItems: { id: string; title: string; status: string }[];
};

describe.each(backends)("sub-resources on $name", (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp(backend);
  });
  afterAll(() => t?.close());

  const get = async <T = Rec>(path: string) => {
    const reply = await t.request<T>("GET", path, { key: t.keys.coordinator });
    expect(reply.status, path).toBe(200);
    return { body: reply.body, etag: reply.headers.get("etag") ?? "" };
  };
  const send = <T = Rec>(method: string, path: string, json: unknown, etag?: string) =>
    t.request<T>(method, path, {
      key: t.keys.coordinator,
      json,
      headers: etag === undefined ? {} : { "if-match": etag },
    });

  describe("meetings", () => {
    const meeting = osterodeExample.meeting[0]!;
    const path = `/api/v1/meetings/${meeting.id}`;
    const newcomer = osterodeExample.contact.find(
      (c) => !meeting.attendance.some((a) => a.contactId === c.id),
    )!;

    it("records attendance with If-Match, keeping everyone else's", async () => {
      const { body: before, etag } = await get<Meeting>(path);
      const entries = [{ contactId: newcomer.id, status: "present" }];
      const missing = await send("PUT", `${path}/attendance`, { entries });
      expect(missing.status).toBe(428);
      const stale = await send("PUT", `${path}/attendance`, { entries }, '"999"');
      expect(stale.status).toBe(412);
      expect(problemOf(stale).current).toMatchObject({ id: meeting.id, version: before.version });

      const reply = await send<Meeting>("PUT", `${path}/attendance`, { entries }, etag);
      expect(reply.status, reply.text).toBe(200);
      expect(reply.headers.get("etag")).toBe(`"${before.version + 1}"`);
      expect(reply.body.attendance).toHaveLength(before.attendance.length + 1);
      expect(reply.body.attendance).toEqual(expect.arrayContaining([...before.attendance, entries[0]]));

      const again = await send<Meeting>(
        "PUT",
        `${path}/attendance`,
        { entries: [{ contactId: newcomer.id, status: "excused" }] },
        reply.headers.get("etag") ?? "",
      );
      expect(again.body.attendance).toHaveLength(before.attendance.length + 1);
      expect(again.body.attendance.find((a) => a.contactId === newcomer.id)?.status).toBe("excused");
    });

    it("refuses attendance the domain rejects", async () => {
      const { etag } = await get(path);
      const empty = await send("PUT", `${path}/attendance`, { entries: [] }, etag);
      expect(empty.status).toBe(400);
      const proxyless = await send(
        "PUT",
        `${path}/attendance`,
        { entries: [{ contactId: newcomer.id, status: "represented" }] },
        etag,
      );
      expect(proxyless.status).toBe(400);
      expect(problemOf(proxyless).errors?.map((e) => e.code)).toContain("represented_without_proxy");
      expect((await get(path)).etag).toBe(etag);
    });

    it("records decisions and action items, and lists open items across meetings", async () => {
      const { body: before, etag } = await get<Meeting>(path);
      expect((await send("POST", `${path}/decisions`, { text: "Beschlossen." })).status).toBe(428);
      const decided = await send<Meeting>("POST", `${path}/decisions`, { text: "Beschlossen." }, etag);
      expect(decided.status, decided.text).toBe(200);
      expect(decided.body.decisions).toHaveLength(before.decisions.length + 1);
      const decision = decided.body.decisions.at(-1)!;
      expect(decision).toMatchObject({ text: "Beschlossen." });
      expect(decision.id).toMatch(/^dec_/);

      const stale = await send("POST", `${path}/action-items`, { title: "Zu spät" }, etag);
      expect(stale.status).toBe(412);
      const undated = await send(
        "POST",
        `${path}/action-items`,
        { title: "Erledigt ohne Datum", status: "done" },
        decided.headers.get("etag") ?? "",
      );
      expect(undated.status).toBe(400);
      expect(problemOf(undated).errors?.map((e) => e.code)).toContain("done_without_date");

      const item = {
        title: "Einladung zum Fachtag verschicken",
        decisionId: decision.id,
        ownerActorId: osterodeIds.actors.district,
        due: "2020-06-30",
      };
      const tasked = await send<Meeting>(
        "POST",
        `${path}/action-items`,
        item,
        decided.headers.get("etag") ?? "",
      );
      expect(tasked.status, tasked.text).toBe(200);
      const added = tasked.body.actionItems.at(-1)!;
      expect(added).toMatchObject({ ...item, status: "open" });
      expect(added.id).toMatch(/^tsk_/);

      type Open = { items: { meetingId: string; item: { id: string }; overdue: boolean }[] };
      const later = await get<Open>("/api/v1/action-items?as_of=2021-01-01");
      expect(later.body.items.find((i) => i.item.id === added.id)).toMatchObject({
        meetingId: meeting.id,
        overdue: true,
      });
      const earlier = await get<Open>("/api/v1/action-items?as_of=2020-01-01");
      expect(earlier.body.items.find((i) => i.item.id === added.id)?.overdue).toBe(false);
      // Without as_of the app's clock decides.
      const past = t.another({}, { now: () => new Date("2019-01-01T12:00:00Z") });
      const byClock = await past.request<Open>("GET", "/api/v1/action-items", { key: t.keys.viewer });
      expect(byClock.body.items.find((i) => i.item.id === added.id)?.overdue).toBe(false);
      const bad = await t.request("GET", "/api/v1/action-items?as_of=tomorrow", { key: t.keys.viewer });
      expect(bad.status).toBe(400);
    });

    it("lets a partner mark its own action item done, and nothing else of the meeting", async () => {
      const other = osterodeExample.meeting[1]!;
      const otherPath = `/api/v1/meetings/${other.id}`;
      const { etag } = await get<Meeting>(otherPath);
      const added = await send<Meeting>(
        "POST",
        `${otherPath}/action-items`,
        { title: "Angebotsdaten prüfen", ownerActorId: partnerActorId, due: "2020-03-31" },
        etag,
      );
      expect(added.status, added.text).toBe(200);
      const foreign = await send<Meeting>(
        "POST",
        `${otherPath}/action-items`,
        { title: "Fremde Aufgabe", ownerActorId: otherActorId },
        added.headers.get("etag") ?? "",
      );
      const own = added.body.actionItems.at(-1)!;
      const theirs = foreign.body.actionItems.at(-1)!;
      let version = foreign.headers.get("etag") ?? "";

      type Open = { items: { meetingId: string; meetingVersion: number; item: { id: string } }[] };
      const mine = await t.request<Open>("GET", `/api/v1/action-items?owner_actor_id=${partnerActorId}`, {
        key: t.keys.partner,
      });
      expect(mine.status).toBe(200);
      expect(mine.body.items.map((i) => i.item.id)).toEqual([own.id]);
      expect(`"${mine.body.items[0]?.meetingVersion}"`).toBe(version);

      const done = (id: string, key: string, json?: unknown, ifMatch = version) =>
        t.request<Meeting & { actionItems: { id: string; status: string; doneOn?: string }[] }>(
          "POST",
          `${otherPath}/action-items/${id}/done`,
          { key, ...(json === undefined ? {} : { json }), headers: ifMatch ? { "if-match": ifMatch } : {} },
        );
      expect((await done(theirs.id, t.keys.partner)).status).toBe(403);
      expect((await done(own.id, t.keys.viewer)).status).toBe(403);
      expect((await done(own.id, t.keys.partner, undefined, "")).status).toBe(428);
      expect((await done(own.id, t.keys.partner, undefined, '"1"')).status).toBe(412);
      expect((await done("tsk_000000000999", t.keys.partner)).status).toBe(404);
      expect((await done(own.id, t.keys.partner, { doneOn: "2999-01-01" })).status).toBe(400);
      expect((await done(own.id, t.keys.partner, { doneOn: "gestern" })).status).toBe(400);

      const completed = await done(own.id, t.keys.partner, { doneOn: "2020-03-30" });
      expect(completed.status, completed.text).toBe(200);
      const items = completed.body.actionItems;
      expect(items.find((i) => i.id === own.id)).toMatchObject({ status: "done", doneOn: "2020-03-30" });
      expect(items.find((i) => i.id === theirs.id)).toMatchObject({ status: "open" });
      version = completed.headers.get("etag") ?? "";
      expect(version).not.toBe(foreign.headers.get("etag"));

      // The same partner still may not change the meeting or its items otherwise.
      const edit = await t.request("PATCH", otherPath, {
        key: t.keys.partner,
        json: { title: "Umbenannt" },
        headers: { "if-match": version },
      });
      expect(edit.status).toBe(403);
      // A coordinator may complete any item; the history names who did.
      const byCoordinator = await done(theirs.id, t.keys.coordinator);
      expect(byCoordinator.status, byCoordinator.text).toBe(200);
      expect(byCoordinator.body.actionItems.find((i) => i.id === theirs.id)?.status).toBe("done");
      const after = await t.request<Open>("GET", `/api/v1/action-items?owner_actor_id=${partnerActorId}`, {
        key: t.keys.partner,
      });
      expect(after.body.items).toEqual([]);
    });
  });

  describe("agreements", () => {
    const agreement = osterodeExample.agreement.find((a) => a.id === osterodeIds.agreements.cooperation)!;
    const path = `/api/v1/agreements/${agreement.id}`;

    it("adds a signature, replacing the same partner's earlier one", async () => {
      type Agreement = Rec & { signatures: { actorId: string; signedOn: string }[] };
      const { body: before, etag } = await get<Agreement>(path);
      const signature = { actorId: osterodeIds.actors.union, signedOn: "2024-03-01" };
      expect((await send("POST", `${path}/signatures`, signature)).status).toBe(428);
      const signed = await send<Agreement>("POST", `${path}/signatures`, signature, etag);
      expect(signed.status, signed.text).toBe(200);
      const count = before.signatures.filter((s) => s.actorId !== signature.actorId).length + 1;
      expect(signed.body.signatures).toHaveLength(count);
      const resigned = await send<Agreement>(
        "POST",
        `${path}/signatures`,
        { ...signature, signedOn: "2024-04-01" },
        signed.headers.get("etag") ?? "",
      );
      expect(resigned.body.signatures).toHaveLength(count);
      expect(resigned.body.signatures.find((s) => s.actorId === signature.actorId)?.signedOn).toBe(
        "2024-04-01",
      );
      const unknownField = await send("POST", `${path}/signatures`, { ...signature, stamp: true }, '"1"');
      expect(unknownField.status).toBe(400);
    });

    it("lists the goals of an agreement", async () => {
      const { body } = await get<{ items: Rec[] }>(`${path}/goals`);
      const expected = osterodeExample.goal.filter((g) => g.agreementId === agreement.id);
      expect(expected.length).toBeGreaterThan(0);
      expect(body.items.map((g) => g.id).sort()).toEqual(expected.map((g) => g.id).sort());
      const titles = body.items.map((g) => g.title as string);
      expect(titles).toEqual([...titles].sort());
      const missing = await t.request("GET", "/api/v1/agreements/agr_000000000000/goals", {
        key: t.keys.coordinator,
      });
      expect(missing.status).toBe(404);
    });
  });

  describe("standards", () => {
    const standard = osterodeExample.standard[0]!;
    const path = `/api/v1/standards/${standard.id}`;
    type Standard = Rec & {
      adoptions: { actorId: string; status: string }[];
      reviews: { date: string; findings: string }[];
    };

    it("sets an actor's adoption", async () => {
      const { body: before, etag } = await get<Standard>(path);
      const actorId = osterodeIds.actors.grammarSchool;
      const adopted = await send<Standard>(
        "PUT",
        `${path}/adoptions`,
        { actorId, status: "implementing" },
        etag,
      );
      expect(adopted.status, adopted.text).toBe(200);
      const others = before.adoptions.filter((a) => a.actorId !== actorId);
      expect(adopted.body.adoptions).toEqual(
        expect.arrayContaining([...others, { actorId, status: "implementing" }]),
      );
      expect(adopted.body.adoptions).toHaveLength(others.length + 1);
      const wrong = await send("PUT", `${path}/adoptions`, { actorId, status: "maybe" }, '"1"');
      expect(wrong.status).toBe(400);
      const stale = await send("PUT", `${path}/adoptions`, { actorId, status: "implemented" }, etag);
      expect(stale.status).toBe(412);
    });

    it("adds effectiveness reviews in date order", async () => {
      const { etag } = await get(path);
      const late = await send<Standard>(
        "POST",
        `${path}/reviews`,
        { date: "2030-01-01", result: "effective", findings: "Spät" },
        etag,
      );
      expect(late.status, late.text).toBe(200);
      const early = await send<Standard>(
        "POST",
        `${path}/reviews`,
        { date: "2000-01-01", result: "not_assessable", findings: "Früh" },
        late.headers.get("etag") ?? "",
      );
      expect(early.status).toBe(200);
      const dates = early.body.reviews.map((r) => r.date);
      expect(dates).toEqual([...dates].sort());
      expect(early.body.reviews[0]?.findings).toBe("Früh");
      expect(early.body.reviews.at(-1)?.findings).toBe("Spät");
    });
  });

  describe("reconciliation rounds", () => {
    it("lists the responses of a round", async () => {
      for (const round of osterodeExample.reconciliationRound) {
        const { body } = await get<{ items: Rec[] }>(`/api/v1/reconciliation-rounds/${round.id}/responses`);
        const expected = osterodeExample.reconciliationResponse.filter((r) => r.roundId === round.id);
        expect(body.items.map((r) => r.id).sort()).toEqual(expected.map((r) => r.id).sort());
      }
      const missing = await t.request("GET", "/api/v1/reconciliation-rounds/rnd_000000000000/responses", {
        key: t.keys.viewer,
      });
      expect(missing.status).toBe(404);
    });
  });
});
