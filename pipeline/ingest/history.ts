// What "the unit's previous report" means for the out-of-line warning. A year-to-date flow is
// compared with the same month a year earlier (January's 本年累计 is naturally far below
// December's); everything else with the latest earlier period.
import type { Indicator } from "../catalogue/types.ts";
import type { PreviousValue } from "./check.ts";

export interface HistoryRow {
  unit_code: string;
  indicator_id: string;
  period: string;
  value: number;
}

export function previousLookup(rows: HistoryRow[], indicators: Indicator[]) {
  const byKey = new Map<string, HistoryRow[]>();
  for (const row of rows) {
    const key = `${row.unit_code}|${row.indicator_id}`;
    const list = byKey.get(key) ?? byKey.set(key, []).get(key)!;
    list.push(row);
  }
  for (const list of byKey.values()) list.sort((a, b) => a.period.localeCompare(b.period));
  const flows = new Set(indicators.filter((i) => i.time_aggregation === "flow_ytd").map((i) => i.indicator_id));

  return (unitCode: string, indicatorId: string, period: string): PreviousValue | undefined => {
    const list = byKey.get(`${unitCode}|${indicatorId}`);
    if (!list) return undefined;
    if (flows.has(indicatorId)) {
      const lastYear = `${Number(period.slice(0, 4)) - 1}${period.slice(4)}`;
      const row = list.find((r) => r.period === lastYear);
      return row && { period: row.period, value: row.value };
    }
    let found: HistoryRow | undefined;
    for (const row of list) if (row.period < period) found = row;
    return found && { period: found.period, value: found.value };
  };
}
