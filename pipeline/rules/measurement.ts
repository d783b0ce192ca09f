// A figure row: period of the indicator's frequency, not in the future, a number in a unit that
// converts exactly to the indicator's base unit, never negative.
import type { Indicator, Unit } from "../catalogue/types.ts";
import { formatDecimal, integerDigits, MAX_INTEGER_DIGITS } from "../normalise/decimal.ts";
import { isBlank, parseNumber } from "../normalise/number.ts";
import { formatPeriod, parsePeriod, type PeriodKind } from "../normalise/period.ts";
import { convert, lookupUnit, normaliseUnitText } from "../normalise/units.ts";
import type { Problem } from "./problem.ts";
import { problem, type Row, type RowContext, type RowKey, type RowOutcome } from "./row.ts";

const FREQUENCY_KIND: Record<string, PeriodKind> = { monthly: "month", quarterly: "quarter", annual: "year" };
const FREQUENCY_ZH: Record<string, string> = { monthly: "月", quarterly: "季度", annual: "年" };
const FREQUENCY_EXAMPLE: Record<string, string> = { monthly: "2025-10", quarterly: "2025Q3", annual: "2025" };
/** what clerks type for "no figure": treated as blank, never as zero */
const NO_FIGURE = /^[-—–－/／\\、]+$/;

export function checkMeasurement(row: Row, context: RowContext, unit?: Unit, indicator?: Indicator): RowOutcome {
  const problems: Problem[] = [];
  const error = (field: Parameters<typeof problem>[1], code: Problem["code"], detail?: Record<string, string>) =>
    problems.push(problem(row, field, code, detail));

  const period = parsePeriod(row.cell("period"));
  if (!period) error("period", "bad_period");
  else if (indicator && FREQUENCY_KIND[indicator.frequency] && period.kind !== FREQUENCY_KIND[indicator.frequency]) {
    error("period", "wrong_frequency", {
      raw: row.cell("period"),
      indicator: indicator.name_zh,
      indicator_en: indicator.name_en,
      expected: indicator.frequency,
      expected_zh: FREQUENCY_ZH[indicator.frequency],
      example: FREQUENCY_EXAMPLE[indicator.frequency],
    });
  } else if (period.start > context.received) {
    error("period", "future_period", {
      period: formatPeriod(period),
      period_iso: period.start,
      received: context.received,
    });
  }

  let value: string | undefined;
  let rawUnit = "";
  const raw = row.cell("value");
  if (isBlank(raw) || NO_FIGURE.test(raw.trim())) error("value", "missing_value");
  else {
    const parsed = parseNumber(raw);
    if (!parsed) error("value", "bad_number");
    else if (indicator) {
      const column = row.cell("unit");
      if (parsed.unit && column && normaliseUnitText(parsed.unit) !== normaliseUnitText(column)) {
        error("value", "unit_conflict", { in_cell: parsed.unit, in_column: column });
      } else {
        rawUnit = parsed.unit || column;
        const unitText = rawUnit || indicator.unit_zh;
        const unitDef = lookupUnit(unitText);
        const where = parsed.unit ? "value" : "unit";
        if (!unitDef) error(where, "unknown_unit", { raw: unitText, expected: indicator.unit_zh });
        else if (unitDef.base !== indicator.base_unit) {
          error(where, "unit_mismatch", {
            raw: unitText,
            indicator: indicator.name_zh,
            indicator_en: indicator.name_en,
            expected: indicator.unit_zh,
          });
        } else if (parsed.negative) {
          error("value", "negative_value", { indicator: indicator.name_zh, indicator_en: indicator.name_en });
        } else {
          const base = convert(parsed.value, unitDef);
          if (integerDigits(base) > MAX_INTEGER_DIGITS)
            error("value", "value_out_of_range", {
              digits: String(integerDigits(base)),
              max: String(MAX_INTEGER_DIGITS),
            });
          else value = formatDecimal(base);
        }
      }
    }
  }

  if (!unit || !indicator || !period) return { kind: "measurement", problems };
  const key: RowKey = [`${unit.unit_code}|${indicator.indicator_id}`, period.start];
  if (problems.length > 0 || value === undefined) return { kind: "measurement", problems, key };
  return {
    kind: "measurement",
    problems,
    key,
    row: {
      unit_code: unit.unit_code,
      indicator_id: indicator.indicator_id,
      period: period.start,
      value,
      raw_value: raw,
      raw_unit: rawUnit,
      note: row.cell("note"),
      line: row.line,
    },
  };
}
