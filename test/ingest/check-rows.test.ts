// One row at a time: every rule a data row can break, with the line, the column as written, the
// cell as written and both messages; and every way of writing a number, a unit and a period that
// must be accepted.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CATALOGUE_DIR } from "../../pipeline/catalogue/location.ts";
import { readCatalogue } from "../../pipeline/catalogue/read.ts";
import { checkFile } from "../../pipeline/ingest/check.ts";

const catalogue = await readCatalogue(CATALOGUE_DIR);
const receivedAt = new Date("2025-10-05T10:00:00+08:00");
const fixture = (name: string) => readFileSync(new URL(`../fixtures/ingest/${name}`, import.meta.url));
const check = (name: string, at = receivedAt) => checkFile(fixture(name), { catalogue, receivedAt: at });

describe("row-problems.csv: one row per rule", () => {
  const report = check("row-problems.csv");

  it.each([
    {
      line: 3,
      code: "duplicate_row",
      column: "指标",
      value: "粮食产量（本年累计）",
      detail: { other_line: "2" },
      message_zh: "与第2行重复（同一单位、指标、统计期）。请只保留一行。",
      message_en: "Same unit, indicator and period as line 2; keep one row.",
    },
    {
      line: 4,
      code: "unknown_county",
      column: "报送单位",
      value: "兴成市",
      detail: { raw: "兴成市", suggestion: "兴城市" },
      message_zh: "报送单位“兴成市”不在单位名录中。是否应为“兴城市”？",
      message_en: 'Unknown reporting unit "兴成市". Did you mean "兴城市"?',
    },
    {
      line: 5,
      code: "unknown_county",
      column: "报送单位",
      value: "北京市",
      detail: { raw: "北京市", suggestion: "" },
      message_zh: "报送单位“北京市”不在单位名录中。请填写规范的单位名称。",
      message_en: 'Unknown reporting unit "北京市".',
    },
    {
      line: 6,
      code: "unknown_indicator",
      column: "指标",
      value: "粮食产",
      detail: { raw: "粮食产", suggestion: "粮食产量" },
      message_zh: "指标“粮食产”不在指标目录中。是否应为“粮食产量”？",
      message_en: 'Unknown indicator "粮食产". Did you mean "粮食产量"?',
    },
    {
      line: 7,
      code: "missing_value",
      column: "数值",
      value: "",
      detail: {},
      message_zh: "数值为空。未发生请填0，确实无数据请删除该行（空白不会按0处理）。",
      message_en: "The value is blank. Write 0 for zero; delete the row if there is no figure (blank is never zero).",
    },
    {
      line: 8,
      code: "bad_number",
      column: "数值",
      value: "约120",
      detail: {},
      message_zh: "数值“约120”不是有效数字。请只填写数字，如 1234.5、98.5%。",
      message_en: '"约120" is not a number.',
    },
    {
      line: 9,
      code: "unknown_unit",
      column: "计量单位",
      value: "垧",
      detail: { raw: "垧", expected: "万亩" },
      message_zh: "计量单位“垧”无法识别。该指标应使用“万亩”。",
      message_en: 'Unknown unit "垧"; this indicator is measured in 万亩.',
    },
    {
      line: 10,
      code: "unit_mismatch",
      column: "计量单位",
      value: "万吨",
      detail: {
        raw: "万吨",
        indicator: "中草药种植面积",
        indicator_en: "Chinese herbal medicine planted area",
        expected: "亩",
      },
      message_zh: "计量单位“万吨”与指标“中草药种植面积”不符，该指标应使用“亩”。",
      message_en: 'The unit "万吨" does not fit Chinese herbal medicine planted area, which is measured in 亩.',
    },
    {
      line: 11,
      code: "unit_mismatch",
      column: "数值",
      value: "3.2万吨",
      detail: {
        raw: "万吨",
        indicator: "高标准农田新建和提质增效面积",
        indicator_en: "High-standard farmland built or upgraded",
        expected: "万亩",
      },
      message_zh: "计量单位“万吨”与指标“高标准农田新建和提质增效面积”不符，该指标应使用“万亩”。",
      message_en: 'The unit "万吨" does not fit High-standard farmland built or upgraded, which is measured in 万亩.',
    },
    {
      line: 12,
      code: "negative_value",
      column: "数值",
      value: "-3",
      detail: { indicator: "粮食产量", indicator_en: "Grain output" },
      message_zh: "“粮食产量”不能为负数。",
      message_en: "Grain output cannot be negative.",
    },
    {
      line: 14,
      code: "numerator_exceeds_denominator",
      column: "数值",
      value: "120",
      detail: {
        numerator: "已开展生活垃圾分类的公共机构数",
        numerator_en: "Public institutions practising waste classification",
        numerator_value: "120",
        denominator: "公共机构总数",
        denominator_en: "Public institutions",
        denominator_value: "100",
        other_line: "13",
      },
      message_zh: "“已开展生活垃圾分类的公共机构数”（120）大于“公共机构总数”（100，第13行），请核实。",
      message_en:
        "Public institutions practising waste classification (120) exceeds Public institutions (100, line 13).",
    },
    {
      line: 15,
      code: "extra_cells",
      column: undefined,
      value: "兴城市,粮食产量,2025-06,1,234,万吨,含夏粮",
      detail: { cells: "7", extra: "1" },
      message_zh:
        "本行有7个单元格，比表头多1个：数字或备注中的逗号没有加引号。数字请写成1234（不要写1,234），或用Excel“另存为”CSV。",
      message_en:
        "This row has 7 cells, 1 more than the header: a comma in a number or a note is not quoted. Write 1234 (not 1,234), or save the sheet as CSV from Excel.",
    },
  ])("line $line: $code", ({ line, ...problem }) => {
    expect(report.problems.filter((p) => p.line === line)).toEqual([{ severity: "error", line, ...problem }]);
  });

  it("the two rows that break no rule are accepted; every other row is rejected once", () => {
    expect(report.accepted.map((row) => row.line)).toEqual([2, 13]);
    expect(report.rowsRead).toBe(14);
    expect(report.rowsRejected).toBe(12);
    expect(report.problems.map((p) => p.line)).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 14, 15]);
  });
});

