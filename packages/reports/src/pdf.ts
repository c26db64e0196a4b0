import type { ChartBlock, ReportBlock, ReportDocument, ReportSection } from "@oha/domain";
import PDFDocument from "pdfkit";
import "./pdfkit-types.js";
import { drawChart, measureChart } from "./charts.js";
import { font } from "./fonts.js";
import { fontSize, palette, space } from "./style.js";

/** How a document is printed: the district's logo, the production date. */
export interface PdfOptions {
  /** The district's logo (PNG or JPEG), printed at the top of the first page. */
  readonly logo?: Uint8Array | undefined;
  /** The creation date written into the file (default now). */
  readonly now?: Date | undefined;
}

const languageTag = { de: "de-DE", en: "en-GB" } as const;
// @types/pdfkit 0.17 lists only the PDF/A subsets; PDFKit itself also identifies PDF/UA-1.
const pdfUa = "PDF/UA" as unknown as PDFKit.Mixins.PDFSubsets;
const xml = (s: string) => s.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
// PDFKit writes the document information into the XMP packet unescaped.
const xmpSafe = (s: string) => s.replaceAll("&", "+").replaceAll("<", "‹").replaceAll(">", "›");

type Doc = PDFKit.PDFDocument;
type Element = PDFKit.PDFStructureElement;

/**
 * Renders a document model of @oha/domain as a tagged PDF (PDF/UA-1 identification): a structure
 * tree in reading order with sections, headings, paragraphs, lists, tables with header cells and
 * figures with alternative text; document language, title (shown in the viewer's title bar),
 * author, subject and keywords; embedded fonts; page headers and footers marked as artifacts.
 *
 * @example
 * const bytes = await renderPdf(report.value, { logo: await readFile("wappen.png") });
 */
export function renderPdf(
  document: ReportDocument,
  options: PdfOptions = {},
): Promise<Uint8Array<ArrayBuffer>> {
  const doc: Doc = new PDFDocument({
    size: "A4",
    margins: { top: space.marginTop, bottom: space.marginBottom, left: space.marginX, right: space.marginX },
    pdfVersion: "1.7",
    tagged: true,
    subset: pdfUa,
    lang: languageTag[document.lang],
    displayTitle: true,
    bufferPages: true,
    info: {
      Title: xmpSafe(document.title),
      Author: xmpSafe(document.author),
      Subject: xmpSafe(document.subject),
      Keywords: xmpSafe(document.keywords.join(", ")),
      Creator: "OHA",
      CreationDate: options.now ?? new Date(),
    },
  });
  doc.appendXML(
    `<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:language><rdf:Bag><rdf:li>${languageTag[document.lang]}</rdf:li></rdf:Bag></dc:language><dc:publisher><rdf:Bag><rdf:li>${xml(document.issuer)}</rdf:li></rdf:Bag></dc:publisher></rdf:Description>`,
  );
  const chunks: Uint8Array[] = [];
  const done = new Promise<Uint8Array<ArrayBuffer>>((resolve, reject) => {
    doc.on("data", (chunk: Uint8Array) => chunks.push(chunk));
    doc.on("end", () => {
      const size = chunks.reduce((sum, c) => sum + c.length, 0);
      const out = new Uint8Array(size);
      let offset = 0;
      for (const c of chunks) {
        out.set(c, offset);
        offset += c.length;
      }
      resolve(out);
    });
    doc.on("error", reject);
  });

  const root = doc.struct("Document");
  doc.addStructure(root);
  titleBlock(doc, root, document, options.logo);
  for (const section of document.sections) renderSection(doc, root, section, 2, document.lang);
  root.end();
  pageFurniture(doc, document);
  doc.end();
  return done;
}

