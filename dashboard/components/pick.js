// Picking rows from the exports: the month a page shows ("as it stood"), each unit's latest
// figure, rankings, tasks at a date. Pure functions of the exported rows; no fetching.

/** "2026-10-01" or "2026-10" → "2026-10" */
export const monthOf = (period) => String(period).slice(0, 7);

/** "2026-10" → "2026年10月" */
export function monthLabel(month) {
  const [y, m] = monthOf(month).split("-");
  return `${y}年${Number(m)}月`;
}

/** "2026-10" → "2026-10-31": the last day of the month */
export function monthEnd(month) {
  const [y, m] = monthOf(month).split("-").map(Number);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${monthOf(month)}-${String(last).padStart(2, "0")}`;
}

/** the months with at least one figure in kpi_status, latest first */
export function monthsWithData(kpiStatus) {
  const months = new Set();
  for (const row of kpiStatus) if (row.actual != null) months.add(monthOf(row.period));
  return [...months].sort().reverse();
}

/**
 * Each target × scope as it stood in `month`: among its kpi_status rows of periods up to that
 * month, the latest with a figure, else the latest (no data) — the same choice kpi_current makes
 * for the build's own month. Approximate: a late report received after `month` is still counted.
 */
export function rowsAsOf(kpiStatus, month, { scope = null } = {}) {
  const end = monthOf(month);
  const chosen = new Map();
  for (const row of kpiStatus) {
    if (scope !== null && row.scope_code !== scope) continue;
    if (monthOf(row.period) > end) continue;
    const key = `${row.target_id}|${row.scope_code}`;
    const seen = chosen.get(key);
    const better =
      !seen ||
      (row.actual != null && seen.actual == null) ||
      ((row.actual != null) === (seen.actual != null) && row.period > seen.period);
    if (better) chosen.set(key, row);
  }
  return [...chosen.values()];
}

/** one target × scope's rows in period order, up to `month` when given */
export function series(kpiStatus, targetId, scope, month = null) {
  return kpiStatus
    .filter((d) => d.target_id === targetId && d.scope_code === scope && (month === null || monthOf(d.period) <= month))
    .sort((a, b) => (a.period < b.period ? -1 : 1));
}

/** status → count */
export function countBy(rows, key = "status") {
  const counts = {};
  for (const row of rows) counts[row[key]] = (counts[row[key]] ?? 0) + 1;
  return counts;
}

const SEVERITY = ["missed", "off_track", "at_risk", "on_track", "met", "no_data"];

/** rows with the worst status first (逾期 → 滞后 → 关注 → 正常 → 达标 → 无数据), then by `tie` */
export function worstFirst(rows, tie = () => 0) {
  const rank = (s) => (SEVERITY.indexOf(s) === -1 ? SEVERITY.length : SEVERITY.indexOf(s));
  return [...rows].sort((a, b) => rank(a.status) - rank(b.status) || tie(a, b));
}

/**
 * Each unit's latest figure of an indicator (indicator_actuals rows), up to `month` when given;
 * units without any figure are left out. The city (211400) is left out unless asked for.
 */
export function latestPerUnit(actuals, indicatorId, { month = null, withCity = false } = {}) {
  const latest = new Map();
  for (const row of actuals) {
    if (row.indicator_id !== indicatorId || row.actual == null) continue;
    if (!withCity && row.scope_code === "211400") continue;
    if (month !== null && monthOf(row.period) > month) continue;
    const seen = latest.get(row.scope_code);
    if (!seen || row.period > seen.period) latest.set(row.scope_code, row);
  }
  return [...latest.values()];
}

/**
 * A ranking: highest value first (lowest for a ≤ target), ties share a rank (1, 2, 2, 4), then
 * official order (`order`: unit code → position).
 */
export function rankUnits(rows, { value = (d) => d.actual, descending = true, order = new Map() } = {}) {
  const pos = (d) => order.get(d.scope_code) ?? Infinity;
  const sorted = [...rows].sort((a, b) => {
    const diff = descending ? value(b) - value(a) : value(a) - value(b);
    return diff || pos(a) - pos(b);
  });
  let rank = 0;
  return sorted.map((d, i) => {
    if (i === 0 || value(d) !== value(sorted[i - 1])) rank = i + 1;
    return { ...d, rank };
  });
}

/**
 * Tasks (milestone_status rows) as they stood on `date` (YYYY-MM-DD), with the rules of the
 * milestone_status mart: done when completed by then, overdue when the deadline has passed,
 * due soon within 30 days, else in progress.
 */
export function milestonesAt(milestones, date) {
  const day = (s) => Date.parse(`${s}T00:00:00Z`) / 86400000;
  return milestones.map((m) => {
    const done = m.completed_on != null && m.completed_on <= date;
    const status = done
      ? "done"
      : m.deadline < date
        ? "overdue"
        : day(m.deadline) <= day(date) + 30
          ? "due_soon"
          : "in_progress";
    const daysLate =
      status === "done"
        ? Math.max(day(m.completed_on) - day(m.deadline), 0)
        : status === "overdue"
          ? day(date) - day(m.deadline)
          : 0;
    return { ...m, status, completed_late: done && m.completed_on > m.deadline, days_late: daysLate, as_of_date: date };
  });
}

/**
 * A year-to-date flow (indicator_actuals rows of one indicator × scope) as the figure of each
 * month: this month's year to date less last month's (January: itself). Months without a
 * figure, or whose previous month has none, are left out.
 */
export function monthlyFromYtd(rows) {
  const byMonth = new Map(rows.filter((d) => d.actual != null).map((d) => [monthOf(d.period), d.actual]));
  const out = [];
  for (const [month, ytd] of [...byMonth].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const [y, m] = month.split("-").map(Number);
    if (m === 1) {
      out.push({ month, value: ytd });
      continue;
    }
    const prev = `${y}-${String(m - 1).padStart(2, "0")}`;
    if (byMonth.has(prev)) out.push({ month, value: ytd - byMonth.get(prev) });
  }
  return out;
}

/**
 * Reporting completeness of one month per unit, summed over policy areas (reporting_completeness
 * rows): {unit_code, expected, on_time, late, missing, not_due}; units owing nothing left out.
 */
export function completenessByUnit(rows, month) {
  const byUnit = new Map();
  for (const row of rows) {
    if (monthOf(row.period) !== monthOf(month)) continue;
    const sum = byUnit.get(row.unit_code) ?? {
      unit_code: row.unit_code,
      expected: 0,
      received: 0,
      on_time: 0,
      late: 0,
      missing: 0,
      not_due: 0,
    };
    for (const k of ["expected", "received", "on_time", "late", "missing", "not_due"]) sum[k] += row[k] ?? 0;
    byUnit.set(row.unit_code, sum);
  }
  return [...byUnit.values()].filter((d) => d.expected > 0);
}

/**
 * A numeric target as a task (kpi_current row): done when met by its deadline, done late when
 * met after it (and meets it now), overdue when past its deadline and never met, no data without a figure,
 * else in progress. Returns a TASK_STATUS key.
 */
export function targetTaskKey(row) {
  if (row.deadline_status === "met") return "done";
  if (row.met_period && row.status === "met") return "done_late";
  if (row.actual == null && row.status === "no_data") return "no_data";
  return row.deadline_period ? "overdue" : "in_progress";
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
