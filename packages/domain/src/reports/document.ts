import { z } from "zod";
import { locales, text } from "../common/i18n.js";
import { labelledEnum } from "../common/labels.js";

/*
 * The document model of OHA's papers for politics and partners (annual report, practice guide,
 * invitation, minutes): what they say, in which order, with every chart's data and alternative
 * text. The domain computes it; a renderer turns it into a tagged PDF or a print-ready web page
 * without deciding anything about the content.
 */

// How a column's values line up: text left, figures right (a layout detail, so no labelled enum).
const ColumnAlign = z.enum(["left", "right"]);

/** A heading inside a section (the section's own title is its heading). */
export const HeadingBlock = z
  .strictObject({ type: z.literal("heading"), text: z.string().min(1) })
  .meta({ id: "ReportHeadingBlock" });
/** A {@link HeadingBlock}. */
export type HeadingBlock = z.infer<typeof HeadingBlock>;

/** A paragraph; `note` is a remark set apart (e.g. on invented example data). */
export const ParagraphBlock = z
  .strictObject({
    type: z.literal("paragraph"),
    text: z.string().min(1),
    style: z.enum(["normal", "lead", "note"]).default("normal"),
  })
  .meta({ id: "ReportParagraphBlock" });
/** A {@link ParagraphBlock}. */
export type ParagraphBlock = z.infer<typeof ParagraphBlock>;

/** A bulleted or numbered list. */
export const ListBlock = z
  .strictObject({
    type: z.literal("list"),
    ordered: z.boolean().default(false),
    items: z.array(z.string().min(1)).min(1),
  })
  .meta({ id: "ReportListBlock" });
/** A {@link ListBlock}. */
export type ListBlock = z.infer<typeof ListBlock>;

/** Label–value pairs, e.g. the key figures of a district. */
export const FactsBlock = z
  .strictObject({
    type: z.literal("facts"),
    caption: z.string().min(1),
    items: z.array(z.strictObject({ label: z.string().min(1), value: z.string().min(1) })).min(1),
  })
  .meta({ id: "ReportFactsBlock" });
/** A {@link FactsBlock}. */
export type FactsBlock = z.infer<typeof FactsBlock>;

/** A data table; every cell is already formatted for the document's language. */
export const TableBlock = z
  .strictObject({
    type: z.literal("table"),
    caption: z.string().min(1),
    columns: z.array(z.strictObject({ label: z.string().min(1), align: ColumnAlign.default("left") })).min(1),
    rows: z.array(z.array(z.string())),
    /** Shown instead of an empty table. */
    empty: z.string().optional(),
    /** Whether the first column names the row (a row header). */
    rowHeaders: z.boolean().default(false),
  })
  .meta({ id: "ReportTableBlock" });
/** A {@link TableBlock}. */
export type TableBlock = z.infer<typeof TableBlock>;

/** A value of a chart with its label as the document shows it. */
const ChartValue = z.strictObject({ value: z.number().nullable(), label: z.string() });

/** Horizontal bars: one row per category, one bar per series. */
export const BarChart = z
  .strictObject({
    kind: z.literal("bar"),
    categories: z.array(z.string()).min(1),
    series: z.array(z.strictObject({ label: z.string(), values: z.array(ChartValue) })).min(1),
    /** Where the scale ends; default the largest value. */
    max: z.number().positive().optional(),
  })
  .meta({ id: "ReportBarChart" });
/** A {@link BarChart}. */
export type BarChart = z.infer<typeof BarChart>;

/** Stacked horizontal bars: one row per category, its total split into segments. */
export const StackedBarChart = z
  .strictObject({
    kind: z.literal("stacked"),
    categories: z.array(z.string()).min(1),
    segments: z.array(z.string()).min(1),
    /** values[category][segment]. */
    values: z.array(z.array(z.number().min(0))),
  })
  .meta({ id: "ReportStackedBarChart" });
/** A {@link StackedBarChart}. */
export type StackedBarChart = z.infer<typeof StackedBarChart>;

