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

export function statusBadge(status) {
  const s = STATUS[status] ?? STATUS.no_data;
  return html`<span class="status" style="color: ${s.color}">${s.symbol} ${s.zh}</span>`;
}
