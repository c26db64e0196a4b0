import type { IndicatorTrend, Locale } from "@oha/domain";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";

/**
 * Whether the browser can draw on a canvas (a test DOM cannot): without it the table stands alone.
 * uPlot reads `matchMedia` as it loads, so it is loaded only where drawing is possible.
 */
function canDraw(): boolean {
  if (typeof window.matchMedia !== "function") return false;
  try {
    return document.createElement("canvas").getContext("2d") !== null;
  } catch {
    return false;
  }
}

/** The chart library with its styles, loaded once, when the first chart is drawn. */
const loadChartLibrary = () =>
  Promise.all([import("uplot"), import("uplot/dist/uPlot.min.css")]).then(([module]) => module.default);

/** Draws one indicator's series into an element. */
function draw(
  uPlot: Awaited<ReturnType<typeof loadChartLibrary>>,
  target: HTMLDivElement,
  indicator: IndicatorTrend,
  locale: Locale,
) {
  const xs = indicator.series.map((p) => Date.parse(`${p.date}T00:00:00Z`) / 1000);
  const ys = indicator.series.map((p) => p.value);
  return new uPlot(
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
}

/** One indicator's series as a small line chart. */
function Sparkline({ indicator, locale }: { indicator: IndicatorTrend; locale: Locale }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const target = box.current;
    if (!target || !canDraw()) return;
    let chart: { destroy(): void } | undefined;
    let cancelled = false;
    void loadChartLibrary().then((uPlot) => {
      if (cancelled) return;
      chart = draw(uPlot, target, indicator, locale);
    });
    return () => {
      cancelled = true;
      chart?.destroy();
    };
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
