// The Document entity over real HTTP: its routes come from the registry; references to any record
// are checked like every other reference, and partners see only the documents shared with them.
import { osterodeIds } from "@oha/domain/example";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends, openTestApp, type Page, problemOf, type Rec, type TestApp } from "./harness.js";

const path = "/api/v1/documents";
const meetingId = "mtg_osterode0001";

const input = {
  title: "Einladung zur Netzwerkkonferenz 2024",
  kind: "invitation",
  date: "2024-09-02",
  url: "https://dokumente.example.org/osterode/netzwerkkonferenz-2024-einladung.pdf",
  attachedTo: meetingId,
};

describe.each(backends)("documents on $name", (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp(backend);
  });
  afterAll(() => t?.close());

  const as = (
    key: string,
    method: string,
    url: string,
    json?: unknown,
    headers: Record<string, string> = {},
  ) => t.request<Rec>(method, url, { key, json, headers });
  const coordinator = (method: string, url: string, json?: unknown, headers?: Record<string, string>) =>
    as(t.keys.coordinator, method, url, json, headers);
  const list = (key: string, query = "") => t.request<Page>("GET", `${path}${query}`, { key });

  it("creates, lists and gets a document", async () => {
    const created = await coordinator("POST", path, input);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ ...input, visibility: "internal", version: 1, deleted: false });
    expect(created.body.id).toMatch(/^doc_[0-9A-Za-z]{12}$/);

    const page = await list(t.keys.coordinator, `?attachedTo=${meetingId}`);
    expect(page.status).toBe(200);
    expect(page.body.items.map((d) => d.id)).toContain(created.body.id);
    expect(page.body.items.every((d) => d.attachedTo === meetingId)).toBe(true);

    const got = await coordinator("GET", `${path}/${created.body.id}`);
    expect(got.status).toBe(200);
    expect(got.headers.get("etag")).toBe('"1"');
    expect(got.body).toEqual(created.body);
  });

  it("refuses a link that is not http or https, in German first and in English on request", async () => {
    const german = await coordinator("POST", path, { ...input, url: "Laufwerk S:\\Protokolle\\2024.pdf" });
    expect(german.status).toBe(400);
    const problem = problemOf(german);
    expect(problem.code).toBe("validation_failed");
    expect(problem.title).toBe("Die Eingabe enthält Fehler.");
    const issue = problem.errors?.find((e) => e.path === "url");
    expect(issue?.message).toBe(issue?.messages.de);
    expect(issue?.messages.de).not.toBe(issue?.messages.en);

    const english = problemOf(
      await coordinator(
        "POST",
        path,
        { ...input, url: "ftp://ablage.example.org/a.pdf" },
        { "accept-language": "en" },
      ),
    );
    const englishIssue = english.errors?.find((e) => e.path === "url");
    expect(englishIssue?.message).toBe(englishIssue?.messages.en);
  });

  it("refuses a document attached to a record that does not exist, or to no entity at all", async () => {
    const before = (await list(t.keys.coordinator, "?limit=1")).body.total;
    const missing = await coordinator("POST", path, { ...input, attachedTo: "mtg_000000000000" });
    expect(missing.status).toBe(400);
    expect(problemOf(missing).errors).toEqual([
      expect.objectContaining({
        path: "attachedTo",
        code: "unknown_reference",
        message: "„mtg_000000000000“ verweist auf nichts Bekanntes.",
      }),
    ]);

    const nowhere = await coordinator("POST", path, { ...input, attachedTo: "xyz_000000000000" });
    expect(nowhere.status).toBe(400);
    expect(problemOf(nowhere).errors).toEqual([
      expect.objectContaining({ path: "attachedTo", code: "unknown_reference" }),
    ]);

    const malformed = await coordinator("POST", path, { ...input, attachedTo: "Sitzung 1" });
    expect(malformed.status).toBe(400);
    expect(problemOf(malformed).errors?.[0]?.path).toBe("attachedTo");
    expect((await list(t.keys.coordinator, "?limit=1")).body.total).toBe(before);
  });

  it("treats the attached record's deletion like any other reference's", async () => {
    // A body of its own and a meeting of it, so the example's records stay as they are.
    const meeting = await coordinator("POST", "/api/v1/meetings", {
      bodyId: osterodeIds.bodies.orientationGroup,
      title: "Arbeitskreis Berufsorientierung, Sondersitzung",
      start: "2024-10-01T14:00:00+02:00",
    });
    expect(meeting.status, meeting.text).toBe(201);
    const document = await coordinator("POST", path, {
      ...input,
      attachedTo: meeting.body.id,
      kind: "minutes",
    });
    expect(document.status).toBe(201);

    const deleted = await coordinator("DELETE", `/api/v1/meetings/${meeting.body.id}`, undefined, {
      "if-match": '"1"',
    });
    expect(deleted.status).toBe(200);
    // The document stays, and edits of its other fields still work …
    const edited = await coordinator(
      "PATCH",
      `${path}/${document.body.id}`,
      { title: "Protokoll der Sondersitzung" },
      { "if-match": '"1"' },
    );
    expect(edited.status).toBe(200);
    // … but no new document can be attached to the deleted meeting.
    const another = await coordinator("POST", path, { ...input, attachedTo: meeting.body.id });
    expect(another.status).toBe(400);
    expect(problemOf(another).errors?.[0]).toMatchObject({ path: "attachedTo", code: "unknown_reference" });
  });

  it("lets coordinators write documents, and no partner or viewer", async () => {
    for (const key of [t.keys.partner, t.keys.viewer]) {
      expect((await as(key, "POST", path, { ...input, visibility: "public" })).status).toBe(403);
    }
    const admin = await as(t.keys.admin, "POST", path, input);
    expect(admin.status).toBe(201);
  });

  it("shows partners only the documents shared with partners or the public", async () => {
    const made: Record<string, string> = {};
    for (const visibility of ["internal", "partners", "public"]) {
      const reply = await coordinator("POST", path, {
        ...input,
        title: `Sichtbarkeit ${visibility}`,
        visibility,
      });
      expect(reply.status).toBe(201);
      made[visibility] = reply.body.id;
    }
    const everything = await list(t.keys.coordinator, "?limit=500");
    const forPartner = await list(t.keys.partner, "?limit=500");
    expect(forPartner.status).toBe(200);
    expect(forPartner.body.items.every((d) => d.visibility !== "internal")).toBe(true);
    expect(forPartner.body.total).toBe(
      everything.body.items.filter((d) => d.visibility !== "internal").length,
    );
    expect(forPartner.body.total).toBeLessThan(everything.body.total);
    const partnerIds = forPartner.body.items.map((d) => d.id);
    expect(partnerIds).toContain(made.partners);
    expect(partnerIds).toContain(made.public);
    expect(partnerIds).not.toContain(made.internal);

    // Asking for internal documents by filter finds none, and a single internal one is not found.
    expect((await list(t.keys.partner, "?visibility=internal")).body).toMatchObject({ items: [], total: 0 });
    expect((await list(t.keys.partner, "?visibility=internal,public")).body.items.map((d) => d.id)).toContain(
      made.public,
    );
    const hidden = await as(t.keys.partner, "GET", `${path}/${made.internal}`);
    expect(hidden.status).toBe(404);
    expect(problemOf(hidden).code).toBe("not_found");
    expect((await as(t.keys.partner, "GET", `${path}/${made.internal}/history`)).status).toBe(404);
    expect((await as(t.keys.partner, "GET", `${path}/${made.partners}`)).status).toBe(200);
    expect((await as(t.keys.partner, "GET", `${path}/${made.public}/history`)).status).toBe(200);

    // Viewers belong to the office: they read internal documents too.
    expect((await as(t.keys.viewer, "GET", `${path}/${made.internal}`)).status).toBe(200);
    expect((await list(t.keys.viewer, "?limit=500")).body.total).toBe(everything.body.total);
  });
});
