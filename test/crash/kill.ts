// The kill tests' harness: a real `kpi` process, killed with SIGKILL after a seeded delay, and a
// fingerprint of what it leaves — the warehouse's tables and a folder's files — to compare with
// the state before and the state after an uninterrupted run.
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { queries, query } from "../support/warehouse-state.ts";

export interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  out: string;
}

/** a fresh copy of a folder (a warehouse with its archive), for one run to change */
export function copyOf(from: string, to: string): string {
  mkdirSync(to);
  cpSync(from, to, { recursive: true });
  return to;
}

/** runs `node bin/kpi.js …`; with killAfterMs, sends SIGKILL that long after the start */
export function runKpi(args: string[], killAfterMs?: number): Promise<Run> {
  const child = spawn(process.execPath, ["bin/kpi.js", ...args], { stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  child.stdout.on("data", (chunk) => (out += chunk));
  child.stderr.on("data", (chunk) => (out += chunk));
  const timer = killAfterMs === undefined ? undefined : setTimeout(() => child.kill("SIGKILL"), killAfterMs);
  return new Promise((done) =>
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      done({ code, signal, out });
    }),
  );
}

/** a value as text for comparing two runs: a double to 12 significant digits (parallel sums vary in the last bits) */
const stable = (_key: string, v: unknown) =>
  typeof v === "bigint" ? String(v) : typeof v === "number" && !Number.isInteger(v) ? Number(v.toPrecision(12)) : v;

/**
 * Columns two runs of the same build do not agree on: the run's own clock, and the least-squares
 * forecast, computed from double sums that DuckDB adds in no fixed order, then cast to DECIMAL(20, 6)
 * (…038 in one run, …037 in the next).
 */
const UNSTABLE = ["built_at", "forecast_at_deadline"];

/** Every table of the warehouse as text, the UNSTABLE columns left out. */
export async function warehouseFingerprint(db: string): Promise<string> {
  const [tables] = await queries(db, [
    `select t.table_name, list(c.column_name) filter (where c.column_name in (${UNSTABLE.map((c) => `'${c}'`).join(", ")}))
     from duckdb_tables() t join duckdb_columns() c using (database_name, schema_name, table_name)
     where t.database_name = current_database() and not t.temporary group by 1 order by 1`,
  ]);
  const sqls = tables.map(([table, unstable]) => {
    const names = (unstable as { items: string[] } | null)?.items ?? [];
    return `select *${names.length ? ` exclude (${names.join(", ")})` : ""} from "${String(table)}" order by all`;
  });
  const contents = await queries(db, sqls);
  const digest = (rows: unknown[][]) => createHash("sha256").update(JSON.stringify(rows, stable)).digest("hex");
  return tables.map(([table], i) => `${String(table)} ${digest(contents[i])}`).join("\n");
}

/** A folder's files and their contents (the UNSTABLE columns left out), or "missing". */
export function folderFingerprint(dir: string): string {
  if (!existsSync(dir)) return "missing";
  const files = (readdirSync(dir, { recursive: true, withFileTypes: true }) as import("node:fs").Dirent[])
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();
  return files
    .map((file) => {
      let text = readFileSync(file).toString("latin1");
      for (const column of UNSTABLE)
        text = text.replace(new RegExp(`"${column}":("[^"]*"|[^,}]*)`, "g"), `"${column}":…`);
      return `${file.slice(dir.length)} ${createHash("sha256").update(text).digest("hex")}`;
    })
    .join("\n");
}

/** Every submission's archived file is there and has the recorded SHA-256. */
export async function archiveProblems(db: string): Promise<string[]> {
  const archive = join(db, "..", "archive");
  const problems: string[] = [];
  for (const [path, sha] of await query(db, "select archive_path, sha256 from submissions")) {
    const file = join(archive, String(path));
    if (!existsSync(file)) problems.push(`missing ${String(path)}`);
    else if (createHash("sha256").update(readFileSync(file)).digest("hex") !== sha)
      problems.push(`altered ${String(path)}`);
  }
  return problems;
}
