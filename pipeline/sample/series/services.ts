// Government services (葫政发〔2020〕14号, 葫政办发〔2020〕49号): items that can be handled online
// and all items (monthly, counties and zones; 100% due by 2020-07-31), high-frequency items
// meeting "at most one trip" and channels under the good/bad review (quarterly), service halls
// and centres meeting the provincial standard (annual), and major enforcement decisions given a
// legal review (quarterly, year to date). The 办法's standing rules are monitored for 2020.
import { monthIndex, months, quarterIndex, quarters, years } from "../calendar.ts";
import { rising, steady } from "../paths.ts";
import { jitter, keyedRandom } from "../random.ts";
import type { Reporter } from "../reporters.ts";
import { count, type SampleRow } from "../template.ts";

/**
 * Service items in 2020, the share online in 2020-01, and the month all are: 兴城, 连山, 龙港,
 * 绥中 and 葫芦岛经开区 by the July deadline; 南票, 建昌, 杨家杖子 and 高新区 late in 2020.
 */
const SERVICES: Record<string, [number, number, string]> = {
  "211402": [1268, 0.81, "2020-06"],
  "211403": [1195, 0.84, "2020-07"],
  "211404": [1143, 0.72, "2020-10"],
  "211421": [1322, 0.78, "2020-07"],
  "211422": [1176, 0.7, "2020-12"],
  "211481": [1301, 0.86, "2020-05"],
  "2114Z1": [236, 0.75, "2020-08"],
  "2114Z2": [318, 0.88, "2020-07"],
  "2114Z3": [274, 0.8, "2020-11"],
};

export function serviceRows(reporter: Reporter, seed: number): SampleRow[] {
  const spec = SERVICES[reporter.code];
  if (!spec) return [];
  const random = keyedRandom(seed, "services", reporter.code);
  const [y, m] = spec[2].split("-").map(Number);
  const full = monthIndex(y, m);
  let total = spec[0];
  return months().flatMap(({ y, m }, t): SampleRow[] => {
    // the provincial catalogue of items is revised each January
    if (m === 1 && y > 2020) total = Math.round(total * (1 + random() * 0.05));
    const online = rising(total, spec[1], t, full, 0.8);
    const period = { kind: "month", y, m } as const;
    const [items, unit] = count(reporter, online, "项");
    const [all] = count(reporter, total);
    return [
      { indicator: "online_service_items", period, value: items, unit },
      { indicator: "gov_service_items_total", period, value: all, unit },
    ];
  });
}

const cell = (reporter: Reporter, n: number, unitZh = "个") => {
  const [value, unit] = count(reporter, n, unitZh);
  return { value, unit };
};

const quarterOf = (text: string) => quarterIndex(Number(text.slice(0, 4)), Number(text.slice(5)));

/** A covered count rising to the whole (which grows a little each first quarter), never jumping. */
function coverage(
  reporter: Reporter,
  seed: number,
  key: string,
  [total0, start, full]: [number, number, string],
  growth: number,
): [number, number][] {
  const random = keyedRandom(seed, key, reporter.code);
  let total = total0;
  const totals = quarters().map(({ y, q }) => {
    if (q === 1 && y > 2020) total += Math.floor(random() * (growth + 1));
    return total;
  });
  const covered = steady(totals.map((n, t) => rising(n, start, t, quarterOf(full))));
  return totals.map((n, t) => [Math.min(covered[t], n), n]);
}

/** High-frequency items, the share meeting "at most one trip" in 2020Q1, and the quarter all do. */
const ONE_TRIP: Record<string, [number, number, string]> = {
  "211402": [138, 0.72, "2020Q3"],
  "211403": [126, 0.78, "2020Q3"],
  "211404": [117, 0.61, "2020Q4"],
  "211421": [152, 0.7, "2020Q4"],
  "211422": [121, 0.58, "2020Q4"],
  "211481": [149, 0.75, "2020Q3"],
};

