// Finds the header row (title rows such as "2025年10月重点指标报表" or "填报单位：…（盖章）" may
// stand above it) and maps each header cell to a template field.
import { normaliseName } from "../catalogue/lookup.ts";
import type { Field } from "../rules/fields.ts";
import type { CsvRecord } from "./parse-csv.ts";

const ALIASES: Record<Field, string[]> = {
  county: ["报送单位", "填报单位", "县区", "县(市)区", "地区", "单位名称", "county"],
  indicator: ["指标", "指标名称", "指标代码", "indicator"],
  period: ["统计期", "统计期间", "月份", "期间", "时间", "period"],
  value: ["数值", "本年累计", "期末数", "数据", "value"],
  unit: ["计量单位", "unit"],
  note: ["备注", "说明", "note"],
};

const byAlias = new Map<string, Field>(
  Object.entries(ALIASES).flatMap(([field, names]) => names.map((n) => [normaliseName(n), field as Field])),
);

export interface HeaderMap {
  /** index of the header record among the file's records */
  index: number;
  line: number;
  /** column index of each field found */
  columns: Partial<Record<Field, number>>;
  /** the header cells as written, for messages */
  names: string[];
}

function mapHeader(cells: string[]): Partial<Record<Field, number>> {
  const columns: Partial<Record<Field, number>> = {};
  const keys = cells.map((c) => normaliseName(c).replace(/[（]/g, "(").replace(/[）]/g, ")"));
  keys.forEach((key, i) => {
    const field = byAlias.get(key);
    if (field && columns[field] === undefined) columns[field] = i;
  });
  // 单位 is the unit of measure when the reporting unit has its own column, else the reporting unit.
  const bare = keys.indexOf("单位");
  if (bare >= 0) {
    if (columns.county !== undefined && columns.unit === undefined) columns.unit = bare;
    else if (columns.county === undefined) columns.county = bare;
  }
  return columns;
}

/** How many records from the top a header may be (title rows above it). */
export const HEADER_ROWS = 10;

/** The first record, within the first HEADER_ROWS, that names at least indicator, value and one more field. */
export function findHeader(records: CsvRecord[]): HeaderMap | undefined {
  for (let index = 0; index < Math.min(records.length, HEADER_ROWS); index++) {
    const columns = mapHeader(records[index].cells);
    if (columns.indicator !== undefined && columns.value !== undefined && Object.keys(columns).length >= 3) {
      return { index, line: records[index].line, columns, names: records[index].cells };
    }
  }
  return undefined;
}
