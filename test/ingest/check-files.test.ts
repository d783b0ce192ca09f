// A file as a whole: its encoding, line ends and quoting, the rows that are not data, and the
// files that cannot be checked at all.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CATALOGUE_DIR } from "../../pipeline/catalogue/location.ts";
import { readCatalogue } from "../../pipeline/catalogue/read.ts";
import { checkFile, fileStatus } from "../../pipeline/ingest/check.ts";

const catalogue = await readCatalogue(CATALOGUE_DIR);
const receivedAt = new Date("2025-10-05T10:00:00+08:00");
const check = (name: string) =>
  checkFile(readFileSync(new URL(`../fixtures/ingest/${name}`, import.meta.url)), { catalogue, receivedAt });

describe("every encoding and line end gives the same rows", () => {
  it.each([
    {
      file: "utf8-lf.csv",
      encoding: "utf-8",
      accepted: [
        { line: 2, unit_code: "211481", indicator_id: "grain_output", period: "2025-09-01", value: "152700", note: "" },
        {
          line: 3,
          unit_code: "211481",
          indicator_id: "facility_agri_area",
          period: "2025-09-01",
          value: "38600",
          note: "",
        },
        {
          line: 4,
          unit_code: "211481",
          indicator_id: "waste_public_inst_total",
          period: "2025-09-01",
          value: "128",
          note: "",
        },
      ],
    },
    {
      file: "utf8-bom-crlf-notes.csv",
      encoding: "utf-8-bom",
      accepted: [
        {
          line: 2,
          unit_code: "211421",
          indicator_id: "grain_output",
          period: "2025-09-01",
          value: "1234",
          note: "含秋粮,不含大豆",
        },
        {
          line: 3,
          unit_code: "211421",
          indicator_id: "facility_agri_area",
          period: "2025-09-01",
          value: "25000",
          note: '据"三调"数据核定',
        },
        {
          line: 4,
          unit_code: "211421",
          indicator_id: "waste_public_inst_total",
          period: "2025-09-01",
          value: "96",
          note: "第一行说明\r\n第二行说明",
        },
        {
          line: 7,
          unit_code: "211421",
          indicator_id: "online_service_items",
          period: "2025-09-01",
          value: "850",
          note: "",
        },
      ],
    },
    {
      file: "gbk-excel-report.csv",
      encoding: "gb18030",
      accepted: [
        { line: 4, unit_code: "211481", indicator_id: "grain_output", period: "2025-09-01", value: "152700", note: "" },
        {
          line: 5,
          unit_code: "211481",
          indicator_id: "facility_agri_area",
          period: "2025-09-01",
          value: "38600",
          note: "",
        },
        {
          line: 6,
          unit_code: "211481",
          indicator_id: "grain_output",
          period: "2025-08-01",
          value: "152708",
          note: "全角逗号",
        },
        {
          line: 7,
          unit_code: "211481",
          indicator_id: "waste_public_inst_total",
          period: "2025-09-01",
          value: "128",
          note: "",
        },
      ],
    },
    {
      file: "utf16le-unicode-text.txt",
      encoding: "utf-16le",
      accepted: [
        {
          line: 2,
          unit_code: "211422",
          indicator_id: "grain_output",
          period: "2025-09-01",
          value: "1234",
          note: "含秋粮,不含大豆",
        },
        {
          line: 3,
          unit_code: "211422",
          indicator_id: "facility_agri_area",
          period: "2025-09-01",
          value: "12000",
          note: "两行\r\n备注",
        },
        {
          line: 5,
          unit_code: "211422",
          indicator_id: "waste_public_inst_total",
          period: "2025-09-01",
          value: "75",
          note: "",
        },
      ],
    },
  ])("$file ($encoding)", ({ file, encoding, accepted }) => {
    const report = check(file);
    expect(report.encoding).toBe(encoding);
    expect(
      report.accepted.map(({ line, unit_code, indicator_id, period, value, note }) => ({
        line,
        unit_code,
        indicator_id,
        period,
        value,
        note,
      })),
    ).toEqual(accepted);
  });

  it("a blank value in a BOM + CRLF file is rejected on its own line, after a two-line note", () => {
    expect(check("utf8-bom-crlf-notes.csv").problems.map((p) => [p.line, p.code, p.column, p.value])).toEqual([
      [6, "missing_value", "数值", ""],
    ]);
  });
});

