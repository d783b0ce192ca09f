// Small helpers over the exported rows for the pages and components: month and period words, a
// target's series, counts, the worst first, CSV cells as numbers. Pure; no fetching. What a mart
// decides (as it stood, rankings, tasks at a date, reporting per unit) is read from its export.
import { SEVERITY } from "./status.js";

/** "2026-10-01" or "2026-10" → "2026-10" */
export const monthOf = (period) => String(period).slice(0, 7);

/** "2026-12-10" → "2026年12月10日" */
export function dayLabel(day) {
  const [y, m, d] = String(day).slice(0, 10).split("-");
  return `${y}年${Number(m)}月${Number(d)}日`;
}

/** "2026-10" → "2026年10月" */
export function monthLabel(month) {
  const [y, m] = monthOf(month).split("-");
  return `${y}年${Number(m)}月`;
}

/** one target's rows (of one scope, when the rows have several) in period order */
export function series(kpiStatus, targetId, scope = null) {
  return kpiStatus
    .filter((d) => d.target_id === targetId && (scope === null || d.scope_code === scope))
    .sort((a, b) => (a.period < b.period ? -1 : 1));
}

/**
 * CSV rows (all text) with the chosen columns read as numbers, an empty cell as null: `columns`
 * is a list of names or a test of a name. Codes ("211402") and months ("2026-10") stay text.
 */
export function numeric(rows, columns) {
  const pick = typeof columns === "function" ? columns : (c) => columns.includes(c);
  return rows.map((row) =>
    Object.fromEntries(Object.entries(row).map(([c, v]) => [c, pick(c) ? (v === "" ? null : Number(v)) : v])),
  );
}

/** status → count */
export function countBy(rows, key = "status") {
  const counts = {};
  for (const row of rows) counts[row[key]] = (counts[row[key]] ?? 0) + 1;
  return counts;
}

/** rows with the worst status first (status.js SEVERITY, from the vocabulary), then by `tie` */
export function worstFirst(rows, tie = (_a, _b) => 0) {
  const rank = (s) => (SEVERITY.indexOf(s) === -1 ? SEVERITY.length : SEVERITY.indexOf(s));
  return [...rows].sort((a, b) => rank(a.status) - rank(b.status) || tie(a, b));
}

// the task words for a numeric target's result at its deadline (kpi_current.deadline_result)
const TASK_OF_RESULT = {
  met: "done",
  met_late: "done_late",
  missed: "overdue",
  missed_years: "overdue",
  no_data: "no_data",
};

/**
 * A numeric target drawn among tasks (kpi_current row): its deadline's result in task words; before
 * the deadline in progress, or no data without a figure. Returns a TASK_STATUS key.
 */
export function targetTaskKey(row) {
  if (row.deadline_result) return TASK_OF_RESULT[row.deadline_result];
  return row.actual == null ? "no_data" : "in_progress";
}

const QUARTER = ["一", "二", "三", "四"];

/** a period in words for its frequency: "2026年10月", "2026年三季度", "2025年" */
export function periodLabel(period, frequency = "monthly") {
  const [y, m] = monthOf(period).split("-").map(Number);
  if (frequency === "annual") return `${y}年`;
  if (frequency === "quarterly") return `${y}年${QUARTER[Math.floor((m - 1) / 3)]}季度`;
  return `${y}年${m}月`;
}

/** rows for a sparkline: a year-to-date flow shows each year's December and the latest period only */
export function sparkRows(rows, indicator) {
  if (indicator.time_aggregation !== "flow_ytd" || indicator.frequency !== "monthly") return rows;
  return rows.filter((d, i) => monthOf(d.period).endsWith("-12") || i === rows.length - 1);
}
