import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { osterodeExample } from "../example/index.js";
import { matchArea, parseFigure, parsePeriod, regionKeysOf } from "./collect.js";
import { decodeStatisticsFile, readCsv } from "./csv.js";
import { planStatisticsImport } from "./plan.js";
import { previewStatistics } from "./preview.js";

const region = osterodeExample.region[0] as (typeof osterodeExample.region)[number];
const example = (name: string) =>
  readFileSync(new URL(`../../examples/statistics/${name}`, import.meta.url), "utf8");

describe("reading CSV", () => {
  it("numbers records by the line they start on, also across quoted line breaks", () => {
    const records = readCsv('a;b\r\n"x\ny";"say ""hi"""\n\n1;2');
    expect(records.map((r) => [r.line, r.cells])).toEqual([
      [1, ["a", "b"]],
      [2, ["x\ny", 'say "hi"']],
      [4, [""]],
      [5, ["1", "2"]],
    ]);
    expect(readCsv('1;"open')[0]?.problem).toContain("unclosed quote");
  });

  it("decodes UTF-8 and falls back to Windows-1252", () => {
    expect(decodeStatisticsFile(new TextEncoder().encode("\uFEFFGöttingen"))).toBe("Göttingen");
    expect(decodeStatisticsFile(Uint8Array.from([0x47, 0xf6, 0x96]))).toBe("Gö–");
  });
});

describe("periods, figures and areas", () => {
  const calendar = { yearEnd: "12-31", splitYearEnd: "07-31" };
  it("reads years, school and reporting years, months and days", () => {
    expect(parsePeriod("2023", calendar)).toEqual({ date: "2023-12-31", label: "2023" });
    expect(parsePeriod("2022/23", calendar)).toEqual({ date: "2023-07-31", label: "2022/23" });
    expect(parsePeriod("2022/23", { yearEnd: "09-30", splitYearEnd: "09-30" })?.date).toBe("2023-09-30");
    expect(parsePeriod("31.12.2015", calendar)).toEqual({ date: "2015-12-31", label: "31.12.2015" });
    expect(parsePeriod("2024-02", calendar)?.date).toBe("2024-02-29");
    expect(parsePeriod("2022/24", calendar)).toBeUndefined();
    expect(parsePeriod("31.02.2023", calendar)).toBeUndefined();
  });

  it("reads German and English figures and the signs for missing values", () => {
    expect(parseFigure("1.234,5", true)).toEqual({ kind: "number", value: 1234.5 });
    expect(parseFigure("1,234.5", false)).toEqual({ kind: "number", value: 1234.5 });
    expect(parseFigure("-", true)).toEqual({ kind: "number", value: 0 });
    expect(parseFigure(".", true)).toEqual({ kind: "sign", sign: "." });
    expect(parseFigure("*", true)).toEqual({ kind: "sign", sign: "*" });
    expect(parseFigure("12a", true)).toEqual({ kind: "invalid" });
  });

  it("tells the tenant's own keys from larger areas and other districts", () => {
    const keys = regionKeysOf(region);
    expect(matchArea("03156", keys)).toEqual({ kind: "own", areaKey: "03156" });
    expect(matchArea("3156", keys)).toEqual({ kind: "own", areaKey: "03156" });
    expect(matchArea("03156011", keys)).toEqual({ kind: "own", areaKey: "03156011" });
    expect(matchArea("031560011011", keys)).toEqual({ kind: "own", areaKey: "03156011" });
    expect(matchArea("03", keys)).toEqual({ kind: "parent" });
    expect(matchArea("DG", keys)).toEqual({ kind: "parent" });
    expect(matchArea("03159", keys)).toEqual({ kind: "foreign" });
    expect(matchArea("05", keys)).toEqual({ kind: "foreign" });
    expect(matchArea("0315X", keys)).toEqual({ kind: "invalid" });
  });
});

