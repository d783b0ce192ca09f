// How a planted mistake is described: the files a clerk sends instead of a unit's regular monthly
// report, each with exactly the problems `kpi ingest` must report for it, and the helpers that
// change one report into such a file. The mistakes themselves are in mistakes.ts.
import type { ProblemCode } from "../rules/problem.ts";
import type { Reporter } from "./reporters.ts";
import { cells, encodeFile, HEADER, type SampleRow } from "./template.ts";

export interface PlantedProblem {
  /** physical line in the file; null for the file as a whole */
  line: number | null;
  /** the header cell as written; null for the file as a whole */
  column: string | null;
  code: ProblemCode;
  severity: "error" | "warning";
}

export interface PlantedFile {
  path: string;
  bytes: Uint8Array;
  receivedAt: string;
  mistake: string;
  problems: PlantedProblem[];
}

export interface PlantContext {
  reporter: Reporter;
  /** the rows the unit's regular report for the month would carry */
  rows: SampleRow[];
  /** when the regular report would have arrived */
  receivedAt: string;
  /** YYYY-MM */
  month: string;
  seed: number;
}

export interface Plant {
  month: string;
  code: string;
  /** the files sent instead of the unit's regular report for the month (besides it, when extra) */
  build(context: PlantContext): PlantedFile[];
  /** sent in addition to the regular report (a department's own sheet), not instead of it */
  extra?: boolean;
}

export const [COUNTY, INDICATOR, PERIOD, VALUE, , NOTE] = HEADER;

/** Position of an indicator's row among the rows (the header is line 1, so its line is this + 2). */
export function indexOf(rows: SampleRow[], indicator: string): number {
  const i = rows.findIndex((r) => r.indicator === indicator);
  if (i < 0) throw new Error(`no ${indicator} row to plant a mistake in`);
  return i;
}

export function table(context: PlantContext, rows: SampleRow[] = context.rows): string[][] {
  return [HEADER, ...rows.map((row) => cells(context.reporter, row))];
}

export function file(
  context: PlantContext,
  name: string,
  lines: string[][],
  mistake: string,
  problems: PlantedProblem[],
  receivedAt = context.receivedAt,
): PlantedFile {
  return {
    path: `${context.month}/${name}`,
    bytes: encodeFile(context.reporter, lines),
    receivedAt,
    mistake,
    problems,
  };
}

export const error = (line: number, column: string, code: ProblemCode): PlantedProblem => ({
  line,
  column,
  code,
  severity: "error",
});

/** One row of the regular report changed; the problem (if any) is on that row's line. */
export function oneRow(
  name: string,
  indicator: string,
  mistake: string,
  change: (row: string[]) => void,
  problem?: (line: number) => PlantedProblem,
): (context: PlantContext) => PlantedFile[] {
  return (context) => {
    const lines = table(context);
    const i = indexOf(context.rows, indicator);
    change(lines[i + 1]);
    return [file(context, name, lines, mistake, problem ? [problem(i + 2)] : [])];
  };
}
