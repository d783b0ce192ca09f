import { resolve } from "node:path";
import { launch } from "./pipeline/browser/chromium.ts";
import { serveStatic } from "./pipeline/browser/static-server.ts";
const [dir, width, ...paths] = process.argv.slice(2);
const site = await serveStatic(resolve("dist"));
const browser = await launch();
for (const p of paths) {
  const page = await browser.newPage({ viewport: { width: Number(width), height: 900 } });
  const errors: string[] = [];
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(site.url + p, { waitUntil: "networkidle" });
  await page.waitForTimeout(800);
  const name = p.replace(/\//g, "_") || "_";
  await page.screenshot({ path: `${dir}/${name}.png`, fullPage: true });
  console.log(p, errors.length ? errors : "ok");
  await page.close();
}
await browser.close();
site.server.close();
