// One build of the KPI tables: reload the catalogue, record the build's parameters, run the
// month-end snapshots still to compute, the staging views, the marts and the reader marts, then
// the data tests, all in one transaction (a failed build or a
// failing test leaves the warehouse as it was). `kpi build` and `kpi bulletin` (on a copy of the
// warehouse) both call it.
import type { DuckDBConnection } from "@duckdb/node-api";
import type { Catalogue } from "../catalogue/types.ts";
import { writeBuildParams, type AsOf, type BuildParams } from "./build-params.ts";
import { inTransaction } from "./connection.ts";
import { assertDataTests } from "./data-tests.ts";
import { prepareWarehouse } from "./prepare.ts";
import { buildSnapshots } from "./snapshots.ts";
import { runLayer } from "./sql-files.ts";

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
    await buildSnapshots(connection, catalogue, params, log, signal);
    signal?.throwIfAborted();
    const asOf = await writeBuildParams(connection, params);
    log(`· 模型 models as of ${asOf.date} (received before ${asOf.at.toISOString()}): staging, marts, reader\n`);
    await runLayer(connection, "10_staging");
    await runLayer(connection, "20_marts");
    await runLayer(connection, "30_reader");
    await assertDataTests(connection, log);
    return asOf;
  });
}
