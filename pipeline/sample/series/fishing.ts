// The sea (葫政告字〔2020〕2号, 葫政发〔2020〕13号): breaches of the summer moratorium and the Liao
// River closed season (monthly, year to date, coastal units), premium aquaculture area and output
// and all aquaculture output (annual, counties), and the national marine ranches (annual, the city).
import { months, years } from "../calendar.ts";
import { owes } from "../catalogue.ts";
import { ramp } from "../paths.ts";
import { jitter, keyedRandom } from "../random.ts";
import type { Reporter } from "../reporters.ts";
import { area, count, weight, type SampleRow } from "../template.ts";

/** unit, year, month, how many: the cases, almost all in the moratorium (May to August) */
type Cases = [string, number, number, number][];

/**
 * Each breach as the coastal units booked it. In 2020 the sea moratorium (vessels at sea), the
 * port-transfer ban and the illegal-catch trade ban are broken; the Liao River closed season and
 * the net separation hold. Counts stay small: at most a few a year in a unit.
 */
const CASES: Record<string, [Cases, string]> = {
  fishing_sea_violations: [
    [
      ["211421", 2020, 6, 2],
      ["211481", 2020, 8, 1],
      ["211421", 2021, 5, 1],
      ["2114Z2", 2022, 7, 1],
      ["211403", 2023, 7, 1],
      ["211421", 2023, 7, 1],
      ["211481", 2025, 6, 1],
    ],
    "艘",
  ],
  fishing_river_violations: [
    [
      ["211421", 2022, 6, 1],
      ["211481", 2024, 7, 1],
    ],
    "起",
  ],
  fishing_port_transfer_violations: [
    [
      ["211481", 2020, 5, 1],
      ["211403", 2022, 8, 1],
    ],
    "艘",
  ],
  fishing_vessel_net_violations: [
    [
      ["211402", 2021, 6, 1],
      ["211421", 2024, 5, 2],
    ],
    "艘",
  ],
  illegal_catch_trade_cases: [
    [
      ["211403", 2020, 7, 2],
      ["2114Z2", 2021, 8, 1],
      ["211421", 2023, 6, 1],
      ["211481", 2025, 7, 1],
    ],
    "起",
  ],
};

export function violationRows(reporter: Reporter): SampleRow[] {
  return Object.entries(CASES).flatMap(([indicator, [cases, unitZh]]) => {
    if (!owes(reporter.code, indicator)) return [];
    return months().map(({ y, m }): SampleRow => {
      const n = cases
        .filter(([code, cy, cm]) => code === reporter.code && cy === y && cm <= m)
        .reduce((sum, [, , , n]) => sum + n, 0);
      const [value, unit] = count(reporter, n, unitZh);
      return { indicator, period: { kind: "month", y, m }, value, unit };
    });
  });
}

/**
 * Premium aquaculture (万亩) in 2020 and 2025: the city from 32.0 to about 39.5, short of 40. The
 * inland counties farm cold-water fish in their reservoirs.
 */
const PREMIUM: Record<string, [number, number]> = {
  "211402": [2.1, 2.6],
  "211403": [3.4, 4.1],
  "211404": [0.2, 0.25],
  "211421": [14.8, 18.3],
  "211422": [0.3, 0.36],
  "211481": [11.2, 13.9],
};

export function premiumFisheryRows(reporter: Reporter, seed: number): SampleRow[] {
  const spec = PREMIUM[reporter.code];
  if (!spec) return [];
  const random = keyedRandom(seed, "premium_fishery", reporter.code);
  return years().map((y) => {
    const wan = ramp(spec[0], spec[1], y - 2020, 5, 1.2) * jitter(random, 0.01);
    const [value, unit] = area(reporter, Math.round(wan * 100) * 100);
    return { indicator: "premium_fishery_area", period: { kind: "year", y }, value, unit };
  });
}

/**
 * Aquaculture output (万吨) in 2020 and the premium share in 2020 and 2025: the city's share
 * climbs from about 52% to 67%, past the 65% target in 2025.
 */
const AQUACULTURE: Record<string, [number, number, number]> = {
  "211402": [3.1, 0.45, 0.6],
  "211403": [5.2, 0.5, 0.64],
  "211404": [0.62, 0.3, 0.42],
  "211421": [21.4, 0.53, 0.69],
  "211422": [0.94, 0.28, 0.4],
  "211481": [16.3, 0.54, 0.7],
};

export function aquacultureRows(reporter: Reporter, seed: number): SampleRow[] {
  const spec = AQUACULTURE[reporter.code];
  if (!spec) return [];
  const random = keyedRandom(seed, "aquaculture", reporter.code);
  return years().flatMap((y): SampleRow[] => {
    // whole hundreds of tonnes, as the 万吨 clerks' two decimals carry
    const tonnes = Math.round(spec[0] * (1 + 0.025 * (y - 2020)) * jitter(random, 0.06) * 100) * 100;
    const share = ramp(spec[1], spec[2], y - 2020, 5) * jitter(random, 0.02);
    const premium = Math.min(tonnes, Math.round((tonnes * share) / 100) * 100);
    const period = { kind: "year", y } as const;
    const [p, pUnit] = weight(reporter, premium);
    const [all, allUnit] = weight(reporter, tonnes);
    return [
      { indicator: "premium_fishery_output", period, value: p, unit: pUnit },
      { indicator: "aquaculture_output", period, value: all, unit: allUnit },
    ];
  });
}

/** National marine ranching demonstration zones in the city at each year's end: 3 by 2025. */
const MARINE_RANCHES: Record<number, number> = { 2020: 1, 2021: 1, 2022: 2, 2023: 2, 2024: 3, 2025: 3 };

export function marineRanchRows(reporter: Reporter): SampleRow[] {
  if (!owes(reporter.code, "national_marine_ranch_count")) return [];
  return years().map((y) => {
    const [value, unit] = count(reporter, MARINE_RANCHES[y]);
    return { indicator: "national_marine_ranch_count", period: { kind: "year", y }, value, unit };
  });
}
