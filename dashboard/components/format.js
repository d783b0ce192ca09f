// Figures as leaders read them: in the indicator's display unit (89.54万吨, 14.64万亩, 98.5%).

/** value in base units → text in the indicator's display unit */
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
