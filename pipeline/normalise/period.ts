// A period as clerks write it → its first day and its kind. Accepts 2020-05, 2020/5, 2020年5月,
// 202005, 2020.05, whole dates (2025/9/1), Excel serial dates (43952), quarters (2020Q2,
// 2020年第二季度) and years (2020, 2020年).
import { memoised } from "./memo.ts";
import { toHalfWidth } from "./number.ts";

export type PeriodKind = "month" | "quarter" | "year";

export interface Period {
  /** first day, YYYY-MM-DD */
  start: string;
  kind: PeriodKind;
}

const CHINESE_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 1: 1, 2: 2, 3: 3, 4: 4 };

const pad = (n: number) => String(n).padStart(2, "0");
const month = (y: number, m: number): Period | undefined =>
  m >= 1 && m <= 12 && y >= 1990 && y <= 2100 ? { start: `${y}-${pad(m)}-01`, kind: "month" } : undefined;
const quarter = (y: number, q: number): Period | undefined =>
  q >= 1 && q <= 4 && y >= 1990 && y <= 2100 ? { start: `${y}-${pad(q * 3 - 2)}-01`, kind: "quarter" } : undefined;

export function validDay(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** Excel's day 1 is 1900-01-01, counting the 1900-02-29 that never was: day 0 is 1899-12-30. */
export function excelSerialToDate(serial: number): { y: number; m: number; d: number } {
  const date = new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000);
  return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate() };
}

/** "2020-05-01 00:00:00" (a date cell Excel exported with its time) → "2020-05-01"; 5月份 → 5月 */
function stripClutter(cell: string): string {
  return toHalfWidth(cell)
    .trim()
    .replace(/[ T]0?0:00(:00(\.0+)?)?$/, "")
    .replace(/\s+/g, "")
    .replace(/月份$/, "月");
}

function readPeriod(cell: string): Period | undefined {
  const text = stripClutter(cell);
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})(?:年)?$/.exec(text))) {
    const y = Number(m[1]);
    return y >= 1990 && y <= 2100 ? { start: `${y}-01-01`, kind: "year" } : undefined;
  }
  if ((m = /^(\d{4})[-/.]?Q([1-4])$/i.exec(text)) || (m = /^(\d{4})年?第?([一二三四1-4])季度?$/.exec(text))) {
    return quarter(Number(m[1]), CHINESE_DIGITS[m[2]]);
  }
  if ((m = /^(\d{4})(\d{2})$/.exec(text))) return month(Number(m[1]), Number(m[2]));
  if ((m = /^(\d{4})[-/.年](\d{1,2})月?$/.exec(text))) return month(Number(m[1]), Number(m[2]));
  if ((m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text))) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return validDay(y, mo, d) ? month(y, mo) : undefined;
  }
  if ((m = /^(\d{5})(?:\.0+)?$/.exec(text))) {
    const serial = Number(m[1]);
    if (serial < 32874 || serial > 73051) return undefined; // 1990 … 2099
    const { y, m: mo } = excelSerialToDate(serial);
    return month(y, mo);
  }
  return undefined;
}

/** Last instant of a period, as a YYYY-MM-DD of its last day. */
export function periodEnd({ start, kind }: Period): string {
  const [y, m] = start.split("-").map(Number);
  const months = kind === "month" ? 1 : kind === "quarter" ? 3 : 12;
  const last = new Date(Date.UTC(y, m - 1 + months, 0));
  return last.toISOString().slice(0, 10);
}

export function formatPeriod({ start, kind }: Period): string {
  const [y, m] = start.split("-").map(Number);
  if (kind === "year") return `${y}年`;
  if (kind === "quarter") return `${y}年第${"一二三四"[(m - 1) / 3]}季度`;
  return `${y}年${m}月`;
}

/** A calendar date as clerks write it → YYYY-MM-DD: 2020-06-30, 2020/6/30, 2020年6月30日, 2020.6.30, 20200630, Excel serial. */
export function parseDate(cell: string): string | undefined {
  const text = stripClutter(cell);
  let m: RegExpExecArray | null;
  let y: number, mo: number, d: number;
  if ((m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text)) || (m = /^(\d{4})(\d{2})(\d{2})$/.exec(text))) {
    [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  } else if ((m = /^(\d{5})(?:\.0+)?$/.exec(text))) {
    const serial = Number(m[1]);
    if (serial < 32874 || serial > 73051) return undefined;
    ({ y, m: mo, d } = excelSerialToDate(serial));
  } else return undefined;
  if (y < 1990 || y > 2100 || !validDay(y, mo, d)) return undefined;
  return `${y}-${pad(mo)}-${pad(d)}`;
}

/** The period a cell names (the same object for the same cell: never to be changed by a caller). */
export const parsePeriod: (cell: string) => Period | undefined = memoised(readPeriod);
