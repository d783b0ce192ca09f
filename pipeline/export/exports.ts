// The dashboard's data: files written from the marts of one build, so every page shows the same
// as-of moment. Written to a temporary folder and swapped in whole.
import type { DuckDBConnection } from "@duckdb/node-api";
import { createReadStream } from "node:fs";
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { createInterface } from "node:readline";
import { bulletinExport } from "../bulletin/marts.ts";
import { TASK_LABEL_MAX } from "../catalogue/labels.ts";
import { queryPlain } from "../warehouse/rows.ts";

const KPI_CURRENT = `select * replace (strftime(latest_period, '%Y-%m-%d') as latest_period, strftime(deadline, '%Y-%m-%d') as deadline,
    strftime(deadline_period, '%Y-%m-%d') as deadline_period, strftime(met_period, '%Y-%m-%d') as met_period) from kpi_current`;
const MILESTONES = `select * replace (strftime(deadline, '%Y-%m-%d') as deadline, strftime(completed_on, '%Y-%m-%d') as completed_on,
    strftime(as_of_date, '%Y-%m-%d') as as_of_date) from milestone_status`;
// scope_code beside unit_code: the rows read like kpi_current's in the unit bars
const RANKINGS = `select * replace (strftime(period, '%Y-%m-%d') as period), unit_code as scope_code from rpt_unit_rankings`;
const SUBMISSIONS = `select submission_id, file_name, sha256, size_bytes, strftime(received_at at time zone 'Asia/Shanghai', '%Y-%m-%d %H:%M') as received_at,
    unit_codes, rows_read, rows_accepted, rows_rejected, rows_skipped, rows_warned, status, reason
    from submissions, build_params where received_at < received_before`;
const INDICATORS = `select indicator_id, doc_id, name_zh, name_en, unit_zh, base_unit, display_scale, frequency,
    time_aggregation, unit_aggregation, numerator_id, denominator_id, reported from indicators`;
const REJECTIONS = `select r.* from rejections r join submissions s using (submission_id), build_params where s.received_at < received_before`;

/** file name → the query that fills it: whole tables, for 数据查询 and the bulletin */
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
  "vocabulary.json": `select * from vocabulary order by domain, sort_order`,
  "counties.json": `select * exclude (aliases, note) from counties order by sort_order`,
  "indicators.json": `${INDICATORS} order by indicator_id`,
  "documents.json": `select * from documents order by issued_on`,
  "targets.json": `select * from targets order by doc_id, target_id`,
  // 目标清单's count of the catalogue's rows by kind
  "target_kinds.json": `select t.kind, v.zh as kind_zh, v.symbol, cast(count(*) as integer) as n,
      cast(count(*) filter (where t.deadline_basis <> 'printed') as integer) as deadline_not_printed
      from targets t join vocabulary v on v.domain = 'target_kind' and v.code = t.kind group by all order by min(v.sort_order)`,
  "indicator_actuals.json": `select indicator_id, scope_code, strftime(period, '%Y-%m-%d') as period, actual, numerator, denominator,
      units_reported, units_expected, units_incomplete, carried_forward from indicator_actuals order by indicator_id, scope_code, period`,
  "indicator_annual.json": `select indicator_id, scope_code, year, actual, numerator, denominator,
      strftime(latest_period, '%Y-%m-%d') as latest_period, is_complete from indicator_annual order by indicator_id, scope_code, year`,
  "history.json": `select unit_code, indicator_id, strftime(period, '%Y-%m-%d') as period, cast(value as double) as value
      from stg_observations_as_of order by all`,
  "submissions.json": `${SUBMISSIONS} order by submission_id desc`,
  "rejections.json": `${REJECTIONS} order by submission_id desc, source_line`,
  "kpi_status.json": `select * replace (strftime(period, '%Y-%m-%d') as period, strftime(deadline, '%Y-%m-%d') as deadline)
      from kpi_status order by target_id, scope_code, period`,
  "kpi_current.json": `${KPI_CURRENT} order by target_id, scope_code`,
  "milestone_status.json": `${MILESTONES} order by deadline, target_id`,
  "reporting_completeness.json": `select * exclude (due_by, last_received_at) replace (strftime(period, '%Y-%m-%d') as period)
      from reporting_completeness order by unit_code, period, doc_id`,
  // per unit and month, summed over policy areas, with each cell's state: the reporting matrix
  "reporting_cells.json": `select unit_code, strftime(period, '%Y-%m') as period, expected, on_time, late, missing, not_due, state
      from rpt_reporting_cells order by unit_code, period`,
  "reporting_ranking.json": `select * replace (strftime(month, '%Y-%m') as month) from rpt_reporting_ranking order by position`,
};

