// The whole check of one file, as a pure function of its bytes: used by `kpi ingest` and by the
// browser pre-check page, so both say exactly the same thing.
import { indicatorLookup, unitLookup } from "../catalogue/lookup.ts";
import type { Catalogue, Indicator, Target } from "../catalogue/types.ts";
import { render, type RenderedProblem } from "../messages/render.ts";
import { memoised } from "../normalise/memo.ts";
import { isBlank } from "../normalise/number.ts";
import { checkMeasurement } from "../rules/measurement.ts";
import { checkMilestone } from "../rules/milestone.ts";
import type { Problem } from "../rules/problem.ts";
import { problem, type AcceptedMilestone, type AcceptedRow, type Row, type RowContext } from "../rules/row.ts";
import { decode, UndecodableError, type Encoding } from "./decode.ts";
import { FIELD_ZH, type Field } from "../rules/fields.ts";
import { findHeader, HEADER_ROWS, type HeaderMap } from "./headers.ts";
import { recordProblem, sizeProblem } from "./limits.ts";
import { eachRecord, type CsvRecord } from "./parse-csv.ts";

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
  /** a larger file is refused as a whole (file_too_large); default MAX_FILE_BYTES */
  maxFileBytes?: number;
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
const isTotal = memoised((cell: string) => TOTAL.test(cell.replace(/[\s\u3000]+/g, "")));
/** a first cell that makes a row not a row of figures: a signature line, or a total */
const endsTable = memoised((firstCell: string) => FOOTER.test(firstCell) || isTotal(firstCell));

