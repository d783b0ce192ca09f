// The one row every mart reads: the moment to compute for, and the rules' parameters.
import type { DuckDBConnection } from "@duckdb/node-api";
import { CliError } from "../errors.ts";

export const PLAN_START = "2020-01-01";

export interface BuildParams {
  /** the as-of moment as given: YYYY-MM-DD (the end of that day, China time), YYYY-MM (the end of that month); default now */
  asOf?: string;
  /** the time the build runs; a moment after it is taken as it */
  builtAt: Date;
  tolerance: number;
  dueDay: number;
  /** the bundled sample, which keeps its own clock: pages say 示例数据 */
  sample?: boolean;
  /** DuckDB's memory for the build (KPI_MEMORY_LIMIT), past which it spills to disk; default BUILD_MEMORY_LIMIT */
  memoryLimit?: string;
}

/** The as-of moment resolved: submissions received before `at` count; `date` is the last day it covers, in China. */
export interface AsOf {
  at: Date;
  date: string;
}

const CHINA = "+08:00";
const day = (at: Date) => new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

/** The moment `spec` names (the end of a day or a month, China time), never later than `now`. */
export function resolveAsOf(spec: string | undefined, now: Date): AsOf {
  if (spec === undefined) return { at: now, date: day(now) };
  let end: Date;
  const m = /^(\d{4})-(0[1-9]|1[0-2])(?:-(\d{2}))?$/.exec(spec);
  if (!m) throw new CliError(`--as-of: 应为 YYYY-MM-DD 或 YYYY-MM expected a day or a month, got '${spec}'`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), m[3] === undefined ? undefined : Number(m[3])];
  if (d === undefined)
    end = new Date(`${mo === 12 ? y + 1 : y}-${String((mo % 12) + 1).padStart(2, "0")}-01T00:00:00${CHINA}`);
  else {
    const start = new Date(`${spec}T00:00:00${CHINA}`);
    if (Number.isNaN(start.getTime()) || day(start) !== spec)
      throw new CliError(`--as-of: 日期无效 no such day '${spec}'`);
    end = new Date(start.getTime() + 86_400_000);
  }
  // a moment that has not come yet is now: nothing is known of what arrives after it
  if (end.getTime() > now.getTime()) return { at: now, date: day(now) };
  return { at: end, date: day(new Date(end.getTime() - 1)) };
}

export async function writeBuildParams(connection: DuckDBConnection, params: BuildParams): Promise<AsOf> {
  const asOf = resolveAsOf(params.asOf, params.builtAt);
  await connection.run("delete from build_params");
  await connection.run(
    `insert into build_params
     select cast(date_trunc('month', d) as date), d, cast($2 as timestamptz), cast($3 as timestamptz), $4,
       cast($5 as date), $6, $7,
       '截至' || strftime(d, '%Y年%-m月%-d日')
     from (select cast($1 as date) as d)`,
    [
      asOf.date,
      asOf.at.toISOString(),
      params.builtAt.toISOString(),
      params.tolerance,
      PLAN_START,
      params.dueDay,
      params.sample ?? false,
    ],
  );
  return asOf;
}
