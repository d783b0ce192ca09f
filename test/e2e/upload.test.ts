// A clerk's upload through the running service: 数据报送 served by `kpi serve` (on a copy of the
// browser tests' warehouse), the pre-check, the token, the receipt, and the figures on the unit's page.
import { copyFileSync, cpSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { expect, inject, test } from "vitest";
import { createService, listen } from "../../pipeline/serve/server.ts";
import { launch, watchedPage } from "../support/browser.ts";
import { kpi } from "../support/cli.ts";
import { OUTPUT } from "../support/site.ts";

test("a file uploaded on 数据报送 through kpi serve shows its receipt, then its figures on the unit's page", async () => {
  const dir = mkdtempSync(join(tmpdir(), "kpi-upload-e2e-"));
  const db = join(dir, "warehouse.duckdb");
  copyFileSync(inject("db"), db);
  const exportsDir = join(dir, "exports");
  cpSync("dashboard/data/exports", exportsDir, { recursive: true });
  const token = (await kpi(["token", "create", "--db", db, "--unit", "211481"])).out.trim();
  const service = await createService({
    dbPath: db,
    distDir: resolve("dist"),
    exportsDir,
    now: () => new Date(),
    log: () => {},
    build: { tolerance: 0.1, dueDay: 10, sample: true },
    rebuildDelayMs: 200,
  });
  const url = await listen(service, db, "127.0.0.1", 0);
  const browser = await launch();
  try {
    const { page, consoleErrors, foreignRequests } = await watchedPage(browser);
    await page.goto(`${url}/submit`, { waitUntil: "networkidle" });
    await page.locator("input[type=file]").setInputFiles(resolve("test/fixtures/serve/xingcheng-2026-11.csv"));
    // the pre-check runs first, in the browser
    await expect.poll(() => page.getByTestId("precheck-summary").textContent()).toContain("全部可接收");
    await page.getByTestId("upload-token").fill(token);
    await page.getByTestId("upload-button").click();
    const receipt = page.getByTestId("upload-receipt");
    await receipt.waitFor();
    expect(await receipt.textContent()).toContain("已接收");
    const id = await page.getByTestId("upload-submission").textContent();
    await page.screenshot({ path: join(OUTPUT, "submit-upload-1280.png"), fullPage: true });

    // the rebuild after the upload: the unit's page lists the file among its submissions
    await service.writer.flush();
    await page.getByTestId("upload-unit-link").click();
    await page.waitForURL(/\/units\/211481/);
    await expect.poll(() => page.getByText("xingcheng-2026-11.csv").count()).toBeGreaterThan(0);
    await expect.poll(async () => (await page.locator("table").allTextContents()).join(" ")).toContain(String(id));
    await page.screenshot({ path: join(OUTPUT, "unit-after-upload-1280.png"), fullPage: true });
    expect(consoleErrors).toEqual([]);
    expect(foreignRequests).toEqual([]);
  } finally {
    await browser.close();
    await service.close();
  }
}, 180_000);
