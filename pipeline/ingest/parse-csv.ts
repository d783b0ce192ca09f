// Text → records with the physical line each starts on (as a clerk sees it in a text editor),
// so a problem in a record whose note spans lines still points at the right place.
import Papa from "papaparse";

export interface CsvRecord {
  line: number;
  cells: string[];
  /** a quote opened in this record never closes: its last cell runs to the end of the text */
  unclosedQuote?: true;
}

const DELIMITERS = [",", "\t", ";"];
/** a text without quotes longer than this is parsed a piece at a time */
const PIECE_CHARS = 4 << 20;
/** Papa Parse guesses the line break from the first megabyte and the delimiter from the first 10 rows */
const GUESSED_FROM = 1 << 20;

/** Parses `text` (all of it, or a piece that ends where a record does), numbering lines from `line`; returns the next line. */
function parsePiece(
  text: string,
  config: { delimiter?: string; newline?: string },
  line: number,
  each: (record: CsvRecord) => void,
): number {
  let start = 0;
  Papa.parse<string[]>(text, {
    header: false,
    skipEmptyLines: false,
    ...(config.delimiter ? { delimiter: config.delimiter } : { delimitersToGuess: DELIMITERS }),
    ...(config.newline ? { newline: config.newline as "\n" } : {}),
    step(result) {
      // the final line break yields one empty record past the end of the text: not a row
      if (start >= text.length) return;
      const unclosed = result.errors.some((e) => e.code === "MissingQuotes");
      each(unclosed ? { line, cells: result.data, unclosedQuote: true } : { line, cells: result.data });
      const end = result.meta.cursor; // just past the record's line break
      for (let i = text.indexOf("\n", start); i >= 0 && i < end; i = text.indexOf("\n", i + 1)) line++;
      start = end;
    },
  });
  for (let i = text.indexOf("\n", start); i >= 0; i = text.indexOf("\n", i + 1)) line++;
  return line;
}

/**
 * Calls `each` with every record in turn, holding none: a file of millions of rows is never an
 * array. A long text without quotes, where every line break ends a record, is parsed in pieces
 * with the delimiter and line break Papa Parse guesses for the whole (from its first megabyte):
 * the same records, without the whole text's lines held at once.
 */
export function eachRecord(text: string, each: (record: CsvRecord) => void): void {
  const prefix = text.slice(0, GUESSED_FROM);
  if (text.length <= PIECE_CHARS || text.includes('"') || prefix.split("\n").length <= 11) {
    parsePiece(text, {}, 1, each);
    return;
  }
  const { delimiter, linebreak } = Papa.parse<string[]>(prefix, { preview: 1, delimitersToGuess: DELIMITERS }).meta;
  let line = 1;
  for (let start = 0; start < text.length;) {
    const cut = text.indexOf(linebreak, start + PIECE_CHARS);
    const end = cut < 0 ? text.length : cut + linebreak.length;
    line = parsePiece(text.slice(start, end), { delimiter, newline: linebreak }, line, each);
    start = end;
  }
}

export function parseCsv(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  eachRecord(text, (record) => records.push(record));
  return records;
}
