// The status language of dashboard/components/status.js (symbol + word + colour) for the
// bulletin, which is plain HTML without the page's stylesheet. A test keeps the two equal.
export interface StatusLook {
  zh: string;
  symbol: string;
  hex: string;
}

export const STATUS: Record<string, StatusLook> = {
  met: { zh: "已达标", symbol: "✔", hex: "#1a7f37" },
  on_track: { zh: "正常", symbol: "●", hex: "#2f6fbd" },
  at_risk: { zh: "关注", symbol: "▲", hex: "#b8860b" },
  off_track: { zh: "滞后", symbol: "▼", hex: "#c2410c" },
  missed: { zh: "逾期未达标", symbol: "✘", hex: "#b91c1c" },
  no_data: { zh: "无数据", symbol: "○", hex: "#6b7280" },
};

export const STATUS_ORDER = ["met", "on_track", "at_risk", "off_track", "missed", "no_data"] as const;

/** Tasks (milestone_status.status) */
export const TASK_STATUS: Record<string, StatusLook> = {
  done: { zh: "已完成", symbol: "✔", hex: "#1a7f37" },
  in_progress: { zh: "推进中", symbol: "●", hex: "#2f6fbd" },
  due_soon: { zh: "临期", symbol: "▲", hex: "#b8860b" },
  overdue: { zh: "逾期", symbol: "✘", hex: "#b91c1c" },
};

export const statusLook = (status: string): StatusLook => STATUS[status] ?? STATUS.no_data;
