import type { DuckDBConnection } from "@duckdb/node-api";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const SQL_DIR = fileURLToPath(new URL("../sql/", import.meta.url));

/** The layers, run in this order; within a layer, files run in name order. */
export const LAYERS = ["00_schema", "10_staging", "20_marts", "30_reader"] as const;

export async function sqlFiles(layer: (typeof LAYERS)[number]): Promise<string[]> {
  const dir = join(SQL_DIR, layer);
  return (await readdir(dir))
    .filter((f) => f.endsWith(".sql"))
    .sort()
    .map((f) => join(dir, f));
}

/** Runs every statement of a .sql file; a failure names the file. */
export async function runSqlFile(connection: DuckDBConnection, path: string): Promise<void> {
  const text = await readFile(path, "utf-8");
  try {
    const statements = await connection.extractStatements(text);
    for (let i = 0; i < statements.count; i++) {
      // destroyed at once: a prepared statement left to the garbage collector keeps what it read
      // (a replaced mart's old rows) in DuckDB's memory
      const statement = await statements.prepare(i);
      try {
        await statement.run();
      } finally {
        statement.destroySync();
      }
    }
  } catch (error) {
    throw new Error(`${path}: ${(error as Error).message}`);
  }
}

export async function runLayer(connection: DuckDBConnection, layer: (typeof LAYERS)[number]): Promise<void> {
  for (const file of await sqlFiles(layer)) await runSqlFile(connection, file);
}