describe("period-problems.csv: periods that cannot be accepted", () => {
  const report = check("period-problems.csv");

  it.each([
    { line: 2, code: "bad_period", value: "2025-13", detail: {} },
    { line: 3, code: "bad_period", value: "上月", detail: {} },
    { line: 4, code: "bad_period", value: "2025-02-30", detail: {} },
    { line: 5, code: "bad_period", value: "", detail: {} },
    {
      line: 6,
      code: "future_period",
      value: "2025-11",
      detail: { period: "2025年11月", period_iso: "2025-11-01", received: "2025-10-05" },
    },
    {
      line: 7,
      code: "wrong_frequency",
      value: "2025Q3",
      detail: {
        raw: "2025Q3",
        indicator: "粮食产量",
        indicator_en: "Grain output",
        expected: "monthly",
        expected_zh: "月",
        example: "2025-10",
      },
    },
    {
      line: 8,
      code: "wrong_frequency",
      value: "2025-09",
      detail: {
        raw: "2025-09",
        indicator: "农产品质量安全例行监测样品数",
        indicator_en: "Routine farm-product safety samples tested",
        expected: "quarterly",
        expected_zh: "季度",
        example: "2025Q3",
      },
    },
    {
      line: 9,
      code: "wrong_frequency",
      value: "2025年9月",
      detail: {
        raw: "2025年9月",
        indicator: "优质花生种植面积",
        indicator_en: "High-quality peanut planted area",
        expected: "annual",
        expected_zh: "年",
        example: "2025",
      },
    },
    {
      line: 10,
      code: "future_period",
      value: "2026",
      detail: { period: "2026年", period_iso: "2026-01-01", received: "2025-10-05" },
    },
  ])("line $line: $code for $value", ({ line, code, value, detail }) => {
    const problems = report.problems.filter((p) => p.line === line);
    expect(
      problems.map(({ code, severity, column, value, detail }) => ({ code, severity, column, value, detail })),
    ).toEqual([{ code, severity: "error", column: "统计期", value, detail }]);
  });

  it.each([
    {
      line: 2,
      message_zh: "统计期“2025-13”无法识别。请写成 2025-10（月）、2025Q3（季度）或 2025（年）。",
      message_en: 'The period "2025-13" is not recognised. Write 2025-10 (month), 2025Q3 (quarter) or 2025 (year).',
    },
    {
      line: 6,
      message_zh: "统计期2025年11月晚于报送时间2025-10-05，不能报送未来期间的数据。",
      message_en: "The period 2025-11-01 is after the time the file was received (2025-10-05).",
    },
    {
      line: 8,
      message_zh: "“农产品质量安全例行监测样品数”按季度报送，统计期应写成2025Q3，不能写“2025-09”。",
      message_en:
        'Routine farm-product safety samples tested is reported quarterly; write the period as 2025Q3, not "2025-09".',
    },
    {
      line: 9,
      message_zh: "“优质花生种植面积”按年报送，统计期应写成2025，不能写“2025年9月”。",
      message_en: 'High-quality peanut planted area is reported annually; write the period as 2025, not "2025年9月".',
    },
  ])("line $line: the messages", ({ line, message_zh, message_en }) => {
    const problem = report.problems.find((p) => p.line === line);
    expect({ message_zh: problem?.message_zh, message_en: problem?.message_en }).toEqual({ message_zh, message_en });
  });
});

