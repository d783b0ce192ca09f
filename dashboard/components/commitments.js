// An area's commitments beyond its numbers: how many of each kind stand where (the kind chart),
// the rules and directions measured without a printed number (prohibitions, directions, full
// coverage, provincial rankings) per unit they bind, and every deliverable with the unit that owes
// it — so a leader sees which units are late, not one city row. Rows as the marts hold them.
import { html } from "htl";
import { kindChart } from "./kind-chart.js";
import { taskLabel } from "./generated/labels.js";
import { targetTable } from "./target-table.js";
import { KIND, KIND_ORDER, deadlineCell, taskBadge, taskKey } from "./status.js";

/** the kinds measured by a figure but printed without a number to reach */
export const UNNUMBERED = ["prohibition", "direction", "coverage", "ranking"];

/**
 * @param options — {kinds (areas/<doc>/kinds.json), kpiCurrent, milestones (milestone_status rows), targets, indicators, counties, width, area}
 */
export function commitmentsSection({ kinds, kpiCurrent, milestones, targets, indicators, counties, width, area }) {
  const target = new Map(targets.map((t) => [t.target_id, t]));
  const measured = kpiCurrent.filter(
    (r) => target.get(r.target_id)?.scope_code === r.scope_code && UNNUMBERED.includes(target.get(r.target_id)?.kind),
  );
  const deliverables = milestones.filter((m) => target.get(m.target_id)?.kind === "deliverable");
  return html`<div class="card">
      ${kindChart(kinds, {
        width,
        title: `${area}的全部承诺事项，按类别与进展`,
        subtitle: `${KIND_ORDER.map((k) => KIND[k].zh).join("、")}，每项计一行（分解到各单位的按单位计）`,
        caption: "来源：rpt_kind_counts（当前时点）",
      })}
    </div>
    ${
      measured.length
        ? html`<h3>${UNNUMBERED.map((k) => KIND[k].zh).join("、")}</h3>
            ${targetTable(measured, { targets, indicators, counties, showScope: true, showKind: true })}`
        : ""
    }
    ${
      deliverables.length
        ? html`<h3>${KIND.deliverable.zh} <small>${deliverables.length}项，按期限</small></h3>
            ${deliverablesTable(deliverables, { targets, counties })}`
        : ""
    }`;
}

/**
 * Each deliverable with the unit that owes it, its deadline (and how it was set), where it stands
 * and who answers for it.
 * @param milestones milestone_status rows
 * @param options — {targets, counties}
 */
export function deliverablesTable(milestones, { targets, counties }) {
  const target = new Map(targets.map((t) => [t.target_id, t]));
  const unit = new Map(counties.map((c) => [c.unit_code, c.name_zh]));
  return html`<div class="table-wrap">
    <table class="targets-table deliverables">
      <thead>
        <tr>
          <th>事项</th>
          <th>单位</th>
          <th>期限</th>
          <th>状态</th>
          <th>完成日期</th>
          <th>答复单位</th>
        </tr>
      </thead>
      <tbody>
        ${milestones.map((m) => {
          const t = target.get(m.target_id);
          return html`<tr data-target=${m.target_id}>
            <td title=${t?.source_quote ?? ""}>${taskLabel(t ?? m, 28)}</td>
            <td class="nowrap">${unit.get(m.scope_code) ?? m.scope_code}</td>
            <td class="nowrap">${deadlineCell(t ?? m)}</td>
            <td class="nowrap">
              ${taskBadge(taskKey(m))}${m.days_late > 0 ? html` <small>${m.days_late}天</small>` : ""}
            </td>
            <td class="nowrap">${m.completed_on ?? "—"}</td>
            <td>${t?.owner ?? ""}</td>
          </tr>`;
        })}
      </tbody>
    </table>
  </div>`;
}
