// Whole-file limits, checked before any row: a file a county could not have meant as a report
// (too big to read, too wide, a cell that swallowed the rest of the file) is refused as a whole,
// with the line that shows why, instead of producing a million row problems or running out of memory.
import type { Problem } from "../rules/problem.ts";
import type { CsvRecord } from "./parse-csv.ts";

/** A county's month is a few kilobytes; a million rows of the template is about 45 MB. */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;
/** The template has 6 columns; Excel pads some rows with empty ones, never a thousand. */
export const MAX_COLUMNS = 1000;
/** A note of evidence is a sentence or a list of document numbers. */
export const MAX_CELL_CHARS = 10_000;

const MB = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

/** `limit` is MAX_FILE_BYTES unless an operator's bulk load (`kpi ingest --max-file-mb`) raised it. */
export function sizeProblem(sizeBytes: number, limit = MAX_FILE_BYTES): Problem | undefined {
  if (sizeBytes <= limit) return undefined;
  return {
    code: "file_too_large",
    severity: "error",
    detail: { size_mb: MB(sizeBytes), limit_mb: MB(limit), size_bytes: String(sizeBytes) },
  };
}

/** The limit a record breaks, as the problem that makes the whole file unusable; undefined when none. */
export function recordProblem({ line, cells, unclosedQuote }: CsvRecord): Problem | undefined {
  if (unclosedQuote) return { code: "unbalanced_quote", severity: "error", line, detail: { line: String(line) } };
  if (cells.length > MAX_COLUMNS) {
    const detail = { line: String(line), columns: String(cells.length), limit: String(MAX_COLUMNS) };
    return { code: "too_many_columns", severity: "error", line, detail };
  }
  const long = cells.findIndex((cell) => cell.length > MAX_CELL_CHARS);
  if (long < 0) return undefined;
  const detail = { line: String(line), chars: String(cells[long].length), limit: String(MAX_CELL_CHARS) };
  return { code: "cell_too_long", severity: "error", line, value: cells[long].slice(0, 40), detail };
}
