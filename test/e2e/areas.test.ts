// The overview and the policy-area pages in headless Chromium: no console error, no request off
// this machine, screenshots at 1280 and 390 px, and each page's key figure equal to `kpi sql` on
// the warehouse the site was built from.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "vitest";
import { watchedPage } from "../support/browser.ts";
import { describePages, OUTPUT, sqlJson as sqlOn, useSite } from "../support/site.ts";

mkdirSync(OUTPUT, { recursive: true });

const site = useSite();
const { url, browser, db } = site;
const sqlJson = (query: string) => sqlOn(db(), query);

const PAGES = [
  { path: "/", name: "overview", heading: "葫芦岛市政策目标监测" },
  { path: "/areas/rural", name: "rural", heading: "乡村产业振兴" },
  { path: "/areas/grain", name: "grain", heading: "粮食产量" },
  { path: "/areas/waste", name: "waste", heading: "生活垃圾分类" },
  { path: "/areas/business", name: "business", heading: "营商环境" },
  { path: "/areas/zero-proof", name: "zero-proof", heading: "零证明" },
  { path: "/areas/fishing", name: "fishing", heading: "休渔" },
];

describePages(site, PAGES);

/** a figure as format.js shows it: in the display unit, % with one decimal */
function shown(value: unknown, indicator: Record<string, unknown>): string {
  const scaled = Number(value) / Number(indicator.display_scale);
  const text =
    indicator.unit_zh === "%" ? scaled.toFixed(1) : scaled.toLocaleString("zh-CN", { maximumFractionDigits: 2 });
  return `${text}${indicator.unit_zh}`;
}

async function indicator(id: string) {
  const [row] = await sqlJson(`select unit_zh, display_scale from indicators where indicator_id = '${id}'`);
  return row;
}

/** the text of each element marked data-testid, from one visit of the page */
async function textsOf(path: string, ...testIds: string[]): Promise<(string | null)[]> {
  const { page, consoleErrors } = await watchedPage(browser());
  await page.goto(url() + path, { waitUntil: "networkidle" });
  const texts = [];
  for (const id of testIds) texts.push(await page.getByTestId(id).first().textContent());
  expect(consoleErrors).toEqual([]);
  await page.close();
  return texts;
}

const textOf = async (path: string, testId: string) => (await textsOf(path, testId))[0];

test("the overview counts city targets by status as kpi_status has them in the latest month with data", async () => {
  const rows = await sqlJson(`
    with month as (select max(period) as p from kpi_status where actual is not null),
    picked as (
      select k.status from kpi_status k
      join targets t on t.target_id = k.target_id and t.scope_code = k.scope_code
      cross join month
      where k.scope_code = '211400' and k.period <= month.p
      qualify row_number() over (partition by k.target_id order by (k.actual is not null) desc, k.period desc) = 1
    )
    select status, count(*) as n from picked group by status`);
  const expected = Object.fromEntries(rows.map((r) => [r.status, String(r.n)]));
  const { page, consoleErrors } = await watchedPage(browser());
  await page.goto(url() + "/", { waitUntil: "networkidle" });
  for (const status of ["met", "on_track", "at_risk", "off_track", "missed", "no_data"]) {
    await expect.poll(() => page.getByTestId(`count-${status}`).textContent()).toBe(expected[status] ?? "0");
  }
  expect(consoleErrors).toEqual([]);
  await page.close();
});

test("the rural page shows the facility area's latest city figure as kpi_current has it", async () => {
  const [row] = await sqlJson(
    `select actual from kpi_current where target_id = 'facility_agri_area_200k' and scope_code = '211400'`,
  );
  expect(await textOf("/areas/rural", "actual-facility_agri_area_200k")).toBe(
    shown(row.actual, await indicator("facility_agri_area")),
  );
});

test("the waste page shows a district's latest classification coverage as indicator_actuals has it", async () => {
  const [row] = await sqlJson(`
    select a.scope_code, a.actual from indicator_actuals a join counties c on c.unit_code = a.scope_code
    where a.indicator_id = 'waste_classification_coverage' and a.scope_code <> '211400' and a.actual is not null
    qualify a.period = max(a.period) over (partition by a.scope_code)
    order by a.actual, c.sort_order limit 1`);
  expect(row).toBeDefined();
  expect(await textOf("/areas/waste", `coverage-${row.scope_code}`)).toBe(
    shown(row.actual, await indicator("waste_classification_coverage")),
  );
});

test("the business page shows the city's online-handling rate as kpi_current has it", async () => {
  const [row] = await sqlJson(
    `select actual from kpi_current where target_id = 'bus_online_handling_rate_100' and scope_code = '211400'`,
  );
  const expected = shown(row.actual, await indicator("online_handling_rate"));
  expect(await textsOf("/areas/business", "online-rate", "actual-bus_online_handling_rate_100")).toEqual([
    expected,
    expected,
  ]);
});

test("the zero-proof page counts overdue tasks as milestone_status has them", async () => {
  const [{ n }] = await sqlJson(
    `select count(*) as n from milestone_status where doc_id = 'zero_proof' and status = 'overdue'`,
  );
  expect(await textOf("/areas/zero-proof", "zp-overdue")).toBe(String(n));
});

test("the fishing page shows the violations inside the 2020 sea moratorium as kpi_current has them", async () => {
  const [row] = await sqlJson(
    `select k.actual, i.unit_zh from kpi_current k join indicators i using (indicator_id)
     where k.target_id = 'fishing_sea_moratorium_2020' and k.scope_code = '211400'`,
  );
  const expected = row.actual == null ? "—" : `${Number(row.actual)}${row.unit_zh}`;
  expect(await textOf("/areas/fishing", "window-fishing_sea_moratorium_2020")).toBe(expected);
});

test("the grain page shows the city's last complete year as the warehouse has it, with both charts drawn", async () => {
  const [row] = await sqlJson(
    `select year, actual from indicator_annual
     where indicator_id = 'grain_output' and scope_code = '211400' and is_complete order by year desc limit 1`,
  );
  const { page } = await watchedPage(browser());
  await page.goto(url() + "/areas/grain", { waitUntil: "networkidle" });
  const shownText = await page.getByTestId("grain-last-year").textContent();
  const expected = `${(Number(row.actual) / 10000).toLocaleString("zh-CN", { maximumFractionDigits: 2 })}万吨`;
  expect(shownText).toBe(expected);
  // one bar per year in the city chart, one per unit and year in the county chart
  const years = await sqlJson(`select distinct year from indicator_annual where indicator_id = 'grain_output'`);
  const units = await sqlJson(
    `select distinct scope_code from indicator_annual where indicator_id = 'grain_output' and scope_code <> '211400'`,
  );
  const bars = await page.locator("figure svg g[aria-label='bar'] rect").count();
  expect(bars).toBe(years.length + years.length * units.length);
  await page.screenshot({ path: join(OUTPUT, "grain-chart.png"), fullPage: true });
  await page.close();
});
