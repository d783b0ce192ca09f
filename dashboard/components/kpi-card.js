// One target on a card: the figure as it stood, against the target, its live status, its result at
// the deadline, and the trajectory so far. Status is told by symbol and word, never colour alone.
import { html } from "htl";
import { formatPct, formatValue } from "./format.js";
import { monthLabel, periodLabel, sparkRows } from "./pick.js";
import { sparkline } from "./sparkline.js";
import { COMPARATOR, deadlineBadge, statusBadge } from "./status.js";

/** "目标 ≥ 20万亩（2025年底）" */
export function targetText(target, indicator) {
  const sign = COMPARATOR[target.comparator]?.zh ?? target.comparator;
  // a direction has no number: it must beat its baseline
  if (target.target_value == null) return sign;
  return `${sign} ${formatValue(target.target_value, indicator, { digits: 2 })}`;
}

/**
 * what the deadline badge leaves out: 2年未达标 (a hold) / 2026年4月达标 (met late)
 * @param {any} final the kpi_current row
 * @param {any} [indicator] its indicator, for how its periods are named
 */
export function deadlineNote(final, indicator = null) {
  if (final?.deadline_result === "missed_years") return `${final.periods_missed}年未达标`;
  if (final?.deadline_result === "met_late" && final.met_period)
    return `${indicator ? periodLabel(final.met_period, indicator.frequency) : monthLabel(final.met_period)}达标`;
  return null;
}

/**
 * @param row the kpi_current row (its latest period with a figure)
 * @param options — {series, target, indicator, final (kpi_current row), scopeName, width}
 */
export function kpiCard(row, { series, target, indicator, final, scopeName = null, width = 300 }) {
  const note = deadlineNote(final, indicator);
  const past = final?.deadline_period != null;
  return html`<div class="card kpi-card" data-target=${row.target_id}>
    <h2>${indicator.name_zh}${scopeName ? html` <small>${scopeName}</small>` : ""}</h2>
    <div class="kpi-figure">
      <span class="big" data-testid=${`card-actual-${row.target_id}`}>${formatValue(row.actual, indicator)}</span>
      <span class="kpi-pct">完成率 ${formatPct(row.pct_of_target)}</span>
    </div>
    <div class="kpi-target">
      目标 ${targetText(target, indicator)} · ${periodLabel(row.latest_period, indicator.frequency)}
    </div>
    <div class="kpi-status">${statusBadge(row.status)}</div>
    ${
      past
        ? html`<div class="kpi-final">
            到期（${target.deadline}）${deadlineBadge(final.deadline_result)}${note ? html` <small>${note}</small>` : ""}
          </div>`
        : ""
    }
    ${sparkline(sparkRows(series, indicator), { width: Math.max(120, width), indicator, targetValue: target.target_value })}
  </div>`;
}
