import { describe, expect, it } from "vitest";
import { readCatalogue } from "../../pipeline/catalogue/read.ts";
import { CATALOGUE_DIR } from "../../pipeline/catalogue/location.ts";
import { formatDecimal, parseDecimal } from "../../pipeline/normalise/decimal.ts";
import { convert, lookupUnit } from "../../pipeline/normalise/units.ts";

const catalogue = await readCatalogue(CATALOGUE_DIR);

describe("a value in a unit becomes the exact value in the base unit", () => {
  it.each([
    { value: "1.13", unit: "万吨", base: "t", converted: "11300" },
    { value: "152708", unit: "吨", base: "t", converted: "152708" },
    { value: "500", unit: "公斤", base: "t", converted: "0.5" },
    { value: "3.86", unit: "万亩", base: "mu", converted: "38600" },
    { value: "38600", unit: "亩", base: "mu", converted: "38600" },
    { value: "2573.4", unit: "公顷", base: "mu", converted: "38601" },
    { value: "1", unit: "hm2", base: "mu", converted: "15" },
    { value: "0.2", unit: "万公顷", base: "mu", converted: "30000" },
    { value: "98.5", unit: "%", base: "ratio", converted: "0.985" },
    { value: "100", unit: "％", base: "ratio", converted: "1" },
    { value: "128", unit: "个", base: "count", converted: "128" },
    { value: "12", unit: "家", base: "count", converted: "12" },
    { value: "7", unit: "处", base: "count", converted: "7" },
    { value: "3", unit: "起", base: "count", converted: "3" },
    { value: "4", unit: "艘", base: "count", converted: "4" },
    { value: "1260", unit: "头（只）", base: "count", converted: "1260" },
    { value: "1260", unit: "头", base: "count", converted: "1260" },
    { value: "3", unit: "名", base: "count", converted: "3" },
    { value: "12.5", unit: "万人次", base: "count", converted: "125000" },
    { value: "1.5", unit: "亿元", base: "yuan", converted: "150000000" },
    { value: "12.5", unit: "（万亩）", base: "mu", converted: "125000" },
    { value: "12.5", unit: "(万吨)", base: "t", converted: "125000" },
    { value: "2", unit: " 万吨 ", base: "t", converted: "20000" },
    { value: "2", unit: "T", base: "t", converted: "2" },
  ])("$value $unit = $converted $base", ({ value, unit, base, converted }) => {
    const def = lookupUnit(unit);
    expect(def?.base).toBe(base);
    expect(formatDecimal(convert(parseDecimal(value)!, def!))).toBe(converted);
  });

  it.each(["垧", "斤", "万", "", "tons"])("%j is not a unit we know", (unit) => {
    expect(lookupUnit(unit)).toBeUndefined();
  });
});

describe("every reported indicator's own unit is known and converts to its base unit", () => {
  // task_completion is reported as a date, not a quantity
  const quantities = catalogue.indicators.filter((i) => i.reported && i.base_unit !== "date");
  it.each(quantities.map((i) => ({ id: i.indicator_id, unit: i.unit_zh, base: i.base_unit, scale: i.display_scale })))(
    "$id: 1 $unit = $scale $base",
    ({ unit, base, scale }) => {
      const def = lookupUnit(unit);
      expect(def?.base).toBe(base);
      expect(formatDecimal(convert(parseDecimal("1")!, def!))).toBe(String(scale));
    },
  );
});
