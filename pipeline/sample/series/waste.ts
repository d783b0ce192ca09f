// Household waste classification (葫政办发〔2020〕33号) and rural waste disposal: public
// institutions classifying (monthly, counties and zones), villages covered by the disposal
// system, communities classifying, demonstration streets and informal dump sites rectified
// (quarterly, counties).
import { monthIndex, months, quarterIndex, quarters } from "../calendar.ts";
import { rising, steady } from "../paths.ts";
import { keyedRandom } from "../random.ts";
import type { Reporter } from "../reporters.ts";
import { count, type SampleRow } from "../template.ts";

const cell = (reporter: Reporter, n: number) => {
  const [value, unit] = count(reporter, n);
  return { value, unit };
};

/**
 * Urban public institutions in 2020, the share classifying in 2020-01, and the month all of them
 * do. The 2020 target is full coverage everywhere: 南票, 建昌 and 葫芦岛经开区 get there late.
 */
const INSTITUTIONS: Record<string, [number, number, string]> = {
  "211402": [186, 0.55, "2020-09"],
  "211403": [172, 0.62, "2020-06"],
  "211404": [64, 0.35, "2021-04"],
  "211421": [118, 0.4, "2020-12"],
  "211422": [97, 0.3, "2021-08"],
  "211481": [143, 0.48, "2020-11"],
  "2114Z1": [23, 0.5, "2020-10"],
  "2114Z2": [41, 0.45, "2021-01"],
  "2114Z3": [17, 0.6, "2020-12"],
};

export function institutionRows(reporter: Reporter, seed: number): SampleRow[] {
  const spec = INSTITUTIONS[reporter.code];
  if (!spec) return [];
  const random = keyedRandom(seed, "institutions", reporter.code);
  const [y, m] = spec[2].split("-").map(Number);
  const full = monthIndex(y, m);
  let total = spec[0];
  let classified = 0;
  return months().flatMap(({ y, m }, t): SampleRow[] => {
    // a few new institutions (a school, a clinic) are registered each January
    if (m === 1 && y > 2020) total += Math.floor(random() * 4);
    classified = Math.max(classified, rising(total, spec[1], t, full, 0.9));
    const period = { kind: "month", y, m } as const;
    return [
      { indicator: "waste_public_inst_classified", period, ...cell(reporter, classified) },
      { indicator: "waste_public_inst_total", period, ...cell(reporter, total) },
    ];
  });
}

/** Administrative villages, the share covered in 2020Q1 and the quarter all are (the 2020 target: all). */
const VILLAGES: Record<string, [number, number, string]> = {
  "211402": [118, 0.85, "2020Q4"],
  "211403": [24, 0.92, "2020Q2"],
  "211404": [143, 0.78, "2021Q2"],
  "211421": [253, 0.83, "2020Q4"],
  "211422": [293, 0.76, "2021Q4"],
  "211481": [230, 0.88, "2020Q3"],
};

const quarterOf = (text: string) => quarterIndex(Number(text.slice(0, 4)), Number(text.slice(5)));

export function villageRows(reporter: Reporter): SampleRow[] {
  const spec = VILLAGES[reporter.code];
  if (!spec) return [];
  return quarters().flatMap(({ y, q }, t): SampleRow[] => {
    const period = { kind: "quarter", y, q } as const;
    return [
      {
        indicator: "villages_waste_covered",
        period,
        ...cell(reporter, rising(spec[0], spec[1], t, quarterOf(spec[2]))),
      },
      { indicator: "villages_total", period, ...cell(reporter, spec[0]) },
    ];
  });
}

/**
 * Urban communities, those classifying in 2020Q1, and the quarter all do (or the share reached by
 * 2026Q3). 连山 reaches full coverage in 2022 as required; 龙港 only in 2023Q2, late.
 */
const COMMUNITIES: Record<string, [number, number, string | number]> = {
  "211402": [46, 9, "2022Q3"],
  "211403": [53, 14, "2023Q2"],
  "211404": [14, 2, 0.79],
  "211421": [21, 3, 0.86],
  "211422": [12, 1, 0.67],
  "211481": [33, 5, "2025Q1"],
};

export function communityRows(reporter: Reporter): SampleRow[] {
  const spec = COMMUNITIES[reporter.code];
  if (!spec) return [];
  const [total, start, goal] = spec;
  const all = quarters();
  const last = all.length - 1;
  const classified = steady(
    all.map((_, t) => {
      if (typeof goal === "string") return rising(total, start / total, t, quarterOf(goal));
      return Math.round(start + (total * goal - start) * (t / last));
    }),
  );
  return all.flatMap(({ y, q }, t): SampleRow[] => {
    const period = { kind: "quarter", y, q } as const;
    return [
      { indicator: "waste_classified_communities", period, ...cell(reporter, classified[t]) },
      { indicator: "waste_communities_total", period, ...cell(reporter, total) },
    ];
  });
}

/** The quarters a unit's first and second demonstration street is accepted. 建昌 and 高新区 miss 2022. */
const DEMO_STREETS: Record<string, string[]> = {
  "211402": ["2020Q3", "2022Q2"],
  "211403": ["2020Q4", "2023Q1"],
  "211404": ["2022Q3"],
  "211421": ["2021Q4"],
  "211422": ["2023Q2"],
  "211481": ["2022Q4"],
  "2114Z1": ["2022Q2"],
  "2114Z2": ["2021Q3"],
  "2114Z3": ["2023Q4"],
};

export function demoStreetRows(reporter: Reporter): SampleRow[] {
  const accepted = DEMO_STREETS[reporter.code];
  if (!accepted) return [];
  return quarters().map(({ y, q }, t) => {
    const n = accepted.filter((when) => quarterOf(when) <= t).length;
    return { indicator: "waste_demo_streets", period: { kind: "quarter", y, q }, ...cell(reporter, n) };
  });
}

/**
 * Informal dump sites on the 2020 list, the share rectified in 2020Q1, the quarter all are (建昌
 * only in 2021Q2: the city misses the 2020 target), and sites found later: [quarter found,
 * how many, quarter rectified].
 */
const DUMP_SITES: Record<string, [number, number, string, [string, number, string][]]> = {
  "211402": [12, 0.58, "2020Q3", []],
  "211403": [5, 0.6, "2020Q2", []],
  "211404": [18, 0.5, "2020Q4", [["2023Q3", 1, "2024Q1"]]],
  "211421": [31, 0.55, "2020Q4", [["2022Q2", 2, "2022Q4"]]],
  "211422": [27, 0.45, "2021Q2", []],
  "211481": [22, 0.59, "2020Q4", [["2024Q2", 1, "2024Q3"]]],
};

export function dumpSiteRows(reporter: Reporter): SampleRow[] {
  const spec = DUMP_SITES[reporter.code];
  if (!spec) return [];
  const [listed, start, full, later] = spec;
  return quarters().flatMap(({ y, q }, t): SampleRow[] => {
    const found = later.filter(([when]) => quarterOf(when) <= t);
    const total = listed + found.reduce((sum, [, n]) => sum + n, 0);
    const open = found.filter(([, , done]) => quarterOf(done) > t).reduce((sum, [, n]) => sum + n, 0);
    const rectified = rising(listed, start, t, quarterOf(full)) + total - listed - open;
    const period = { kind: "quarter", y, q } as const;
    return [
      { indicator: "dump_sites_rectified", period, ...cell(reporter, rectified) },
      { indicator: "dump_sites_total", period, ...cell(reporter, total) },
    ];
  });
}
