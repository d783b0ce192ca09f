import { describe, expect, it } from "vitest";
import { formatDecimal, integerDigits, multiply, parseDecimal, toNumber } from "../../pipeline/normalise/decimal.ts";

describe("parseDecimal reads plain ASCII decimal text exactly", () => {
  it.each([
    { text: "1234", coef: 1234n, exp: 0 },
    { text: "1234.5", coef: 12345n, exp: 1 },
    { text: "0.985", coef: 985n, exp: 3 },
    { text: ".5", coef: 5n, exp: 1 },
    { text: "+3", coef: 3n, exp: 0 },
    { text: "-0.25", coef: -25n, exp: 2 },
    { text: "15.270", coef: 15270n, exp: 3 },
  ])("$text → $coef × 10^-$exp", ({ text, coef, exp }) => {
    expect(parseDecimal(text)).toEqual({ coef, exp });
  });

  it.each(["", "1,234", "1e3", "1.2.3", "１２", "12a", "-", "."])("%j is not plain decimal text", (text) => {
    expect(parseDecimal(text)).toBeUndefined();
  });
});

describe("formatDecimal writes the shortest exact text", () => {
  it.each([
    { coef: 1130000n, exp: 2, text: "11300" },
    { coef: 1000n, exp: 0, text: "1000" },
    { coef: 15270n, exp: 3, text: "15.27" },
    { coef: 5n, exp: 3, text: "0.005" },
    { coef: -5n, exp: 1, text: "-0.5" },
    { coef: 0n, exp: 2, text: "0" },
    { coef: -0n, exp: 0, text: "0" },
  ])("$coef × 10^-$exp → $text", ({ coef, exp, text }) => {
    expect(formatDecimal({ coef, exp })).toBe(text);
  });
});

describe("multiply is exact where floating point is not", () => {
  it.each([
    { a: "1.13", b: "10000", product: "11300", float: 1.13 * 10000 },
    { a: "2573.4", b: "15", product: "38601", float: 2573.4 * 15 },
    { a: "98.5", b: "0.01", product: "0.985", float: 98.5 * 0.01 },
    { a: "0.07", b: "100000000", product: "7000000", float: 0.07 * 100000000 },
  ])("$a × $b = $product (a float gives $float)", ({ a, b, product }) => {
    expect(formatDecimal(multiply(parseDecimal(a)!, parseDecimal(b)!))).toBe(product);
  });
});

describe("digits before the point and conversion to number", () => {
  it.each([
    { text: "-3", digits: 1, number: -3 },
    { text: "0", digits: 0, number: 0 },
    { text: "0.25", digits: 0, number: 0.25 },
    { text: "007.5", digits: 1, number: 7.5 },
    { text: "15.27", digits: 2, number: 15.27 },
    { text: "99999999999999.5", digits: 14, number: 99999999999999.5 },
    { text: "12345678901234567890123", digits: 23, number: 1.2345678901234568e22 },
  ])("$text: $digits digits before the point, number $number", ({ text, digits, number }) => {
    expect(integerDigits(parseDecimal(text)!)).toBe(digits);
    expect(toNumber(parseDecimal(text)!)).toBe(number);
  });
});
