// Dated milestones per unit on a time line, one strip per kind of milestone: the deadline (◆),
// the month it was first met (✔; a dashed line from the deadline when late), or a line to the
// as-of month when still not met (✘). Each row ends with its result in symbol and word.
import * as Plot from "@observablehq/plot";
import { html } from "htl";
import { DEADLINE_STATUS } from "./status.js";

/**
 * @param items {group, unit (name), deadline, met (YYYY-MM-DD or null), result ("met"|"missed"|"no_data"), detail}
 * @param options {width, asOf (YYYY-MM-DD), start (YYYY-MM-DD), title, subtitle, caption}
 */
export function milestoneTimeline(items, { width, asOf, start = "2020-01-01", title, subtitle, caption }) {
  width = Math.max(width || 640, 300); // a resize can report 0 before layout
  const date = (s) => new Date(`${s.slice(0, 10)}T00:00:00Z`);
  const groups = [...new Set(items.map((d) => d.group))];
  const narrow = width < 520;
  const words = (d) => {
    const s = DEADLINE_STATUS[d.result] ?? DEADLINE_STATUS.no_data;
    if (d.result === "missed" && d.met) return `✔ 逾期达标`;
    return `${s.symbol} ${s.zh}`;
  };
  const colour = (d) =>
    d.result === "missed" && d.met ? "#c2410c" : (DEADLINE_STATUS[d.result] ?? DEADLINE_STATUS.no_data).hex;
  const domain = [date(start), date(asOf)];
  const strip = (group) => {
    const data = items
      .filter((d) => d.group === group)
      .map((d) => ({
        ...d,
        due: date(d.deadline),
        done: d.met ? date(d.met) : null,
        text: words(d),
        colour: colour(d),
      }));
    const late = data.filter((d) => (d.done && d.done > d.due) || (!d.done && d.result !== "no_data"));
    return Plot.plot({
      width,
      height: 36 + data.length * 26,
      marginLeft: narrow ? 84 : 120,
      marginRight: 84,
      x: {
        type: "utc",
        domain,
        label: null,
        grid: true,
        ticks: narrow ? 4 : 7,
        tickFormat: (d) => `${d.getUTCFullYear()}年`,
      },
      y: { label: null, domain: data.map((d) => d.unit), tickSize: 0 },
      marks: [
        Plot.link(late, {
          y1: "unit",
          y2: "unit",
          x1: "due",
          x2: (d) => d.done ?? domain[1],
          stroke: "colour",
          strokeDasharray: "3 2",
          strokeWidth: 2,
        }),
        Plot.dot(data, { y: "unit", x: "due", symbol: "diamond", r: 5, fill: "white", stroke: "#111" }),
        Plot.text(
          data.filter((d) => d.done),
          { y: "unit", x: "done", text: () => "✔", fill: "colour", fontSize: 15, fontWeight: 700 },
        ),
        Plot.text(
          data.filter((d) => !d.done && d.result === "missed"),
          { y: "unit", x: () => domain[1], text: () => "✘", fill: "colour", fontSize: 15, fontWeight: 700 },
        ),
        Plot.text(data, {
          y: "unit",
          x: () => domain[1],
          text: "text",
          textAnchor: "start",
          dx: 10,
          fill: "colour",
          fontWeight: 600,
        }),
        Plot.tip(
          data,
          Plot.pointerY({
            y: "unit",
            x: "due",
            title: (d) =>
              `${d.unit} · ${d.group}\n期限 ${d.deadline}\n${d.met ? `首次达标 ${d.met.slice(0, 7)}` : "尚未达标"}\n结果 ${d.text}${d.detail ? `\n${d.detail}` : ""}`,
          }),
        ),
      ],
    });
  };
  return html`<figure class="timeline">
    ${title ? html`<h2>${title}</h2>` : ""} ${subtitle ? html`<h3>${subtitle}</h3>` : ""}
    <div class="timeline-key">◆ 期限　✔ 首次达标月份　✘ 至今未达标　虚线：超过期限的时间</div>
    ${groups.map(
      (g) =>
        html`<div class="timeline-group">
          <h4>${g}</h4>
          ${strip(g)}
        </div>`,
    )}
    ${caption ? html`<figcaption>${caption}</figcaption>` : ""}
  </figure>`;
}
