// The units' index: one card per reporting unit with its targets counted by status (symbol +
// word + colour, from status.js) and its latest month's late and missing reports.
import { html } from "htl";
import { STATUS, STATUS_ORDER } from "./status.js";
import { CITY } from "./format.js";

/** Per unit: {unit, counts: status → n, total} from kpi_current, units in official order */
export function unitStatusCounts(counties, kpiCurrent) {
  return counties
    .filter((c) => c.unit_code !== CITY)
    .map((unit) => {
      const rows = kpiCurrent.filter((k) => k.scope_code === unit.unit_code);
      const counts = Object.fromEntries(STATUS_ORDER.map((s) => [s, rows.filter((k) => k.status === s).length]));
      return { unit, counts, total: rows.length };
    });
}

/** "6个县（市）区中，3个有滞后或逾期未达标的目标" */
export function unitsFinding(summaries) {
  const behind = summaries.filter((s) => s.counts.at_risk + s.counts.off_track + s.counts.missed > 0);
  if (behind.length === 0) return `${summaries.length}个地区的目标均无滞后或逾期未达标`;
  return `${summaries.length}个地区中，${behind.length}个有关注、滞后或逾期未达标的目标：${behind.map((s) => s.unit.name_zh).join("、")}`;
}

/**
 * @param summaries unitStatusCounts rows
 * @param options {reporting: Map unit_code → {late, missing} for the latest due month, monthText}
 */
export function unitCards(summaries, { reporting = new Map(), monthText = "" } = {}) {
  return html`<div class="grid grid-cols-3 unit-cards">
    ${summaries.map(({ unit, counts, total }) => {
      const r = reporting.get(unit.unit_code);
      return html`<a class="card unit-card" href=${`./${unit.unit_code}`} data-testid=${`unit-card-${unit.unit_code}`}>
        <h2>${unit.name_zh} <small>${unit.name_zh.endsWith(unit.kind) ? "" : unit.kind}</small></h2>
        <div class="big" data-testid=${`unit-total-${unit.unit_code}`}>${total}<small> 项目标</small></div>
        <div class="unit-card-counts">
          ${STATUS_ORDER.filter((s) => counts[s] > 0).map(
            (s) =>
              html`<span class="status" style="color:${STATUS[s].color}" data-status=${s}
                >${STATUS[s].symbol} ${STATUS[s].zh} ${counts[s]}</span
              >`,
          )}
        </div>
        ${r ? html`<div class="source-line">${monthText}报送：◐ 迟报 ${r.late} 项 · ✘ 漏报 ${r.missing} 项</div>` : ""}
      </a>`;
    })}
  </div>`;
}
