// `kpi export --parquet DIR`: every mart as Parquet any engine reads (Spark, Trino, BigQuery,
// DuckDB, pandas), Hive-partitioned by year where the mart has a moment or a period
// (DIR/<mart>/year=2024/…parquet), in one file where it has none. The marts are the tables the
// 20_marts and 30_reader models create, found in their SQL, so a new model is exported too.
import type { DuckDBConnection } from "@duckdb/node-api";
import { mkdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { queryPlain } from "../warehouse/rows.ts";
import { sqlFiles } from "../warehouse/sql-files.ts";

/** the columns a mart's year is taken from, in this order: the moment it describes, else its period */
const YEAR_FROM = ["as_of_month", "period", "month", "report_month"];

export async function martTables(): Promise<string[]> {
  const tables: string[] = [];
  for (const layer of ["20_marts", "30_reader"] as const)
    for (const file of await sqlFiles(layer))
      for (const m of (await readFile(file, "utf-8")).matchAll(/create or replace table (\w+)/g)) tables.push(m[1]);
  return tables;
}

const quote = (s: string) => `'${s.replaceAll("'", "''")}'`;

export interface Exported {
  table: string;
  rows: number;
  /** the partition key (year), or null for a mart written as one file */
  partition: string | null;
}

/** The year a mart is partitioned by: its own `year` column, else year() of its moment or period. */
export function yearExpression(columns: string[]): string | null {
  if (columns.includes("year")) return "year";
  const from = YEAR_FROM.find((c) => columns.includes(c));
  return from ? `year(${from})` : null;
}

export async function exportParquet(connection: DuckDBConnection, dir: string): Promise<Exported[]> {
  const exported: Exported[] = [];
  for (const table of await martTables()) {
    const columns = (
      await queryPlain(
        connection,
        `select column_name from duckdb_columns() where table_name = $1 order by column_index`,
        [table],
      )
    ).map((r) => String(r.column_name));
    if (columns.length === 0) continue; // not built yet
    const year = yearExpression(columns);
    const [{ n }] = await queryPlain(connection, `select count(*) as n from ${table}`);
    await mkdir(join(dir, table), { recursive: true });
    if (year === null) {
      await connection.run(`copy ${table} to ${quote(join(dir, table, `${table}.parquet`))} (format parquet)`);
    } else {
      const select = year === "year" ? `select * from ${table}` : `select *, ${year} as year from ${table}`;
      await connection.run(
        `copy (${select}) to ${quote(join(dir, table))} (format parquet, partition_by (year), overwrite_or_ignore)`,
      );
    }
    exported.push({ table, rows: Number(n), partition: year === null ? null : "year" });
  }
  return exported;
}
