// Targets as a table a leader reads down: the figure now, against the target, the live status,
// and the result at the deadline. Key figures carry data-testid="actual-<target_id>[-<scope>]".
import { html } from "htl";
import { formatPct, formatValue } from "./format.js";
import { deadlineNote, targetText } from "./kpi-card.js";
import { periodLabel } from "./pick.js";
import { deadlineBadge, deadlineCell, kindBadge, statusBadge } from "./status.js";

/**
 * @param rows kpi_current rows
 * @param options — {targets, indicators, counties, showScope, showKind}
 */
export function targetTable(rows, { targets, indicators, counties, showScope = false, showKind = false }) {
  const target = new Map(targets.map((t) => [t.target_id, t]));
  const indicator = new Map(indicators.map((i) => [i.indicator_id, i]));
  const unit = new Map(counties.map((c) => [c.unit_code, c.name_zh]));
  return html`<div class="table-wrap">
    <table class="targets-table">
      <thead>
        <tr>
          <th>指标</th>
          ${showScope ? html`<th>单位</th>` : ""}
          <th>目标</th>
          <th>期限</th>
          <th>最新实绩</th>
          <th>完成率</th>
          <th>当前状态</th>
          <th>到期结果</th>
        </tr>
      </thead>
      <tbody>
        ${rows.map((r) => {
          const t = target.get(r.target_id);
          const i = indicator.get(r.indicator_id);
          const id = r.scope_code === "211400" ? `actual-${r.target_id}` : `actual-${r.target_id}-${r.scope_code}`;
          const note = deadlineNote(r, i);
          return html`<tr>
            <td>${i?.name_zh ?? r.indicator_id}${showKind ? html`<br /><small>${kindBadge(t?.kind)}</small>` : ""}</td>
            ${showScope ? html`<td class="nowrap">${unit.get(r.scope_code) ?? r.scope_code}</td>` : ""}
            <td class="nowrap">${t && i ? targetText(t, i) : "—"}</td>
            <td class="nowrap">${t ? deadlineCell(t) : r.deadline}</td>
            <td>
              <span data-testid=${id}>${i ? formatValue(r.actual, i) : r.actual}</span
              >${r.actual == null ? "" : html` <small>${periodLabel(r.latest_period, i?.frequency)}</small>`}
            </td>
            <td>${formatPct(r.pct_of_target)}</td>
            <td>${statusBadge(r.status)}</td>
            <td>
              ${r.deadline_period ? deadlineBadge(r.deadline_result) : "未到期"}${note ? html`<br /><small>${note}</small>` : ""}
            </td>
          </tr>`;
        })}
      </tbody>
    </table>
  </div>`;
}
