// The county template (报送单位,指标,统计期,数值,计量单位,备注) as each clerk fills it in, and the
// bytes Excel saves: CRLF, cells quoted only when they must be, GBK or UTF-8 with a BOM.
import { two, type Period } from "./calendar.ts";
import { encodeGbk } from "./gbk.ts";
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
}

/** [name_zh, first alias] from data/catalogue/indicators.csv, for the indicators the sample reports. */
const NAMES: Record<string, [string, string]> = {
  grain_output: ["粮食产量", "粮食总产量"],
  facility_agri_area: ["设施农业面积", "设施农业占地面积"],
  waste_public_inst_classified: ["已开展生活垃圾分类的公共机构数", "开展垃圾分类的公共机构数"],
  waste_public_inst_total: ["公共机构总数", "城区公共机构总数"],
  online_service_items: ["网上可办政务服务事项数", "网上可办事项数"],
  gov_service_items_total: ["政务服务事项总数", "政务服务事项数"],
  fishing_sea_violations: ["海洋伏季休渔期间违规捕捞渔船数", "伏季休渔违规渔船数"],
  villages_waste_covered: ["生活垃圾处置体系覆盖的行政村数", "垃圾处置体系覆盖行政村数"],
  villages_total: ["行政村总数", "行政村数"],
  waste_classified_communities: ["已实行生活垃圾分类的社区数", "开展垃圾分类的社区数"],
  waste_communities_total: ["城区社区总数", "社区总数"],
  waste_demo_streets: ["基本建成生活垃圾分类示范片区的街道数", "分类示范片区街道数"],
  agri_samples_passed: ["农产品质量安全例行监测合格样品数", "例行监测合格批次"],
  agri_samples_tested: ["农产品质量安全例行监测样品数", "例行监测抽检批次"],
  quality_peanut_area: ["优质花生种植面积", "优质花生面积"],
  high_standard_farmland_area: ["高标准农田新建和提质增效面积", "高标准农田建设面积"],
  manure_equipped_farms: ["粪污处理利用设施装备配套的规模养殖场数", "配套粪污处理设施的规模养殖场数"],
  large_scale_farms: ["规模养殖场总数", "规模养殖场数"],
  premium_fishery_area: ["精品渔业养殖面积", "精品渔业面积"],
  new_scale_coops: ["新增规模化合作社数", "新增规模化农民合作社"],
  family_farms_cultivated: ["培育家庭农场数", "家庭农场数"],
};

export function indicatorName(reporter: Reporter, indicatorId: string): string {
  const names = NAMES[indicatorId];
  if (!names) throw new Error(`no Chinese name for indicator '${indicatorId}'`);
  return names[reporter.names === "official" ? 0 : 1];
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
    indicatorName(reporter, row.indicator),
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

/** As Excel writes a row: cells with a comma, quote or line break are quoted. */
export function csvRow(cells: string[]): string {
  return cells.map((c) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(",");
}

export function encodeFile(reporter: Reporter, lines: string[][]): Uint8Array {
  const text = lines.map(csvRow).join("\r\n") + "\r\n";
  if (reporter.encoding === "gbk") return encodeGbk(text);
  return new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]);
}