/** How many overdue or due-soon tasks the overview lists at a moment (the longest overdue first). */
export const URGENT_SHOWN = 15;

const URGENT = `(select *, count(*) over (partition by as_of_month) as urgent_total,
    row_number() over (partition by as_of_month order by status = 'overdue' desc, days_late desc, deadline, target_id) as position
    from rpt_task_moments where status in ('overdue', 'due_soon') qualify position <= ${URGENT_SHOWN})`;

/**
 * An overview file at the latest moment (`<name>.csv`, what the page shows on opening) and at every
 * moment (`<name>-moments.csv`, fetched only when a reader picks a past one); `query` takes the
 * condition on as_of_month.
 */
function overTime(name: string, query: (moment: string) => string): Record<string, string> {
  return {
    [`overview/${name}.csv`]: query(`as_of_month = (select as_of_month from build_params)`),
    [`overview/${name}-moments.csv`]: query(`true`),
  };
}

/** Slices sized to the pages that read them (file → query); `units/` and `areas/` are per unit and per document. */
export function pageExports(units: string[], docs: string[]): Record<string, string> {
  // codes and ids come from the catalogue; checked all the same, as they are written into the SQL
  for (const id of [...units, ...docs])
    if (!/^[0-9A-Za-z_]+$/.test(id)) throw new Error(`export: unexpected unit code or document id '${id}'`);
  const files: Record<string, string> = {
    // 数据报送: the values the pre-check compares a file with (the last two years: a year-to-date flow
    // is compared with the same month a year earlier), and the latest receipts
    "submit/history.csv": `select unit_code, indicator_id, strftime(period, '%Y-%m-%d') as period, cast(value as double) as value
        from stg_observations_as_of, build_params where period >= as_of_month - interval 25 month order by all`,
    // the tasks already reported done: a template leaves them out
    "submit/completions.csv": `select target_id, strftime(completed_on, '%Y-%m-%d') as completed_on from milestone_status
        where completed_on is not null order by target_id`,
    "submit/submissions.json": `select * from (${SUBMISSIONS}) order by submission_id desc limit ${RECEIPTS_SHOWN}`,
    "submit/summary.json": `select cast(count(*) as integer) as files, cast(coalesce(sum(rows_accepted), 0) as integer) as rows_accepted,
        cast(coalesce(sum(rows_rejected), 0) as integer) as rows_rejected from (${SUBMISSIONS})`,
    // 月度通报: what `kpi bulletin` reads at the latest moment
    "bulletin.json": bulletinExport(),
    // 县区: one card per unit
    "units/scorecards.json": `select * replace (strftime(report_month, '%Y-%m') as report_month) from rpt_unit_scorecard order by sort_order`,
    // 总览: every moment a reader can choose and what it showed then (counts, urgent tasks,
    // reporting); the city's own targets now, with their trajectories, for the cards
    "overview/moments.csv": `select strftime(as_of_month, '%Y-%m') as as_of_month, strftime(as_of_date, '%Y-%m-%d') as as_of_date,
        is_latest, as_of_label_zh, strftime(due_month, '%Y-%m') as due_month from rpt_moments order by as_of_month desc`,
    ...overTime(
      "counts",
      (m) => `pivot (select strftime(as_of_month, '%Y-%m') as as_of_month, subject, code, n
        from rpt_moment_counts where ${m}) on code using sum(n) group by as_of_month, subject order by as_of_month, subject`,
    ),
    // the overdue and due-soon tasks at each moment: the longest overdue first, as many as the
    // overview lists (URGENT_SHOWN), with how many there were in all
    ...overTime(
      "tasks",
      (m) => `select strftime(as_of_month, '%Y-%m') as as_of_month, target_id, status, days_late, urgent_total
        from ${URGENT} where ${m} order by as_of_month, position`,
    ),
    ...overTime(
      "reporting",
      (m) => `select strftime(as_of_month, '%Y-%m') as as_of_month, unit_code, expected, on_time, late, missing
        from rpt_reporting_moments where ${m} order by as_of_month, unit_code`,
    ),
    // the targets the overview names (its cards and the tasks it lists), with what their labels
    // need (a task's clause and the start of its quote; a card is named by its indicator) and who
    // answers for each; and the indicators of its cards
    "overview/targets.csv": `select target_id, doc_id, kind, indicator_id, scope_code, comparator, target_value, deadline,
        case when comparator = 'done_by' then source_clause end as source_clause,
        case when comparator = 'done_by' then left(source_quote, ${TASK_LABEL_MAX * 2}) end as source_quote, owner
        from targets
        where (scope_code = '211400' and comparator <> 'done_by') or target_id in (select target_id from ${URGENT})
        order by doc_id, target_id`,
    "overview/indicators.json": `select indicator_id, name_zh, unit_zh, display_scale, frequency, time_aggregation from indicators
        where indicator_id in (select indicator_id from targets where scope_code = '211400') order by indicator_id`,
    "overview/cards.json": `select k.target_id, k.indicator_id, k.scope_code, strftime(k.latest_period, '%Y-%m-%d') as latest_period,
        k.actual, k.pct_of_target, k.status, strftime(k.deadline_period, '%Y-%m-%d') as deadline_period, k.deadline_result,
        k.periods_missed, strftime(k.met_period, '%Y-%m-%d') as met_period
        from kpi_current k join targets t using (target_id)
        where k.scope_code = '211400' and t.scope_code = '211400' order by k.target_id`,
    // a card-sized trajectory: of a monthly indicator each quarter's last month and the latest
    // period (a year-to-date flow's card draws its Decembers and the latest of those)
    "overview/series.csv": `select s.target_id, strftime(s.period, '%Y-%m-%d') as period, round(cast(s.actual as double), 4) as actual,
        round(cast(s.expected_value as double), 4) as expected_value, s.status
        from kpi_status s join targets t using (target_id) join indicators i on i.indicator_id = s.indicator_id
        where s.scope_code = '211400' and t.scope_code = '211400'
          and (i.frequency <> 'monthly' or month(s.period) % 3 = 0
            or s.period = (select max(x.period) from kpi_status x where x.target_id = s.target_id and x.scope_code = s.scope_code))
        order by s.target_id, s.period`,
  };
  // 粮食产量: the one indicator's years and its target's periods
  files["areas/grain/indicator_annual.json"] =
    `select indicator_id, scope_code, year, actual, strftime(latest_period, '%Y-%m-%d') as latest_period,
      is_complete from indicator_annual where indicator_id = 'grain_output' order by scope_code, year`;
  files["areas/grain/kpi_status.json"] =
    `select target_id, scope_code, strftime(period, '%Y-%m-%d') as period, actual, status
      from kpi_status where indicator_id = 'grain_output' order by target_id, scope_code, period`;
  for (const doc of docs) {
    const own = `(select target_id from targets where doc_id = '${doc}')`;
    // the document's commitments, the indicators they measure (and the parts of its rates), and
    // how many of each kind stand where
    // (without the cataloguers' notes, which 目标清单 shows)
    files[`areas/${doc}/targets.json`] =
      `select * exclude (note) from targets where doc_id = '${doc}' order by target_id`;
    files[`areas/${doc}/indicators.json`] =
      `${INDICATORS} where doc_id = '${doc}' or indicator_id in (select indicator_id
        from targets where doc_id = '${doc}' union all select unnest([numerator_id, denominator_id]) from indicators
        where indicator_id in (select indicator_id from targets where doc_id = '${doc}')) order by indicator_id`;
    files[`areas/${doc}/kinds.json`] =
      `select kind, kind_zh, kind_order, kind_total, domain, code, zh, symbol, color, sort_order, n
        from rpt_kind_counts, build_params b where doc_id = '${doc}' and rpt_kind_counts.as_of_month = b.as_of_month
        order by kind_order, sort_order`;
    files[`areas/${doc}/kpi_current.json`] = `${KPI_CURRENT} where target_id in ${own} order by target_id, scope_code`;
    // each target's trajectory in its own scope (the city's, or a unit's own target)
    files[`areas/${doc}/kpi_status.json`] = `select s.target_id, s.scope_code, strftime(s.period, '%Y-%m-%d') as period,
        s.actual, s.expected_value, s.status, s.is_final, s.forecast_at_deadline
        from kpi_status s join targets t using (target_id) where t.doc_id = '${doc}' and s.scope_code = t.scope_code
        order by s.target_id, s.period`;
    files[`areas/${doc}/rankings.json`] =
      `${RANKINGS} where indicator_id in (select indicator_id from indicators where doc_id = '${doc}')
        order by indicator_id, rank, unit_code`;
    files[`areas/${doc}/milestone_status.json`] = `${MILESTONES} where doc_id = '${doc}' order by deadline, target_id`;
    const indicatorsOf = `(select indicator_id from indicators where doc_id = '${doc}')`;
    // the city's figures, and for a year-to-date flow each month's own (本月: this month's 本年累计
    // less last month's; January's is its 本年累计; null after a month without a figure)
    files[`areas/${doc}/city_actuals.json`] =
      `select a.indicator_id, a.scope_code, strftime(a.period, '%Y-%m-%d') as period, a.actual,
        a.units_reported, a.units_expected,
        case when i.time_aggregation = 'flow_ytd' then
          case when month(a.period) = 1 then a.actual
            else a.actual - lag(a.actual) over (partition by a.indicator_id, year(a.period) order by a.period) end
        end as month_value
        from indicator_actuals a join indicators i using (indicator_id)
        where a.scope_code = '211400' and a.indicator_id in ${indicatorsOf} order by a.indicator_id, a.period`;
    files[`areas/${doc}/indicator_annual.json`] =
      `select indicator_id, scope_code, year, actual, numerator, denominator,
        strftime(latest_period, '%Y-%m-%d') as latest_period, is_complete from indicator_annual
        where indicator_id in ${indicatorsOf} order by indicator_id, scope_code, year`;
    files[`areas/${doc}/reporting_completeness.json`] =
      `select * exclude (due_by, last_received_at) replace (strftime(period, '%Y-%m-%d') as period)
        from reporting_completeness where doc_id = '${doc}' order by unit_code, period`;
  }
  return files;
}

