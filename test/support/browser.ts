// A real headless Chromium (Debian's), driven by playwright-core, that records every console
// error and every request to a host other than this machine.
import type { Browser, Page } from "playwright-core";

// the launch helper lives in the pipeline: `kpi bulletin` prints its PDF with the same browser
export { CHROMIUM, launch } from "../../pipeline/browser/chromium.ts";

export interface Watched {
  page: Page;
  consoleErrors: string[];
  foreignRequests: string[];
}

export async function watchedPage(browser: Browser, viewport = { width: 1280, height: 900 }): Promise<Watched> {
  const page = await browser.newPage({ viewport });
  const consoleErrors: string[] = [];
  const foreignRequests: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") consoleErrors.push(message.text());
  });
  page.on("pageerror", (error) => consoleErrors.push(String(error)));
  await page.route("**/*", (route) => {
    const host = new URL(route.request().url()).hostname;
    if (host === "127.0.0.1" || host === "localhost") return route.continue();
    foreignRequests.push(route.request().url());
    return route.abort();
  });
  return { page, consoleErrors, foreignRequests };
}
