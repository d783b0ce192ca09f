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
}

/** the peak RSS `time -v` reports, in MB */
export function peakMb(timeReport: string): number {
  const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(timeReport);
  if (!m) throw new Error(`bench: no peak memory in the time report:\n${timeReport}`);
  return Number(m[1]) / 1024;
}

export async function measure(
  command: string[],
  env: NodeJS.ProcessEnv = {},
  timeoutMs = 30 * 60_000,
): Promise<Measured> {
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
  const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
  const code = await new Promise<number>((resolve) => child.on("close", (c) => resolve(c ?? 137)));
  clearTimeout(timer);
  const seconds = (performance.now() - started) / 1000;
  try {
    return { seconds, peakMb: peakMb(readFileSync(report, "utf-8")), code, out: code > 1 ? `${out}\n${err}` : out };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
