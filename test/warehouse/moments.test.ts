// History is exact: what the moment marts keep for a month's end is, row for row, what a separate
// `kpi build --as-of` of that month computes, on the whole sample (its late reports, corrections,
// missing figures and tasks done late): for three months by the command itself (the first year,
// the 2025 deadlines, the last month before the build's own moment), and for every month's end by
// the build it runs (buildMarts). And on a
// province of the benchmark's synthetic units whose history arrived in parts, some of it late.
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { CATALOGUE_DIR } from "../../pipeline/catalogue/location.ts";
import { CATALOGUE_FILES, readCatalogue } from "../../pipeline/catalogue/read.ts";
import { SCALES, submissions, syntheticUnits, unitsCsv } from "../../pipeline/bench/synthetic.ts";
import { buildMarts } from "../../pipeline/warehouse/build-marts.ts";
import { openWarehouse } from "../../pipeline/warehouse/connection.ts";
import { kpi, NOW } from "../support/cli.ts";

const dir = mkdtempSync(join(tmpdir(), "kpi-moments-"));
const db = join(dir, "warehouse.duckdb");
const MONTHS = ["2020-03", "2025-12", "2026-10"];

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

/** every row of a query on an open connection, as text, in a stable order */
async function rowsOn(connection: DuckDBConnection, sql: string): Promise<string[]> {
  const result = (await connection.runAndReadAll(sql)).getRowObjectsJson();
  return result.map((r) => JSON.stringify(r)).sort();
}

/** Builds a copy of `from` as of each month's end in turn (the build `kpi build` runs) and checks the moment marts of `from` against it. */
async function everyMonthAgainst(from: string, months: string[], catalogueAt: string): Promise<void> {
  const copy = join(dir, `as-of-each-${months[0]}.duckdb`);
  copyFileSync(from, copy);
  const catalogue = await readCatalogue(catalogueAt);
  const kept = await DuckDBInstance.create(from, { access_mode: "READ_ONLY" });
  const keptConnection = await kept.connect();
  const warehouse = await openWarehouse(copy, { readOnly: false });
  try {
    for (const month of months) {
      await buildMarts(warehouse.connection, catalogue, { asOf: month, builtAt: NOW, tolerance: 0.1, dueDay: 10 });
      for (const [mart, sql] of Object.entries(MOMENT_MARTS))
        expect(await rowsOn(warehouse.connection, at(sql, month)), `${mart} as of ${month}`).toEqual(
          await rowsOn(keptConnection, at(sql, month)),
        );
    }
  } finally {
    warehouse.close();
    keptConnection.closeSync();
    kept.closeSync();
  }
}

test("every month's end of the sample as the moment marts keep it = a build as of that month", async () => {
  const months = (
    await rows(db, `select strftime(as_of_month, '%Y-%m') as m from rpt_moments where not is_latest`)
  ).map((r) => String(JSON.parse(r).m));
  expect(months.length).toBe(82);
  await everyMonthAgainst(db, months.sort(), CATALOGUE_DIR);
}, 600_000);

describe("a province whose history arrived in parts, some of it late", () => {
  const work = join(dir, "province");
  const provinceDb = join(work, "warehouse.duckdb");
  const catalogueAt = join(work, "catalogue");
  const env = { KPI_CATALOGUE: catalogueAt };

  beforeAll(async () => {
    mkdirSync(catalogueAt, { recursive: true });
    const catalogue = await readCatalogue(CATALOGUE_DIR);
    const units = syntheticUnits(catalogue, SCALES.province);
    for (const file of Object.values(CATALOGUE_FILES))
      if (file !== CATALOGUE_FILES.units) copyFileSync(join(CATALOGUE_DIR, file), join(catalogueAt, file));
    writeFileSync(join(catalogueAt, CATALOGUE_FILES.units), unitsCsv(Object.keys(units[0]).join(","), units));
    const data = submissions({ ...catalogue, units }, units, "2026-09");
    // the history in two parts: up to 2022 on time early in 2023; 2023 on, late, in September 2026
    const [header, ...lines] = data.history.trimEnd().split("\n");
    const early = lines.filter((line) => line.split(",")[2] < "2023-01");
    const late = lines.filter((line) => line.split(",")[2] >= "2023-01");
    writeFileSync(join(work, "early.csv"), [header, ...early, ""].join("\n"));
    writeFileSync(join(work, "late.csv"), [header, ...late, ""].join("\n"));
    const month = join(work, "month");
    mkdirSync(month);
    for (const [file, text] of data.month) writeFileSync(join(month, file), text);
    const ingest = async (what: string, at: string) =>
      (await kpi(["ingest", "--db", provinceDb, "--max-file-mb", "20", "--received-at", at, what], { env })).code;
    // the synthetic data plants mistakes (rejected rows: exit 1)
    expect(await ingest(join(work, "early.csv"), "2023-01-05T10:00:00+08:00")).toBeLessThanOrEqual(1);
    expect(await ingest(join(work, "late.csv"), "2026-09-20T10:00:00+08:00")).toBeLessThanOrEqual(1);
    expect(await ingest(month, "2026-10-05T10:00:00+08:00")).toBeLessThanOrEqual(1);
    const built = await kpi(["build", "--db", provinceDb, "--as-of", "2026-10-20", "--out", join(work, "exports")], {
      env,
    });
    expect(built.code, built.err).toBe(0);
  }, 300_000);

  test("its months' ends as the moment marts keep them = a build as of each", async () => {
    await everyMonthAgainst(provinceDb, ["2022-12", "2024-06", "2026-08", "2026-09"], catalogueAt);
  }, 300_000);
});
