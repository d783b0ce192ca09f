// Writes the coverage of the seed documents as Markdown (data/catalogue/COVERAGE.md): the method, the
// word list, the counts per document and every reason a flagged sentence has no row. Pure.
import { KEY_LENGTH, NUMERIC_PATTERN, OBLIGATION_WORDS, type CoverageResult } from "./coverage.ts";
import { TARGET_KINDS, type Catalogue } from "./types.ts";

const cell = (text: string) => text.replace(/\|/g, "\\|");
const cut = (text: string, max: number) => ([...text].length > max ? `${[...text].slice(0, max).join("")}…` : text);
const percent = (part: number, whole: number) => (whole === 0 ? "–" : `${Math.round((100 * part) / whole)} %`);

export function renderCoverage(result: CoverageResult, catalogue: Catalogue): string {
  const docs = catalogue.documents;
  const flagged = result.sentences.filter((s) => s.flags.length > 0);
  const perDoc = docs.map((d) => {
    const mine = flagged.filter((s) => s.doc_id === d.doc_id);
    return {
      d,
      sentences: result.sentences.filter((s) => s.doc_id === d.doc_id).length,
      flagged: mine.length,
      rows: mine.filter((s) => s.rows.length > 0).length,
      reasons: mine.filter((s) => s.rows.length === 0 && s.reason).length,
      targets: catalogue.targets.filter((t) => t.doc_id === d.doc_id).length,
    };
  });
  const total = (key: "sentences" | "flagged" | "rows" | "reasons" | "targets") =>
    perDoc.reduce((sum, p) => sum + p[key], 0);
  const kinds = (docId?: string) =>
    TARGET_KINDS.map((k) => catalogue.targets.filter((t) => t.kind === k && (!docId || t.doc_id === docId)).length);
  const lines = [
    "# Coverage of the 2020 seed documents",
    "",
    "Written by `npm run coverage` (`pipeline/catalogue/write-coverage.ts`); do not edit by hand. The test",
    "`test/catalogue/coverage.test.ts` fails when this file is not what the script writes, when a flagged",
    "sentence has neither a row nor a reason, or when a reason names no sentence.",
    "",
    "## Method",
    "",
    "1. The seed text `data/sources/seeds-2020.txt` is normalised as the quotes are: the OCR artefacts",
    "   尧→、 渊→（ 冤→） 遥→。 袁→， replaced and all whitespace, line breaks included, removed.",
    "2. It is cut into the five documents at their 文号, and each document into sentences after 。；！？ (a",
    "   heading without a full stop joins the sentence after it).",
    "3. A sentence is **flagged** when it holds an obligation word or matches the numeric pattern. The words:",
    `   ${OBLIGATION_WORDS.join("、")}. 要 and 应 count as verbs only (not 主要, 重要, 需要, 要求, 要点;`,
    "   not 相应, 对应, 供应, 适应, 响应, 应用). The numeric pattern (digits, dates, rates, limits):",
    `   \`${NUMERIC_PATTERN.source}\`.`,
    "4. A flagged sentence **has a row** when the quote of a target or a parameter lies in it (overlaps it:",
    "   every quote occurs exactly once in its document, so its position is certain).",
    "5. Every other flagged sentence has a **reason** in `data/catalogue/coverage-reasons.csv`, named by its",
    `   document and its first ${KEY_LENGTH} characters (after normalisation). A reason holds when the sentence is`,
    "   a header or background, a definition or procedure applied case by case, a generic exhortation with",
    "   nothing to count or check done, a sanction, or a duplicate of a named row.",
    "",
    "How a commitment becomes a row (its kind, deadline, owner and the rule for prohibitions and undated",
    "projects) is in `data/catalogue/README.md`.",
    "",
    "## Counts per document",
    "",
    "| doc_id | document | sentences | flagged | flagged with a row | flagged with a reason | share of flagged that are rows | target rows |",
    "|---|---|---|---|---|---|---|---|",
    ...perDoc.map(
      (p) =>
        `| ${p.d.doc_id} | ${p.d.source_doc} | ${p.sentences} | ${p.flagged} | ${p.rows} | ${p.reasons} | ${percent(p.rows, p.flagged)} | ${p.targets} |`,
    ),
    `| **total** | | ${total("sentences")} | ${total("flagged")} | ${total("rows")} | ${total("reasons")} | ${percent(total("rows"), total("flagged"))} | ${total("targets")} |`,
    "",
    "## Target rows by kind",
    "",
    `| doc_id | ${TARGET_KINDS.join(" | ")} | total |`,
    `|---|${TARGET_KINDS.map(() => "---").join("|")}|---|`,
    ...docs.map((d) => {
      const n = kinds(d.doc_id);
      return `| ${d.doc_id} | ${n.join(" | ")} | ${n.reduce((a, b) => a + b, 0)} |`;
    }),
    `| **total** | ${kinds().join(" | ")} | ${catalogue.targets.length} |`,
    "",
    "## Flagged sentences with a reason instead of a row",
    "",
    "The sentence is cut at 60 characters; # counts the document's sentences from its 文号.",
    "",
    "| doc | # | sentence | reason |",
    "|---|---|---|---|",
    ...docs.flatMap((d) => {
      const all = result.sentences.filter((s) => s.doc_id === d.doc_id);
      return all
        .map((s, i) => ({ s, n: i + 1 }))
        .filter(({ s }) => s.flags.length > 0 && s.rows.length === 0 && s.reason)
        .map(({ s, n }) => `| ${d.doc_id} | ${n} | ${cell(cut(s.text, 60))} | ${cell(s.reason ?? "")} |`);
    }),
  ];
  return lines.join("\n") + "\n";
}
