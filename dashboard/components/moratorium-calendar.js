// The fishing moratorium windows on a calendar: one strip per year, one row per rule, the window
// as a band from its first to its last day, the violations reported inside it as labelled marks
// per month, and the rule's result in symbol and word at the row's end.
import * as Plot from "@observablehq/plot";
import { html } from "htl";
import { STATUS } from "./status.js";

/**
 * @param windows — {label, start, end (YYYY-MM-DD), count (null: no figure), unit (艘/起), status, monthly: [{month, value}], detail}
 * @param options — {width, title, subtitle, caption, markers: [{label, date}] (deadlines before a window)}
 */
export function moratoriumCalendar(windows, { width, title, subtitle, caption, markers = [] }) {
  width = Math.max(width || 640, 300); // a resize can report 0 before layout
  const date = (s) => new Date(`${s.slice(0, 10)}T00:00:00Z`);
  const years = [...new Set(windows.map((w) => w.start.slice(0, 4)))].sort();
  const narrow = width < 520;
  const max = narrow ? 6 : 11;
  // each row is ROW px: the window's dates on top, the band below them (insetTop), so no border
  // runs through the dates; the marks on the band are lowered to its middle (MID)
  const ROW = 46;
  const MID = 6;
  const strip = (year) => {
    const rows = windows
      .filter((w) => w.start.startsWith(year))
      .map((w) => {
        const s = STATUS[w.status] ?? STATUS.no_data;
        const short = w.label.length > max ? `${w.label.slice(0, max)}…` : w.label;
        return {
          ...w,
          row: short,
          from: date(w.start),
          to: date(w.end),
          result: w.count == null ? `${s.symbol} 无数据` : `${s.symbol} ${w.count}${w.unit}`,
          colour: s.hex,
        };
      });
    const marks = rows.flatMap((w) =>
      w.monthly
        .filter((m) => m.value > 0 && m.month >= w.start.slice(0, 7) && m.month <= w.end.slice(0, 7))
        .map((m) => ({ row: w.row, at: date(`${m.month}-15`), text: `${m.value}` })),
    );
    const pins = markers.filter((m) => m.date.startsWith(year));
    return Plot.plot({
      width,
      height: 60 + rows.length * ROW,
      marginLeft: narrow ? 90 : 170,
      marginRight: 80,
      marginTop: 30,
      marginBottom: 30,
      x: {
        type: "utc",
        domain: [date(`${year}-01-01`), date(`${year}-12-31`)],
        label: null,
        ticks: "month",
        tickFormat: (d) => (narrow && d.getUTCMonth() % 2 ? "" : `${d.getUTCMonth() + 1}月`),
        grid: true,
      },
      y: { label: null, domain: rows.map((d) => d.row), padding: 0, axis: null },
      marks: [
        Plot.axisY({ tickSize: 0, dy: MID }),
        Plot.barX(rows, {
          y: "row",
          x1: "from",
          x2: "to",
          fill: "#93c5fd",
          fillOpacity: 0.6,
          stroke: "#2563eb",
          insetTop: ROW / 2 + MID - 11,
          insetBottom: ROW / 2 - MID - 11,
        }),
        Plot.text(rows, {
          y: "row",
          x: "from",
          text: (d) =>
            `${d.from.getUTCMonth() + 1}月${d.from.getUTCDate()}日—${d.to.getUTCMonth() + 1}月${d.to.getUTCDate()}日`,
          textAnchor: "start",
          dx: 2,
          dy: -ROW / 2 + 9,
          fontSize: 9,
          fill: "#1e3a8a",
        }),
        Plot.dot(marks, { y: "row", x: "at", r: 8, fill: STATUS.missed.hex, dy: MID }),
        Plot.text(marks, { y: "row", x: "at", text: "text", fill: "white", fontWeight: 700, dy: MID }),
        Plot.text(rows, {
          y: "row",
          x: () => date(`${year}-12-31`),
          text: "result",
          textAnchor: "start",
          dx: 8,
          dy: MID,
          fill: "colour",
          fontWeight: 600,
        }),
        Plot.ruleX(pins, { x: (d) => date(d.date), stroke: "#111", strokeDasharray: "3 2" }),
        Plot.text(pins, {
          x: (d) => date(d.date),
          text: "label",
          frameAnchor: "top",
          dy: -18,
          textAnchor: "end",
          dx: 2,
          fontSize: 10,
        }),
        Plot.tip(
          rows,
          Plot.pointerY({
            y: "row",
            x: "from",
            title: (d) =>
              `${d.label}\n禁止期 ${d.start} 至 ${d.end}\n期内违规 ${d.count == null ? "无数据" : `${d.count}${d.unit}`}\n${STATUS[d.status]?.zh ?? ""}${d.detail ? `\n${d.detail}` : ""}`,
          }),
        ),
      ],
    });
  };
  return html`<figure class="timeline">
    ${title ? html`<h2>${title}</h2>` : ""} ${subtitle ? html`<h3>${subtitle}</h3>` : ""}
    <div class="timeline-key">蓝色带：禁止期　红圈数字：当月新增违规　行末：期内违规合计与结果</div>
    ${years.map(
      (y) =>
        html`<div class="timeline-group">
          <h4>${y}年</h4>
          ${strip(y)}
        </div>`,
    )}
    ${caption ? html`<figcaption>${caption}</figcaption>` : ""}
  </figure>`;
}
