// Units side by side (a ranking): one horizontal bar per unit, highest first, each labelled with its
// figure and — where the unit is judged against a target — its status from kpi_current in symbol and
// word, so no colour has to be decoded and no status is made up here.
import * as Plot from "@observablehq/plot";
import { STATUS, STATUS_ORDER } from "./status.js";

import { CITY, tickText } from "./format.js";

/**
 * kpi_current rows of one target (or indicator) → Map county → status, the latest deadline's
 * where a county has several; the city is not one of the bars
 */
export function statusByUnit(kpiRows) {
  const latest = new Map();
  for (const k of kpiRows) {
    if (k.scope_code === CITY) continue;
    if (!latest.has(k.scope_code) || k.deadline > latest.get(k.scope_code).deadline) latest.set(k.scope_code, k);
  }
  return new Map([...latest].map(([code, k]) => [code, k.status]));
}

const FIGURE_ONLY = "实绩（无本单位目标）";

/**
 * @param rows ranked rows (pick.rankUnits): {scope_code, actual, period, rank}
 * @param options — {width, indicator, counties, targetValue (the rule), status (statusByUnit), title, subtitle, caption}
 */
export function unitsBars(
  rows,
  { width, indicator, counties, targetValue = null, status = new Map(), title, subtitle, caption },
) {
  width = Math.max(width || 640, 300); // a resize can report 0 before layout
  const scale = indicator.display_scale;
  const unit = indicator.unit_zh;
  const name = new Map(counties.map((c) => [c.unit_code, c.name_zh]));
  const data = rows.map((d) => {
    const s = STATUS[status.get(d.scope_code)];
    const figure = `${+(d.actual / scale).toFixed(2)}${unit}`;
    return {
      ...d,
      unit: name.get(d.scope_code) ?? d.scope_code,
      shown: d.actual / scale,
      state: s ? `${s.symbol} ${s.zh}` : FIGURE_ONLY,
      label: s ? `${figure} ${s.symbol}` : figure,
    };
  });
  const used = STATUS_ORDER.filter((key) => data.some((d) => d.state === `${STATUS[key].symbol} ${STATUS[key].zh}`));
  const plain = data.some((d) => d.state === FIGURE_ONLY);
  const max = Math.max(targetValue == null ? 0 : targetValue / scale, ...data.map((d) => d.shown));
  return Plot.plot({
    width,
    height: 50 + data.length * 28,
    title,
    subtitle,
    caption,
    marginLeft: width < 520 ? 96 : 130,
    // the figures stand in a column right of the plot: a dashed target line can never run through them
    marginRight: 84,
    marginTop: targetValue == null ? 20 : 30,
    x: { label: unit, grid: true, domain: [0, max], nice: true, tickFormat: tickText },
    y: { label: null, domain: data.map((d) => d.unit) },
    color: {
      domain: [...used.map((key) => `${STATUS[key].symbol} ${STATUS[key].zh}`), ...(plain ? [FIGURE_ONLY] : [])],
      range: [...used.map((key) => STATUS[key].hex), ...(plain ? ["#9ca3af"] : [])],
      legend: used.length > 0,
    },
    marks: [
      Plot.barX(data, {
        y: "unit",
        x: "shown",
        fill: "state",
        tip: true,
        title: (d) => `${d.unit}（第${d.rank}名）\n${d.period.slice(0, 7)}：${d.label}\n${d.state}`,
      }),
      Plot.text(data, { y: "unit", frameAnchor: "right", text: "label", textAnchor: "start", dx: 6 }),
      targetValue == null ? null : Plot.ruleX([targetValue / scale], { stroke: "#111", strokeDasharray: "6 3" }),
      targetValue == null
        ? null
        : Plot.text([targetValue / scale], {
            x: (d) => d,
            frameAnchor: "top",
            text: (d) => `目标 ${tickText(d)}${unit}`,
            lineAnchor: "bottom",
            dy: -4,
            fontWeight: 600,
          }),
      Plot.ruleX([0]),
    ],
  });
}
