// History is exact: what the moment marts keep for a month's end is, row for row, what a separate
// `kpi build --as-of` of that month computes, on the whole sample (its late reports, corrections,
// missing figures and tasks done late). The months are spread over the plan: the first year, a
// year's end, a quarter's end, the 2025 deadlines and the last months before the build's own moment.
import { DuckDBInstance } from "@duckdb/node-api";
import { copyFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { beforeAll, expect, test } from "vitest";
import { kpi } from "../support/cli.ts";

const dir = mkdtempSync(join(tmpdir(), "kpi-moments-"));
const db = join(dir, "warehouse.duckdb");
const MONTHS = ["2020-03", "2021-12", "2023-06", "2025-12", "2026-01", "2026-09", "2026-10"];

/** every row of a query, as text, in a stable order */
async function rows(path: string, sql: string): Promise<string[]> {
  const instance = await DuckDBInstance.create(path, { access_mode: "READ_ONLY" });
  const connection = await instance.connect();
  try {
    const result = (await connection.runAndReadAll(sql)).getRowObjectsJson();
    return result.map((r) => JSON.stringify(r)).sort();
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

// the marts as of a month: the moment rows of that month, without the moment's own key
const MOMENT_MARTS = {
  targets: `select * exclude (as_of_month) from rpt_target_moments where as_of_month = $month`,
  tasks: `select * exclude (as_of_month) from rpt_task_moments where as_of_month = $month`,
  reporting: `select * exclude (as_of_month) from rpt_reporting_moments where as_of_month = $month`,
  counts: `select * exclude (as_of_month) from rpt_moment_counts where as_of_month = $month`,
};
const at = (sql: string, month: string) => sql.replaceAll("$month", `'${month}-01'`);

beforeAll(async () => {
  // the sample holds two files no row of which can be read (an .xlsx renamed .csv, …): exit 2, the rest loaded
  expect((await kpi(["ingest", "--db", db, resolve("data/sample")])).code).toBe(2);
  const built = await kpi(["build", "--db", db, "--sample", "--as-of", "2026-11-10", "--out", join(dir, "exports")]);
  expect(built.code, built.err).toBe(0);
}, 240_000);

test.each(MONTHS)(
  "the end of %s as the moment marts keep it = kpi build --as-of that month",
  async (month) => {
    const copy = join(dir, `as-of-${month}.duckdb`);
    copyFileSync(db, copy);
    const built = await kpi(["build", "--db", copy, "--sample", "--as-of", month, "--out", join(dir, `x-${month}`)]);
    expect(built.code, built.err).toBe(0);
    // the separate build's own moment is that month's end
    expect(await rows(copy, `select strftime(as_of_month, '%Y-%m') as m from build_params`)).toEqual([
      JSON.stringify({ m: month }),
    ]);
    for (const [mart, sql] of Object.entries(MOMENT_MARTS)) {
      const kept = await rows(db, at(sql, month));
      expect(kept.length, `${mart} rows kept for ${month}`).toBeGreaterThan(0);
      expect(await rows(copy, at(sql, month)), `${mart} as of ${month}`).toEqual(kept);
    }
  },
  120_000,
);
