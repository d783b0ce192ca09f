// What the city's departments report as 葫芦岛市 (葫政发〔2020〕14号): declarations through the
// international-trade Single Window (quarterly, year to date, from the port and customs office),
// import/export control certificates handled online and departments under "double random, one
// public" supervision (annual). 2020 is the year the 办法's standing rules are monitored for.
import { quarters, years } from "../calendar.ts";
import { owes } from "../catalogue.ts";
import { jitter, keyedRandom } from "../random.ts";
import type { Reporter } from "../reporters.ts";
import { count, type SampleRow } from "../template.ts";

const cell = (reporter: Reporter, n: number, unitZh = "个") => {
  const [value, unit] = count(reporter, n, unitZh);
  return { value, unit };
};

/** Share of the quarter's main declarations filed through the Single Window: all from 2021Q2. */
const SINGLE_WINDOW: Record<string, number> = {
  "2020Q1": 0.962,
  "2020Q2": 0.975,
  "2020Q3": 0.986,
  "2020Q4": 0.995,
  "2021Q1": 0.998,
};

export function singleWindowRows(reporter: Reporter, seed: number): SampleRow[] {
  if (!owes(reporter.code, "single_window_declarations")) return [];
  const random = keyedRandom(seed, "single_window");
  let total = 0;
  let filed = 0;
  return quarters().flatMap(({ y, q }): SampleRow[] => {
    if (q === 1) [total, filed] = [0, 0];
    // 葫芦岛港 and 绥中港: fewer declarations in the winter quarter, trade growing a little a year
    const n = Math.round(3400 * (q === 1 ? 0.82 : 1) * (1 + 0.03 * (y - 2020)) * jitter(random, 0.12));
    total += n;
    filed += Math.round(n * (SINGLE_WINDOW[`${y}Q${q}`] ?? 1));
    const period = { kind: "quarter", y, q } as const;
    return [
      { indicator: "single_window_declarations", period, ...cell(reporter, filed, "票") },
      { indicator: "main_trade_declarations_total", period, ...cell(reporter, total, "票") },
    ];
  });
}

/** [online, all] per year 2020 … 2025: every control certificate online from 2020 (met). */
const LICENCES: [number, number][] = [
  [41, 41],
  [41, 41],
  [41, 41],
  [40, 40],
  [40, 40],
  [40, 40],
];

/** [applying it, all] per year: 23 of 26 departments in 2020 (missed), all from 2022. */
const DOUBLE_RANDOM: [number, number][] = [
  [23, 26],
  [25, 26],
  [26, 26],
  [27, 27],
  [27, 27],
  [27, 27],
];

export function cityAnnualRows(reporter: Reporter): SampleRow[] {
  if (!owes(reporter.code, "licence_types_online")) return [];
  return years().flatMap((y, i): SampleRow[] => {
    const period = { kind: "year", y } as const;
    return [
      { indicator: "licence_types_online", period, ...cell(reporter, LICENCES[i][0], "种") },
      { indicator: "licence_types_total", period, ...cell(reporter, LICENCES[i][1], "种") },
      { indicator: "double_random_depts", period, ...cell(reporter, DOUBLE_RANDOM[i][0]) },
      { indicator: "market_reg_depts_total", period, ...cell(reporter, DOUBLE_RANDOM[i][1]) },
    ];
  });
}
