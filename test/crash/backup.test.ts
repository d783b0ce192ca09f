// kpi backup and kpi restore on a real warehouse (the whole sample ingested, a token issued): the
// restored warehouse answers every query as the original did, and the backup's archive, replayed
// into an empty warehouse through its receipt log, reproduces observations exactly. In the crash
// project (npm run test:crash): it ingests the whole sample twice.
import { existsSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, expect, test } from "vitest";
import { BACKUP_FILE } from "../../pipeline/warehouse/backup.ts";
import { kpi } from "../support/cli.ts";
import { query } from "../support/warehouse-state.ts";

const work = mkdtempSync(join(tmpdir(), "kpi-backup-"));
const db = join(work, "live", "warehouse.duckdb");
const backup = join(work, "backup");

/** every table and view, each as its rows in order */
async function everything(path: string): Promise<Record<string, string>> {
  const names = await query(
    path,
    `select table_name from duckdb_tables() where not temporary and database_name = current_database()
     union all select view_name from duckdb_views() where not internal and not temporary and database_name = current_database()
     order by 1`,
  );
  const out: Record<string, string> = {};
  for (const [name] of names)
    out[String(name)] = JSON.stringify(await query(path, `select * from "${String(name)}" order by all`), (_k, v) =>
      typeof v === "bigint" ? String(v) : v,
    );
  return out;
}

beforeAll(async () => {
  expect((await kpi(["ingest", "--db", db, "data/sample"])).code).toBe(2); // the sample plants unusable files
  expect((await kpi(["token", "create", "--db", db, "--unit", "211481", "--label", "备份测试"])).code).toBe(0);
  const { code, out } = await kpi(["backup", "--db", db, "--out", backup]);
  expect(code).toBe(0);
  expect(out).toMatch(/备份完成 backed up: \d+ tables, \d+ rows, \d+ archived files/);
});

test("the backup holds the export, the archive and its manifest; a second backup to the same folder is refused", async () => {
  expect(readdirSync(backup).sort()).toEqual(["archive", BACKUP_FILE, "warehouse"]);
  expect(existsSync(join(backup, "warehouse", "schema.sql"))).toBe(true);
  const again = await kpi(["backup", "--db", db, "--out", backup]);
  expect(again.code).toBe(2);
  expect(again.err).toContain("already exists");
});

test("a restored warehouse gives identical results for every table and view", async () => {
  const restored = join(work, "restored", "warehouse.duckdb");
  const { code, out } = await kpi(["restore", backup, "--db", restored]);
  expect(code).toBe(0);
  expect(out).toContain("恢复完成 restored");
  const [original, copy] = [await everything(db), await everything(restored)];
  expect(Object.keys(copy)).toEqual(Object.keys(original));
  expect(Object.keys(original)).toContain("observations");
  for (const name of Object.keys(original)) expect(copy[name], name).toBe(original[name]);
  // and the archive came back beside it, every file
  const [[files]] = await query(restored, "select count(distinct archive_path) from submissions");
  const archived = readdirSync(join(work, "restored", "archive"), { recursive: true }).filter((f) =>
    String(f).includes("."),
  );
  expect(archived.length).toBeGreaterThanOrEqual(Number(files));
});

test("restoring over a warehouse keeps the one that was there", async () => {
  const target = join(work, "over", "warehouse.duckdb");
  expect((await kpi(["ingest", "--db", target, "test/fixtures/warehouse/oct-report.csv"])).code).toBe(0);
  const { code, err } = await kpi(["restore", backup, "--db", target]);
  expect(code).toBe(0);
  expect(err).toContain("before-restore-");
  const kept = readdirSync(join(work, "over")).find((f) => f.includes(".before-restore-"))!;
  expect(await query(join(work, "over", kept), "select count(*) from submissions")).toEqual([[1]]);
  expect(await query(target, "select count(*) from submissions")).toEqual(
    await query(db, "select count(*) from submissions"),
  );
});

test("a folder that is not a backup is refused and nothing is written", async () => {
  const target = join(work, "nothing", "warehouse.duckdb");
  const { code, err } = await kpi(["restore", work, "--db", target]);
  expect(code).toBe(2);
  expect(err).toContain("not a backup folder");
  expect(existsSync(target)).toBe(false);
});

test("re-ingesting the backup's archive into an empty warehouse reproduces observations exactly", async () => {
  const replay = join(work, "replay", "warehouse.duckdb");
  expect((await kpi(["ingest", "--db", replay, join(backup, "archive")])).code).toBe(2);
  const all = "select * from observations order by all";
  const [original, again] = [await query(db, all), await query(replay, all)];
  expect(original.length).toBeGreaterThan(1000);
  expect(again).toEqual(original);
  const history = "select * from observation_history order by all";
  expect(await query(replay, history)).toEqual(await query(db, history));
});