export function oneTripRows(reporter: Reporter, seed: number): SampleRow[] {
  const spec = ONE_TRIP[reporter.code];
  if (!spec) return [];
  const values = coverage(reporter, seed, "one_trip", spec, 6);
  return quarters().flatMap(({ y, q }, t): SampleRow[] => {
    const period = { kind: "quarter", y, q } as const;
    return [
      { indicator: "high_freq_one_trip_items", period, ...cell(reporter, values[t][0], "项") },
      { indicator: "high_freq_items_total", period, ...cell(reporter, values[t][1], "项") },
    ];
  });
}

/** Service channels (counters and online), the share under the good/bad review in 2020Q1, all by. */
const REVIEW: Record<string, [number, number, string]> = {
  "211402": [64, 0.45, "2020Q3"],
  "211403": [58, 0.52, "2020Q3"],
  "211404": [42, 0.4, "2020Q4"],
  "211421": [85, 0.42, "2020Q3"],
  "211422": [71, 0.38, "2020Q4"],
  "211481": [96, 0.5, "2020Q2"],
};

export function reviewRows(reporter: Reporter, seed: number): SampleRow[] {
  const spec = REVIEW[reporter.code];
  if (!spec) return [];
  const values = coverage(reporter, seed, "review", spec, 3);
  return quarters().flatMap(({ y, q }, t): SampleRow[] => {
    const period = { kind: "quarter", y, q } as const;
    return [
      { indicator: "review_channels_covered", period, ...cell(reporter, values[t][0]) },
      { indicator: "review_channels_total", period, ...cell(reporter, values[t][1]) },
    ];
  });
}

/**
 * Service halls, town centres and village stations, and the share meeting the provincial standard
 * each year 2020 … 2025: the city at about 93% in 2020 (missed), all of them from 2022.
 */
const VENUES: Record<string, [number, number[]]> = {
  "211402": [142, [0.95, 0.99, 1, 1, 1, 1]],
  "211403": [81, [0.98, 1, 1, 1, 1, 1]],
  "211404": [173, [0.88, 0.96, 1, 1, 1, 1]],
  "211421": [296, [0.94, 1, 1, 1, 1, 1]],
  "211422": [318, [0.89, 0.95, 1, 1, 1, 1]],
  "211481": [287, [0.96, 1, 1, 1, 1, 1]],
};

export function venueRows(reporter: Reporter): SampleRow[] {
  const spec = VENUES[reporter.code];
  if (!spec) return [];
  return years().flatMap((y, i): SampleRow[] => {
    // a few village stations merged as villages are combined
    const total = spec[0] - Math.floor(i / 2);
    const period = { kind: "year", y } as const;
    return [
      { indicator: "service_venues_standard", period, ...cell(reporter, Math.floor(total * spec[1][i])) },
      { indicator: "service_venues_total", period, ...cell(reporter, total) },
    ];
  });
}

/** Major enforcement decisions a quarter; the quarters where one went without a legal review. */
const DECISIONS: Record<string, [number, string[]]> = {
  "211402": [9, []],
  "211403": [6, []],
  "211404": [8, ["2023Q3"]],
  "211421": [14, []],
  "211422": [10, ["2022Q2", "2024Q1"]],
  "211481": [15, []],
};

export function decisionRows(reporter: Reporter, seed: number): SampleRow[] {
  const spec = DECISIONS[reporter.code];
  if (!spec) return [];
  const random = keyedRandom(seed, "decisions", reporter.code);
  let total = 0;
  let reviewed = 0;
  return quarters().flatMap(({ y, q }): SampleRow[] => {
    if (q === 1) [total, reviewed] = [0, 0];
    const n = Math.max(3, Math.round(spec[0] * jitter(random, 0.4)));
    total += n;
    reviewed += spec[1].includes(`${y}Q${q}`) ? n - 1 : n;
    const period = { kind: "quarter", y, q } as const;
    return [
      { indicator: "major_decisions_reviewed", period, ...cell(reporter, reviewed, "件") },
      { indicator: "major_decisions_total", period, ...cell(reporter, total, "件") },
    ];
  });
}