/**
 * The page slices of `units`, one row per unit in unit_code order: its targets' current standing
 * (and their catalogue rows), its deliverables, its own rankings, its reporting by month, and the
 * files it sent — those with its rows, and those it uploaded through kpi serve that loaded none —
 * with their rejected rows.
 */
const unitSlices = (units: string[]) => `with sent as (
    select distinct submission_id, unit_code from (
      select submission_id, unnest(unit_codes) as unit_code from submissions
      union all select submission_id, unit_code from audit_log where submission_id is not null)
  )
  select
    (select coalesce(list(k order by k.target_id), []) from (${KPI_CURRENT}) k where k.scope_code = u.unit_code) as kpi_current,
    (select coalesce(list(m order by m.deadline, m.target_id), []) from (${MILESTONES}) m where m.scope_code = u.unit_code) as tasks,
    (select coalesce(list(t order by t.target_id), []) from targets t where t.target_id in
      (select target_id from kpi_current where scope_code = u.unit_code union all
       select target_id from milestone_status where scope_code = u.unit_code)) as targets,
    (select coalesce(list(r order by r.indicator_id), []) from (${RANKINGS}) r where r.unit_code = u.unit_code) as rankings,
    (select coalesce(list(c order by c.period), []) from (select unit_code, strftime(period, '%Y-%m') as period, expected,
      on_time, late, missing, not_due, state from rpt_reporting_cells) c where c.unit_code = u.unit_code) as reporting,
    (select coalesce(list(s order by s.submission_id desc), []) from (${SUBMISSIONS}) s
      where s.submission_id in (select submission_id from sent where sent.unit_code = u.unit_code)) as submissions,
    (select coalesce(list(r order by r.submission_id desc, r.source_line), []) from (${REJECTIONS}) r
      where r.submission_id in (select submission_id from sent where sent.unit_code = u.unit_code)) as rejections
  from counties u
  where u.unit_code in (${units.map(quoted).join(", ")})
  order by u.unit_code`;

