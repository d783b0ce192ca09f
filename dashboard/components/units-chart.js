// Each unit's share of a city total, year by year: stacked bars, units in official order. The year
// still running is drawn faint and labelled as partial, as in the city chart above it.
import * as Plot from "@observablehq/plot";
import { tickText, yearText } from "./format.js";

// Tableau 10 without its red and green: a unit's colour must never read as a status (滞后, 已达标)
const UNIT_COLOURS = ["#4e79a7", "#f28e2c", "#76b7b2", "#edc949", "#af7aa1", "#ff9da7", "#9c755f", "#bab0ab"];

/**
 * @param rows indicator_annual rows for the units (not the city): {scope_code, year, actual, is_complete, latest_period}
 * @param options — {width, indicator, counties, title, subtitle, caption}
 */
export function unitsByYear(rows, { width, indicator, counties, title, subtitle, caption }) {
  width = Math.max(width || 640, 300); // a resize can report 0 before layout
  const order = counties.filter((c) => rows.some((r) => r.scope_code === c.unit_code));
  const name = new Map(order.map((c) => [c.unit_code, c.name_zh]));
  const data = rows.map((d) => ({
    ...d,
    unit: name.get(d.scope_code) ?? d.scope_code,
    shown: d.actual / indicator.display_scale,
  }));
  const running = [...new Set(data.filter((d) => !d.is_complete).map((d) => d.year))].map((year) => {
    const parts = data.filter((d) => d.year === year);
    const month = Math.max(...parts.map((d) => Number(d.latest_period.slice(5, 7))));
    return { year, total: parts.reduce((s, d) => s + d.shown, 0), text: `截至${month}月` };
  });
  return Plot.plot({
    width,
    height: 340,
    title,
    subtitle,
    caption: [caption, running.length ? "浅色：本年尚未结束" : null].filter(Boolean).join("；"),
    marginLeft: 50,
    x: { label: null, tickFormat: (y) => yearText(y, width < 520), type: "band" },
    y: { label: `${indicator.name_zh}（${indicator.unit_zh}）`, grid: true, tickFormat: tickText },
    color: { domain: order.map((c) => c.name_zh), range: UNIT_COLOURS, legend: true },
    marks: [
      Plot.barY(data, {
        x: "year",
        y: "shown",
        fill: "unit",
        fillOpacity: (d) => (d.is_complete ? 1 : 0.45),
        order: order.map((c) => c.name_zh),
        tip: { format: { shown: (v) => `${v.toFixed(2)}${indicator.unit_zh}`, fillOpacity: false } },
      }),
      Plot.text(running, { x: "year", y: "total", text: "text", dy: -8, fill: "#6b7280" }),
      Plot.ruleY([0]),
    ],
  });
}