describe("rows that are not data are skipped and counted, not rejected", () => {
  it.each([
    { file: "utf8-lf.csv", rowsRead: 3, rowsSkipped: 0, rowsRejected: 0, why: "no such rows" },
    {
      file: "gbk-excel-report.csv",
      rowsRead: 4,
      rowsSkipped: 8,
      rowsRejected: 0,
      why: "2 title rows, a blank row, 合计, 合　计 and 小计 rows, a 填报人/审核人 row and a 填报日期 row",
    },
    { file: "utf8-bom-crlf-notes.csv", rowsRead: 5, rowsSkipped: 0, rowsRejected: 1, why: "a blank value is rejected" },
  ])("$file: $why", ({ file, rowsRead, rowsSkipped, rowsRejected }) => {
    const report = check(file);
    expect({ rowsRead: report.rowsRead, rowsSkipped: report.rowsSkipped, rowsRejected: report.rowsRejected }).toEqual({
      rowsRead,
      rowsSkipped,
      rowsRejected,
    });
  });

  it("the GBK report's skipped rows raise no problem", () => {
    expect(check("gbk-excel-report.csv").problems).toEqual([]);
  });
});

describe("files that cannot be checked", () => {
  it.each([
    {
      file: "workbook.xlsx",
      encoding: undefined,
      problem: {
        code: "unreadable_file",
        severity: "error",
        detail: { reason: "zip" },
        message_zh:
          "文件是Excel工作簿（.xlsx）或压缩包，不是CSV文本。请在Excel中“另存为”CSV（逗号分隔）后再报送，不要只改文件名。",
        message_en:
          "The file is an Excel workbook (.xlsx) or a zip, not CSV text. Save it as CSV from Excel; renaming it is not enough.",
      },
    },
    {
      file: "latin1.csv",
      encoding: undefined,
      problem: {
        code: "unreadable_file",
        severity: "error",
        detail: { reason: "encoding" },
        message_zh: "文件编码无法识别。请用Excel“另存为”CSV（逗号分隔）或CSV UTF-8后再报送。",
        message_en: "The file's encoding is not recognised. Save it as CSV or CSV UTF-8 from Excel.",
      },
    },
    {
      file: "no-header.csv",
      encoding: "utf-8",
      problem: {
        code: "no_header",
        severity: "error",
        detail: {},
        message_zh:
          "前10行中找不到表头。表头应包含：报送单位,指标,统计期,数值,计量单位,备注。请在看板“数据报送”页（报送检查与模板，/submit）下载模板填写。",
        message_en:
          "No header row in the first 10 lines. Expected: 报送单位,指标,统计期,数值,计量单位,备注. Download the template from the dashboard's 数据报送 page (/submit).",
      },
    },
    {
      file: "missing-column.csv",
      encoding: "utf-8",
      problem: {
        code: "missing_column",
        severity: "error",
        line: 2,
        detail: { field: "period", field_zh: "统计期" },
        message_zh: "缺少“统计期”列。表头应包含：报送单位,指标,统计期,数值,计量单位,备注。",
        message_en: 'The column "统计期" (period) is missing.',
      },
    },
  ])("$file: $problem.code", ({ file, encoding, problem }) => {
    const report = check(file);
    expect(report).toEqual({
      encoding,
      rowsRead: 0,
      rowsSkipped: 0,
      accepted: [],
      milestones: [],
      rowsRejected: 0,
      rowsWarned: 0,
      unitCodes: [],
      problems: [problem],
      unusable: true,
    });
  });
});

describe("a file's status", () => {
  it.each([
    { file: "utf8-lf.csv", strict: false, status: "accepted" },
    { file: "utf8-bom-crlf-notes.csv", strict: false, status: "partial" },
    { file: "utf8-bom-crlf-notes.csv", strict: true, status: "rejected" },
    { file: "period-problems.csv", strict: false, status: "rejected" },
    { file: "workbook.xlsx", strict: false, status: "unusable" },
  ])("$file (strict: $strict) is $status", ({ file, strict, status }) => {
    expect(fileStatus(check(file), strict)).toBe(status);
  });
});
