// The connection analysts' SQL runs on: the warehouse file opened read-only, external file access
// off unless asked for, extensions never installed or loaded on demand, and the configuration
// locked so no statement can switch any of that back. Nothing else ever runs on it but the user's
// queries and the catalogue look-ups below.
import { DuckDBInstance, type DuckDBConnection, type DuckDBResultReader } from "@duckdb/node-api";
import { existsSync } from "node:fs";
import { serveCopy, servingAt } from "../warehouse/serving.ts";
import { CliError } from "../errors.ts";
import { plainRows, type Plain } from "../warehouse/rows.ts";
import { explainError, QueryRefused, refusalByKeyword, refusalForType } from "./guard.ts";

export interface QueryResult {
  columns: string[];
  /** DuckDB's type of each column, as SQL text (DECIMAL(18,3), VARCHAR[], …) */
  types: string[];
  rows: Record<string, Plain>[];
  /** the reader, for exact values (parquet output) */
  reader: DuckDBResultReader;
}

export interface QuerySession {
  /** runs exactly one query; throws QueryRefused with a clear message when it is not allowed or fails */
  query(sql: string): Promise<QueryResult>;
  /** tables and views of the warehouse */
  tables(): Promise<QueryResult>;
  /** the columns of one table or view, with their descriptions */
  schema(name: string): Promise<QueryResult>;
  close(): void;
}

export interface SessionOptions {
  /** let queries read files outside the warehouse (read_csv, read_parquet, …) */
  allowExternalFiles?: boolean;
}

export function sessionConfig({ allowExternalFiles = false }: SessionOptions): Record<string, string> {
  return {
    access_mode: "READ_ONLY",
    enable_external_access: allowExternalFiles ? "true" : "false",
    autoinstall_known_extensions: "false",
    autoload_known_extensions: "false",
    allow_community_extensions: "false",
    lock_configuration: "true",
  };
}

/**
 * Opens the warehouse for analysts' queries. While `kpi serve` holds it (the only writer, so no
 * reader can open the file), the server's copy is opened instead and `note` says so.
 */
export async function openSession(
  path: string,
  options: SessionOptions = {},
  note: (line: string) => void = () => {},
): Promise<QuerySession> {
  let instance: DuckDBInstance;
  try {
    instance = await DuckDBInstance.create(path, sessionConfig(options));
  } catch (error) {
    const message = (error as Error).message;
    const copy = serveCopy(path);
    if (/Could not set lock/.test(message) && servingAt(path) && existsSync(copy)) {
      note(
        `· 报送服务正在运行：查询其副本（每次重新构建后更新）kpi serve holds the warehouse: answering from its copy ${copy}\n`,
      );
      return openSession(copy, options, note);
    }
    if (/Could not set lock/.test(message)) {
      throw new CliError(`数据库正被另一个进程使用 the warehouse is in use by another process: ${path}\n${message}`, 1);
    }
    if (/No such file|does not exist|Cannot open/i.test(message)) {
      throw new CliError(`数据库不存在 no warehouse at ${path}: run \`kpi ingest\` and \`kpi build\` first`, 1);
    }
    throw new CliError(`无法打开数据库 cannot open the warehouse ${path}: ${message.split("\n")[0]}`, 1);
  }
  const connection = await instance.connect();
  return {
    query: (sql) => runOne(connection, sql),
    tables: async () =>
      result(
        await connection.runAndReadAll(
          `select table_name as name, 'table' as kind, coalesce(comment, '') as description
           from duckdb_tables() where database_name = current_database() and schema_name = 'main'
           union all
           select view_name, 'view', coalesce(comment, '')
           from duckdb_views() where database_name = current_database() and schema_name = 'main' and not internal
           order by kind, name`,
        ),
      ),
    schema: async (name) =>
      result(
        await connection.runAndReadAll(
          `select column_name as "column", data_type as type, coalesce(comment, '') as description
           from duckdb_columns() where database_name = current_database() and table_name = $name
           order by column_index`,
          { name },
        ),
      ),
    close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

function result(reader: DuckDBResultReader): QueryResult {
  return {
    columns: reader.columnNames(),
    types: reader.columnTypes().map(String),
    rows: plainRows(reader),
    reader,
  };
}

async function runOne(connection: DuckDBConnection, sql: string): Promise<QueryResult> {
  try {
    const statements = await connection.extractStatements(sql);
    if (statements.count === 0) throw new QueryRefused("没有查询语句 no query given");
    if (statements.count > 1) {
      throw new QueryRefused(
        `一次只能执行一条语句（收到 ${statements.count} 条） one statement at a time (got ${statements.count})`,
      );
    }
    let prepared;
    try {
      prepared = await statements.prepare(0);
    } catch (error) {
      throw new QueryRefused(refusalByKeyword(sql) ?? explainError((error as Error).message));
    }
    const refusal = refusalForType(prepared.statementType);
    if (refusal) throw new QueryRefused(refusal);
    return result(await prepared.runAndReadAll());
  } catch (error) {
    if (error instanceof QueryRefused) throw error;
    throw new QueryRefused(explainError((error as Error).message));
  }
}
