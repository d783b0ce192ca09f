// A target's trajectory: the actual (solid line, dots in status colour), the expected path 序时进度
// (dashed), the target (rule, labelled), the deadline, and the forecast at the deadline (hollow
// diamond). Each dot's tooltip gives the period, actual, expected value and status in words.
import * as Plot from "@observablehq/plot";
import { STATUS } from "./status.js";

/**
 * @param rows kpi_status rows of one target × scope in period order
 * @param options {width, indicator, target, title, subtitle, caption, height}
 */
export function trajectoryChart(rows, { width, indicator, target, title, subtitle, caption, height = 300 }) {
  width = Math.max(width || 640, 300); // a resize can report 0 before layout
  const scale = indicator.display_scale;
  const unit = indicator.unit_zh;
  const data = rows.map((d) => ({
    date: new Date(d.period),
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
  return Plot.plot({
    width,
    height,
    title,
    subtitle,
    caption: `${caption ?? `来源：各县（市）区月报，经数据仓库汇总；目标：${target.source_doc} ${target.source_clause}`}。实线：实绩；灰虚线：序时进度；黑虚线：目标；◇：按趋势预测的期限值`,
    marginLeft: 48,
    marginRight: narrow ? 12 : 70,
    x: { type: "utc", label: null, tickFormat: (d) => `${d.getUTCFullYear()}年`, ticks: narrow ? 4 : 7 },
    y: { label: `${indicator.name_zh.length > 14 ? "" : indicator.name_zh}（${unit}）`, grid: true, nice: true },
    color: {
      domain: ["met", "on_track", "at_risk", "off_track", "missed"].map((s) => `${STATUS[s].symbol} ${STATUS[s].zh}`),
      range: ["met", "on_track", "at_risk", "off_track", "missed"].map((s) => STATUS[s].hex),
      legend: true,
    },
    marks: [
      targetValue == null ? null : Plot.ruleY([targetValue], { stroke: "#111", strokeDasharray: "6 3" }),
      targetValue == null
        ? null
        : Plot.text([targetValue], {
            y: (d) => d,
            frameAnchor: "left",
            text: (d) => `目标 ${+d.toFixed(2)}${unit}`,
            dy: -7,
            dx: 4,
            fontWeight: 600,
          }),
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
        defined: (d) => d.expected != null,
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
            `${d.date.getUTCFullYear()}年${d.date.getUTCMonth() + 1}月\n实绩 ${fmt(d.actual)}\n序时进度 ${fmt(d.expected)}\n状态 ${d.statusText}`,
        }),
      ),
    ],
  });
}
