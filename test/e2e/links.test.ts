// Every same-site link any page draws (components included) resolves: starting from the overview,
// each page is visited in headless Chromium once it has drawn, its links are collected, and every
// one is followed — each answers 200 and, when it is a page, opens with no console error.
import { expect, test } from "vitest";
import { watchedPage } from "../support/browser.ts";
import { useSite } from "../support/site.ts";

const site = useSite();

/** a link as the crawler follows it: same origin, no fragment; null for anything else */
function sameSite(href: string, origin: string): string | null {
  const url = new URL(href);
  if (url.origin !== origin) return null;
  url.hash = "";
  return url.href;
}

const isPage = (href: string) => !/\.[a-z0-9]+$/i.test(new URL(href).pathname) || href.endsWith(".html");

test("every same-site link on every page answers 200, and every linked page opens with no console error", async () => {
  const origin = site.url();
  const seen = new Set<string>([`${origin}/`]);
  const queue = [`${origin}/`];
  const broken: string[] = [];
  const from = new Map<string, string>();
  while (queue.length > 0) {
    const href = queue.shift()!;
    if (!isPage(href)) {
      const response = await fetch(href);
      if (response.status !== 200) broken.push(`${href} → ${response.status} (linked from ${from.get(href)})`);
      continue;
    }
    const { page, consoleErrors } = await watchedPage(site.browser());
    const response = await page.goto(href, { waitUntil: "networkidle" });
    if (response?.status() !== 200) broken.push(`${href} → ${response?.status()} (linked from ${from.get(href)})`);
    await page.locator("h1").first().waitFor();
    const links = await page.locator("a[href]").evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    for (const link of links) {
      const target = link.startsWith("http") ? sameSite(link, origin) : null;
      if (target && !seen.has(target)) {
        seen.add(target);
        from.set(target, href);
        queue.push(target);
      }
    }
    for (const error of consoleErrors) broken.push(`${href}: console error ${error}`);
    await page.close();
  }
  expect(broken).toEqual([]);
  // the overview, the bulletin, the targets, six areas, the units' index and every unit page, two
  // reporting pages and the SQL page are all reached from the overview
  expect([...seen].filter(isPage).length).toBeGreaterThanOrEqual(22);
}, 300_000);
