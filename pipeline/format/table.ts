// Plain-text tables that line up in a terminal even with Chinese text: CJK characters take two
// columns.
function width(text: string): number {
  let w = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    const wide =
      (code >= 0x1100 && code <= 0x115f) ||
      (code >= 0x2e80 && code <= 0xa4cf) ||
      (code >= 0xac00 && code <= 0xd7a3) ||
      (code >= 0xf900 && code <= 0xfaff) ||
      (code >= 0xfe30 && code <= 0xfe4f) ||
      (code >= 0xff00 && code <= 0xff60) ||
      (code >= 0xffe0 && code <= 0xffe6) ||
      (code >= 0x20000 && code <= 0x3fffd);
    w += wide ? 2 : 1;
  }
  return w;
}

const clip = (text: string, max: number) => {
  if (width(text) <= max) return text;
  let out = "";
  for (const ch of text) {
    if (width(out + ch) > max - 1) break;
    out += ch;
  }
  return out + "…";
};

const pad = (text: string, w: number, right: boolean) => {
  const fill = " ".repeat(Math.max(0, w - width(text)));
  return right ? fill + text : text + fill;
};

export interface TableOptions {
  /** columns to right-align (numbers) */
  right?: Set<number>;
  /** cells wider than this are clipped with … (default 60) */
  maxCellWidth?: number;
  /**
   * Per body row, text printed whole on its own line(s) under the row, indented to the second
   * column. For text that must never be clipped (a clerk's feedback message): the terminal wraps
   * it, whatever its width, instead of the table cutting it off.
   */
  below?: (string | undefined)[];
}

export function formatTable(header: string[], rows: string[][], options: TableOptions = {}): string {
  const max = options.maxCellWidth ?? 60;
  const cells = [header, ...rows].map((row) => row.map((c) => clip(c.replace(/\s*\n\s*/g, " ↵ "), max)));
  const widths = header.map((_, i) => Math.max(...cells.map((row) => width(row[i] ?? ""))));
  const line = (row: string[]) =>
    row
      .map((c, i) => pad(c ?? "", widths[i], options.right?.has(i) ?? false))
      .join("  ")
      .trimEnd();
  const rule = widths.map((w) => "─".repeat(w)).join("  ");
  const indent = " ".repeat(widths.length > 1 ? widths[0] + 2 : 0);
  const under = (i: number) => {
    const text = options.below?.[i];
    return text ? text.split("\n").map((l) => (indent + l).trimEnd()) : [];
  };
  const body = cells.slice(1).flatMap((row, i) => [line(row), ...under(i)]);
  return [line(cells[0]), rule, ...body].join("\n") + "\n";
}
