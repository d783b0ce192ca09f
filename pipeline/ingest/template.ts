// The ready-to-fill county template: one row per indicator a unit owes for a month, in the
// column order and names the checker expects. Pure, so the dashboard offers the same file.
import { reportsIndicator } from "../catalogue/duties.ts";
import type { Catalogue, Indicator, Target, Unit } from "../catalogue/types.ts";
import { FIELD_ZH, FIELDS } from "../rules/fields.ts";

/** The period text for an indicator reported in month `month` (YYYY-MM), or undefined if not due. */
export function duePeriod(indicator: Indicator, month: string): string | undefined {
  const [y, m] = month.split("-").map(Number);
  if (indicator.frequency === "monthly") return month;
  if (indicator.frequency === "quarterly" && m % 3 === 0) return `${y}Q${m / 3}`;
  if (indicator.frequency === "annual" && m === 12) return String(y);
  return undefined;
}

export const TASK_TEXT = "任务内容（仅供参考）";

const csvCell = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

export interface TemplateRow {
  unit: Unit;
  indicator: Indicator;
  period: string;
}

export interface TaskRow {
  unit: Unit;
  target: Target;
  period: string;
}

/** The last day of the month `ahead` months after `month` (YYYY-MM), as YYYY-MM-DD. */
function lastDay(month: string, ahead = 0): string {
  const [y, m] = month.split("-").map(Number);
  return new Date(Date.UTC(y, m + ahead, 0)).toISOString().slice(0, 10);
}

export interface Template {
  rows: TemplateRow[];
  /** tasks and milestones of the unit's own scope due by the end of the following month, not yet reported done */
  tasks: TaskRow[];
}

/** A task reported done: its target_id → its completion date (YYYY-MM-DD), from its latest report. */
export type Completions = ReadonlyMap<string, string>;

/**
 * What a unit (or every unit) owes for a month. A task already reported done by the end of that
 * month is not asked for again; one done later still is, for a template of an earlier month.
 */
export function buildTemplate(
  catalogue: Catalogue,
  month: string,
  unitCode?: string,
  completions: Completions = new Map(),
): Template {
  const units = catalogue.units
    .filter((u) => !unitCode || u.unit_code === unitCode)
    .sort((a, b) => a.sort_order - b.sort_order);
  const rows: TemplateRow[] = [];
  const tasks: TaskRow[] = [];
  // a report on a month lists the tasks due by the end of the next one
  const horizon = lastDay(month, 1);
  const monthEnd = lastDay(month);
  const doneBy = (target: Target) => {
    const on = completions.get(target.target_id);
    return on !== undefined && on <= monthEnd;
  };
  for (const unit of units) {
    for (const indicator of catalogue.indicators) {
      const period = duePeriod(indicator, month);
      if (period && reportsIndicator(unit, indicator)) rows.push({ unit, indicator, period });
    }
    for (const target of catalogue.targets) {
      const owed =
        target.comparator === "done_by" && target.scope_code === unit.unit_code && target.deadline <= horizon;
      if (owed && !doneBy(target)) {
        tasks.push({ unit, target, period: month });
      }
    }
  }
  return { rows, tasks };
}

/** CSV text (CRLF, as Excel writes it); the caller adds a BOM so Excel opens it as UTF-8. */
export function templateCsv({ rows, tasks }: Template): string {
  // the last column is for the clerk's eyes only: the checker reads the six template fields
  const lines = [[...FIELDS.map((f) => FIELD_ZH[f]), TASK_TEXT].join(",")];
  for (const { unit, indicator, period } of rows) {
    lines.push([unit.name_zh, indicator.name_zh, period, "", indicator.unit_zh, "", ""].map(csvCell).join(","));
  }
  // a task row: 数值 is the completion date, 备注 the evidence; left blank while not done
  for (const { unit, target, period } of tasks) {
    const text = `${target.deadline}前：${target.source_quote}`;
    lines.push([unit.name_zh, target.target_id, period, "", "完成日期", "", text].map(csvCell).join(","));
  }
  return lines.join("\r\n") + "\r\n";
}