/** how many units' slices one statement computes: the lists they gather stay in memory until written */
const SLICE_BATCH = 250;

/**
 * The unit slices as units/<code>.json: DuckDB writes a batch of units as one file of a line each
 * (units in unit_code order), split here.
 */
async function writeUnitSlices(connection: DuckDBConnection, dir: string, units: string[]): Promise<void> {
  const all = join(dir, "units", "_batch.jsonl");
  for (let start = 0; start < units.length; start += SLICE_BATCH) {
    const batch = units.slice(start, start + SLICE_BATCH);
    await copyTo(connection, unitSlices(batch), all, true);
    const lines = createInterface({ input: createReadStream(all, "utf-8"), crlfDelay: Infinity });
    let i = 0;
    for await (const line of lines) {
      if (i >= batch.length) throw new Error(`export: more unit slices than units (${batch.length})`);
      await writeFile(join(dir, "units", `${batch[i++]}.json`), `${line}\n`);
    }
    if (i !== batch.length) throw new Error(`export: ${i} unit slices for ${batch.length} units`);
  }
  await rm(all, { force: true });
}

/**
 * What 数据报送 knows of where it is served: on a static host, nowhere to upload to. `kpi serve`
 * answers this file's requests itself, saying uploads go to its API.
 */
export const STATIC_SITE = { uploads: false };