function titleBlock(doc: Doc, root: Element, document: ReportDocument, logo: Uint8Array | undefined) {
  const left = doc.page.margins.left;
  const width = contentWidth(doc);
  const top = doc.y;
  if (logo) {
    const box: [number, number, number, number] = [left + width - 90, top, left + width, top + 60];
    root.add(
      doc.struct("Figure", { alt: `Logo: ${document.issuer}`, bbox: box, placement: "Block" }, () => {
        doc.image(Buffer.from(logo), box[0], box[1], { fit: [90, 60], align: "right" });
      }),
    );
    doc.x = left;
    doc.y = top;
  }
  const textWidth = logo ? width - 100 : width;
  root.add(
    doc.struct("P", {}, () => {
      doc
        .font(font.bold)
        .fontSize(fontSize.small)
        .fillColor(palette.accent)
        .text(`${document.issuer} `, left, top, { width: textWidth });
    }),
  );
  doc.moveDown(0.4);
  root.add(
    doc.struct("H1", {}, () => {
      doc
        .font(font.bold)
        .fontSize(fontSize.title)
        .fillColor(palette.text)
        .text(`${document.title} `, { width: textWidth });
    }),
  );
  if (document.subtitle) {
    doc.moveDown(0.3);
    root.add(
      doc.struct("P", {}, () => {
        doc
          .font(font.regular)
          .fontSize(fontSize.lead)
          .fillColor(palette.muted)
          .text(`${document.subtitle} `, { width: textWidth });
      }),
    );
  }
  doc.moveDown(0.3);
  root.add(
    doc.struct("P", {}, () => {
      const date = new Date(`${document.date}T12:00:00Z`).toLocaleDateString(languageTag[document.lang], {
        day: "numeric",
        month: "long",
        year: "numeric",
        timeZone: "UTC",
      });
      doc
        .font(font.regular)
        .fontSize(fontSize.small)
        .fillColor(palette.muted)
        .text(`${document.author} · ${date} `, { width: textWidth });
    }),
  );
  doc.moveDown(1);
  rule(doc);
}

/** A horizontal line across the text width, marked as a layout artifact. */
function rule(doc: Doc) {
  const y = doc.y;
  doc.markContent("Artifact", { type: "Layout" });
  doc
    .save()
    .moveTo(doc.page.margins.left, y)
    .lineTo(doc.page.width - doc.page.margins.right, y)
    .lineWidth(0.5)
    .strokeColor(palette.grid)
    .stroke()
    .restore();
  doc.endMarkedContent();
  doc.y = y + space.block;
}

const contentWidth = (doc: Doc) => doc.page.width - doc.page.margins.left - doc.page.margins.right;
const room = (doc: Doc) => doc.page.maxY() - doc.y;

/** Starts a new page unless `height` points still fit below the cursor. */
function keepTogether(doc: Doc, height: number) {
  if (room(doc) < height) doc.addPage();
}

function renderSection(
  doc: Doc,
  parent: Element,
  section: ReportSection,
  level: 2 | 3 | 4,
  lang: "de" | "en",
) {
  const sect = doc.struct("Sect", { title: section.title });
  parent.add(sect);
  keepTogether(doc, level === 2 ? 120 : 80);
  doc.x = doc.page.margins.left;
  if (level === 2) doc.moveDown(0.6);
  const size = level === 2 ? fontSize.h2 : level === 3 ? fontSize.h3 : fontSize.h4;
  sect.add(
    doc.struct(`H${level}`, {}, () => {
      doc
        .font(font.bold)
        .fontSize(size)
        .fillColor(level === 2 ? palette.accent : palette.text)
        .text(`${section.title} `, { width: contentWidth(doc) });
    }),
  );
  doc.moveDown(0.4);
  for (const block of section.blocks) renderBlock(doc, sect, block, level, lang);
  for (const child of section.sections) renderSection(doc, sect, child, level === 2 ? 3 : 4, lang);
  sect.end();
}

