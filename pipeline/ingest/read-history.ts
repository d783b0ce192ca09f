// The values of the warehouse a run's out-of-line comparisons need, read in one query.
import type { DuckDBConnection } from "@duckdb/node-api";
import { StagedCsv } from "../warehouse/staged-csv.ts";
import type { HistoryRow } from "./history.ts";

/**
 * The values `previous` can return for the figures a run reports, and no others. For each unit and
 * indicator the run reports (`reported`: the figures, by unit, indicator and period): every value
 * from its earliest period in the run on, the value twelve months before each period it reports
 * (the same month last year, for a year-to-date flow), and the latest value before the earliest
 * (the latest earlier report, however old). A month's files on a warehouse of years read about two
 * values a unit and indicator, not every one.
 */
export async function readHistory(
  connection: DuckDBConnection,
  reported: Iterable<{ unit_code: string; indicator_id: string; period: string }>,
): Promise<HistoryRow[]> {
  const wanted = new StagedCsv("wanted");
  try {
    const added = new Set<string>();
    for (const { unit_code, indicator_id, period } of reported) {
      const key = `${unit_code}|${indicator_id}|${period}`;
      if (added.has(key)) continue;
      added.add(key);
      wanted.add([unit_code, indicator_id, period]);
    }
    if (wanted.rows === 0) return [];
    const reader = await connection.runAndReadAll(
      `with run as (
         select unit_code, indicator_id, cast(period as date) as period
         from ${wanted.reader({ unit_code: "varchar", indicator_id: "varchar", period: "varchar" })}
       ),
       earliest as (
         select unit_code, indicator_id, min(period) as period from run group by all
       ),
       from_earliest as (
         select o.unit_code, o.indicator_id, o.period, o.value
         from observations o join earliest e using (unit_code, indicator_id)
         where o.period >= e.period
       ),
       year_before as (
         select o.unit_code, o.indicator_id, o.period, o.value
         from observations o
         join (select distinct unit_code, indicator_id, cast(period - interval 12 month as date) as period from run) y
           using (unit_code, indicator_id, period)
       ),
       latest_before as (
         select o.unit_code, o.indicator_id, max(o.period) as period, arg_max(o.value, o.period) as value
         from observations o join earliest e using (unit_code, indicator_id)
         where o.period < e.period
         group by all
       )
       select unit_code, indicator_id, strftime(period, '%Y-%m-%d'), cast(value as double)
       from (from from_earliest union all from year_before union all from latest_before)`,
    );
    return reader.getRows().map(([unit_code, indicator_id, period, value]) => ({
      unit_code: String(unit_code),
      indicator_id: String(indicator_id),
      period: String(period),
      value: Number(value),
    }));
  } finally {
    wanted.remove();
  }
}

/** Which units and indicators the warehouse holds any value of ("unit|indicator"). */
export async function heldGroups(connection: DuckDBConnection): Promise<Set<string>> {
  const reader = await connection.runAndReadAll("select distinct unit_code || '|' || indicator_id from observations");
  return new Set(reader.getRows().map(([group]) => String(group)));
}
