// The benchmark at the smallest scale, to prove it runs end to end and checks the planted
// mistakes; its times are never asserted.
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, test } from "vitest";
import { CATALOGUE_DIR } from "../../pipeline/catalogue/location.ts";
import { readCatalogue } from "../../pipeline/catalogue/read.ts";
import { median, peakMb } from "../../pipeline/bench/measure.ts";
import { HISTORY_FILE, submissions, syntheticUnits } from "../../pipeline/bench/synthetic.ts";

const catalogue = await readCatalogue(CATALOGUE_DIR);

describe("the benchmark's data", () => {
  test.each([
    [9, 10],
    [100, 101],
    [2850, 2851],
  ])("%i county-level units: the catalogue's, then synthetic ones (and the city)", (total, withCity) => {
    const units = syntheticUnits(catalogue, total);
    expect(units.length).toBe(withCity);
    expect(new Set(units.map((u) => u.unit_code)).size).toBe(withCity);
    expect(new Set(units.map((u) => u.name_zh)).size).toBe(withCity);
  });

  test("the same scale gives the same files, with one planted mistake per code", () => {
    const units = syntheticUnits(catalogue, 20);
    const a = submissions({ ...catalogue, units }, units, "2021-03");
    const b = submissions({ ...catalogue, units }, units, "2021-03");
    expect(a.history).toBe(b.history);
    expect(a.month.size).toBe(20);
    expect(a.planted.filter((p) => p.file === HISTORY_FILE).map((p) => p.code)).toEqual([
      "unknown_county",
      "bad_number",
      "bad_period",
      "unknown_unit",
      "duplicate_row",
    ]);
    expect(a.history.split("\n")[a.planted[0].line - 1]).toContain("不存在县");
  });

  test("peak memory is read from /usr/bin/time -v; medians of odd and even counts", () => {
    expect(peakMb("\tMaximum resident set size (kbytes): 204800\n")).toBe(200);
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});

describe("npm run bench -- --scale city --last-month 2020-06 (the first half of 2020)", () => {
  test(
    "runs every step with its baseline, checks the planted mistakes and writes the report",
    { timeout: 300_000 },
    async () => {
      const out = join(mkdtempSync(join(tmpdir(), "kpi-bench-test-")), "BENCHMARKS.md");
      const { stdout } = await promisify(execFile)(
        "node",
        [
          "--import",
          "tsx",
          "pipeline/bench/run.ts",
          "--scale",
          "city",
          "--runs",
          "1",
          "--last-month",
          "2020-06",
          "--out",
          out,
        ],
        { maxBuffer: 10_000_000 },
      );
      for (const step of [
        "ingest one large file",
        "kpi build from scratch",
        "ingest 9 files",
        "kpi build after the month",
        "kpi sql",
      ])
        expect(stdout).toContain(step);
      expect(stdout).not.toContain("did not finish");
      expect(stdout).toMatch(
        /accepted \d+ = bare \d+ − planted 7: yes; rejections exactly the planted ones \(.*\): yes/,
      );
      const report = readFileSync(out, "utf-8");
      expect(report).toContain("npm run bench -- --scale city --runs 1");
      expect(report).toContain("--last-month 2020-06");
      expect(report).toContain("× bare");
      // the exported bytes each page loads, every page named
      expect(report).toContain("data MB on opening");
      for (const page of ["/", "/submit", "/areas/zero-proof", "/units/[unit]"])
        expect(report).toMatch(new RegExp(`\\n${page.replace(/[[\]/]/g, "\\$&")}\\s+\\d+\\.\\d{3}`));
    },
  );
});
