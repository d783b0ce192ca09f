// The unit pages (one per reporting unit), the units' index, the reporting matrix and the monthly
// bulletin in headless Chromium: no console error, no request off this machine, screenshots at
// 1280 and 390 px, and the key figures shown equal to `kpi sql` on the warehouse the site was built from.
import { mkdirSync, readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { watchedPage } from "../support/browser.ts";
import type { Page } from "playwright-core";
import { describePages, OUTPUT, sqlJson as sqlOn, useSite } from "../support/site.ts";

mkdirSync(OUTPUT, { recursive: true });

const site = useSite();
const { url, browser, db } = site;
const sqlJson = (query: string) => sqlOn(db(), query);
const one = async (query: string) => Number(Object.values((await sqlJson(query))[0])[0] ?? 0);

// written by the global setup's build, before any test file is collected
const counties: { unit_code: string; name_zh: string }[] = JSON.parse(
  readFileSync("dashboard/data/exports/counties.json", "utf-8"),
);
const UNITS = counties.filter((c) => c.unit_code !== "211400");

const PAGES = [
  ...UNITS.map((u) => ({ path: `/units/${u.unit_code}`, name: `unit-${u.unit_code}`, heading: u.name_zh })),
  { path: "/units/", name: "units", heading: "县区" },
  { path: "/reporting", name: "reporting", heading: "报送情况" },
  {
    path: "/bulletin",
    name: "bulletin",
    heading: "月度通报",
    ready: async (page: Page) => {
      await page.frameLocator("[data-testid=bulletin-frame]").locator("h1").waitFor();
      await page.waitForTimeout(300); // the frame takes its content's height on load
    },
  },
];

describePages(site, PAGES);

describe.each(UNITS)("unit page $unit_code ($name_zh)", ({ unit_code: code }) => {
  test("shows the unit's submissions, rejections and target counts as the warehouse has them", async () => {
    const files = await one(
      `select count(*) from submissions, build_params where received_at < received_before and list_contains(unit_codes, '${code}')`,
    );
    const rejected = await one(
      `select count(*) from rejections r join submissions s using (submission_id), build_params
       where s.received_at < received_before and list_contains(s.unit_codes, '${code}')`,
    );
    const statuses = await sqlJson(
      `select status, cast(count(*) as integer) as n from kpi_current where scope_code = '${code}' group by status`,
    );
    const { page } = await watchedPage(browser());
    await page.goto(url() + `/units/${code}`, { waitUntil: "networkidle" });
    await expect.poll(() => page.getByTestId("unit-submission-count").textContent()).toBe(String(files));
    expect(await page.getByTestId("unit-rejection-count").textContent()).toBe(String(rejected));
    for (const status of ["met", "on_track", "at_risk", "off_track", "missed", "no_data"]) {
      const n = statuses.find((s) => s.status === status)?.n ?? 0;
      expect(await page.getByTestId(`unit-count-${status}`).textContent(), status).toBe(String(n));
    }
    await page.close();
  });
});

test("the units' index shows each unit's number of targets", async () => {
  const rows = await sqlJson(`select scope_code, cast(count(*) as integer) as n from kpi_current group by 1`);
  const { page } = await watchedPage(browser());
  await page.goto(url() + "/units/", { waitUntil: "networkidle" });
  for (const u of UNITS) {
    const n = rows.find((r) => r.scope_code === u.unit_code)?.n ?? 0;
    await expect.poll(() => page.getByTestId(`unit-total-${u.unit_code}`).textContent()).toContain(`${n}`);
    expect((await page.getByTestId(`unit-total-${u.unit_code}`).textContent())?.replace(/\D+$/, "")).toBe(String(n));
  }
  await page.close();
});

test("the reporting matrix shows the latest due month's late and missing figures and one cell per unit and month", async () => {
  const [latest] = await sqlJson(
    `select cast(sum(late) as integer) as late, cast(sum(missing) as integer) as missing
     from reporting_completeness where period = (select max(period) from reporting_completeness)`,
  );
  const perUnit = await sqlJson(
    `select unit_code, cast(sum(late) as integer) as late, cast(sum(missing) as integer) as missing
     from reporting_completeness where period = (select max(period) from reporting_completeness) group by 1`,
  );
  const unitsWithDuties = await one(`select count(distinct unit_code) from reporting_completeness`);
  const { page } = await watchedPage(browser());
  await page.goto(url() + "/reporting", { waitUntil: "networkidle" });
  await expect.poll(() => page.getByTestId("month-late").textContent()).toBe(String(latest.late));
  expect(await page.getByTestId("month-missing").textContent()).toBe(String(latest.missing));
  for (const row of perUnit) {
    expect(await page.getByTestId(`late-${row.unit_code}`).textContent()).toBe(String(row.late));
    expect(await page.getByTestId(`missing-${row.unit_code}`).textContent()).toBe(String(row.missing));
  }
  const matrix = page.getByTestId("reporting-matrix");
  expect(await matrix.locator("tbody tr").count()).toBe(unitsWithDuties);
  expect(await matrix.locator("tbody tr").first().locator("td").count()).toBe(12);
  // every cell tells its state by a symbol, not only by colour
  const symbols = await matrix.locator("td[data-state]:not([data-state=none])").allTextContents();
  expect(symbols.every((s) => /[✔◐✘…]/.test(s))).toBe(true);
  await page.close();
});

test("the bulletin's headline counts equal the warehouse's", async () => {
  const expected = {
    targets: await one(`select count(*) from kpi_current`),
    met: await one(`select count(*) from kpi_current where status = 'met'`),
    missed: await one(`select count(*) from kpi_current where status = 'missed'`),
    no_data: await one(`select count(*) from kpi_current where status = 'no_data'`),
    tasks: await one(`select count(*) from milestone_status`),
    tasks_overdue: await one(`select count(*) from milestone_status where status = 'overdue'`),
    reports_late: await one(
      `select coalesce(sum(late), 0) from reporting_completeness where period = (select max(period) from reporting_completeness)`,
    ),
    reports_missing: await one(
      `select coalesce(sum(missing), 0) from reporting_completeness where period = (select max(period) from reporting_completeness)`,
    ),
  };
  const { page, consoleErrors } = await watchedPage(browser());
  await page.goto(url() + "/bulletin", { waitUntil: "networkidle" });
  const frame = page.frameLocator("[data-testid=bulletin-frame]");
  await frame.locator("h1").waitFor();
  for (const [key, value] of Object.entries(expected)) {
    expect(await frame.locator(`[data-key=${key}]`).textContent(), key).toBe(String(value));
  }
  const [{ as_of }] = await sqlJson(`select strftime(as_of_month, '%Y-%m') as as_of from build_params`);
  const [y, m] = String(as_of).split("-");
  expect(await frame.locator("h1").textContent()).toBe(`关于${y}年${Number(m)}月重点指标推进情况的通报`);
  expect(consoleErrors).toEqual([]);
  await page.close();
});
