// Who reports what: the one definition, used by the template and loaded into the warehouse as
// reporting_duties for the KPI marts (units expected in a city total, reporting completeness).
import { CITY_CODE, type Catalogue, type Indicator, type Unit } from "./types.ts";

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

export function reportingDuties(catalogue: Catalogue): { unit_code: string; indicator_id: string }[] {
  return catalogue.units.flatMap((unit) =>
    catalogue.indicators
      .filter((indicator) => reportsIndicator(unit, indicator))
      .map((indicator) => ({ unit_code: unit.unit_code, indicator_id: indicator.indicator_id })),
  );
}
