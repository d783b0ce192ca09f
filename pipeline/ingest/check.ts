// The whole check of one file, as a pure function of its bytes: used by `kpi ingest` and by the
// browser pre-check page, so both say exactly the same thing.
import { indicatorLookup, unitLookup } from "../catalogue/lookup.ts";
import type { Catalogue, Indicator, Target } from "../catalogue/types.ts";
import { render, type RenderedProblem } from "../messages/render.ts";
import { isBlank } from "../normalise/number.ts";
import { checkMeasurement } from "../rules/measurement.ts";
import { checkMilestone } from "../rules/milestone.ts";
import type { Problem } from "../rules/problem.ts";
import { problem, type AcceptedMilestone, type AcceptedRow, type Row, type RowContext } from "../rules/row.ts";
import { decode, UndecodableError, type Encoding } from "./decode.ts";
import { FIELD_ZH, type Field } from "../rules/fields.ts";
import { findHeader } from "./headers.ts";
import { shapeProblem, sizeProblem } from "./limits.ts";
import { parseCsv } from "./parse-csv.ts";

export interface PreviousValue {
  period: string;
  value: number;
}

export interface CheckContext {
  catalogue: Catalogue;
  receivedAt: Date;
  /** the unit's latest accepted value before this period, for the out-of-line warning */
  previous?: (unitCode: string, indicatorId: string, period: string) => PreviousValue | undefined;
  /** an upload token's unit (`kpi serve`): a row of any other unit is rejected (wrong_unit) */
  allowedUnit?: string;
}

export type FileStatus = "accepted" | "partial" | "rejected" | "unusable";

export interface CheckReport {
  encoding?: Encoding;
  rowsRead: number;
  rowsSkipped: number;
  accepted: AcceptedRow[];
  milestones: AcceptedMilestone[];
  rowsRejected: number;
  rowsWarned: number;
  unitCodes: string[];
  problems: RenderedProblem[];
  /** true when the file as a whole could not be read: nothing in it is usable */
  unusable: boolean;
}

const TOTAL = /^(合计|总计|小计|全市合计|全市)$/;
const FOOTER = /^(填报人|填表人|审核人|制表人|联系电话|单位负责人|负责人|说明[:：]|(填报|填表|制表|报送)日期)/;
/** "合 计" is how clerks centre a label in Excel: spaces inside do not make it a name. */
const isTotal = (cell: string) => TOTAL.test(cell.replace(/[\s\u3000]+/g, ""));

