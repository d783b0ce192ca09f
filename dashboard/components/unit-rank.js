// A unit's rank among the units for each comparable indicator: one with a numeric target and a
// figure from several units. What is ranked is explicit in `basis`: a rate by the rate, a sum by
// its share of the unit's own target where units have one, else by the value itself; lower is
// better when the target is a ceiling (≤, = 0).
import * as Plot from "@observablehq/plot";
import { html } from "htl";
import { CITY, formatPct, formatValue } from "./format.js";
import { latestPerUnit, periodLabel, rankUnits } from "./pick.js";

/**
 * @param unitCode the unit
 * @param data {actuals (indicator_actuals), kpiCurrent, targets, indicators, counties, month (YYYY-MM)}
 * @returns rows {indicator, basis, shown, period, rank, of, leader, lowerBetter}
 */
export function unitRanks(unitCode, { actuals, kpiCurrent, targets, indicators, counties, month = null }) {
  const order = new Map(counties.map((c) => [c.unit_code, c.sort_order]));
  const name = new Map(counties.map((c) => [c.unit_code, c.name_zh]));
  const targetById = new Map(targets.map((t) => [t.target_id, t]));
  const numeric = targets.filter((t) => t.indicator_id && t.comparator !== "done_by");
  const ids = [...new Set(numeric.map((t) => t.indicator_id))];
  const rows = [];
  for (const indicator of indicators.filter((i) => ids.includes(i.indicator_id))) {
    const id = indicator.indicator_id;
    const lowerBetter = numeric.filter((t) => t.indicator_id === id).every((t) => t.comparator !== ">=");
    const descending = !lowerBetter;
    // units with a target of their own for this indicator (not the city's target evaluated for them)
    const own = new Map();
    for (const k of kpiCurrent) {
      if (k.indicator_id !== id || k.scope_code === CITY || k.pct_of_target == null) continue;
      if (targetById.get(k.target_id)?.scope_code !== k.scope_code) continue;
      const seen = own.get(k.scope_code);
      if (!seen || k.deadline > seen.deadline) own.set(k.scope_code, k);
    }
    let ranked;
    let basis;
    let shown;
    if (indicator.time_aggregation !== "rate" && own.size >= 2) {
      ranked = rankUnits([...own.values()], { value: (d) => d.pct_of_target, descending, order });
      basis = "完成率（实绩÷本单位目标）";
      shown = (d) => `${formatPct(d.pct_of_target)}（${formatValue(d.actual, indicator)}）`;
    } else {
      const latest = latestPerUnit(actuals, id, { month });
      // compare like with like: the latest period that at least two units reported
      const periods = [...new Set(latest.map((d) => d.period))].sort().reverse();
      const period = periods.find((p) => latest.filter((d) => d.period === p).length >= 2);
      if (!period) continue;
      const same = latestPerUnit(
        actuals.filter((a) => a.period === period),
        id,
      );
      if (same.length < 2) continue;
      ranked = rankUnits(same, { value: (d) => d.actual, descending, order });
      basis = indicator.time_aggregation === "rate" ? "比率" : "数值";
      shown = (d) => formatValue(d.actual, indicator);
    }
    const mine = ranked.find((d) => d.scope_code === unitCode);
    if (!mine) continue;
    const leaders = ranked.filter((d) => d.rank === 1).map((d) => name.get(d.scope_code) ?? d.scope_code);
    const tied = ranked.filter((d) => d.rank === mine.rank).length;
    rows.push({
      indicator,
      tied,
      basis: `${basis}${lowerBetter ? "，越低越好" : "，越高越好"}`,
      shown: shown(mine),
      period: mine.period ?? mine.latest_period,
      rank: mine.rank,
      of: ranked.length,
      leader: leaders.length > 1 ? `${leaders.slice(0, 2).join("、")}等${leaders.length}个并列` : leaders[0],
      lowerBetter,
    });
  }
  return rows.sort((a, b) => a.rank / a.of - b.rank / b.of || a.indicator.name_zh.localeCompare(b.indicator.name_zh));
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
