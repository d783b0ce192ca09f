// A target's trajectory: the actual (solid line, dots in status colour), the expected path 序时进度
// (dashed), the target (rule, labelled at its right end), the deadline, and the forecast at the
// deadline (hollow diamond). Each dot's tooltip gives the period, actual, expected value and status.
import * as Plot from "@observablehq/plot";
import { STATUS } from "./status.js";
import { sparkRows } from "./pick.js";
import { tickText } from "./format.js";
import { targetRule } from "./target-rule.js";

const LEGEND = ["met", "on_track", "at_risk", "off_track", "missed"];

/**
 * The y domain of a trajectory. Zero is on the axis so a move is drawn in proportion; only when
 * every figure lies in a band narrower than a tenth of its size (a rate between 98% and 100%),
 * where a zero baseline would flatten the line into the top edge, is the axis zoomed — and then
 * `zoomed` is true so the chart can say so. A flat series keeps zero: there is no move to show.
 */
function trajectoryDomain(values) {
  const v = values.filter((d) => d != null && Number.isFinite(d));
  if (v.length === 0) return { domain: [0, 1], zoomed: false };
  const lo = Math.min(...v);
  const hi = Math.max(...v);
  const spread = hi - lo;
  if (lo > 0 && spread > 0 && spread < hi / 10) {
    return {
      // the nice domain Plot would draw for the band (the band itself if Plot gave none)
      domain: Plot.scale({ y: { domain: [lo - spread / 5, hi + spread / 5], nice: true } }).domain ?? [lo, hi],
      zoomed: true,
    };
  }
  return { domain: [Math.min(0, lo), hi > 0 ? hi : 1], zoomed: false };
}

/**
 * @param rows kpi_status rows of one target × scope in period order
 * @param options — {width, indicator, target, title, subtitle, caption, height}
 */
export function trajectoryChart(rows, { width, indicator, target, title, subtitle, caption, height = 300 }) {
  width = Math.max(width || 640, 300); // a resize can report 0 before layout
  const scale = indicator.display_scale;
  const unit = indicator.unit_zh;
  // a year-to-date flow restarts every January: its monthly line would be a sawtooth, so a year is
  // drawn by its December figure (or the latest period of a year still running), in the middle of
  // its year so the axis's year label stands under it
  const annual = indicator.time_aggregation === "flow_ytd" && indicator.frequency === "monthly";
  const data = sparkRows(rows, indicator).map((d) => ({
    period: new Date(d.period),
    date: annual ? new Date(Date.UTC(new Date(d.period).getUTCFullYear(), 6, 1)) : new Date(d.period),
    actual: d.actual == null ? null : d.actual / scale,
    expected: d.expected_value == null ? null : d.expected_value / scale,
    status: d.status,
    statusText: `${STATUS[d.status]?.symbol ?? ""} ${STATUS[d.status]?.zh ?? d.status}`,
  }));
  const withFigure = data.filter((d) => d.actual != null);
  // a settled target (a final period) has its result; a forecast is shown only before that
  const settled = rows.some((d) => d.is_final);
  const lastForecast = settled ? null : rows.filter((d) => d.forecast_at_deadline != null).at(-1);
  const deadline = new Date(target.deadline);
  const forecast = lastForecast
    ? [{ date: deadline, value: lastForecast.forecast_at_deadline / scale, text: lastForecast.forecast_status_zh }]
    : [];
  const targetValue = target.target_value == null ? null : target.target_value / scale;
  const fmt = (v) => (v == null ? "—" : `${+v.toFixed(2)}${unit}`);
  const narrow = width < 520;
  const { domain, zoomed } = trajectoryDomain([
    ...data.flatMap((d) => [d.actual, d.expected]),
    targetValue,
    ...forecast.map((d) => d.value),
  ]);
  const rule = targetRule(targetValue, unit);
  return Plot.plot({
    width,
    height,
    title,
    subtitle: zoomed
      ? `${subtitle ?? ""}${subtitle ? "；" : ""}纵轴为 ${tickText(domain[0])}–${tickText(domain[1])}${unit}，未从零起`
      : subtitle,
    caption: `${caption ?? `来源：各县（市）区月报，经数据仓库汇总；目标：${target.source_doc} ${target.source_clause}`}。实线：实绩${annual ? "（各年12月本年累计）" : ""}；灰虚线：序时进度；黑虚线：目标；◇：按趋势预测的期限值`,
    marginLeft: 48,
    marginRight: Math.max(narrow ? 12 : 40, rule.width),
    x: {
      type: "utc",
      label: null,
      tickFormat: (d) => `${d.getUTCFullYear()}年`,
      ticks: annual
        ? data.map((d) => d.date).filter((_d, i, all) => !narrow || (all.length - 1 - i) % 2 === 0)
        : narrow
          ? 4
          : 7,
    },
    y: {
      label: `${indicator.name_zh.length > 14 ? "" : indicator.name_zh}（${unit}）`,
      grid: true,
      domain,
      nice: !zoomed,
      tickFormat: tickText,
    },
    color: {
      domain: LEGEND.map((s) => `${STATUS[s].symbol} ${STATUS[s].zh}`),
      range: LEGEND.map((s) => STATUS[s].hex),
      legend: true,
    },
    marks: [
      ...rule.marks,
      Plot.ruleX([deadline], { stroke: "#6b7280", strokeDasharray: "2 3" }),
      Plot.text([deadline], {
        x: (d) => d,
        frameAnchor: "bottom",
        text: () => "期限",
        dy: -4,
        textAnchor: "end",
        dx: -3,
        fill: "#6b7280",
      }),
      Plot.line(data, {
        x: "date",
        y: "expected",
        stroke: "#9ca3af",
        strokeDasharray: "4 3",
      }),
      Plot.line(withFigure, { x: "date", y: "actual", stroke: "#374151", strokeWidth: 1.5 }),
      Plot.dot(withFigure, { x: "date", y: "actual", fill: "statusText", r: withFigure.length > 30 ? 2 : 3.5 }),
      Plot.dot(forecast, { x: "date", y: "value", symbol: "diamond", r: 6, stroke: "#111", fill: "white" }),
      Plot.text(forecast, {
        x: "date",
        y: "value",
        text: (d) => `预测 ${fmt(d.value)}（${d.text}）`,
        dy: 14,
        textAnchor: "end",
      }),
      Plot.tip(
        data,
        Plot.pointerX({
          x: "date",
          y: (d) => d.actual ?? d.expected,
          title: (d) =>
            `${d.period.getUTCFullYear()}年${d.period.getUTCMonth() + 1}月\n实绩 ${fmt(d.actual)}\n序时进度 ${fmt(d.expected)}\n状态 ${d.statusText}`,
        }),
      ),
    ],
  });
}