describe("previewStatistics", () => {
  it("recognises the three example files and what they hold", () => {
    const genesis = previewStatistics(example("12411-01-01-4_beispiel_de_flat.csv"), {
      region,
      fileName: "12411-01-01-4_beispiel_de_flat.csv",
    });
    expect(genesis).toMatchObject({
      format: "genesis_flat",
      importable: true,
      illustrative: true,
      vintage: null,
    });
    expect(genesis.sourceTable).toMatch(/^12411-01-01-4 \(12411 Fortschreibung/);
    expect(genesis.recognised.indicators.map((i) => i.code)).toEqual([
      "12411-BEVSTD",
      "12411-BEVSTD-GESM",
      "12411-BEVSTD-GESW",
    ]);
    expect(genesis.values.find((v) => v.indicatorCode === "12411-BEVSTD")).toMatchObject({
      value: 74367,
      date: "2014-12-31",
      areaKey: "03156",
      line: 3,
    });
    const ba = previewStatistics(example("ba-ausbildungsmarkt_beispiel.csv"), { region });
    expect(ba).toMatchObject({ format: "ba_training_market", importable: true, vintage: "2023-10-12" });
    expect(
      ba.values.filter((v) => v.indicatorCode === "BA-UVB").map((v) => [v.periodLabel, v.date, v.value]),
    ).toEqual([
      ["2021/22", "2022-09-30", 48],
      ["2022/23", "2023-09-30", 41],
    ]);
    const iabe = previewStatistics(example("iabe-konten_beispiel.csv"), { region, vintage: "01.04.2024" });
    expect(iabe).toMatchObject({ format: "iabe_accounts", importable: true, vintage: "2024-04-01" });
    expect(iabe.values.find((v) => v.iabeAccount === "bvj")).toMatchObject({ iabeSector: "II", value: 96 });
    expect(iabe.skipped.find((s) => s.line === 12)?.reason.de).toContain("anonymisiert");
  });

  it("refuses other districts' keys, broken lines, unknown formats and regions without keys, naming the line", () => {
    const foreign = previewStatistics(
      example("ba-ausbildungsmarkt_beispiel.csv").replace(
        "03156;Osterode am Harz;2022/23",
        "03159;Göttingen;2022/23",
      ),
      { region, locale: "en" },
    );
    expect(foreign.importable).toBe(false);
    expect(foreign.problems).toHaveLength(1);
    expect(foreign.problems[0]).toMatchObject({ line: 12, code: "wrong_region_key" });
    expect(foreign.problems[0]?.message).toMatch(/^Line 12: the regional key 03159 \(Göttingen\)/);
    expect(foreign.problems[0]?.messages.de).toMatch(/^Zeile 12: Der Regionalschlüssel 03159/);
    expect(previewStatistics("Name;Wert\nA;1", { region }).problems[0]?.code).toBe("unknown_format");
    expect(previewStatistics("", { region }).problems[0]?.code).toBe("empty_file");
    const keyless = previewStatistics(example("iabe-konten_beispiel.csv"), {
      region: { ...region, keys: [], municipalities: [] },
    });
    expect(keyless.problems[0]?.code).toBe("no_region_keys");
    expect(
      previewStatistics(example("iabe-konten_beispiel.csv"), { region, vintage: "bald" }).problems[0]?.code,
    ).toBe("invalid_vintage");
  });
});

describe("planStatisticsImport", () => {
  const preview = previewStatistics(example("ba-ausbildungsmarkt_beispiel.csv"), { region });
  const empty = { indicator: [], observation: [] };

  it("creates indicators and observations, and finds nothing to do the second time", () => {
    const first = planStatisticsImport(preview, empty, { defaultVintage: "2024-06-01" });
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    expect(first.value.indicators.map((i) => i.code)).toEqual(["BA-BEW", "BA-BAS", "BA-UVB", "BA-UBS"]);
    expect(first.value.observations).toHaveLength(8);
    expect(first.value.observations[0]?.input).toMatchObject({
      vintage: "2023-10-12",
      areaKey: "03156",
      illustrative: true,
    });
    // As if written: the same file again changes nothing.
    const indicator = first.value.indicators.map((input, n) => ({
      ...input,
      id: `ind_${String(n).padStart(12, "0")}`,
      version: 1,
      createdAt: "2024-06-01T00:00:00Z",
      updatedAt: "2024-06-01T00:00:00Z",
      deleted: false,
      frequency: "yearly" as const,
      illustrative: true,
    }));
    const idOf = new Map(indicator.map((i) => [i.code, i.id]));
    const observation = first.value.observations.map((o, n) => ({
      ...o.input,
      indicatorId: idOf.get(o.indicatorCode) ?? "",
      id: `obs_${String(n).padStart(12, "0")}`,
      version: 1,
      createdAt: "2024-06-01T00:00:00Z",
      updatedAt: "2024-06-01T00:00:00Z",
      deleted: false,
      provisional: o.input.provisional ?? false,
      illustrative: true,
    }));
    const stored = { indicator, observation } as unknown as Parameters<typeof planStatisticsImport>[1];
    const second = planStatisticsImport(preview, stored, { defaultVintage: "2024-07-01" });
    expect(second.ok && [second.value.observations.length, second.value.unchanged.length]).toEqual([0, 8]);
    // The same vintage with another figure is refused, naming the line.
    const changed = previewStatistics(
      example("ba-ausbildungsmarkt_beispiel.csv").replace("612;548;41;37", "612;548;40;37"),
      { region },
    );
    const conflict = planStatisticsImport(changed, stored, { defaultVintage: "2024-07-01" });
    expect(conflict.ok).toBe(false);
    if (!conflict.ok) expect(conflict.error.message).toMatch(/^Zeile 12: Für Unversorgte Bewerber/);
    // A newer vintage with another figure is added beside the old one.
    const newer = planStatisticsImport(changed, stored, { defaultVintage: "2024-07-01" });
    expect(newer.ok).toBe(false);
    const revised = previewStatistics(
      example("ba-ausbildungsmarkt_beispiel.csv").replace("612;548;41;37", "612;548;40;37"),
      { region, vintage: "2024-01-15" },
    );
    const added = planStatisticsImport(revised, stored, { defaultVintage: "2024-07-01" });
    expect(added.ok && added.value.observations.map((o) => [o.line, o.input.value, o.input.vintage])).toEqual(
      [[12, 40, "2024-01-15"]],
    );
  });

  it("refuses a preview that is not importable", () => {
    const broken = previewStatistics("statistics_code;time\n1", { region });
    const plan = planStatisticsImport(broken, empty, { defaultVintage: "2024-06-01" });
    expect(plan.ok).toBe(false);
    if (!plan.ok) expect(plan.error.code).toBe("import_refused");
  });
});
