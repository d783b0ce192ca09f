import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { decode } from "../../pipeline/ingest/decode.ts";
import { findHeader } from "../../pipeline/ingest/headers.ts";
import { parseCsv } from "../../pipeline/ingest/parse-csv.ts";

const header = (name: string) =>
  findHeader(parseCsv(decode(readFileSync(new URL(`../fixtures/ingest/${name}`, import.meta.url))).text));

const TEMPLATE = { county: 0, indicator: 1, period: 2, value: 3, unit: 4, note: 5 };

describe("findHeader maps each header cell to a field", () => {
  it.each([
    { file: "utf8-lf.csv", line: 1, columns: TEMPLATE, written: "报送单位,指标,统计期,数值,计量单位,备注" },
    { file: "gbk-excel-report.csv", line: 3, columns: TEMPLATE, written: "title rows above, empty columns after" },
    { file: "header-english.csv", line: 1, columns: TEMPLATE, written: "county,indicator,period,value,unit,note" },
    {
      file: "header-unit-of-measure.csv",
      line: 1,
      columns: TEMPLATE,
      written: "报送单位,指标名称,月份,数值,单位,备注",
    },
    {
      file: "header-county-as-unit.csv",
      line: 1,
      columns: { county: 0, indicator: 1, period: 2, value: 3, note: 4 },
      written: "单位,指标代码,期间,数值,备注",
    },
    {
      file: "header-county-district.csv",
      line: 1,
      columns: { county: 0, indicator: 1, period: 2, value: 3, unit: 4 },
      written: "县区,指标,统计期,数值,单位",
    },
    { file: "header-region.csv", line: 1, columns: TEMPLATE, written: "地区,指标名称,期间,本年累计,计量单位,说明" },
    {
      file: "missing-column.csv",
      line: 2,
      columns: { county: 0, indicator: 1, value: 2, unit: 3, note: 4 },
      written: "报送单位,指标,数值,计量单位,备注",
    },
  ])("$file ($written): line $line", ({ file, line, columns }) => {
    const found = header(file);
    expect(found && { line: found.line, index: found.index, columns: found.columns }).toEqual({
      line,
      index: line - 1,
      columns,
    });
  });

  it("no-header.csv: data rows only, no header", () => {
    expect(header("no-header.csv")).toBeUndefined();
  });

  it("keeps the header cells as written, for messages", () => {
    expect(header("header-region.csv")?.names).toEqual(["地区", "指标名称", "期间", "本年累计", "计量单位", "说明"]);
  });
});
