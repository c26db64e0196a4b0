// What PDFKit 0.20 supports beyond the community type definitions (@types/pdfkit 0.17): the
// bounding box and placement of structure elements (required for PDF/UA figures), the table's
// structure parent and header-cell scope.
declare global {
  namespace PDFKit.Mixins {
    interface StructureElementOptions {
      bbox?: [number, number, number, number];
      placement?: "Block" | "Inline";
    }
    interface TableOptions {
      structParent?: PDFStructureElement;
    }
    interface CellOptions {
      scope?: "Row" | "Column" | "Both";
    }
  }
}

export {};
