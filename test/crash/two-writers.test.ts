// Two writers: while one kpi process holds the warehouse, a second kpi ingest or kpi build waits
// (--wait SECONDS, saying so and who holds it) and then fails clearly, changing nothing; given long
// enough, it goes ahead once the first lets go. Real processes on a real warehouse file.
import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, expect, test } from "vitest";
import { CATALOGUE_DIR } from "../../pipeline/catalogue/location.ts";
import { readCatalogue } from "../../pipeline/catalogue/read.ts";
import { runKpi } from "./kill.ts";
import { manyRows } from "./many-rows.ts";
import { INGEST_TABLES, tablesAsText } from "../support/warehouse-state.ts";

const work = mkdtempSync(join(tmpdir(), "kpi-two-writers-"));
const db = join(work, "warehouse.duckdb");
const big = join(work, "many.csv");
const RECEIVED = "2025-11-05T09:00:00+08:00";

beforeAll(async () => {
  writeFileSync(join(work, "index.html"), "<!doctype html><title>kpi</title>");
  writeFileSync(big, manyRows(await readCatalogue(CATALOGUE_DIR), [2022, 2023]));
  expect(
    (await runKpi(["ingest", "--db", db, "--received-at", RECEIVED, "test/fixtures/warehouse/oct-report.csv"])).code,
  ).toBe(0);
});

/** a kpi serve on the warehouse: the writer that holds it until stopped */
async function serve(): Promise<{ pid: number; stop: () => Promise<void> }> {
  const child = spawn(
    process.execPath,
    ["bin/kpi.js", "serve", "--port", "0", "--db", db, "--dist", work, "--out", join(work, "exports")],
    {
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  child.stdout.on("data", (c) => (output += c));
  child.stderr.on("data", (c) => (output += c));
  const exited = new Promise<void>((done) => child.on("exit", () => done()));
  await new Promise<void>((done, fail) => {
    const timer = setInterval(() => /serving http/.test(output) && (clearInterval(timer), done()), 100);
    exited.then(() => fail(new Error(`kpi serve exited: ${output}`)));
  });
  return { pid: child.pid!, stop: () => (child.kill("SIGTERM"), exited) };
}

test("while kpi serve holds the warehouse, kpi ingest and kpi build wait as long as --wait says, then fail naming it, changing nothing", async () => {
  const before = await tablesAsText(db, INGEST_TABLES);
  const server = await serve();
  try {
    const ingest = await runKpi([
      "ingest",
      "--db",
      db,
      "--wait",
      "1",
      "--received-at",
      RECEIVED,
      "test/fixtures/warehouse/oct-correction.csv",
    ]);
    expect(ingest.code).toBe(2);
    expect(ingest.out).toContain("waiting up to 1 s for the warehouse");
    expect(ingest.out).toContain(`kpi serve holds the warehouse (pid ${server.pid}`);
    expect(ingest.out).toContain("（已等待 1 秒 waited 1 s）");
    expect(ingest.out).not.toMatch(/internal error/);
    const build = await runKpi(["build", "--db", db, "--wait", "0", "--out", join(work, "exports")]);
    expect(build.code).toBe(2);
    expect(build.out).toContain(`kpi serve holds the warehouse (pid ${server.pid}`);
    await server.stop();
    expect(await tablesAsText(db, INGEST_TABLES)).toBe(before);
  } finally {
    await server.stop();
  }
}, 120_000);

test("a second kpi ingest while one runs waits for it, saying who holds the warehouse, then loads its own file", async () => {
  const first = runKpi(["ingest", "--db", db, "--received-at", RECEIVED, big]);
  // the second starts while the first is still loading its thousands of rows
  await new Promise((done) => setTimeout(done, 1500));
  const second = await runKpi([
    "ingest",
    "--db",
    db,
    "--wait",
    "120",
    "--received-at",
    RECEIVED,
    "test/fixtures/warehouse/oct-correction.csv",
  ]);
  const one = await first;
  expect([0, 1], one.out).toContain(one.code); // loaded (some made-up figures may break a rule)
  expect(second.code, second.out).toBe(0);
  // whichever opened the warehouse second waited for the other and named it
  const waited = [one, second].filter((r) =>
    /waiting up to \d+ s for the warehouse, held by kpi ingest \(pid \d+\)/.test(r.out),
  );
  expect(waited).toHaveLength(1);
  const [[n]] = await (await import("../support/warehouse-state.ts")).query(db, "select count(*) from submissions");
  expect(n).toBe(3);
}, 180_000);

test("--wait must be a number of seconds", async () => {
  const { code, out } = await runKpi([
    "ingest",
    "--db",
    db,
    "--wait",
    "soon",
    "test/fixtures/warehouse/oct-report.csv",
  ]);
  expect(code).toBe(2);
  expect(out).toContain("--wait: 应为秒数 expected seconds");
});
