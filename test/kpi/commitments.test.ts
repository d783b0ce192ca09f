// The kinds of commitment without a printed number, on hand-made data: a direction beats its
// baseline, a prohibition is broken by its first violation, a ranking stays within its bound, and
// the reader mart counts every kind by where it stands. Every figure worked out by hand.
import { describe, expect, test } from "vitest";
import { runLayer } from "../../pipeline/warehouse/sql-files.ts";
import { indicator, miniWarehouse, target } from "../support/mini-warehouse.ts";

const A = "211402";
const CITY = "211400";

describe("a direction: better than its baseline by the deadline", () => {
  // 企业开办时间 must fall (压减): 10 days in 2019-12 is the baseline, the deadline 2021-12
  const build = (june: number, december2021?: number, comparator: "decrease" | "increase" = "decrease") =>
    miniWarehouse({
      indicators: [indicator("days", { base_unit: "day", unit_zh: "天" })],
      targets: [
        target("days_down", {
          kind: "direction",
          indicator_id: "days",
          scope_code: A,
          comparator,
          target_value: null,
          base_unit: "day",
          deadline: "2021-12-31",
        }),
      ],
      observations: [
        { unit: A, indicator: "days", period: "2019-12", value: 10 },
        { unit: A, indicator: "days", period: "2020-06", value: june },
        ...(december2021 === undefined ? [] : [{ unit: A, indicator: "days", period: "2021-12", value: december2021 }]),
      ],
      asOf: december2021 === undefined ? "2020-07" : "2022-01",
    });

  test.each([
    { comparator: "decrease", june: 9, status: "met" },
    { comparator: "decrease", june: 10, status: "at_risk" },
    { comparator: "decrease", june: 11, status: "off_track" },
    { comparator: "increase", june: 11, status: "met" },
    { comparator: "increase", june: 9, status: "off_track" },
  ] as const)("$comparator, June at $june against 10 → $status", async ({ comparator, june, status }) => {
    const db = await build(june, undefined, comparator);
    expect(
      await db.query(`select baseline, expected_value, target_value, pct_of_target, status from kpi_status
                      where target_id = 'days_down' and period = '2020-06-01'`),
    ).toEqual([{ baseline: 10, expected_value: 10, target_value: null, pct_of_target: null, status }]);
    db.close();
  });

  test("not better at the deadline: 逾期未达标, and the deadline's result is missed", async () => {
    const db = await build(9, 10);
    expect(
      await db.query(`select status_zh from kpi_status where target_id = 'days_down' and period = '2021-12-01'`),
    ).toEqual([{ status_zh: "逾期未达标" }]);
    expect(await db.query(`select deadline_status, deadline_result from kpi_current`)).toEqual([
      { deadline_status: "missed", deadline_result: "missed" },
    ]);
    db.close();
  });
});

describe("a prohibition: zero violations, every year to its horizon", async () => {
  // 违规收费 counted year to date: one case reported in May 2020, none in 2021
  const ytd = (month: string, value: number) => ({ unit: CITY, indicator: "fees", period: month, value });
  const db = await miniWarehouse({
    indicators: [indicator("fees", { time_aggregation: "flow_ytd", reporters: "city" })],
    targets: [
      target("no_fees", {
        kind: "prohibition",
        indicator_id: "fees",
        comparator: "=",
        target_value: 0,
        target_shape: "hold_every_period",
        start_date: "2020-01-01",
        deadline: "2021-12-31",
      }),
    ],
    observations: [ytd("2020-04", 0), ytd("2020-05", 1), ytd("2020-12", 1), ytd("2021-01", 0), ytd("2021-12", 0)],
    asOf: "2022-01",
  });

  test("the first violation breaks the year at once; the next year starts clean", async () => {
    expect(
      await db.query(`select strftime(period, '%Y-%m') as p, status from kpi_status
                      where target_id = 'no_fees' and period in ('2020-04-01', '2020-05-01', '2020-12-01', '2021-01-01', '2021-12-01')
                      order by period`),
    ).toEqual([
      { p: "2020-04", status: "met" },
      { p: "2020-05", status: "missed" },
      { p: "2020-12", status: "missed" },
      { p: "2021-01", status: "met" },
      { p: "2021-12", status: "met" },
    ]);
  });

  test("at the horizon: kept in 2021 but not in 2020, so 部分年度未达标 with one year short", async () => {
    expect(await db.query(`select deadline_result_zh, periods_missed from kpi_current`)).toEqual([
      { deadline_result_zh: "部分年度未达标", periods_missed: 1 },
    ]);
  });
});

describe("a ranking: the provincial rank within its bound, and every kind counted", async () => {
  // 实办率居全省前列 read as within the first 3 of 14 cities: 5th in 2020, 2nd in 2021
  const db = await miniWarehouse({
    indicators: [indicator("rank", { frequency: "annual", unit_zh: "名", reporters: "city" })],
    targets: [
      target("rank_top3", {
        kind: "ranking",
        indicator_id: "rank",
        comparator: "<=",
        target_value: 3,
        target_shape: "hold_every_period",
        start_date: "2020-01-01",
        deadline: "2021-12-31",
        value_basis: "assumed",
        assumption_zh: "“前列”按前3名理解",
      }),
      target("plan_done", {
        kind: "deliverable",
        comparator: "done_by",
        target_shape: "done_by",
        deadline: "2021-06-30",
      }),
      target("plan_open", {
        kind: "deliverable",
        comparator: "done_by",
        target_shape: "done_by",
        deadline: "2021-06-30",
      }),
    ],
    observations: [
      { unit: CITY, indicator: "rank", period: "2020-01-01", value: 5, received: "2021-01-20T09:00:00+08:00" },
      { unit: CITY, indicator: "rank", period: "2021-01-01", value: 2, received: "2022-01-20T09:00:00+08:00" },
    ],
    milestones: [{ target: "plan_done", unit: CITY, completed: "2021-05-01", received: "2021-05-05T09:00:00+08:00" }],
    asOf: "2022-02",
  });

  test("5th misses the year, 2nd keeps it", async () => {
    expect(
      await db.query(`select year(period) as y, status from kpi_status where target_id = 'rank_top3' order by period`),
    ).toEqual([
      { y: 2020, status: "missed" },
      { y: 2021, status: "met" },
    ]);
  });

  test("rpt_kind_counts: the ranking by its latest status, the deliverables by their task view", async () => {
    await runLayer(db.connection, "30_reader");
    expect(
      await db.query(`select kind, kind_zh, code, zh, n, kind_total from rpt_kind_counts
                      where doc_id = 'rural' and as_of_month = '2022-02-01' order by kind_order, sort_order`),
    ).toEqual([
      { kind: "ranking", kind_zh: "全省排名", code: "met", zh: "已达标", n: 1, kind_total: 1 },
      { kind: "deliverable", kind_zh: "交付事项", code: "overdue", zh: "逾期", n: 1, kind_total: 2 },
      { kind: "deliverable", kind_zh: "交付事项", code: "done", zh: "已完成", n: 1, kind_total: 2 },
    ]);
    // the five documents together read the same here: one document
    expect(
      await db.query(`select count(*) as n from rpt_kind_counts where doc_id = 'all' and as_of_month = '2022-02-01'`),
    ).toEqual([{ n: 3 }]);
  });
});
