// A task or milestone row: 指标 is the task's id (the template fills it in), 数值 the date it was
// completed, 备注 the evidence. A row left blank means "not done yet": nothing to report.
import { CITY_CODE, type Target, type Unit } from "../catalogue/types.ts";
import { taskLabel, taskLead } from "../catalogue/labels.ts";
import { isBlank } from "../normalise/number.ts";
import { parseDate, parsePeriod } from "../normalise/period.ts";
import type { Problem } from "./problem.ts";
import { problem, type Row, type RowContext, type RowKey, type RowOutcome } from "./row.ts";

export function checkMilestone(row: Row, context: RowContext, unit: Unit | undefined, task: Target): RowOutcome {
  if (isBlank(row.cell("value")) && isBlank(row.cell("note"))) return { kind: "blank" };
  const problems: Problem[] = [];
  const error = (field: Parameters<typeof problem>[1], code: Problem["code"], detail?: Record<string, string>) =>
    problems.push(problem(row, field, code, detail));

  // the unit the task belongs to reports it, or the city's lead department on the city's behalf
  if (unit && unit.unit_code !== task.scope_code && unit.unit_code !== CITY_CODE) {
    // names, not ids: the message is for a clerk (the id stays, it is what the 指标 cell holds)
    error("county", "not_responsible", {
      task: task.target_id,
      task_zh: taskLabel(task),
      unit: unit.name_zh,
      lead: taskLead(task, (code) => context.units.find(code)?.name_zh ?? code),
    });
  }
  const period = parsePeriod(row.cell("period"));
  if (!period || period.kind !== "month") error("period", "bad_period");
  else if (period.start > context.received) {
    error("period", "future_period", {
      period: period.start.slice(0, 7),
      period_iso: period.start,
      received: context.received,
    });
  }
  const completedOn = parseDate(row.cell("value"));
  if (!completedOn) error("value", "bad_date");
  else if (completedOn > context.received)
    error("value", "future_date", { date: completedOn, received: context.received });
  const evidence = row.cell("note");
  if (isBlank(evidence)) error("note", "missing_evidence", { task: task.target_id, task_zh: taskLabel(task) });

  if (!unit || !period) return { kind: "milestone", problems };
  const key: RowKey = [`${task.target_id}|${unit.unit_code}`];
  if (problems.length > 0 || !completedOn) return { kind: "milestone", problems, key };
  return {
    kind: "milestone",
    problems,
    key,
    row: {
      target_id: task.target_id,
      unit_code: unit.unit_code,
      period: period.start,
      completed_on: completedOn,
      evidence,
      raw_value: row.cell("value"),
      line: row.line,
    },
  };
}
