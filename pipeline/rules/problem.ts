// Validation problems are data: a stable code (never renamed: clerks' notes and scripts refer to
// it), where it is, what was written, and the facts the message needs. Messages are rendered
// from the code in messages/.
export const PROBLEM_CODES = [
  "unreadable_file",
  "no_header",
  "missing_column",
  "unknown_county",
  "unknown_indicator",
  "extra_cells",
  "missing_value",
  "bad_number",
  "unknown_unit",
  "unit_mismatch",
  "negative_value",
  "bad_period",
  "future_period",
  "wrong_frequency",
  "duplicate_row",
  "numerator_exceeds_denominator",
  "out_of_line",
  "unit_conflict",
  "bad_date",
  "future_date",
  "missing_evidence",
  "not_responsible",
  "wrong_unit",
  "value_out_of_range",
  "file_too_large",
  "too_many_columns",
  "cell_too_long",
  "unbalanced_quote",
  "not_a_file",
  "no_rows",
] as const;

export type ProblemCode = (typeof PROBLEM_CODES)[number];

export interface Problem {
  code: ProblemCode;
  severity: "error" | "warning";
  /** physical line in the file; undefined for the file as a whole */
  line?: number;
  /** the column's header as written in the file */
  column?: string;
  /** the cell as written */
  value?: string;
  /** facts the message needs: a suggestion, the expected unit, the other line … */
  detail?: Record<string, string>;
}
