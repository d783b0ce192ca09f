// SIGKILL during `kpi ingest` of a big valid file, at seeded moments: each time the warehouse opens
// and holds exactly the state before the run or after it, every submission's archived file is
// there with its SHA-256, and the next run succeeds and ends in the state after.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, expect, test } from "vitest";
import { CATALOGUE_DIR } from "../../pipeline/catalogue/location.ts";
import { readCatalogue } from "../../pipeline/catalogue/read.ts";
import { keyedRandom } from "../../pipeline/sample/random.ts";
import { archiveProblems, copyOf, runKpi, warehouseFingerprint } from "./kill.ts";
import { manyRows } from "./many-rows.ts";

const RECEIVED = "2025-11-05T09:00:00+08:00";

export function ingestKills(first: number, count: number): void {
  const work = mkdtempSync(join(tmpdir(), "kpi-kill-ingest-"));
  const base = join(work, "base");
  const file = join(work, "many.csv");
  let before = "";
  let after = "";
  let afterCode: number | null = null;
  let duration = 0;

  const ingest = (dir: string, killAfterMs?: number) =>
    runKpi(["ingest", "--db", join(dir, "warehouse.duckdb"), "--received-at", RECEIVED, file], killAfterMs);
  const copyOfBase = (name: string) => copyOf(base, join(work, name));

  beforeAll(async () => {
    writeFileSync(file, manyRows(await readCatalogue(CATALOGUE_DIR), [2023]));
    mkdirSync(base);
    const seed = await runKpi([
      "ingest",
      "--db",
      join(base, "warehouse.duckdb"),
      "--received-at",
      RECEIVED,
      "test/fixtures/warehouse/oct-report.csv",
    ]);
    expect(seed.code, seed.out).toBe(0);
    before = await warehouseFingerprint(join(base, "warehouse.duckdb"));
    const reference = copyOfBase("reference");
    const start = Date.now();
    const run = await ingest(reference);
    duration = Date.now() - start;
    afterCode = run.code;
    // loaded: 0, or 1 when some of its made-up figures break a rule (a rate's numerator over its denominator)
    expect([0, 1], run.out).toContain(run.code);
    after = await warehouseFingerprint(join(reference, "warehouse.duckdb"));
    expect(after).not.toBe(before);
  }, 120_000);

  test(`${count} kills of kpi ingest (seeds ${first}–${first + count - 1}) leave the state before or after`, async () => {
    const outcomes = { before: 0, after: 0 };
    for (let i = first; i < first + count; i++) {
      const dir = copyOfBase(`kill-${i}`);
      const db = join(dir, "warehouse.duckdb");
      // anywhere from the process's start to just past a whole run's length
      const delay = Math.round(keyedRandom(15, "ingest", String(i))() * duration * 1.1);
      const killed = await ingest(dir, delay);
      const state = await warehouseFingerprint(db);
      const which = state === before ? "before" : state === after ? "after" : "mixed";
      expect(which, `kill ${i} after ${delay} ms (exit ${killed.code ?? killed.signal}): ${killed.out}`).not.toBe(
        "mixed",
      );
      outcomes[which as "before" | "after"]++;
      expect(await archiveProblems(db), `kill ${i}`).toEqual([]);
      const next = await ingest(dir);
      expect(next.code === afterCode || next.code === 0, `kill ${i}: the next run ${next.out}`).toBe(true);
      expect(await warehouseFingerprint(db), `kill ${i}: the next run ends in the state after`).toBe(after);
    }
    console.log(`kpi ingest killed ${count} times: ${outcomes.before} left the state before, ${outcomes.after} after`);
  }, 900_000);
}
