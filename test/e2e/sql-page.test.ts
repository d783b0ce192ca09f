// 数据查询 in headless Chromium: DuckDB-wasm over the exported data, served from this machine.
// A typed query shows the same rows as `kpi sql` on the warehouse the site was built from; every
// example query runs; the CSV download neutralises formulas; nothing is fetched from elsewhere.
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { watchedPage, type Watched } from "../support/browser.ts";
import { EXAMPLE_QUERIES } from "../../dashboard/components/example-queries.js";
import { OUTPUT, sqlJson, useSite } from "../support/site.ts";

mkdirSync(OUTPUT, { recursive: true });

const { url, browser, db } = useSite();

async function openPage(viewport?: { width: number; height: number }) {
  const watched = await watchedPage(browser(), viewport);
  await watched.page.goto(url() + "/sql", { waitUntil: "networkidle" });
  // DuckDB-wasm starts and loads every export before the first result: slow on a busy machine
  await watched.page.getByTestId("sql-result").waitFor({ timeout: 90_000 });
  return watched;
}

/** types a query into the editor and waits until the result table has exactly these columns */
async function run(page: Page, query: string, columns: string[]): Promise<void> {
  await page.getByTestId("sql-editor").locator("textarea").fill(query);
  await page.getByRole("button", { name: "运行查询" }).click();
  await expect.poll(() => outcomeOf(page), { timeout: 15_000 }).toEqual({ sql: query, error: false });
  expect(await headers(page)).toEqual(columns);
}

const outcomeOf = (page: Page) =>
  page
    .locator("[data-testid=sql-summary], [data-testid=sql-error]")
    .evaluate((el) => ({ sql: el.getAttribute("data-sql"), error: el.dataset.testid === "sql-error" }));

const headers = (page: Page) =>
  page
    .getByTestId("sql-result")
    .locator("thead th")
    .evaluateAll((ths) => ths.map((th) => th.textContent?.trim() ?? "").filter(Boolean));

// Inputs.table keeps a first column for its row checkboxes, empty here (select: false)
const cells = (page: Page) =>
  page
    .getByTestId("sql-result")
    .locator("tbody tr")
    .evaluateAll((rows) =>
      rows.map((row) => [...row.querySelectorAll("td")].slice(1).map((td) => td.textContent?.trim())),
    );

const SLOW = { timeout: 180_000 };

describe("数据查询 renders", SLOW, () => {
  test.each([
    { viewport: { width: 1280, height: 900 }, label: "1280" },
    { viewport: { width: 390, height: 844 }, label: "390" },
  ])(
    "renders at $label px with the first example's result and chart, no console error, nothing off this machine",
    async ({ viewport, label }) => {
      const { page, consoleErrors, foreignRequests } = await openPage(viewport);
      await expect.poll(() => page.locator("h1").first().textContent()).toContain("数据查询");
      await expect(page.getByTestId("sql-summary").textContent()).resolves.toMatch(/共 [\d,]+ 行/);
      await page.getByTestId("sql-chart").waitFor();
      await page.screenshot({ path: join(OUTPUT, `sql-${label}.png`), fullPage: true });
      expect(consoleErrors).toEqual([]);
      expect(foreignRequests).toEqual([]);
      await page.close();
    },
  );
});

describe("数据查询 runs queries", SLOW, () => {
  let watched: Watched;
  beforeAll(async () => {
    watched = await openPage();
  }, 180_000);
  afterAll(async () => {
    expect(watched.consoleErrors).toEqual([]);
    expect(watched.foreignRequests).toEqual([]);
    await watched.page.close();
  });

  test("a typed query shows exactly the rows `kpi sql` returns on the warehouse, and a bar per row", async () => {
    const query = "select status, count(*) as n from kpi_status group by status order by status";
    const expected = (await sqlJson(db(), query)).map((r) => [String(r.status), String(r.n)]);
    expect(expected.length).toBeGreaterThan(1);
    const { page } = watched;
    await run(page, query, ["status", "n"]);
    expect(await cells(page)).toEqual(expected);
    await expect.poll(() => page.getByTestId("sql-summary").textContent()).toContain(`共 ${expected.length} 行`);
    const bars = page.getByTestId("sql-chart").locator("svg g[aria-label='bar'] rect");
    await expect.poll(() => bars.count()).toBe(expected.length);
    await page.screenshot({ path: join(OUTPUT, "sql-query.png"), fullPage: true });
  });

  test("every example query runs without an error", async () => {
    const { page } = watched;
    const select = page.getByLabel("常用问题");
    expect(await select.locator("option").allTextContents()).toEqual(EXAMPLE_QUERIES.map((q) => q.title));
    expect(EXAMPLE_QUERIES.length).toBeGreaterThanOrEqual(10);
    const editor = page.getByTestId("sql-editor").locator("textarea");
    // the first example is already chosen when the page opens: choose it last, so it changes too
    const order = [...EXAMPLE_QUERIES.keys()].slice(1).concat(0);
    for (const index of order) {
      const { title, sql } = EXAMPLE_QUERIES[index];
      await select.selectOption({ index });
      // choosing an example puts its text in the editor and runs it; the summary (or the error)
      // carries the query it belongs to. Generous: DuckDB-wasm shares two cores with the suite
      await expect.poll(() => editor.inputValue()).toBe(sql);
      await expect.poll(() => outcomeOf(page), { timeout: 45_000 }).toEqual({ sql, error: false });
      expect(await page.getByTestId("sql-error").count(), title).toBe(0);
    }
  }, 300_000);

  test("a query error is shown on the page, not thrown", async () => {
    const { page } = watched;
    await page.getByTestId("sql-editor").locator("textarea").fill("select * from no_such_table");
    await page.getByRole("button", { name: "运行查询" }).click();
    await expect.poll(() => page.getByTestId("sql-error").textContent()).toContain("no_such_table");
  });

  test("the CSV download keeps numbers and neutralises cells that a spreadsheet would run", async () => {
    const { page } = watched;
    await run(page, `select '=1+1' as formula, '@SUM(A1)' as at, -3 as n, 2.5 as x, '绥中县' as unit`, [
      "formula",
      "at",
      "n",
      "x",
      "unit",
    ]);
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByText("下载CSV").click()]);
    expect(download.suggestedFilename()).toBe("查询结果.csv");
    const text = readFileSync(await download.path(), "utf8");
    expect(text).toBe("\ufeffformula,at,n,x,unit\r\n'=1+1,'@SUM(A1),-3,2.5,绥中县\r\n");
  });
});
