// The dashboard's row pickers: which rows a page shows for a month, rankings, tasks at a date.
import { describe, expect, test } from "vitest";
import {
  completenessByUnit,
  latestPerUnit,
  milestonesAt,
  monthEnd,
  monthLabel,
  monthlyFromYtd,
  monthsWithData,
  periodLabel,
  rankUnits,
  rowsAsOf,
  sparkRows,
  targetTaskKey,
  worstFirst,
} from "../../dashboard/components/pick.js";

const row = (target_id: string, period: string, actual: number | null, status = "on_track", scope_code = "211400") => ({
  target_id,
  scope_code,
  period,
  actual,
  status,
});

describe("months", () => {
  test.each([
    ["2026-10", "2026-10-31"],
    ["2024-02-01", "2024-02-29"],
    ["2025-12", "2025-12-31"],
  ])("monthEnd(%s) is %s", (month, end) => expect(monthEnd(month)).toBe(end));

  test("monthLabel drops the leading zero", () => expect(monthLabel("2026-03-01")).toBe("2026年3月"));

  test.each([
    ["2026-07-01", "quarterly", "2026年三季度"],
    ["2025-01-01", "annual", "2025年"],
    ["2026-10-01", "monthly", "2026年10月"],
  ])("periodLabel(%s, %s) is %s", (period, frequency, text) => expect(periodLabel(period, frequency)).toBe(text));

  test("monthsWithData lists months with a figure, latest first, ignoring rows without one", () => {
    const rows = [row("a", "2026-09-01", 1), row("a", "2026-10-01", 2), row("b", "2026-11-01", null)];
    expect(monthsWithData(rows)).toEqual(["2026-10", "2026-09"]);
  });
});

describe("rowsAsOf", () => {
  const rows = [
    row("m", "2026-08-01", 5),
    row("m", "2026-09-01", 6),
    row("m", "2026-10-01", 7),
    row("q", "2026-04-01", 1),
    row("q", "2026-07-01", null, "no_data"),
    row("n", "2026-07-01", null, "no_data"),
    row("n", "2026-08-01", null, "no_data"),
    row("u", "2026-09-01", 3, "met", "211402"),
  ];

  test("takes each target's row of the chosen month", () => {
    const picked = rowsAsOf(rows, "2026-09");
    expect(picked.find((d) => d.target_id === "m")?.period).toBe("2026-09-01");
  });

  test("falls back to the latest earlier period with a figure (a quarter not yet reported)", () => {
    expect(rowsAsOf(rows, "2026-10").find((d) => d.target_id === "q")?.period).toBe("2026-04-01");
  });

  test("keeps the latest row without a figure when a target has none", () => {
    expect(rowsAsOf(rows, "2026-10").find((d) => d.target_id === "n")).toMatchObject({
      period: "2026-08-01",
      actual: null,
    });
  });

  test("leaves out periods after the month and filters by scope", () => {
    expect(rowsAsOf(rows, "2026-08").find((d) => d.target_id === "m")?.actual).toBe(5);
    expect(rowsAsOf(rows, "2026-10", { scope: "211402" }).map((d) => d.target_id)).toEqual(["u"]);
  });
});

