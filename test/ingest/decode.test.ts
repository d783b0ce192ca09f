import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { decode, UndecodableError } from "../../pipeline/ingest/decode.ts";

const fixture = (name: string) => readFileSync(new URL(`../fixtures/ingest/${name}`, import.meta.url));

describe("decode: the encodings Excel writes", () => {
  it.each([
    { file: "utf8-lf.csv", encoding: "utf-8", start: "报送单位,指标,统计期" },
    { file: "utf8-bom-crlf-notes.csv", encoding: "utf-8-bom", start: "报送单位,指标,统计期" },
    { file: "gbk-excel-report.csv", encoding: "gb18030", start: "2025年9月乡村产业振兴重点指标报表" },
    { file: "utf16le-unicode-text.txt", encoding: "utf-16le", start: "报送单位\t指标\t统计期" },
    { file: "header-english.csv", encoding: "utf-8", start: "county,indicator,period" },
  ])("$file is $encoding, its byte-order mark dropped", ({ file, encoding, start }) => {
    const decoded = decode(fixture(file));
    expect(decoded.encoding).toBe(encoding);
    expect(decoded.text.startsWith(start)).toBe(true);
  });

  it("the GBK fixture really is GBK: invalid as UTF-8", () => {
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(fixture("gbk-excel-report.csv"))).toThrow();
  });

  it("UTF-16 big-endian with its byte-order mark", () => {
    const bytes = new Uint8Array([0xfe, 0xff, 0x62, 0xa5, 0x90, 0x01]); // 报送
    expect(decode(bytes)).toEqual({ text: "报送", encoding: "utf-16be" });
  });
});

describe("decode: what is not CSV text", () => {
  it.each([
    { file: "workbook.xlsx", reason: "binary" },
    { file: "latin1.csv", reason: "encoding" },
  ])("$file is undecodable ($reason)", ({ file, reason }) => {
    expect(() => decode(fixture(file))).toThrow(new UndecodableError(reason));
  });
});
