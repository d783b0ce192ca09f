// npm run coverage: checks every flagged sentence of the seed text against the catalogue and the
// reviewed reasons, and writes data/catalogue/COVERAGE.md. Fails (exit 1) when a sentence has neither a
// row nor a reason, when a reason is stale, or when a quote is lost or ambiguous; the report is still
// written, so the reviewer sees the counts.
import { readFile, writeFile } from "node:fs/promises";
import { checkCoverage, parseReasons } from "./coverage.ts";
import { renderCoverage } from "./coverage-report.ts";
import { CATALOGUE_DIR, COVERAGE_REASONS_PATH, COVERAGE_REPORT_PATH, SEED_TEXT_PATH } from "./location.ts";
import { readCatalogue } from "./read.ts";

const catalogue = await readCatalogue(CATALOGUE_DIR);
const result = checkCoverage(
  await readFile(SEED_TEXT_PATH, "utf-8"),
  catalogue,
  parseReasons(await readFile(COVERAGE_REASONS_PATH, "utf-8")),
);
await writeFile(COVERAGE_REPORT_PATH, renderCoverage(result, catalogue));
const problems = [
  ...result.missing.map((s) => `无行无理由 no row and no reason: ${s.doc_id} ${s.text.slice(0, 40)}`),
  ...result.stale.map((r) => `理由无对应句 stale reason: ${r.doc_id} ${r.sentence_key}`),
  ...result.lost.map((id) => `引文未找到 quote not in its document: ${id}`),
  ...result.ambiguous.map((id) => `引文出现多次 quote occurs more than once: ${id}`),
];
for (const p of problems) console.error(p);
console.log(`写出 wrote ${COVERAGE_REPORT_PATH}`);
process.exitCode = problems.length > 0 ? 1 : 0;
