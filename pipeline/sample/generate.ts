// The seeded generator of data/sample/: every unit's monthly report (月报) from 2020-01 to 2026-10
// in the county template, carrying every indicator the unit owes that month (the catalogue's
// reporting duties at each indicator's frequency: quarterly rows in the quarter's last month,
// annual rows in December) and its tasks (a completion date and evidence in the month it was
// done; a blank row while it is not), with late and missing reports, a handful of planted
// mistakes, the receipt log (_received.csv), the list of planted problems (_planted.json) and the
// sample's own clock (_snapshot.json: the moment it describes, which its builds are as of).
// The city (211400) sends its own report in the months it owes something. Same seed, same bytes.
import { buildTemplate } from "../ingest/template.ts";
import { months, monthKey, SNAPSHOT, two, type Period } from "./calendar.ts";
import { catalogue, tasksOf } from "./catalogue.ts";
import { PLANTS } from "./mistakes.ts";
import type { PlantedFile } from "./plant.ts";
import { keyedRandom } from "./random.ts";
import { REPORTERS, type Reporter } from "./reporters.ts";
import { cityAnnualRows, singleWindowRows } from "./series/city.ts";
import { farmlandRows, facilityRows, grainRows, herbalRows, peanutRows } from "./series/crops.ts";
import { coopRows, familyFarmRows, manureFlowRows, manureRows, sampleRows } from "./series/farms.ts";
import { aquacultureRows, marineRanchRows, premiumFisheryRows, violationRows } from "./series/fishing.ts";
import {
  clusterRevenueRows,
  clusterRows,
  ecommerceLeaderRows,
  geoIndicationRows,
  leadingEnterpriseRows,
  leisureRows,
  oneVillageRows,
} from "./series/rural.ts";
import { decisionRows, oneTripRows, reviewRows, serviceRows, venueRows } from "./series/services.ts";
import { commitmentRow, deliverablePlan } from "./series/commitments.ts";
import { MILESTONES } from "./series/tasks.ts";
import { communityRows, demoStreetRows, dumpSiteRows, institutionRows, villageRows } from "./series/waste.ts";
import { cells, encodeFile, HEADER, type SampleRow } from "./template.ts";

export { FIRST_MONTH, LAST_MONTH, SNAPSHOT } from "./calendar.ts";
export { HEADER } from "./template.ts";
export const SEED = 20200427;
export const PLANTED = "_planted.json";
export const SNAPSHOT_FILE = "_snapshot.json";

export interface SampleFile {
  /** relative to the sample folder */
  path: string;
  bytes: Uint8Array;
  receivedAt: string;
}

/** Every series; each gives rows only for the units that owe them (checked against the duties). */
const SERIES: ((reporter: Reporter, seed: number) => SampleRow[])[] = [
  grainRows,
  facilityRows,
  violationRows,
  institutionRows,
  serviceRows,
  villageRows,
  communityRows,
  demoStreetRows,
  dumpSiteRows,
  sampleRows,
  oneTripRows,
  reviewRows,
  decisionRows,
  singleWindowRows,
  peanutRows,
  herbalRows,
  farmlandRows,
  manureRows,
  manureFlowRows,
  premiumFisheryRows,
  aquacultureRows,
  marineRanchRows,
  coopRows,
  familyFarmRows,
  leadingEnterpriseRows,
  ecommerceLeaderRows,
  leisureRows,
  oneVillageRows,
  geoIndicationRows,
  clusterRows,
  clusterRevenueRows,
  venueRows,
  cityAnnualRows,
];

/** A period as the template writes it: 2025-06, 2025Q3, 2025. */
function periodKey(period: Period): string {
  if (period.kind === "month") return monthKey(period);
  if (period.kind === "quarter") return `${period.y}Q${period.q}`;
  return String(period.y);
}

/** The template's period text (2025-06, 2025Q3, 2025) as a period. */
function periodOf(text: string): Period {
  const [y, rest] = [Number(text.slice(0, 4)), text.slice(4)];
  if (rest.startsWith("Q")) return { kind: "quarter", y, q: Number(rest.slice(1)) };
  if (rest.startsWith("-")) return { kind: "month", y, m: Number(rest.slice(1)) };
  return { kind: "year", y };
}

/**
 * A unit's figures by indicator and period (`made`: what the hand-written series make for it), handed
 * out as the template asks for them; an indicator no hand-written series makes for any unit
 * (`bespoke` lacks it) is a commitment's (series/commitments.ts).
 */
function figures(reporter: Reporter, seed: number, made: SampleRow[], bespoke: Set<string>) {
  const rows = new Map<string, SampleRow>();
  for (const row of made) {
    const key = `${row.indicator}|${periodKey(row.period)}`;
    if (rows.has(key)) throw new Error(`${reporter.code}: two rows for ${key}`);
    rows.set(key, row);
  }
  return {
    take(indicator: string, period: string): SampleRow {
      if (!bespoke.has(indicator)) return commitmentRow(seed, indicator, reporter.code, periodOf(period));
      const key = `${indicator}|${period}`;
      const row = rows.get(key);
      if (!row) throw new Error(`${reporter.code} owes ${key} but no series makes it`);
      rows.delete(key);
      return row;
    },
    /** rows no duty asked for: a series that reports for a unit that does not owe it */
    left: () => [...rows.keys()],
  };
}

