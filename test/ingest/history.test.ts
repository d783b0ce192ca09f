// The out-of-line warning: a value more than 3× or less than ⅓ of the unit's previous report is
// accepted and flagged. "Previous" is the same month last year for a year-to-date flow (grain's
// 本年累计), else the latest earlier period.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CATALOGUE_DIR } from "../../pipeline/catalogue/location.ts";
import { readCatalogue } from "../../pipeline/catalogue/read.ts";
import { checkFile } from "../../pipeline/ingest/check.ts";
import { History, previousLookup, type HistoryRow } from "../../pipeline/ingest/history.ts";

const catalogue = await readCatalogue(CATALOGUE_DIR);

const HISTORY: HistoryRow[] = [
  // 兴城市 grain, year to date: last September far below this one; August, naturally, too
  { unit_code: "211481", indicator_id: "grain_output", period: "2024-09-01", value: 40000 },
  { unit_code: "211481", indicator_id: "grain_output", period: "2025-08-01", value: 6000 },
  // 绥中县 grain: last September close; this August is 60× below, which is not out of line
  { unit_code: "211421", indicator_id: "grain_output", period: "2024-09-01", value: 580000 },
  { unit_code: "211421", indicator_id: "grain_output", period: "2025-08-01", value: 10000 },
  // 建昌县 grain: no report for last September
  { unit_code: "211422", indicator_id: "grain_output", period: "2025-08-01", value: 9000 },
  // stocks: the latest earlier report, whichever month it was
  { unit_code: "211481", indicator_id: "facility_agri_area", period: "2025-08-01", value: 38000 },
  { unit_code: "211421", indicator_id: "facility_agri_area", period: "2025-05-01", value: 390000 },
  { unit_code: "211421", indicator_id: "facility_agri_area", period: "2025-06-01", value: 38600 },
  { unit_code: "211421", indicator_id: "facility_agri_area", period: "2025-10-01", value: 386000 },
  { unit_code: "211481", indicator_id: "waste_public_inst_total", period: "2025-08-01", value: 128 },
];

describe("previousLookup: which report a value is compared with", () => {
  const previous = previousLookup(HISTORY, catalogue.indicators);

  it.each([
    { unit: "211481", indicator: "grain_output", period: "2025-09-01", found: { period: "2024-09-01", value: 40000 } },
    { unit: "211421", indicator: "grain_output", period: "2025-09-01", found: { period: "2024-09-01", value: 580000 } },
    { unit: "211422", indicator: "grain_output", period: "2025-09-01", found: undefined },
    {
      unit: "211481",
      indicator: "facility_agri_area",
      period: "2025-09-01",
      found: { period: "2025-08-01", value: 38000 },
    },
    {
      unit: "211421",
      indicator: "facility_agri_area",
      period: "2025-09-01",
      found: { period: "2025-06-01", value: 38600 },
    },
    { unit: "211421", indicator: "facility_agri_area", period: "2025-05-01", found: undefined },
    { unit: "211422", indicator: "waste_public_inst_total", period: "2025-09-01", found: undefined },
  ])("$unit $indicator $period → $found.period", ({ unit, indicator, period, found }) => {
    expect(previous(unit, indicator, period)).toEqual(found);
  });
});

describe("out-of-line.csv: warnings, not rejections", () => {
  const report = checkFile(readFileSync(new URL("../fixtures/ingest/out-of-line.csv", import.meta.url)), {
    catalogue,
    receivedAt: new Date("2025-10-05T10:00:00+08:00"),
    previous: previousLookup(HISTORY, catalogue.indicators),
  });

  it.each([
    {
      line: 2,
      value: "15.27",
      detail: { previous_period: "2024-09", previous_value: "40000" },
      why: "152700 t is 3.8× last September",
    },
    {
      line: 5,
      value: "38.6",
      detail: { previous_period: "2025-06", previous_value: "38600" },
      why: "386000 mu is 10× the June report",
    },
    {
      line: 6,
      value: "40",
      detail: { previous_period: "2025-08", previous_value: "128" },
      why: "40 is under ⅓ of August's 128",
    },
  ])("line $line is flagged: $why", ({ line, value, detail }) => {
    expect(report.problems.filter((p) => p.line === line)).toEqual([
      {
        code: "out_of_line",
        severity: "warning",
        line,
        column: "数值",
        value,
        detail,
        message_zh: `数值与上次报送（${detail.previous_period}：${detail.previous_value}）相差超过3倍，已接收但请核实是否填错单位或位数。`,
        message_en: `More than 3× away from the previous report (${detail.previous_period}: ${detail.previous_value}); accepted, please check the unit or digits.`,
      },
    ]);
  });

  it.each([
    { line: 3, why: "绥中县's grain is compared with last September, not with this August" },
    { line: 4, why: "兴城市's area is within 3× of August's" },
    { line: 7, why: "建昌县 has no earlier report" },
  ])("line $line is not flagged: $why", ({ line }) => {
    expect(report.problems.filter((p) => p.line === line)).toEqual([]);
  });

  it("every row is accepted; three are counted as warned", () => {
    expect([report.accepted.length, report.rowsRejected, report.rowsWarned]).toEqual([6, 0, 3]);
  });
});

describe("History.has: whether a file's row replaces a value the warehouse holds", () => {
  const history = new History(HISTORY, catalogue.indicators);
  it.each([
    ["211481", "grain_output", "2025-08-01", true],
    ["211481", "grain_output", "2025-09-01", false],
    ["211422", "facility_agri_area", "2025-08-01", false],
  ])("%s %s %s: %s", (unit, indicator, period, held) => {
    expect(history.has(unit, indicator, period)).toBe(held);
  });

  it("a value added after a load is held", () => {
    history.add([{ unit_code: "211422", indicator_id: "grain_output", period: "2025-09-01", value: 1 }]);
    expect(history.has("211422", "grain_output", "2025-09-01")).toBe(true);
  });
});
