// A card-sized trajectory: the actual (solid), the expected path 序时进度 (dashed) and the target
// (thin rule), the last point in its status colour. No axes; the tooltip tells the figures.
import * as Plot from "@observablehq/plot";
import { STATUS } from "./status.js";

/**
 * @param rows kpi_status rows of one target × scope in period order
 * @param options — {width, height, indicator, targetValue}
 * @returns the plot, or null with fewer than three figures
 */
export function sparkline(rows, { width = 200, height = 48, indicator, targetValue = null }) {
  const scale = indicator.display_scale;
  const data = rows.map((d) => ({
    date: new Date(d.period),
    actual: d.actual == null ? null : d.actual / scale,
    expected: d.expected_value == null ? null : d.expected_value / scale,
    status: d.status,
  }));
  const figures = data.filter((d) => d.actual != null);
  // fewer than three figures make no line, only a dot floating without axes: the card's number says it
  if (figures.length < 3) return null;
  const last = figures.at(-1);
  const fmt = (v) => (v == null ? "—" : `${+v.toFixed(2)}${indicator.unit_zh}`);
  return Plot.plot({
    width,
    height,
    margin: 4,
    marginRight: 8,
    axis: null,
    x: { type: "utc" },
    y: { nice: false, zero: false },
    marks: [
      targetValue == null ? null : Plot.ruleY([targetValue / scale], { stroke: "#111", strokeOpacity: 0.4 }),
      Plot.line(data, {
        x: "date",
        y: "expected",
        stroke: "#9ca3af",
        strokeDasharray: "3 2",
      }),
      Plot.line(data, {
        x: "date",
        y: "actual",
        stroke: "#374151",
        strokeWidth: 1.5,
      }),
      Plot.dot([last], { x: "date", y: "actual", r: 3.5, fill: (STATUS[last.status] ?? STATUS.no_data).hex }),
      Plot.tip(
        data,
        Plot.pointerX({
          x: "date",
          y: "actual",
          title: (d) =>
            `${d.date.getUTCFullYear()}年${d.date.getUTCMonth() + 1}月\n实绩 ${fmt(d.actual)}\n序时进度 ${fmt(d.expected)}`,
        }),
      ),
    ],
  });
}
