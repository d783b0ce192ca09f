import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { decode, UndecodableError, type Undecodable } from "../../pipeline/ingest/decode.ts";

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

  it.each([
    { encoding: "utf-16le" as const, bom: [] },
    { encoding: "utf-16be" as const, bom: [] },
    { encoding: "utf-16le" as const, bom: [0xff, 0xfe] },
  ])("$encoding with BOM $bom: the NULs of its ASCII say the byte order", ({ encoding, bom }) => {
    const text = "报送单位,指标,统计期,数值\n兴城市,粮食产量,2025-09,15.27\n";
    const units = [...text].map((c) => c.charCodeAt(0));
    const bytes = units.flatMap((u) => (encoding === "utf-16le" ? [u & 0xff, u >> 8] : [u >> 8, u & 0xff]));
    expect(decode(new Uint8Array([...bom, ...bytes]))).toEqual({ text, encoding });
  });

  it("UTF-16 big-endian with its byte-order mark", () => {
    const bytes = new Uint8Array([0xfe, 0xff, 0x62, 0xa5, 0x90, 0x01]); // 报送
    expect(decode(bytes)).toEqual({ text: "报送", encoding: "utf-16be" });
  });
});

describe("decode: what is not CSV text", () => {
  it.each([
    { file: "workbook.xlsx", reason: "zip" },
    { file: "latin1.csv", reason: "encoding" },
  ])("$file is undecodable ($reason)", ({ file, reason }) => {
    expect(() => decode(fixture(file))).toThrow(new UndecodableError(reason as Undecodable));
  });

  it.each([
    {
      what: "a NUL inside UTF-8 text",
      bytes: [...new TextEncoder().encode("报送单位,指标\n"), 0, 0x31, 0x0a],
      reason: "nul",
    },
    {
      what: "a PDF's first bytes",
      bytes: [0x25, 0x50, 0x44, 0x46, 0x2d, 1, 2, 3, 0, 0, 0x04, 0x05, 0x06, 0x07],
      reason: "binary",
    },
    { what: "an empty zip (PK 05 06)", bytes: [0x50, 0x4b, 0x05, 0x06, 0, 0, 0, 0], reason: "zip" },
    { what: "a UTF-16 BOM before a lone surrogate", bytes: [0xff, 0xfe, 0x00, 0xd8, 0x41, 0x00], reason: "encoding" },
  ])("$what is undecodable ($reason)", ({ bytes, reason }) => {
    expect(() => decode(new Uint8Array(bytes))).toThrow(new UndecodableError(reason as Undecodable));
  });
});
