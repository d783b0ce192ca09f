// --wait SECONDS, shared by the commands that write the warehouse: how long to wait for another
// writer (a running kpi ingest, kpi build or kpi serve) before failing, saying who holds it.
import { CliError } from "../errors.ts";
import type { LockWait } from "../warehouse/connection.ts";
import type { Io } from "./command.ts";

export const DEFAULT_WAIT_SECONDS = 10;

export const WAIT_HELP = `  --wait SECONDS         while another kpi ingest, kpi build or kpi serve holds the warehouse, wait
                         this long for it (default ${DEFAULT_WAIT_SECONDS}), then fail saying who holds it`;

export function lockWait(text: string | undefined, io: Io): LockWait {
  const seconds = text === undefined ? DEFAULT_WAIT_SECONDS : Number(text);
  if (!Number.isFinite(seconds) || seconds < 0)
    throw new CliError(`--wait: 应为秒数 expected seconds (≥ 0), not '${text}'`);
  return { seconds, say: io.err };
}
