// The values of the warehouse a run's out-of-line comparisons need, read in one query.
import type { DuckDBConnection } from "@duckdb/node-api";
import { StagedCsv } from "../warehouse/staged-csv.ts";
import type { HistoryRow } from "./history.ts";

/**
 * The values `previous` can return for the figures a run reports, and no others: for each unit and
 * indicator (`first`: "unit|indicator" → the earliest period the run reports for it), every value
 * from twelve months before that period on (the same month last year, and every later one), and
 * the latest one before those (the latest earlier report, however old). A run of a month's files
 * on a warehouse of years reads a few months of values, not every one.
 */
export async function readHistory(connection: DuckDBConnection, first: Map<string, string>): Promise<HistoryRow[]> {
  if (first.size === 0) return [];
  const wanted = new StagedCsv("wanted");
  try {
    for (const [group, period] of first) wanted.add([...group.split("|"), period]);
    const reader = await connection.runAndReadAll(
      `with wanted as (
         select unit_code, indicator_id, cast(cast(first_period as date) - interval 12 month as date) as cutoff
         from ${wanted.reader({ unit_code: "varchar", indicator_id: "varchar", first_period: "varchar" })}
       ),
       recent as (
         select o.unit_code, o.indicator_id, o.period, o.value
         from observations o join wanted w using (unit_code, indicator_id)
         where o.period >= w.cutoff
       ),
       latest_before as (
         select o.unit_code, o.indicator_id, max(o.period) as period, arg_max(o.value, o.period) as value
         from observations o join wanted w using (unit_code, indicator_id)
         where o.period < w.cutoff
         group by all
       )
       select unit_code, indicator_id, strftime(period, '%Y-%m-%d'), cast(value as double)
       from (from recent union all from latest_before)`,
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
