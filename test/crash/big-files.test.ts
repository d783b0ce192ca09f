// Big inputs, generated here (never committed). A 500 MB file is streamed into the archive and
// refused as a whole (file_too_large) with the process's peak memory under 1 GB; a file of a
// million bad rows gives a report that stays readable: counts by code, the first problems in full,
// every one of them in rejections.
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, test } from "vitest";
import { query } from "../support/warehouse-state.ts";

const work = mkdtempSync(join(tmpdir(), "kpi-big-"));
const RECEIVED = "2026-11-05T09:00:00+08:00";
const ONE_GB_KB = 1024 * 1024;
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** writes `count` lines made by `line(i)` under the template header, streamed */
async function writeLines(path: string, count: number, line: (i: number) => string): Promise<void> {
  const out = createWriteStream(path);
  out.write("报送单位,指标,统计期,数值,计量单位,备注\n");
  for (let i = 0; i < count; i++)
    if (!out.write(line(i))) await new Promise<void>((done) => out.once("drain", () => done()));
  await new Promise<void>((done) => out.end(() => done()));
}

function ingestMeasured(db: string, file: string): Promise<{ code: number | null; out: string; peakKb: number }> {
  const child = spawn(process.execPath, [
    "test/crash/peak-memory.mjs",
    "ingest",
    "--db",
    db,
    "--received-at",
    RECEIVED,
    file,
  ]);
  let out = "";
  child.stdout.on("data", (c) => (out += c));
  child.stderr.on("data", (c) => (out += c));
  return new Promise((done) =>
    child.on("exit", (code) => done({ code, out, peakKb: Number(/peak_rss_kb=(\d+)/.exec(out)?.[1] ?? NaN) })),
  );
}

async function sha256Of(path: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(path)) hash.update(chunk);
  return hash.digest("hex");
}

const UNITS = ["兴城市", "绥中县", "建昌县", "连山区", "龙港区", "南票区"];
const period = (i: number) => `20${20 + (((i / 6) % 6) | 0)}-${String((((i / 36) % 12) | 0) + 1).padStart(2, "0")}`;
const row = (i: number) => `${UNITS[i % 6]},粮食产量,${period(i)},${i % 1000}.5,万吨,第${i}行\n`;

test("a 500 MB file: archived whole by streaming, refused as too large, peak memory under 1 GB", async () => {
  const file = join(work, "huge.csv");
  await writeLines(file, 10_000_000, row);
  const size = statSync(file).size;
  expect(size).toBeGreaterThan(500 * 1000 * 1000);
  const db = join(work, "huge", "warehouse.duckdb");
  const run = await ingestMeasured(db, file);
  expect(run.code, run.out).toBe(2);
  expect(run.out).toContain("file_too_large");
  expect(run.out).not.toMatch(/internal error/);
  expect(run.peakKb, `peak ${run.peakKb} KB`).toBeLessThan(ONE_GB_KB);
  const [[status, bytes, sha, path]] = await query(
    db,
    "select status, size_bytes, sha256, archive_path from submissions",
  );
  expect([status, bytes]).toEqual(["unusable", size]);
  expect(sha).toBe(await sha256Of(file));
  expect(await sha256Of(join(work, "huge", "archive", String(path)))).toBe(sha);
  console.log(`500 MB input (${size} bytes): peak memory ${Math.round(run.peakKb / 1024)} MB`);
}, 600_000);

test("a million rows, nearly all bad: the report gives counts by code and the first problems, rejections has them all", async () => {
  const file = join(work, "million.csv");
  // six units × 72 months of one indicator: every later row repeats an earlier key (duplicate_row)
  await writeLines(file, 1_000_000, row);
  const db = join(work, "million", "warehouse.duckdb");
  const run = await ingestMeasured(db, file);
  expect(run.code, run.out.slice(0, 2000)).toBe(1);
  const [[id, read, rejected]] = await query(db, "select submission_id, rows_read, rows_rejected from submissions");
  expect(read).toBe(1_000_000);
  expect(run.out).toMatch(new RegExp(`问题 ${rejected} 个，按代码 problems by code: duplicate_row ${rejected}`));
  expect(run.out).toContain(`其余见 the rest: kpi sql "from rejections where submission_id = ${id}"`);
  // twenty problems in full, each with its message on its own line
  expect(run.out.match(/→ 与第\d+行重复/g)).toHaveLength(20);
  expect(run.out.split("\n").length).toBeLessThan(100);
  expect(await query(db, "select count(*) from rejections")).toEqual([[rejected]]);
  console.log(`a million rows: peak memory ${Math.round(run.peakKb / 1024)} MB`);
}, 600_000);