function renderBlock(doc: Doc, sect: Element, block: ReportBlock, level: number, lang: "de" | "en") {
  doc.x = doc.page.margins.left;
  const width = contentWidth(doc);
  switch (block.type) {
    case "heading": {
      keepTogether(doc, 60);
      const tag = level >= 3 ? "H5" : "H4";
      sect.add(
        doc.struct(tag, {}, () => {
          doc.font(font.bold).fontSize(fontSize.h4).fillColor(palette.text).text(`${block.text} `, { width });
        }),
      );
      doc.moveDown(0.3);
      return;
    }
    case "paragraph": {
      const face = block.style === "note" ? font.italic : font.regular;
      const size =
        block.style === "lead" ? fontSize.lead : block.style === "note" ? fontSize.small : fontSize.body;
      const color = block.style === "note" ? palette.muted : palette.text;
      for (const text of block.text.split(/\n+/).filter(Boolean)) {
        sect.add(
          doc.struct("P", {}, () => {
            doc.font(face).fontSize(size).fillColor(color).text(`${text} `, { width, lineGap: 1.5 });
          }),
        );
        doc.moveDown(0.5);
      }
      return;
    }
    case "list": {
      const list = doc.struct("L");
      sect.add(list);
      doc.font(font.regular).fontSize(fontSize.body).fillColor(palette.text);
      doc.list(
        block.items.map((item) => `${item} `),
        {
          structParent: list,
          width: width - 16,
          listType: block.ordered ? "numbered" : "bullet",
          bulletRadius: 1.8,
          textIndent: 12,
          indent: 12,
          lineGap: 1.5,
          paragraphGap: 3,
        },
      );
      list.end();
      doc.moveDown(0.5);
      return;
    }
    case "facts":
      caption(doc, sect, block.caption);
      table(
        doc,
        sect,
        block.items.map((item) => [
          { text: item.label, header: true, scope: "Row" as const },
          { text: item.value, header: false },
        ]),
        [contentWidth(doc) * 0.45, contentWidth(doc) * 0.55],
        ["left", "left"],
      );
      return;
    case "table": {
      caption(doc, sect, block.caption);
      if (block.rows.length === 0) {
        sect.add(
          doc.struct("P", {}, () => {
            doc
              .font(font.italic)
              .fontSize(fontSize.small)
              .fillColor(palette.muted)
              .text(`${block.empty ?? "–"} `, { width });
          }),
        );
        doc.moveDown(0.6);
        return;
      }
      const widths = columnWidths(
        doc,
        block.columns.map((c) => c.label),
        block.rows,
      );
      table(
        doc,
        sect,
        [
          block.columns.map((c) => ({ text: c.label, header: true, scope: "Column" as const })),
          ...block.rows.map((row) =>
            row.map((text, i) => ({ text, header: block.rowHeaders && i === 0, scope: "Row" as const })),
          ),
        ],
        widths,
        block.columns.map((c) => c.align),
      );
      return;
    }
    case "chart":
      chart(doc, sect, block, lang);
      return;
  }
}

function caption(doc: Doc, sect: Element, text: string) {
  keepTogether(doc, 70);
  sect.add(
    doc.struct("P", {}, () => {
      doc
        .font(font.bold)
        .fontSize(fontSize.small)
        .fillColor(palette.text)
        .text(`${text} `, { width: contentWidth(doc) });
    }),
  );
  doc.moveDown(0.25);
}

interface Cell {
  readonly text: string;
  readonly header: boolean;
  readonly scope?: "Row" | "Column";
}

/**
 * Column widths: every column gets at least its longest word (so no word is broken), the rest of
 * the width goes to the columns in proportion to how much longer their texts are.
 */
function columnWidths(doc: Doc, labels: readonly string[], rows: readonly (readonly string[])[]): number[] {
  const total = contentWidth(doc);
  const padding = 10;
  const measure = (face: string, text: string) => {
    doc.font(face).fontSize(fontSize.table);
    const words = text.split(/\s+/);
    return {
      word: Math.max(0, ...words.map((w) => doc.widthOfString(w))),
      full: Math.min(doc.widthOfString(text), 280),
    };
  };
  const columns = labels.map((label, i) => {
    const head = measure(font.bold, label);
    let word = head.word;
    let full = head.full;
    for (const row of rows.slice(0, 200)) {
      const cell = measure(font.regular, row[i] ?? "");
      word = Math.max(word, cell.word);
      full = Math.max(full, cell.full);
    }
    return { min: Math.min(word, 150) + padding, preferred: full + padding };
  });
  const minimum = columns.reduce((sum, c) => sum + c.min, 0);
  const preferred = columns.reduce((sum, c) => sum + c.preferred, 0);
  if (preferred <= total) return columns.map((c) => (c.preferred / preferred) * total);
  if (minimum >= total) return columns.map((c) => (c.min / minimum) * total);
  const extra = preferred - minimum;
  return columns.map((c) => c.min + ((c.preferred - c.min) / extra) * (total - minimum));
}

