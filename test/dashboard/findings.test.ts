// The deadline's result in words, as the target tables, the KPI cards and the chart titles say it.
import { expect, test } from "vitest";
// @ts-expect-error -- a plain-JS dashboard component, no type declarations
import { trajectoryFinding } from "../../dashboard/components/findings.js";
// @ts-expect-error -- a plain-JS dashboard component, no type declarations
import { deadlineNote } from "../../dashboard/components/kpi-card.js";

const area = { name_zh: "设施农业面积", unit_zh: "万亩", display_scale: 10000, frequency: "monthly" };
const row = (fields: Record<string, unknown>) => ({
  actual: 206300,
  pct_of_target: 1.0315,
  latest_period: "2026-10-01",
  status_zh: "已达标",
  deadline_period: "2025-12-01",
  periods_missed: 0,
  met_period: null,
  ...fields,
});

test.each([
  { result: "met", fields: {}, note: null, finding: "；按期达标" },
  {
    result: "met_late",
    fields: { met_period: "2026-04-01" },
    note: "2026年4月达标",
    finding: "；逾期达标（2026年4月达标）",
  },
  {
    result: "missed_years",
    fields: { periods_missed: 2 },
    note: "2年未达标",
    finding: "；部分年度未达标（2年未达标）",
  },
  { result: "missed", fields: {}, note: null, finding: "；逾期未达标" },
  { result: null, fields: { deadline_period: null }, note: null, finding: "" },
  // a word the status already said is not said twice
  { result: "missed", fields: { status_zh: "逾期未达标" }, note: null, finding: "" },
])("deadline result $result: note $note, finding ends '$finding'", ({ result, fields, note, finding }) => {
  const zh = { met: "按期达标", met_late: "逾期达标", missed_years: "部分年度未达标", missed: "逾期未达标" };
  const r = row({
    deadline_result: result,
    deadline_result_zh: result ? zh[result as keyof typeof zh] : null,
    ...fields,
  });
  expect(deadlineNote(r, area)).toBe(note);
  expect(trajectoryFinding(r, area)).toBe(`设施农业面积2026年10月为20.63万亩，完成率103.2%，${r.status_zh}${finding}`);
});
