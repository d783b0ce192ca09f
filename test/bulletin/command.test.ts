// `kpi bulletin` end to end on a small warehouse: a PDF with at least one page, read from the reader
// marts at a kept moment (nothing rebuilt: the warehouse file is left byte for byte as it was), the
// same text for a month's end as a build as of that month gives.
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { CHROMIUM } from "../../pipeline/browser/chromium.ts";
import { kpi } from "../support/cli.ts";

const dir = mkdtempSync(join(tmpdir(), "kpi-bulletin-test-"));
const db = join(dir, "warehouse.duckdb");
const sha = (path: string) => createHash("sha256").update(readFileSync(path)).digest("hex");
const tempCopies = () =>
  readdirSync(tmpdir()).filter((name) => name.startsWith("kpi-bulletin-") && !dir.endsWith(name));

beforeAll(async () => {
  const ingest = await kpi(["ingest", "--db", db, resolve("test/fixtures/warehouse/oct-report.csv")]);
  expect(ingest.code).toBe(0);
  // kept: the end of every month up to 2025-10, and the build's own moment (2025-11-30)
  expect((await kpi(["build", "--db", db, "--as-of", "2025-11", "--out", join(dir, "exports")])).code).toBe(0);
});

describe.skipIf(!existsSync(CHROMIUM))("kpi bulletin", () => {
  test("writes an A4 PDF of the month's end, leaving the warehouse file unchanged and no temporary copy", async () => {
    const before = sha(db);
    const copiesBefore = tempCopies();
    const out = join(dir, "bulletin.pdf");
    const { code, out: stdout, err } = await kpi(["bulletin", "--db", db, "--month", "2025-10", "--out", out]);
    expect(err).toContain("关于2025年10月重点指标推进情况的通报");
    expect(code).toBe(0);
    expect(stdout).toContain("bulletin as of 2025-10-31");
    const pdf = readFileSync(out);
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const pages = pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? [];
    expect(pages.length).toBeGreaterThanOrEqual(1);
    // A4 is 595 × 842 points
    expect(pdf.toString("latin1")).toMatch(/\/MediaBox \[0 0 59[45](\.\d+)? 84[12](\.\d+)?\]/);
    expect(sha(db)).toBe(before);
    expect(tempCopies()).toEqual(copiesBefore);
  });

  test("a month's end kept by a later build reads exactly as a build as of that month", async () => {
    const kept = join(dir, "kept.html");
    expect((await kpi(["bulletin", "--db", db, "--month", "2025-10", "--out", kept])).code).toBe(0);
    const copy = join(mkdtempSync(join(tmpdir(), "kpi-bulletin-fresh-")), "w.duckdb");
    copyFileSync(db, copy);
    expect((await kpi(["build", "--db", copy, "--as-of", "2025-10", "--out", join(dir, "fresh-exports")])).code).toBe(
      0,
    );
    const fresh = join(dir, "fresh.html");
    expect((await kpi(["bulletin", "--db", copy, "--as-of", "2025-10-31", "--out", fresh])).code).toBe(0);
    // both made on the same day (the tests' clock): the whole document is the same
    expect(readFileSync(kept, "utf-8")).toContain("截至2025年10月31日");
    expect(readFileSync(kept, "utf-8")).toBe(readFileSync(fresh, "utf-8"));
  });

  test("a moment the warehouse does not keep: exit 2, saying which build makes it", async () => {
    const { code, err } = await kpi(["bulletin", "--db", db, "--as-of", "2025-10-15", "--out", join(dir, "z.html")]);
    expect(code).toBe(2);
    expect(err).toContain("kpi build --as-of 2025-10-15");
  });

  test("--out FILE.html writes the same document as HTML", async () => {
    const out = join(dir, "bulletin.html");
    expect((await kpi(["bulletin", "--db", db, "--month", "2025-10", "--out", out])).code).toBe(0);
    const html = readFileSync(out, "utf-8");
    expect(html).toContain("<h1>关于2025年10月重点指标推进情况的通报</h1>");
    // the fixture's two reporting units appear in the ranking
    expect(html).toContain("兴城市");
    expect(html).toContain("绥中县");
  });
});

describe("kpi bulletin's expected failures", () => {
  test.each([
    { argv: ["--out", "x.pdf"], message: "--month" },
    { argv: ["--month", "2025-13", "--out", "x.pdf"], message: "--month" },
    { argv: ["--month", "2025-10"], message: "--out" },
  ])("$argv → exit 2 naming $message", async ({ argv, message }) => {
    const { code, err } = await kpi(["bulletin", "--db", db, ...argv]);
    expect(code).toBe(2);
    expect(err).toContain(message);
  });

  test("no warehouse: a clean message", async () => {
    const { code, err } = await kpi([
      "bulletin",
      "--db",
      join(dir, "none.duckdb"),
      "--month",
      "2025-10",
      "--out",
      join(dir, "x.pdf"),
    ]);
    expect(code).toBe(2);
    expect(err).toContain("数据库不存在");
  });

  test("no Chromium: a clean message and exit 3, the warehouse untouched", async () => {
    const before = sha(db);
    const { code, err } = await kpi(["bulletin", "--db", db, "--month", "2025-10", "--out", join(dir, "y.pdf")], {
      env: { CHROMIUM_PATH: join(dir, "no-chromium") },
    });
    expect(code).toBe(3);
    expect(err).toContain("找不到Chromium");
    expect(existsSync(join(dir, "y.pdf"))).toBe(false);
    expect(sha(db)).toBe(before);
  });
});