/** The calendar date in China (UTC+8), where the clerks and the deadlines are. */
export function chinaDate(instant: Date): string {
  return new Date(instant.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** What the row checks found: everything but the accepted rows themselves and the out-of-line warnings. */
export interface RowsReport extends Omit<CheckReport, "accepted" | "rowsWarned" | "problems"> {
  /** accepted figures (handed to `keep`, not held here) */
  rowsAccepted: number;
  /** in no order yet, not yet in words */
  problems: Problem[];
  /** the value column's header as written, for the out-of-line warnings */
  valueColumn: string;
}

/** A file unusable as a whole: one problem, nothing else. */
export function unusableFile(p: Omit<Problem, "severity">, encoding?: Encoding): RowsReport {
  return {
    ...(encoding ? { encoding } : {}),
    rowsRead: 0,
    rowsSkipped: 0,
    rowsAccepted: 0,
    milestones: [],
    rowsRejected: 0,
    unitCodes: [],
    problems: [{ code: p.code, severity: "error", line: p.line, detail: p.detail ?? {} }],
    valueColumn: FIELD_ZH.value,
    unusable: true,
  };
}

/** What the checks look names up in, made once per catalogue (a run of 2,850 files reads one catalogue). */
const byCatalogue = new WeakMap<Catalogue, ReturnType<typeof makeLookups>>();

function makeLookups(catalogue: Catalogue) {
  const rates = catalogue.indicators.filter((i) => i.unit_aggregation === "ratio_of_sums");
  // the rates each indicator is the numerator of; the indicators that are a denominator
  const ratesOf = new Map<string, Indicator[]>();
  for (const rate of rates) ratesOf.set(rate.numerator_id, [...(ratesOf.get(rate.numerator_id) ?? []), rate]);
  return {
    lookups: {
      units: unitLookup(catalogue),
      indicators: indicatorLookup(catalogue),
      tasks: new Map(
        catalogue.targets.filter((t) => t.comparator === "done_by").map((t): [string, Target] => [t.target_id, t]),
      ),
    },
    unitNames: new Map(catalogue.units.map((u) => [u.unit_code, u.name_zh])),
    indicatorById: new Map(catalogue.indicators.map((i) => [i.indicator_id, i])),
    ratesOf,
    denominatorIds: new Set(rates.map((r) => r.denominator_id)),
  };
}

function catalogueLookups(catalogue: Catalogue): ReturnType<typeof makeLookups> {
  return byCatalogue.get(catalogue) ?? byCatalogue.set(catalogue, makeLookups(catalogue)).get(catalogue)!;
}

/** a period's place among the months a period can start in (1990 to 2100: under 2048), 0 for none */
const slotOf = (period: string | undefined) =>
  period === undefined ? 0 : (Number(period.slice(0, 4)) - 1990) * 12 + Number(period.slice(5, 7));

/**
 * The whole check of one file but the comparison with earlier reports: every accepted figure is
 * handed to `keep` as soon as it is known good (in any order; a rate's numerator only once its
 * denominator is seen), so a file of millions of rows is never held as rows.
 */
export function checkRows(
  bytes: Uint8Array,
  context: Omit<CheckContext, "previous">,
  keep: (row: AcceptedRow) => void,
): RowsReport {
  const tooLarge = sizeProblem(bytes.length, context.maxFileBytes);
  if (tooLarge) return unusableFile(tooLarge);
  let decoded;
  try {
    decoded = decode(bytes);
  } catch (error) {
    if (error instanceof UndecodableError)
      return unusableFile({ code: "unreadable_file", detail: { reason: error.reason } });
    throw error;
  }
  const unusable = (p: Omit<Problem, "severity">) => unusableFile(p, decoded.encoding);

  const { lookups, indicatorById, ratesOf, denominatorIds, unitNames } = catalogueLookups(context.catalogue);
  const context_: RowContext = { ...lookups, received: chinaDate(context.receivedAt) };
  const unitName = (code: string) => unitNames.get(code) ?? code;
  const problems: Problem[] = [];
  const milestones: AcceptedMilestone[] = [];
  // a key's group (unit|indicator, or task|unit) by number; group × 2048 + month → the line that
  // reported it first: small integers, which a file of millions of rows holds in one compact map
  const groups = new Map<string, number>();
  const seen = new Map<number, number>();
  const keyOf = (unitCode: string, indicatorId: string, period: string) => {
    const group = `${unitCode}|${indicatorId}`;
    return (groups.get(group) ?? groups.set(group, groups.size).get(group)!) * 2048 + slotOf(period);
  };
  // a rate's sides: each accepted denominator's value, as written and its line, by its key; a
  // numerator is checked when its denominator is known (it waits for it, by that key), or at the
  // end of the file (one of several rates, or no denominator came)
  const denominators = new Map<number, [value: number, raw: string, line: number]>();
  const waiting = new Map<number, AcceptedRow[]>();
  const atEnd: AcceptedRow[] = [];
  const rejectedLines = new Set<number>();
  const unitCodes = new Set<string>();
  let rowsAccepted = 0;
  let rowsRead = 0;
  let rowsSkipped = 0;
  let shape: Problem | undefined;
  let header: HeaderMap | undefined;
  let width = 0;
  const opening: CsvRecord[] = [];

  const column = (field: Field) => header!.columns[field];
  const nameOf = (field: Field) => {
    const i = column(field);
    return i === undefined ? FIELD_ZH[field] : header!.names[i] || FIELD_ZH[field];
  };
  const accept = (row: AcceptedRow) => {
    rowsAccepted++;
    unitCodes.add(row.unit_code);
    keep(row);
  };

  const checkRecord = (record: CsvRecord) => {
    // each field's cell trimmed once (the rules read some several times)
    const trimmed: Partial<Record<Field, string>> = {};
    const cell = (field: Field) => (trimmed[field] ??= (record.cells[column(field) ?? -1] ?? "").trim());
    const firstCell = record.cells.find((c) => !isBlank(c))?.trim() ?? "";
    if (firstCell === "" || endsTable(firstCell) || isTotal(cell("county")) || isTotal(cell("indicator"))) {
      rowsSkipped++;
      return;
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
      return;
    }
    const row: Row = { line, cell, column: nameOf };
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
      return;
    }
    const rowProblems = unitProblems.length > 0 ? [...unitProblems, ...outcome.problems] : outcome.problems;
    if (outcome.key !== undefined) {
      const [group, period] = outcome.key;
      const index = groups.get(group) ?? groups.set(group, groups.size).get(group)!;
      const key = index * 2048 + slotOf(period);
      const other = seen.get(key);
      if (other !== undefined)
        rowProblems.push(problem(row, "indicator", "duplicate_row", { other_line: String(other) }));
      else seen.set(key, line);
    }
    if (rowProblems.length > 0 || !outcome.row) {
      problems.push(...rowProblems);
      rejectedLines.add(line);
      return;
    }
    if (outcome.kind === "milestone") {
      milestones.push(outcome.row);
      unitCodes.add(outcome.row.unit_code);
      return;
    }
    const figure = outcome.row;
    if (denominatorIds.has(figure.indicator_id)) {
      const key = keyOf(figure.unit_code, figure.indicator_id, figure.period);
      denominators.set(key, [Number(figure.value), figure.raw_value, figure.line]);
      for (const numerator of waiting.get(key) ?? []) if (withinRates(numerator)) accept(numerator);
      waiting.delete(key);
    }
    const of = ratesOf.get(figure.indicator_id);
    if (!of) accept(figure);
    else if (of.length > 1) atEnd.push(figure);
    else {
      const key = keyOf(figure.unit_code, of[0].denominator_id, figure.period);
      if (!denominators.has(key)) waiting.set(key, [...(waiting.get(key) ?? []), figure]);
      else if (withinRates(figure)) accept(figure);
    }
  };

  // A rate's numerator can never exceed its denominator for the same unit and period.
  const withinRates = (row: AcceptedRow) => {
    let within = true;
    for (const rate of ratesOf.get(row.indicator_id)!) {
      const denominator = denominators.get(keyOf(row.unit_code, rate.denominator_id, row.period));
      if (!denominator || Number(row.value) <= denominator[0]) continue;
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
          denominator_value: denominator[1],
          other_line: String(denominator[2]),
        },
      });
      rejectedLines.add(row.line);
      within = false;
    }
    return within;
  };

  // the header is looked for among the first records; every record is held to the file's limits
  let missing: Field | undefined;
  const startBody = (found: HeaderMap) => {
    header = found;
    missing = (["county", "indicator", "period", "value"] as const).find((f) => found.columns[f] === undefined);
    width = found.names.findLastIndex((name) => !isBlank(name)) + 1;
    rowsSkipped = found.index; // title rows above the header
    const body = opening.slice(found.index + 1);
    opening.length = 0;
    if (!missing) body.forEach(checkRecord);
  };
  eachRecord(decoded.text, (record) => {
    shape ??= recordProblem(record);
    if (shape || missing) return;
    if (header) return checkRecord(record);
    opening.push(record);
    if (opening.length < HEADER_ROWS) return;
    const found = findHeader(opening);
    if (found) startBody(found);
  });
  if (shape) return unusable(shape);
  if (!header) {
    const found = findHeader(opening);
    if (!found) return unusable({ code: "no_header" });
    startBody(found);
  }
  if (missing)
    return unusable({
      code: "missing_column",
      detail: { field: missing, field_zh: FIELD_ZH[missing] },
      line: header!.line,
    });

  // the numerators still to check: whose denominator never came, or of several rates
  for (const rows of waiting.values()) rows.forEach(accept);
  for (const row of atEnd) if (withinRates(row)) accept(row);

  // a header and nothing under it (or only blank template rows): nothing was reported
  if (rowsRead === 0) return { ...unusable({ code: "no_rows", line: header!.line }), rowsSkipped };
  return {
    encoding: decoded.encoding,
    rowsRead,
    rowsSkipped,
    rowsAccepted,
    milestones,
    rowsRejected: rejectedLines.size,
    unitCodes: [...unitCodes].sort(),
    problems,
    valueColumn: nameOf("value"),
    unusable: false,
  };
}

