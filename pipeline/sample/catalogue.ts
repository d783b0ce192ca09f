// The catalogue as the generator sees it: read once from data/catalogue/ (synchronously, so the
// generator stays a plain function), and who owes what, straight from the one definition
// (pipeline/catalogue/duties.ts) and the template every clerk fills in (pipeline/ingest/template.ts).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { reportsIndicator } from "../catalogue/duties.ts";
import { CATALOGUE_DIR } from "../catalogue/location.ts";
import { CATALOGUE_FILES, parseCatalogue } from "../catalogue/read.ts";
import type { Catalogue, Indicator, Target, Unit } from "../catalogue/types.ts";

let cached: Catalogue | undefined;

export function catalogue(): Catalogue {
  cached ??= parseCatalogue({
    documents: readFileSync(join(CATALOGUE_DIR, CATALOGUE_FILES.documents), "utf-8"),
    units: readFileSync(join(CATALOGUE_DIR, CATALOGUE_FILES.units), "utf-8"),
    indicators: readFileSync(join(CATALOGUE_DIR, CATALOGUE_FILES.indicators), "utf-8"),
    targets: readFileSync(join(CATALOGUE_DIR, CATALOGUE_FILES.targets), "utf-8"),
    parameters: readFileSync(join(CATALOGUE_DIR, CATALOGUE_FILES.parameters), "utf-8"),
  });
  return cached;
}

export function unitOf(code: string): Unit {
  const unit = catalogue().units.find((u) => u.unit_code === code);
  if (!unit) throw new Error(`no unit '${code}' in data/catalogue/units.csv`);
  return unit;
}

export function indicatorOf(id: string): Indicator {
  const indicator = catalogue().indicators.find((i) => i.indicator_id === id);
  if (!indicator) throw new Error(`no indicator '${id}' in data/catalogue/indicators.csv`);
  return indicator;
}

/** Whether the unit reports the indicator at all (reporting_duties). */
export const owes = (code: string, indicatorId: string): boolean =>
  reportsIndicator(unitOf(code), indicatorOf(indicatorId));

/** The dated tasks and milestones (done_by targets) that belong to a unit. */
export const tasksOf = (code: string): Target[] =>
  catalogue().targets.filter((t) => t.comparator === "done_by" && t.scope_code === code);
