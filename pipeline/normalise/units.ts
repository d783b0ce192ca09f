// Units as written → the base unit and the exact factor to it. 1 公顷 = 15 亩.
import { memoised } from "./memo.ts";
import { multiply, parseDecimal, type Decimal } from "./decimal.ts";
import { toHalfWidth } from "./number.ts";

interface UnitDef {
  base: string;
  factor: string;
}

const UNITS: Record<string, UnitDef> = {
  吨: { base: "t", factor: "1" },
  t: { base: "t", factor: "1" },
  万吨: { base: "t", factor: "10000" },
  千克: { base: "t", factor: "0.001" },
  公斤: { base: "t", factor: "0.001" },
  kg: { base: "t", factor: "0.001" },
  亩: { base: "mu", factor: "1" },
  万亩: { base: "mu", factor: "10000" },
  公顷: { base: "mu", factor: "15" },
  hm2: { base: "mu", factor: "15" },
  ha: { base: "mu", factor: "15" },
  万公顷: { base: "mu", factor: "150000" },
  个: { base: "count", factor: "1" },
  家: { base: "count", factor: "1" },
  处: { base: "count", factor: "1" },
  项: { base: "count", factor: "1" },
  件: { base: "count", factor: "1" },
  所: { base: "count", factor: "1" },
  座: { base: "count", factor: "1" },
  艘: { base: "count", factor: "1" },
  条: { base: "count", factor: "1" },
  户: { base: "count", factor: "1" },
  人: { base: "count", factor: "1" },
  起: { base: "count", factor: "1" },
  票: { base: "count", factor: "1" },
  种: { base: "count", factor: "1" },
  人次: { base: "count", factor: "1" },
  // livestock, as the statistics count it: 头（只）
  头: { base: "count", factor: "1" },
  只: { base: "count", factor: "1" },
  "头(只)": { base: "count", factor: "1" },
  // a rank (第3名): a count of places
  名: { base: "count", factor: "1" },
  万人次: { base: "count", factor: "10000" },
  "%": { base: "ratio", factor: "0.01" },
  元: { base: "yuan", factor: "1" },
  万元: { base: "yuan", factor: "10000" },
  亿元: { base: "yuan", factor: "100000000" },
  天: { base: "day", factor: "1" },
  日: { base: "day", factor: "1" },
  工作日: { base: "day", factor: "1" },
  个工作日: { base: "day", factor: "1" },
};

export const KNOWN_UNITS = Object.keys(UNITS);

export const normaliseUnitText = memoised((text: string): string =>
  toHalfWidth(text)
    .trim()
    .replace(/\s+/g, "")
    .replace(/^（(.*)）$/, "$1")
    .replace(/^\((.*)\)$/, "$1"),
);

/** undefined for a unit we do not know */
export function lookupUnit(text: string): UnitDef | undefined {
  const key = normaliseUnitText(text);
  return UNITS[key] ?? UNITS[key.toLowerCase()];
}

export function convert(value: Decimal, unit: UnitDef): Decimal {
  return multiply(value, parseDecimal(unit.factor)!);
}
