// The one place that says how a status looks: a symbol and a word beside the colour, so status
// is never told by colour alone (print, colour-blind readers).
import { html } from "htl";

export const STATUS = {
  met: { zh: "已达标", en: "met", symbol: "✔", color: "var(--status-met)", hex: "#1a7f37" },
  on_track: { zh: "正常", en: "on track", symbol: "●", color: "var(--status-on-track)", hex: "#2f6fbd" },
  at_risk: { zh: "关注", en: "at risk", symbol: "▲", color: "var(--status-at-risk)", hex: "#b8860b" },
  off_track: { zh: "滞后", en: "off track", symbol: "▼", color: "var(--status-off-track)", hex: "#c2410c" },
  missed: { zh: "逾期未达标", en: "missed", symbol: "✘", color: "var(--status-missed)", hex: "#b91c1c" },
  no_data: { zh: "无数据", en: "no data", symbol: "○", color: "var(--status-no-data)", hex: "#6b7280" },
};

export const STATUS_ORDER = ["met", "on_track", "at_risk", "off_track", "missed", "no_data"];

/** one look ({zh, symbol, color}) as a badge: symbol and word in the status colour */
const badge = (look) => html`<span class="status" style="color: ${look.color}">${look.symbol} ${look.zh}</span>`;

export const statusBadge = (status) => badge(STATUS[status] ?? STATUS.no_data);

// Tasks and milestones (milestone_status.status): the same symbols and colours, in task words.
export const TASK_STATUS = {
  done: { zh: "已完成", symbol: "✔", color: "var(--status-met)", hex: "#1a7f37" },
  done_late: { zh: "逾期完成", symbol: "✔", color: "var(--status-off-track)", hex: "#c2410c" },
  in_progress: { zh: "推进中", symbol: "●", color: "var(--status-on-track)", hex: "#2f6fbd" },
  due_soon: { zh: "临期", symbol: "▲", color: "var(--status-at-risk)", hex: "#b8860b" },
  overdue: { zh: "逾期", symbol: "✘", color: "var(--status-missed)", hex: "#b91c1c" },
  no_data: { zh: "无数据", symbol: "○", color: "var(--status-no-data)", hex: "#6b7280" },
};

export const TASK_ORDER = ["overdue", "due_soon", "in_progress", "done_late", "done"];

/** a milestone_status row → its TASK_STATUS key (done late is told apart) */
export const taskKey = (m) => (m.status === "done" && m.completed_late ? "done_late" : m.status);

export const taskBadge = (key) => badge(TASK_STATUS[key] ?? TASK_STATUS.in_progress);

// The result at the deadline (kpi_current.deadline_result): met late in the words and colours
// tasks use for done late; a hold that missed a year between the two.
export const DEADLINE_STATUS = {
  met: { zh: "按期达标", symbol: "✔", color: "var(--status-met)", hex: "#1a7f37" },
  met_late: { zh: "逾期达标", symbol: "✔", color: "var(--status-off-track)", hex: "#c2410c" },
  missed_years: { zh: "部分年度未达标", symbol: "◐", color: "var(--status-off-track)", hex: "#c2410c" },
  missed: { zh: "逾期未达标", symbol: "✘", color: "var(--status-missed)", hex: "#b91c1c" },
  no_data: { zh: "无数据", symbol: "○", color: "var(--status-no-data)", hex: "#6b7280" },
};

export const deadlineBadge = (key) => badge(DEADLINE_STATUS[key] ?? DEADLINE_STATUS.no_data);

// Reporting discipline (reporting_completeness): one language for the matrix, the charts and the unit pages.
export const REPORT_STATUS = {
  on_time: { zh: "按时", symbol: "✔", color: "var(--status-met)", hex: "#1a7f37", bg: "#e6f4ea" },
  late: { zh: "迟报", symbol: "◐", color: "var(--status-at-risk)", hex: "#b8860b", bg: "#fdf3d7" },
  missing: { zh: "漏报", symbol: "✘", color: "var(--status-missed)", hex: "#b91c1c", bg: "#fde2e2" },
  not_due: { zh: "未到期", symbol: "…", color: "var(--status-no-data)", hex: "#9ca3af", bg: "#f3f4f6" },
};
