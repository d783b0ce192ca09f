// What the dashboard's pre-check page runs: the very modules `kpi ingest` runs, bundled for the
// browser by `npm run vendor`.
export { checkFile, fileStatus } from "../ingest/check.ts";
export { previousLookup } from "../ingest/history.ts";
export { buildTemplate, templateCsv } from "../ingest/template.ts";
export { toCsv } from "../format/csv.ts";
