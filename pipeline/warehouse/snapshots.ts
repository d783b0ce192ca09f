// Every month's end as it stood then, kept in the warehouse so that any month can be shown
// exactly without a rebuild: for each month from the plan start that ended before the build's
// own month, the marts are computed as of its end (the very SQL `kpi build --as-of YYYY-MM` runs)
// and kept in the snapshot tables. A month is computed again only when its fingerprint — the
// models, the catalogue, the parameters and the submissions received by its end — changed, so a
// routine monthly build computes one month, not the whole history.
import type { DuckDBConnection } from "@duckdb/node-api";
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import type { Catalogue } from "../catalogue/types.ts";
import { PLAN_START, resolveAsOf, writeBuildParams, type BuildParams } from "./build-params.ts";
import { queryPlain } from "./rows.ts";
import { runLayer, runSqlFile, sqlFiles } from "./sql-files.ts";

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
  for (const layer of ["00_schema", "10_staging", "20_marts", "25_snapshots"] as const)
    for (const file of await sqlFiles(layer)) hash.update(await readFile(file));
  // and what decides the moments themselves
  for (const module of ["./build-params.ts", "./snapshots.ts"])
    hash.update(await readFile(new URL(module, import.meta.url)));
  hash.update(JSON.stringify(catalogue));
  hash.update(JSON.stringify([params.tolerance, params.dueDay]));
  return hash.digest("hex");
}

/** Computes the month-end snapshots that are missing or stale; returns how many were computed. */
export async function buildSnapshots(
  connection: DuckDBConnection,
  catalogue: Catalogue,
  params: BuildParams,
  log: (line: string) => void,
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
  const [snapshot] = await sqlFiles("25_snapshots");
  for (const [i, { month, fingerprint }] of stale.entries()) {
    await writeBuildParams(connection, { ...params, asOf: month });
    await runLayer(connection, "10_staging");
    await runLayer(connection, "20_marts");
    await runSqlFile(connection, snapshot);
    await connection.run(
      `insert or replace into snapshot_builds values (cast($1 as date), $2, cast($3 as timestamptz))`,
      [`${month}-01`, fingerprint, params.builtAt.toISOString()],
    );
    if ((i + 1) % 12 === 0 || i + 1 === stale.length) log(`  [${i + 1}/${stale.length}] 截至 ${month} 月末\n`);
  }
  return stale.length;
}
