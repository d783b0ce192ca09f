// The seeded generator of data/sample/: every unit's monthly report (月报) from 2020-01 to 2026-10
// in the county template, carrying each indicator at its frequency (quarterly rows in the
// quarter's last month, annual rows in December), with late and missing reports, a handful of
// planted mistakes, the receipt log (_received.csv) and the list of planted problems
// (_planted.json). Same seed, same bytes.
import { fileMonth, monthKey, months, two } from "./calendar.ts";
import { PLANTS } from "./mistakes.ts";
import type { PlantedFile } from "./plant.ts";
import { keyedRandom } from "./random.ts";
import { REPORTERS, type Reporter } from "./reporters.ts";
import { coopRows, familyFarmRows, manureRows, sampleRows } from "./series/farms.ts";
import { farmlandRows, facilityRows, grainRows, peanutRows } from "./series/crops.ts";
import { premiumFisheryRows, violationRows } from "./series/fishing.ts";
import { serviceRows } from "./series/services.ts";
import { communityRows, demoStreetRows, institutionRows, villageRows } from "./series/waste.ts";
import { cells, encodeFile, HEADER, type SampleRow } from "./template.ts";

export { FIRST_MONTH, LAST_MONTH } from "./calendar.ts";
export { HEADER } from "./template.ts";
export const SEED = 20200427;
export const PLANTED = "_planted.json";

export interface SampleFile {
  /** relative to the sample folder */
  path: string;
  bytes: Uint8Array;
  receivedAt: string;
}

/** In the order rows stand in a report: monthly, then quarterly, then annual indicators. */
const SERIES: ((reporter: Reporter, seed: number) => SampleRow[])[] = [
  grainRows,
  facilityRows,
  institutionRows,
  serviceRows,
  violationRows,
  villageRows,
  communityRows,
  demoStreetRows,
  sampleRows,
  peanutRows,
  farmlandRows,
  manureRows,
  premiumFisheryRows,
  coopRows,
  familyFarmRows,
];

/** Each report's rows, by the month whose report carries them. */
function reportRows(reporter: Reporter, seed: number): Map<string, SampleRow[]> {
  const byMonth = new Map<string, SampleRow[]>();
  for (const row of SERIES.flatMap((series) => series(reporter, seed))) {
    const key = fileMonth(row.period);
    byMonth.set(key, [...(byMonth.get(key) ?? []), row]);
  }
  return byMonth;
}

/** When a report arrives: by the 10th of the next month, or late (the 11th to the 23rd), or never. */
function receipts(reporter: Reporter, seed: number) {
  const random = keyedRandom(seed, "receipt", reporter.code);
  return (y: number, m: number) => {
    const late = random() < reporter.lateRate;
    const missing = random() < reporter.missingRate;
    const day = late ? 11 + Math.floor(random() * 13) : 2 + Math.floor(random() * 8);
    const hour = 8 + Math.floor(random() * 9);
    const [ry, rm] = m === 12 ? [y + 1, 1] : [y, m + 1];
    return { missing, receivedAt: `${ry}-${two(rm)}-${two(day)}T${two(hour)}:00:00+08:00` };
  };
}

function plantedJson(planted: PlantedFile[]): string {
  const record = {
    about:
      "Mistakes planted in data/sample/ by pipeline/sample/mistakes.ts. `kpi ingest data/sample` must report exactly these problems (file, line, column, code, severity) and no others; files whose mistake is tolerated report none.",
    files: planted.map((f) => ({
      file: f.path,
      received_at: f.receivedAt,
      mistake: f.mistake,
      problems: f.problems.length,
    })),
    problems: planted.flatMap((f) => f.problems.map((p) => ({ file: f.path, ...p }))),
  };
  return JSON.stringify(record, null, 2) + "\n";
}

export function generateSample(seed = SEED): SampleFile[] {
  const plants = new Map(PLANTS.map((plant) => [`${plant.month}/${plant.code}`, plant]));
  const units = REPORTERS.map((reporter) => ({
    reporter,
    rows: reportRows(reporter, seed),
    receipt: receipts(reporter, seed),
  }));
  const files: SampleFile[] = [];
  const planted: PlantedFile[] = [];
  for (const { y, m } of months()) {
    const month = monthKey({ y, m });
    for (const { reporter, rows, receipt } of units) {
      const { missing, receivedAt } = receipt(y, m);
      const monthRows = rows.get(month) ?? [];
      const plant = plants.get(`${month}/${reporter.code}`);
      if (plant) {
        const sent = plant.build({ reporter, rows: monthRows, receivedAt, month, seed });
        planted.push(...sent);
        files.push(...sent);
      } else if (!missing) {
        const lines = [HEADER, ...monthRows.map((row) => cells(reporter, row))];
        files.push({ path: `${month}/${reporter.code}.csv`, bytes: encodeFile(reporter, lines), receivedAt });
      }
    }
  }
  const log = ["file,received_at", ...files.map((f) => `${f.path},${f.receivedAt}`)].join("\n") + "\n";
  files.push({ path: "_received.csv", bytes: new TextEncoder().encode(log), receivedAt: "" });
  files.push({ path: PLANTED, bytes: new TextEncoder().encode(plantedJson(planted)), receivedAt: "" });
  return files;
}
