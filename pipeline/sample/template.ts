// The county template (报送单位,指标,统计期,数值,计量单位,备注) as each clerk fills it in, and the
// bytes Excel saves: CRLF, cells quoted only when they must be, GBK or UTF-8 with a BOM.
import { two, type Period } from "./calendar.ts";
import { encodeGbk } from "./gbk.ts";
import { indicatorOf } from "./catalogue.ts";
import type { Reporter } from "./reporters.ts";

export const HEADER = ["报送单位", "指标", "统计期", "数值", "计量单位", "备注"];

/** One row of a report before the clerk's habits are applied. */
export interface SampleRow {
  indicator: string;
  period: Period;
  /** the value cell as written */
  value: string;
  /** the 计量单位 cell as written */
  unit: string;
  note?: string;
  /** a task or milestone row: indicator is the target_id, value the completion date, note the evidence */
  task?: boolean;
}

/** The indicator's official name, or the first alias the catalogue lists (what this clerk writes). */
export function indicatorName(reporter: Reporter, indicatorId: string): string {
  const indicator = indicatorOf(indicatorId);
  if (reporter.names === "official" || indicator.aliases.length === 0) return indicator.name_zh;
  return indicator.aliases[0];
}

export function periodText(reporter: Reporter, period: Period): string {
  if (reporter.periodStyle === "dash") {
    if (period.kind === "month") return `${period.y}-${two(period.m)}`;
    if (period.kind === "quarter") return `${period.y}Q${period.q}`;
    return String(period.y);
  }
  if (period.kind === "month") return `${period.y}年${period.m}月`;
  if (period.kind === "quarter") return `${period.y}年第${"一二三四"[period.q - 1]}季度`;
  return `${period.y}年`;
}

export function cells(reporter: Reporter, row: SampleRow): string[] {
  return [
    reporter.writesAs,
    row.task ? row.indicator : indicatorName(reporter, row.indicator),
    periodText(reporter, row.period),
    row.value,
    row.unit,
    row.note ?? "",
  ];
}

/** 1234567 → "1,234,567", as Excel's 千位分隔符 format shows it (not locale-dependent). */
export function grouped(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** A weight in tonnes, in the clerk's unit: [value, unit]. */
export function weight(reporter: Reporter, tonnes: number): [string, string] {
  return reporter.weightUnit === "万吨" ? [(tonnes / 10000).toFixed(2), "万吨"] : [grouped(tonnes), "吨"];
}

/** An area in mu, in the clerk's unit: [value, unit]. 1 公顷 = 15 亩. */
export function area(reporter: Reporter, mu: number): [string, string] {
  if (reporter.areaUnit === "万亩") return [(mu / 10000).toFixed(2), "万亩"];
  if (reporter.areaUnit === "亩") return [grouped(mu), "亩"];
  return [String(Math.round(mu / 15)), "公顷"];
}

export function count(reporter: Reporter, n: number, unit = "个"): [string, string] {
  return [String(n), reporter.countUnit === "" ? "" : unit];
}

/** Money in yuan: 亿元 (two decimals), or 万元 with thousands separators for the clerks who write 吨. */
export function money(reporter: Reporter, yuan: number): [string, string] {
  return reporter.weightUnit === "万吨" ? [(yuan / 1e8).toFixed(2), "亿元"] : [grouped(yuan / 1e4), "万元"];
}

/** A count shown in 万 (万人次): one decimal; the unit is always typed, it is not the default 个. */
export function tenThousands(n: number, unit: string): [string, string] {
  return [(n / 10000).toFixed(1), unit];
}

/** A small area the catalogue shows in 亩 (herbal medicine): 亩, or whole 公顷 for the 公顷 clerk. */
export function smallArea(reporter: Reporter, mu: number): [string, string] {
  return reporter.areaUnit === "公顷" ? [String(Math.round(mu / 15)), "公顷"] : [grouped(mu), "亩"];
}

/** As Excel writes a row: cells with a comma, quote or line break are quoted. */
export function csvRow(cells: string[]): string {
  return cells.map((c) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(",");
}

export function encodeFile(reporter: Reporter, lines: string[][]): Uint8Array {
  const text = lines.map(csvRow).join("\r\n") + "\r\n";
  if (reporter.encoding === "gbk") return encodeGbk(text);
  return new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]);
}
