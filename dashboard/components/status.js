// The one place that says how a status looks: a symbol and a word beside the colour, so status
// is never told by colour alone (print, colour-blind readers).
import { html } from "htl";
import { VOCABULARY } from "./generated/vocabulary.js";

// The words, symbols, colours and order come from the marts' vocabulary (the one definition:
// pipeline/sql/00_schema/04_vocabulary.sql, generated into ./generated/vocabulary.js); the matrix
// cells add a light tint of each reporting state.
const TINT = { on_time: "#e6f4ea", late: "#fdf3d7", missing: "#fde2e2", not_due: "#f3f4f6" };

/** one domain of the vocabulary: code → {zh, en, symbol, color, hex (the same), bg}, in its order */
function domain(name) {
  return Object.fromEntries(
    VOCABULARY.filter((v) => v.domain === name).map((v) => [
      v.code,
      { zh: v.zh, en: v.en, symbol: v.symbol, color: v.color, hex: v.color, bg: TINT[v.code] },
    ]),
  );
}

export const STATUS = domain("status");

export const STATUS_ORDER = Object.keys(STATUS);

/** status codes, the worst first (逾期未达标 → 滞后 → 关注 → 正常 → 已达标 → 无数据) */
export const SEVERITY = VOCABULARY.filter((v) => v.domain === "status")
  .sort((a, b) => (a.severity ?? 0) - (b.severity ?? 0))
  .map((v) => v.code);

/** one look ({zh, symbol, color}) as a badge: symbol and word in the status colour */
const badge = (look) => html`<span class="status" style="color: ${look.color}">${look.symbol} ${look.zh}</span>`;

export const statusBadge = (status) => badge(STATUS[status] ?? STATUS.no_data);

// Tasks and milestones (milestone_status.status; done late is a view of done, rpt_task_moments.task_view).
export const TASK_STATUS = domain("task_status");

export const TASK_ORDER = Object.keys(TASK_STATUS);

/** a milestone_status row → its TASK_STATUS key (done late is told apart) */
export const taskKey = (m) => (m.status === "done" && m.completed_late ? "done_late" : m.status);

export const taskBadge = (key) => badge(TASK_STATUS[key] ?? TASK_STATUS.in_progress);

// The result at the deadline (kpi_current.deadline_result).
export const DEADLINE_STATUS = domain("deadline_result");

export const deadlineBadge = (key) => badge(DEADLINE_STATUS[key] ?? DEADLINE_STATUS.no_data);

// Reporting discipline (reporting_completeness): one language for the matrix, the charts and the unit pages.
export const REPORT_STATUS = domain("report_status");

// What a commitment is (targets.kind), how its rule reads (targets.comparator), and how its
// deadline, owner and value were set (targets.deadline_basis, owner_basis, value_basis).
export const KIND = domain("target_kind");

export const KIND_ORDER = Object.keys(KIND);

export const kindBadge = (kind) =>
  html`<span class="kind" title=${KIND[kind]?.en ?? ""}>${KIND[kind]?.symbol ?? ""} ${KIND[kind]?.zh ?? kind}</span>`;

export const COMPARATOR = domain("comparator");

export const BASIS = { deadline: domain("deadline_basis"), owner: domain("owner_basis"), value: domain("value_basis") };

/** how a deadline, owner or value was set, in the vocabulary's words: "※推定", "规划期限" ("" for an unknown code) */
export function basisText(field, code) {
  const look = BASIS[field][code];
  return look ? `${look.symbol}${look.zh}` : "";
}

/** a deadline with how it was set, unless printed: 2025-12-31 and below it 规划期限 / ※推定 */
export function deadlineCell(target) {
  if (!target?.deadline || !BASIS.deadline[target.deadline_basis] || target.deadline_basis === "printed")
    return target?.deadline ?? "";
  return html`${target.deadline}<br /><small class="basis">${basisText("deadline", target.deadline_basis)}</small>`;
}