/** how many of the latest receipts 数据报送 lists */
export const RECEIPTS_SHOWN = 100;

/** a SQL string literal: a path, a code */
const quoted = (text: string) => `'${text.replaceAll("'", "''")}'`;

/** DuckDB writes the file itself: rows as a JSON array or CSV; a file of one row (`object`) as that object. */
async function copyTo(connection: DuckDBConnection, sql: string, path: string, object: boolean): Promise<void> {
  const format = path.endsWith(".csv") ? "format csv, header true" : object ? "format json" : "format json, array true";
  await mkdir(dirname(path), { recursive: true });
  await connection.run(`copy (${sql}) to ${quoted(path)} (${format})`);
}

/** Writes every export, plus `extra` files (name → value as JSON), into outDir as one swap. */
export async function writeExports(
  connection: DuckDBConnection,
  outDir: string,
  extra: Record<string, unknown> = {},
): Promise<string[]> {
  const temp = `${outDir}.tmp-${process.pid}`;
  await rm(temp, { recursive: true, force: true });
  await mkdir(temp, { recursive: true });
  const units = (
    await queryPlain(connection, `select unit_code from counties where unit_code <> '211400' order by all`)
  ).map((r) => String(r.unit_code));
  const docs = (await queryPlain(connection, `select doc_id from documents order by all`)).map((r) => String(r.doc_id));
  const files = { ...EXPORTS, ...pageExports(units, docs) };
  // the files that hold one row, read by the pages as one object
  const objects = new Set(["build.json", "bulletin.json", "submit/summary.json"]);
  for (const [file, sql] of Object.entries(files)) await copyTo(connection, sql, join(temp, file), objects.has(file));
  await writeUnitSlices(connection, temp, units);
  for (const [file, value] of Object.entries({ ...extra, "service.json": STATIC_SITE }))
    await writeFile(join(temp, file), JSON.stringify(value));
  // 数据查询 lists its tables before it loads any: each whole-table export with its columns
  const tables = [];
  for (const file of Object.keys(EXPORTS)) {
    const reader = await connection.runAndReadAll(`select * from (${EXPORTS[file]}) limit 0`);
    tables.push({ table_name: file.replace(/\.json$/, ""), columns: reader.columnNames().join(", ") });
  }
  await mkdir(join(temp, "sql"), { recursive: true });
  const sorted = tables.sort((a, b) => a.table_name.localeCompare(b.table_name));
  await writeFile(join(temp, "sql", "tables.json"), JSON.stringify(sorted));
  // the old set moves aside before the new one moves in, and goes only then: a reader (kpi serve's
  // pages) meets one whole set, and a crash between the renames leaves the old set beside
  await mkdir(dirname(outDir), { recursive: true });
  const old = `${outDir}.old-${process.pid}`;
  await rm(old, { recursive: true, force: true });
  await rename(outDir, old).catch(() => undefined);
  await rename(temp, outDir);
  await rm(old, { recursive: true, force: true });
  return [...Object.keys(files), ...units.map((u) => `units/${u}.json`), ...Object.keys(extra)];
}
