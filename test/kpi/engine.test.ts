// The KPI models on hand-made data, every expected figure worked out by hand in the comments.
import { describe, expect, test } from "vitest";
import { runLayer } from "../../pipeline/warehouse/sql-files.ts";
import { indicator, miniWarehouse, target, type Obs } from "../support/mini-warehouse.ts";

const A = "211402";
const B = "211404";
const C = "211422";
const CITY = "211400";

describe("rates are computed as a ratio of sums, never a mean of the units' rates", async () => {
  const db = await miniWarehouse({
    indicators: [
      indicator("num", {}),
      indicator("den", {}),
      indicator("rate", {
        time_aggregation: "rate",
        unit_aggregation: "ratio_of_sums",
        numerator_id: "num",
        denominator_id: "den",
        reported: false,
        reporters: "none",
        base_unit: "ratio",
      }),
    ],
    targets: [
      target("rate_100", { indicator_id: "rate", target_value: 1, base_unit: "ratio", deadline: "2020-12-31" }),
    ],
    observations: [
      { unit: A, indicator: "num", period: "2020-01", value: 1 },
      { unit: A, indicator: "den", period: "2020-01", value: 2 },
      { unit: B, indicator: "num", period: "2020-01", value: 90 },
      { unit: B, indicator: "den", period: "2020-01", value: 100 },
      // C reported only the numerator: left out of the rate, never a denominator of 0
      { unit: C, indicator: "num", period: "2020-01", value: 5 },
    ],
    asOf: "2020-02",
  });
  const rows = await db.query(
    `select scope_code, actual, numerator, denominator, units_reported, units_expected, units_incomplete
     from indicator_actuals where indicator_id = 'rate' and period = '2020-01-01' order by scope_code`,
  );

  test("the city rate is (1 + 90) / (2 + 100) = 0.892157, not the mean of 50 % and 90 %", () => {
    const city = rows.find((r) => r.scope_code === CITY)!;
    expect(city).toMatchObject({
      numerator: 91,
      denominator: 102,
      units_reported: 2,
      units_expected: 3,
      units_incomplete: 1,
    });
    expect(city.actual).toBeCloseTo(91 / 102, 6);
    expect(city.actual).not.toBeCloseTo((0.5 + 0.9) / 2, 2);
  });

  test("each unit's own rate; a unit with one side only has none and is marked incomplete", () => {
    expect(rows.filter((r) => r.scope_code !== CITY).map((r) => [r.scope_code, r.actual, r.units_incomplete])).toEqual([
      [A, 0.5, 0],
      [B, 0.9, 0],
      [C, null, 1],
    ]);
  });

  test("a city-wide rate target is evaluated for the city and for every unit that reports the rate", async () => {
    const status = await db.query(
      `select scope_code, actual, status from kpi_status where target_id = 'rate_100' and period = '2020-01-01' order by scope_code`,
    );
    expect(status.map((r) => r.scope_code)).toEqual([CITY, A, B, C]);
    expect(status.find((r) => r.scope_code === C)?.status).toBe("no_data");
  });
});

test("a unit that reported neither side of a stock rate keeps both carried forward; one side only leaves it out", async () => {
  const rate = indicator("rate", {
    time_aggregation: "rate",
    unit_aggregation: "ratio_of_sums",
    numerator_id: "num",
    denominator_id: "den",
    reported: false,
    reporters: "none",
    base_unit: "ratio",
  });
  const month = (unit: string, period: string, num: number | null, den: number | null): Obs[] => [
    ...(num === null ? [] : [{ unit, indicator: "num", period, value: num }]),
    ...(den === null ? [] : [{ unit, indicator: "den", period, value: den }]),
  ];
  const db = await miniWarehouse({
    indicators: [indicator("num", {}), indicator("den", {}), rate],
    observations: [
      ...month(A, "2020-01", 3, 4),
      ...month(B, "2020-01", 5, 10),
      // February: A sends nothing (3/4 carried forward), B sends its numerator only (left out)
      ...month(B, "2020-02", 6, null),
    ],
    asOf: "2020-03",
  });
  expect(
    await db.query(`select scope_code, actual, numerator, denominator, units_incomplete, carried_forward
                    from indicator_actuals where indicator_id = 'rate' and period = '2020-02-01' and scope_code <> '${C}'
                    order by scope_code`),
  ).toEqual([
    { scope_code: CITY, actual: 0.75, numerator: 3, denominator: 4, units_incomplete: 1, carried_forward: true },
    { scope_code: A, actual: 0.75, numerator: 3, denominator: 4, units_incomplete: 0, carried_forward: true },
    { scope_code: B, actual: null, numerator: null, denominator: null, units_incomplete: 1, carried_forward: false },
  ]);
});

