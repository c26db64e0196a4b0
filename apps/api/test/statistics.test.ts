// Official statistics in: the three example files import into a new tenant after a preview; a file
// with a wrong regional key or a broken line is refused with a German message naming the line, and
// nothing is written; a newer vintage adds values beside the old ones instead of duplicating them.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends, openTestApp, type Page, problemOf, type TestApp } from "./harness.js";

const examples = join(
  dirname(fileURLToPath(import.meta.resolve("@oha/domain/package.json"))),
  "examples/statistics",
);
const files = {
  genesis: "12411-01-01-4_beispiel_de_flat.csv",
  ba: "ba-ausbildungsmarkt_beispiel.csv",
  iabe: "iabe-konten_beispiel.csv",
} as const;
const read = (name: string) => readFileSync(join(examples, name), "utf8");

interface Outcome {
  dryRun: boolean;
  preview: {
    format: string;
    importable: boolean;
    vintage: string | null;
    illustrative: boolean;
    recognised: {
      areas: { key: string }[];
      periods: string[];
      units: string[];
      indicators: { code: string }[];
    };
    skipped: { line: number; message: string }[];
    values: unknown[];
    problems: { line: number; message: string }[];
  };
  plan: { newObservations: number; unchanged: number; newIndicators: unknown[]; vintage: string } | null;
  problems: { line: number; message: string }[];
  created: { indicatorIds: string[]; observationIds: string[] } | null;
}

