// The one row every mart reads: which month to compute for, and the rules' parameters.
import type { DuckDBConnection } from "@duckdb/node-api";

export const PLAN_START = "2020-01-01";

export interface BuildParams {
  /** YYYY-MM */
  asOf: string;
  builtAt: Date;
  tolerance: number;
  dueDay: number;
}

/** The as-of month's first day and the instant it ends in China (UTC+8). */
export function asOfBounds(asOf: string): { month: string; receivedBefore: string } {
  const [y, mo] = asOf.split("-").map(Number);
  const next = mo === 12 ? `${y + 1}-01` : `${y}-${String(mo + 1).padStart(2, "0")}`;
  return { month: `${asOf}-01`, receivedBefore: `${next}-01T00:00:00+08:00` };
}

export async function writeBuildParams(connection: DuckDBConnection, params: BuildParams): Promise<void> {
  const bounds = asOfBounds(params.asOf);
  await connection.run("delete from build_params");
  await connection.run(
    `insert into build_params values
       (cast($1 as date), cast($2 as timestamptz), cast($3 as timestamptz), $4, cast($5 as date), $6)`,
    [bounds.month, bounds.receivedBefore, params.builtAt.toISOString(), params.tolerance, PLAN_START, params.dueDay],
  );
}
