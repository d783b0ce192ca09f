import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { CliError } from "../errors.ts";
import { servingAt } from "./serving.ts";

export const DEFAULT_DB = "data/warehouse.duckdb";

/** --db wins, then KPI_DB, then the default under data/. */
export function warehousePath(flag: string | undefined, env: NodeJS.ProcessEnv, cwd: string): string {
  return resolve(cwd, flag ?? env.KPI_DB ?? DEFAULT_DB);
}

export interface Warehouse {
  connection: DuckDBConnection;
  /** another connection to the same file (a reader beside the writer, in one process) */
  connect(): Promise<DuckDBConnection>;
  close(): void;
}

/** `writesFiles`: a read-only warehouse that may still write files (`kpi export`); reading is off all the same otherwise */
export async function openWarehouse(
  path: string,
  { readOnly, writesFiles = false }: { readOnly: boolean; writesFiles?: boolean },
): Promise<Warehouse> {
  if (!readOnly) mkdirSync(dirname(path), { recursive: true });
  let instance: DuckDBInstance;
  try {
    instance = await DuckDBInstance.create(
      path,
      readOnly ? { access_mode: "READ_ONLY", enable_external_access: String(writesFiles) } : {},
    );
  } catch (error) {
    const message = (error as Error).message;
    if (/Could not set lock/.test(message)) {
      const server = servingAt(path);
      if (server)
        throw new CliError(
          `报送服务正在使用数据仓库 kpi serve holds the warehouse (pid ${server.pid}, ${server.url}): ` +
            `upload files through ${server.url}/api/submissions (revoke a token: DELETE ${server.url}/api/tokens/ID ` +
            `with an admin token), or stop the server (SIGTERM) first; kpi sql answers from its copy meanwhile`,
        );
      throw new CliError(`数据库正被另一个进程使用 the warehouse is in use by another process: ${path}\n${message}`);
    }
    if (readOnly && /No such file|does not exist|Cannot open/i.test(message)) {
      throw new CliError(`数据库不存在 no warehouse at ${path}: run \`kpi ingest\` and \`kpi build\` first`);
    }
    throw error;
  }
  const connection = await instance.connect();
  return {
    connection,
    connect: () => instance.connect(),
    close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

/** Runs fn inside one transaction: on any error the warehouse is left exactly as it was. */
export async function inTransaction<T>(connection: DuckDBConnection, fn: () => Promise<T>): Promise<T> {
  await connection.run("BEGIN TRANSACTION");
  try {
    const result = await fn();
    await connection.run("COMMIT");
    return result;
  } catch (error) {
    await connection.run("ROLLBACK");
    throw error;
  }
}
