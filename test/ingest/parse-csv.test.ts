import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { decode } from "../../pipeline/ingest/decode.ts";
import { parseCsv } from "../../pipeline/ingest/parse-csv.ts";

const records = (name: string) =>
  parseCsv(decode(readFileSync(new URL(`../fixtures/ingest/${name}`, import.meta.url))).text);

describe("parseCsv: each record starts on the line a text editor shows", () => {
  it.each([
    { file: "utf8-lf.csv", lines: [1, 2, 3, 4] },
    { file: "utf8-bom-crlf-notes.csv", lines: [1, 2, 3, 4, 6, 7] },
    { file: "utf16le-unicode-text.txt", lines: [1, 2, 3, 5] },
    { file: "gbk-excel-report.csv", lines: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13] },
  ])("$file: records on lines $lines", ({ file, lines }) => {
    expect(records(file).map((r) => r.line)).toEqual(lines);
  });
});

describe("parseCsv: RFC 4180 quoting", () => {
  const notes = records("utf8-bom-crlf-notes.csv");
  it.each([
    { line: 2, column: 3, cell: "1,234", what: "a quoted thousands separator" },
    { line: 2, column: 5, cell: "含秋粮,不含大豆", what: "a comma inside a quoted note" },
    { line: 3, column: 5, cell: '据"三调"数据核定', what: "doubled quotes inside a quoted note" },
    { line: 4, column: 5, cell: "第一行说明\r\n第二行说明", what: "a line break inside a quoted note" },
    { line: 6, column: 3, cell: "", what: "an empty cell" },
  ])("line $line: $what", ({ line, column, cell }) => {
    expect(notes.find((r) => r.line === line)?.cells[column]).toBe(cell);
  });

  it("a record whose note spans two lines still has six cells", () => {
    expect(notes.find((r) => r.line === 4)?.cells).toEqual([
      "绥中县",
      "公共机构总数",
      "2025-09",
      "96",
      "个",
      "第一行说明\r\n第二行说明",
    ]);
  });
});

describe("parseCsv: the separator is guessed", () => {
  it("tab-separated Unicode text keeps an unquoted 1,234 in one cell", () => {
    expect(records("utf16le-unicode-text.txt")[1].cells).toEqual([
      "建昌县",
      "粮食产量",
      "2025-09",
      "1,234",
      "吨",
      "含秋粮,不含大豆",
    ]);
  });

  it("Excel's empty trailing columns are kept as empty cells", () => {
    expect(records("gbk-excel-report.csv")[2].cells).toEqual([
      "报送单位",
      "指标",
      "统计期",
      "数值",
      "计量单位",
      "备注",
      "",
      "",
    ]);
  });
});

describe("parseCsv: line ends", () => {
  it.each([
    { ends: "LF", text: "a,b\n1,2\n3,4\n" },
    { ends: "CRLF", text: "a,b\r\n1,2\r\n3,4\r\n" },
    { ends: "no final line break", text: "a,b\n1,2\n3,4" },
  ])("$ends: three records on lines 1-3", ({ text }) => {
    expect(parseCsv(text)).toEqual([
      { line: 1, cells: ["a", "b"] },
      { line: 2, cells: ["1", "2"] },
      { line: 3, cells: ["3", "4"] },
    ]);
  });
});

describe("parseCsv: a long text without quotes, parsed in pieces, gives the records the whole text gives", () => {
  // over the piece size, with a blank line, a lone \n inside CRLF lines, tabs, a trailing line break;
  // the same text with a quoted record at its end is parsed whole
  const rows = Array.from({ length: 160_000 }, (_, i) =>
    i % 997 === 0
      ? ""
      : i % 1009 === 0
        ? `兴城市,粮食\n产量,2025-${(i % 12) + 1},${i}`
        : `兴城市,粮食产量,2025-${(i % 12) + 1},${i}.5,万吨,`,
  );
  it.each([
    { name: "CRLF", text: rows.join("\r\n") + "\r\n" },
    { name: "LF, tab-separated", text: rows.map((r) => r.replaceAll(",", "\t")).join("\n") },
  ])("$name", ({ text }) => {
    expect(text.length).toBeGreaterThan(4 << 20);
    const pieces = parseCsv(text);
    const whole = parseCsv(`${text}\n"整份解析"`).slice(0, -1);
    expect(pieces.length).toBeGreaterThan(100_000);
    expect(pieces).toEqual(whole);
  });
});
