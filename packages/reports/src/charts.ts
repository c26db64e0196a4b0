import type { ChartData } from "@oha/domain";
import { font } from "./fonts.js";
import { fontSize, palette } from "./style.js";

// Charts as vector graphics with PDFKit's own drawing primitives. Every value is also written as a
// label, so nothing is told by colour alone; the figure's alternative text comes from the domain.

type Doc = PDFKit.PDFDocument;

const rowHeight = 13;
const legendHeight = 16;

/** The height a chart needs at a width. */
export function measureChart(chart: ChartData, _width: number): number {
  switch (chart.kind) {
    case "bar": {
      const bars = chart.series.length;
      return chart.categories.length * (bars * rowHeight + 6) + (bars > 1 ? legendHeight : 0) + 6;
    }
    case "stacked":
      return (
        chart.categories.length * (rowHeight + 8) + legendHeight * Math.ceil(chart.segments.length / 3) + 8
      );
    case "progress":
      return chart.items.length * 26 + legendHeight + 4;
    case "line":
      return 150;
  }
}

/** Draws a chart into the box (x, y, width, height). */
export function drawChart(
  doc: Doc,
  chart: ChartData,
  box: { x: number; y: number; width: number; height: number },
  lang: "de" | "en",
): void {
  const { x, y, width, height } = box;
  doc.save();
  switch (chart.kind) {
    case "bar":
      bar(doc, chart, x, y, width);
      break;
    case "stacked":
      stacked(doc, chart, x, y, width);
      break;
    case "progress":
      progress(doc, chart, x, y, width, lang);
      break;
    case "line":
      line(doc, chart, x, y, width, height, lang);
      break;
  }
  doc.restore();
}

function label(
  doc: Doc,
  text: string,
  x: number,
  y: number,
  width: number,
  align: "left" | "right" | "center" = "left",
  color: string = palette.text,
) {
  doc.font(font.regular).fontSize(fontSize.chart).fillColor(color).text(text, x, y, {
    width,
    align,
    lineBreak: false,
    ellipsis: true,
  });
}

function legend(
  doc: Doc,
  entries: readonly { label: string; color: string }[],
  x: number,
  y: number,
  width: number,
) {
  const columns = Math.min(3, entries.length);
  const cell = width / columns;
  entries.forEach((entry, i) => {
    const cx = x + (i % columns) * cell;
    const cy = y + Math.floor(i / columns) * legendHeight;
    doc.rect(cx, cy + 2, 8, 8).fill(entry.color);
    label(doc, entry.label, cx + 12, cy + 2, cell - 16);
  });
}

function bar(doc: Doc, chart: Extract<ChartData, { kind: "bar" }>, x: number, y: number, width: number) {
  const labelWidth = Math.min(200, width * 0.36);
  const valueWidth = 40;
  const area = width - labelWidth - valueWidth - 8;
  const max =
    chart.max ??
    Math.max(1, ...chart.series.flatMap((s) => s.values.map((v) => (v.value === null ? 0 : v.value))));
  const bars = chart.series.length;
  let cy = y;
  chart.categories.forEach((category, c) => {
    label(doc, category, x, cy + (bars * rowHeight - rowHeight) / 2 + 2, labelWidth - 6);
    chart.series.forEach((series, s) => {
      const value = series.values[c];
      const barY = cy + s * rowHeight + 2;
      const length = value?.value ? Math.max(1, (value.value / max) * area) : 0;
      doc.rect(x + labelWidth, barY, area, rowHeight - 4).fill(palette.track);
      if (length > 0)
        doc
          .rect(x + labelWidth, barY, length, rowHeight - 4)
          .fill(palette.series[s % palette.series.length] ?? palette.accent);
      label(doc, value?.label ?? "–", x + labelWidth + area + 4, barY + 1, valueWidth);
    });
    cy += bars * rowHeight + 6;
  });
  doc
    .moveTo(x + labelWidth, y)
    .lineTo(x + labelWidth, cy - 4)
    .lineWidth(0.6)
    .strokeColor(palette.grid)
    .stroke();
  if (bars > 1)
    legend(
      doc,
      chart.series.map((s, i) => ({
        label: s.label,
        color: palette.series[i % palette.series.length] ?? palette.accent,
      })),
      x + labelWidth,
      cy,
      area,
    );
}

function stacked(
  doc: Doc,
  chart: Extract<ChartData, { kind: "stacked" }>,
  x: number,
  y: number,
  width: number,
) {
  const labelWidth = Math.min(120, width * 0.2);
  const totalWidth = 36;
  const area = width - labelWidth - totalWidth - 8;
  let cy = y;
  chart.categories.forEach((category, c) => {
    const values = chart.values[c] ?? [];
    const total = values.reduce((a, b) => a + b, 0);
    label(doc, category, x, cy + 3, labelWidth - 6);
    doc.rect(x + labelWidth, cy, area, rowHeight).fill(palette.track);
    let cx = x + labelWidth;
    values.forEach((value, s) => {
      if (total === 0 || value === 0) return;
      const w = (value / total) * area;
      doc.rect(cx, cy, w, rowHeight).fill(palette.series[s % palette.series.length] ?? palette.accent);
      if (w > 14) label(doc, String(value), cx, cy + 3, w, "center", "#ffffff");
      cx += w;
    });
    label(doc, String(total), x + labelWidth + area + 4, cy + 3, totalWidth);
    cy += rowHeight + 8;
  });
  legend(
    doc,
    chart.segments.map((s, i) => ({
      label: s,
      color: palette.series[i % palette.series.length] ?? palette.accent,
    })),
    x + labelWidth,
    cy,
    area,
  );
}

