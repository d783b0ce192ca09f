// Rows on their way into the warehouse, written as one CSV file that DuckDB reads and casts in a
// single INSERT … SELECT: many times faster than a statement (or an appender call) per value, and
// the rows are never held in memory. Every text is quoted, so "" is an empty text and an unquoted
// empty cell is NULL (read with allow_quoted_nulls = false).
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export type StagedValue = string | number | null;

const quoted = (value: string) => `"${value.replaceAll('"', '""')}"`;
const cell = (value: StagedValue) => (value === null ? "" : typeof value === "number" ? String(value) : quoted(value));

/** flushed to the file when this many characters are waiting */
const BUFFER_CHARS = 1 << 20;

export class StagedCsv {
  readonly path: string;
  private readonly dir: string;
  private fd: number | undefined;
  private buffer: string[] = [];
  private chars = 0;
  rows = 0;

  constructor(name: string) {
    this.dir = mkdtempSync(join(tmpdir(), "kpi-stage-"));
    this.path = join(this.dir, `${name}.csv`);
    this.fd = openSync(this.path, "w");
  }

  add(values: StagedValue[]): void {
    const line = values.map(cell).join(",");
    this.buffer.push(line);
    this.chars += line.length + 1;
    this.rows++;
    if (this.chars >= BUFFER_CHARS) this.flush();
  }

  /** everything added is in the file */
  flush(): void {
    if (this.buffer.length === 0 || this.fd === undefined) return;
    writeSync(this.fd, this.buffer.join("\n") + "\n");
    this.buffer = [];
    this.chars = 0;
  }

  /** `read_csv` of the file with these columns (name → DuckDB type), every cell as written */
  reader(columns: Record<string, string>): string {
    this.flush();
    const spec = Object.entries(columns)
      .map(([name, type]) => `${name}: '${type}'`)
      .join(", ");
    return `read_csv('${this.path.replaceAll("'", "''")}', header = false, auto_detect = false, delim = ',',
      quote = '"', escape = '"', allow_quoted_nulls = false, columns = {${spec}})`;
  }

  remove(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
    rmSync(this.dir, { recursive: true, force: true });
  }
}
