// Every page of the built site in headless Chromium: no console error, no request off this
// machine, screenshots at 1280 and 390 px, key figures equal to `kpi sql`.
import { mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { expect, test } from "vitest";
import { kpi } from "../support/cli.ts";
import { watchedPage } from "../support/browser.ts";
import { describePages, OUTPUT, sqlJson as sqlOn, useSite } from "../support/site.ts";

mkdirSync(OUTPUT, { recursive: true });

const site = useSite();
const { url, browser, db } = site;
const sqlJson = (query: string) => sqlOn(db(), query);

const PAGES = [
  { path: "/targets", name: "targets", heading: "目标清单" },
  { path: "/submit", name: "submit", heading: "数据报送" },
];

describePages(site, PAGES);

// the overview and the area pages (grain included) are visited in areas.test.ts

test("the targets page lists every target of the catalogue", async () => {
  const [{ n }] = await sqlJson(`select count(*) as n from targets`);
  const { page } = await watchedPage(browser());
  await page.goto(url() + "/targets", { waitUntil: "networkidle" });
  await expect.poll(() => page.getByTestId("target-count").textContent()).toBe(`显示 ${n} / ${n} 项`);
  await page.close();
});

test("dropping a bad file on 数据报送 shows exactly the problems `kpi ingest` reports", async () => {
  const file = resolve("test/fixtures/precheck/bad-report.csv");
  const cliDb = join(mkdtempSync(join(tmpdir(), "kpi-precheck-")), "w.duckdb");
  const cli = await kpi(["ingest", "--db", cliDb, "--format", "json", file]);
  expect(cli.code).toBe(1);
  const expected = JSON.parse(cli.out)[0].problems.map((p: Record<string, unknown>) => [
    String(p.line),
    p.column,
    p.value,
    p.code,
    p.message_zh,
  ]);
  expect(expected.length).toBeGreaterThanOrEqual(5);

  const { page, consoleErrors } = await watchedPage(browser());
  await page.goto(url() + "/submit", { waitUntil: "networkidle" });
  await page.locator("input[type=file]").setInputFiles(file);
  const table = page.getByTestId("problems");
  await table.waitFor();
  const shown = await table
    .locator("tbody tr")
    .evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll("td")].map((td) => td.textContent?.trim())));
  expect(shown).toEqual(expected);
  const summary = async () => (await page.getByTestId("precheck-summary").textContent())?.replace(/\s+/g, " ");
  await expect.poll(summary).toContain("可接收 1 · 拒收 5 · 跳过 1");
  await page.screenshot({ path: join(OUTPUT, "submit-precheck.png"), fullPage: true });
  expect(consoleErrors).toEqual([]);
  await page.close();
});
