// The bulletin's input: the reader marts at one moment (rpt_moments: a month's end, or the last
// build's own moment), read by the same queries whether `kpi bulletin` reads them from the
// warehouse or `kpi build` writes them for the 月度通报 page (bulletin.json) — so both say the same.
import type { DuckDBConnection } from "@duckdb/node-api";
import { queryPlain } from "../warehouse/rows.ts";
import type { BulletinData } from "./content.ts";

/** The moment a query is about: the build's own, or a kept month's end (first day of that month). */
export type Moment = "latest" | { month: string };

function momentSql(moment: Moment): string {
  if (moment === "latest") return `(select as_of_month from rpt_moments where is_latest)`;
  if (!/^\d{4}-\d{2}$/.test(moment.month)) throw new Error(`bulletin: not a month '${moment.month}'`);
  return `date '${moment.month}-01'`;
}

/** key of BulletinData → the query of its rows at the moment */
export function bulletinQueries(moment: Moment): Record<keyof BulletinData, string> {
  const at = momentSql(moment);
  return {
    vocabulary: `select * from vocabulary order by domain, sort_order`,
    build: `select strftime(as_of_month, '%Y-%m') as as_of, strftime(as_of_date, '%Y-%m-%d') as as_of_date, as_of_label_zh,
        cast(built_at as varchar) as built_at, strftime(due_month, '%Y-%m') as due_month
        from rpt_moments where as_of_month = ${at}`,
    counties: `select unit_code, name_zh, sort_order from counties order by sort_order`,
    indicators: `select indicator_id, name_zh, unit_zh, display_scale, doc_id, frequency from indicators order by indicator_id`,
    targets: `select target_id, doc_id, kind, indicator_id, comparator, target_value, strftime(deadline, '%Y-%m-%d') as deadline,
        deadline_basis, source_quote from targets order by doc_id, target_id`,
    kinds: `select kind, kind_zh, kind_total, domain, code, zh, n from rpt_kind_counts
        where as_of_month = ${at} and doc_id = 'all' order by kind_order, sort_order`,
    documents: `select doc_id, area_zh, strftime(issued_on, '%Y-%m-%d') as issued_on from documents order by issued_on`,
    kpi_current: `select m.target_id, m.indicator_id, m.scope_code, strftime(m.latest_period, '%Y-%m-%d') as latest_period, m.actual,
        t.target_value, strftime(t.deadline, '%Y-%m-%d') as deadline, m.expected_value, m.pct_of_target, m.status
        from rpt_target_moments m join targets t using (target_id) where m.as_of_month = ${at} order by m.target_id, m.scope_code`,
    milestone_status: `select m.target_id, m.scope_code, t.source_clause, strftime(m.deadline, '%Y-%m-%d') as deadline, m.lead_unit,
        m.responsible_units, m.status, m.days_late
        from rpt_task_moments m join targets t using (target_id) where m.as_of_month = ${at} order by m.deadline, m.target_id`,
    reporting_completeness: `select unit_code, strftime(period, '%Y-%m-%d') as period, expected, on_time, late, missing, not_due
        from rpt_reporting_moments where as_of_month = ${at} order by unit_code`,
  };
}

/** The bulletin's rows at a moment, from a built warehouse; null when it keeps no such moment. */
export async function readBulletinData(connection: DuckDBConnection, moment: Moment): Promise<BulletinData | null> {
  const data: Record<string, unknown> = {};
  for (const [key, sql] of Object.entries(bulletinQueries(moment))) {
    const rows = await queryPlain(connection, sql);
    if (key === "build" && rows.length === 0) return null;
    data[key] = key === "build" ? rows[0] : rows;
  }
  return data as unknown as BulletinData;
}

/** The query of the page's file: every part at the latest moment, as one object of rows. */
export function bulletinExport(): string {
  const parts = Object.entries(bulletinQueries("latest")).map(([key, sql]) =>
    key === "build"
      ? `(select x from (${sql}) x) as build`
      : `(select coalesce(list(x), []) from (${sql}) x) as ${key}`,
  );
  return `select ${parts.join(",\n  ")}`;
}
