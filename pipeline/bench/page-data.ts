// The exported bytes each page loads, from a build's data files at any scale: every file a page
// names (FileAttachment), less those it fetches only on a reader's action — an overview moment
// other than the latest (-moments.csv) and 数据查询's tables (fetched when a query names one). A
// unit page loads its own units/<code>.json; the heaviest unit's is counted.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";

/** what a page fetches only when a reader asks for it */
const ON_DEMAND = [/-moments\.csv$/];
/** 数据查询 loads a table when a query names it: only its list of tables on opening */
const SQL_PAGE = "sql";

export interface PageData {
  page: string;
  bytes: number;
}

const attachments = (text: string) =>
  [...text.matchAll(/FileAttachment\(\s*["`]([^"`]+)["`]\s*\)/g)].map((m) => m[1].replace(/^(\.\.\/)+/, ""));

function pagesOf(dir: string, under = ""): string[] {
  return readdirSync(join(dir, under), { withFileTypes: true }).flatMap((entry) => {
    const path = join(under, entry.name);
    if (entry.isDirectory()) return entry.name === "components" || entry.name === "data" ? [] : pagesOf(dir, path);
    return entry.name.endsWith(".md") ? [path] : [];
  });
}

/** `dashboardDir`'s pages and the bytes of the files in `exportsDir` (data/exports/…) each loads on opening. */
export function pageData(dashboardDir: string, exportsDir: string): PageData[] {
  const size = (file: string) => {
    try {
      return statSync(join(exportsDir, file)).size;
    } catch {
      return 0;
    }
  };
  const unitFiles = readdirSync(join(exportsDir, "units")).filter((f) => /^\d+\.json$/.test(f));
  return pagesOf(dashboardDir)
    .sort()
    .map((path) => {
      const page = path.replace(/\.md$/, "").replace(/(^|\/)index$/, "$1");
      const named = attachments(readFileSync(join(dashboardDir, path), "utf-8"))
        .map((file) => relative("data/exports", file))
        .filter((file) => !ON_DEMAND.some((pattern) => pattern.test(file)));
      const opened = page === SQL_PAGE ? named.filter((f) => f === "build.json" || f.startsWith("sql/")) : named;
      let bytes = [...new Set(opened.filter((f) => !f.includes("${")))].reduce((sum, f) => sum + size(f), 0);
      // a unit page: its own file, whichever unit is heaviest
      if (opened.some((f) => f.includes("${"))) bytes += Math.max(0, ...unitFiles.map((f) => size(join("units", f))));
      return { page: `/${page}`, bytes };
    });
}
