// Text → records with the physical line each starts on (as a clerk sees it in a text editor),
// so a problem in a record whose note spans lines still points at the right place.
import Papa from "papaparse";

export interface CsvRecord {
  line: number;
  cells: string[];
  /** a quote opened in this record never closes: its last cell runs to the end of the text */
  unclosedQuote?: true;
}

/** Calls `each` with every record in turn, holding none: a file of millions of rows is never an array. */
export function eachRecord(text: string, each: (record: CsvRecord) => void): void {
  let line = 1;
  let start = 0;
  Papa.parse<string[]>(text, {
    header: false,
    skipEmptyLines: false,
    delimitersToGuess: [",", "\t", ";"],
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
}

export function parseCsv(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  eachRecord(text, (record) => records.push(record));
  return records;
}
