// Chart titles state the finding, worked out here from the exported figures.
import { formatValue } from "./format.js";

/** "2025年全市粮食产量87.42万吨，达到80万吨目标；2020年以来6个完整年度中4年达标" */
export function annualFinding(cityRows, indicator, target) {
  const complete = cityRows.filter((d) => d.is_complete);
  const last = complete.at(-1);
  if (!last) return `${indicator.name_zh}尚无完整年度数据`;
  const met = complete.filter((d) => d.actual >= target.target_value).length;
  const verdict = last.actual >= target.target_value ? "达到" : "未达到";
  return `${last.year}年全市${indicator.name_zh}${formatValue(last.actual, indicator)}，${verdict}${formatValue(target.target_value, indicator, { digits: 0 })}目标；${complete[0].year}年以来${complete.length}个完整年度中${met}年达标`;
}

/** the unit with the largest share in the latest complete year */
export function leadingUnitFinding(unitRows, indicator, unitName) {
  const years = unitRows.filter((d) => d.is_complete).map((d) => d.year);
  const year = Math.max(...years);
  const rows = unitRows.filter((d) => d.year === year).sort((a, b) => b.actual - a.actual);
  if (rows.length === 0) return `各县区${indicator.name_zh}`;
  const total = rows.reduce((s, d) => s + d.actual, 0);
  const top = rows.slice(0, 2);
  const share = top.reduce((s, d) => s + d.actual, 0) / total;
  return `${top.map((d) => unitName(d.scope_code)).join("、")}合计占全市${indicator.name_zh}的${Math.round(share * 100)}%（${year}年）`;
}
