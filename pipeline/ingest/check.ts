// The whole check of one file, as a pure function of its bytes: used by `kpi ingest` and by the
// browser pre-check page, so both say exactly the same thing.
import { indicatorLookup, unitLookup } from "../catalogue/lookup.ts";
import type { Catalogue, Indicator } from "../catalogue/types.ts";
import { render, type RenderedProblem } from "../messages/render.ts";
import { formatDecimal, isNegative } from "../normalise/decimal.ts";
import { isBlank, parseNumber } from "../normalise/number.ts";
import { formatPeriod, parsePeriod, type PeriodKind } from "../normalise/period.ts";
import { convert, lookupUnit } from "../normalise/units.ts";
import type { Problem } from "../rules/problem.ts";
import { decode, UndecodableError, type Encoding } from "./decode.ts";
import { FIELD_ZH, findHeader, type Field } from "./headers.ts";
import { parseCsv } from "./parse-csv.ts";

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

export interface PreviousValue {
  period: string;
  value: number;
}

export interface CheckContext {
  catalogue: Catalogue;
  receivedAt: Date;
  /** the unit's latest accepted value before this period, for the out-of-line warning */
  previous?: (unitCode: string, indicatorId: string, period: string) => PreviousValue | undefined;
}

export type FileStatus = "accepted" | "partial" | "rejected" | "unusable";

export interface CheckReport {
  encoding?: Encoding;
  rowsRead: number;
  rowsSkipped: number;
  accepted: AcceptedRow[];
  rowsRejected: number;
  rowsWarned: number;
  unitCodes: string[];
  problems: RenderedProblem[];
  /** true when the file as a whole could not be read: nothing in it is usable */
  unusable: boolean;
}

const FREQUENCY_KIND: Record<string, PeriodKind> = { monthly: "month", quarterly: "quarter", annual: "year" };
const FREQUENCY_ZH: Record<string, string> = { monthly: "月", quarterly: "季度", annual: "年" };
const FREQUENCY_EXAMPLE: Record<string, string> = { monthly: "2025-10", quarterly: "2025Q3", annual: "2025" };
const TOTAL = /^(合计|总计|小计|全市合计|全市)$/;
const FOOTER = /^(填报人|填表人|审核人|制表人|联系电话|单位负责人|负责人|说明[:：]|(填报|填表|制表|报送)日期)/;
/** "合 计" is how clerks centre a label in Excel: spaces inside do not make it a name. */
const isTotal = (cell: string) => TOTAL.test(cell.replace(/[\s\u3000]+/g, ""));

