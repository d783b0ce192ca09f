// Units side by side (a ranking): one horizontal bar per unit, highest first, each labelled with
// its figure and — against a target — a status symbol and word, so no colour has to be decoded.
import * as Plot from "@observablehq/plot";
import { STATUS } from "./status.js";

/**
 * @param rows ranked rows (pick.rankUnits): {scope_code, actual, period, rank}
 * @param options {width, indicator, counties, targetValue, comparator, title, subtitle, caption}
 */
export function unitsBars(
  rows,
  { width, indicator, counties, targetValue = null, comparator = ">=", title, subtitle, caption },
) {
  width = Math.max(width || 640, 300); // a resize can report 0 before layout
  const scale = indicator.display_scale;
  const unit = indicator.unit_zh;
  const name = new Map(counties.map((c) => [c.unit_code, c.name_zh]));
  const meets = (v) =>
    comparator === "<=" ? v <= targetValue : comparator === "=" ? v === targetValue : v >= targetValue;
  const data = rows.map((d) => {
    const state = targetValue == null ? null : meets(d.actual) ? "met" : "off_track";
    return {
      ...d,
      unit: name.get(d.scope_code) ?? d.scope_code,
      shown: d.actual / scale,
      state: state ? `${STATUS[state].symbol} ${state === "met" ? "达到目标" : "未达目标"}` : "实绩",
      label: `${+(d.actual / scale).toFixed(2)}${unit}${state ? ` ${STATUS[state].symbol}` : ""}`,
    };
  });
  const narrow = width < 520;
  return Plot.plot({
    width,
    height: 40 + data.length * 28,
    title,
    subtitle,
    caption,
    marginLeft: narrow ? 96 : 130,
    marginRight: 90,
    x: {
      label: `${unit}`,
      grid: true,
      nice: true,
      domain: targetValue == null ? undefined : [0, Math.max(targetValue / scale, ...data.map((d) => d.shown)) * 1.02],
    },
    y: { label: null, domain: data.map((d) => d.unit) },
    color: {
      domain: targetValue == null ? ["实绩"] : [`${STATUS.met.symbol} 达到目标`, `${STATUS.off_track.symbol} 未达目标`],
      range: targetValue == null ? ["#6b7280"] : [STATUS.met.hex, STATUS.off_track.hex],
      legend: targetValue != null,
    },
    marks: [
      Plot.barX(data, {
        y: "unit",
        x: "shown",
        fill: "state",
        tip: true,
        title: (d) => `${d.unit}（第${d.rank}名）\n${d.period.slice(0, 7)}：${d.label}`,
      }),
      Plot.text(data, { y: "unit", x: "shown", text: "label", textAnchor: "start", dx: 4 }),
      targetValue == null ? null : Plot.ruleX([targetValue / scale], { stroke: "#111", strokeDasharray: "6 3" }),
      Plot.ruleX([0]),
    ],
  });
}
