// The status language of the bulletin (symbol + word + colour), read from the marts' vocabulary
// table (pipeline/sql/00_schema/04_vocabulary.sql), as the dashboard reads it: never spelt here.
export interface VocabularyRow {
  domain: string;
  code: string;
  zh: string;
  symbol: string;
  color: string;
  sort_order: number;
}

export interface StatusCell {
  status: string;
  symbol: string;
  word: string;
  color: string;
}

/** one domain of the vocabulary as cells: code → {status, symbol, word, color}, in its order */
export function looks(vocabulary: VocabularyRow[], domain: string): Map<string, StatusCell> {
  return new Map(
    vocabulary
      .filter((v) => v.domain === domain)
      .sort((a, b) => a.sort_order - b.sort_order)
      .map((v) => [v.code, { status: v.code, symbol: v.symbol, word: v.zh, color: v.color }]),
  );
}

/** the cell of a code, or of `fallback` when the code is not in the domain */
export function lookOf(domain: Map<string, StatusCell>, code: string, fallback: string): StatusCell {
  return domain.get(code) ?? domain.get(fallback)!;
}
