// CSV for spreadsheets: RFC 4180 quoting, and a text cell starting with = + - @ (or a tab or
// carriage return) is prefixed with an apostrophe so a spreadsheet shows it instead of running it
// as a formula. Numbers stay numbers. Dependency-free: the 数据查询 page runs this very module
// (bundled with the pre-check by `npm run vendor`), so the CLI and the browser share one rule.

/** text a spreadsheet would run as a formula: = + - @, and tab / CR that some spreadsheets skip */
const FORMULA_START = /^[=+\-@\t\r]/;

/** the cell's text with a formula-like start neutralised; numbers, booleans and bigints untouched */
export function spreadsheetText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number" || typeof value === "bigint" || typeof value === "boolean") return String(value);
  const text =
    typeof value === "string"
      ? value
      : value instanceof Date
        ? value.toISOString()
        : JSON.stringify(value, (_key, v) => (typeof v === "bigint" ? Number(v) : v));
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** one CSV cell: neutralised, then quoted when it holds a quote, a comma or a line break */
export function csvCell(value: unknown): string {
  const text = spreadsheetText(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** a header row and one line per row, CRLF line ends (what Excel writes) */
export function toCsv(columns: string[], rows: Record<string, unknown>[]): string {
  const lines = [columns.map(csvCell), ...rows.map((row) => columns.map((c) => csvCell(row[c])))];
  return lines.map((cells) => cells.join(",")).join("\r\n") + "\r\n";
}
