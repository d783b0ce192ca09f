// The bulletin's input read from a built warehouse with the very queries that write the
// dashboard's exports, so `kpi bulletin` and the 月度通报 page see the same rows.
import type { DuckDBConnection } from "@duckdb/node-api";
import { EXPORTS } from "../export/exports.ts";
import { queryPlain } from "../warehouse/rows.ts";
import type { BulletinData } from "./content.ts";

const FILES: Record<keyof BulletinData, string> = {
  vocabulary: "vocabulary.json",
  build: "build.json",
  counties: "counties.json",
  indicators: "indicators.json",
  targets: "targets.json",
  documents: "documents.json",
  kpi_current: "kpi_current.json",
  milestone_status: "milestone_status.json",
  reporting_completeness: "reporting_completeness.json",
};

export async function readBulletinData(connection: DuckDBConnection): Promise<BulletinData> {
  const data: Record<string, unknown> = {};
  for (const [key, file] of Object.entries(FILES)) {
    const rows = await queryPlain(connection, EXPORTS[file]);
    data[key] = file === "build.json" ? rows[0] : rows;
  }
  return data as unknown as BulletinData;
}
