import type { ProblemCode } from "../rules/problem.ts";

/** What each problem code means: the data dictionary's list of codes is generated from this. */
export const DESCRIPTIONS: Record<ProblemCode, { severity: "error" | "warning"; zh: string; en: string }> = {
  unreadable_file: {
    severity: "error",
    zh: "文件不是可读的CSV文本（Excel工作簿或压缩包、其他二进制、夹有空字符、编码无法识别）",
    en: "Not CSV text (reason: zip — an xlsx renamed; binary — pdf, xls; nul — NUL bytes in text; mixed — UTF-8 and GBK in one file; encoding — neither UTF-8/16 nor GB18030)",
  },
  no_header: {
    severity: "error",
    zh: "前10行中没有可识别的表头",
    en: "No recognisable header row in the first 10 lines",
  },
  missing_column: {
    severity: "error",
    zh: "缺少必需的列（报送单位、指标、统计期、数值）",
    en: "A required column (unit, indicator, period, value) is missing",
  },
  unknown_county: {
    severity: "error",
    zh: "报送单位不在单位名录中（给出最接近的名称）",
    en: "Reporting unit not in the catalogue (closest name suggested)",
  },
  unknown_indicator: {
    severity: "error",
    zh: "指标不在指标目录中（给出最接近的名称）",
    en: "Indicator not in the catalogue (closest name suggested)",
  },
  extra_cells: {
    severity: "error",
    zh: "行中单元格多于表头，常见于未加引号的千分位逗号",
    en: "More cells than the header, typically an unquoted thousands comma",
  },
  missing_value: { severity: "error", zh: "数值为空；空白不按0处理", en: "Blank value; blank is never taken as zero" },
  bad_number: { severity: "error", zh: "数值不是有效数字", en: "The value is not a number" },
  unknown_unit: { severity: "error", zh: "计量单位无法识别", en: "Unknown unit of measure" },
  unit_mismatch: {
    severity: "error",
    zh: "计量单位与指标不符（如面积填了吨）",
    en: "Unit incompatible with the indicator (an area in tonnes)",
  },
  negative_value: { severity: "error", zh: "不可能为负的指标填了负数", en: "Negative where impossible" },
  bad_period: { severity: "error", zh: "统计期无法识别", en: "Malformed period" },
  future_period: {
    severity: "error",
    zh: "统计期晚于文件接收时间",
    en: "Period in the future relative to the time received",
  },
  wrong_frequency: {
    severity: "error",
    zh: "统计期与指标报送频率不符（如季度指标填了月份）",
    en: "Period of the wrong frequency (a month for a quarterly indicator)",
  },
  duplicate_row: {
    severity: "error",
    zh: "文件内同一单位、指标、统计期重复",
    en: "Duplicate (unit, indicator, period) within the file",
  },
  numerator_exceeds_denominator: {
    severity: "error",
    zh: "比率的分子大于分母（同一单位、统计期）",
    en: "A rate's numerator above its denominator for the same unit and period",
  },
  out_of_line: {
    severity: "warning",
    zh: "数值超过上次报送的3倍或不足1/3：接收但预警",
    en: "Over 3× or under ⅓ of the previous report: accepted, flagged",
  },
  unit_conflict: {
    severity: "error",
    zh: "数值单元格中的单位与计量单位列不一致",
    en: "The unit written in the value cell differs from the unit column",
  },
  bad_date: { severity: "error", zh: "任务完成日期无法识别", en: "A task's completion date is not a date" },
  future_date: {
    severity: "error",
    zh: "任务完成日期晚于文件接收时间",
    en: "A task's completion date is after the time the file was received",
  },
  missing_evidence: {
    severity: "error",
    zh: "报送任务完成但备注中没有佐证",
    en: "A task reported done without evidence in 备注",
  },
  not_responsible: {
    severity: "error",
    zh: "报送单位不是该任务的责任单位",
    en: "The reporting unit is not responsible for the task",
  },
  wrong_unit: {
    severity: "error",
    zh: "上传的行属于其他单位（每个上传凭证只能报送本单位的数据）",
    en: "An uploaded row belongs to a unit other than the upload token's",
  },
  value_out_of_range: {
    severity: "error",
    zh: "数值位数超出仓库可存储的范围（整数部分最多14位）",
    en: "More digits than the warehouse's DECIMAL(20, 6) holds (14 before the point), in the base unit",
  },
  file_too_large: {
    severity: "error",
    zh: "文件超过大小上限（默认 64 MB，kpi ingest --max-file-mb 可调高）：整份不读取，字节照常存档",
    en: "Over the size limit (64 MB unless kpi ingest --max-file-mb raises it): not read, its bytes archived as always",
  },
  too_many_columns: {
    severity: "error",
    zh: "某行列数超过上限（1000列），不是报送表",
    en: "A line with more columns than the limit (1,000): not a report",
  },
  cell_too_long: {
    severity: "error",
    zh: "某个单元格超过长度上限（10000字符），多为引号未配对",
    en: "A cell over the length limit (10,000 characters), usually an unbalanced quote",
  },
  unbalanced_quote: {
    severity: "error",
    zh: "引号未配对，文件其余部分无法分行",
    en: "A quote that never closes: the rest of the file cannot be split into rows",
  },
  not_a_file: {
    severity: "error",
    zh: "不是普通文件（链接、空文件夹、设备）：不读取，也不记入仓库",
    en: "Not a regular file (a symbolic link, an empty folder, a device): not read, not recorded",
  },
  no_rows: {
    severity: "error",
    zh: "只有表头，没有数据行（或只有空白模板行）",
    en: "A header and no rows (or blank template rows only): nothing reported",
  },
};
