/** One record of a CSV file with the line it starts on (1-based), as a person sees it in an editor. */
export interface CsvRecord {
  readonly line: number;
  readonly cells: readonly string[];
  /** A syntax problem the CSV reader reported for this record (e.g. an unclosed quote). */
  readonly problem?: string;
}

/**
 * Decodes the bytes of a statistics file: UTF-8 (with or without byte order mark) when they are
 * valid UTF-8, otherwise Windows-1252, the encoding older exports and spreadsheet programs write.
 *
 * @example
 * decodeStatisticsFile(new TextEncoder().encode("statistics_code;…")); // "statistics_code;…"
 */
export function decodeStatisticsFile(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    // Decoded by hand: runtimes disagree on "windows-1252" (Node treats it as ISO-8859-1).
    let out = "";
    for (const byte of bytes)
      out += String.fromCharCode(byte >= 0x80 && byte < 0xa0 ? (cp1252[byte - 0x80] ?? byte) : byte);
    return out;
  }
}

/** Windows-1252's characters for the bytes 0x80–0x9F (undefined bytes stay as they are). */
const cp1252 = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d,
  0x017d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a,
  0x0153, 0x9d, 0x017e, 0x0178,
];

/** Guesses the delimiter from the first lines: semicolon (the German default), comma or tab. */
function delimiterOf(text: string): string {
  const head = text.split(/\r?\n/, 20).join("\n");
  const count = (c: string) => head.split(c).length - 1;
  const candidates = [";", "\t", ","].map((c) => [c, count(c)] as const);
  const [best] = [...candidates].sort((a, b) => b[1] - a[1]);
  return best && best[1] > 0 ? best[0] : ";";
}

/**
 * Reads CSV text into records with their line numbers (RFC 4180: quoted fields may hold
 * delimiters, doubled quotes and line breaks; the line of a record is the line it starts on).
 * Hand-written on purpose: the domain has no runtime dependencies and runs in browsers and edge
 * runtimes, and the CSV libraries at hand carry Node stream code or a Buffer polyfill.
 */
export function readCsv(text: string): CsvRecord[] {
  const source = text.replace(/^\uFEFF/, "");
  const delimiter = delimiterOf(source);
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = "";
  let line = 1;
  let start = 1;
  let problem: string | undefined;
  const endCell = () => {
    cells.push(cell.trim());
    cell = "";
  };
  const endRecord = () => {
    endCell();
    records.push({ line: start, cells, ...(problem ? { problem } : {}) });
    cells = [];
    problem = undefined;
  };
  let inQuotes = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i] as string;
    if (inQuotes) {
      if (ch === '"') {
        if (source[i + 1] === '"') {
          cell += '"';
          i += 1;
        } else inQuotes = false;
      } else {
        if (ch === "\n") line += 1;
        cell += ch;
      }
      continue;
    }
    if (ch === '"' && cell.trim() === "") {
      inQuotes = true;
      cell = "";
    } else if (ch === delimiter) {
      endCell();
    } else if (ch === "\r" || ch === "\n") {
      if (ch === "\r" && source[i + 1] === "\n") i += 1;
      endRecord();
      line += 1;
      start = line;
    } else cell += ch;
  }
  if (inQuotes) problem = "Anführungszeichen nicht geschlossen / unclosed quote";
  if (cell !== "" || cells.length > 0 || problem) endRecord();
  return records;
}

/** Whether a record holds nothing but empty cells. */
export const isBlank = (record: CsvRecord) => record.cells.every((c) => c === "");
