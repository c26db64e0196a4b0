export { renderIcs } from "./ics.js";
export { type PdfOptions, renderPdf } from "./pdf.js";
