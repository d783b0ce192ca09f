// Query results as plain JSON-safe objects: integers and decimals as numbers (strings only if
// beyond 2^53), dates as YYYY-MM-DD, timestamps as ISO text.
import type { DuckDBConnection, DuckDBResultReader, DuckDBValue } from "@duckdb/node-api";

export type Plain = string | number | boolean | null | Plain[] | { [key: string]: Plain };

const NUMERIC = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|DECIMAL)/;

export function plainRows(reader: DuckDBResultReader): Record<string, Plain>[] {
  const names = reader.columnNames();
  const numeric = reader.columnTypes().map((t) => NUMERIC.test(String(t)));
  return reader.getRowObjectsJson().map((row) => {
    const out: Record<string, Plain> = {};
    names.forEach((name, i) => {
      const value = row[name] as Plain;
      if (numeric[i] && typeof value === "string") {
        const n = Number(value);
        out[name] = Number.isSafeInteger(Math.trunc(n)) ? n : value;
      } else out[name] = value;
    });
    return out;
  });
}

export async function queryPlain(
  connection: DuckDBConnection,
  sql: string,
  values?: DuckDBValue[] | Record<string, DuckDBValue>,
): Promise<Record<string, Plain>[]> {
  return plainRows(await connection.runAndReadAll(sql, values));
}
