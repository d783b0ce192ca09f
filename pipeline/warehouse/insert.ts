// Bulk inserts with every value bound: the one way the pipeline writes rows it holds in memory.
import type { DuckDBConnection, DuckDBValue } from "@duckdb/node-api";

/** One multi-row INSERT per 200 rows, every value bound; `$` in a template marks the value. */
export async function insertValues(
  connection: DuckDBConnection,
  table: string,
  templates: string[],
  rows: DuckDBValue[][],
): Promise<void> {
  for (let start = 0; start < rows.length; start += 200) {
    const chunk = rows.slice(start, start + 200);
    let n = 0;
    const tuples = chunk.map(() => `(${templates.map((t) => t.replace("$", `$${++n}`)).join(", ")})`);
    await connection.run(`insert into ${table} values ${tuples.join(", ")}`, chunk.flat());
  }
}
