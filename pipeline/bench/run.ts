// `npm run bench [-- --scale city|province|nation] [--runs N] [--out FILE]`: times ingestion, the
// builds and a query at a scale, each step as its own process with its bare-DuckDB baseline
// measured in the same run, checks that exactly the planted mistakes were rejected, prints the
// table and writes BENCHMARKS.md. Everything it makes lives in a temporary folder, removed after.
import { DuckDBInstance } from "@duckdb/node-api";
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import { join, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { CATALOGUE_DIR } from "../catalogue/location.ts";
import { CATALOGUE_FILES, readCatalogue } from "../catalogue/read.ts";
import { measure, median, type Measured } from "./measure.ts";
import { pageData } from "./page-data.ts";
import { formatServe, measureServe } from "./serve.ts";
import { benchmarksMd, formatPageData, formatSteps, type Step } from "./report.ts";
import {
  HISTORY_FILE,
  monthAfter,
  SCALES,
  submissions,
  syntheticUnits,
  unitsCsv,
  type Planted,
  type Scale,
} from "./synthetic.ts";

const { values } = parseArgs({
  options: {
    scale: { type: "string", default: "city" },
    runs: { type: "string", default: "3" },
    out: { type: "string", default: "BENCHMARKS.md" },
    timeout: { type: "string", default: "1200" },
    "max-mb": { type: "string", default: "8000" },
    "last-month": { type: "string", default: "2026-10" },
    "scratch-runs": { type: "string" },
  },
});
const scale = values.scale as Scale;
if (!(scale in SCALES)) throw new Error(`--scale: city, province or nation, not '${values.scale}'`);
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs: a whole number ≥ 1`);
// a build from scratch takes minutes at the nation: it may be run fewer times than the rest
const scratchRuns = values["scratch-runs"] === undefined ? runs : Number(values["scratch-runs"]);
if (!Number.isInteger(scratchRuns) || scratchRuns < 1) throw new Error(`--scratch-runs: a whole number ≥ 1`);
const timeoutS = Number(values.timeout);
if (!(timeoutS > 0)) throw new Error(`--timeout: seconds a run may take, > 0`);
const maxMb = Number(values["max-mb"]);
if (!(maxMb > 0)) throw new Error(`--max-mb: the memory (MB) at which a run is stopped, > 0`);

// the history (to the month before the last) arrives early in the last month and is built as of
// its end; the last month's files arrive early the month after, built as of the 10th, its due day
const LAST_MONTH = values["last-month"]!;
if (!/^20\d\d-(0[1-9]|1[0-2])$/.test(LAST_MONTH) || LAST_MONTH < "2020-02")
  throw new Error(`--last-month: YYYY-MM after 2020-01, not '${LAST_MONTH}'`);
const NEXT_MONTH = monthAfter(LAST_MONTH);
const HISTORY_RECEIVED = `${LAST_MONTH}-05T10:00:00+08:00`;
const MONTH_RECEIVED = `${NEXT_MONTH}-05T10:00:00+08:00`;
const QUERY = `select scope_code, status, count(*) as targets from kpi_status
  where period = (select max(period) from kpi_status) group by all order by targets desc, scope_code, status`;

const root = resolve(import.meta.dirname, "../..");
const kpi = (...args: string[]) => ["node", join(root, "bin/kpi.js"), ...args];
const bare = (...args: string[]) => ["node", "--import", "tsx", join(root, "pipeline/bench/bare.ts"), ...args];
const work = mkdtempSync(join(tmpdir(), "kpi-bench-"));
const log = (line: string) => process.stderr.write(`${line}\n`);

// the catalogue with the scale's units, beside (never in) data/catalogue/
const catalogueDir = join(work, "catalogue");
mkdirSync(catalogueDir);
const catalogue = await readCatalogue(CATALOGUE_DIR);
const units = syntheticUnits(catalogue, SCALES[scale] || catalogue.units.length - 1);
for (const file of Object.values(CATALOGUE_FILES))
  if (file !== CATALOGUE_FILES.units) copyFileSync(join(CATALOGUE_DIR, file), join(catalogueDir, file));
writeFileSync(join(catalogueDir, CATALOGUE_FILES.units), unitsCsv(Object.keys(units[0]).join(","), units));
const env = { KPI_CATALOGUE: catalogueDir };

const data = submissions({ ...catalogue, units }, units, LAST_MONTH);
const historyFile = join(work, HISTORY_FILE);
writeFileSync(historyFile, data.history);
const monthDir = join(work, "month");
mkdirSync(monthDir);
for (const [file, text] of data.month) writeFileSync(join(monthDir, file), text);
const counties = units.length - 1;
log(
  `bench ${scale}: ${counties} units, ${data.rows} rows (${data.month.size} month files), ${runs} run(s), in ${work}`,
);

interface Repeated {
  runs: Measured[];
  /** the last run's warehouse */
  db: string;
  /** why the step did not finish (it failed or ran out of time), when it did not */
  failed?: string;
}

/** Runs a step `times` times, each on a fresh copy of `from` (a warehouse file) when given; stops at a failed run. */
async function repeat(
  name: string,
  command: (db: string, i: number) => string[],
  from?: string,
  times = runs,
): Promise<Repeated> {
  const measured: Measured[] = [];
  let db = "";
  for (let i = 0; i < times; i++) {
    const dir = join(work, `${name}-${i}`);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir);
    db = join(dir, "warehouse.duckdb");
    if (from) cpSync(from, db);
    const result = await measure(command(db, i), env, { seconds: timeoutS, rssMb: maxMb });
    measured.push(result);
    log(
      `  ${name} [${i + 1}/${times}] ${result.seconds.toFixed(2)} s, ${result.peakMb.toFixed(0)} MB, exit ${result.code}`,
    );
    if (result.code > 1) {
      return { runs: measured, db, failed: result.stopped ?? `exit ${result.code}: ${lastLine(result.out)}` };
    }
  }
  return { runs: measured, db };
}

const lastLine = (text: string) =>
  text
    .trim()
    .split("\n")
    .filter((l) => /error|错误/i.test(l))
    .slice(-1)[0]
    ?.slice(0, 200) ?? "";

const summary = (r: Repeated) => ({
  seconds: median(r.runs.map((m) => m.seconds)),
  peakMb: Math.max(...r.runs.map((m) => m.peakMb)),
  failed: r.failed,
});
const steps: Step[] = [];

// the history in one file is an operator's bulk load: past a county file's limit at a province or the nation
const historyMb = String(Math.ceil(statSync(historyFile).size / 2 ** 20) + 1);
const bareHistory = await repeat("bare-history", (db) => bare("load", db, historyFile));
const ingestHistory = await repeat("ingest-history", (db) =>
  kpi(
    "ingest",
    "--db",
    db,
    "--max-file-mb",
    historyMb,
    "--received-at",
    HISTORY_RECEIVED,
    "--format",
    "json",
    historyFile,
  ),
);
const historyRows = Number(bareHistory.runs[0].out);
steps.push({ name: "ingest one large file", rows: historyRows, ...summary(ingestHistory), bare: summary(bareHistory) });

const exportsScratch = join(work, "exports-scratch");
const scratch = await repeat(
  "build-scratch",
  (db) => kpi("build", "--db", db, "--as-of", LAST_MONTH, "--out", exportsScratch),
  ingestHistory.db,
  scratchRuns,
);
steps.push({ name: "kpi build from scratch", ...summary(scratch) });

// the month's files arrive on the built warehouse (on the ingested one when no build finished)
const bareMonth = await repeat("bare-month", (db) => bare("load", db, join(monthDir, "*.csv")));
const monthIngest = await repeat(
  "ingest-month",
  (db) => kpi("ingest", "--db", db, "--received-at", MONTH_RECEIVED, "--format", "json", monthDir),
  scratch.failed ? ingestHistory.db : scratch.db,
);
const monthRows = Number(bareMonth.runs[0].out);
steps.push({
  name: `ingest ${data.month.size} files (a month)`,
  rows: monthRows,
  ...summary(monthIngest),
  bare: summary(bareMonth),
});

const exportsDir = join(work, "exports");
let warehouseMb = statSync(monthIngest.db).size / 1e6;
let exported = "none (no build finished)";
let pages = "";
if (!scratch.failed) {
  const monthBuild = await repeat(
    "build-month",
    (db) => kpi("build", "--db", db, "--as-of", `${NEXT_MONTH}-10`, "--out", exportsDir),
    monthIngest.db,
  );
  steps.push({ name: "kpi build after the month", ...summary(monthBuild) });
  if (!monthBuild.failed) {
    const bareQuery = await repeat("bare-query", (db) => bare("query", db, QUERY), monthBuild.db);
    const sqlQuery = await repeat("kpi-sql", (db) => kpi("sql", "--db", db, "--format", "csv", QUERY), monthBuild.db);
    steps.push({ name: "an analyst's query (kpi sql)", ...summary(sqlQuery), bare: summary(bareQuery) });
    warehouseMb = statSync(monthBuild.db).size / 1e6;
    exported = exportSizes(exportsDir);
    pages = formatPageData(pageData(join(root, "dashboard"), exportsDir));
  }
}

// the service on the ingested history, never built: its first build runs while a unit's month file arrives
const serveDir = join(work, "serve");
mkdirSync(serveDir);
cpSync(ingestHistory.db, join(serveDir, "warehouse.duckdb"));
const [firstFile] = data.month.keys();
const serve = formatServe(
  await measureServe(kpi, env, serveDir, join(serveDir, "warehouse.duckdb"), {
    unit: firstFile.replace(/\.csv$/, ""),
    file: join(monthDir, firstFile),
  }),
);
log(`  ${serve}`);

const acceptance = await checkPlanted(monthIngest.db, data.planted, historyRows + monthRows);
const table = formatSteps(steps);
process.stdout.write(
  `\n${table}\n${serve}\n${acceptance.text}\nwarehouse ${warehouseMb.toFixed(1)} MB; exports ${exported}\n${pages}\n`,
);
writeFileSync(
  resolve(values.out),
  benchmarksMd({
    command: `npm run bench -- --scale ${scale} --runs ${runs}${scratchRuns === runs ? "" : ` --scratch-runs ${scratchRuns}`} --timeout ${timeoutS} --max-mb ${maxMb} --last-month ${LAST_MONTH}`,
    machine: `${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}`,
    scale: `${scale}: ${counties} county-level units, ${data.rows} rows; ${data.month.size} files in the month`,
    table,
    serve,
    acceptance: acceptance.text,
    warehouseMb,
    exports: exported,
    pages,
  }),
);
log(`wrote ${relative(process.cwd(), resolve(values.out))}`);
rmSync(work, { recursive: true, force: true });
process.exitCode = acceptance.ok && steps.every((step) => !step.failed) ? 0 : 1;

/** Acceptance 2: accepted rows = the bare load's rows less the planted mistakes; rejections = the planted ones. */
async function checkPlanted(db: string, planted: Planted[], bareRows: number): Promise<{ ok: boolean; text: string }> {
  const instance = await DuckDBInstance.create(db, { access_mode: "READ_ONLY" });
  const connection = await instance.connect();
  try {
    const accepted = Number(
      (await connection.runAndReadAll("select sum(rows_accepted) from submissions")).getRows()[0][0],
    );
    const rejected = (
      await connection.runAndReadAll(
        `select s.file_name, r.source_line, r.code, r.severity from rejections r join submissions s using (submission_id)
         order by all`,
      )
    )
      .getRows()
      .map(([file, line, code, severity]) => `${file}:${line} ${code}${severity === "warning" ? " (warning)" : ""}`)
      .sort();
    const expected = planted.map((p) => `${p.file}:${p.line} ${p.code}`).sort();
    const rowsOk = accepted === bareRows - planted.length;
    const setOk = JSON.stringify(rejected) === JSON.stringify(expected);
    const text =
      `accepted ${accepted} = bare ${bareRows} − planted ${planted.length}: ${rowsOk ? "yes" : "NO"}; ` +
      `rejections exactly the planted ones (${expected.join(", ")}): ${setOk ? "yes" : `NO — got ${rejected.join(", ")}`}`;
    return { ok: rowsOk && setOk, text };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** The exported bytes, in all and per folder (a page loads its folder's files and a few shared ones). */
function exportSizes(dir: string): string {
  const sizes = new Map<string, number>();
  const walk = (path: string, top: string) => {
    for (const entry of readdirSync(path, { withFileTypes: true })) {
      const full = join(path, entry.name);
      if (entry.isDirectory()) walk(full, top || entry.name);
      else sizes.set(top || "(top level)", (sizes.get(top || "(top level)") ?? 0) + statSync(full).size);
    }
  };
  walk(dir, "");
  const total = [...sizes.values()].reduce((a, b) => a + b, 0);
  const mb = (n: number) => `${(n / 1e6).toFixed(2)} MB`;
  return `${mb(total)} (${[...sizes].map(([k, v]) => `${k} ${mb(v)}`).join(", ")})`;
}