function progress(
  doc: Doc,
  chart: Extract<ChartData, { kind: "progress" }>,
  x: number,
  y: number,
  width: number,
  lang: "de" | "en",
) {
  const labelWidth = Math.min(230, width * 0.45);
  const valueWidth = 60;
  const area = width - labelWidth - valueWidth - 8;
  let cy = y;
  for (const item of chart.items) {
    doc
      .font(font.regular)
      .fontSize(fontSize.chart)
      .fillColor(palette.text)
      .text(item.label, x, cy + 1, {
        width: labelWidth - 8,
        height: 20,
        ellipsis: true,
        lineGap: 0,
      });
    const barY = cy + 5;
    doc.rect(x + labelWidth, barY, area, 10).fill(palette.track);
    if (item.percent !== null && item.percent > 0)
      doc.rect(x + labelWidth, barY, (item.percent / 100) * area, 10).fill(palette.status[item.status]);
    if (item.expectedPercent !== null) {
      const ex = x + labelWidth + (item.expectedPercent / 100) * area;
      doc
        .moveTo(ex, barY - 3)
        .lineTo(ex, barY + 13)
        .lineWidth(1.4)
        .strokeColor(palette.text)
        .stroke();
    }
    label(doc, item.valueLabel, x + labelWidth + area + 4, barY + 1, valueWidth);
    cy += 26;
  }
  // The scale and the meaning of the mark.
  label(doc, "0 %", x + labelWidth, cy, 30);
  label(doc, "100 %", x + labelWidth + area - 30, cy, 30, "right");
  doc
    .moveTo(x + labelWidth + area / 2 - 40, cy + 5)
    .lineTo(x + labelWidth + area / 2 - 40, cy + 13)
    .lineWidth(1.4)
    .strokeColor(palette.text)
    .stroke();
  label(
    doc,
    lang === "de" ? "erwarteter Stand" : "expected progress",
    x + labelWidth + area / 2 - 36,
    cy + 3,
    120,
  );
}

/** Round steps for an axis: 1, 2 or 5 times a power of ten. */
function niceStep(span: number, ticks: number): number {
  const raw = span / Math.max(1, ticks);
  const power = 10 ** Math.floor(Math.log10(raw || 1));
  const unit = raw / power;
  return (unit <= 1 ? 1 : unit <= 2 ? 2 : unit <= 5 ? 5 : 10) * power;
}

function line(
  doc: Doc,
  chart: Extract<ChartData, { kind: "line" }>,
  x: number,
  y: number,
  width: number,
  height: number,
  lang: "de" | "en",
) {
  const format = new Intl.NumberFormat(lang === "de" ? "de-DE" : "en-GB", { maximumFractionDigits: 2 });
  const values = chart.series
    .flatMap((s) => s.values.map((v) => v.value))
    .filter((v): v is number => v !== null);
  const low = Math.min(0, ...values);
  const high = Math.max(1, ...values);
  const step = niceStep(high - low, 4);
  const top = Math.ceil(high / step) * step;
  const bottom = Math.floor(low / step) * step;
  const axisLeft = x + 44;
  const plotWidth = width - 60;
  const plotTop = y + 8;
  const plotHeight = height - 34;
  const py = (v: number) => plotTop + plotHeight - ((v - bottom) / (top - bottom || 1)) * plotHeight;
  const px = (i: number) =>
    axisLeft + (chart.points.length === 1 ? plotWidth / 2 : (i / (chart.points.length - 1)) * plotWidth);
  for (let v = bottom; v <= top + step / 2; v += step) {
    doc
      .moveTo(axisLeft, py(v))
      .lineTo(axisLeft + plotWidth, py(v))
      .lineWidth(0.3)
      .strokeColor(palette.grid)
      .stroke();
    label(doc, format.format(v), x, py(v) - 4, 40, "right", palette.muted);
  }
  chart.points.forEach((point, i) => {
    label(doc, point, px(i) - 30, plotTop + plotHeight + 6, 60, "center", palette.muted);
  });
  chart.series.forEach((series, s) => {
    const color = palette.series[s % palette.series.length] ?? palette.accent;
    let started = false;
    series.values.forEach((v, i) => {
      if (v.value === null) {
        started = false;
        return;
      }
      if (!started) doc.moveTo(px(i), py(v.value));
      else doc.lineTo(px(i), py(v.value));
      started = true;
    });
    doc.lineWidth(1.6).strokeColor(color).stroke();
    series.values.forEach((v, i) => {
      if (v.value === null) return;
      doc.circle(px(i), py(v.value), 2.4).fill(color);
      label(doc, v.label, px(i) - 30, py(v.value) - 12, 60, "center");
    });
  });
}
