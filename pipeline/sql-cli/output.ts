// A query result as text (table, CSV, JSON) or as a Parquet file. Files are written from Node,
// never by the connection the query ran on (that one cannot touch files): Parquet goes through a
// separate in-memory DuckDB that receives the rows and runs only our own COPY statement.
import { DuckDBInstance } from "@duckdb/node-api";
import { mkdtemp, readFile, rename, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { toCsv } from "../format/csv.ts";
import { formatTable } from "../format/table.ts";
import type { Plain } from "../warehouse/rows.ts";
import type { QueryResult } from "./session.ts";

export const FORMATS = ["table", "csv", "json", "parquet"] as const;
export type Format = (typeof FORMATS)[number];

export const isFormat = (text: string): text is Format => (FORMATS as readonly string[]).includes(text);

function cellText(value: Plain): string {
  if (value === null) return "NULL";
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}

/** at most maxRows rows, right-aligned numbers, then a line with the total row count */
export function renderTable(result: Pick<QueryResult, "columns" | "rows">, maxRows: number): string {
  const { columns, rows } = result;
  const shown = rows.slice(0, maxRows);
  const numeric = new Set(columns.flatMap((c, i) => (rows.some((r) => typeof r[c] === "number") ? [i] : [])));
  const table = formatTable(
    columns,
    shown.map((r) => columns.map((c) => cellText(r[c]))),
    { right: numeric },
  );
  const more = rows.length > shown.length ? `，显示前 ${shown.length} 行 first ${shown.length} shown (--max-rows)` : "";
  return `${table}(${rows.length} 行 rows${more})\n`;
}

export function renderText(result: QueryResult, format: Exclude<Format, "parquet">, maxRows: number): string {
  if (format === "json") return JSON.stringify(result.rows, null, 2) + "\n";
  if (format === "csv") return toCsv(result.columns, result.rows);
  return renderTable(result, maxRows);
}

const quoteIdentifier = (name: string) => `"${name.replace(/"/g, '""')}"`;
const quoteLiteral = (text: string) => `'${text.replace(/'/g, "''")}'`;

/** the result as Parquet bytes, column types exactly as DuckDB had them */
export async function parquetBytes(result: QueryResult): Promise<Uint8Array> {
  const { reader } = result;
  const names = reader.deduplicatedColumnNames();
  const types = reader.columnTypes();
  const dir = await mkdtemp(join(tmpdir(), "kpi-sql-"));
  const file = join(dir, "result.parquet");
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  try {
    const columns = names.map((name, i) => `${quoteIdentifier(name)} ${types[i].toString()}`);
    await connection.run(`create table result (${columns.join(", ")})`);
    const appender = await connection.createAppender("result");
    for (const row of reader.getRows()) {
      row.forEach((value, i) => appender.appendValue(value, types[i]));
      appender.endRow();
    }
    appender.closeSync();
    // the path is our own temporary folder, never text from the user
    await connection.run(`copy result to ${quoteLiteral(file)} (format parquet)`);
    return new Uint8Array(await readFile(file));
  } finally {
    connection.closeSync();
    instance.closeSync();
    await rm(dir, { recursive: true, force: true });
  }
}

/** writes beside the target, then renames: a reader never sees half a file */
export async function writeAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.tmp-${process.pid}`);
  await writeFile(temp, data);
  await rename(temp, path);
}
