// Rural industries (葫政发〔2020〕13号, 二、（二）to（七）): leading agricultural enterprises, rural
// e-commerce leaders, leisure-farming visitor capacity, "one village one product" villages,
// geographical indications, farm-product processing clusters and their revenue (all annual).
// Small counts are written out year by year (2020 … 2025): they are decisions, not noise.
import { years } from "../calendar.ts";
import { ramp } from "../paths.ts";
import { jitter, keyedRandom } from "../random.ts";
import type { Reporter } from "../reporters.ts";
import { count, money, tenThousands, type SampleRow } from "../template.ts";

const COUNTIES = ["211402", "211403", "211404", "211421", "211422", "211481"];

/** A count per year 2020 … 2025 for each county, as a row per year. */
function yearly(indicator: string, table: Record<string, number[]>, unitZh = "个") {
  return (reporter: Reporter): SampleRow[] => {
    const values = table[reporter.code];
    if (!values) return [];
    return years().map((y, i) => {
      const [value, unit] = count(reporter, values[i], unitZh);
      return { indicator, period: { kind: "year", y }, value, unit };
    });
  };
}

/** Municipal-or-higher leading enterprises: the city holds 60 or more every year (62 → 67). */
export const leadingEnterpriseRows = yearly(
  "leading_agri_enterprises",
  {
    "211402": [7, 7, 7, 8, 8, 8],
    "211403": [3, 3, 3, 3, 3, 3],
    "211404": [6, 6, 6, 6, 7, 7],
    "211421": [18, 18, 19, 19, 20, 20],
    "211422": [11, 11, 10, 11, 11, 12],
    "211481": [17, 17, 17, 17, 17, 17],
  },
  "家",
);

/** Rural e-commerce leaders cultivated since 2020 (cumulative): 4 by 2025, past the target of 3. */
export const ecommerceLeaderRows = yearly(
  "rural_ecommerce_leaders",
  {
    "211402": [0, 0, 0, 0, 0, 1],
    "211403": [0, 0, 0, 0, 0, 0],
    "211404": [0, 0, 0, 0, 0, 0],
    "211421": [0, 0, 1, 1, 1, 1],
    "211422": [0, 0, 0, 0, 0, 0],
    "211481": [0, 1, 1, 1, 2, 2],
  },
  "家",
);

/** "One village one product" villages and towns since 2020 (cumulative): 9 by 2025, target 8. */
export const oneVillageRows = yearly("one_village_one_product_count", {
  "211402": [0, 0, 0, 0, 0, 0],
  "211403": [0, 0, 0, 0, 0, 0],
  "211404": [0, 0, 0, 1, 1, 1],
  "211421": [0, 1, 1, 2, 2, 3],
  "211422": [0, 0, 1, 1, 1, 2],
  "211481": [1, 1, 2, 2, 3, 3],
});

/** Geographical-indication trademarks and products: 19 → 25, short of the 27 target. */
export const geoIndicationRows = yearly("geo_indication_count", {
  "211402": [2, 2, 2, 2, 2, 2],
  "211403": [0, 0, 0, 0, 0, 0],
  "211404": [2, 2, 2, 3, 3, 3],
  "211421": [5, 5, 6, 6, 7, 7],
  "211422": [4, 4, 4, 4, 5, 5],
  "211481": [6, 7, 7, 7, 8, 8],
});

/** Processing clusters: 兴城 has one from the start, 绥中 opens one in 2023, 建昌 none (missed). */
export const clusterRows = yearly("agri_processing_clusters", {
  "211402": [0, 0, 0, 0, 0, 0],
  "211403": [0, 0, 0, 0, 0, 0],
  "211404": [0, 0, 0, 0, 0, 0],
  "211421": [0, 0, 0, 1, 1, 1],
  "211422": [0, 0, 0, 0, 0, 0],
  "211481": [1, 1, 1, 1, 1, 1],
});

/** Main business revenue of the clusters (亿元 a year): 兴城 passes 30亿 in 2025, as targeted. */
const REVENUE: Record<string, number[]> = {
  "211421": [0, 0, 0, 3.8, 6.9, 9.4],
  "211481": [19.6, 22.4, 24.1, 26.8, 29.2, 31.5],
};

export function clusterRevenueRows(reporter: Reporter, seed: number): SampleRow[] {
  if (!COUNTIES.includes(reporter.code)) return [];
  const spec = REVENUE[reporter.code] ?? years().map(() => 0);
  const random = keyedRandom(seed, "cluster_revenue", reporter.code);
  return years().map((y, i) => {
    // 万元 precision: the clerks copy the cluster's statistics
    const yuan = Math.round(spec[i] * jitter(random, 0.01) * 1e4) * 1e4;
    const [value, unit] = money(reporter, yuan);
    return { indicator: "agri_cluster_revenue", period: { kind: "year", y }, value, unit };
  });
}

/**
 * Leisure-farming visitor capacity (万人次) in 2020 and 2025: the city from about 483万 to 626万,
 * short of the 650万 it strives for.
 */
const LEISURE: Record<string, [number, number]> = {
  "211402": [52, 66],
  "211403": [18, 22],
  "211404": [35, 45],
  "211421": [120, 158],
  "211422": [68, 90],
  "211481": [190, 245],
};

export function leisureRows(reporter: Reporter, seed: number): SampleRow[] {
  const spec = LEISURE[reporter.code];
  if (!spec) return [];
  const random = keyedRandom(seed, "leisure", reporter.code);
  return years().map((y) => {
    const n = Math.round(ramp(spec[0], spec[1], y - 2020, 5) * jitter(random, 0.02) * 10) * 1000;
    const [value, unit] = tenThousands(n, "万人次");
    return { indicator: "leisure_agri_visitor_capacity", period: { kind: "year", y }, value, unit };
  });
}
