// Which sentences of the seed documents commit someone to something, and whether the catalogue has
// each of them: a target or parameter quote lies in the sentence, or a reviewed reason says why not.
// Pure functions; pipeline/catalogue/write-coverage.ts writes data/catalogue/COVERAGE.md from them.
import Papa from "papaparse";
import { normaliseSeedText } from "./seed-text.ts";
import type { Catalogue, Document } from "./types.ts";

/**
 * The words that flag a sentence as a possible commitment. 要 and 应 are matched as verbs only
 * (not 主要, 重要, 需要, 要求; not 相应, 对应, 供应, 适应, 响应, 应用).
 */
export const OBLIGATION_WORDS = [
  "要",
  "必须",
  "应",
  "确保",
  "力争",
  "实现",
  "完成",
  "建立",
  "建成",
  "健全",
  "推行",
  "推进",
  "开展",
  "落实",
  "加快",
  "打造",
  "创建",
  "制定",
  "出台",
  "成立",
  "设立",
  "配备",
  "提高",
  "压减",
  "减少",
  "增长",
  "不得",
  "禁止",
  "严禁",
  "一律",
  "全覆盖",
  "全部",
  "前列",
  "先进行列",
] as const;

const WORD_PATTERN: Record<string, RegExp> = {
  要: /(?<![主重需纲摘只])要(?![求点素件])/,
  应: /(?<![相对供适响反效])应(?![用])/,
};

/** numbers, dates, rates and limits: the pattern the first reading used */
export const NUMERIC_PATTERN =
  /[0-9]|[0-9一二三四五六七八九十]+[年月日]|%|以上|以内|以下|不超过|不少于|至少|时限|期限|底前|之前|工作日|小时|试行期|率|万|亿/;

export interface Sentence {
  doc_id: string;
  /** position in the document's normalised text */
  start: number;
  end: number;
  text: string;
  /** the obligation words found, and "数字/日期" for the numeric pattern */
  flags: string[];
}

/** The normalised text of each document: from its 文号 to the next document's. */
export function splitDocuments(seed: string, documents: Document[]): { doc_id: string; text: string }[] {
  const text = normaliseSeedText(seed);
  const starts = documents
    .map((d) => ({ doc_id: d.doc_id, at: text.indexOf(d.source_doc) }))
    .filter((d) => d.at >= 0)
    .sort((a, b) => a.at - b.at);
  return starts.map((d, i) => ({ doc_id: d.doc_id, text: text.slice(d.at, starts[i + 1]?.at ?? text.length) }));
}

export function sentenceFlags(text: string): string[] {
  const words = OBLIGATION_WORDS.filter((w) => (WORD_PATTERN[w] ? WORD_PATTERN[w].test(text) : text.includes(w)));
  return NUMERIC_PATTERN.test(text) ? [...words, "数字/日期"] : [...words];
}

/** A document's sentences, split after 。；！？, with their flags. */
export function splitSentences(doc_id: string, text: string): Sentence[] {
  const sentences: Sentence[] = [];
  for (const match of text.matchAll(/[^。；！？]+[。；！？]?/g)) {
    const start = match.index;
    sentences.push({ doc_id, start, end: start + match[0].length, text: match[0], flags: sentenceFlags(match[0]) });
  }
  return sentences;
}

/** the stable key a reason names its sentence by: its first characters */
export const KEY_LENGTH = 20;
export const sentenceKey = (text: string) => [...text].slice(0, KEY_LENGTH).join("");

export interface Reason {
  doc_id: string;
  sentence_key: string;
  reason: string;
}

/** Reads coverage-reasons.csv (doc_id, sentence_key, reason). */
export function parseReasons(text: string): Reason[] {
  const parsed = Papa.parse<Reason>(text, { header: true, skipEmptyLines: true });
  if (parsed.errors[0])
    throw new Error(`coverage-reasons.csv: line ${(parsed.errors[0].row ?? 0) + 2}: ${parsed.errors[0].message}`);
  return parsed.data.map((r) => ({
    doc_id: r.doc_id.trim(),
    sentence_key: r.sentence_key.trim(),
    reason: r.reason.trim(),
  }));
}

export interface SentenceCoverage extends Sentence {
  /** the target and parameter ids whose quote lies in the sentence */
  rows: string[];
  reason: string | undefined;
}

export interface CoverageResult {
  sentences: SentenceCoverage[];
  /** flagged sentences with neither a row nor a reason */
  missing: SentenceCoverage[];
  /** reasons that name no flagged sentence without a row */
  stale: Reason[];
  /** quotes that are not found in their document */
  lost: string[];
  /** quotes found more than once in their document: their position is ambiguous */
  ambiguous: string[];
}

export function checkCoverage(seed: string, catalogue: Catalogue, reasons: Reason[]): CoverageResult {
  const docs = splitDocuments(seed, catalogue.documents);
  const quotes = [
    ...catalogue.targets.map((t) => ({ id: t.target_id, doc_id: t.doc_id, quote: t.source_quote })),
    ...catalogue.parameters.map((p) => ({ id: p.parameter_id, doc_id: p.doc_id, quote: p.source_quote })),
  ];
  const lost: string[] = [];
  const ambiguous: string[] = [];
  const spans = quotes.flatMap(({ id, doc_id, quote }) => {
    const text = docs.find((d) => d.doc_id === doc_id)?.text ?? "";
    const q = normaliseSeedText(quote);
    const at = q ? text.indexOf(q) : -1;
    if (at < 0) {
      lost.push(id);
      return [];
    }
    if (text.indexOf(q, at + 1) >= 0) ambiguous.push(id);
    return [{ id, doc_id, start: at, end: at + q.length }];
  });
  const reasonOf = new Map(reasons.map((r) => [`${r.doc_id}\u0000${r.sentence_key}`, r]));
  const used = new Set<Reason>();
  const sentences = docs.flatMap((d) =>
    splitSentences(d.doc_id, d.text).map((s): SentenceCoverage => {
      const rows = spans.filter((q) => q.doc_id === s.doc_id && q.start < s.end && q.end > s.start).map((q) => q.id);
      const found =
        s.flags.length > 0 && rows.length === 0 ? reasonOf.get(`${s.doc_id}\u0000${sentenceKey(s.text)}`) : undefined;
      if (found) used.add(found);
      return { ...s, rows, reason: found?.reason };
    }),
  );
  return {
    sentences,
    missing: sentences.filter((s) => s.flags.length > 0 && s.rows.length === 0 && !s.reason),
    stale: reasons.filter((r) => !used.has(r)),
    lost,
    ambiguous,
  };
}
