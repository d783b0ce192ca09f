// The sea (葫政告字〔2020〕2号, 葫政发〔2020〕13号): vessels caught fishing in the summer moratorium
// (monthly, year to date, coastal counties) and premium aquaculture area (annual stock).
import { months, years } from "../calendar.ts";
import { ramp } from "../paths.ts";
import { jitter, keyedRandom } from "../random.ts";
import type { Reporter } from "../reporters.ts";
import { area, count, type SampleRow } from "../template.ts";

/** Vessels caught in the moratorium: unit, year, month, vessels. 2020's target (none) is missed. */
const VIOLATIONS: [string, number, number, number][] = [
  ["211421", 2020, 6, 2],
  ["211481", 2020, 8, 1],
  ["211421", 2021, 5, 1],
  ["211403", 2023, 7, 1],
  ["211421", 2023, 7, 1],
  ["211481", 2025, 6, 1],
];

export function violationRows(reporter: Reporter): SampleRow[] {
  if (!reporter.coastal || reporter.zone) return [];
  return months().map(({ y, m }) => {
    const n = VIOLATIONS.filter(([code, vy, vm]) => code === reporter.code && vy === y && vm <= m).reduce(
      (sum, [, , , n]) => sum + n,
      0,
    );
    const [value, unit] = count(reporter, n, "艘");
    return { indicator: "fishing_sea_violations", period: { kind: "month", y, m }, value, unit };
  });
}

/** Premium aquaculture (万亩) in 2020 and 2025: the city from 31.5 to about 38.9, short of 40. */
const PREMIUM: Record<string, [number, number]> = {
  "211402": [2.1, 2.6],
  "211403": [3.4, 4.1],
  "211421": [14.8, 18.3],
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
