import type { Problem, ProblemCode } from "../rules/problem.ts";

type Detail = Record<string, string>;

export const en: Record<ProblemCode, (d: Detail, p: Problem) => string> = {
  unreadable_file: (d) =>
    ({
      zip: "The file is an Excel workbook (.xlsx) or a zip, not CSV text. Save it as CSV from Excel; renaming it is not enough.",
      binary: "The file is not CSV text (perhaps an Excel workbook or a PDF). Save it as CSV from Excel.",
      nul: "The file has NUL bytes in its text, perhaps damaged in a copy. Save it as CSV from Excel again.",
      mixed:
        "The file mixes two encodings (part UTF-8, part GBK), usually pasted together from two files. Save it as CSV from Excel.",
    })[d.reason] ?? "The file's encoding is not recognised. Save it as CSV or CSV UTF-8 from Excel.",
  no_header: () =>
    "No header row in the first 10 lines. Expected: 报送单位,指标,统计期,数值,计量单位,备注. Download the template from the dashboard's 数据报送 page (/submit).",
  missing_column: (d) => `The column "${d.field_zh}" (${d.field}) is missing.`,
  unknown_county: (d) =>
    `Unknown reporting unit "${d.raw}".` + (d.suggestion ? ` Did you mean "${d.suggestion}"?` : ""),
  unknown_indicator: (d) => `Unknown indicator "${d.raw}".` + (d.suggestion ? ` Did you mean "${d.suggestion}"?` : ""),
  extra_cells: (d) =>
    `This row has ${d.cells} cells, ${d.extra} more than the header: a comma in a number or a note is not quoted. Write 1234 (not 1,234), or save the sheet as CSV from Excel.`,
  missing_value: () =>
    "The value is blank. Write 0 for zero; delete the row if there is no figure (blank is never zero).",
  bad_number: (_d, p) => `"${p.value}" is not a number.`,
  unknown_unit: (d) => `Unknown unit "${d.raw}"; this indicator is measured in ${d.expected}.`,
  unit_mismatch: (d) => `The unit "${d.raw}" does not fit ${d.indicator_en}, which is measured in ${d.expected}.`,
  negative_value: (d) => `${d.indicator_en} cannot be negative.`,
  bad_period: (_d, p) =>
    `The period "${p.value}" is not recognised. Write 2025-10 (month), 2025Q3 (quarter) or 2025 (year).`,
  future_period: (d) => `The period ${d.period_iso} is after the time the file was received (${d.received}).`,
  wrong_frequency: (d) =>
    `${d.indicator_en} is reported ${d.expected === "annual" ? "annually" : d.expected}; write the period as ${d.example}, not "${d.raw}".`,
  duplicate_row: (d) => `Same unit, indicator and period as line ${d.other_line}; keep one row.`,
  numerator_exceeds_denominator: (d) =>
    `${d.numerator_en} (${d.numerator_value}) exceeds ${d.denominator_en} (${d.denominator_value}, line ${d.other_line}).`,
  out_of_line: (d) =>
    `More than 3× away from the previous report (${d.previous_period}: ${d.previous_value}); accepted, please check the unit or digits.`,
  unit_conflict: (d) =>
    `The unit in the cell ("${d.in_cell}") differs from the unit column ("${d.in_column}"); keep the right one.`,
  bad_date: (_d, p) => `The completion date "${p.value}" is not recognised; write a date such as 2025-06-30.`,
  future_date: (d) => `The completion date ${d.date} is after the time the file was received (${d.received}).`,
  missing_evidence: () => "No evidence in 备注: a completed task needs its evidence (document, number or address).",
  wrong_unit: (d) =>
    `This row is ${d.unit}'s, but the upload token is ${d.token_unit}'s: a token uploads its own unit's rows only; ${d.unit} reports its own.`,
  value_out_of_range: (d, p) =>
    `"${p.value}" has too many digits to store (at most ${d.max} before the point, ${d.digits} written in the base unit).`,
  file_too_large: (d) => `The file is ${d.size_mb} MB, over the ${d.limit_mb} MB limit.`,
  too_many_columns: (d) => `Line ${d.line} has ${d.columns} columns, over the limit of ${d.limit}: not a report.`,
  cell_too_long: (d) =>
    `Line ${d.line} has a cell of ${d.chars} characters (the limit is ${d.limit}): probably an unbalanced quote.`,
  unbalanced_quote: (d) =>
    `The quote (") opened on line ${d.line} is never closed: the rest of the file cannot be split into rows.`,
  not_a_file: (d) =>
    d.kind === "symlink"
      ? "A symbolic link, not a file: not followed, not read."
      : d.kind === "empty_folder"
        ? "An empty folder, not a file: nothing to read."
        : "Not a regular file (a device or a pipe): not read.",
  no_rows: () => "The file has a header and no rows: nothing was reported.",
  not_responsible: (d) =>
    `Task "${d.task_zh || d.task}" (${d.task}) is not reported by ${d.unit}; it is reported by ${d.lead}.`,
};