describe("a year-to-date flow across a year boundary, held every year", async () => {
  const db = await miniWarehouse({
    indicators: [indicator("grain", { time_aggregation: "flow_ytd", base_unit: "t" })],
    targets: [
      target("grain_100", {
        indicator_id: "grain",
        target_value: 100,
        base_unit: "t",
        target_shape: "hold_every_period",
        start_date: "2020-01-01",
        deadline: "2021-12-31",
      }),
    ],
    observations: [
      { unit: A, indicator: "grain", period: "2020-11", value: 90 },
      { unit: A, indicator: "grain", period: "2020-12", value: 100 },
      { unit: A, indicator: "grain", period: "2021-01", value: 5 },
    ],
    asOf: "2021-02",
  });

  test("the year's actual is December's 本年累计 (100), not the sum of the reports (195)", async () => {
    expect(
      await db.query(`select year, actual, is_complete from indicator_annual where scope_code = '${A}' order by year`),
    ).toEqual([
      { year: 2020, actual: 100, is_complete: true },
      { year: 2021, actual: 5, is_complete: false },
    ]);
  });

  test.each([
    // 11/12 of 100 = 91.666667 expected; 90 is 1.67 short, within 10 % of 91.67: 关注
    { period: "2020-11-01", expected_value: 91.666667, status: "at_risk", status_zh: "关注", is_final: false },
    // December settles 2020: 100 ≥ 100
    { period: "2020-12-01", expected_value: 100, status: "met", status_zh: "已达标", is_final: true },
    // January restarts the year: 1/12 of 100 = 8.333333 expected, 5 is 3.33 short, beyond 0.83: 滞后
    { period: "2021-01-01", expected_value: 8.333333, status: "off_track", status_zh: "滞后", is_final: false },
    { period: "2020-10-01", expected_value: 83.333333, status: "no_data", status_zh: "无数据", is_final: false },
  ])("$period: expected $expected_value → $status_zh", async (row) => {
    const [got] = await db.query(
      `select period, expected_value, status, status_zh, is_final from kpi_status
       where target_id = 'grain_100' and period = '${row.period}'`,
    );
    expect(got).toEqual(row);
  });
});

describe("a hold-every-period target with one bad year", async () => {
  const annual = (year: number, value: number): Obs => ({
    unit: A,
    indicator: "firms",
    period: `${year}-01-01`,
    value,
    received: `${year + 1}-01-05T09:00:00+08:00`,
  });
  const db = await miniWarehouse({
    indicators: [indicator("firms", { frequency: "annual" })],
    targets: [
      target("firms_10", {
        indicator_id: "firms",
        scope_code: A,
        target_value: 10,
        target_shape: "hold_every_period",
        start_date: "2020-01-01",
        deadline: "2022-12-31",
      }),
    ],
    observations: [annual(2020, 12), annual(2021, 8), annual(2022, 11)],
    asOf: "2023-02",
  });

  test("each year is settled on its own: met, missed, met", async () => {
    expect(
      await db.query(`select year(period) as y, status from kpi_status where target_id = 'firms_10' order by period`),
    ).toEqual([
      { y: 2020, status: "met" },
      { y: 2021, status: "missed" },
      { y: 2022, status: "met" },
    ]);
  });

  test("at the deadline the hold is missed, with one year short", async () => {
    expect(
      await db.query(
        `select deadline_status, deadline_status_zh, periods_missed, status, deadline_result, deadline_result_zh
         from kpi_current where target_id = 'firms_10'`,
      ),
    ).toEqual([
      {
        deadline_status: "missed",
        deadline_status_zh: "未按期达标",
        periods_missed: 1,
        status: "met",
        // met now, yet never "met late": a hold had to be met every year
        deadline_result: "missed_years",
        deadline_result_zh: "部分年度未达标",
      },
    ]);
  });
});

