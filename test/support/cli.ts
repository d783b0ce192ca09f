// Runs `kpi` in-process with captured output and a pinned clock.
import { main } from "../../pipeline/cli.ts";
import type { Io } from "../../pipeline/commands/command.ts";

export const NOW = new Date("2026-11-24T12:00:00+08:00");

export async function kpi(
  argv: string[],
  options: Partial<Io> = {},
): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main(argv, {
    out: (text) => (out += text),
    err: (text) => (err += text),
    now: NOW,
    env: {},
    cwd: process.cwd(),
    ...options,
  });
  return { code, out, err };
}
