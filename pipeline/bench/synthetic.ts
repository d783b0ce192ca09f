// The benchmark's data: a copy of the catalogue with synthetic county-level units added, and their
// submissions in the county template (every monthly indicator each unit reports, from the plan
// start to the as-of month) with a few planted mistakes whose line and code are known. Pure
// functions of the scale: the same scale gives the same bytes.
import { reportsIndicator } from "../catalogue/duties.ts";
import type { Catalogue, Indicator, Unit } from "../catalogue/types.ts";
import { CITY_CODE } from "../catalogue/types.ts";
import { PLAN_START } from "../warehouse/build-params.ts";

export const SCALES = { city: 0, province: 100, nation: 2850 } as const;
export type Scale = keyof typeof SCALES;

/** the template's header, as `kpi template` writes it */
export const HEADER = "报送单位,指标,统计期,数值,计量单位,备注";

/** The catalogue's units and, up to `total` county-level units, synthetic ones (every third coastal). */
export function syntheticUnits(catalogue: Catalogue, total: number): Unit[] {
  const counties = catalogue.units.filter((u) => u.unit_code !== CITY_CODE);
  const added: Unit[] = [];
  for (let i = 1; counties.length + added.length < total; i++) {
    added.push({
      unit_code: `9${String(i).padStart(5, "0")}`,
      name_zh: `基准${String(i).padStart(4, "0")}县`,
      name_en: `Bench County ${i}`,
      kind: "县",
      coastal: i % 3 === 0,
      aliases: [],
      sort_order: 1000 + i,
      note: "synthetic unit of the benchmark",
    });
  }
  return [...catalogue.units, ...added];
}

const csvCell = (s: string) => (/[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);

/** units.csv with the synthetic units appended (the other catalogue files are copied as they are). */
export function unitsCsv(header: string, units: Unit[]): string {
  const lines = units.map((u) =>
    [u.unit_code, u.name_zh, u.name_en, u.kind, String(u.coastal), u.aliases.join("|"), String(u.sort_order), u.note]
      .map(csvCell)
      .join(","),
  );
  return `${header}\n${lines.join("\n")}\n`;
}

/** The month (YYYY-MM) after `month`. */
export function monthAfter(month: string): string {
  const [y, m] = month.split("-").map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`;
}

/** A value a clerk could report, smooth from month to month so no row is far out of line. */
function value(indicator: Indicator, unitIndex: number, month: string): string {
  const [, m] = month.split("-").map(Number);
  const size = 1 + (unitIndex % 7) / 10;
  switch (indicator.indicator_id) {
    case "grain_output":
      return (m * 0.8 * size).toFixed(2); // 万吨, this year so far
    case "facility_agri_area":
      return (1.3 * size).toFixed(2); // 万亩
    case "waste_public_inst_total":
    case "gov_service_items_total":
      return String(Math.round(200 * size));
    case "waste_public_inst_classified":
    case "online_service_items":
      return String(Math.round(150 * size) + (m % 5));
    default:
      return "0"; // the moratorium's breaches, counted from zero
  }
}

export interface Planted {
  /** file name as the bench writes it */
  file: string;
  line: number;
  code: string;
}

export interface Submissions {
  /** every unit's rows from the plan start to the month before the last, in one file */
  history: string;
  /** the last month: one file per unit (file name → text) */
  month: Map<string, string>;
  /** the data rows of all files (what a bare load reads) */
  rows: number;
  planted: Planted[];
}

export const HISTORY_FILE = "history.csv";

/**
 * The submissions of `units` from 2020-01 to `lastMonth`: the history in one file, the last month
 * in one file per unit. Mistakes are planted at fixed places, each rejected with exactly one code.
 */
export function submissions(catalogue: Catalogue, units: Unit[], lastMonth: string): Submissions {
  const reporters = units.filter((u) => u.unit_code !== CITY_CODE);
  const monthly = catalogue.indicators.filter((i) => i.reported && i.frequency === "monthly");
  const rowsOf = (unit: Unit, index: number, month: string) =>
    monthly
      .filter((i) => reportsIndicator(unit, i))
      .map((i) => [unit.name_zh, i.name_zh, month, value(i, index, month), i.unit_zh, ""]);
  const months = [PLAN_START.slice(0, 7)]; // the plan start to lastMonth
  while (months[months.length - 1] < lastMonth) months.push(monthAfter(months[months.length - 1]));
  const planted: Planted[] = [];
  const history: string[][] = [];
  for (const month of months.slice(0, -1))
    for (const [index, unit] of reporters.entries()) history.push(...rowsOf(unit, index, month));

  // planted among the history's rows, spread over the file (line = index + 2: the header is line 1)
  const plant = (at: number, code: string, change: (row: string[]) => void) => {
    change(history[at]);
    planted.push({ file: HISTORY_FILE, line: at + 2, code });
  };
  const n = history.length;
  plant(Math.floor(n * 0.1), "unknown_county", (r) => (r[0] = "不存在县"));
  plant(Math.floor(n * 0.3), "bad_number", (r) => (r[3] = "x12"));
  plant(Math.floor(n * 0.5), "bad_period", (r) => (r[2] = "2021-13"));
  plant(Math.floor(n * 0.7), "unknown_unit", (r) => (r[4] = "斤两"));
  const duplicated = history[Math.floor(n * 0.9)];
  history.push([...duplicated]);
  planted.push({ file: HISTORY_FILE, line: history.length + 1, code: "duplicate_row" });

  const month = new Map<string, string>();
  const last = months[months.length - 1];
  for (const [index, unit] of reporters.entries()) {
    const rows = rowsOf(unit, index, last);
    const file = `${unit.unit_code}.csv`;
    if (index === 0) {
      // a rate's numerator over its denominator
      const numerator = monthly.find((i) => i.indicator_id === "waste_public_inst_classified");
      const at = rows.findIndex((r) => r[1] === numerator?.name_zh);
      if (at >= 0) {
        rows[at][3] = "99999";
        planted.push({ file, line: at + 2, code: "numerator_exceeds_denominator" });
      }
    }
    if (index === reporters.length - 1) {
      rows[0][3] = "-5";
      planted.push({ file, line: 2, code: "negative_value" });
    }
    month.set(file, csv(rows));
  }
  const rows = history.length + [...month.values()].reduce((s, t) => s + t.split("\n").length - 2, 0);
  return { history: csv(history), month, rows, planted };
}

function csv(rows: string[][]): string {
  return `${HEADER}\n${rows.map((r) => r.map(csvCell).join(",")).join("\n")}\n`;
}