/** A unit's tasks: the month whose report first carries each completed one, and its row. */
function taskReports(reporter: Reporter, seed: number) {
  return tasksOf(reporter.code).map((target) => {
    const plan = MILESTONES[target.target_id] ?? deliverablePlan(seed, target, SNAPSHOT);
    if (!plan.done) return { id: target.target_id };
    if (!plan.evidence) throw new Error(`task ${target.target_id}: done without evidence`);
    return {
      id: target.target_id,
      month: plan.reportIn ?? plan.done.slice(0, 7),
      done: plan.done,
      evidence: plan.evidence,
    };
  });
}

function taskRow(id: string, month: string, done = "", evidence = ""): SampleRow {
  const [y, m] = month.split("-").map(Number);
  // 计量单位 as the template fills it in for a task row
  return { indicator: id, period: { kind: "month", y, m }, value: done, unit: "完成日期", note: evidence, task: true };
}

/**
 * When a report arrives: by the 10th of the next month, or late (the 11th to the 23rd), or never
 * (though never a December one).
 */
function receipts(reporter: Reporter, seed: number) {
  const random = keyedRandom(seed, "receipt", reporter.code);
  return (y: number, m: number) => {
    const late = random() < reporter.lateRate;
    // the year-end report (年报) is chased until it comes: late perhaps, never missing
    const missing = random() < reporter.missingRate && m !== 12;
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
  const made = REPORTERS.map((reporter) => SERIES.flatMap((series) => series(reporter, seed)));
  const bespoke = new Set(made.flat().map((row) => row.indicator));
  const units = REPORTERS.map((reporter, i) => ({
    reporter,
    figures: figures(reporter, seed, made[i], bespoke),
    tasks: taskReports(reporter, seed),
    sent: new Set<string>(),
    receipt: receipts(reporter, seed),
  }));
  const files: SampleFile[] = [];
  const planted: PlantedFile[] = [];
  for (const { y, m } of months()) {
    const month = monthKey({ y, m });
    for (const { reporter, figures, tasks, sent, receipt } of units) {
      const { missing, receivedAt } = receipt(y, m);
      const template = buildTemplate(catalogue(), month, reporter.code);
      const due = template.rows.map((row) => figures.take(row.indicator.indicator_id, row.period));
      // completed tasks not reported yet (a missed report carries them to the next), then the
      // template's task rows still open, left blank
      const done = tasks.filter((t) => t.month && t.month <= month && !sent.has(t.id));
      const open = template.tasks
        .map((t) => t.target.target_id)
        .filter((id) => !sent.has(id) && !done.some((t) => t.id === id));
      if (due.length === 0 && done.length === 0) continue;
      const monthRows = [
        ...due,
        ...done.map((t) => taskRow(t.id, month, t.done, t.evidence)),
        ...open.map((id) => taskRow(id, month)),
      ];
      const plant = plants.get(`${month}/${reporter.code}`);
      plants.delete(`${month}/${reporter.code}`);
      if (plant) {
        const sentInstead = plant.build({ reporter, rows: monthRows, receivedAt, month, seed });
        planted.push(...sentInstead);
        files.push(...sentInstead);
        if (!plant.extra) {
          if (done.length > 0) throw new Error(`${month}/${reporter.code}: a plant replaces a task report`);
          continue;
        }
      }
      if (missing) continue;
      const lines = [HEADER, ...monthRows.map((row) => cells(reporter, row))];
      files.push({ path: `${month}/${reporter.code}.csv`, bytes: encodeFile(reporter, lines), receivedAt });
      for (const t of done) sent.add(t.id);
    }
  }
  if (plants.size > 0) throw new Error(`plants in months with no report: ${[...plants.keys()].join(", ")}`);
  for (const { reporter, figures, tasks, sent } of units) {
    const extra = figures.left();
    if (extra.length > 0) throw new Error(`${reporter.code} does not owe ${extra.slice(0, 5).join(", ")}`);
    const unsent = tasks.filter((t) => t.month && !sent.has(t.id));
    if (unsent.length > 0)
      throw new Error(`${reporter.code}: completed tasks never reported: ${unsent.map((t) => t.id)}`);
  }
  const log = ["file,received_at", ...files.map((f) => `${f.path},${f.receivedAt}`)].join("\n") + "\n";
  files.push({ path: "_received.csv", bytes: new TextEncoder().encode(log), receivedAt: "" });
  files.push({ path: PLANTED, bytes: new TextEncoder().encode(plantedJson(planted)), receivedAt: "" });
  const clock = { as_of: SNAPSHOT, note: "示例数据的截至时刻：2026年10月数据报送期限（11月10日）结束时" };
  files.push({
    path: SNAPSHOT_FILE,
    bytes: new TextEncoder().encode(JSON.stringify(clock, null, 2) + "\n"),
    receivedAt: "",
  });
  return files;
}
