// Dated milestones per unit on a time line, one strip per kind of milestone: the deadline (◆),
// the month it was first met (✔; a dashed line from the deadline when late), or a line to the
// as-of month when still not met (✘). Each row ends with its result in symbol and word.
import * as Plot from "@observablehq/plot";
import { html } from "htl";
import { DEADLINE_STATUS } from "./status.js";
import { yearText } from "./format.js";

/** a unit's name in lines of at most 6 characters (杨家杖子经济开发区 → 杨家杖子经济\n开发区) */
const wrap = (name) => name.match(/.{1,6}/gu).join("\n");

/**
 * @param items — {group, unit (name), deadline, met (YYYY-MM-DD or null), result (a DEADLINE_STATUS key: kpi_current.deadline_result), detail}
 * @param options — {width, asOf (YYYY-MM-DD), start (YYYY-MM-DD), title, subtitle, caption}
 */
export function milestoneTimeline(items, { width, asOf, start = "2020-01-01", title, subtitle, caption }) {
  width = Math.max(width || 640, 300); // a resize can report 0 before layout
  const date = (s) => new Date(`${s.slice(0, 10)}T00:00:00Z`);
  const groups = [...new Set(items.map((d) => d.group))];
  const narrow = width < 520;
  const look = (d) => DEADLINE_STATUS[d.result] ?? DEADLINE_STATUS.no_data;
  // the axis runs to the as-of date only while a milestone is still unmet (its line runs there);
  // otherwise it ends a quarter after the last deadline or achievement, shared by every strip
  const unmet = items.some((d) => !d.met && d.result === "missed");
  const lastEvent = Math.max(...items.flatMap((d) => [+date(d.deadline), d.met ? +date(d.met) : -Infinity]));
  const domain = [date(start), unmet ? date(asOf) : new Date(Math.min(+date(asOf), lastEvent + 92 * 86400000))];
  const strip = (group) => {
    const data = items
      .filter((d) => d.group === group)
      .map((d) => ({
        ...d,
        due: date(d.deadline),
        done: d.met ? date(d.met) : null,
        text: `${look(d).symbol} ${look(d).zh}`,
        colour: look(d).hex,
      }));
    const nearDue = (d) => Math.abs(d.done - d.due) < 61 * 86400000;
    const late = data.filter((d) => (d.done && d.done > d.due) || (!d.done && d.result !== "no_data"));
    return Plot.plot({
      width,
      height: 36 + data.length * (narrow ? 32 : 26),
      // the longest unit name (高新技术产业开发区) wraps into two lines on a phone rather than being cut
      marginLeft: narrow ? 76 : 130,
      marginRight: 84,
      x: {
        type: "utc",
        domain,
        label: null,
        grid: true,
        ticks: narrow ? 4 : 7,
        tickFormat: (d) => yearText(d.getUTCFullYear(), narrow),
      },
      y: { label: null, domain: data.map((d) => d.unit), tickSize: 0, tickFormat: (u) => (narrow ? wrap(u) : u) },
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
        // a ✔ within two months of its ◆ would cover it: that one stands just above the row's line
        ...[false, true].map((lifted) =>
          Plot.text(
            data.filter((d) => d.done && nearDue(d) === lifted),
            {
              y: "unit",
              x: "done",
              text: () => "✔",
              fill: "colour",
              fontSize: 15,
              fontWeight: 700,
              dy: lifted ? -9 : 0,
            },
          ),
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
