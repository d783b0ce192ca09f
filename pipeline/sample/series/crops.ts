// Crops and land (葫政发〔2020〕13号): grain output (monthly, year to date), facility agriculture
// (monthly stock), quality peanut and herbal medicine (annual stock) and high-standard farmland
// (annual, cumulative).
import { monthIndex, months, years } from "../calendar.ts";
import { ramp, steady } from "../paths.ts";
import { jitter, keyedRandom } from "../random.ts";
import type { Reporter } from "../reporters.ts";
import { area, smallArea, weight, type SampleRow } from "../template.ts";

/** 2020 grain output (万吨) and its yearly drift against the city trend: the city ≈ 80万吨. */
const GRAIN: Record<string, [number, number]> = {
  "211402": [4.6, 0],
  "211403": [0.9, -0.01],
  "211404": [8.5, 0.005],
  "211421": [27.0, 0.012],
  "211422": [21.5, -0.012],
  "211481": [17.0, 0.004],
};

/** The city's harvest relative to 2020 (2023: a dry summer, below the 80万吨 floor). */
const GRAIN_YEAR: Record<number, number> = {
  2020: 1,
  2021: 1.035,
  2022: 1.06,
  2023: 0.99,
  2024: 1.075,
  2025: 1.09,
  2026: 1.095,
};

/** Share of the year's grain harvested by the end of each month (本年累计 / 全年). */
const GRAIN_SEASON = [0, 0, 0, 0, 0, 0, 0.01, 0.04, 0.3, 0.82, 0.97, 1];

export function grainRows(reporter: Reporter, seed: number): SampleRow[] {
  const spec = GRAIN[reporter.code];
  if (!spec) return [];
  const random = keyedRandom(seed, "grain", reporter.code);
  const noise = new Map<number, number>();
  return months().map(({ y, m }) => {
    if (!noise.has(y)) noise.set(y, jitter(random, 0.03));
    const year = spec[0] * GRAIN_YEAR[y] * (1 + spec[1]) ** (y - 2020) * noise.get(y)!;
    const [value, unit] = weight(reporter, year * GRAIN_SEASON[m - 1] * 10000);
    return { indicator: "grain_output", period: { kind: "month", y, m }, value, unit };
  });
}

/**
 * Facility agriculture (万亩) in 2020-01 and 2025-12, and the path's bend: 绥中 and 连山 ahead of
 * 序时进度, 南票 and 建昌 behind. The city starts at 14.0万亩 and ends 2025 at about 19.8万亩,
 * a little short of the 20万亩 target, passing it in 2026.
 */
const FACILITY: Record<string, [number, number, number]> = {
  "211402": [1.3, 1.85, 0.7],
  "211403": [0.35, 0.52, 1],
  "211404": [1.55, 2.05, 1.6],
  "211421": [4.3, 6.35, 0.75],
  "211422": [2.7, 3.6, 1.5],
  "211481": [3.8, 5.4, 1],
};

/** Greenhouses go up from March to November; the area stands still over the winter. */
const BUILDING = (m: number) => (m >= 3 && m <= 11 ? 1 : 0);

export function facilityRows(reporter: Reporter, seed: number): SampleRow[] {
  const spec = FACILITY[reporter.code];
  if (!spec) return [];
  const random = keyedRandom(seed, "facility", reporter.code);
  const [start, end, shape] = spec;
  const all = months();
  const built: number[] = [];
  for (const { m } of all) built.push((built.at(-1) ?? 0) + BUILDING(m));
  const plan = built[monthIndex(2025, 12)];
  const mu = steady(
    all.map(({ m }, t) => {
      const path =
        built[t] <= plan ? ramp(start, end, built[t], plan, shape) : end + ((end - start) / plan) * (built[t] - plan);
      const wiggle = BUILDING(m) ? jitter(random, 0.004) : 1;
      return Math.round(path * wiggle * 100) * 100;
    }),
  );
  return all.map(({ y, m }, t) => {
    const [value, unit] = area(reporter, mu[t]);
    return { indicator: "facility_agri_area", period: { kind: "month", y, m }, value, unit };
  });
}

/** Quality peanut (万亩) in 2020 and 2025: the city from 104.7 to about 121.4, meeting 120万亩. */
const PEANUT: Record<string, [number, number]> = {
  "211402": [5.2, 6.0],
  "211403": [0.65, 0.7],
  "211404": [7.5, 8.6],
  "211421": [39.0, 45.2],
  "211422": [21.8, 24.0],
  "211481": [30.6, 36.9],
};

export function peanutRows(reporter: Reporter, seed: number): SampleRow[] {
  const spec = PEANUT[reporter.code];
  if (!spec) return [];
  const random = keyedRandom(seed, "peanut", reporter.code);
  return years().map((y) => {
    const wan = ramp(spec[0], spec[1], y - 2020, 5) * jitter(random, 0.006);
    const [value, unit] = area(reporter, Math.round(wan * 100) * 100);
    return { indicator: "quality_peanut_area", period: { kind: "year", y }, value, unit };
  });
}

/** New-build and upgraded high-standard farmland per year, city (万亩): about 101万亩 by 2025. */
const FARMLAND_YEAR: Record<number, number> = {
  2020: 16.2,
  2021: 17.5,
  2022: 18.0,
  2023: 15.1,
  2024: 16.8,
  2025: 17.6,
};
const FARMLAND_SHARE: Record<string, number> = {
  "211402": 0.1,
  "211403": 0.02,
  "211404": 0.15,
  "211421": 0.28,
  "211422": 0.25,
  "211481": 0.2,
};

export function farmlandRows(reporter: Reporter, seed: number): SampleRow[] {
  const share = FARMLAND_SHARE[reporter.code];
  if (share === undefined) return [];
  const random = keyedRandom(seed, "farmland", reporter.code);
  let cumulative = 0;
  return years().map((y) => {
    cumulative += Math.round(FARMLAND_YEAR[y] * share * jitter(random, 0.1) * 100) * 100;
    const [value, unit] = area(reporter, cumulative);
    return { indicator: "high_standard_farmland_area", period: { kind: "year", y }, value, unit };
  });
}

/** Herbal medicine (亩) in 2020 and 2025: the city from 3,050 to about 5,400, past 5000亩 in 2024. */
const HERBAL: Record<string, [number, number]> = {
  "211402": [180, 320],
  "211403": [40, 60],
  "211404": [900, 1600],
  "211421": [420, 700],
  "211422": [1250, 2300],
  "211481": [260, 420],
};

export function herbalRows(reporter: Reporter, seed: number): SampleRow[] {
  const spec = HERBAL[reporter.code];
  if (!spec) return [];
  const random = keyedRandom(seed, "herbal", reporter.code);
  const mu = steady(
    years().map((y) => Math.round((ramp(spec[0], spec[1], y - 2020, 5, 0.9) * jitter(random, 0.04)) / 10) * 10),
  );
  return years().map((y, i) => {
    const [value, unit] = smallArea(reporter, mu[i]);
    return { indicator: "herbal_medicine_area", period: { kind: "year", y }, value, unit };
  });
}
