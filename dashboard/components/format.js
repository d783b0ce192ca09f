// Figures as leaders read them: in the indicator's display unit (89.54万吨, 14.64万亩, 98.5%).

/** value in base units → text in the indicator's display unit */
/** the city's own unit code: its figures are the totals, not one of the units compared */
export const CITY = "211400";

export function formatValue(value, indicator, { digits = 2 } = {}) {
  if (value == null) return "—";
  const scaled = value / indicator.display_scale;
  const text =
    indicator.unit_zh === "%" ? scaled.toFixed(1) : scaled.toLocaleString("zh-CN", { maximumFractionDigits: digits });
  return `${text}${indicator.unit_zh}`;
}

export function formatPct(ratio) {
  return ratio == null ? "—" : `${(ratio * 100).toFixed(1)}%`;
}

export function unitName(counties, code) {
  return counties.find((c) => c.unit_code === code)?.name_zh ?? code;
}

/** an axis number: at most one decimal, Chinese digit grouping */
export const tickText = (d) => d.toLocaleString("zh-CN", { maximumFractionDigits: 1 });

/** a year on an axis: 2024年, or on a narrow chart 2024 (a two-digit "24年" would read as 24 years) */
export const yearText = (year, narrow = false) => (narrow ? String(year) : `${year}年`);
