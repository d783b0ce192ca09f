// What the hardening tests compare: a warehouse's rows, read through a read-only connection.
import { DuckDBInstance } from "@duckdb/node-api";

export async function query(db: string, sql: string): Promise<unknown[][]> {
  return (await queries(db, [sql]))[0];
}

/** several queries on one read-only connection */
export async function queries(db: string, sqls: string[]): Promise<unknown[][][]> {
  const instance = await DuckDBInstance.create(db, { access_mode: "READ_ONLY" });
  const connection = await instance.connect();
  try {
    const out = [];
    for (const sql of sqls) {
      const rows = (await connection.runAndReadAll(sql)).getRows();
      out.push(rows.map((r) => r.map((v) => (typeof v === "bigint" ? Number(v) : v))));
    }
    return out;
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** The data a load writes (not the record of the submission itself), as text. */
export const DATA_TABLES = ["observations", "observation_history", "milestone_reports"];
/** Everything ingestion writes, the record of each file included. */
export const INGEST_TABLES = ["submissions", "rejections", ...DATA_TABLES];

export async function tablesAsText(db: string, tables: string[]): Promise<string> {
  const parts = [];
  for (const t of tables) {
    const rows = await query(db, `select * from ${t} order by all`);
    parts.push(
      t,
      JSON.stringify(rows, (_k, v) => (typeof v === "bigint" ? String(v) : v)),
    );
  }
  return parts.join("\n");
}
