// observations has no primary-key index (one row per key is a data test): a warehouse made while it
// had one is brought over row for row, its NOT NULLs and comments as the schema says.
import { DuckDBInstance } from "@duckdb/node-api";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "vitest";
import { CATALOGUE_DIR } from "../../pipeline/catalogue/location.ts";
import { readCatalogue } from "../../pipeline/catalogue/read.ts";
import { prepareCommitted } from "../../pipeline/warehouse/prepare.ts";

test("a warehouse whose observations had a primary key keeps every row, without the key", async () => {
  const instance = await DuckDBInstance.create(join(mkdtempSync(join(tmpdir(), "kpi-key-")), "old.duckdb"));
  const connection = await instance.connect();
  const q = async (sql: string) => (await connection.runAndReadAll(sql)).getRows();
  await connection.run(`create table observations (
    unit_code varchar not null, indicator_id varchar not null, period date not null, value decimal(20, 6) not null,
    raw_value varchar not null, raw_unit varchar, note varchar, submission_id integer not null, source_line integer not null,
    primary key (unit_code, indicator_id, period))`);
  await connection.run(`insert into observations values
    ('211481', 'grain_output', '2025-09-01', 91000, '9.1', '万吨', null, 1, 2),
    ('211421', 'grain_output', '2025-09-01', 120000, '12', '万吨', '初报', 1, 3)`);
  await prepareCommitted(connection, await readCatalogue(CATALOGUE_DIR));
  expect(await q("select * exclude (value), cast(value as double) from observations order by unit_code")).toEqual([
    ["211421", "grain_output", expect.anything(), "12", "万吨", "初报", 1, 3, 120000],
    ["211481", "grain_output", expect.anything(), "9.1", "万吨", null, 1, 2, 91000],
  ]);
  const constraints = await q(
    "select constraint_type, count(*) from duckdb_constraints() where table_name = 'observations' group by all order by all",
  );
  expect(constraints).toEqual([["NOT NULL", 7n]]);
  const [[comment]] = await q("select comment from duckdb_tables() where table_name = 'observations'");
  expect(String(comment)).toMatch(/^报送数据/);
  expect(await q("select count(*) from duckdb_tables() where table_name = 'observations_keyed'")).toEqual([[0n]]);
  connection.closeSync();
  instance.closeSync();
});
