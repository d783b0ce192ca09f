// A year's figure against the target: bars per year, the target as a rule, each bar labelled.
import * as Plot from "@observablehq/plot";
import { STATUS } from "./status.js";

/**
 * @param rows indicator_annual rows for one scope: {year, actual, is_complete}
 * @param options {width, indicator, target: {target_value}, title, subtitle}
 */
export function annualAgainstTarget(rows, { width, indicator, target, title, subtitle }) {
  const scale = indicator.display_scale;
  const data = rows.map((d) => ({
    ...d,
    shown: d.actual / scale,
    state: !d.is_complete ? "本年截至目前" : d.actual >= target.target_value ? STATUS.met.zh : "未达目标",
  }));
  return Plot.plot({
    width,
    height: 320,
    title,
    subtitle,
    caption: `来源：各县（市）区月报（本年累计），目标：${target.source_doc} ${target.source_clause}`,
    marginLeft: 50,
    x: { label: null, tickFormat: (d) => `${d}年`, type: "band" },
    y: { label: `${indicator.name_zh}（${indicator.unit_zh}）`, grid: true, nice: true },
    color: {
      domain: [STATUS.met.zh, "未达目标", "本年截至目前"],
      range: [STATUS.met.hex, STATUS.missed.hex, "#9ca3af"],
      legend: true,
    },
    marks: [
      Plot.barY(data, {
        x: "year",
        y: "shown",
        fill: "state",
        tip: { format: { shown: (v) => `${v.toFixed(2)}${indicator.unit_zh}` } },
      }),
      Plot.text(data, { x: "year", y: "shown", text: (d) => d.shown.toFixed(2), dy: -8, fontSize: 12 }),
      Plot.ruleY([target.target_value / scale], { stroke: "#111", strokeDasharray: "4 3" }),
      Plot.text([target.target_value / scale], {
        y: (d) => d,
        frameAnchor: "right",
        text: (d) => `目标 ${d}${indicator.unit_zh}`,
        dy: -8,
        fontWeight: 600,
      }),
      Plot.ruleY([0]),
    ],
  });
}
