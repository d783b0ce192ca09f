// The dashboard's data: files written from the marts of one build, so every page shows the same
// as-of moment. Written to a temporary folder and swapped in whole.
import type { DuckDBConnection } from "@duckdb/node-api";
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { queryPlain } from "../warehouse/rows.ts";

/** file name → the query that fills it */
export const EXPORTS: Record<string, string> = {
  // the moment every page says it shows; the latest report month due by then, the latest ended
  // (the one clerks report now) and the first still to fall due, with its due day
  "build.json": `select strftime(as_of_month, '%Y-%m') as as_of, strftime(as_of_date, '%Y-%m-%d') as as_of_date,
      as_of_label_zh, is_sample, built_at, received_before,
      (select strftime(max(report_month), '%Y-%m') from stg_periods where is_due) as due_month,
      (select strftime(max(report_month), '%Y-%m') from stg_periods) as latest_month,
      (select strftime(min(report_month), '%Y-%m') from stg_periods where not is_due) as next_month,
      (select strftime(timezone('Asia/Shanghai', min(due_by)) - interval 1 day, '%Y-%m-%d') from stg_periods where not is_due) as next_due_on
      from build_params`,
  "counties.json": `select * exclude (aliases, note) from counties order by sort_order`,
  "indicators.json": `select indicator_id, doc_id, name_zh, name_en, unit_zh, base_unit, display_scale, frequency,
      time_aggregation, unit_aggregation, numerator_id, denominator_id, reported from indicators order by indicator_id`,
  "documents.json": `select * from documents order by issued_on`,
  "targets.json": `select * from targets order by doc_id, target_id`,
  "indicator_actuals.json": `select indicator_id, scope_code, strftime(period, '%Y-%m-%d') as period, actual, numerator, denominator,
      units_reported, units_expected, units_incomplete, carried_forward from indicator_actuals order by indicator_id, scope_code, period`,
  "indicator_annual.json": `select indicator_id, scope_code, year, actual, numerator, denominator,
      strftime(latest_period, '%Y-%m-%d') as latest_period, is_complete from indicator_annual order by indicator_id, scope_code, year`,
  "history.json": `select unit_code, indicator_id, strftime(period, '%Y-%m-%d') as period, cast(value as double) as value
      from stg_observations_as_of order by all`,
  "submissions.json": `select submission_id, file_name, sha256, size_bytes, strftime(received_at at time zone 'Asia/Shanghai', '%Y-%m-%d %H:%M') as received_at,
      unit_codes, rows_read, rows_accepted, rows_rejected, rows_skipped, rows_warned, status, reason
      from submissions, build_params where received_at < received_before order by submission_id desc`,
  "rejections.json": `select r.* from rejections r join submissions s using (submission_id), build_params
      where s.received_at < received_before order by submission_id desc, source_line`,
  "kpi_status.json": `select * replace (strftime(period, '%Y-%m-%d') as period, strftime(deadline, '%Y-%m-%d') as deadline)
      from kpi_status order by target_id, scope_code, period`,
  "kpi_current.json": `select * replace (strftime(latest_period, '%Y-%m-%d') as latest_period, strftime(deadline, '%Y-%m-%d') as deadline,
      strftime(deadline_period, '%Y-%m-%d') as deadline_period, strftime(met_period, '%Y-%m-%d') as met_period)
      from kpi_current order by target_id, scope_code`,
  "milestone_status.json": `select * replace (strftime(deadline, '%Y-%m-%d') as deadline, strftime(completed_on, '%Y-%m-%d') as completed_on,
      strftime(as_of_date, '%Y-%m-%d') as as_of_date) from milestone_status order by deadline, target_id`,
  "reporting_completeness.json": `select * exclude (due_by, last_received_at) replace (strftime(period, '%Y-%m-%d') as period)
      from reporting_completeness order by unit_code, period, doc_id`,
};

/** Writes every export, plus `extra` files (name → value as JSON), into outDir as one swap. */
export async function writeExports(
  connection: DuckDBConnection,
  outDir: string,
  extra: Record<string, unknown> = {},
): Promise<string[]> {
  const temp = `${outDir}.tmp-${process.pid}`;
  await rm(temp, { recursive: true, force: true });
  await mkdir(temp, { recursive: true });
  for (const [file, sql] of Object.entries(EXPORTS)) {
    const rows = await queryPlain(connection, sql);
    await writeFile(join(temp, file), JSON.stringify(file === "build.json" ? rows[0] : rows));
  }
  for (const [file, value] of Object.entries(extra)) await writeFile(join(temp, file), JSON.stringify(value));
  await mkdir(dirname(outDir), { recursive: true });
  await rm(outDir, { recursive: true, force: true });
  await rename(temp, outDir);
  return [...Object.keys(EXPORTS), ...Object.keys(extra)];
}