describe.each(backends)("statistics import on $name", (backend) => {
  let t: TestApp;
  let key: string;
  let viewerKey: string;
  beforeAll(async () => {
    t = await openTestApp(backend);
    // A new tenant for the district, with its official key and two municipalities.
    const tenant = await t.store.createTenant(
      {
        name: "Landkreis Osterode am Harz",
        kind: "district",
        keys: [{ system: "district_key", value: "03156" }],
        municipalities: [
          { name: "Osterode am Harz", ags: "03156011" },
          { name: "Herzberg am Harz", ags: "03156009" },
        ],
      },
      "test",
    );
    if (!tenant.ok) throw new Error(tenant.error.message);
    const created = await t.store.apiKeys.create({
      tenantId: tenant.value.id,
      role: "coordinator",
      name: "Statistik",
    });
    if (!created.ok) throw new Error(created.error.message);
    key = created.value.secret;
    const viewer = await t.store.apiKeys.create({ tenantId: tenant.value.id, role: "viewer", name: "Lesen" });
    if (!viewer.ok) throw new Error(viewer.error.message);
    viewerKey = viewer.value.secret;
  });
  afterAll(() => t?.close());

  const upload = (body: Record<string, unknown>, dryRun = false, as = key) =>
    t.request<Outcome>("POST", `/api/v1/statistics/import${dryRun ? "?dry_run=true" : ""}`, {
      key: as,
      json: body,
    });
  const count = async (path: string) => (await t.request<Page>("GET", `${path}?limit=1`, { key })).body.total;

  it("previews each example file: the tenant's area, periods, units, and what it skipped and why", async () => {
    for (const [format, name] of Object.entries(files)) {
      const reply = await upload({ fileName: name, content: read(name) }, true);
      expect(reply.status, reply.text).toBe(200);
      const { preview, plan, created } = reply.body;
      expect(preview.importable, name).toBe(true);
      expect(preview.illustrative).toBe(true);
      expect(preview.recognised.areas.map((a) => a.key)).toEqual(["03156"]);
      expect(preview.recognised.periods.length).toBeGreaterThan(0);
      expect(preview.recognised.units).toEqual(["Anzahl"]);
      expect(plan?.newObservations).toBe(preview.values.length);
      expect(created).toBeNull();
      if (format === "genesis") {
        expect(preview.format).toBe("genesis_flat");
        expect(preview.skipped.map((s) => s.line)).toEqual([2, 6]);
        expect(preview.skipped[0]?.message).toContain("übergeordnetes Gebiet (Niedersachsen)");
      }
      if (format === "ba") expect(preview.vintage).toBe("2023-10-12");
      if (format === "iabe")
        expect(preview.skipped.some((s) => s.message.includes("anonymisiert"))).toBe(true);
    }
    expect(await count("/api/v1/observations")).toBe(0);
  });

  it("imports the three files into the new tenant, keeping source, vintage and regional key", async () => {
    let total = 0;
    for (const name of Object.values(files)) {
      const reply = await upload({ fileName: name, content: read(name) });
      expect(reply.status, reply.text).toBe(200);
      expect(reply.body.created?.observationIds.length).toBe(reply.body.preview.values.length);
      total += reply.body.preview.values.length;
    }
    expect(await count("/api/v1/observations")).toBe(total);
    const unplaced = await t.request<Page>("GET", "/api/v1/indicators?q=BA-UVB", { key });
    const indicator = unplaced.body.items.find((i) => i.code === "BA-UVB");
    expect(indicator).toMatchObject({ source: "Statistik der Bundesagentur für Arbeit", illustrative: true });
    const values = await t.request<Page>(
      "GET",
      `/api/v1/observations?indicatorId=${indicator?.id}&sort=date`,
      { key },
    );
    expect(values.body.items.map((o) => [o.periodLabel, o.value, o.areaKey, o.vintage])).toEqual([
      ["2021/22", 48, "03156", "2023-10-12"],
      ["2022/23", 41, "03156", "2023-10-12"],
    ]);
    expect(String(values.body.items[0]?.source)).toContain("Bewerber für Berufsausbildungsstellen");
  });

  it("does not duplicate a re-import, and adds a newer vintage beside the old one", async () => {
    const before = await count("/api/v1/observations");
    const again = await upload({ fileName: files.ba, content: read(files.ba) });
    expect(again.status).toBe(200);
    expect(again.body.plan?.newObservations).toBe(0);
    expect(again.body.plan?.unchanged).toBe(again.body.preview.values.length);
    expect(await count("/api/v1/observations")).toBe(before);

    const revised = read(files.ba)
      .replace("Erstellungsdatum: 12.10.2023", "Erstellungsdatum: 15.01.2024")
      .replace(
        "03156;Osterode am Harz;2022/23;612;548;41;37",
        "03156;Osterode am Harz;2022/23;612;548;39;37",
      );
    const newer = await upload({ fileName: files.ba, content: revised });
    expect(newer.status, newer.text).toBe(200);
    expect(newer.body.plan).toMatchObject({ vintage: "2024-01-15", newObservations: 1 });
    expect(await count("/api/v1/observations")).toBe(before + 1);
    const unplaced = (await t.request<Page>("GET", "/api/v1/indicators?q=BA-UVB", { key })).body.items.find(
      (i) => i.code === "BA-UVB",
    );
    const values = await t.request<Page>(
      "GET",
      `/api/v1/observations?indicatorId=${unplaced?.id}&sort=vintage`,
      { key },
    );
    expect(
      values.body.items.filter((o) => o.periodLabel === "2022/23").map((o) => [o.value, o.vintage]),
    ).toEqual([
      [41, "2023-10-12"],
      [39, "2024-01-15"],
    ]);
  });

  it("refuses a file with another district's key, naming the line in German, and writes nothing", async () => {
    const before = [await count("/api/v1/indicators"), await count("/api/v1/observations")];
    const foreign = read(files.genesis).replace(
      "03156;Osterode am Harz, Landkreis;GES;Geschlecht;GESM;männlich;36188",
      "03159;Göttingen, Landkreis;GES;Geschlecht;GESM;männlich;36188",
    );
    const reply = await upload({
      fileName: "12411-01-01-4_de_flat.csv",
      content: foreign,
      vintage: "2024-06-01",
    });
    expect(reply.status).toBe(409);
    const problem = problemOf(reply);
    expect(problem.code).toBe("import_refused");
    expect(problem.detail).toBe(
      "Zeile 8: Der Regionalschlüssel 03159 (Göttingen, Landkreis) gehört nicht zu Landkreis Osterode am Harz (Schlüssel 03156). Bitte die Tabelle für das eigene Gebiet herunterladen.",
    );
    expect(problem.errors?.[0]?.messages.en).toContain("Line 8");
    expect([await count("/api/v1/indicators"), await count("/api/v1/observations")]).toEqual(before);
  });

  it("refuses a broken line and a figure that is no number, naming the lines, and writes nothing", async () => {
    const before = [await count("/api/v1/indicators"), await count("/api/v1/observations")];
    const broken = read(files.iabe)
      .replace("03156;Osterode am Harz;2023;II;Insgesamt;455", "03156;Osterode am Harz;2023;II;Insgesamt")
      .replace(";96\n", ";9x6\n");
    const preview = await upload({ fileName: files.iabe, content: broken, vintage: "2024-07-01" }, true);
    expect(preview.status).toBe(200);
    expect(preview.body.preview.importable).toBe(false);
    expect(preview.body.preview.problems.map((p) => p.message)).toEqual([
      "Zeile 7: Die Zeile hat 5 statt 6 Felder.",
      "Zeile 9: „9x6“ ist keine Zahl.",
    ]);
    const reply = await upload({ fileName: files.iabe, content: broken, vintage: "2024-07-01" });
    expect(reply.status).toBe(409);
    expect(problemOf(reply).detail).toBe("Zeile 7: Die Zeile hat 5 statt 6 Felder.");
    expect([await count("/api/v1/indicators"), await count("/api/v1/observations")]).toEqual(before);
  });

  it("reads Windows-1252 files sent as Base64, and lets only those who may record figures import", async () => {
    // Windows-1252: Latin-1 plus the typographic characters in 0x80–0x9F.
    const cp1252: Record<string, number> = { "–": 0x96, "„": 0x84, "“": 0x93 };
    const bytes = [...read(files.iabe)]
      .map((ch) => String.fromCharCode(cp1252[ch] ?? ch.charCodeAt(0)))
      .join("");
    const preview = await upload({ fileName: files.iabe, contentBase64: btoa(bytes) }, true);
    expect(preview.status).toBe(200);
    expect(preview.body.preview.recognised.indicators.map((i) => i.code)).toContain(
      "IABE-II-part_time_without_contract",
    );
    const refused = await upload({ fileName: files.ba, content: read(files.ba) }, false, viewerKey);
    expect(refused.status).toBe(403);
    const empty = await upload({ fileName: files.ba });
    expect(empty.status).toBe(400);
  });
});
