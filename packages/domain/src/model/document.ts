import { z } from "zod";
import type { FieldLabels } from "../common/field-labels.js";
import { text } from "../common/i18n.js";
import { idSchema, RecordId } from "../common/ids.js";
import { labelledEnum } from "../common/labels.js";
import { Illustrative, IsoDate, LongText, Name, patchOf, recordMeta } from "../common/record.js";

/** Id of a {@link Document}. */
export const DocumentId = idSchema("doc", "DocumentId");
export type DocumentId = z.infer<typeof DocumentId>;

export const documentKindLabels = {
  signed_agreement: text("Unterzeichnete Vereinbarung", "Signed agreement"),
  minutes: text("Protokoll", "Minutes"),
  invitation: text("Einladung", "Invitation"),
  report: text("Bericht", "Report"),
  practice_guide: text("Praxisleitfaden", "Practice guide"),
  presentation: text("Präsentation", "Presentation"),
  statistics: text("Statistik", "Statistics"),
  other: text("Sonstiges Dokument", "Other document"),
} as const;
/** What a document is. */
export const DocumentKind = labelledEnum("DocumentKind", documentKindLabels);
export type DocumentKind = z.infer<typeof DocumentKind>;

export const documentVisibilityLabels = {
  internal: text("Intern (nur die Koordinierungsstelle)", "Internal (the office only)"),
  partners: text("Für die Partner des Netzwerks", "For the network's partners"),
  public: text("Öffentlich", "Public"),
} as const;
/**
 * Who may see a document: `internal` only the coordination office (coordinators, admins, viewers),
 * `partners` also the network's partners, `public` anyone.
 */
export const DocumentVisibility = labelledEnum("DocumentVisibility", documentVisibilityLabels);
export type DocumentVisibility = z.infer<typeof DocumentVisibility>;

/** The visibilities of the documents partners may read. */
export const partnerVisibilities: readonly DocumentVisibility[] = ["partners", "public"];

export const DocumentFields = z.strictObject({
  illustrative: Illustrative,
  title: Name,
  kind: DocumentKind,
  date: IsoDate.meta({ description: "The document's date: signed on, held on, published on." }),
  visibility: DocumentVisibility.default("internal"),
  url: z
    .httpUrl()
    .max(2000)
    .meta({ description: "Where the file is kept (http or https): OHA keeps the link, not the file." }),
  // The record the document belongs to, of any entity. Used as it is: a copy made by `.meta()`
  // would no longer be known as an id schema, and the reference would go unchecked.
  attachedTo: RecordId,
  description: LongText.optional(),
});

/** What a client sends to attach a document. */
export const DocumentCreate = DocumentFields.meta({ id: "DocumentCreate" });
export type DocumentCreate = z.input<typeof DocumentCreate>;
/** A partial update of a document. */
export const DocumentPatch = patchOf(DocumentFields, "DocumentPatch");
export type DocumentPatch = z.infer<typeof DocumentPatch>;
/**
 * A document attached to a record: a signed agreement, the minutes of a meeting, the practice
 * guide as PDF. OHA keeps links, not files, for now: `url` points to where the file is kept (the
 * district's file share or document management, a public web page), and is required.
 *
 * Who may do what (`can()`): coordinators and admins write documents, viewers read all of them.
 * Partners never write documents (no `ownerField`) and read only those whose `visibility` is
 * `partners` or `public` ({@link partnerVisibilities}); `internal` ones are for the office only.
 */
export const Document = DocumentFields.extend({ id: DocumentId, ...recordMeta }).meta({ id: "Document" });
export type Document = z.infer<typeof Document>;

/** German and English labels of the fields of a document. */
export const documentFieldLabels = {
  kind: text("Art des Dokuments", "Kind of document"),
  date: text("Datum", "Date"),
  visibility: text("Sichtbarkeit", "Visibility"),
  url: text("Link zur Ablage", "Link to the file"),
  attachedTo: text("Gehört zu", "Attached to"),
} as const satisfies FieldLabels;
