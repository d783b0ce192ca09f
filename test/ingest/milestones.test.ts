import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { CATALOGUE_DIR } from "../../pipeline/catalogue/location.ts";
import { readCatalogue } from "../../pipeline/catalogue/read.ts";
import { checkFile } from "../../pipeline/ingest/check.ts";
import { buildTemplate, templateCsv } from "../../pipeline/ingest/template.ts";
import { parseDate } from "../../pipeline/normalise/period.ts";

const catalogue = await readCatalogue(CATALOGUE_DIR);
const check = (name: string, receivedAt = "2020-08-05T10:00:00+08:00") =>
  checkFile(new Uint8Array(readFileSync(`test/fixtures/ingest/${name}`)), {
    catalogue,
    receivedAt: new Date(receivedAt),
  });

describe("task and milestone reports (milestones.csv)", () => {
  const report = check("milestones.csv");

  test("accepts a completed task with its date and evidence, in any date style", () => {
    expect(report.milestones).toEqual([
      {
        target_id: "zp_task_05",
        unit_code: "211400",
        period: "2020-07-01",
        completed_on: "2020-06-28",
        evidence: "已印发《葫芦岛市证明事项清单》，见市政府网站",
        raw_value: "2020-06-28",
        line: 2,
      },
      {
        target_id: "zp_task_11",
        unit_code: "211400",
        period: "2020-07-01",
        completed_on: "2020-07-30",
        evidence: "培训通知（葫司发〔2020〕12号）",
        raw_value: "2020年7月30日",
        line: 9,
      },
    ]);
  });

  test("a task row left blank is skipped (not done yet), not rejected", () => {
    expect(report.rowsSkipped).toBe(1);
    expect(report.rowsRead).toBe(7);
  });

  test.each([
    { line: 4, code: "bad_date", column: "数值", value: "2020-13-01" },
    { line: 5, code: "future_date", column: "数值", value: "2020-09-01" },
    { line: 6, code: "missing_evidence", column: "备注", value: "" },
    { line: 7, code: "not_responsible", column: "报送单位", value: "兴城市" },
    { line: 8, code: "duplicate_row", column: "指标", value: "zp_task_05" },
  ])("line $line: $code", ({ line, code, column, value }) => {
    expect(report.problems.filter((p) => p.line === line).map((p) => [p.code, p.column, p.value])).toEqual([
      [code, column, value],
    ]);
    expect(report.problems.find((p) => p.line === line)?.message_zh).toBeTruthy();
  });
});

describe("cell conventions (cell-conventions.csv)", () => {
  const report = check("cell-conventions.csv");

  test.each([
    { line: 2, code: "unit_conflict" },
    { line: 3, code: "missing_value" },
    { line: 7, code: "missing_value" },
  ])("line $line: $code", ({ line, code }) => {
    expect(report.problems.filter((p) => p.line === line).map((p) => p.code)).toEqual([code]);
  });

  test("accepts 2020年4月份, a date-time period and a unit written in both places alike", () => {
    expect(report.accepted.map((r) => [r.line, r.period, r.value])).toEqual([
      [4, "2020-04-01", "12000"],
      [5, "2020-03-01", "11000"],
      [6, "2020-02-01", "11300"],
    ]);
  });
});

test.each([
  ["2020-06-30", "2020-06-30"],
  ["2020/6/3", "2020-06-03"],
  ["2020年6月30日", "2020-06-30"],
  ["2020.6.30", "2020-06-30"],
  ["20200630", "2020-06-30"],
  ["44012", "2020-06-30"],
  ["2020-06-30 00:00:00", "2020-06-30"],
  ["２０２０－０６－３０", "2020-06-30"],
  ["2020-02-30", undefined],
  ["2020-06", undefined],
  ["完成", undefined],
])("parseDate(%j) → %j", (text, expected) => {
  expect(parseDate(text)).toBe(expected);
});

test("the template lists a unit's tasks due by the end of the next month, and its own rows check clean once filled", () => {
  const template = buildTemplate(catalogue, "2020-12", "211400");
  expect(template.rows.length).toBeGreaterThan(0);
  expect(template.tasks.map((t) => t.target.target_id)).toContain("zp_task_14");
  expect(template.tasks.every((t) => t.target.deadline <= "2021-01-31")).toBe(true);
  const blank = checkFile(new TextEncoder().encode(templateCsv(template)), {
    catalogue,
    receivedAt: new Date("2021-01-05T10:00:00+08:00"),
  });
  // an unfilled template: indicator rows are missing values, task rows are skipped as not done
  expect(new Set(blank.problems.map((p) => p.code))).toEqual(new Set(["missing_value"]));
  expect(blank.problems.length).toBe(template.rows.length);
  expect(blank.rowsSkipped).toBe(template.tasks.length);
});

test.each([
  { done: undefined, listed: true, why: "not reported" },
  { done: "2020-11-20", listed: false, why: "reported done before the month" },
  { done: "2020-12-31", listed: false, why: "reported done on the month's last day" },
  { done: "2021-01-03", listed: true, why: "done only after the month: an earlier template still asks" },
])("a task reported done on $done is listed: $listed ($why)", ({ done, listed }) => {
  const completions = new Map(done ? [["zp_task_14", done]] : []);
  const ids = buildTemplate(catalogue, "2020-12", "211400", completions).tasks.map((t) => t.target.target_id);
  expect(ids.includes("zp_task_14")).toBe(listed);
  expect(ids.length).toBe(buildTemplate(catalogue, "2020-12", "211400").tasks.length - (listed ? 0 : 1));
});
