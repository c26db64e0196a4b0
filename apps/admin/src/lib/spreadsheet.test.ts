// @vitest-environment node
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { neutralise, toCsv, toXlsx } from "./spreadsheet.js";

describe("export cells", () => {
  it("neutralises cells that a spreadsheet would run as a formula", () => {
    for (const value of ["=SUM(A1:A2)", "+49 551", "-1", "@cmd", "\t=1", "\r=1"]) {
      expect(neutralise(value)).toBe(`'${value}`);
    }
    for (const value of ["Jobcenter", "", "1+1", "a=b"]) expect(neutralise(value)).toBe(value);
  });

  it("writes CSV with a byte-order mark, semicolons, quoting and neutralised text", () => {
    const csv = toCsv(
      ["Name", "Notiz"],
      [
        ["BBS; Osterode", 'sagt "hallo"'],
        ['=HYPERLINK("x")', -5],
        [null, true],
      ],
    );
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(csv.slice(1).split("\r\n")).toEqual([
      "Name;Notiz",
      '"BBS; Osterode";"sagt ""hallo"""',
      '"\'=HYPERLINK(""x"")";-5',
      ";true",
      "",
    ]);
  });

  it("writes an Excel workbook whose text cells are neutralised and numbers stay numbers", async () => {
    const blob = await toXlsx(
      "Maßnahmen: Liste",
      ["Titel", "Plätze"],
      [
        ["@SUM(1)", 12],
        ["Praktikum", 3],
      ],
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await blob.arrayBuffer());
    const sheet = workbook.worksheets[0];
    expect(sheet?.name).toBe("Maßnahmen  Liste");
    expect(sheet?.getCell("A1").value).toBe("Titel");
    expect(sheet?.getCell("A2").value).toBe("'@SUM(1)");
    expect(sheet?.getCell("B2").value).toBe(12);
    expect(sheet?.getCell("A3").value).toBe("Praktikum");
  });
});
