// A card-sized trajectory: the actual (solid), the expected path 序时进度 (dashed) and the target
// (thin rule), the last point in its status colour. No axes; the tooltip tells the figures.
import * as Plot from "@observablehq/plot";
import { STATUS } from "./status.js";

/**
 * @param rows kpi_status rows of one target × scope in period order
 * @param options {width, height, indicator, targetValue}
 */
export function sparkline(rows, { width = 200, height = 48, indicator, targetValue = null }) {
  const scale = indicator.display_scale;
  const data = rows.map((d) => ({
    date: new Date(d.period),
    actual: d.actual == null ? null : d.actual / scale,
    expected: d.expected_value == null ? null : d.expected_value / scale,
    status: d.status,
  }));
  const last = data.filter((d) => d.actual != null).at(-1);
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
        defined: (d) => d.expected != null,
      }),
      Plot.line(data, {
        x: "date",
        y: "actual",
        stroke: "#374151",
        strokeWidth: 1.5,
        defined: (d) => d.actual != null,
      }),
      last ? Plot.dot([last], { x: "date", y: "actual", r: 3.5, fill: STATUS[last.status]?.hex ?? "#6b7280" }) : null,
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
