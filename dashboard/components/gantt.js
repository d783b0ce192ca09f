// A task plan as a Gantt chart: each task a bar from the plan's date to its deadline, a ✔ where it
// was completed (a dash to it when late), a line to the as-of date when still open past its
// deadline, and its status in symbol and word at the bar's end.
import * as Plot from "@observablehq/plot";
import { TASK_STATUS } from "./status.js";

/**
 * @param tasks {label, start, deadline, completed (YYYY-MM-DD or null), key (TASK_STATUS key), detail}
 * @param options {width, asOf (YYYY-MM-DD), title, subtitle, caption}
 */
export function gantt(tasks, { width, asOf, title, subtitle, caption }) {
  width = Math.max(width || 640, 300); // a resize can report 0 before layout
  const narrow = width < 520;
  const max = narrow ? 8 : 18;
  const date = (s) => new Date(`${s}T00:00:00Z`);
  const data = tasks.map((t, i) => {
    const s = TASK_STATUS[t.key] ?? TASK_STATUS.in_progress;
    const short = t.label.length > max ? `${t.label.slice(0, max)}…` : t.label;
    return {
      ...t,
      row: `${String(i + 1).padStart(2, "0")} ${short}`,
      start: date(t.start < t.deadline ? t.start : t.deadline),
      end: date(t.deadline),
      done: t.completed ? date(t.completed) : null,
      statusText: `${s.symbol} ${s.zh}`,
      color: s.hex,
    };
  });
  const asOfDate = date(asOf);
  const late = data.filter((d) => (d.done && d.done > d.end) || (!d.done && asOfDate > d.end));
  // the as-of date is on the axis only while a task is open: done plans end at their last date
  const open = data.some((d) => !d.done);
  const last = Math.max(...data.map((d) => +(d.done ?? d.end)), open ? +asOfDate : -Infinity);
  const domainEnd = new Date(last + 15 * 86400000);
  const domainStart = new Date(Math.min(...data.map((d) => +d.start)));
  return Plot.plot({
    width,
    height: 50 + data.length * 26,
    title,
    subtitle,
    caption,
    marginLeft: narrow ? 120 : 220,
    marginRight: 76,
    x: { type: "utc", domain: [domainStart, domainEnd], label: null, grid: true, ticks: narrow ? 3 : 8 },
    y: { label: null, domain: data.map((d) => d.row), tickSize: 0 },
    color: {
      domain: Object.values(TASK_STATUS).map((s) => `${s.symbol} ${s.zh}`),
      range: Object.values(TASK_STATUS).map((s) => s.hex),
      legend: true,
    },
    marks: [
      Plot.barX(data, {
        y: "row",
        x1: "start",
        x2: "end",
        fill: "statusText",
        fillOpacity: 0.25,
        stroke: "statusText",
        inset: 4,
      }),
      Plot.link(late, {
        y1: "row",
        y2: "row",
        x1: "end",
        x2: (d) => d.done ?? asOfDate,
        stroke: "statusText",
        strokeDasharray: "3 2",
        strokeWidth: 2,
      }),
      Plot.tickX(data, { y: "row", x: "end", stroke: "#111", strokeWidth: 2, inset: 2 }),
      Plot.text(
        data.filter((d) => d.done),
        { y: "row", x: "done", text: () => "✔", fill: "statusText", fontSize: 14, fontWeight: 700 },
      ),
      open ? Plot.ruleX([asOfDate], { stroke: "#111", strokeOpacity: 0.6 }) : null,
      Plot.text(open ? [asOfDate] : [], {
        x: (d) => d,
        frameAnchor: "top",
        text: () => "截至",
        dy: -2,
        textAnchor: "end",
        dx: -3,
      }),
      Plot.text(data, {
        y: "row",
        x: () => domainEnd,
        text: "statusText",
        textAnchor: "start",
        dx: 6,
        fill: "statusText",
        fontWeight: 600,
      }),
      Plot.tip(
        data,
        Plot.pointerY({
          y: "row",
          x: "end",
          title: (d) =>
            `${d.label}\n期限 ${d.deadline}\n${d.completed ? `完成 ${d.completed}` : "未报完成"}\n状态 ${d.statusText}${d.detail ? `\n${d.detail}` : ""}`,
        }),
      ),
    ],
  });
}
