// The dashboard's small helpers: words for months and periods, a target's series, CSV cells as
// numbers, the worst first. What a mart decides is not computed here (see test/kpi, test/reader).
import { describe, expect, test } from "vitest";
import {
  dayLabel,
  monthLabel,
  numeric,
  periodLabel,
  series,
  sparkRows,
  targetTaskKey,
  worstFirst,
} from "../../dashboard/components/pick.js";

describe("months", () => {
  test("monthLabel drops the leading zero", () => expect(monthLabel("2026-03-01")).toBe("2026年3月"));
  test("dayLabel drops the leading zeros", () => expect(dayLabel("2026-12-01")).toBe("2026年12月1日"));

  test.each([
    ["2026-07-01", "quarterly", "2026年三季度"],
    ["2025-01-01", "annual", "2025年"],
    ["2026-10-01", "monthly", "2026年10月"],
  ])("periodLabel(%s, %s) is %s", (period, frequency, text) => expect(periodLabel(period, frequency)).toBe(text));
});

describe("order and series", () => {
  test("worstFirst puts 逾期未达标 before 滞后, 关注, 正常, 已达标 and 无数据", () => {
    const statuses = ["met", "no_data", "at_risk", "missed", "on_track", "off_track"];
    expect(worstFirst(statuses.map((status) => ({ status }))).map((d) => d.status)).toEqual([
      "missed",
      "off_track",
      "at_risk",
      "on_track",
      "met",
      "no_data",
    ]);
  });
});

describe("tasks", () => {
  test.each([
    [{ deadline_result: "met", actual: 1 }, "done"],
    [{ deadline_result: "met_late", actual: 1 }, "done_late"],
    [{ deadline_result: "missed", actual: 1 }, "overdue"],
    [{ deadline_result: "missed_years", actual: 1 }, "overdue"],
    [{ deadline_result: "no_data", actual: null }, "no_data"],
    [{ deadline_result: null, actual: 1 }, "in_progress"],
    [{ deadline_result: null, actual: null }, "no_data"],
  ])("targetTaskKey(%o) is %s", (r, key) => expect(targetTaskKey(r)).toBe(key));
});

describe("flows and reporting", () => {
  test("sparkRows keeps Decembers and the latest period of a monthly year-to-date flow", () => {
    const rows = ["2024-11-01", "2024-12-01", "2025-06-01", "2025-12-01", "2026-03-01"].map((period) => ({ period }));
    expect(sparkRows(rows, { time_aggregation: "flow_ytd", frequency: "monthly" }).map((d) => d.period)).toEqual([
      "2024-12-01",
      "2025-12-01",
      "2026-03-01",
    ]);
    expect(sparkRows(rows, { time_aggregation: "stock", frequency: "monthly" })).toHaveLength(5);
  });
});

describe("CSV rows", () => {
  test("numeric reads the chosen columns as numbers, an empty cell as null, and leaves codes and months as text", () => {
    const rows = [{ as_of_month: "2026-10", unit_code: "211402", expected: "11", late: "" }];
    expect(numeric(rows, ["expected", "late"])).toEqual([
      { as_of_month: "2026-10", unit_code: "211402", expected: 11, late: null },
    ]);
    expect(numeric(rows, (c) => c === "expected")[0]).toMatchObject({ unit_code: "211402", expected: 11, late: "" });
  });

  test("series takes one target's rows in period order, of one scope when asked", () => {
    const rows = [
      { target_id: "a", scope_code: "211400", period: "2026-02-01" },
      { target_id: "a", scope_code: "211402", period: "2026-01-01" },
      { target_id: "a", scope_code: "211400", period: "2026-01-01" },
      { target_id: "b", scope_code: "211400", period: "2026-01-01" },
    ];
    expect(series(rows, "a").map((d) => [d.scope_code, d.period])).toEqual([
      ["211402", "2026-01-01"],
      ["211400", "2026-01-01"],
      ["211400", "2026-02-01"],
    ]);
    expect(series(rows, "a", "211400").map((d) => d.period)).toEqual(["2026-01-01", "2026-02-01"]);
  });
});
