// Debian's headless Chromium driven by playwright-core: the browser tests and `kpi bulletin` (HTML
// → PDF) launch it the same way. Never a downloaded browser; no background network.
import { existsSync } from "node:fs";
import type { Browser } from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export function chromiumInstalled(path = CHROMIUM): boolean {
  return existsSync(path);
}

export async function launch(executablePath = CHROMIUM): Promise<Browser> {
  const { chromium } = await import("playwright-core");
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS });
}
