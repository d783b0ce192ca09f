// The build's data tests (pipeline/sql/*/tests/*.sql): all hold on a sound warehouse, and each
// catches exactly the defect it guards against, planted by a hand edit of the built tables.
import { describe, expect, test } from "vitest";
import { dataTests, describeFailures, runDataTests } from "../../pipeline/warehouse/data-tests.ts";
import { indicator, miniWarehouse, target } from "../support/mini-warehouse.ts";

const A = "211402";
const B = "211404";

async function builtWarehouse() {
  return await miniWarehouse({
    indicators: [indicator("n", {})],
    targets: [
      target("n_20", { indicator_id: "n", target_value: 20, deadline: "2020-12-31" }),
      target("task", { comparator: "done_by", deadline: "2020-06-30", lead_unit: "市农业农村局" }),
    ],
    observations: [
      { unit: A, indicator: "n", period: "2020-01", value: 12 },
      { unit: B, indicator: "n", period: "2020-01", value: 1 },
      { unit: A, indicator: "n", period: "2020-02", value: 12 },
    ],
    // February ended, not yet due: reporting has 未到期 rows too
    asOf: "2020-03-05",
  });
}

test("every data test names what it holds", async () => {
  const tests = await dataTests();
  expect(tests.map((t) => t.name)).toEqual([
    "observations_one_per_key",
    "sources_known",
    "codes_in_vocabulary",
    "completeness_identity",
    "grain_unique",
    "keys_not_null",
    "met_on_right_side",
    "nothing_missing_before_due",
    "relationships",
  ]);
  for (const t of tests) expect(t.description.length, t.name).toBeGreaterThan(30);
});

test("all hold on a sound build", async () => {
  const db = await builtWarehouse();
  const { passed, failures } = await runDataTests(db.connection);
  expect(failures.map((f) => f.test.name)).toEqual([]);
  expect(passed).toBe(9);
  db.close();
});

describe("each catches its defect", () => {
  test.each([
    {
      name: "sources_known",
      edit: `insert into observations select '999999', indicator_id, period, value, raw_value, raw_unit, note, submission_id, source_line
             from observations limit 1`,
    },
    { name: "observations_one_per_key", edit: `insert into observations select * from observations limit 1` },
    { name: "grain_unique", edit: `insert into kpi_current select * from kpi_current limit 1` },
    { name: "keys_not_null", edit: `update kpi_status set period = null where period = '2020-01-01'` },
    {
      // the defect of issue 10: a word for a deadline that has not come
      name: "codes_in_vocabulary",
      edit: `update kpi_current set deadline_status_zh = '未按期达标' where deadline_status is null`,
    },
    { name: "codes_in_vocabulary", edit: `update milestone_status set status = 'finished'` },
    { name: "relationships", edit: `update kpi_status set scope_code = '210000'` },
    { name: "completeness_identity", edit: `update reporting_completeness set on_time = on_time + 1` },
    {
      name: "nothing_missing_before_due",
      edit: `update reporting_completeness set missing = not_due, not_due = 0 where not_due > 0`,
    },
    {
      name: "met_on_right_side",
      edit: `update kpi_status set status = 'met', status_zh = '已达标' where actual < target_value`,
    },
  ])("$name: $edit", async ({ name, edit }) => {
    const db = await builtWarehouse();
    await db.connection.run(edit);
    const { failures } = await runDataTests(db.connection);
    expect(failures.map((f) => f.test.name)).toEqual([name]);
    const message = describeFailures(failures, 8);
    expect(message).toContain(`✘ ${name} (pipeline/sql/`);
    expect(failures[0].rows.length).toBeGreaterThan(0);
    db.close();
  });
});