describe("reach by the deadline: the expected path and every status boundary", () => {
  // baseline 100 in 2019-12, target 220 by 2021-12: 24 months, 5 a month; by 2020-06 (6 months) 130 expected.
  // 关注 band: 10 % of the expected increment (130 − 100) = 3.
  const build = (june?: number, tolerance = 0.1) =>
    miniWarehouse({
      indicators: [indicator("area", {})],
      targets: [target("area_220", { indicator_id: "area", scope_code: A, target_value: 220, deadline: "2021-12-31" })],
      observations: [
        { unit: A, indicator: "area", period: "2019-12", value: 100 },
        ...(june === undefined ? [] : [{ unit: A, indicator: "area", period: "2020-06", value: june }]),
      ],
      asOf: "2020-07",
      tolerance,
    });

  test.each([
    { june: 220, status: "met" },
    { june: 135, status: "on_track" },
    { june: 130, status: "on_track" },
    { june: 127, status: "at_risk" },
    { june: 126.99, status: "off_track" },
    // no June report: the stock is carried forward from 2019-12 (100), 30 short of 130
    { june: undefined, status: "off_track" },
  ])("June at $june → $status", async ({ june, status }) => {
    const db = await build(june);
    const [row] = await db.query(
      `select baseline, expected_value, actual, gap, status from kpi_status where target_id = 'area_220' and period = '2020-06-01'`,
    );
    const actual = june ?? 100;
    expect(row).toEqual({ baseline: 100, expected_value: 130, actual, gap: Number((actual - 130).toFixed(6)), status });
  });

  test("a wider tolerance moves the band: at 0.2 (6), 126.99 is 关注", async () => {
    const db = await build(126.99, 0.2);
    const [row] = await db.query(
      `select status_zh from kpi_status where target_id = 'area_220' and period = '2020-06-01'`,
    );
    expect(row.status_zh).toBe("关注");
  });

  test("missed at the deadline, met later: 逾期未达标 then 已达标, and kpi_current keeps both", async () => {
    const db = await miniWarehouse({
      indicators: [indicator("area", {})],
      targets: [target("area_220", { indicator_id: "area", scope_code: A, target_value: 220, deadline: "2021-12-31" })],
      observations: [
        { unit: A, indicator: "area", period: "2019-12", value: 100 },
        { unit: A, indicator: "area", period: "2021-12", value: 200 },
        { unit: A, indicator: "area", period: "2022-03", value: 230 },
      ],
      asOf: "2022-04",
    });
    const status = await db.query(
      `select strftime(period, '%Y-%m') as p, status_zh from kpi_status
       where target_id = 'area_220' and period in ('2021-12-01', '2022-01-01', '2022-03-01') order by period`,
    );
    expect(status).toEqual([
      { p: "2021-12", status_zh: "逾期未达标" },
      { p: "2022-01", status_zh: "逾期未达标" },
      { p: "2022-03", status_zh: "已达标" },
    ]);
    expect(
      await db.query(
        `select deadline_status, deadline_actual, strftime(met_period, '%Y-%m') as met, status, deadline_result_zh
         from kpi_current`,
      ),
    ).toEqual([
      {
        deadline_status: "missed",
        deadline_actual: 200,
        met: "2022-03",
        status: "met",
        deadline_result_zh: "逾期达标",
      },
    ]);
  });
});

