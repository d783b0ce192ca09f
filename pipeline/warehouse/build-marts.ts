// One build of the KPI tables: reload the catalogue, record the build's parameters, run the
// staging views and the marts, all in one transaction (a failed build leaves the warehouse as it
// was). `kpi build` and `kpi bulletin` (on a copy of the warehouse) both call it.
import type { DuckDBConnection } from "@duckdb/node-api";
import type { Catalogue } from "../catalogue/types.ts";
import { writeBuildParams, type BuildParams } from "./build-params.ts";
import { inTransaction } from "./connection.ts";
import { prepareWarehouse } from "./prepare.ts";
import { runLayer } from "./sql-files.ts";

export async function buildMarts(
  connection: DuckDBConnection,
  catalogue: Catalogue,
  params: BuildParams,
  log: (line: string) => void = () => {},
): Promise<void> {
  await inTransaction(connection, async () => {
    log(`· 目录 catalogue: ${catalogue.targets.length} targets, ${catalogue.indicators.length} indicators\n`);
    await prepareWarehouse(connection, catalogue);
    await writeBuildParams(connection, params);
    log(`· 模型 models as of ${params.asOf}: staging, marts\n`);
    await runLayer(connection, "10_staging");
    await runLayer(connection, "20_marts");
  });
}
