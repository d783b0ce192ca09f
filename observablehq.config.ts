// Observable Framework configuration. Offline by design: no font CDN (globalStylesheets), no
// DuckDB extensions fetched at run time, and `npm:` imports served from the cache that
// pipeline/vendor/fill-npm-cache.ts fills from node_modules.
export default {
  root: "dashboard",
  title: "葫芦岛市政策目标监测",
  lang: "zh-CN",
  globalStylesheets: [],
  style: "style.css",
  pages: [
    { name: "总览", path: "/" },
    { name: "目标清单", path: "/targets" },
    { name: "数据报送", path: "/submit" },
    {
      name: "乡村产业振兴",
      pages: [{ name: "粮食产量", path: "/areas/grain" }],
    },
  ],
  duckdb: { extensions: { json: null, parquet: null } },
  footer: "葫芦岛市政策目标监测 · 数据来源：各县（市）区月报，目标来自2020年市政府文件",
  search: false,
  linkify: false,
};