describe("future_period: a period is future when it starts after the day of receipt in China (UTC+8)", () => {
  it.each([
    { receivedAt: "2025-08-31T15:59:59Z", china: "2025-08-31 23:59", future: true },
    { receivedAt: "2025-08-31T16:00:00Z", china: "2025-09-01 00:00", future: false },
  ])("2025-09 received $receivedAt ($china in China): future $future", ({ receivedAt, future }) => {
    const codes = check("utf8-lf.csv", new Date(receivedAt)).problems.map((p) => p.code);
    expect(codes).toEqual(future ? ["future_period", "future_period", "future_period"] : []);
  });
});

describe("numbers-units.csv: numbers and units as written → exact values in the base unit", () => {
  const report = check("numbers-units.csv");

  it.each([
    { line: 2, raw: "1.13万吨", unit: "", value: "11300", base: "t" },
    { line: 3, raw: "152,708", unit: "吨", value: "152708", base: "t" },
    { line: 4, raw: "１５２，７０８", unit: "吨", value: "152708", base: "t" },
    { line: 5, raw: "１．１３", unit: "万吨", value: "11300", base: "t" },
    { line: 6, raw: "0.5", unit: "", value: "5000", base: "t (the indicator's 万吨)" },
    { line: 7, raw: "0", unit: "万吨", value: "0", base: "t (zero is a value)" },
    { line: 8, raw: "3.86万亩", unit: "", value: "38600", base: "mu" },
    { line: 9, raw: "38600", unit: "亩", value: "38600", base: "mu" },
    { line: 10, raw: "2573.4", unit: "公顷", value: "38601", base: "mu" },
    { line: 11, raw: "12.5", unit: "（万亩）", value: "125000", base: "mu" },
    { line: 12, raw: "128个", unit: "", value: "128", base: "count" },
    { line: 13, raw: "96", unit: "处", value: "96", base: "count" },
    { line: 14, raw: "12", unit: "家", value: "12", base: "count" },
    { line: 15, raw: "3", unit: "", value: "3", base: "count (the indicator's 起)" },
    { line: 16, raw: "12.5", unit: "万人次", value: "125000", base: "count" },
  ])("line $line: $raw $unit → $value $base", ({ line, raw, value }) => {
    const row = report.accepted.find((r) => r.line === line);
    expect(row && { raw_value: row.raw_value, value: row.value }).toEqual({ raw_value: raw, value });
  });

  it("every row is accepted", () => {
    expect([report.rowsRead, report.accepted.length, report.problems]).toEqual([15, 15, []]);
  });

  it("the unit is kept as written: in the cell when it is there, else in the unit column", () => {
    expect(report.accepted.map((r) => r.raw_unit)).toEqual([
      "万吨",
      "吨",
      "吨",
      "万吨",
      "",
      "万吨",
      "万亩",
      "亩",
      "公顷",
      "（万亩）",
      "个",
      "处",
      "家",
      "",
      "万人次",
    ]);
  });
});

