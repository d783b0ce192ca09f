// Chart titles state the finding, worked out here from the exported figures.
import { formatPct, formatValue } from "./format.js";
import { deadlineNote } from "./kpi-card.js";
import { periodLabel } from "./pick.js";

/**
 * "2025年全市粮食产量87.42万吨，达到80万吨目标；2020年以来6个完整年度中4年达标": whether a year met
 * the target is its status in kpi_status (`statusByYear`: year → status of its December), which
 * knows the target's comparator
 */
export function annualFinding(cityRows, indicator, target, statusByYear) {
  const complete = cityRows.filter((d) => d.is_complete);
  const last = complete.at(-1);
  if (!last) return `${indicator.name_zh}尚无完整年度数据`;
  const met = complete.filter((d) => statusByYear.get(d.year) === "met").length;
  const verdict = statusByYear.get(last.year) === "met" ? "达到" : "未达到";
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

/** a kpi_current row in one sentence: "设施农业面积2026年10月为20.63万亩，完成率103.2%，已达标；逾期达标（2026年4月）" */
export function trajectoryFinding(row, indicator) {
  if (row.actual == null) return `${indicator.name_zh}尚无数据`;
  const pct = row.pct_of_target == null ? "" : `，完成率${(row.pct_of_target * 100).toFixed(1)}%`;
  const note = deadlineNote(row, indicator);
  // the deadline's word only when it adds to the status ("逾期未达标；逾期未达标" says it twice)
  const repeats = row.deadline_result_zh === row.status_zh && !note;
  const final = row.deadline_result && !repeats ? `；${row.deadline_result_zh}${note ? `（${note}）` : ""}` : "";
  return `${indicator.name_zh}${periodLabel(row.latest_period, indicator.frequency)}为${formatValue(row.actual, indicator)}${pct}，${row.status_zh}${final}`;
}

/**
 * units as rpt_unit_rankings ranks them, in one sentence: the first and the last place, said as the
 * mart's basis has it (a ceiling ranks the lowest first; a share of each unit's own target is a 完成率)
 */
export function unitsFinding(ranked, indicator, counties) {
  const name = (code) => counties.find((c) => c.unit_code === code)?.name_zh ?? code;
  if (ranked.length === 0) return `各县区${indicator.name_zh}尚无数据`;
  const first = ranked[0];
  const last = ranked.at(-1);
  const shown = (d) =>
    d.basis === "share_of_target" ? `完成率${formatPct(d.pct_of_target)}` : formatValue(d.actual, indicator);
  if (ranked.length === 1 || first.ranked_value === last.ranked_value)
    return `各县区${indicator.name_zh}均为${shown(first)}`;
  const [best, worst] = first.lower_is_better ? ["最低", "最高"] : ["最高", "最低"];
  const what = first.basis === "share_of_target" ? "完成率" : "";
  return `${name(first.scope_code)}${what}${best}（${shown(first)}），${name(last.scope_code)}${what}${worst}（${shown(last)}）`;
}