/** The calendar date in China (UTC+8), where the clerks and the deadlines are. */
export function chinaDate(instant: Date): string {
  return new Date(instant.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

export function fileProblem(code: Problem["code"], detail: Record<string, string> = {}, line?: number): CheckReport {
  return {
    rowsRead: 0,
    rowsSkipped: 0,
    accepted: [],
    milestones: [],
    rowsRejected: 0,
    rowsWarned: 0,
    unitCodes: [],
    problems: [render({ code, severity: "error", line, detail })],
    unusable: true,
  };
}

const asFileProblem = (p: Problem) => fileProblem(p.code, p.detail, p.line);

export function checkFile(bytes: Uint8Array, context: CheckContext): CheckReport {
  const tooLarge = sizeProblem(bytes.length);
  if (tooLarge) return asFileProblem(tooLarge);
  let decoded;
  try {
    decoded = decode(bytes);
  } catch (error) {
    if (error instanceof UndecodableError) return fileProblem("unreadable_file", { reason: error.reason });
    throw error;
  }
  const records = parseCsv(decoded.text);
  const shape = shapeProblem(records);
  if (shape) return { ...asFileProblem(shape), encoding: decoded.encoding };
  const header = findHeader(records);
  if (!header) return { ...fileProblem("no_header"), encoding: decoded.encoding };
  for (const field of ["county", "indicator", "period", "value"] as const) {
    if (header.columns[field] === undefined) {
      const report = fileProblem("missing_column", { field, field_zh: FIELD_ZH[field] }, header.line);
      return { ...report, encoding: decoded.encoding };
    }
  }

  const context_: RowContext = {
    units: unitLookup(context.catalogue),
    indicators: indicatorLookup(context.catalogue),
    tasks: new Map(
      context.catalogue.targets
        .filter((t) => t.comparator === "done_by")
        .map((t): [string, Target] => [t.target_id, t]),
    ),
    received: chinaDate(context.receivedAt),
  };
  const unitName = (code: string) => context.catalogue.units.find((u) => u.unit_code === code)?.name_zh ?? code;
  const indicatorById = new Map(context.catalogue.indicators.map((i) => [i.indicator_id, i]));
  const problems: Problem[] = [];
  const accepted: AcceptedRow[] = [];
  const milestones: AcceptedMilestone[] = [];
  const seen = new Map<string, number>();
  const rejectedLines = new Set<number>();
  const warnedLines = new Set<number>();
  let rowsRead = 0;
  let rowsSkipped = header.index; // title rows above the header
  // cells past the last named header cell: Excel pads rows with empty ones, but a non-blank one
  // means a comma that was not quoted ("1,234" typed in a text editor) and shifted the cells
  const width = header.names.findLastIndex((name) => !isBlank(name)) + 1;

  const column = (field: Field) => header.columns[field];
  const nameOf = (field: Field) => {
    const i = column(field);
    return i === undefined ? FIELD_ZH[field] : header.names[i] || FIELD_ZH[field];
  };

  for (const record of records.slice(header.index + 1)) {
    const cell = (field: Field) => (record.cells[column(field) ?? -1] ?? "").trim();
    const firstCell = record.cells.find((c) => !isBlank(c))?.trim() ?? "";
    if (firstCell === "" || FOOTER.test(firstCell) || [firstCell, cell("county"), cell("indicator")].some(isTotal)) {
      rowsSkipped++;
      continue;
    }
    rowsRead++;
    const line = record.line;
    const used = record.cells.findLastIndex((c) => !isBlank(c)) + 1;
    if (used > width) {
      problems.push({
        code: "extra_cells",
        severity: "error",
        line,
        value: record.cells.slice(0, used).join(","),
        detail: { cells: String(used), extra: String(used - width) },
      });
      rejectedLines.add(line);
      continue;
    }
    const row: Row = {
      line,
      cell: (field) => {
        const i = column(field);
        return i === undefined ? "" : (record.cells[i] ?? "").trim();
      },
      column: nameOf,
    };
    const unit = context_.units.find(row.cell("county"));
    const unitProblems: Problem[] = unit
      ? context.allowedUnit !== undefined && unit.unit_code !== context.allowedUnit
        ? [problem(row, "county", "wrong_unit", { unit: unit.name_zh, token_unit: unitName(context.allowedUnit) })]
        : []
      : [
          problem(row, "county", "unknown_county", {
            raw: row.cell("county"),
            suggestion: context_.units.suggest(row.cell("county")) ?? "",
          }),
        ];
    const indicator = context_.indicators.find(row.cell("indicator"));
    const task = indicator ? undefined : context_.tasks.get(row.cell("indicator"));
    if (!indicator && !task) {
      unitProblems.push(
        problem(row, "indicator", "unknown_indicator", {
          raw: row.cell("indicator"),
          suggestion: context_.indicators.suggest(row.cell("indicator")) ?? "",
        }),
      );
    }
    const outcome = task ? checkMilestone(row, context_, unit, task) : checkMeasurement(row, context_, unit, indicator);
    if (outcome.kind === "blank") {
      rowsRead--;
      rowsSkipped++;
      continue;
    }
    const rowProblems = [...unitProblems, ...outcome.problems];
    if (outcome.key !== undefined) {
      const other = seen.get(outcome.key);
      if (other !== undefined)
        rowProblems.push(problem(row, "indicator", "duplicate_row", { other_line: String(other) }));
      else seen.set(outcome.key, line);
    }
    problems.push(...rowProblems);
    if (rowProblems.length > 0 || !outcome.row) {
      rejectedLines.add(line);
      continue;
    }
    if (outcome.kind === "milestone") milestones.push(outcome.row);
    else if (outcome.row) accepted.push(outcome.row);
  }

  // A rate's numerator can never exceed its denominator for the same unit and period.
  const byKey = new Map(accepted.map((row) => [`${row.unit_code}|${row.indicator_id}|${row.period}`, row]));
  for (const rate of context.catalogue.indicators.filter((i) => i.unit_aggregation === "ratio_of_sums")) {
    for (const row of accepted) {
      if (row.indicator_id !== rate.numerator_id) continue;
      const denominator = byKey.get(`${row.unit_code}|${rate.denominator_id}|${row.period}`);
      if (!denominator || Number(row.value) <= Number(denominator.value)) continue;
      const num = indicatorById.get(rate.numerator_id) as Indicator;
      const den = indicatorById.get(rate.denominator_id) as Indicator;
      problems.push({
        code: "numerator_exceeds_denominator",
        severity: "error",
        line: row.line,
        column: nameOf("value"),
        value: row.raw_value,
        detail: {
          numerator: num.name_zh,
          numerator_en: num.name_en,
          numerator_value: row.raw_value,
          denominator: den.name_zh,
          denominator_en: den.name_en,
          denominator_value: denominator.raw_value,
          other_line: String(denominator.line),
        },
      });
      rejectedLines.add(row.line);
    }
  }
  const kept = accepted.filter((row) => !rejectedLines.has(row.line));

  // Far out of line with the unit's previous report: accepted, flagged for a second look.
  for (const row of kept) {
    const previous = context.previous?.(row.unit_code, row.indicator_id, row.period);
    const value = Number(row.value);
    if (!previous || previous.value <= 0 || value <= 0) continue;
    const ratio = value / previous.value;
    if (ratio > 3 || ratio < 1 / 3) {
      problems.push({
        code: "out_of_line",
        severity: "warning",
        line: row.line,
        column: nameOf("value"),
        value: row.raw_value,
        detail: { previous_period: previous.period.slice(0, 7), previous_value: String(previous.value) },
      });
      warnedLines.add(row.line);
    }
  }

  // a header and nothing under it (or only blank template rows): nothing was reported
  if (rowsRead === 0) return { ...fileProblem("no_rows", {}, header.line), encoding: decoded.encoding, rowsSkipped };
  problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return {
    encoding: decoded.encoding,
    rowsRead,
    rowsSkipped,
    accepted: kept,
    milestones,
    rowsRejected: rejectedLines.size,
    rowsWarned: warnedLines.size,
    unitCodes: [...new Set([...kept, ...milestones].map((r) => r.unit_code))].sort(),
    problems: problems.map(render),
    unusable: false,
  };
}

export function fileStatus(report: CheckReport, strict: boolean): FileStatus {
  if (report.unusable) return "unusable";
  if (report.rowsRejected === 0) return "accepted";
  if (strict || report.accepted.length + report.milestones.length === 0) return "rejected";
  return "partial";
}
