// Text → records with the physical line each starts on (as a clerk sees it in a text editor),
// so a problem in a record whose note spans lines still points at the right place.
import Papa from "papaparse";

export interface CsvRecord {
  line: number;
  cells: string[];
}

export function parseCsv(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let line = 1;
  let start = 0;
  Papa.parse<string[]>(text, {
    header: false,
    skipEmptyLines: false,
    delimitersToGuess: [",", "\t", ";"],
    step(result) {
      // the final line break yields one empty record past the end of the text: not a row
      if (start >= text.length) return;
      records.push({ line, cells: result.data });
      const end = result.meta.cursor; // just past the record's line break
      for (let i = start; i < end; i++) if (text.charCodeAt(i) === 10) line++;
      start = end;
    },
  });
  return records;
}
