/**
 * Characters that make a spreadsheet treat a cell as a formula (CSV/formula injection, OWASP):
 * `=`, `+`, `-`, `@`, and tab or carriage return, which some programs strip before looking.
 */
const formulaStart = /^[=+\-@\t\r]/;

/** Neutralises a cell that a spreadsheet would run as a formula by prefixing an apostrophe. */
export function neutralise(value: string): string {
  return formulaStart.test(value) ? `'${value}` : value;
}

/** A cell value as exported: text is neutralised, numbers and booleans stay as they are. */
export type Cell = string | number | boolean | null | undefined;

function csvField(value: Cell, delimiter: string): string {
  if (value === null || value === undefined) return "";
  const text = typeof value === "string" ? neutralise(value) : String(value);
  return /["\r\n]/.test(text) || text.includes(delimiter) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * Builds CSV text: a header row and the rows, every text cell neutralised. German spreadsheet
 * programs expect `;` as the delimiter; the byte-order mark makes them read UTF-8.
 */
export function toCsv(
  header: readonly string[],
  rows: readonly (readonly Cell[])[],
  delimiter = ";",
): string {
  const lines = [header, ...rows].map((row) => row.map((cell) => csvField(cell, delimiter)).join(delimiter));
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

/** Builds an Excel workbook (xlsx) with one sheet; the library is loaded only when someone exports. */
export async function toXlsx(
  sheetName: string,
  header: readonly string[],
  rows: readonly (readonly Cell[])[],
): Promise<Blob> {
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  // Sheet names may not hold : \ / ? * [ ] and are at most 31 characters long.
  const sheet = workbook.addWorksheet(sheetName.replace(/[:\\/?*[\]]/g, " ").slice(0, 31) || "Export");
  sheet.addRow([...header]);
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) {
    sheet.addRow(row.map((cell) => (typeof cell === "string" ? neutralise(cell) : (cell ?? null))));
  }
  sheet.views = [{ state: "frozen", ySplit: 1 }];
  header.forEach((title, i) => {
    const column = sheet.getColumn(i + 1);
    const longest = Math.max(title.length, ...rows.map((row) => String(row[i] ?? "").length));
    column.width = Math.min(60, Math.max(10, longest + 2));
  });
  const buffer = await workbook.xlsx.writeBuffer();
  return new Blob([buffer], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });
}

/** Offers a file to the browser's download. */
export function download(filename: string, content: Blob | string, type = "text/csv;charset=utf-8"): void {
  const blob = typeof content === "string" ? new Blob([content], { type }) : content;
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
