import { DuckDBInstance } from "@duckdb/node-api";
import { readFileSync } from "node:fs";
import { expect, test } from "vitest";
import { DICTIONARY_PATH } from "../../pipeline/commands/docs.ts";
import { CATALOGUE_DIR } from "../../pipeline/catalogue/location.ts";
import { readCatalogue } from "../../pipeline/catalogue/read.ts";
import {
  buildEmptyWarehouse,
  describeSchema,
  readSchema,
  renderDictionary,
  undocumented,
} from "../../pipeline/docs/dictionary.ts";

const catalogue = await readCatalogue(CATALOGUE_DIR);
const columns = await describeSchema(catalogue);

test("every table, view and column of the warehouse has a description", () => {
  expect(undocumented(columns)).toEqual([]);
});

test.each([
  "counties",
  "indicators",
  "targets",
  "submissions",
  "observations",
  "observation_history",
  "rejections",
  "kpi_status",
])("the dictionary covers %s", (table) => {
  expect(columns.some((c) => c.table === table)).toBe(true);
});

test(`${DICTIONARY_PATH} is the dictionary the schema generates (run \`npx kpi docs\` after changing SQL)`, () => {
  expect(readFileSync(DICTIONARY_PATH, "utf-8")).toBe(renderDictionary(columns) + "\n");
});

test("a column added without a description is caught", async () => {
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  await buildEmptyWarehouse(connection, catalogue);
  await connection.run("alter table kpi_status add column forecast double");
  expect(undocumented(await readSchema(connection))).toEqual(["kpi_status.forecast"]);
  connection.closeSync();
  instance.closeSync();
});
