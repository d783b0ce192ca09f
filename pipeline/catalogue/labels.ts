// Short Chinese names for catalogue entries that have only an id, so a clerk's message never shows
// an internal id alone. Indicators have name_zh; a task (a done_by target) has only its clause and
// its verbatim quote, so its label is made from those. Pure: the rules call these while checking.
import { CITY_CODE, type Target } from "./types.ts";

/** the numbering that starts a clause or a quote: 四、 （二） 1. 2． （1） 第十三条 */
const NUMBERING =
  /^(?:\s|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[.．]|第[一二三四五六七八九十百\d]+条)+/;

/** the longest label, in characters: a message stays one readable sentence */
export const TASK_LABEL_MAX = 24;

/**
 * A task's short name, at most `max` characters and an ellipsis: the words of its clause
 * ("四、（二）1.（1）开展自查" → "开展自查"), else the start of its quote ("（一）安排部署（2020年4月底前完成）"
 * → "安排部署（2020年4月底前完成）"). The dashboard shows the same names (from the browser bundle).
 */
export function taskLabel(
  target: Pick<Target, "target_id"> & Partial<Pick<Target, "source_clause" | "source_quote">>,
  max = TASK_LABEL_MAX,
): string {
  const words = (target.source_clause ?? "").replace(NUMBERING, "").trim();
  const quote = (target.source_quote ?? "").replace(NUMBERING, "").trim();
  // a clause of numbering only ("二、（五）") or a stray word or two says nothing: use the quote
  const text = words.length >= 3 ? words : quote || target.target_id;
  return [...text].length > max ? `${[...text].slice(0, max).join("")}…` : text;
}

const leadsOf = (target: { lead_unit?: string | null }) =>
  (target.lead_unit ?? "")
    .split("|")
    .map((s) => s.trim())
    .filter(Boolean);

/**
 * Who reports a task, as a clerk's message names it: its lead departments ("市信息中心|市政府办" →
 * "市信息中心、市政府办"), else a county's own government by name (`unitName` maps a unit code to its
 * name_zh), else for the city its departments (市直有关部门).
 */
export function taskLead(
  target: { lead_unit?: string | null; scope_code: string },
  unitName: (code: string) => string,
): string {
  const leads = leadsOf(target);
  if (leads.length > 0) return leads.join("、");
  return target.scope_code === CITY_CODE ? "市直有关部门" : unitName(target.scope_code);
}

/**
 * Who answers for a task in the bulletin and on the overview: its lead departments, else the
 * responsible units the document names (各县（市）区政府…), else whoever reports it.
 */
export function taskOwners(
  target: { lead_unit?: string | null; responsible_units?: string[] | null; scope_code: string },
  unitName: (code: string) => string,
): string {
  const owners = leadsOf(target).length > 0 ? leadsOf(target) : (target.responsible_units ?? []).filter(Boolean);
  return owners.length > 0 ? owners.join("、") : taskLead(target, unitName);
}

/** A submission's status (submissions.status) in a clerk's words, on the command line and the dashboard alike. */
export const SUBMISSION_STATUS_ZH = {
  accepted: "✔ 全部接收",
  partial: "◐ 部分接收",
  rejected: "✘ 整份拒收",
  unusable: "✘ 无法读取",
} as const;
