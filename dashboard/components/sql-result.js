// A query result on the 数据查询 page: plain rows from DuckDB-wasm's Arrow table, the kind of each
// column judged from its values, a results table, and the chart the result suggests (a line over a
// date column, else bars of the first number by the first text column).
import * as Plot from "@observablehq/plot";
import { html } from "htl";

const ARROW_DATE = 8;
const ARROW_TIMESTAMP = 10;
const DATE_TEXT = /^\d{4}-\d{2}-\d{2}$/;

function plainValue(value, field) {
  if (value == null) return null;
  if (typeof value === "bigint") return Number(value);
  const typeId = field?.type?.typeId;
  if ((typeId === ARROW_DATE || typeId === ARROW_TIMESTAMP) && typeof value === "number") return new Date(value);
  if (value instanceof Date) return value;
  if (typeof value === "object") {
    if (typeof value.toArray === "function") return Array.from(value.toArray(), (v) => plainValue(v));
    if (typeof value.toJSON === "function") return value.toJSON();
  }
  return value;
}

/** the kind of a column from its non-null values: number, date (Date or YYYY-MM-DD text), text, other */
export function columnKind(values) {
  const present = values.filter((v) => v != null);
  if (present.length === 0) return "other";
  if (present.every((v) => typeof v === "number")) return "number";
  if (present.every((v) => v instanceof Date || (typeof v === "string" && DATE_TEXT.test(v)))) return "date";
  if (present.every((v) => typeof v === "string")) return "text";
  return "other";
}

/** {columns: [{name, kind, unique}], rows: plain objects} from a columns list and rows */
export function describeResult(names, rows) {
  const columns = names.map((name) => {
    const values = rows.map((r) => r[name]);
    const present = values.filter((v) => v != null);
    return { name, kind: columnKind(values), unique: new Set(present).size === present.length };
  });
  return { columns, rows };
}

/** an Arrow table (what DuckDBClient.query returns) as plain rows with column kinds */
export function resultFromArrow(table) {
  const fields = table.schema.fields;
  const rows = Array.from(table, (row) => {
    const out = {};
    for (const field of fields) out[field.name] = plainValue(row[field.name], field);
    return out;
  });
  return describeResult(
    fields.map((f) => f.name),
    rows,
  );
}

const isoDate = (d) => {
  const text = d.toISOString();
  return text.endsWith("T00:00:00.000Z") ? text.slice(0, 10) : text.replace("T", " ").replace(/\.000Z$/, "Z");
};

/** a cell as the page shows it: exact numbers without grouping, dates as YYYY-MM-DD, lists joined */
export function cellText(value) {
  if (value == null) return "";
  if (typeof value === "number") return value.toLocaleString("zh-CN", { useGrouping: false, maximumFractionDigits: 6 });
  if (value instanceof Date) return isoDate(value);
  if (Array.isArray(value)) return value.map(cellText).join("、");
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

/** rows for the CSV download: numbers stay numbers, dates become text */
export function csvRows(result) {
  return result.rows.map((row) => {
    const out = {};
    for (const { name } of result.columns) {
      const v = row[name];
      out[name] = v instanceof Date ? isoDate(v) : Array.isArray(v) ? v.map(cellText).join("、") : v;
    }
    return out;
  });
}

/**
 * which chart a result suggests: {mark: "line"|"bar", x, y, series?}, or null when nothing to plot.
 * The first number column is the value; the first date or text column decides the chart: a date →
 * a line over time (one line per value of the first text column, if any); a text → one bar per row,
 * labelled by the first text column whose values are all different (bars are never stacked: adding
 * up rates or percentages would be wrong).
 */
export function chartSpec(columns) {
  const y = columns.find((c) => c.kind === "number")?.name;
  const by = columns.find((c) => c.kind === "date" || c.kind === "text");
  if (!y || !by) return null;
  if (by.kind === "date") return { mark: "line", x: by.name, y, series: columns.find((c) => c.kind === "text")?.name };
  const label = columns.find((c) => c.kind === "text" && c.unique !== false);
  return label ? { mark: "bar", x: y, y: label.name } : null;
}

const MAX_BARS = 40;

/** the chart of a result, or a short note saying why there is none */
export function resultChart(result, { width }) {
  const spec = chartSpec(result.columns);
  if (!spec)
    return html`<p class="source-line">此结果无图表：需要一个数值列，以及一个日期列或取值互不相同的文字列。</p>`;
  if (spec.mark === "line") {
    const data = result.rows
      .filter((r) => r[spec.x] != null && r[spec.y] != null)
      .map((r) => ({ ...r, [spec.x]: r[spec.x] instanceof Date ? r[spec.x] : new Date(r[spec.x]) }));
    return Plot.plot({
      width,
      height: 320,
      marginLeft: 60,
      x: { label: spec.x, type: "utc" },
      y: { label: spec.y, grid: true },
      color: spec.series ? { legend: true } : undefined,
      marks: [
        Plot.lineY(data, { x: spec.x, y: spec.y, stroke: spec.series, tip: true }),
        Plot.dot(data, { x: spec.x, y: spec.y, fill: spec.series, r: 2 }),
        Plot.ruleY([0]),
      ],
    });
  }
  const data = result.rows.filter((r) => r[spec.x] != null).slice(0, MAX_BARS);
  const labels = [...new Set(data.map((r) => r[spec.y]))];
  const longest = Math.max(...labels.map((l) => String(l ?? "").length));
  return Plot.plot({
    width,
    height: Math.max(120, labels.length * 26 + 50),
    marginLeft: Math.min(220, 14 * longest + 16),
    caption: result.rows.length > MAX_BARS ? `只画出前 ${MAX_BARS} 行 first ${MAX_BARS} rows shown` : undefined,
    x: { label: spec.x, grid: true },
    y: { label: null, domain: labels },
    marks: [
      Plot.barX(data, { x: spec.x, y: spec.y, fill: "var(--theme-foreground-focus)", tip: true }),
      Plot.ruleX([0]),
    ],
  });
}

/** options for Inputs.table: exact cell text, numbers right-aligned, no row selection */
export function tableOptions(result, { rows = 20 } = {}) {
  return {
    columns: result.columns.map((c) => c.name),
    format: Object.fromEntries(result.columns.map(({ name }) => [name, cellText])),
    align: Object.fromEntries(result.columns.map(({ name, kind }) => [name, kind === "number" ? "right" : "left"])),
    rows,
    select: false,
    layout: "auto",
  };
}

/** the names among `names` that `sql` mentions as words (the tables a query needs loaded) */
export function tablesNamed(sql, names) {
  const words = new Set(sql.toLowerCase().match(/[a-z_][a-z0-9_]*/g) ?? []);
  return names.filter((name) => words.has(name));
}

/** runs a query; never throws: {result, ms} or {error} */
export async function runQuery(db, sql, now = () => performance.now()) {
  const start = now();
  try {
    const table = await db.query(sql);
    return { result: resultFromArrow(table), ms: Math.round(now() - start) };
  } catch (error) {
    return { error: String(error instanceof Error ? error.message : error) };
  }
}
