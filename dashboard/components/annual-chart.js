// A year's figure against the target: bars per year coloured by the year's status as kpi_status has
// it, the target as a rule labelled at its right end, each bar labelled with its figure.
import * as Plot from "@observablehq/plot";
import { STATUS, STATUS_ORDER } from "./status.js";
import { tickText, yearText } from "./format.js";
import { targetRule } from "./target-rule.js";

/**
 * @param rows indicator_annual rows for one scope: {year, actual, is_complete, latest_period}
 * @param options — {width, indicator, target: {target_value}, statusByYear (Map year → STATUS key), title, subtitle}
 */
export function annualAgainstTarget(rows, { width, indicator, target, statusByYear = new Map(), title, subtitle }) {
  width = Math.max(width || 640, 300); // a resize can report 0 before layout
  const narrow = width < 520;
  const scale = indicator.display_scale;
  const look = (key) => `${STATUS[key].symbol} ${STATUS[key].zh}`;
  // a year still running has no status yet, nor has one after the deadline: told apart, not judged
  const deadlineYear = Number(target.deadline.slice(0, 4));
  const unjudged = (d) =>
    !d.is_complete
      ? `本年截至${Number(d.latest_period.slice(5, 7))}月`
      : d.year > deadlineYear
        ? "期限后，不再考核"
        : null;
  const data = rows.map((d) => ({
    ...d,
    shown: d.actual / scale,
    state: unjudged(d) ?? look(statusByYear.get(d.year) ?? "no_data"),
  }));
  const used = STATUS_ORDER.filter((key) => data.some((d) => d.state === look(key)));
  const partials = [...new Set(data.map(unjudged).filter(Boolean))];
  const targetValue = target.target_value / scale;
  const rule = targetRule(targetValue, indicator.unit_zh, { dash: "4 3" });
  // the label sits on a halo of the card's colour, so the dashed target line never strikes it through
  const halo = { stroke: "var(--theme-background-alt)", strokeWidth: 4, paintOrder: "stroke", fill: "currentColor" };
  return Plot.plot({
    width,
    height: 320,
    title,
    subtitle,
    caption: `来源：各县（市）区月报（本年累计），目标：${target.source_doc} ${target.source_clause}`,
    marginLeft: 50,
    marginRight: rule.width,
    x: { label: null, tickFormat: (y) => yearText(y, narrow), type: "band" },
    y: { label: `${indicator.name_zh}（${indicator.unit_zh}）`, grid: true, nice: true, tickFormat: tickText },
    color: {
      domain: [...used.map(look), ...partials],
      range: [...used.map((key) => STATUS[key].hex), ...partials.map(() => "#9ca3af")],
      legend: true,
    },
    marks: [
      Plot.barY(data, {
        x: "year",
        y: "shown",
        fill: "state",
        tip: { format: { shown: (v) => `${v.toFixed(2)}${indicator.unit_zh}` } },
      }),
      ...rule.marks,
      // on a narrow chart one decimal and a smaller font, so neighbouring labels stay apart
      Plot.text(data, {
        x: "year",
        y: "shown",
        text: (d) => d.shown.toFixed(narrow ? 1 : 2),
        dy: -8,
        fontSize: narrow ? 10 : 12,
        ...halo,
      }),
      Plot.ruleY([0]),
    ],
  });
}
