// The county template's columns: what every rule reads a row by, and the Chinese heading of each.
export const FIELDS = ["county", "indicator", "period", "value", "unit", "note"] as const;
export type Field = (typeof FIELDS)[number];

export const FIELD_ZH: Record<Field, string> = {
  county: "报送单位",
  indicator: "指标",
  period: "统计期",
  value: "数值",
  unit: "计量单位",
  note: "备注",
};
