// The catalogue of targets as a reader wants it: area, document, clause, the target in words,
// the verbatim quote.
import { taskLabel } from "./generated/labels.js";
import { targetText } from "./kpi-card.js";
import { KIND, basisText } from "./status.js";

export function describeTarget(t, indicator) {
  // a task's indicator is only "完成日期": name the task itself
  if (t.comparator === "done_by") return taskLabel(t);
  return indicator
    ? `${indicator.name_zh} ${targetText(t, indicator)}`
    : `${t.indicator_id} ${t.comparator} ${t.target_value}`;
}

export function targetRows(targets, { documents, indicators, counties, doc = null, kind = null, search = "" }) {
  const docs = new Map(documents.map((d) => [d.doc_id, d]));
  const inds = new Map(indicators.map((i) => [i.indicator_id, i]));
  const units = new Map(counties.map((c) => [c.unit_code, c.name_zh]));
  const needle = search.trim();
  return targets
    .filter((t) => (doc === null || t.doc_id === doc) && (kind === null || t.kind === kind))
    .map((t) => ({
      类别: KIND[t.kind]?.zh ?? t.kind,
      领域: docs.get(t.doc_id)?.area_zh,
      文号: t.source_doc,
      条款: t.source_clause,
      目标: describeTarget(t, inds.get(t.indicator_id)),
      范围: units.get(t.scope_code) ?? t.scope_code,
      期限: t.deadline,
      期限依据: basisText("deadline", t.deadline_basis),
      原文: t.source_quote,
      责任单位: (t.responsible_units ?? []).join("、"),
      答复单位: t.owner ?? "",
      答复依据: basisText("owner", t.owner_basis),
      推定说明: t.assumption_zh ?? "",
      编目说明: t.note ?? "",
      target_id: t.target_id,
    }))
    .filter((r) => !needle || Object.values(r).some((v) => String(v ?? "").includes(needle)));
}