describe("forecast: a least-squares line to the deadline, or none with too little data", () => {
  const build = (values: number[], targetValue: number) =>
    miniWarehouse({
      indicators: [indicator("n", {})],
      targets: [target("n_t", { indicator_id: "n", scope_code: A, target_value: targetValue, deadline: "2020-12-31" })],
      observations: values.map((value, i) => ({ unit: A, indicator: "n", period: `2020-0${i + 1}`, value })),
      asOf: `2020-0${values.length + 1}`,
    });

  test("two points: 数据不足, no forecast", async () => {
    const db = await build([10, 20], 100);
    const [row] = await db.query(
      `select forecast_at_deadline, forecast_points, forecast_status_zh from kpi_status where period = '2020-02-01'`,
    );
    expect(row).toEqual({ forecast_at_deadline: null, forecast_points: 2, forecast_status_zh: "数据不足" });
  });

  test.each([
    // 10, 20, 30 in Jan–Mar: +10 a month, so 120 by December
    { target: 100, status: "likely_met" },
    { target: 130, status: "likely_missed" },
  ])("three points, 10 a month → 120 in December; target $target → $status", async ({ target: t, status }) => {
    const db = await build([10, 20, 30], t);
    const [row] = await db.query(
      `select forecast_at_deadline, forecast_points, forecast_status from kpi_status where period = '2020-03-01'`,
    );
    expect(row).toEqual({ forecast_at_deadline: 120, forecast_points: 3, forecast_status: status });
  });

  test("a year-to-date flow is forecast from its complete years: 100, 110, 120 → 150 in 2025", async () => {
    const db = await miniWarehouse({
      indicators: [indicator("g", { time_aggregation: "flow_ytd" })],
      targets: [
        target("g_hold", {
          indicator_id: "g",
          scope_code: A,
          target_value: 140,
          target_shape: "hold_every_period",
          start_date: "2020-01-01",
          deadline: "2025-12-31",
        }),
      ],
      observations: [2020, 2021, 2022].map((y, i) => ({
        unit: A,
        indicator: "g",
        period: `${y}-12`,
        value: 100 + 10 * i,
      })),
      asOf: "2023-02",
    });
    const [row] = await db.query(
      `select forecast_at_deadline, forecast_points, forecast_status from kpi_status where period = '2023-01-01'`,
    );
    expect(row).toEqual({ forecast_at_deadline: 150, forecast_points: 3, forecast_status: "likely_met" });
  });
});

describe("--as-of: what leadership saw at the end of a month", () => {
  const spec = {
    indicators: [indicator("n", {})],
    targets: [target("n_t", { indicator_id: "n", scope_code: A, target_value: 100, deadline: "2020-12-31" })],
    observations: [
      { unit: A, indicator: "n", period: "2020-01", value: 10, received: "2020-02-05T09:00:00+08:00" },
      // a correction received in March
      { unit: A, indicator: "n", period: "2020-01", value: 12, received: "2020-03-15T09:00:00+08:00" },
      // B's January report arrived late, on 3 March
      { unit: B, indicator: "n", period: "2020-01", value: 7, received: "2020-03-03T09:00:00+08:00" },
    ],
  };

  test.each([
    { asOf: "2020-02", a: 10, b: null, city: 10 },
    { asOf: "2020-03", a: 12, b: 7, city: 19 },
  ])("as of $asOf: 连山区 $a, 南票区 $b, city $city", async ({ asOf, a, b, city }) => {
    const db = await miniWarehouse({ ...spec, asOf });
    const rows = await db.query(
      `select scope_code, actual from indicator_actuals where period = '2020-01-01' order by scope_code`,
    );
    expect(Object.fromEntries(rows.map((r) => [r.scope_code, r.actual]))).toEqual({
      [CITY]: city,
      [A]: a,
      [B]: b,
      [C]: null,
    });
  });
});

test("a stock is carried forward to the months with no report, and flagged", async () => {
  const db = await miniWarehouse({
    indicators: [indicator("s", {})],
    observations: [{ unit: A, indicator: "s", period: "2020-01", value: 5 }],
    asOf: "2020-04",
  });
  expect(
    await db.query(`select strftime(period, '%Y-%m') as p, actual, carried_forward from indicator_actuals
                    where scope_code = '${A}' and period >= '2020-01-01' order by period`),
  ).toEqual([
    { p: "2020-01", actual: 5, carried_forward: false },
    { p: "2020-02", actual: 5, carried_forward: true },
    { p: "2020-03", actual: 5, carried_forward: true },
  ]);
});

test("a moratorium window counts only what happened inside it", async () => {
  // year to date: 1 by April (before the window), 1 by May, 3 by June → 0 then 2 inside May–June
  const db = await miniWarehouse({
    indicators: [indicator("v", { time_aggregation: "flow_ytd", reporters: "coastal" })],
    targets: [
      target("ban", {
        indicator_id: "v",
        comparator: "=",
        target_value: 0,
        target_shape: "window",
        start_date: "2020-05-01",
        deadline: "2020-06-30",
      }),
    ],
    observations: [
      { unit: A, indicator: "v", period: "2020-04", value: 1 },
      { unit: A, indicator: "v", period: "2020-05", value: 1 },
      { unit: A, indicator: "v", period: "2020-06", value: 3 },
    ],
    asOf: "2020-08",
  });
  expect(
    await db.query(`select strftime(period, '%Y-%m') as p, actual, status from kpi_status order by period`),
  ).toEqual([
    { p: "2020-05", actual: 0, status: "on_track" },
    { p: "2020-06", actual: 2, status: "missed" },
  ]);
  // a closed window cannot be met late
  expect(await db.query(`select deadline_result_zh from kpi_current`)).toEqual([{ deadline_result_zh: "逾期未达标" }]);
});

