// The overview and the policy-area pages in headless Chromium: no console error, no request off
// this machine, screenshots at 1280 and 390 px, and each page's key figure equal to `kpi sql` on
// the warehouse the site was built from.
import { copyFileSync, mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { watchedPage } from "../support/browser.ts";
import { kpi } from "../support/cli.ts";
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

describe("the overview at a chosen moment shows exactly what `kpi build --as-of` of that moment computes", () => {
  test.each(["2021-06", "2023-12", "2025-12"])("the end of %s", async (month) => {
    // the same warehouse built as of that month's end, in a copy
    const dir = mkdtempSync(join(tmpdir(), "kpi-asof-"));
    const copy = join(dir, "warehouse.duckdb");
    copyFileSync(db(), copy);
    expect((await kpi(["build", "--db", copy, "--as-of", month, "--out", join(dir, "exports")])).code).toBe(0);
    const rows = await sqlOn(
      copy,
      `select k.status, count(*) as n from kpi_current k join targets t on t.target_id = k.target_id and t.scope_code = k.scope_code
       where k.scope_code = '211400' group by k.status`,
    );
    const expected = Object.fromEntries(rows.map((r) => [r.status, String(r.n)]));
    expect(Object.keys(expected).length).toBeGreaterThan(0);
    const [{ label }] = await sqlOn(copy, `select as_of_label_zh as label from build_params`);

    const { page, consoleErrors } = await watchedPage(browser());
    await page.goto(url() + "/", { waitUntil: "networkidle" });
    await page
      .locator("form select")
      .first()
      .selectOption({ label: `${String(label).replace("截至", "")}（月末）` });
    await expect.poll(() => page.locator("h2").first().textContent()).toContain(String(label));
    for (const status of ["met", "on_track", "at_risk", "off_track", "missed", "no_data"]) {
      await expect
        .poll(() => page.getByTestId(`count-${status}`).textContent(), { message: status })
        .toBe(expected[status] ?? "0");
    }
    expect(consoleErrors).toEqual([]);
    await page.close();
  });
});

test("the rural page shows the facility area's latest city figure as kpi_current has it", async () => {
  const [row] = await sqlJson(
    `select actual from kpi_current where target_id = 'facility_agri_area_200k' and scope_code = '211400'`,
  );
  expect(await textOf("/areas/rural", "actual-facility_agri_area_200k")).toBe(
    shown(row.actual, await indicator("facility_agri_area")),
  );
});

test("the waste page shows a district's classification coverage as rpt_unit_rankings ranks it", async () => {
  const [row] = await sqlJson(`
    select r.unit_code as scope_code, r.actual from rpt_unit_rankings r join counties c using (unit_code)
    where r.indicator_id = 'waste_classification_coverage'
    order by r.rank desc, c.sort_order limit 1`);
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
