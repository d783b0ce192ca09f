// What a row rule sees and what it returns. Rules are pure: cells and context in, problems and
// at most one accepted record out.
import type { Lookup } from "../catalogue/lookup.ts";
import type { Indicator, Target, Unit } from "../catalogue/types.ts";
import type { Field } from "./fields.ts";
import type { Problem } from "./problem.ts";

export interface Row {
  line: number;
  /** the trimmed cell of a template field ("" when the file has no such column) */
  cell(field: Field): string;
  /** the field's header as written in the file, for messages */
  column(field: Field): string;
}

export interface RowContext {
  units: Lookup<Unit>;
  indicators: Lookup<Indicator>;
  /** done_by targets (tasks and milestones) by target_id */
  tasks: Map<string, Target>;
  /** the day the file was received, YYYY-MM-DD in China */
  received: string;
}

/** A figure: one (unit, indicator, period) value in base units. */
export interface AcceptedRow {
  unit_code: string;
  indicator_id: string;
  /** first day of the period, YYYY-MM-DD */
  period: string;
  /** exact decimal text in the indicator's base unit */
  value: string;
  raw_value: string;
  raw_unit: string;
  note: string;
  line: number;
}

/** A task or milestone reported done: the completion date and the evidence. */
export interface AcceptedMilestone {
  target_id: string;
  unit_code: string;
  /** the reporting month's first day */
  period: string;
  completed_on: string;
  evidence: string;
  raw_value: string;
  line: number;
}

/** What two rows of a file may not both report: a group (unit and indicator; task and unit) and, for a figure, its period. */
export type RowKey = [group: string, period?: string];

export type RowOutcome =
  | { kind: "measurement"; problems: Problem[]; row?: AcceptedRow; key?: RowKey }
  | { kind: "milestone"; problems: Problem[]; row?: AcceptedMilestone; key?: RowKey }
  /** a template row left blank: nothing reported, nothing wrong */
  | { kind: "blank" };

export function problem(row: Row, field: Field, code: Problem["code"], detail: Record<string, string> = {}): Problem {
  return { code, severity: "error", line: row.line, column: row.column(field), value: row.cell(field), detail };
}
