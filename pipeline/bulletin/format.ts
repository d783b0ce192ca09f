// Figures as the bulletin prints them: in the indicator's display unit (89.54万吨, 98.5%), months
// and dates in Chinese. Same rules as dashboard/components/format.js.
export interface DisplayUnit {
  unit_zh: string;
  display_scale: number;
}

const num = (value: unknown): number | null => (value == null || value === "" ? null : Number(value));

export function formatValue(value: unknown, indicator: DisplayUnit, digits = 2): string {
  const n = num(value);
  if (n == null || Number.isNaN(n)) return "—";
  const scaled = n / indicator.display_scale;
  if (indicator.unit_zh === "%") return `${scaled.toFixed(1)}%`;
  return `${scaled.toLocaleString("zh-CN", { maximumFractionDigits: digits })}${indicator.unit_zh}`;
}

export function formatPct(ratio: unknown): string {
  const n = num(ratio);
  return n == null || Number.isNaN(n) ? "—" : `${(n * 100).toFixed(1)}%`;
}

/** "2025-10" or "2025-10-01" → "2025年10月" */
export function monthZh(period: string): string {
  const [y, m] = period.split("-");
  return `${y}年${Number(m)}月`;
}

/** A period's first day as its frequency names it: 2025年, 2026年三季度, 2026年10月 */
export function periodZh(period: string, frequency?: string): string {
  const [y, m] = period.split("-").map(Number);
  if (frequency === "annual") return `${y}年`;
  if (frequency === "quarterly") return `${y}年${"一二三四"[Math.floor((m - 1) / 3)]}季度`;
  return monthZh(period);
}

/** "2025-12-31" → "2025年12月31日" */
export function dateZh(date: string): string {
  const [y, m, d] = date.slice(0, 10).split("-");
  return `${y}年${Number(m)}月${Number(d)}日`;
}

/** An instant → its calendar day in China (UTC+8), YYYY-MM-DD */
export function chinaDay(instant: Date): string {
  return new Date(instant.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** "甲、乙、丙等5个" when the list is long */
export function nameList(names: string[], max = 6): string {
  if (names.length <= max) return names.join("、");
  return `${names.slice(0, max).join("、")}等${names.length}个`;
}
