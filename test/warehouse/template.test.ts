// `kpi template` asks only for the tasks the warehouse does not have as done by the month's end,
// by each task's latest report (as the marts take it).
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, expect, test } from "vitest";
import { kpi } from "../support/cli.ts";

const db = join(mkdtempSync(join(tmpdir(), "kpi-template-")), "warehouse.duckdb");

beforeAll(async () => {
  // zp_task_05 (done 2020-06-28) and zp_task_11 (2020-07-30) are accepted; zp_task_09 lacks evidence
  const { code } = await kpi([
    "ingest",
    "--db",
    db,
    "--received-at",
    "2020-08-05T09:00:00+08:00",
    "test/fixtures/ingest/milestones.csv",
  ]);
  expect(code).toBe(1);
});

const taskIds = async (period: string, warehouse: string) => {
  const { code, out } = await kpi([
    "template",
    "--db",
    warehouse,
    "--county",
    "葫芦岛市",
    "--period",
    period,
    "--out",
    "-",
  ]);
  expect(code).toBe(0);
  return out
    .split("\r\n")
    .filter((line) => line.includes(",完成日期,"))
    .map((line) => line.split(",")[1]);
};

test.each([
  { period: "2020-07", task: "zp_task_05", listed: false },
  { period: "2020-07", task: "zp_task_11", listed: false },
  { period: "2020-07", task: "zp_task_09", listed: true },
  { period: "2020-07", task: "zp_task_06", listed: true },
])("for $period, $task is listed: $listed", async ({ period, task, listed }) => {
  expect((await taskIds(period, db)).includes(task)).toBe(listed);
});

test("without a warehouse every task due is listed", async () => {
  const none = join(mkdtempSync(join(tmpdir(), "kpi-template-")), "none.duckdb");
  const all = await taskIds("2020-07", none);
  expect(all).toEqual(expect.arrayContaining(["zp_task_05", "zp_task_11", "zp_task_09"]));
  expect(all.length).toBe((await taskIds("2020-07", db)).length + 2);
});

test("a later report of a task counts, not the earliest: corrected to August, it is owed again for July", async () => {
  const corrected = join(mkdtempSync(join(tmpdir(), "kpi-template-")), "warehouse.duckdb");
  for (const [file, at] of [
    ["test/fixtures/ingest/milestones.csv", "2020-08-05T09:00:00+08:00"],
    ["test/fixtures/warehouse/task-correction.csv", "2020-08-06T09:00:00+08:00"],
  ])
    await kpi(["ingest", "--db", corrected, "--received-at", at, file]);
  expect((await taskIds("2020-07", db)).includes("zp_task_11")).toBe(false);
  expect((await taskIds("2020-07", corrected)).includes("zp_task_11")).toBe(true);
  expect((await taskIds("2020-08", corrected)).includes("zp_task_11")).toBe(false);
});
