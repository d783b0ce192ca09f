// The spreadsheet rule shared by `kpi sql --format csv` and the 数据查询 page's download.
import { expect, test } from "vitest";
import { csvCell, spreadsheetText, toCsv } from "../../pipeline/format/csv.ts";

test.each([
  ["=1+1", "'=1+1"],
  ["+86 123", "'+86 123"],
  ["-abc", "'-abc"],
  ["@SUM(A1)", "'@SUM(A1)"],
  ["\tx", "'\tx"],
  ["绥中县", "绥中县"],
  ["a=b", "a=b"],
  [-3, "-3"],
  [2.5, "2.5"],
  [true, "true"],
  [null, ""],
  [undefined, ""],
  [["211421", "211481"], '["211421","211481"]'],
])("spreadsheetText(%j) is %j", (value, expected) => {
  expect(spreadsheetText(value)).toBe(expected);
});

test("bigints (DuckDB-wasm counts) are numbers too", () => {
  expect(spreadsheetText(12n)).toBe("12");
});

test("a cell with a quote, comma or line break is quoted after neutralising", () => {
  expect(csvCell('=A1,"x"')).toBe(`"'=A1,""x"""`);
  expect(csvCell("a\nb")).toBe('"a\nb"');
});

test("toCsv writes a header and CRLF lines", () => {
  expect(toCsv(["a", "n"], [{ a: "-x", n: -1 }])).toBe("a,n\r\n'-x,-1\r\n");
});