function table(
  doc: Doc,
  sect: Element,
  rows: readonly (readonly Cell[])[],
  widths: readonly number[],
  align: readonly ("left" | "right")[],
) {
  const width = contentWidth(doc);
  doc.font(font.regular).fontSize(fontSize.table).fillColor(palette.text);
  doc.table({
    structParent: sect,
    position: { x: doc.page.margins.left, y: doc.y },
    maxWidth: width,
    columnStyles: widths.map((w) => ({ width: w })),
    defaultStyle: { border: 0, padding: [3, 4, 3, 4] },
    data: rows.map((row, r) =>
      row.map((cell, i) => ({
        text: cell.text,
        type: cell.header ? ("TH" as const) : ("TD" as const),
        ...(cell.header && cell.scope ? { scope: cell.scope } : {}),
        font: { src: cell.header ? font.bold : font.regular, size: fontSize.table },
        align: { x: align[i] ?? "left", y: "top" as const },
        // No cell borders: PDFKit would tag partial borders with an invalid BorderColor attribute.
        // Rows are told apart by a shaded header row and alternating stripes instead.
        ...(cell.header && cell.scope === "Column"
          ? { backgroundColor: palette.headerRow }
          : r % 2 === 1
            ? { backgroundColor: palette.stripe }
            : {}),
      })),
    ),
  });
  doc.x = doc.page.margins.left;
  doc.moveDown(0.8);
}

function chart(doc: Doc, sect: Element, block: ChartBlock, lang: "de" | "en") {
  const width = contentWidth(doc);
  const height = measureChart(block.chart, width);
  keepTogether(doc, height + 40);
  doc.x = doc.page.margins.left;
  sect.add(
    doc.struct("P", {}, () => {
      doc
        .font(font.bold)
        .fontSize(fontSize.small)
        .fillColor(palette.text)
        .text(`${block.title}${block.unit ? ` (${block.unit})` : ""} `, { width });
    }),
  );
  doc.moveDown(0.3);
  const x = doc.page.margins.left;
  const y = doc.y;
  sect.add(
    doc.struct("Figure", { alt: block.alt, bbox: [x, y, x + width, y + height], placement: "Block" }, () => {
      drawChart(doc, block.chart, { x, y, width, height }, lang);
    }),
  );
  doc.x = x;
  doc.y = y + height + space.block;
}

/** Header and footer on every page, marked as pagination artifacts so screen readers skip them. */
function pageFurniture(doc: Doc, document: ReportDocument) {
  const range = doc.bufferedPageRange();
  const pageWord = document.lang === "de" ? ["Seite", "von"] : ["Page", "of"];
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const left = doc.page.margins.left;
    const width = contentWidth(doc);
    const footerY = doc.page.height - space.marginBottom + 20;
    doc.markContent("Artifact", { type: "Pagination", attached: ["Bottom"] });
    doc
      .save()
      .moveTo(left, footerY - 6)
      .lineTo(left + width, footerY - 6)
      .lineWidth(0.4)
      .strokeColor(palette.grid)
      .stroke()
      .restore();
    doc.font(font.regular).fontSize(fontSize.footer).fillColor(palette.muted);
    doc.text(document.footer, left, footerY, { width: width - 80, lineBreak: false, ellipsis: true });
    doc.text(`${pageWord[0]} ${i + 1} ${pageWord[1]} ${range.count}`, left + width - 80, footerY, {
      width: 80,
      align: "right",
      lineBreak: false,
    });
    doc.endMarkedContent();
    if (i > range.start) {
      doc.markContent("Artifact", { type: "Pagination", attached: ["Top"] });
      doc
        .font(font.regular)
        .fontSize(fontSize.footer)
        .fillColor(palette.muted)
        .text(document.issuer, left, space.marginTop - 28, { width, lineBreak: false, ellipsis: true });
      doc.endMarkedContent();
    }
    doc.page.margins.bottom = bottom;
  }
}
