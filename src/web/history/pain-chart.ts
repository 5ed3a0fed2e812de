import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";
import { dayNumber } from "../../core/calendar-date.ts";
import type { PainPoint } from "../../core/history.ts";
import { shortDayMonthText } from "../dates.ts";

/**
 * Draws pain before and after each session over time into `host`. Loaded only by the History
 * page (a dynamic import), so uPlot never weighs on the player.
 */
export function drawPainChart(host: HTMLElement, points: readonly PainPoint[]): () => void {
  const xs = points.map((p) => dayNumber(p.day) * 86_400);
  const data: uPlot.AlignedData = [xs, points.map((p) => p.before), points.map((p) => p.after)];
  const css = getComputedStyle(document.documentElement);
  const ink = css.getPropertyValue("--ink").trim() || "#222";
  const accent = css.getPropertyValue("--accent").trim() || "#2c6a5c";
  const plot = new uPlot(
    {
      width: Math.max(280, host.clientWidth),
      height: 220,
      scales: { y: { range: [0, 10] } },
      // The legend names the two lines; values under a pointer mean little on a phone, so it does not follow one.
      legend: { live: false },
      axes: [
        { stroke: ink, values: (_u, ticks) => ticks.map((t) => shortDayMonthText(new Date(t * 1000).toISOString().slice(0, 10))) },
        { stroke: ink, values: (_u, ticks) => ticks.map((t) => String(t)) },
      ],
      series: [
        {},
        { label: "Pain before", stroke: "#b45309", width: 2, points: { show: true }, spanGaps: true },
        { label: "Pain after", stroke: accent, width: 3, points: { show: true }, spanGaps: true },
      ],
    },
    data,
    host,
  );
  return () => plot.destroy();
}
