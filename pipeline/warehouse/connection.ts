import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { CliError } from "../errors.ts";
import { describeHolder, lockHolderPid } from "./holder.ts";
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

export interface LockWait {
  /** how long to wait for another writer to let go of the warehouse */
  seconds: number;
  /** told once, when the wait begins */
  say: (text: string) => void;
}

const isLocked = (error: unknown) => /Could not set lock/.test((error as Error).message);

/** Opens the file, waiting up to wait.seconds while another process holds its lock. */
async function createWaiting(path: string, options: Record<string, string>, wait?: LockWait): Promise<DuckDBInstance> {
  const deadline = Date.now() + (wait?.seconds ?? 0) * 1000;
  let told = false;
  for (;;) {
    try {
      return await DuckDBInstance.create(path, options);
    } catch (error) {
      if (!isLocked(error) || !wait || Date.now() >= deadline) throw error;
      if (!told) {
        const holder = describeHolder(lockHolderPid((error as Error).message));
        wait.say(
          `· 数据仓库正被 ${holder} 使用，最多等待 ${wait.seconds} 秒 waiting up to ${wait.seconds} s for the warehouse, held by ${holder}\n`,
        );
        told = true;
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

/** `writesFiles`: a read-only warehouse that may still write files (`kpi export`); reading is off all the same otherwise */
export async function openWarehouse(
  path: string,
  { readOnly, wait, writesFiles = false }: { readOnly: boolean; wait?: LockWait; writesFiles?: boolean },
): Promise<Warehouse> {
  if (!readOnly) mkdirSync(dirname(path), { recursive: true });
  let instance: DuckDBInstance;
  try {
    instance = await createWaiting(
      path,
      readOnly ? { access_mode: "READ_ONLY", enable_external_access: String(writesFiles) } : {},
      wait,
    );
  } catch (error) {
    const message = (error as Error).message;
    if (isLocked(error)) {
      const waited = wait ? `（已等待 ${wait.seconds} 秒 waited ${wait.seconds} s）` : "";
      const server = servingAt(path);
      if (server)
        throw new CliError(
          `报送服务正在使用数据仓库 kpi serve holds the warehouse (pid ${server.pid}, ${server.url})${waited}: ` +
            `upload files through ${server.url}/api/submissions (revoke a token: DELETE ${server.url}/api/tokens/ID ` +
            `with an admin token), or stop the server (SIGTERM) first; kpi sql answers from its copy meanwhile`,
        );
      const holder = describeHolder(lockHolderPid(message));
      throw new CliError(
        `数据库正被 ${holder} 使用${waited} the warehouse is held by ${holder}: ${path}; ` +
          `nothing was changed — run again when it has finished, or give it longer with --wait SECONDS`,
      );
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
    // a COMMIT that failed (a full disk) has already ended the transaction: the error to report is
    // the one that stopped it, not that there is nothing left to roll back
    await connection.run("ROLLBACK").catch(() => undefined);
    throw error;
  }
}
