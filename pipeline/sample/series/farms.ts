// Farms and cooperatives (葫政发〔2020〕13号): manure facilities of large-scale livestock farms
// (annual stock, numerator and denominator), manure produced and recycled (annual flows), new
// cooperatives and family farms (annual, cumulative since 2020) and farm-product safety samples
// (quarterly, year to date).
import { quarters, years } from "../calendar.ts";
import { ramp } from "../paths.ts";
import { jitter, keyedRandom } from "../random.ts";
import type { Reporter } from "../reporters.ts";
import { count, weight, type SampleRow } from "../template.ts";

/** Large-scale farms in 2020, and the share equipped in 2020 and 2025: 南票 lags (90%), the city ≈ 96%. */
const MANURE: Record<string, [number, number, number]> = {
  "211402": [86, 0.84, 0.97],
  "211403": [21, 0.86, 1],
  "211404": [104, 0.78, 0.9],
  "211421": [231, 0.83, 0.97],
  "211422": [198, 0.8, 0.96],
  "211481": [167, 0.85, 0.98],
};

export function manureRows(reporter: Reporter, seed: number): SampleRow[] {
  const spec = MANURE[reporter.code];
  if (!spec) return [];
  const random = keyedRandom(seed, "manure", reporter.code);
  let farms = spec[0];
  let equipped = 0;
  return years().flatMap((y): SampleRow[] => {
    if (y > 2020) farms += Math.floor(random() * 6) - 2;
    const share = Math.min(1, ramp(spec[1], spec[2], y - 2020, 5) * jitter(random, 0.01));
    equipped = Math.min(farms, Math.max(equipped, Math.round(farms * share)));
    const period = { kind: "year", y } as const;
    return [
      { indicator: "manure_equipped_farms", period, ...cell(reporter, equipped) },
      { indicator: "large_scale_farms", period, ...cell(reporter, farms) },
    ];
  });
}

/**
 * Manure produced in 2020 (万吨), and the share recycled in 2020 and 2025: the city from about
 * 74% to 83%, short of the 85% target (南票 and 建昌 hold it back).
 */
const MANURE_FLOW: Record<string, [number, number, number]> = {
  "211402": [38, 0.76, 0.86],
  "211403": [9, 0.8, 0.9],
  "211404": [46, 0.68, 0.76],
  "211421": [102, 0.75, 0.85],
  "211422": [88, 0.7, 0.78],
  "211481": [74, 0.77, 0.87],
};

export function manureFlowRows(reporter: Reporter, seed: number): SampleRow[] {
  const spec = MANURE_FLOW[reporter.code];
  if (!spec) return [];
  const random = keyedRandom(seed, "manure_flow", reporter.code);
  return years().flatMap((y): SampleRow[] => {
    const produced = Math.round(spec[0] * (1 + 0.015 * (y - 2020)) * jitter(random, 0.05) * 100) * 100;
    const share = ramp(spec[1], spec[2], y - 2020, 5) * jitter(random, 0.015);
    const utilized = Math.min(produced, Math.round((produced * share) / 100) * 100);
    const period = { kind: "year", y } as const;
    const [u, uUnit] = weight(reporter, utilized);
    const [p, pUnit] = weight(reporter, produced);
    return [
      { indicator: "manure_utilized", period, value: u, unit: uUnit },
      { indicator: "manure_produced", period, value: p, unit: pUnit },
    ];
  });
}

const cell = (reporter: Reporter, n: number) => {
  const [value, unit] = count(reporter, n);
  return { value, unit };
};

/** Each unit's share of the city's new cooperatives and family farms. */
const FARM_SHARE: Record<string, number> = {
  "211402": 0.12,
  "211403": 0.04,
  "211404": 0.14,
  "211421": 0.26,
  "211422": 0.24,
  "211481": 0.2,
};

/**
 * Cumulative counts since 2020 at a yearly city pace: cooperatives about 37 a year (≈ 222 by
 * 2025, short of the 230 力争 target), family farms about 178 a year (≈ 1070, past 1000).
 */
function cumulativeRows(reporter: Reporter, seed: number, indicator: string, perYear: number): SampleRow[] {
  const share = FARM_SHARE[reporter.code];
  if (share === undefined) return [];
  const random = keyedRandom(seed, indicator, reporter.code);
  let total = 0;
  return years().map((y) => {
    total = Math.max(total + 1, Math.round(perYear * share * (y - 2019) * jitter(random, 0.12)));
    return { indicator, period: { kind: "year", y }, ...cell(reporter, total) };
  });
}

export const coopRows = (reporter: Reporter, seed: number) => cumulativeRows(reporter, seed, "new_scale_coops", 37);
export const familyFarmRows = (reporter: Reporter, seed: number) =>
  cumulativeRows(reporter, seed, "family_farms_cultivated", 178);

/** Routine samples tested per quarter. */
const SAMPLES: Record<string, number> = {
  "211402": 28,
  "211403": 10,
  "211404": 32,
  "211421": 64,
  "211422": 56,
  "211481": 48,
};

/** 2021Q2: pesticide residue in spring vegetables; the city falls below 98% for 2021. */
const BAD_QUARTER = "2021Q2";

export function sampleRows(reporter: Reporter, seed: number): SampleRow[] {
  const base = SAMPLES[reporter.code];
  if (!base) return [];
  const random = keyedRandom(seed, "samples", reporter.code);
  let tested = 0;
  let passed = 0;
  return quarters().flatMap(({ y, q }): SampleRow[] => {
    if (q === 1) [tested, passed] = [0, 0];
    const n = Math.round(base * jitter(random, 0.3));
    const failRate = (0.006 + random() * 0.012) * (`${y}Q${q}` === BAD_QUARTER ? 4.5 : 1);
    tested += n;
    passed += n - Math.round(n * failRate);
    const period = { kind: "quarter", y, q } as const;
    return [
      { indicator: "agri_samples_passed", period, ...cell(reporter, passed) },
      { indicator: "agri_samples_tested", period, ...cell(reporter, tested) },
    ];
  });
}
