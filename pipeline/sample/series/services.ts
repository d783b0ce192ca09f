// Government services online (葫政发〔2020〕14号, 葫政办发〔2020〕49号): items that can be handled
// online and all items (monthly, counties and zones). The target is 100% by 2020-07-31.
import { monthIndex, months } from "../calendar.ts";
import { rising } from "../paths.ts";
import { keyedRandom } from "../random.ts";
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