test("milestones: done on time, done late, overdue, due within 30 days, in progress", async () => {
  const task = (id: string, deadline: string) =>
    target(id, {
      indicator_id: "task_completion",
      comparator: "done_by",
      target_value: null,
      base_unit: "date",
      deadline,
    });
  const db = await miniWarehouse({
    indicators: [
      indicator("task_completion", {
        time_aggregation: "milestone",
        unit_aggregation: "none",
        base_unit: "date",
        frequency: "event",
        reporters: "responsible",
      }),
    ],
    targets: [
      task("t_on_time", "2020-06-30"),
      task("t_late", "2020-06-30"),
      task("t_overdue", "2020-06-30"),
      task("t_reported_after", "2020-06-30"),
      task("t_due_soon", "2020-08-20"),
      task("t_later", "2020-12-31"),
    ],
    milestones: [
      { target: "t_on_time", unit: CITY, completed: "2020-06-20", received: "2020-07-03T09:00:00+08:00" },
      { target: "t_late", unit: CITY, completed: "2020-07-10", received: "2020-07-12T09:00:00+08:00" },
      { target: "t_reported_after", unit: CITY, completed: "2020-06-25", received: "2020-08-03T09:00:00+08:00" },
    ],
    asOf: "2020-07",
  });
  // as of 2020-07-31
  expect(
    await db.query(`select target_id, status_zh, completed_late, days_late from milestone_status order by target_id`),
  ).toEqual([
    { target_id: "t_due_soon", status_zh: "临期", completed_late: false, days_late: 0 },
    { target_id: "t_late", status_zh: "已完成", completed_late: true, days_late: 10 },
    { target_id: "t_later", status_zh: "推进中", completed_late: false, days_late: 0 },
    { target_id: "t_on_time", status_zh: "已完成", completed_late: false, days_late: 0 },
    { target_id: "t_overdue", status_zh: "逾期", completed_late: false, days_late: 31 },
    { target_id: "t_reported_after", status_zh: "逾期", completed_late: false, days_late: 31 },
  ]);
});

test("reporting completeness: by the 10th is on time, the 11th is late, nothing is missing", async () => {
  const db = await miniWarehouse({
    indicators: [indicator("n", {})],
    observations: [
      { unit: A, indicator: "n", period: "2020-01", value: 1, received: "2020-02-10T23:59:00+08:00" },
      { unit: B, indicator: "n", period: "2020-01", value: 1, received: "2020-02-11T00:00:00+08:00" },
    ],
    asOf: "2020-02",
  });
  expect(
    await db.query(`select unit_code, expected, received, on_time, late, missing from reporting_completeness
                    where period = '2020-01-01' order by unit_code`),
  ).toEqual([
    { unit_code: A, expected: 1, received: 1, on_time: 1, late: 0, missing: 0 },
    { unit_code: B, expected: 1, received: 1, on_time: 0, late: 1, missing: 0 },
    { unit_code: C, expected: 1, received: 0, on_time: 0, late: 0, missing: 1 },
  ]);
});

