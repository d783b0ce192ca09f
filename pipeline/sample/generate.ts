// The seeded generator of data/sample/: county monthly reports (月报) from 2020-01 to 2026-10 in
// the county template, with realistic magnitudes, late and missing reports, and a receipt log.
// Same seed, same bytes.
import { seededRandom } from "./random.ts";
import { encodeGbk } from "./gbk.ts";

export const FIRST_MONTH = "2020-01";
export const LAST_MONTH = "2026-10";
export const SEED = 20200427;

export interface SampleFile {
  /** relative to the sample folder */
  path: string;
  bytes: Uint8Array;
  receivedAt: string;
}

interface County {
  code: string;
  /** what this county's clerk writes in 报送单位 */
  writesAs: string;
  encoding: "gbk" | "utf-8-bom";
  periodStyle: "dash" | "chinese";
  /** 万吨 (two decimals) or 吨 with thousands separators */
  grainUnit: "万吨" | "吨";
  /** 2020 grain output, 万吨 */
  grain2020: number;
  /** yearly drift of this county's grain against the city trend */
  grainDrift: number;
  /** chance a monthly report arrives after the 10th, and that it never arrives */
  lateRate: number;
  missingRate: number;
}

const COUNTIES: County[] = [
  { code: "211402", writesAs: "连山区", encoding: "gbk", periodStyle: "dash", grainUnit: "万吨", grain2020: 4.6, grainDrift: 0, lateRate: 0.1, missingRate: 0.01 },
  { code: "211403", writesAs: "龙港区", encoding: "gbk", periodStyle: "dash", grainUnit: "吨", grain2020: 0.9, grainDrift: -0.01, lateRate: 0.05, missingRate: 0 },
  { code: "211404", writesAs: "南票区", encoding: "utf-8-bom", periodStyle: "dash", grainUnit: "万吨", grain2020: 8.5, grainDrift: 0.005, lateRate: 0.25, missingRate: 0.04 },
  { code: "211421", writesAs: "绥中县人民政府", encoding: "gbk", periodStyle: "dash", grainUnit: "万吨", grain2020: 27.0, grainDrift: 0.012, lateRate: 0.05, missingRate: 0 },
  { code: "211422", writesAs: "建昌", encoding: "gbk", periodStyle: "chinese", grainUnit: "万吨", grain2020: 21.5, grainDrift: -0.012, lateRate: 0.3, missingRate: 0.03 },
  { code: "211481", writesAs: "兴城市", encoding: "gbk", periodStyle: "chinese", grainUnit: "吨", grain2020: 17.0, grainDrift: 0.004, lateRate: 0.08, missingRate: 0 },
];

/** The city's harvest relative to 2020 (2023: a dry summer). */
const GRAIN_YEAR: Record<number, number> = { 2020: 1, 2021: 1.035, 2022: 1.06, 2023: 0.99, 2024: 1.075, 2025: 1.09, 2026: 1.095 };

/** Share of the year's grain harvested by the end of each month (本年累计 / 全年). */
const GRAIN_SEASON = [0, 0, 0, 0, 0, 0, 0.01, 0.04, 0.3, 0.82, 0.97, 1];

export const HEADER = "报送单位,指标,统计期,数值,计量单位,备注";

function months(): { y: number; m: number }[] {
  const out = [];
  const [y0, m0] = FIRST_MONTH.split("-").map(Number);
  const [y1, m1] = LAST_MONTH.split("-").map(Number);
  for (let y = y0, m = m0; y < y1 || (y === y1 && m <= m1); m === 12 ? (y++, (m = 1)) : m++) out.push({ y, m });
  return out;
}

const two = (n: number) => String(n).padStart(2, "0");

function grainCell(county: County, y: number, m: number, noise: number): string {
  const year = county.grain2020 * GRAIN_YEAR[y] * (1 + county.grainDrift) ** (y - 2020) * noise;
  const ytd = year * GRAIN_SEASON[m - 1];
  if (county.grainUnit === "万吨") return ytd.toFixed(2);
  return Math.round(ytd * 10000).toLocaleString("en-US");
}

/** As Excel writes a row: cells with a comma, quote or line break are quoted. */
function csvRow(cells: string[]): string {
  return cells.map((c) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(",");
}

function encode(county: County, text: string): Uint8Array {
  if (county.encoding === "gbk") return encodeGbk(text);
  return new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]);
}

export function generateSample(seed = SEED): SampleFile[] {
  const random = seededRandom(seed);
  const files: SampleFile[] = [];
  // one harvest noise per county and year, so a year's 本年累计 grows smoothly
  const noise = new Map<string, number>();
  for (const { y, m } of months()) {
    for (const county of COUNTIES) {
      const key = `${county.code}-${y}`;
      if (!noise.has(key)) noise.set(key, 1 + (random() - 0.5) * 0.03);
      const late = random() < county.lateRate;
      const missing = random() < county.missingRate;
      const day = late ? 11 + Math.floor(random() * 15) : 2 + Math.floor(random() * 8);
      const hour = 8 + Math.floor(random() * 9);
      if (missing) continue;
      const period = county.periodStyle === "dash" ? `${y}-${two(m)}` : `${y}年${m}月`;
      const rows = [HEADER, csvRow([county.writesAs, "粮食产量", period, grainCell(county, y, m, noise.get(key)!), county.grainUnit, ""])];
      const [ry, rm] = m === 12 ? [y + 1, 1] : [y, m + 1];
      files.push({
        path: `${y}-${two(m)}/${county.code}.csv`,
        bytes: encode(county, rows.join("\r\n") + "\r\n"),
        receivedAt: `${ry}-${two(rm)}-${two(day)}T${two(hour)}:00:00+08:00`,
      });
    }
  }
  files.push({
    path: "_received.csv",
    bytes: new TextEncoder().encode(
      ["file,received_at", ...files.map((f) => `${f.path},${f.receivedAt}`)].join("\n") + "\n",
    ),
    receivedAt: "",
  });
  return files;
}
