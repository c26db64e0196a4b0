// Reads PDFs the way a person's tools do: poppler's pdfinfo and pdftotext (poppler-utils).
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const folder = mkdtempSync(join(tmpdir(), "oha-reports-"));
let counter = 0;

/** Writes PDF bytes to a temporary file and returns its path. */
export function save(bytes: Uint8Array, name = "document"): string {
  counter += 1;
  const file = join(folder, `${name}-${counter}.pdf`);
  writeFileSync(file, bytes);
  return file;
}

/** `pdfinfo [args] file`. */
export function pdfinfo(file: string, ...args: string[]): string {
  return execFileSync("pdfinfo", [...args, file], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
}

/** The text of a PDF as pdftotext extracts it, with runs of white space (also non-breaking) as one space. */
export function pdftotext(file: string): string {
  const text = execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  return normalise(text);
}

/** Collapses white space, the non-breaking space included. */
export const normalise = (text: string) => text.replace(/[\s\u00a0]+/g, " ").trim();

/** One element of the structure tree as `pdfinfo -struct-text` prints it. */
export interface StructNode {
  readonly type: string;
  readonly text: string;
  readonly children: StructNode[];
}

/** The logical structure tree of a tagged PDF, from `pdfinfo -struct-text`. */
export function structure(file: string): StructNode {
  const root = { type: "root", text: "", children: [] as StructNode[] };
  const stack: { indent: number; node: { type: string; text: string; children: StructNode[] } }[] = [
    { indent: -1, node: root },
  ];
  for (const line of pdfinfo(file, "-struct-text").split("\n")) {
    const indent = line.length - line.trimStart().length;
    const trimmed = line.trim();
    if (!trimmed || trimmed.startsWith("/")) continue;
    while (stack.length > 1 && (stack[stack.length - 1]?.indent ?? -1) >= indent) stack.pop();
    const parent = stack[stack.length - 1]?.node ?? root;
    if (trimmed.startsWith('"')) {
      parent.text += trimmed.replace(/^"|"$/g, "");
      continue;
    }
    const type = /^([A-Za-z0-9]+)/.exec(trimmed)?.[1] ?? trimmed;
    const node = { type, text: "", children: [] as StructNode[] };
    parent.children.push(node);
    stack.push({ indent, node });
  }
  return root;
}

/** All nodes of a type, depth first. */
export function findAll(node: StructNode, type: string): StructNode[] {
  const out: StructNode[] = [];
  const walk = (n: StructNode) => {
    if (n.type === type) out.push(n);
    for (const c of n.children) walk(c);
  };
  walk(node);
  return out;
}

/** The text of a node and everything below it. */
export function textOf(node: StructNode): string {
  return normalise([node.text, ...node.children.map(textOf)].join(" "));
}

/** The table rows of a structure tree as lists of cell texts. */
export function tableRows(node: StructNode): string[][] {
  return findAll(node, "TR").map((row) => row.children.map(textOf));
}

/** The raw bytes of a file as Latin-1 text, for looking at PDF objects. */
export function raw(file: string): string {
  return readFileSync(file).toString("latin1");
}
