// A cell as clerks type it → a plain decimal and the unit written inside it, if any.
// Handles full-width digits and punctuation (typed with a Chinese input method), thousands
// separators, percentages and units in the cell ("3.86万亩", "98.5%").
import { parseDecimal, type Decimal } from "./decimal.ts";

export interface ParsedNumber {
  value: Decimal;
  /** written with a minus sign, "-0" included (the decimal itself has no negative zero) */
  negative: boolean;
  /** unit text found in the cell after the number ("万亩", "%"), or "" */
  unit: string;
}

const WIDE = /[\uff01-\uff5e\u3000。]/;

/** Full-width ASCII (！ to ～) and the ideographic space → their ASCII forms; 。 → "." */
export function toHalfWidth(text: string): string {
  if (!WIDE.test(text)) return text; // most cells: nothing to replace, one test instead of three passes
  return text
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, " ")
    .replace(/。/g, ".");
}

export function isBlank(cell: string): boolean {
  return toHalfWidth(cell).trim() === "";
}

/** undefined when the cell holds no number a person would recognise as one */
export function parseNumber(cell: string): ParsedNumber | undefined {
  const text = toHalfWidth(cell).trim().replace(/\s+/g, "");
  const m = /^([+-]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?)(.*)$/.exec(text);
  if (!m || m[1] === "" || m[1] === "+" || m[1] === "-") return undefined;
  const value = parseDecimal(m[1].replace(/,/g, ""));
  if (!value) return undefined;
  const unit = m[2];
  // whatever follows the number must look like a unit, not more digits or words with digits
  if (/\d/.test(unit)) return undefined;
  return { value, unit, negative: m[1].startsWith("-") };
}
