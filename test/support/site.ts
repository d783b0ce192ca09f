// The built site (dist/, from the global setup) served on 127.0.0.1, and a browser to visit it.
import { mkdirSync } from "node:fs";
import type { Server } from "node:http";
import { join, resolve } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { launch, watchedPage } from "./browser.ts";
import { kpi } from "./cli.ts";
import { serveStatic } from "../../pipeline/browser/static-server.ts";

export const OUTPUT = resolve("test/output");

export function useSite(): { url: () => string; browser: () => Browser; db: () => string } {
  let site: { url: string; server: Server } | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    site = await serveStatic(resolve("dist"));
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    site?.server.close();
  });
  return { url: () => site!.url, browser: () => browser!, db: () => inject("db") };
}

/** `kpi sql --format json` on the warehouse the site was built from */
export async function sqlJson(db: string, query: string): Promise<Record<string, unknown>[]> {
  const { code, out, err } = await kpi(["sql", "--db", db, "--format", "json", query]);
  if (code !== 0) throw new Error(`kpi sql failed (${code}): ${err}`);
  return JSON.parse(out);
}

export interface PageVisit {
  path: string;
  /** screenshot file name stem */
  name: string;
  /** text the page's first h1 must contain */
  heading: string;
  /** waits for anything the page draws after its heading (a frame, a chart) */
  ready?: (page: Page) => Promise<void>;
}

export const VIEWPORTS = [
  { viewport: { width: 1280, height: 900 }, label: "1280" },
  { viewport: { width: 390, height: 844 }, label: "390" },
];

/** Every page at both widths: its heading shows, no console error, nothing requested off this machine, a screenshot. */
export function describePages(site: ReturnType<typeof useSite>, pages: PageVisit[]): void {
  mkdirSync(OUTPUT, { recursive: true });
  describe.each(pages)("page $path", ({ path, name, heading, ready }) => {
    test.each(VIEWPORTS)(
      "renders at $label px with no console error and no request off this machine",
      async ({ viewport, label }) => {
        const { page, consoleErrors, foreignRequests } = await watchedPage(site.browser(), viewport);
        await page.goto(site.url() + path, { waitUntil: "networkidle" });
        await expect.poll(() => page.locator("h1").first().textContent()).toContain(heading);
        await ready?.(page);
        await page.screenshot({ path: join(OUTPUT, `${name}-${label}.png`), fullPage: true });
        expect(consoleErrors).toEqual([]);
        expect(foreignRequests).toEqual([]);
        await page.close();
      },
    );
  });
}
