// A full disk: the warehouse on a small tmpfs, filled to within a few hundred kilobytes. kpi ingest
// of a big file says the disk is full (exit 3, never an internal error), the warehouse keeps what
// it held, and once there is room again the same command loads the file. Mounting needs root:
// without it the test is skipped, and says why.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, statfsSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { CATALOGUE_DIR } from "../../pipeline/catalogue/location.ts";
import { readCatalogue } from "../../pipeline/catalogue/read.ts";
import { manyRows } from "../crash/many-rows.ts";
import { kpi } from "../support/cli.ts";
import { INGEST_TABLES, tablesAsText } from "../support/warehouse-state.ts";

const work = mkdtempSync(join(tmpdir(), "kpi-full-disk-"));
const disk = join(work, "disk");
const db = join(disk, "warehouse.duckdb");
const filler = join(disk, "filler");
const RECEIVED = "2025-11-05T09:00:00+08:00";

function mount(): string | undefined {
  try {
    execFileSync("mkdir", ["-p", disk]);
    execFileSync("mount", ["-t", "tmpfs", "-o", "size=12m", "tmpfs", disk], { stdio: "pipe" });
    return undefined;
  } catch (error) {
    return String((error as { stderr?: Buffer }).stderr ?? error).trim() || "mount failed";
  }
}

const notMounted = mount();
if (notMounted) console.warn(`full-disk test skipped: cannot mount a small tmpfs (needs root): ${notMounted}`);

afterAll(() => {
  if (!notMounted) execFileSync("umount", [disk]);
  rmSync(work, { recursive: true, force: true });
});

const big = join(work, "many.csv");
beforeAll(async () => {
  writeFileSync(big, manyRows(await readCatalogue(CATALOGUE_DIR), [2023]));
});

const ingest = (file: string) => kpi(["ingest", "--db", db, "--received-at", RECEIVED, file]);

test.skipIf(notMounted !== undefined)(
  "a full disk gives a clear message, loses nothing, and the next run after freeing space succeeds",
  async () => {
    expect((await ingest("test/fixtures/warehouse/oct-report.csv")).code).toBe(0);
    const before = await tablesAsText(db, INGEST_TABLES);
    const fileKb = Math.ceil(statSync(big).size / 1024);
    for (const room of [100, fileKb + 150]) {
      // leave `room` KB: at 100 the archive copy fails; with room for the file and 150 KB more, the warehouse's commit does
      const free = Math.floor((statfsSync(disk).bavail * statfsSync(disk).bsize) / 1024);
      writeFileSync(filler, Buffer.alloc((free - room) * 1024));
      const full = await ingest(big);
      expect(full.code, full.err).toBe(3);
      expect(full.err).toContain("磁盘已满 the disk is full");
      expect(full.err).not.toMatch(/internal error/);
      expect(await tablesAsText(db, INGEST_TABLES)).toBe(before);
      rmSync(filler);
    }
    const again = await ingest(big);
    expect([0, 1], again.err).toContain(again.code); // loaded (some made-up figures may break a rule)
    expect(await tablesAsText(db, INGEST_TABLES)).not.toBe(before);
  },
  120_000,
);
