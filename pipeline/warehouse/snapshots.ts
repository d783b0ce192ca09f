// Every month's end of the targets as it stood then, kept in the warehouse so that any month can be
// shown exactly without a rebuild: for each month from the plan start that ended before the build's
// own month, the target marts are computed as of its end (the very SQL `kpi build --as-of YYYY-MM`
// runs) and kept in snapshot_targets. (Tasks and reporting are moment-keyed models computed for
// every month's end in one pass: milestone_moments, reporting_moments.) A month is computed again
// only when its fingerprint — the SQL it runs, the catalogue, the parameters and the submissions
// received by its end — changed, so a routine monthly build computes one month, not the whole
// history.
//
// The months are computed in a scratch in-memory DuckDB of their own, each month committed there
// and its marts replaced by the next, within a memory limit (spilling to a temporary folder): a
// from-scratch build keeps one month's marts in memory at a time, not every month's in the build's
// one transaction. The build's transaction hands the scratch database its inputs (the schema's
// tables as they stand in it, catalogue just reloaded) and takes the snapshots back, as Parquet.
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { createHash } from "node:crypto";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import type { Catalogue } from "../catalogue/types.ts";
import { PLAN_START, resolveAsOf, writeBuildParams, type BuildParams } from "./build-params.ts";
import { queryPlain } from "./rows.ts";
import { runLayer, runSqlFile, sqlFiles } from "./sql-files.ts";

/** the scratch database's memory limit: past it, DuckDB spills to the temporary folder */
export const SNAPSHOT_MEMORY_LIMIT = "1GB";
const SNAPSHOT_TABLES = ["snapshot_targets"];
/** the marts a target's month-end needs; the tasks' and the reporting's every month-end are computed in one pass */
const TARGET_MARTS = ["10_indicator_actuals.sql", "15_indicator_annual.sql", "20_kpi_status.sql", "25_kpi_current.sql"];
const quote = (s: string) => `'${s.replaceAll("'", "''")}'`;

/** The months (YYYY-MM) from the plan start up to, not including, the month of `asOfDate`. */
export function snapshotMonths(asOfDate: string): string[] {
  const months: string[] = [];
  let [y, m] = PLAN_START.split("-").map(Number);
  for (let key = `${y}-01`; key < asOfDate.slice(0, 7);) {
    months.push(key);
    [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
    key = `${y}-${String(m).padStart(2, "0")}`;
  }
  return months;
}

async function modelsHash(catalogue: Catalogue, params: BuildParams): Promise<string> {
  const hash = createHash("sha256");
  // the schema and the SQL a month-end runs: a change to any other mart recomputes no month
  for (const file of [...(await sqlFiles("00_schema")), ...(await monthEndFiles())]) hash.update(await readFile(file));
  // and what decides the moments themselves
  for (const module of ["./build-params.ts", "./snapshots.ts"])
    hash.update(await readFile(new URL(module, import.meta.url)));
  hash.update(JSON.stringify(catalogue));
  hash.update(JSON.stringify([params.tolerance, params.dueDay]));
  return hash.digest("hex");
}

/** The SQL files a month-end runs, in order: the staging views, the target marts, the snapshot step. */
async function monthEndFiles(): Promise<string[]> {
  return [
    ...(await sqlFiles("10_staging")),
    ...(await sqlFiles("20_marts")).filter((file) => TARGET_MARTS.includes(basename(file))),
    ...(await sqlFiles("25_snapshots")),
  ];
}

/** Computes the month-end snapshots that are missing or stale; returns how many were computed. */
export async function buildSnapshots(
  connection: DuckDBConnection,
  catalogue: Catalogue,
  params: BuildParams,
  log: (line: string) => void,
  signal?: AbortSignal,
): Promise<number> {
  const months = snapshotMonths(resolveAsOf(params.asOf, params.builtAt).date);
  const models = await modelsHash(catalogue, params);
  const kept = new Map(
    (
      await queryPlain(connection, `select strftime(as_of_month, '%Y-%m') as month, fingerprint from snapshot_builds`)
    ).map((r) => [String(r.month), String(r.fingerprint)]),
  );
  const stale: { month: string; fingerprint: string }[] = [];
  for (const month of months) {
    const { at } = resolveAsOf(month, params.builtAt);
    const [received] = await queryPlain(
      connection,
      `select count(*) as n, coalesce(max(submission_id), 0) as last, coalesce(sum(submission_id), 0) as total
       from submissions where received_at < cast($1 as timestamptz)`,
      [at.toISOString()],
    );
    const fingerprint = createHash("sha256").update(models).update(JSON.stringify(received)).digest("hex");
    if (kept.get(month) !== fingerprint) stale.push({ month, fingerprint });
  }
  log(`· 月末快照 month-end snapshots: ${months.length - stale.length} kept, ${stale.length} to compute\n`);
  if (stale.length === 0) return 0;
  const dir = await mkdtemp(join(tmpdir(), "kpi-snapshots-"));
  const scratch = await DuckDBInstance.create(":memory:", {
    memory_limit: SNAPSHOT_MEMORY_LIMIT,
    temp_directory: join(dir, "spill"),
  });
  const s = await scratch.connect();
  try {
    await copyInputs(connection, s, dir);
    const files = await monthEndFiles();
    for (const [i, { month }] of stale.entries()) {
      signal?.throwIfAborted();
      await writeBuildParams(s, { ...params, asOf: month });
      for (const file of files) await runSqlFile(s, file);
      if ((i + 1) % 12 === 0 || i + 1 === stale.length) log(`  [${i + 1}/${stale.length}] 截至 ${month} 月末\n`);
    }
    for (const table of SNAPSHOT_TABLES) {
      const file = quote(join(dir, `${table}.parquet`));
      await s.run(`copy ${table} to ${file} (format parquet)`);
      await connection.run(`delete from ${table} where as_of_month in (select as_of_month from read_parquet(${file}))`);
      await connection.run(`insert into ${table} by name select * from read_parquet(${file})`);
    }
  } finally {
    s.closeSync();
    scratch.closeSync();
    await rm(dir, { recursive: true, force: true });
  }
  for (const { month, fingerprint } of stale)
    await connection.run(
      `insert or replace into snapshot_builds values (cast($1 as date), $2, cast($3 as timestamptz))`,
      [`${month}-01`, fingerprint, params.builtAt.toISOString()],
    );
  return stale.length;
}

/** The schema's tables (the snapshots' own aside) from the build's transaction into the scratch database. */
async function copyInputs(connection: DuckDBConnection, s: DuckDBConnection, dir: string): Promise<void> {
  await runLayer(s, "00_schema");
  const tables = (
    await queryPlain(
      s,
      `select table_name from duckdb_tables() where schema_name = 'main' and not temporary order by all`,
    )
  )
    .map((r) => String(r.table_name))
    .filter((t) => !SNAPSHOT_TABLES.includes(t) && t !== "snapshot_builds");
  for (const table of tables) {
    const file = quote(join(dir, `${table}.parquet`));
    await connection.run(`copy (select * from "${table}") to ${file} (format parquet)`);
    await s.run(`delete from "${table}"`);
    await s.run(`insert into "${table}" by name select * from read_parquet(${file})`);
  }
}
