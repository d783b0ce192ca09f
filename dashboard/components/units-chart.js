// Each unit's share of a city total, year by year: stacked bars, units in official order.
import * as Plot from "@observablehq/plot";

/**
 * @param rows indicator_annual rows for the units (not the city): {scope_code, year, actual}
 * @param options {width, indicator, counties, title, subtitle, caption}
 */
export function unitsByYear(rows, { width, indicator, counties, title, subtitle, caption }) {
  const order = counties.filter((c) => rows.some((r) => r.scope_code === c.unit_code));
  const name = new Map(order.map((c) => [c.unit_code, c.name_zh]));
  const data = rows.map((d) => ({
    ...d,
    unit: name.get(d.scope_code) ?? d.scope_code,
    shown: d.actual / indicator.display_scale,
  }));
  return Plot.plot({
    width,
    height: 340,
    title,
    subtitle,
    caption,
    marginLeft: 50,
    x: { label: null, tickFormat: (d) => `${d}年`, type: "band" },
    y: { label: `${indicator.name_zh}（${indicator.unit_zh}）`, grid: true },
    color: { domain: order.map((c) => c.name_zh), scheme: "tableau10", legend: true },
    marks: [
      Plot.barY(data, {
        x: "year",
        y: "shown",
        fill: "unit",
        order: order.map((c) => c.name_zh),
        tip: { format: { shown: (v) => `${v.toFixed(2)}${indicator.unit_zh}` } },
      }),
      Plot.ruleY([0]),
    ],
  });
}