describe("rankings", () => {
  test("rankUnits ranks highest first, ties share a rank, then official order", () => {
    const order = new Map([
      ["211402", 1],
      ["211403", 2],
      ["211404", 3],
    ]);
    const ranked = rankUnits(
      [
        { scope_code: "211404", actual: 5 },
        { scope_code: "211403", actual: 9 },
        { scope_code: "211402", actual: 5 },
      ],
      { order },
    );
    expect(ranked.map((d) => [d.scope_code, d.rank])).toEqual([
      ["211403", 1],
      ["211402", 2],
      ["211404", 2],
    ]);
  });

  test("rankUnits ranks lowest first for a ≤ target", () => {
    const ranked = rankUnits(
      [
        { scope_code: "a", actual: 3 },
        { scope_code: "b", actual: 1 },
      ],
      { descending: false },
    );
    expect(ranked[0].scope_code).toBe("b");
  });

  test("latestPerUnit takes each unit's latest figure, skipping nulls and the city", () => {
    const actuals = [
      { indicator_id: "x", scope_code: "211400", period: "2026-10-01", actual: 10 },
      { indicator_id: "x", scope_code: "211402", period: "2026-09-01", actual: 4 },
      { indicator_id: "x", scope_code: "211402", period: "2026-10-01", actual: null },
      { indicator_id: "x", scope_code: "211403", period: "2026-10-01", actual: 6 },
      { indicator_id: "y", scope_code: "211403", period: "2026-10-01", actual: 1 },
    ];
    expect(latestPerUnit(actuals, "x").map((d) => [d.scope_code, d.actual])).toEqual([
      ["211402", 4],
      ["211403", 6],
    ]);
    expect(latestPerUnit(actuals, "x", { month: "2026-09" })).toHaveLength(1);
  });

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
  const tasks = [
    { target_id: "a", deadline: "2026-10-15", completed_on: "2026-10-20" },
    { target_id: "b", deadline: "2026-10-15", completed_on: null },
    { target_id: "c", deadline: "2026-11-20", completed_on: null },
    { target_id: "d", deadline: "2027-03-01", completed_on: null },
    { target_id: "e", deadline: "2026-12-01", completed_on: "2026-11-15" },
  ];

  test("milestonesAt applies the mart's rules at the date", () => {
    const at = milestonesAt(tasks, "2026-10-31");
    expect(at.map((m) => [m.target_id, m.status, m.days_late])).toEqual([
      ["a", "done", 5],
      ["b", "overdue", 16],
      ["c", "due_soon", 0],
      ["d", "in_progress", 0],
      ["e", "in_progress", 0],
    ]);
    expect(at[0].completed_late).toBe(true);
  });

  test.each([
    [{ deadline_status: "met", met_period: "2020-06-01", status: "met" }, "done"],
    [{ deadline_status: "missed", met_period: "2021-03-01", status: "met" }, "done_late"],
    [{ deadline_status: "no_data", met_period: null, status: "no_data", actual: null }, "no_data"],
    [
      { deadline_status: "missed", met_period: null, status: "missed", actual: 1, deadline_period: "2020-12-01" },
      "overdue",
    ],
  ])("targetTaskKey(%o) is %s", (r, key) => expect(targetTaskKey(r)).toBe(key));
});

describe("flows and reporting", () => {
  test("monthlyFromYtd turns year to date into each month's figure; a gap leaves the next month out", () => {
    const rows = [
      { period: "2020-01-01", actual: 1 },
      { period: "2020-02-01", actual: 3 },
      { period: "2020-04-01", actual: 4 },
      { period: "2020-05-01", actual: 6 },
      { period: "2021-01-01", actual: 0 },
      { period: "2021-02-01", actual: null },
    ];
    expect(monthlyFromYtd(rows)).toEqual([
      { month: "2020-01", value: 1 },
      { month: "2020-02", value: 2 },
      { month: "2020-05", value: 2 },
      { month: "2021-01", value: 0 },
    ]);
  });

  test("sparkRows keeps Decembers and the latest period of a monthly year-to-date flow", () => {
    const rows = ["2024-11-01", "2024-12-01", "2025-06-01", "2025-12-01", "2026-03-01"].map((period) => ({ period }));
    expect(sparkRows(rows, { time_aggregation: "flow_ytd", frequency: "monthly" }).map((d) => d.period)).toEqual([
      "2024-12-01",
      "2025-12-01",
      "2026-03-01",
    ]);
    expect(sparkRows(rows, { time_aggregation: "stock", frequency: "monthly" })).toHaveLength(5);
  });

  test("completenessByUnit sums a month's areas per unit and leaves out units owing nothing", () => {
    const rows = [
      {
        unit_code: "211402",
        period: "2026-10-01",
        expected: 2,
        received: 2,
        on_time: 2,
        late: 0,
        missing: 0,
        not_due: 0,
      },
      {
        unit_code: "211402",
        period: "2026-10-01",
        expected: 5,
        received: 1,
        on_time: 0,
        late: 1,
        missing: 4,
        not_due: 0,
      },
      {
        unit_code: "211404",
        period: "2026-10-01",
        expected: 0,
        received: 0,
        on_time: 0,
        late: 0,
        missing: 0,
        not_due: 0,
      },
      {
        unit_code: "211402",
        period: "2026-09-01",
        expected: 9,
        received: 9,
        on_time: 9,
        late: 0,
        missing: 0,
        not_due: 0,
      },
    ];
    expect(completenessByUnit(rows, "2026-10")).toEqual([
      { unit_code: "211402", expected: 7, received: 3, on_time: 2, late: 1, missing: 4, not_due: 0 },
    ]);
  });
});
