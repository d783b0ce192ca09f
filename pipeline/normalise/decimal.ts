// Exact decimals for unit conversion: "1.13 万吨" must become 11300 t, not 11299.999999999998.
// A value is coefficient × 10^-exponent with a bigint coefficient; only multiplication is needed.
export interface Decimal {
  coef: bigint;
  exp: number;
}

/** Parses plain ASCII decimal text ("-1234.5"); undefined when it is not one. */
export function parseDecimal(text: string): Decimal | undefined {
  const m = /^([+-]?)(\d+)(?:\.(\d+))?$/.exec(text) ?? /^([+-]?)()\.(\d+)$/.exec(text);
  if (!m) return undefined;
  const fraction = m[3] ?? "";
  const coef = BigInt((m[2] || "0") + fraction);
  return { coef: m[1] === "-" ? -coef : coef, exp: fraction.length };
}

export function multiply(a: Decimal, b: Decimal): Decimal {
  return { coef: a.coef * b.coef, exp: a.exp + b.exp };
}

export function formatDecimal({ coef, exp }: Decimal): string {
  const negative = coef < 0n;
  const digits = (negative ? -coef : coef).toString().padStart(exp + 1, "0");
  let text = exp > 0 ? `${digits.slice(0, -exp)}.${digits.slice(-exp)}` : digits;
  if (exp > 0) text = text.replace(/\.?0+$/, "");
  return (negative && text !== "0" ? "-" : "") + text;
}

export function toNumber(d: Decimal): number {
  return Number(formatDecimal(d));
}

/** Digits before the point: what DECIMAL(20, 6), the warehouse's figure, holds at most 14 of. */
export function integerDigits({ coef, exp }: Decimal): number {
  const digits = (coef < 0n ? -coef : coef).toString();
  return Math.max(digits.replace(/^0+/, "").length - exp, 0);
}

/** The warehouse keeps a figure as DECIMAL(20, 6): 14 digits before the point, 6 after. */
export const MAX_INTEGER_DIGITS = 14;
