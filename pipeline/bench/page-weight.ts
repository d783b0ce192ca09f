// `npm run page-weight`: the bytes each page of the built site (dist/) transfers with the browser
// cache empty — HTML, scripts, styles, libraries and data — served as it is and gzipped as static
// hosts serve it, against the page budgets (every page 1 MB, the overview 0.8 MB; 数据查询, which
// loads DuckDB-wasm, has none). Run `npm run build` first. Exit 1 when a page is over its budget.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { launch } from "../browser/chromium.ts";
import { serveStatic } from "../browser/static-server.ts";

const MB = 1_000_000;
const BUDGETS: Record<string, number | null> = { "/": 0.8 * MB, "/sql": null };
const DEFAULT_BUDGET = 1 * MB;

const units = readFileSync("data/catalogue/units.csv", "utf-8")
  .split("\n")
  .slice(1)
  .map((line) => line.split(",")[0])
  .filter((code) => code && code !== "211400");
const PAGES = [
  "/",
  "/bulletin",
  "/targets",
  ...["rural", "grain", "waste", "business", "zero-proof", "fishing"].map((a) => `/areas/${a}`),
  "/units/",
  ...units.map((u) => `/units/${u}`),
  "/submit",
  "/reporting",
  "/sql",
];

async function transferred(url: string, path: string, browser: Awaited<ReturnType<typeof launch>>): Promise<number> {
  const context = await browser.newContext();
  const page = await context.newPage();
  let bytes = 0;
  const pending: Promise<void>[] = [];
  page.on("requestfinished", (request) =>
    pending.push(
      request.sizes().then((s) => {
        bytes += s.responseBodySize + s.responseHeadersSize;
      }),
    ),
  );
  await page.goto(url + path, { waitUntil: "networkidle" });
  await Promise.all(pending);
  await context.close();
  return bytes;
}

const dist = resolve("dist");
const plain = await serveStatic(dist);
const gzipped = await serveStatic(dist, { gzip: true });
const browser = await launch();
const fmt = (n: number) => `${(n / MB).toFixed(3)} MB`;
let over = 0;
console.log(`${"page".padEnd(18)}${"as stored".padStart(12)}${"gzip".padStart(12)}${"budget".padStart(12)}`);
try {
  for (const path of PAGES) {
    const raw = await transferred(plain.url, path, browser);
    const zipped = await transferred(gzipped.url, path, browser);
    const budget = path in BUDGETS ? BUDGETS[path] : DEFAULT_BUDGET;
    const ok = budget === null || raw <= budget;
    if (!ok) over++;
    console.log(
      `${path.padEnd(18)}${fmt(raw).padStart(12)}${fmt(zipped).padStart(12)}${(budget === null ? "—" : fmt(budget)).padStart(12)}${ok ? "" : "  ✘ over"}`,
    );
  }
} finally {
  await browser.close();
  plain.server.close();
  gzipped.server.close();
}
console.log(over === 0 ? "every page within its budget (as stored)" : `${over} page(s) over budget`);
process.exitCode = over === 0 ? 0 : 1;
