// One step of the benchmark as its own process, under /usr/bin/time -v: its wall time and its
// peak memory (maximum resident set size) as the kernel counted them.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface Measured {
  seconds: number;
  peakMb: number;
  code: number;
  /** the step's standard output (its error output is kept only when it failed) */
  out: string;
  /** why the bench stopped the step, when it did: it ran out of time or of memory */
  stopped?: string;
}

export interface Limits {
  seconds: number;
  /** the step's resident memory (RSS) at which it is stopped, so it never starves the machine */
  rssMb: number;
}

/** The RSS in MB of the process /usr/bin/time started (its one child), or 0 when there is none yet. */
function childRssMb(timePid: number): number {
  try {
    const [child] = readFileSync(`/proc/${timePid}/task/${timePid}/children`, "utf-8").trim().split(/\s+/);
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${child}/status`, "utf-8"));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

/** the peak RSS `time -v` reports, in MB */
export function peakMb(timeReport: string): number {
  const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(timeReport);
  if (!m) throw new Error(`bench: no peak memory in the time report:\n${timeReport}`);
  return Number(m[1]) / 1024;
}

export async function measure(command: string[], env: NodeJS.ProcessEnv, limits: Limits): Promise<Measured> {
  const dir = mkdtempSync(join(tmpdir(), "kpi-bench-time-"));
  const report = join(dir, "time.txt");
  const started = performance.now();
  const child = spawn("/usr/bin/time", ["-v", "-o", report, ...command], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (err = (err + chunk.toString()).slice(-20_000)));
  let stopped: string | undefined;
  const stop = (why: string) => {
    stopped ??= why;
    const [pid] = readFileSync(`/proc/${child.pid}/task/${child.pid}/children`, "utf-8").trim().split(/\s+/);
    if (pid) process.kill(Number(pid), "SIGKILL");
  };
  const watch = setInterval(() => {
    if (performance.now() - started > limits.seconds * 1000) stop(`stopped after ${limits.seconds} s`);
    else if (childRssMb(child.pid!) > limits.rssMb) stop(`stopped at ${limits.rssMb} MB of memory`);
  }, 250);
  const code = await new Promise<number>((resolve) => child.on("close", (c) => resolve(c ?? 137)));
  clearInterval(watch);
  const seconds = (performance.now() - started) / 1000;
  try {
    return {
      seconds,
      peakMb: peakMb(readFileSync(report, "utf-8")),
      code,
      out: code > 1 ? `${out}\n${err}` : out,
      stopped,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
