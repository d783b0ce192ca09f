// The ready-to-fill county template: one row per indicator a unit owes for a month, in the
// column order and names the checker expects. Pure, so the dashboard offers the same file.
import { CITY_CODE, type Catalogue, type Indicator, type Unit } from "../catalogue/types.ts";
import { FIELD_ZH, FIELDS } from "./headers.ts";

export function reportsIndicator(unit: Unit, indicator: Indicator): boolean {
  if (unit.unit_code === CITY_CODE) return indicator.reporters === "city";
  switch (indicator.reporters) {
    case "all":
      return true;
    case "counties":
      return unit.kind !== "开发区";
    case "coastal":
      return unit.coastal;
    default:
      return false;
  }
}

/** The period text for an indicator reported in month `month` (YYYY-MM), or undefined if not due. */
export function duePeriod(indicator: Indicator, month: string): string | undefined {
  const [y, m] = month.split("-").map(Number);
  if (indicator.frequency === "monthly") return month;
  if (indicator.frequency === "quarterly" && m % 3 === 0) return `${y}Q${m / 3}`;
  if (indicator.frequency === "annual" && m === 12) return String(y);
  return undefined;
}

const csvCell = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

export interface TemplateRow {
  unit: Unit;
  indicator: Indicator;
  period: string;
}

export function templateRows(catalogue: Catalogue, month: string, unitCode?: string): TemplateRow[] {
  const units = catalogue.units
    .filter((u) => !unitCode || u.unit_code === unitCode)
    .sort((a, b) => a.sort_order - b.sort_order);
  const rows: TemplateRow[] = [];
  for (const unit of units) {
    for (const indicator of catalogue.indicators) {
      const period = duePeriod(indicator, month);
      if (period && reportsIndicator(unit, indicator)) rows.push({ unit, indicator, period });
    }
  }
  return rows;
}

/** CSV text (CRLF, as Excel writes it); the caller adds a BOM so Excel opens it as UTF-8. */
export function templateCsv(rows: TemplateRow[]): string {
  const lines = [FIELDS.map((f) => FIELD_ZH[f]).join(",")];
  for (const { unit, indicator, period } of rows) {
    lines.push([unit.name_zh, indicator.name_zh, period, "", indicator.unit_zh, ""].map(csvCell).join(","));
  }
  return lines.join("\r\n") + "\r\n";
}
