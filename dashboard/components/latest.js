// The latest row of each target × scope in kpi_status: what a page shows as "now".
export function latestByTarget(kpiStatus, scopeCode = "211400") {
  const latest = new Map();
  for (const row of kpiStatus) {
    if (row.scope_code !== scopeCode) continue;
    const seen = latest.get(row.target_id);
    if (!seen || row.period > seen.period) latest.set(row.target_id, row);
  }
  return [...latest.values()];
}

export function countByStatus(rows) {
  const counts = {};
  for (const row of rows) counts[row.status] = (counts[row.status] ?? 0) + 1;
  return counts;
}
