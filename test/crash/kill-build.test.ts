// SIGKILL during `kpi build` at seeded moments: each time the warehouse opens and holds the state
// before or after the build (its own clock aside), the dashboard's data files are the old set or the
// new set — never a mix, never none — and the next build succeeds and ends in the state after.
import { mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, expect, test } from "vitest";
import { keyedRandom } from "../../pipeline/sample/random.ts";
import { copyOf, folderFingerprint, runKpi, warehouseFingerprint } from "./kill.ts";

const KILLS = 10;
const work = mkdtempSync(join(tmpdir(), "kpi-kill-build-"));
const base = join(work, "base");
const state = { before: "", after: "", oldSet: "", newSet: "", duration: 0 };

const build = (dir: string, asOf: string, killAfterMs?: number) =>
  runKpi(["build", "--db", join(dir, "warehouse.duckdb"), "--as-of", asOf, "--out", join(dir, "exports")], killAfterMs);
const copyOfBase = (name: string) => copyOf(base, join(work, name));

beforeAll(async () => {
  mkdirSync(base);
  const ingest = await runKpi(["ingest", "--db", join(base, "warehouse.duckdb"), "data/sample"]);
  expect(ingest.code, ingest.out).toBe(2); // the sample plants unusable files
  // the month before is built and kept: the build under test computes one more month-end
  const first = await build(base, "2026-10");
  expect(first.code, first.out).toBe(0);
  state.before = await warehouseFingerprint(join(base, "warehouse.duckdb"));
  state.oldSet = folderFingerprint(join(base, "exports"));
  const reference = copyOfBase("reference");
  const start = Date.now();
  const run = await build(reference, "2026-11-10");
  state.duration = Date.now() - start;
  expect(run.code, run.out).toBe(0);
  state.after = await warehouseFingerprint(join(reference, "warehouse.duckdb"));
  state.newSet = folderFingerprint(join(reference, "exports"));
  expect(state.after).not.toBe(state.before);
  expect(state.newSet).not.toBe(state.oldSet);
}, 300_000);

test(`${KILLS} kills of kpi build leave the warehouse and the data files before or after, never a mix`, async () => {
  const seen = new Set<string>();
  for (let i = 0; i < KILLS; i++) {
    const dir = copyOfBase(`kill-${i}`);
    const delay = Math.round(keyedRandom(15, "build", String(i))() * state.duration * 1.1);
    const killed = await build(dir, "2026-11-10", delay);
    const why = `kill ${i} after ${delay} ms (exit ${killed.code ?? killed.signal}): ${killed.out}`;
    const warehouse = await warehouseFingerprint(join(dir, "warehouse.duckdb"));
    const files = folderFingerprint(join(dir, "exports"));
    const db = warehouse === state.before ? "before" : warehouse === state.after ? "after" : "mixed";
    const set =
      files === state.oldSet ? "old" : files === state.newSet ? "new" : files === "missing" ? "none" : "mixed";
    expect(db, why).not.toBe("mixed");
    expect(set, why).toMatch(/^(old|new)$/);
    // the files are never ahead of the warehouse (they are written after its transaction commits)
    if (set === "new") expect(db, why).toBe("after");
    seen.add(`${db}/${set}`);
    const next = await build(dir, "2026-11-10");
    expect(next.code, `${why}\nthe next build: ${next.out}`).toBe(0);
    expect(await warehouseFingerprint(join(dir, "warehouse.duckdb")), why).toBe(state.after);
    expect(folderFingerprint(join(dir, "exports")), why).toBe(state.newSet);
  }
  console.log(`kpi build killed ${KILLS} times; warehouse/files seen: ${[...seen].join(", ")}`);
}, 900_000);