/** The calendar date in China (UTC+8), where the clerks and the deadlines are. */
export function chinaDate(instant: Date): string {
  return new Date(instant.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

function fileProblem(code: Problem["code"], detail: Record<string, string> = {}): CheckReport {
  return {
    rowsRead: 0,
    rowsSkipped: 0,
    accepted: [],
    rowsRejected: 0,
    rowsWarned: 0,
    unitCodes: [],
    problems: [render({ code, severity: "error", detail })],
    unusable: true,
  };
}

export function checkFile(bytes: Uint8Array, context: CheckContext): CheckReport {
  let decoded;
  try {
    decoded = decode(bytes);
  } catch (error) {
    if (error instanceof UndecodableError) return fileProblem("unreadable_file", { reason: error.message });
    throw error;
  }
  const records = parseCsv(decoded.text);
  const header = findHeader(records);
  if (!header) return { ...fileProblem("no_header"), encoding: decoded.encoding };
  for (const field of ["county", "indicator", "period", "value"] as const) {
    if (header.columns[field] === undefined) {
      const report = fileProblem("missing_column", { field, field_zh: FIELD_ZH[field] });
      report.problems[0].line = header.line;
      return { ...report, encoding: decoded.encoding };
    }
  }

  const units = unitLookup(context.catalogue);
  const indicators = indicatorLookup(context.catalogue);
  const indicatorById = new Map(context.catalogue.indicators.map((i) => [i.indicator_id, i]));
  const received = chinaDate(context.receivedAt);
  const problems: Problem[] = [];
  const accepted: AcceptedRow[] = [];
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
    const cell = (field: Field) => {
      const i = column(field);
      return i === undefined ? "" : (record.cells[i] ?? "").trim();
    };
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
    const rowProblems: Problem[] = [];
    const error = (field: Field, code: Problem["code"], detail: Record<string, string> = {}) =>
      rowProblems.push({ code, severity: "error", line, column: nameOf(field), value: cell(field), detail });

    const unit = units.find(cell("county"));
    if (!unit) {
      error("county", "unknown_county", { raw: cell("county"), suggestion: units.suggest(cell("county")) ?? "" });
    }

    const indicator = indicators.find(cell("indicator"));
    if (!indicator) {
      error("indicator", "unknown_indicator", {
        raw: cell("indicator"),
        suggestion: indicators.suggest(cell("indicator")) ?? "",
      });
    }

    const period = parsePeriod(cell("period"));
    if (!period) error("period", "bad_period");
    else if (indicator && FREQUENCY_KIND[indicator.frequency] && period.kind !== FREQUENCY_KIND[indicator.frequency]) {
      error("period", "wrong_frequency", {
        raw: cell("period"),
        indicator: indicator.name_zh,
        indicator_en: indicator.name_en,
        expected: indicator.frequency,
        expected_zh: FREQUENCY_ZH[indicator.frequency],
        example: FREQUENCY_EXAMPLE[indicator.frequency],
      });
    } else if (period.start > received) {
      error("period", "future_period", { period: formatPeriod(period), period_iso: period.start, received });
    }

    let value: string | undefined;
    let rawUnit = "";
    if (isBlank(cell("value"))) error("value", "missing_value");
    else {
      const parsed = parseNumber(cell("value"));
      if (!parsed) error("value", "bad_number");
      else if (indicator) {
        rawUnit = parsed.unit || cell("unit");
        const unitText = rawUnit || indicator.unit_zh;
        const unitDef = lookupUnit(unitText);
        const where: Field = parsed.unit ? "value" : "unit";
        if (!unitDef) error(where, "unknown_unit", { raw: unitText, expected: indicator.unit_zh });
        else if (unitDef.base !== indicator.base_unit) {
          error(where, "unit_mismatch", {
            raw: unitText,
            indicator: indicator.name_zh,
            indicator_en: indicator.name_en,
            expected: indicator.unit_zh,
          });
        } else if (isNegative(parsed.value)) {
          error("value", "negative_value", { indicator: indicator.name_zh, indicator_en: indicator.name_en });
        } else value = formatDecimal(convert(parsed.value, unitDef));
      }
    }

    if (unit && indicator && period) {
      const key = `${unit.unit_code}|${indicator.indicator_id}|${period.start}`;
      const other = seen.get(key);
      if (other !== undefined) error("indicator", "duplicate_row", { other_line: String(other) });
      else seen.set(key, line);
    }

    problems.push(...rowProblems);
    if (rowProblems.length > 0 || !unit || !indicator || !period || value === undefined) {
      rejectedLines.add(line);
      continue;
    }
    accepted.push({
      unit_code: unit.unit_code,
      indicator_id: indicator.indicator_id,
      period: period.start,
      value,
      raw_value: cell("value"),
      raw_unit: rawUnit,
      note: cell("note"),
      line,
    });
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

  problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return {
    encoding: decoded.encoding,
    rowsRead,
    rowsSkipped,
    accepted: kept,
    rowsRejected: rejectedLines.size,
    rowsWarned: warnedLines.size,
    unitCodes: [...new Set(kept.map((r) => r.unit_code))].sort(),
    problems: problems.map(render),
    unusable: false,
  };
}

export function fileStatus(report: CheckReport, strict: boolean): FileStatus {
  if (report.unusable) return "unusable";
  if (report.rowsRejected === 0) return "accepted";
  if (strict || report.accepted.length === 0) return "rejected";
  return "partial";
}
