// Which chart a 数据查询 result gets: a line over a date column, bars by a text column whose values
// are all different, or none (never bars stacked from repeated labels).
import { expect, test } from "vitest";
// @ts-expect-error -- a plain-JS dashboard component, no type declarations
import { chartSpec, describeResult } from "../../dashboard/components/sql-result.js";

const spec = (rows: Record<string, unknown>[]): unknown =>
  chartSpec(describeResult(Object.keys(rows[0]), rows).columns);

test.each([
  {
    name: "count per status → bars",
    rows: [
      { status: "met", n: 3 },
      { status: "missed", n: 1 },
    ],
    expected: { mark: "bar", x: "n", y: "status" },
  },
  {
    name: "a date first → a line",
    rows: [
      { 月份: "2025-01-01", 产量: 1 },
      { 月份: "2025-02-01", 产量: 2 },
    ],
    expected: { mark: "line", x: "月份", y: "产量", series: undefined },
  },
  {
    name: "repeated labels, a unique one later → bars by the unique one",
    rows: [
      { 单位: "兴城市", 目标: "a", 完成率: 90 },
      { 单位: "兴城市", 目标: "b", 完成率: 95 },
    ],
    expected: { mark: "bar", x: "完成率", y: "目标" },
  },
  {
    name: "no unique label → none",
    rows: [
      { 单位: "兴城市", 完成率: 90 },
      { 单位: "兴城市", 完成率: 95 },
    ],
    expected: null,
  },
  { name: "no number → none", rows: [{ a: "x" }], expected: null },
])("$name", ({ rows, expected }) => {
  expect(spec(rows)).toEqual(expected);
});
