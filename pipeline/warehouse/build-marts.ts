// One build of the KPI tables: reload the catalogue, record the build's parameters, run the
// staging views, the marts (each moment-keyed: every month's end and the build's own moment in one
// pass) and the reader marts, then the data tests, all in one transaction (a failed build or a
// failing test leaves the warehouse as it was). `kpi build` and `kpi bulletin` (on a copy of the
// warehouse) both call it.
import type { DuckDBConnection } from "@duckdb/node-api";
import type { Catalogue } from "../catalogue/types.ts";
import { writeBuildParams, type AsOf, type BuildParams } from "./build-params.ts";
import { inTransaction } from "./connection.ts";
import { assertDataTests } from "./data-tests.ts";
import { prepareWarehouse } from "./prepare.ts";
import { runLayer } from "./sql-files.ts";

/** DuckDB's memory for a build; past it, its operators spill to disk */
export const BUILD_MEMORY_LIMIT = "2GB";

export async function buildMarts(
  connection: DuckDBConnection,
  catalogue: Catalogue,
  params: BuildParams,
  log: (line: string) => void = () => {},
  /** stops the build between its steps (kpi serve's shutdown); the transaction is rolled back */
  signal?: AbortSignal,
): Promise<AsOf> {
  return await inTransaction(connection, async () => {
    log(`· 目录 catalogue: ${catalogue.targets.length} targets, ${catalogue.indicators.length} indicators\n`);
    await prepareWarehouse(connection, catalogue);
    // within an explicit memory limit, spilling past it to the warehouse's temporary folder (DuckDB's
    // default, 80% of the machine, is what a nation's build would take)
    await connection.run(`set memory_limit = '${(params.memoryLimit ?? BUILD_MEMORY_LIMIT).replaceAll("'", "")}'`);
    // the moment-keyed marts look up what stood at a moment with ASOF joins; DuckDB runs one as a
    // nested loop when it guesses the probing side small, which at a guess wrong is rows × rows
    await connection.run("set asof_loop_join_threshold = 0");
    const asOf = await writeBuildParams(connection, params);
    log(`· 模型 models as of ${asOf.date} (received before ${asOf.at.toISOString()}): staging, marts, reader\n`);
    // the marts are written in parallel, each in the order its own ORDER BY gives or none: keeping
    // the order every intermediate result arrived in would hold it in memory
    await connection.run("set preserve_insertion_order = false");
    try {
      for (const layer of ["10_staging", "20_marts", "30_reader"] as const) {
        signal?.throwIfAborted();
        await runLayer(connection, layer);
      }
    } finally {
      await connection.run("reset preserve_insertion_order");
    }
    await assertDataTests(connection, log);
    return asOf;
  });
}
