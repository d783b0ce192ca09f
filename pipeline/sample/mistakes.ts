// The mistakes clerks make, planted in a handful of files (data/sample/_planted.json lists them
// with the problems each must raise). Some are tolerated by design (a title row, a unit typed into
// the cell, full-width digits): those files are planted too and must report nothing.
import { COUNTY, error, file, indexOf, INDICATOR, NOTE, oneRow, PERIOD, table, VALUE, type Plant } from "./plant.ts";
import { keyedRandom } from "./random.ts";
import { HEADER } from "./template.ts";

/** Digits as typed with a Chinese input method in full-width mode: １２．５ */
const FULL_WIDTH = (text: string) => text.replace(/[0-9.]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

export const PLANTS: Plant[] = [
  {
    month: "2020-05",
    code: "211422",
    build(context) {
      const lines = table(context);
      const items = indexOf(context.rows, "online_service_items");
      const total = indexOf(context.rows, "gov_service_items_total");
      [lines[items + 1][3], lines[total + 1][3]] = [lines[total + 1][3], lines[items + 1][3]];
      const mistake = "网上可办事项数 and 政务服务事项总数 swapped: the numerator exceeds its denominator";
      return [
        file(context, "建昌县5月.csv", lines, mistake, [error(items + 2, VALUE, "numerator_exceeds_denominator")]),
      ];
    },
  },
  {
    // 兴城 did its own self-check (every unit had to) and reported the city's task as done
    month: "2020-05",
    code: "211481",
    extra: true,
    build(context) {
      const row = [
        "兴城市",
        "zp_task_04",
        "2020年5月",
        "2020-05-08",
        "完成日期",
        "兴城市证明事项自查表已报市司法局（共梳理证明事项87项）",
      ];
      const mistake = "兴城市 reports the city's task zp_task_04 (开展自查) as its own: only the city reports it";
      return [
        file(
          context,
          "兴城市证明事项自查完成情况.csv",
          [HEADER, row],
          mistake,
          [error(2, COUNTY, "not_responsible")],
          "2020-05-11T15:00:00+08:00",
        ),
      ];
    },
  },
  {
    month: "2021-02",
    code: "211403",
    build(context) {
      const lines = table(context).slice(1);
      const mistake = "the header row was deleted: the file cannot be read";
      return [
        file(context, "龙港区2月.csv", lines, mistake, [
          { line: null, column: null, code: "no_header", severity: "error" },
        ]),
      ];
    },
  },
  {
    month: "2021-07",
    code: "211404",
    build: oneRow(
      "南票区7月指标.csv",
      "online_service_items",
      "网上可办政务服务事项数 left blank",
      (row) => (row[3] = ""),
      (line) => error(line, VALUE, "missing_value"),
    ),
  },
  {
    // 市城管局 sent its own sheet for the city's task, with the date but no evidence; the city's
    // January report carries it again, with the evidence
    month: "2021-12",
    code: "211400",
    extra: true,
    build(context) {
      const row = ["葫芦岛市", "waste_urban_experience_2021", "2021-12", "2021-12-20", "完成日期", ""];
      const mistake = "a task reported done with no evidence (备注 blank): 市城管局's own sheet";
      return [
        file(
          context,
          "市城管局垃圾分类任务完成情况.csv",
          [HEADER, row],
          mistake,
          [error(2, NOTE, "missing_evidence")],
          "2021-12-28T16:00:00+08:00",
        ),
      ];
    },
  },
  {
    month: "2022-04",
    code: "211402",
    build: oneRow(
      "211402-4月.csv",
      "waste_public_inst_classified",
      "coverage typed as 100% where the count of institutions is asked",
      (row) => ((row[3] = "100%"), (row[4] = "%")),
      (line) => error(line, VALUE, "unit_mismatch"),
    ),
  },
  {
    month: "2022-11",
    code: "211421",
    build(context) {
      const lines = table(context);
      const i = indexOf(context.rows, "grain_output");
      lines.splice(i + 2, 0, [...lines[i + 1]]);
      const mistake = "the grain row pasted twice";
      return [file(context, "绥中县11月报.csv", lines, mistake, [error(i + 3, INDICATOR, "duplicate_row")])];
    },
  },
  {
    month: "2023-10",
    code: "211421",
    build: oneRow(
      "绥中县2023年10月报表.csv",
      "grain_output",
      "indicator typed 粮食总产 (no such name; 粮食产量 is suggested)",
      (row) => (row[1] = "粮食总产"),
      (line) => error(line, INDICATOR, "unknown_indicator"),
    ),
  },
  {
    month: "2023-12",
    code: "211422",
    build(context) {
      const [rejected] = oneRow(
        "建昌县2023年12月及年报.csv",
        "new_scale_coops",
        "new cooperatives reported as the year's net change, -3 (three deregistered)",
        (row) => ((row[3] = "-3"), (row[5] = "当年注销3个")),
        (line) => error(line, VALUE, "negative_value"),
      )(context);
      // told by the checker, the clerk sends the cumulative count again (after any receipt time)
      const row = context.rows[indexOf(context.rows, "new_scale_coops")];
      const corrected = { ...row, note: "更正：新增规模化合作社数应填2020年以来累计数" };
      const mistake = "更正: the cumulative count of new cooperatives, resent after the rejection";
      return [
        rejected,
        file(
          context,
          "建昌县合作社数据更正.csv",
          table(context, [corrected]),
          mistake,
          [],
          "2024-01-26T10:00:00+08:00",
        ),
      ];
    },
  },
  {
    month: "2024-08",
    code: "211404",
    build(context) {
      const i = indexOf(context.rows, "facility_agri_area");
      const row = context.rows[i];
      const wrong = context.rows.map((r) => (r === row ? { ...r, unit: "亩" } : r));
      const corrected = { ...row, note: "更正：8月设施农业面积计量单位应为公顷" };
      return [
        file(
          context,
          "211404-补报.csv",
          table(context, wrong),
          "late 补报 of a missed month; facility area in 公顷 but 计量单位 typed 亩: accepted with a warning",
          [{ line: i + 2, column: VALUE, code: "out_of_line", severity: "warning" }],
          "2024-09-20T15:00:00+08:00",
        ),
        file(
          context,
          "211404-更正.csv",
          table(context, [corrected]),
          "更正: the facility area again, in 公顷; supersedes the 补报's value",
          [],
          "2024-09-24T09:00:00+08:00",
        ),
      ];
    },
  },
  {
    month: "2024-12",
    code: "211421",
    build: oneRow(
      "绥中县2024年12月报表（含年报）.csv",
      "quality_peanut_area",
      "tolerated: the unit typed into the value cell (43.87万亩)",
      (row) => (row[3] = `${row[3]}万亩`),
    ),
  },
  {
    month: "2025-03",
    code: "211481",
    build(context) {
      const blank = ["", "", "", "", "", ""];
      const lines = [
        ["兴城市2025年3月重点指标推进情况报表", "", "", "", "", ""],
        ["填报单位：兴城市人民政府（盖章）", "", "", "", "", ""],
        ...table(context),
        ["合计", "", "", "", "", ""],
        blank,
        ["填报人：刘洋", "审核人：孙志刚", "联系电话：0429-5512368", "", "", ""],
      ];
      const mistake = "tolerated: a title row, a 填报单位 row, a 合计 row, a blank row and a signature footer";
      return [file(context, "兴城市2025年3月重点指标报表.csv", lines, mistake, [])];
    },
  },
  {
    month: "2025-09",
    code: "211402",
    build(context) {
      const lines = table(context);
      context.rows.forEach((row, i) => {
        if (row.period.kind === "month" && !row.task) lines[i + 1][3] = FULL_WIDTH(lines[i + 1][3]);
      });
      const mistake = "tolerated: monthly figures typed with full-width digits (Chinese input method)";
      return [file(context, "连山区9月份数据.csv", lines, mistake, [])];
    },
  },
  {
    month: "2025-09",
    code: "211481",
    build: oneRow(
      "兴城市三季度报表.csv",
      "villages_total",
      "quarterly 行政村总数 given a month (2025年9月) instead of the quarter",
      (row) => (row[2] = "2025年9月"),
      (line) => error(line, PERIOD, "wrong_frequency"),
    ),
  },
  {
    month: "2026-03",
    code: "211404",
    build(context) {
      const mistake = "the Excel workbook (.xlsx) sent instead of a CSV";
      return [
        {
          path: `${context.month}/南票区3月报表.xlsx`,
          bytes: xlsx(context.seed),
          receivedAt: context.receivedAt,
          mistake,
          problems: [{ line: null, column: null, code: "unreadable_file", severity: "error" }],
        },
      ];
    },
  },
  {
    month: "2026-10",
    code: "211403",
    build: oneRow(
      "211403-10月.csv",
      "facility_agri_area",
      "period typed 2027-10 for 2026-10: in the future when received",
      (row) => (row[2] = "2027-10"),
      (line) => error(line, PERIOD, "future_period"),
    ),
  },
];

/** The first bytes of an .xlsx (a zip: local file header, then deflated XML): binary, with NULs. */
function xlsx(seed: number): Uint8Array {
  const random = keyedRandom(seed, "xlsx");
  const name = new TextEncoder().encode("[Content_Types].xml");
  const header = [0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00, 0x21, 0x00];
  const body = Array.from({ length: 1500 }, () => Math.floor(random() * 256));
  return new Uint8Array([...header, ...[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], name.length, 0, 0, 0, ...name, ...body]);
}
