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

/** The values reported so far, kept up to date as files are loaded one after another. */
export class History {
  private readonly byKey = new Map<string, Map<string, number>>();
  private readonly flows: Set<string>;

  constructor(rows: HistoryRow[], indicators: Indicator[]) {
    this.flows = new Set(indicators.filter((i) => i.time_aggregation === "flow_ytd").map((i) => i.indicator_id));
    this.add(rows);
  }

  /** a later value for the same key replaces the earlier one, as in observations */
  add(rows: HistoryRow[]): void {
    for (const row of rows) {
      const key = `${row.unit_code}|${row.indicator_id}`;
      const periods = this.byKey.get(key) ?? this.byKey.set(key, new Map()).get(key)!;
      periods.set(row.period, row.value);
    }
  }

  /** whether a value for the key is held: a row reporting it again replaces that value */
  has(unitCode: string, indicatorId: string, period: string): boolean {
    return this.byKey.get(`${unitCode}|${indicatorId}`)?.has(period) ?? false;
  }

  readonly previous = (unitCode: string, indicatorId: string, period: string): PreviousValue | undefined => {
    const periods = this.byKey.get(`${unitCode}|${indicatorId}`);
    if (!periods) return undefined;
    if (this.flows.has(indicatorId)) {
      const lastYear = `${Number(period.slice(0, 4)) - 1}${period.slice(4)}`;
      const value = periods.get(lastYear);
      return value === undefined ? undefined : { period: lastYear, value };
    }
    let found: string | undefined;
    for (const p of periods.keys()) if (p < period && (found === undefined || p > found)) found = p;
    return found === undefined ? undefined : { period: found, value: periods.get(found)! };
  };
}

export function previousLookup(rows: HistoryRow[], indicators: Indicator[]) {
  return new History(rows, indicators).previous;
}
