import { describe, expect, it } from "vitest";
import { excelSerialToDate, formatPeriod, parsePeriod, periodEnd } from "../../pipeline/normalise/period.ts";

describe("parsePeriod: months as clerks write them", () => {
  it.each([
    { cell: "2020-05", start: "2020-05-01" },
    { cell: "2020/5", start: "2020-05-01" },
    { cell: "2020年5月", start: "2020-05-01" },
    { cell: "202005", start: "2020-05-01" },
    { cell: "2020.05", start: "2020-05-01" },
    { cell: "2020.5", start: "2020-05-01" },
    { cell: "43952", start: "2020-05-01" },
    { cell: "45900", start: "2025-08-01" }, // 2025-08-31 as an Excel serial
    { cell: "2025/9/1", start: "2025-09-01" },
    { cell: "2020-5-31", start: "2020-05-01" },
    { cell: "2020年5月1日", start: "2020-05-01" },
    { cell: "２０２０年５月", start: "2020-05-01" },
    { cell: " 2020 年 5 月 ", start: "2020-05-01" },
    { cell: "2020-12", start: "2020-12-01" },
  ])("$cell → month from $start", ({ cell, start }) => {
    expect(parsePeriod(cell)).toEqual({ start, kind: "month" });
  });
});

describe("parsePeriod: quarters and years", () => {
  it.each([
    { cell: "2020Q2", start: "2020-04-01", kind: "quarter" },
    { cell: "2020q2", start: "2020-04-01", kind: "quarter" },
    { cell: "2020-Q2", start: "2020-04-01", kind: "quarter" },
    { cell: "2020年第二季度", start: "2020-04-01", kind: "quarter" },
    { cell: "2020年第2季度", start: "2020-04-01", kind: "quarter" },
    { cell: "2020年二季度", start: "2020-04-01", kind: "quarter" },
    { cell: "2020年第一季度", start: "2020-01-01", kind: "quarter" },
    { cell: "2020年第四季度", start: "2020-10-01", kind: "quarter" },
    { cell: "2020", start: "2020-01-01", kind: "year" },
    { cell: "2020年", start: "2020-01-01", kind: "year" },
    { cell: "２０２０", start: "2020-01-01", kind: "year" },
  ])("$cell → $kind from $start", ({ cell, start, kind }) => {
    expect(parsePeriod(cell)).toEqual({ start, kind });
  });
});

describe("parsePeriod: what is not a period", () => {
  it.each([
    { cell: "", why: "blank" },
    { cell: "上月", why: "words" },
    { cell: "5月", why: "no year" },
    { cell: "2020-13", why: "no 13th month" },
    { cell: "2020-00", why: "no month 0" },
    { cell: "2020-02-30", why: "no 30 February" },
    { cell: "202013", why: "no 13th month, run together" },
    { cell: "2020Q5", why: "no fifth quarter" },
    { cell: "2020年第五季度", why: "no fifth quarter" },
    { cell: "1989", why: "before 1990" },
    { cell: "2101", why: "after 2100" },
    { cell: "12345", why: "an Excel serial before 1990" },
    { cell: "80000", why: "an Excel serial after 2099" },
  ])("$cell ($why)", ({ cell }) => {
    expect(parsePeriod(cell)).toBeUndefined();
  });
});

describe("Excel serial dates count from 1899-12-30", () => {
  it.each([
    { serial: 43952, date: { y: 2020, m: 5, d: 1 } },
    { serial: 43831, date: { y: 2020, m: 1, d: 1 } },
    { serial: 45931, date: { y: 2025, m: 10, d: 1 } },
    { serial: 61, date: { y: 1900, m: 3, d: 1 } },
  ])("$serial → $date.y-$date.m-$date.d", ({ serial, date }) => {
    expect(excelSerialToDate(serial)).toEqual(date);
  });
});

describe("a period's last day and its name in Chinese", () => {
  it.each([
    { start: "2020-02-01", kind: "month", end: "2020-02-29", name: "2020年2月" },
    { start: "2025-09-01", kind: "month", end: "2025-09-30", name: "2025年9月" },
    { start: "2020-04-01", kind: "quarter", end: "2020-06-30", name: "2020年第二季度" },
    { start: "2020-10-01", kind: "quarter", end: "2020-12-31", name: "2020年第四季度" },
    { start: "2020-01-01", kind: "year", end: "2020-12-31", name: "2020年" },
  ] as const)("$kind from $start ends $end, named $name", ({ start, kind, end, name }) => {
    expect(periodEnd({ start, kind })).toBe(end);
    expect(formatPeriod({ start, kind })).toBe(name);
  });
});
