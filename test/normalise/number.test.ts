import { describe, expect, it } from "vitest";
import { formatDecimal } from "../../pipeline/normalise/decimal.ts";
import { isBlank, parseNumber, toHalfWidth } from "../../pipeline/normalise/number.ts";

describe("toHalfWidth undoes a Chinese input method", () => {
  it.each([
    { text: "１２３４．５", half: "1234.5" },
    { text: "１，２３４", half: "1,234" },
    { text: "９８．５％", half: "98.5%" },
    { text: "（万亩）", half: "(万亩)" },
    { text: "3。5", half: "3.5" },
    { text: "合\u3000计", half: "合 计" },
    { text: "兴城市", half: "兴城市" },
  ])("$text → $half", ({ text, half }) => {
    expect(toHalfWidth(text)).toBe(half);
  });
});

describe("isBlank: blank means missing, never zero", () => {
  it.each([
    { cell: "", blank: true },
    { cell: "   ", blank: true },
    { cell: "\u3000", blank: true },
    { cell: "\t", blank: true },
    { cell: "0", blank: false },
    { cell: "０", blank: false },
    { cell: "-", blank: false },
  ])("%j → $blank", ({ cell, blank }) => {
    expect(isBlank(cell)).toBe(blank);
  });
});

describe("parseNumber reads a number as clerks type it, and the unit written after it", () => {
  it.each([
    { cell: "1234", value: "1234", unit: "" },
    { cell: "15.27", value: "15.27", unit: "" },
    { cell: " 15.27 ", value: "15.27", unit: "" },
    { cell: "0", value: "0", unit: "" },
    { cell: ".5", value: "0.5", unit: "" },
    { cell: "-3", value: "-3", unit: "" },
    { cell: "1,234", value: "1234", unit: "" },
    { cell: "1，234", value: "1234", unit: "" },
    { cell: "1,234,567.89", value: "1234567.89", unit: "" },
    { cell: "１２３４", value: "1234", unit: "" },
    { cell: "１５２，７０８", value: "152708", unit: "" },
    { cell: "１．１３", value: "1.13", unit: "" },
    { cell: "98.5%", value: "98.5", unit: "%" },
    { cell: "98.5％", value: "98.5", unit: "%" },
    { cell: "3.86万亩", value: "3.86", unit: "万亩" },
    { cell: "1.13 万吨", value: "1.13", unit: "万吨" },
    { cell: "128个", value: "128", unit: "个" },
    { cell: "12家", value: "12", unit: "家" },
  ])("%j → $value $unit", ({ cell, value, unit }) => {
    const parsed = parseNumber(cell);
    expect(parsed && { value: formatDecimal(parsed.value), unit: parsed.unit }).toEqual({ value, unit });
  });

  it.each([
    { cell: "-3", negative: true },
    { cell: "-0", negative: true },
    { cell: "－0.0", negative: true },
    { cell: "0", negative: false },
    { cell: "+5", negative: false },
  ])("%j is written negative: $negative (the sign as written, so -0 too)", ({ cell, negative }) => {
    expect(parseNumber(cell)?.negative).toBe(negative);
  });

  it.each([
    { cell: "", why: "blank" },
    { cell: "约120", why: "words before the number" },
    { cell: "1,23", why: "a comma that is not a thousands separator" },
    { cell: "1234,567", why: "a thousands separator in the wrong place" },
    { cell: "1.2.3", why: "two decimal points" },
    { cell: "1e5", why: "scientific notation" },
    { cell: "1e309", why: "scientific notation past a double's range" },
    { cell: "NaN", why: "not a number, as a program writes it" },
    { cell: "Infinity", why: "infinity" },
    { cell: "-Infinity", why: "minus infinity" },
    { cell: "2025-09-30", why: "a date" },
    { cell: "-", why: "a dash for no figure" },
    { cell: "—", why: "an em dash for no figure" },
    { cell: "十二", why: "Chinese numerals" },
  ])("%j is not a number ($why)", ({ cell }) => {
    expect(parseNumber(cell)).toBeUndefined();
  });
});
