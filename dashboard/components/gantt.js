// A task plan as a Gantt chart: each task a bar from the plan's date to its deadline, a ✔ where it
// was completed (a dash to it when late), a line to the as-of date when still open past its
// deadline, and its status in symbol and word at the bar's end.
import * as Plot from "@observablehq/plot";
import { TASK_STATUS } from "./status.js";
import { yearText } from "./format.js";

const DAY = 86400000;

/**
 * Month ticks in Chinese: a span of whole years reads 2021年, 2022年…; a span of months gives the
 * year once and wherever it changes (2020年4月, 7月, 10月, 2021年1月).
 */
const monthTicks = (narrow) => (d, i, ticks) => {
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + 1;
  if (ticks.every((t) => t.getUTCMonth() === 0)) return yearText(y, narrow);
  return i === 0 || m === 1 ? `${y}年${m}月` : `${m}月`;
};

/** on a phone about three ticks fit: a plan of months gets half-years, one of years every other year */
const phoneTicks = (span) => (span > 3 * 365 * DAY ? "2 years" : span > 365 * DAY ? "year" : "6 months");

/** a task's name in at most two lines of `per` characters (the tooltip has it whole) */
function wrapLabel(label, per) {
  if (label.length <= per) return label;
  // a closing bracket or comma stays on the line it closes
  if (/^[）)、，。]/.test(label[per])) per += 1;
  if (label.length <= 2 * per) return `${label.slice(0, per)}\n${label.slice(per)}`;
  return `${label.slice(0, per)}\n${label.slice(per, 2 * per - 1)}…`;
}

/**
 * @param tasks — {label, start, deadline, completed (YYYY-MM-DD or null), key (TASK_STATUS key), detail}
 * @param options — {width, asOf (YYYY-MM-DD), title, subtitle, caption}
 */
export function gantt(tasks, { width, asOf, title, subtitle, caption }) {
  width = Math.max(width || 640, 300); // a resize can report 0 before layout
  const narrow = width < 520;
  const per = narrow ? 8 : 20;
  const date = (s) => new Date(`${s}T00:00:00Z`);
  const data = tasks.map((t, i) => {
    const s = TASK_STATUS[t.key] ?? TASK_STATUS.in_progress;
    return {
      ...t,
      row: `${String(i + 1).padStart(2, "0")} ${wrapLabel(t.label, per)}`,
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
  const domainEnd = new Date(last + 15 * DAY);
  // a task reported done before the plan's date still gets its ✔ inside the plot, not on its name
  const domainStart = new Date(Math.min(...data.map((d) => Math.min(+d.start, +(d.done ?? d.start)))) - 15 * DAY);
  const twoLines = data.some((d) => d.row.includes("\n"));
  return Plot.plot({
    width,
    height: 60 + data.length * (twoLines ? 34 : 26),
    title,
    subtitle,
    caption,
    marginLeft: narrow ? 116 : 220,
    marginRight: 76,
    x: {
      type: "utc",
      domain: [domainStart, domainEnd],
      label: null,
      grid: true,
      ticks: narrow ? phoneTicks(+domainEnd - +domainStart) : 8,
      tickFormat: monthTicks(narrow),
    },
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
            `${d.row.slice(0, 2)} ${d.label}\n期限 ${d.deadline}\n${d.completed ? `完成 ${d.completed}` : "未报完成"}\n状态 ${d.statusText}${d.detail ? `\n${d.detail}` : ""}`,
        }),
      ),
    ],
  });
}
