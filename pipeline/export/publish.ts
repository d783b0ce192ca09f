// One build published: the marts as of a moment, then the dashboard's data files from them (as one
// swap). `kpi build` runs it once; `kpi serve` after the uploads it accepts.
import type { DuckDBConnection } from "@duckdb/node-api";
import type { Catalogue } from "../catalogue/types.ts";
import type { AsOf, BuildParams } from "../warehouse/build-params.ts";
import { buildMarts } from "../warehouse/build-marts.ts";
import { writeExports } from "./exports.ts";

export async function publish(
  connection: DuckDBConnection,
  catalogue: Catalogue,
  params: BuildParams,
  outDir: string,
  log: (line: string) => void,
  signal?: AbortSignal,
): Promise<{ asOf: AsOf; files: string[] }> {
  const asOf = await buildMarts(connection, catalogue, params, log, signal);
  signal?.throwIfAborted();
  // the browser's pre-check resolves names exactly as `kpi ingest` does: same catalogue object
  const files = await writeExports(connection, outDir, { "catalogue.json": catalogue });
  return { asOf, files };
}
