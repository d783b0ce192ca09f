// Who holds the warehouse's lock, in words: DuckDB's lock error names the process (its PID), and
// on Linux /proc says which command it is running, so a second writer can say "kpi build (pid 123)".
import { readFileSync } from "node:fs";

/** the PID DuckDB names in "Conflicting lock is held in … (PID 123)" */
export function lockHolderPid(message: string): number | undefined {
  const m = /\(PID (\d+)\)/.exec(message);
  return m ? Number(m[1]) : undefined;
}

/** "kpi ingest (pid 123)" when the holder is a kpi command, else its command line, else just its PID */
export function describeHolder(pid: number | undefined): string {
  if (pid === undefined) return "另一个进程 another process";
  let argv: string[] = [];
  try {
    argv = readFileSync(`/proc/${pid}/cmdline`, "utf-8").split("\0").filter(Boolean);
  } catch {
    return `进程 process ${pid}`;
  }
  const kpi = argv.findIndex((arg) => /(^|\/)(kpi(\.js)?|cli\.ts)$/.test(arg));
  if (kpi >= 0 && argv[kpi + 1]) return `kpi ${argv[kpi + 1]} (pid ${pid})`;
  return `${argv.join(" ").slice(0, 120) || "进程 process"} (pid ${pid})`;
}
