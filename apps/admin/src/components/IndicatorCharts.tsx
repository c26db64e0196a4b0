import type { IndicatorTrend, Locale } from "@oha/domain";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";

/** Whether the browser can draw on a canvas (a test DOM cannot): without it the table stands alone. */
function canDraw(): boolean {
  try {
    return document.createElement("canvas").getContext("2d") !== null;
  } catch {
    return false;
  }
}

/** One indicator's series as a small line chart. */
function Sparkline({ indicator, locale }: { indicator: IndicatorTrend; locale: Locale }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const target = box.current;
    if (!target || !canDraw()) return;
    const xs = indicator.series.map((p) => Date.parse(`${p.date}T00:00:00Z`) / 1000);
    const ys = indicator.series.map((p) => p.value);
    const chart = new uPlot(
      {
        width: Math.max(220, Math.min(360, target.clientWidth || 320)),
        height: 140,
        legend: { show: false },
        cursor: { show: false },
        scales: { x: { time: true } },
        axes: [
          {
            stroke: "#4a5460",
            grid: { stroke: "#d7dce1" },
            values: (_u, ticks) => ticks.map((t) => String(new Date(t * 1000).getUTCFullYear())),
          },
          {
            stroke: "#4a5460",
            grid: { stroke: "#d7dce1" },
            values: (_u, ticks) => ticks.map((t) => t.toLocaleString(locale === "de" ? "de-DE" : "en-GB")),
          },
        ],
        series: [{}, { stroke: "#14507e", width: 2, points: { show: true, size: 5 } }],
      },
      [xs, ys],
      target,
    );
    return () => chart.destroy();
  }, [indicator, locale]);
  return <div ref={box} className="sparkline" />;
}

/**
 * The indicators' series as small charts, one per indicator (their units differ). The charts are
 * pictures of the table beside them, which holds the same figures for screen readers and keyboards.
 */
export default function IndicatorCharts({
  indicators,
  locale,
}: {
  indicators: readonly IndicatorTrend[];
  locale: Locale;
}) {
  const { t } = useTranslation();
  return (
    <figure className="charts">
      <figcaption>{t("dashboard.chartCaption")}</figcaption>
      <ul className="chart-grid" aria-hidden="true">
        {indicators.map((i) => (
          <li key={i.indicatorId}>
            <p className="chart-title">
              {i.code} {i.name}
            </p>
            <Sparkline indicator={i} locale={locale} />
          </li>
        ))}
      </ul>
    </figure>
  );
}
