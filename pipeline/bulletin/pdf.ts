// HTML → A4 PDF with Debian's headless Chromium. The document is self-contained: every request
// the page would make is refused, so printing never reaches the network.
import { CHROMIUM, chromiumInstalled, launch } from "../browser/chromium.ts";
import { CliError } from "../errors.ts";

const FOOTER = `<div style="width:100%;text-align:center;font-size:9px;color:#444;font-family:'Noto Serif CJK SC','SimSun',serif">— <span class="pageNumber"></span> / <span class="totalPages"></span> —</div>`;

/** A CliError (exit 3) when there is no browser to print with. */
export function requireChromium(executablePath = CHROMIUM): void {
  if (!chromiumInstalled(executablePath)) {
    throw new CliError(
      `找不到Chromium no Chromium at ${executablePath}: install it (apt-get install -y chromium fonts-noto-cjk) or set CHROMIUM_PATH`,
      3,
    );
  }
}

export async function htmlToPdf(html: string, executablePath = CHROMIUM): Promise<Uint8Array> {
  requireChromium(executablePath);
  let browser;
  try {
    browser = await launch(executablePath);
  } catch (error) {
    throw new CliError(`无法启动Chromium could not start Chromium (${executablePath}): ${(error as Error).message}`, 3);
  }
  try {
    const page = await browser.newPage();
    await page.route("**/*", (route) => route.abort());
    await page.setContent(html, { waitUntil: "load" });
    await page.evaluate(() => document.fonts.ready);
    return await page.pdf({
      format: "A4",
      printBackground: true,
      preferCSSPageSize: true,
      displayHeaderFooter: true,
      headerTemplate: "<div></div>",
      footerTemplate: FOOTER,
    });
  } finally {
    await browser.close();
  }
}
