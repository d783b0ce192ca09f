import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import {
  checkCoverage,
  parseReasons,
  sentenceFlags,
  sentenceKey,
  splitDocuments,
  splitSentences,
  type Reason,
} from "../../pipeline/catalogue/coverage.ts";
import { renderCoverage } from "../../pipeline/catalogue/coverage-report.ts";
import {
  CATALOGUE_DIR,
  COVERAGE_REASONS_PATH,
  COVERAGE_REPORT_PATH,
  SEED_TEXT_PATH,
} from "../../pipeline/catalogue/location.ts";
import { readCatalogue } from "../../pipeline/catalogue/read.ts";
import type { Catalogue, Document } from "../../pipeline/catalogue/types.ts";
import { target } from "../support/mini-warehouse.ts";

describe("sentenceFlags", () => {
  test.each<[string, string[]]>([
    ["二、主要任务", []],
    ["加强组织领导。", []],
    ["各地区要加快推进。", ["要", "推进", "加快"]],
    ["市政府重要讲话精神，主要内容要求如下。", []],
    ["应当依法取得相应许可。", ["应"]],
    ["取得相应许可，供应充足。", []],
    ["5月1日后所有渔船不得自行转港。", ["不得", "数字/日期"]],
    ["实现网上可办率100%。", ["实现", "数字/日期"]],
    ["我市地理标志工作保持全省先进行列。", ["先进行列"]],
    ["实现分类全覆盖。", ["实现", "全覆盖"]],
    ["二〇二〇年四月底前完成。", ["完成", "数字/日期"]],
  ])("%s → %j", (text, flags) => {
    expect(sentenceFlags(text)).toEqual(flags);
  });
});

describe("splitSentences", () => {
  test.each<[string, string[]]>([
    ["甲要做。乙要做；丙", ["甲要做。", "乙要做；", "丙"]],
    ["一、总体要求（一）要做。", ["一、总体要求（一）要做。"]],
    ["问？答！", ["问？", "答！"]],
  ])("%s", (text, expected) => {
    const sentences = splitSentences("d", text);
    expect(sentences.map((s) => s.text)).toEqual(expected);
    for (const s of sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
  });
});

const doc = (doc_id: string, source_doc: string): Document => ({
  doc_id,
  source_doc,
  title_zh: "",
  issued_on: "2020-01-01",
  area_zh: "",
  area_en: "",
});

test("splitDocuments cuts the normalised text at each 文号, in the order they appear", () => {
  const docs = splitDocuments("头 甲〔2020〕1号 要做遥\n乙〔2020〕2号 不得袁做", [
    doc("b", "乙〔2020〕2号"),
    doc("a", "甲〔2020〕1号"),
  ]);
  expect(docs).toEqual([
    { doc_id: "a", text: "甲〔2020〕1号要做。" },
    { doc_id: "b", text: "乙〔2020〕2号不得，做" },
  ]);
});

describe("checkCoverage", () => {
  // the header is flagged (its 文号 has digits): every case gives it a reason
  const seed = "甲〔2020〕1号文件。到2025年建成基地。各地区要加快推进。背景介绍。不得转港，不得转港。";
  const catalogue = (quotes: string[]): Catalogue => ({
    documents: [doc("a", "甲〔2020〕1号")],
    units: [],
    indicators: [],
    targets: quotes.map((q, i) => target(`t${i}`, { doc_id: "a", source_quote: q })),
    parameters: [],
  });
  const reason = (text: string): Reason => ({ doc_id: "a", sentence_key: sentenceKey(text), reason: "generic" });

  test.each<[string, string[], Reason[], { missing: string[]; stale: string[]; lost: string[]; ambiguous: string[] }]>([
    [
      "a sentence with a quote in it has a row; one without is missing",
      ["建成基地"],
      [],
      { missing: ["各地区要加快推进。", "不得转港，不得转港。"], stale: [], lost: [], ambiguous: [] },
    ],
    [
      "a reason covers its sentence",
      ["建成基地", "不得转港，不得"],
      [reason("各地区要加快推进。")],
      { missing: [], stale: [], lost: [], ambiguous: [] },
    ],
    [
      "a reason for a sentence with a row, or for no sentence, is stale",
      ["建成基地", "各地区要加快推进", "不得转港，不得"],
      [reason("各地区要加快推进。"), reason("没有这句。")],
      { missing: [], stale: ["各地区要加快推进。", "没有这句。"], lost: [], ambiguous: [] },
    ],
    [
      "a reason for an unflagged sentence is stale",
      ["建成基地", "各地区要加快推进", "不得转港，不得"],
      [reason("背景介绍。")],
      { missing: [], stale: ["背景介绍。"], lost: [], ambiguous: [] },
    ],
    [
      "a quote not in its document is lost; a quote found twice is ambiguous",
      ["建成基地", "各地区要加快推进", "不得转港", "乙文件"],
      [],
      { missing: [], stale: [], lost: ["t3"], ambiguous: ["t2"] },
    ],
  ])("%s", (_name, quotes, reasons, expected) => {
    const result = checkCoverage(seed, catalogue(quotes), [reason("甲〔2020〕1号文件。"), ...reasons]);
    expect({
      missing: result.missing.map((s) => s.text),
      stale: result.stale.map((r) => r.sentence_key),
      lost: result.lost,
      ambiguous: result.ambiguous,
    }).toEqual(expected);
  });

  test("a flagged sentence lists the rows whose quotes overlap it, across sentence ends", () => {
    const result = checkCoverage(seed, catalogue(["建成基地。各地区要"]), []);
    expect(result.sentences.filter((s) => s.rows.length > 0).map((s) => s.text)).toEqual([
      "到2025年建成基地。",
      "各地区要加快推进。",
    ]);
  });
});

test("parseReasons reads the reviewed reasons and rejects a broken file", () => {
  expect(parseReasons('doc_id,sentence_key,reason\nrural, 一、总体要求 ,"header, background"\n')).toEqual([
    { doc_id: "rural", sentence_key: "一、总体要求", reason: "header, background" },
  ]);
  expect(() => parseReasons('doc_id,sentence_key,reason\nrural,"unclosed\n')).toThrow(/coverage-reasons.csv/);
});

describe("the seed documents", async () => {
  const catalogue = await readCatalogue(CATALOGUE_DIR);
  const result = checkCoverage(
    readFileSync(SEED_TEXT_PATH, "utf-8"),
    catalogue,
    parseReasons(readFileSync(COVERAGE_REASONS_PATH, "utf-8")),
  );

  test("every flagged sentence has a row or a reviewed reason", () => {
    expect(result.missing.map((s) => `${s.doc_id}: ${s.text}`)).toEqual([]);
  });

  test("every reason names a flagged sentence without a row", () => {
    expect(result.stale).toEqual([]);
  });

  test("every quote lies exactly once in its own document", () => {
    expect({ lost: result.lost, ambiguous: result.ambiguous }).toEqual({ lost: [], ambiguous: [] });
  });

  test("all five documents are searched, sentence by sentence", () => {
    expect(new Set(result.sentences.map((s) => s.doc_id))).toEqual(new Set(catalogue.documents.map((d) => d.doc_id)));
    expect(result.sentences.filter((s) => s.flags.length > 0).length).toBeGreaterThan(catalogue.documents.length);
  });

  test("COVERAGE.md is what npm run coverage writes", () => {
    expect(readFileSync(COVERAGE_REPORT_PATH, "utf-8")).toBe(renderCoverage(result, catalogue));
  });
});