export interface Figure {
  unit_code: string;
  indicator_id: string;
  period: string;
  value: number;
  raw_value: string;
  line: number;
}

/** Far out of line with the unit's previous report (over 3× or under ⅓): accepted, flagged for a second look. */
export function outOfLine(
  rows: Iterable<Figure>,
  previous: NonNullable<CheckContext["previous"]>,
  column: string,
): Problem[] {
  const warnings: Problem[] = [];
  for (const row of rows) {
    const before = previous(row.unit_code, row.indicator_id, row.period);
    if (!before || before.value <= 0 || row.value <= 0) continue;
    const ratio = row.value / before.value;
    if (ratio > 3 || ratio < 1 / 3) {
      warnings.push({
        code: "out_of_line",
        severity: "warning",
        line: row.line,
        column,
        value: row.raw_value,
        detail: { previous_period: before.period.slice(0, 7), previous_value: String(before.value) },
      });
    }
  }
  return warnings;
}

/** The report of a checked file: its row problems and its warnings, by line, in words. */
export function finishReport(rows: RowsReport, warnings: Problem[], accepted: AcceptedRow[]): CheckReport {
  const { rowsAccepted: _n, valueColumn: _c, problems, ...rest } = rows;
  const all = [...problems, ...warnings].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return {
    ...rest,
    accepted,
    rowsWarned: new Set(warnings.map((w) => w.line)).size,
    problems: all.map(render),
  };
}

export function checkFile(bytes: Uint8Array, context: CheckContext): CheckReport {
  const accepted: AcceptedRow[] = [];
  const rows = checkRows(bytes, context, (row) => accepted.push(row));
  accepted.sort((a, b) => a.line - b.line);
  const figures = accepted.map((row) => ({ ...row, value: Number(row.value) }));
  const warnings = rows.unusable || !context.previous ? [] : outOfLine(figures, context.previous, rows.valueColumn);
  return finishReport(rows, warnings, rows.unusable ? [] : accepted);
}

type Counted = Pick<CheckReport, "unusable" | "rowsRejected" | "milestones"> &
  ({ accepted: unknown[] } | { rowsAccepted: number });

export function fileStatus(report: Counted, strict: boolean): FileStatus {
  if (report.unusable) return "unusable";
  if (report.rowsRejected === 0) return "accepted";
  const accepted = "rowsAccepted" in report ? report.rowsAccepted : report.accepted.length;
  if (strict || accepted + report.milestones.length === 0) return "rejected";
  return "partial";
}