describe("periods.csv: every way of writing a period, for indicators of each frequency", () => {
  const report = check("periods.csv");

  it.each([
    { line: 2, raw: "2020-05", unit: "211402", indicator: "grain_output", period: "2020-05-01" },
    { line: 3, raw: "2020/5", unit: "211403", indicator: "grain_output", period: "2020-05-01" },
    { line: 4, raw: "2020年5月", unit: "211404", indicator: "grain_output", period: "2020-05-01" },
    { line: 5, raw: "202005", unit: "211421", indicator: "grain_output", period: "2020-05-01" },
    { line: 6, raw: "2020.05", unit: "211422", indicator: "grain_output", period: "2020-05-01" },
    { line: 7, raw: "43952", unit: "211481", indicator: "grain_output", period: "2020-05-01" },
    { line: 8, raw: "2020/5/1", unit: "2114Z1", indicator: "grain_output", period: "2020-05-01" },
    { line: 9, raw: "２０２０年５月", unit: "2114Z2", indicator: "grain_output", period: "2020-05-01" },
    { line: 10, raw: "2020年5月1日", unit: "2114Z3", indicator: "grain_output", period: "2020-05-01" },
    { line: 11, raw: "2020Q2", unit: "211402", indicator: "agri_samples_tested", period: "2020-04-01" },
    { line: 12, raw: "2020年第二季度", unit: "211403", indicator: "agri_samples_tested", period: "2020-04-01" },
    { line: 13, raw: "2020年第2季度", unit: "211404", indicator: "agri_samples_tested", period: "2020-04-01" },
    { line: 14, raw: "2020-Q2", unit: "211421", indicator: "agri_samples_tested", period: "2020-04-01" },
    { line: 15, raw: "2020", unit: "211402", indicator: "quality_peanut_area", period: "2020-01-01" },
    { line: 16, raw: "2020年", unit: "211403", indicator: "quality_peanut_area", period: "2020-01-01" },
  ])("line $line: $raw → $indicator from $period", ({ line, unit, indicator, period }) => {
    const row = report.accepted.find((r) => r.line === line);
    expect(row && [row.unit_code, row.indicator_id, row.period]).toEqual([unit, indicator, period]);
  });

  it("every row is accepted", () => {
    expect([report.rowsRead, report.accepted.length, report.problems]).toEqual([15, 15, []]);
  });
});

describe("header aliases: the same row under each header", () => {
  it.each([
    { file: "header-english.csv", header: "county,indicator,period,value,unit,note" },
    { file: "header-unit-of-measure.csv", header: "报送单位,指标名称,月份,数值,单位 (of measure),备注" },
    { file: "header-county-as-unit.csv", header: "单位 (reporting unit),指标代码,期间,数值,备注" },
    { file: "header-county-district.csv", header: "县区,指标,统计期,数值,单位 (of measure)" },
    { file: "header-region.csv", header: "地区,指标名称,期间,本年累计,计量单位,说明" },
  ])("$file ($header): 兴城市's September grain is 152700 t", ({ file }) => {
    const report = check(file);
    expect(report.problems).toEqual([]);
    expect(report.accepted[0]).toMatchObject({
      line: 2,
      unit_code: "211481",
      indicator_id: "grain_output",
      period: "2025-09-01",
      value: "152700",
    });
  });
});
