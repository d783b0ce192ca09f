import type { Problem, ProblemCode } from "../rules/problem.ts";

type Detail = Record<string, string>;

/**
 * One sentence a county clerk understands: what is wrong and what to write instead. Clerks have
 * the dashboard, not the CLI: point to its pages, and name things by their Chinese names.
 */
export const zh: Record<ProblemCode, (d: Detail, p: Problem) => string> = {
  unreadable_file: (d) =>
    ({
      zip: "文件是Excel工作簿（.xlsx）或压缩包，不是CSV文本。请在Excel中“另存为”CSV（逗号分隔）后再报送，不要只改文件名。",
      binary: "文件不是CSV文本（可能是Excel工作簿或PDF）。请在Excel中“另存为”CSV（逗号分隔）后再报送。",
      nul: "文件中夹有空字符（NUL），可能在复制或传输中损坏。请用Excel重新“另存为”CSV（逗号分隔）后再报送。",
      mixed:
        "文件中混有两种编码（一部分是UTF-8，一部分是GBK），多为从不同文件复制粘贴拼成。请在Excel中整理后“另存为”CSV（逗号分隔）再报送。",
    })[d.reason] ?? "文件编码无法识别。请用Excel“另存为”CSV（逗号分隔）或CSV UTF-8后再报送。",
  no_header: () =>
    "前10行中找不到表头。表头应包含：报送单位,指标,统计期,数值,计量单位,备注。请在看板“数据报送”页（报送检查与模板，/submit）下载模板填写。",
  missing_column: (d) => `缺少“${d.field_zh}”列。表头应包含：报送单位,指标,统计期,数值,计量单位,备注。`,
  unknown_county: (d) =>
    `报送单位“${d.raw}”不在单位名录中。` + (d.suggestion ? `是否应为“${d.suggestion}”？` : "请填写规范的单位名称。"),
  unknown_indicator: (d) =>
    `指标“${d.raw}”不在指标目录中。` + (d.suggestion ? `是否应为“${d.suggestion}”？` : "请按模板填写指标名称。"),
  extra_cells: (d) =>
    `本行有${d.cells}个单元格，比表头多${d.extra}个：数字或备注中的逗号没有加引号。数字请写成1234（不要写1,234），或用Excel“另存为”CSV。`,
  missing_value: () => "数值为空。未发生请填0，确实无数据请删除该行（空白不会按0处理）。",
  bad_number: (_d, p) => `数值“${p.value}”不是有效数字。请只填写数字，如 1234.5、98.5%。`,
  unknown_unit: (d) => `计量单位“${d.raw}”无法识别。该指标应使用“${d.expected}”。`,
  unit_mismatch: (d) => `计量单位“${d.raw}”与指标“${d.indicator}”不符，该指标应使用“${d.expected}”。`,
  negative_value: (d) => `“${d.indicator}”不能为负数。`,
  bad_period: (_d, p) => `统计期“${p.value}”无法识别。请写成 2025-10（月）、2025Q3（季度）或 2025（年）。`,
  future_period: (d) => `统计期${d.period}晚于报送时间${d.received}，不能报送未来期间的数据。`,
  wrong_frequency: (d) => `“${d.indicator}”按${d.expected_zh}报送，统计期应写成${d.example}，不能写“${d.raw}”。`,
  duplicate_row: (d) => `与第${d.other_line}行重复（同一单位、指标、统计期）。请只保留一行。`,
  numerator_exceeds_denominator: (d) =>
    `“${d.numerator}”（${d.numerator_value}）大于“${d.denominator}”（${d.denominator_value}，第${d.other_line}行），请核实。`,
  out_of_line: (d) =>
    `数值与上次报送（${d.previous_period}：${d.previous_value}）相差超过3倍，已接收但请核实是否填错单位或位数。`,
  unit_conflict: (d) => `数值中写的单位“${d.in_cell}”与计量单位列“${d.in_column}”不一致，请只保留正确的一个。`,
  bad_date: (_d, p) => `完成日期“${p.value}”无法识别。请写成 2025-06-30 这样的日期。`,
  future_date: (d) => `完成日期${d.date}晚于报送时间${d.received}，任务完成后再报送。`,
  missing_evidence: (d) =>
    `备注为空：报送任务${d.task_zh ? `“${d.task_zh}”` : ""}完成时须在备注中写明佐证（文件名称、文号或网址等）。`,
  // the id stays in brackets: it is what the row's 指标 cell holds, and two tasks may share a label
  wrong_unit: (d) =>
    `本行是${d.unit}的数据，但上传凭证属于${d.token_unit}：只能上传本单位的数据，请由${d.unit}自行报送。`,
  value_out_of_range: (_d, p) =>
    `数值“${p.value}”位数过多（整数部分最多${_d.max}位），无法存储。请核实是否多填了数字，或改用更大的计量单位（如万吨、万元）。`,
  file_too_large: (d) =>
    `文件有${d.size_mb}MB，超过${d.limit_mb}MB的上限。请只报送本单位当月的数据，或分成几个文件报送。`,
  too_many_columns: (d) =>
    `第${d.line}行有${d.columns}列，超过${d.limit}列的上限，不像报送表。请在看板“数据报送”页（报送检查与模板，/submit）下载模板填写。`,
  cell_too_long: (d) =>
    `第${d.line}行有一个单元格长达${d.chars}个字符（上限${d.limit}个），可能是引号没有配对，把后面的内容都并进了一格。请检查该行的引号，或用Excel重新“另存为”CSV。`,
  unbalanced_quote: (d) =>
    `第${d.line}行的引号（"）没有配对，之后的内容无法分行读取。请删除多余的引号，或用Excel重新“另存为”CSV（逗号分隔）。`,
  not_a_file: (d) =>
    d.kind === "symlink"
      ? "这是一个链接（快捷方式），不是文件本身，未读取。请报送文件本身。"
      : d.kind === "empty_folder"
        ? "这是一个空文件夹，不是文件，其中没有可读取的报表。"
        : "这不是普通文件（可能是设备或管道），未读取。请报送CSV文件本身。",
  no_rows: () => "文件只有表头，没有填报任何数据行。请填写本单位当月的数据后再报送。",
  not_responsible: (d) => `任务“${d.task_zh || d.task}”（${d.task}）不由${d.unit}报送，应由${d.lead}报送。`,
};
