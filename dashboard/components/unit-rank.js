// A unit's rank among the units for each comparable indicator, as rpt_unit_rankings ranks them
// (the basis of each ranking is the mart's): here only put in words and drawn.
import * as Plot from "@observablehq/plot";
import { html } from "htl";
import { formatPct, formatValue } from "./format.js";
import { periodLabel } from "./pick.js";

/**
 * @param unitCode the unit
 * @param rankings rpt_unit_rankings rows of the unit (its slice holds only its own)
 * @param options — {indicators, counties}
 * @returns rows {indicator, basis, shown, period, rank, of, tied, leader, lowerBetter}, best places first
 */
export function unitRanks(unitCode, rankings, { indicators, counties }) {
  const name = new Map(counties.map((c) => [c.unit_code, c.name_zh]));
  const indicatorById = new Map(indicators.map((i) => [i.indicator_id, i]));
  return rankings
    .filter((r) => r.unit_code === unitCode && indicatorById.has(r.indicator_id))
    .map((r) => {
      const indicator = indicatorById.get(r.indicator_id);
      const leaders = r.leaders.map((code) => name.get(code) ?? code);
      return {
        indicator,
        tied: r.tied,
        basis: r.basis_zh,
        shown:
          r.basis === "share_of_target"
            ? `${formatPct(r.pct_of_target)}（${formatValue(r.actual, indicator)}）`
            : formatValue(r.actual, indicator),
        period: r.period,
        rank: r.rank,
        of: r.units_ranked,
        leader: leaders.length > 1 ? `${leaders.slice(0, 2).join("、")}等${leaders.length}个并列` : leaders[0],
        lowerBetter: r.lower_is_better,
      };
    })
    .sort((a, b) => a.rank / a.of - b.rank / b.of || a.indicator.name_zh.localeCompare(b.indicator.name_zh));
}

/** "在12项可比指标中5项排名第一（含并列）、2项排名末位" */
export function rankFinding(unitName, rows) {
  if (rows.length === 0) return `${unitName}暂无可与其他地区比较的指标`;
  const first = rows.filter((r) => r.rank === 1).length;
  const last = rows.filter((r) => r.rank === r.of && r.of > 1).length;
  return `${unitName}在${rows.length}项可比指标中${first}项排名第一（含并列）、${last}项排名末位`;
}

/** Rank positions as a chart: one row per indicator, the unit's place among n. */
export function rankChart(rows, { width, unitName, title, caption }) {
  const data = rows.map((r) => ({
    name: r.indicator.name_zh,
    rank: r.rank,
    of: r.of,
    label: `${r.tied > 1 ? "并列" : ""}第${r.rank}/${r.of}`,
    tip: `${r.indicator.name_zh}\n${unitName}：${r.shown}\n排名：${r.tied > 1 ? `${r.tied}个地区并列` : ""}第${r.rank}名（共${r.of}个地区）\n排名依据：${r.basis}\n第一名：${r.leader}`,
  }));
  const maxOf = Math.max(2, ...rows.map((r) => r.of));
  const narrow = width < 560;
  return Plot.plot({
    width,
    height: 40 + rows.length * 26,
    title,
    caption,
    marginLeft: narrow ? 150 : 260,
    marginRight: 56,
    x: { label: "名次（1 = 最好）", domain: [1, maxOf], ticks: maxOf, tickFormat: (d) => `${d}`, grid: true },
    y: {
      label: null,
      domain: data.map((d) => d.name),
      tickFormat: (d) => (narrow && d.length > 10 ? d.slice(0, 10) + "…" : d),
    },
    marks: [
      Plot.ruleY(data, { x1: 1, x2: "of", y: "name", stroke: "#ccc", strokeWidth: 6, strokeLinecap: "round" }),
      // a rank is a place, not a status: a neutral dot, not the blue of 正常
      Plot.dot(data, { x: "rank", y: "name", r: 6, fill: "currentColor", stroke: "white", title: "tip", tip: true }),
      Plot.text(data, { x: "of", y: "name", text: "label", dx: 8, textAnchor: "start", fill: "currentColor" }),
    ],
  });
}

export function rankTable(rows) {
  return html`<div class="table-wrap">
    <table class="targets-table" data-testid="rank-table">
      <thead>
        <tr>
          <th>指标</th>
          <th>名次 / 参与排名地区数</th>
          <th>本地区实绩</th>
          <th>排名依据（按此排序）</th>
          <th>第一名</th>
          <th>统计期</th>
        </tr>
      </thead>
      <tbody>
        ${rows.map(
          (r) =>
            html`<tr>
              <td>${r.indicator.name_zh}</td>
              <td><b>${r.tied > 1 ? "并列" : ""}第${r.rank}名</b> / ${r.of}</td>
              <td>${r.shown}</td>
              <td>${r.basis}</td>
              <td>${r.leader}</td>
              <td>${periodLabel(r.period, r.indicator.frequency)}</td>
            </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}