/** Progress bars from 0 to 100 %, with an optional mark for the expected progress. */
export const ProgressChart = z
  .strictObject({
    kind: z.literal("progress"),
    items: z
      .array(
        z.strictObject({
          label: z.string(),
          percent: z.number().min(0).max(100).nullable(),
          expectedPercent: z.number().min(0).max(100).nullable(),
          valueLabel: z.string(),
          status: z.enum(["good", "warning", "bad", "neutral"]),
        }),
      )
      .min(1),
  })
  .meta({ id: "ReportProgressChart" });
/** A {@link ProgressChart}. */
export type ProgressChart = z.infer<typeof ProgressChart>;

/** Lines over points in time (e.g. an indicator's yearly figures). */
export const LineChart = z
  .strictObject({
    kind: z.literal("line"),
    points: z.array(z.string()).min(1),
    series: z.array(z.strictObject({ label: z.string(), values: z.array(ChartValue) })).min(1),
  })
  .meta({ id: "ReportLineChart" });
/** A {@link LineChart}. */
export type LineChart = z.infer<typeof LineChart>;

/** The data of a chart. */
export const ChartData = z
  .discriminatedUnion("kind", [BarChart, StackedBarChart, ProgressChart, LineChart])
  .meta({ id: "ReportChartData" });
/** A {@link ChartData}. */
export type ChartData = z.infer<typeof ChartData>;

/** A chart: vector graphics in the PDF, with a title, the unit and an alternative text for screen readers. */
export const ChartBlock = z
  .strictObject({
    type: z.literal("chart"),
    title: z.string().min(1),
    /** Alternative text: what the chart shows, in words, with its figures. */
    alt: z.string().min(1),
    unit: z.string().optional(),
    chart: ChartData,
  })
  .meta({ id: "ReportChartBlock" });
/** A {@link ChartBlock}. */
export type ChartBlock = z.infer<typeof ChartBlock>;

/** One block of a section, in reading order. */
export const ReportBlock = z
  .discriminatedUnion("type", [HeadingBlock, ParagraphBlock, ListBlock, FactsBlock, TableBlock, ChartBlock])
  .meta({ id: "ReportBlock" });
/** A {@link ReportBlock}. */
export type ReportBlock = z.infer<typeof ReportBlock>;

/** A section with its title and blocks; sub-sections nest one level. */
export interface ReportSection {
  readonly id: string;
  readonly title: string;
  readonly blocks: readonly ReportBlock[];
  readonly sections: readonly ReportSection[];
}
/** A {@link ReportSection}. */
export const ReportSection: z.ZodType<ReportSection> = z
  .strictObject({
    id: z.string().min(1),
    title: z.string().min(1),
    blocks: z.array(ReportBlock),
    get sections() {
      return z.array(ReportSection);
    },
  })
  .meta({ id: "ReportSection" });

/** German and English names of the kinds of document. */
export const reportKindLabels = {
  annual_report: text("Jahresbericht", "Annual report"),
  practice_guide: text("Handlungsstandard und Praxisleitfaden", "Action standard and practice guide"),
  meeting_invitation: text("Einladung", "Invitation"),
  meeting_minutes: text("Protokoll", "Minutes"),
} as const;
/** The kinds of document OHA produces. */
export const ReportKind = labelledEnum("ReportKind", reportKindLabels);
/** One of {@link ReportKind}. */
export type ReportKind = z.infer<typeof ReportKind>;

/**
 * A whole document: metadata (title, language, author, subject, keywords) and its sections in
 * reading order. Every text is already in the document's language.
 */
export const ReportDocument = z
  .strictObject({
    kind: ReportKind,
    lang: z.enum(locales),
    title: z.string().min(1),
    subtitle: z.string().optional(),
    /** Who issues the document: the district's name. */
    issuer: z.string().min(1),
    /** Who wrote it: usually the coordination office. */
    author: z.string().min(1),
    subject: z.string().min(1),
    keywords: z.array(z.string()),
    /** The date the document speaks for (ISO). */
    date: z.iso.date(),
    /** A line for the foot of every page, e.g. "Jahresbericht 2023 – Landkreis Osterode am Harz". */
    footer: z.string().min(1),
    /** True when the data behind the document contains invented example records. */
    illustrative: z.boolean(),
    sections: z.array(ReportSection),
  })
  .meta({ id: "ReportDocument" });
/** A {@link ReportDocument}. */
export type ReportDocument = z.infer<typeof ReportDocument>;
