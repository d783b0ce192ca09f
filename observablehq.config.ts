// Observable Framework configuration. Offline by design: no font CDN (globalStylesheets), no
// DuckDB extensions fetched at run time, and `npm:` imports served from the cache that
// pipeline/vendor/framework-offline.ts fills from node_modules.
import { readFileSync } from "node:fs";

// One page per reporting unit (dashboard/units/[unit].md), listed from the catalogue.
const unitCodes = readFileSync("data/catalogue/units.csv", "utf-8")
  .split("\n")
  .slice(1)
  .map((line) => line.split(",")[0])
  .filter((code) => code && code !== "211400");

export default {
  root: "dashboard",
  title: "葫芦岛市政策目标监测",
  lang: "zh-CN",
  globalStylesheets: [],
  style: "style.css",
  pages: [
    { name: "总览", path: "/" },
    { name: "月度通报", path: "/bulletin" },
    { name: "目标清单", path: "/targets" },
    {
      name: "政策领域",
      pages: [
        { name: "乡村产业振兴", path: "/areas/rural" },
        { name: "粮食产量", path: "/areas/grain" },
        { name: "生活垃圾分类", path: "/areas/waste" },
        { name: "营商环境", path: "/areas/business" },
        { name: "零证明城市", path: "/areas/zero-proof" },
        { name: "休渔", path: "/areas/fishing" },
      ],
    },
    { name: "县区", path: "/units/" },
    {
      name: "数据报送",
      pages: [
        { name: "报送检查与模板", path: "/submit" },
        { name: "报送情况", path: "/reporting" },
      ],
    },
    { name: "数据查询", path: "/sql" },
  ],
  dynamicPaths: unitCodes.map((code) => `/units/${code}`),
  duckdb: { extensions: { json: null, parquet: null } },
  footer: "葫芦岛市政策目标监测 · 数据来源：各县（市）区月报，目标来自2020年市政府文件",
  search: false,
  linkify: false,
  // Chinese throughout: Framework's own words are English ("Contents", "Previous page")
  toc: { label: "本页目录" },
  pager: false,
  // no icon file: without this the browser asks for /favicon.ico and logs a 404 on every page
  head: '<link rel="icon" href="data:,">',
};
