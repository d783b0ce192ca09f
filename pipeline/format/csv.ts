// CSV for spreadsheets: RFC 4180 quoting, and a text cell starting with = + - @ is prefixed with
// an apostrophe so a spreadsheet shows it instead of running it as a formula. Numbers stay numbers.
import type { Plain } from "../warehouse/rows.ts";

export function csvCell(value: Plain): string {
  if (value === null) return "";
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  let text = typeof value === "string" ? value : JSON.stringify(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(columns: string[], rows: Record<string, Plain>[]): string {
  const lines = [columns.map(csvCell), ...rows.map((row) => columns.map((c) => csvCell(row[c])))];
  return lines.map((cells) => cells.join(",")).join("\r\n") + "\r\n";
}