describe("time is a moment: nothing is missing before its due moment", () => {
  // January is due by the end of 2020-02-10, February by the end of 2020-03-10
  const spec = {
    indicators: [indicator("n", {})],
    targets: [target("n_10", { indicator_id: "n", target_value: 10, deadline: "2020-12-31" })],
    observations: [
      { unit: A, indicator: "n", period: "2020-01", value: 1 },
      // February sent early, before its due moment
      { unit: A, indicator: "n", period: "2020-02", value: 2, received: "2020-03-02T09:00:00+08:00" },
    ],
  };
  const reporting = async (asOf: string) => {
    const db = await miniWarehouse({ ...spec, asOf, builtAt: "2020-12-01T00:00:00Z" });
    const rows = await db.query(`select strftime(period, '%Y-%m') as month, unit_code, on_time, late, missing, not_due
      from reporting_completeness where unit_code in ('${A}', '${B}') order by period, unit_code`);
    const periods = await db.query(`select distinct strftime(period, '%Y-%m') as month from kpi_status order by 1`);
    db.close();
    return { rows, periods: periods.map((p) => p.month) };
  };
  const row = (month: string, unit_code: string, on_time: number, missing: number, not_due: number) => ({
    month,
    unit_code,
    on_time,
    late: 0,
    missing,
    not_due,
  });

  test.each([
    {
      asOf: "2020-03-05",
      why: "February has ended but is not due: A's early report is on time, B's is 未到期, not 漏报",
      rows: [
        row("2020-01", A, 1, 0, 0),
        row("2020-01", B, 0, 1, 0),
        row("2020-02", A, 1, 0, 0),
        row("2020-02", B, 0, 0, 1),
      ],
      periods: ["2020-01"],
    },
    {
      asOf: "2020-03-10",
      why: "the end of the due day: February is due, B's is missing",
      rows: [
        row("2020-01", A, 1, 0, 0),
        row("2020-01", B, 0, 1, 0),
        row("2020-02", A, 1, 0, 0),
        row("2020-02", B, 0, 1, 0),
      ],
      periods: ["2020-01", "2020-02"],
    },
    {
      asOf: "2020-02",
      why: "the end of February: January is due, February not yet",
      rows: [
        row("2020-01", A, 1, 0, 0),
        row("2020-01", B, 0, 1, 0),
        row("2020-02", A, 0, 0, 1),
        row("2020-02", B, 0, 0, 1),
      ],
      periods: ["2020-01"],
    },
    {
      asOf: "2020-02-29",
      why: "the end of 2020-02-29 is the end of February",
      rows: [
        row("2020-01", A, 1, 0, 0),
        row("2020-01", B, 0, 1, 0),
        row("2020-02", A, 0, 0, 1),
        row("2020-02", B, 0, 0, 1),
      ],
      periods: ["2020-01"],
    },
    {
      asOf: "2020-02-28",
      why: "February has not ended: it has no row at all",
      rows: [row("2020-01", A, 1, 0, 0), row("2020-01", B, 0, 1, 0)],
      periods: ["2020-01"],
    },
  ])("as of $asOf: $why", async ({ asOf, rows, periods }) => {
    const got = await reporting(asOf);
    expect(got.rows).toEqual(rows);
    // the KPI tables hold only periods already due
    expect(got.periods).toEqual(periods);
  });

  test("a moment still to come is taken as the build's own time", async () => {
    const db = await miniWarehouse({ ...spec, asOf: "2020-12", builtAt: "2020-03-05T01:00:00Z" });
    expect(
      await db.query(`select strftime(as_of_date, '%Y-%m-%d') as d, as_of_label_zh, cast(received_before = built_at as boolean) as now
                      from build_params`),
    ).toEqual([{ d: "2020-03-05", as_of_label_zh: "截至2020年3月5日", now: true }]);
    expect(
      await db.query(`select cast(sum(missing) as integer) as missing, cast(sum(not_due) as integer) as not_due
                      from reporting_completeness where period = '2020-02-01'`),
    ).toEqual([{ missing: 0, not_due: 2 }]);
    db.close();
  });
});

test("the reporting matrix's cells: 未到期 while a figure is still to come, 按时 once all came early", async () => {
  const db = await miniWarehouse({
    indicators: [indicator("n", {})],
    observations: [
      { unit: A, indicator: "n", period: "2020-01", value: 1 },
      { unit: A, indicator: "n", period: "2020-02", value: 2, received: "2020-03-02T09:00:00+08:00" },
    ],
    asOf: "2020-03-05",
    builtAt: "2020-12-01T00:00:00Z",
  });
  await runLayer(db.connection, "30_reader");
  expect(
    await db.query(`select unit_code, strftime(period, '%Y-%m') as month, state from rpt_reporting_cells
                    where unit_code in ('${A}', '${B}') order by period, unit_code`),
  ).toEqual([
    { unit_code: A, month: "2020-01", state: "on_time" },
    { unit_code: B, month: "2020-01", state: "missing" },
    { unit_code: A, month: "2020-02", state: "on_time" },
    { unit_code: B, month: "2020-02", state: "not_due" },
  ]);
  db.close();
});
