import { DuckDBInstance } from "@duckdb/node-api";
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { CATALOGUE_DIR, SEED_TEXT_PATH } from "../../pipeline/catalogue/location.ts";
import { targetProblems } from "../../pipeline/catalogue/check-targets.ts";
import { readCatalogue } from "../../pipeline/catalogue/read.ts";
import { normaliseSeedText } from "../../pipeline/catalogue/seed-text.ts";
import { CITY_CODE } from "../../pipeline/catalogue/types.ts";
import { prepareWarehouse } from "../../pipeline/warehouse/prepare.ts";

const catalogue = await readCatalogue(CATALOGUE_DIR);
const seed = normaliseSeedText(readFileSync(SEED_TEXT_PATH, "utf-8"));
const unitCodes = new Set(catalogue.units.map((u) => u.unit_code));
const indicators = new Map(catalogue.indicators.map((i) => [i.indicator_id, i]));
const docs = new Map(catalogue.documents.map((d) => [d.doc_id, d]));

function isRealDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.toISOString().slice(0, 10) === text;
}

describe("the catalogue", () => {
  test("loads into a real DuckDB warehouse with every row", async () => {
    const instance = await DuckDBInstance.create(":memory:");
    const connection = await instance.connect();
    await prepareWarehouse(connection, catalogue);
    const counts = await connection.runAndReadAll(
      `select (select count(*) from documents), (select count(*) from counties), (select count(*) from indicators),
              (select count(*) from targets), (select count(*) from parameters)`,
    );
    expect(counts.getRows()[0].map(Number)).toEqual([
      catalogue.documents.length,
      catalogue.units.length,
      catalogue.indicators.length,
      catalogue.targets.length,
      catalogue.parameters.length,
    ]);
    connection.closeSync();
    instance.closeSync();
  });

  test("has the five documents, the city, the six counties and the zones", () => {
    expect(catalogue.documents.map((d) => d.source_doc).sort()).toEqual(
      [
        "葫政告字〔2020〕2号",
        "葫政发〔2020〕13号",
        "葫政发〔2020〕14号",
        "葫政办发〔2020〕33号",
        "葫政办发〔2020〕49号",
      ].sort(),
    );
    for (const code of [CITY_CODE, "211402", "211403", "211404", "211421", "211422", "211481"]) {
      expect(unitCodes).toContain(code);
    }
    expect(catalogue.units.filter((u) => u.kind === "开发区").length).toBeGreaterThanOrEqual(3);
  });

  test.each([
    "粮食产量",
    "设施农业面积",
    "已开展生活垃圾分类的公共机构数",
    "公共机构总数",
    "网上可办政务服务事项数",
    "政务服务事项总数",
  ])("knows %s, reported monthly", (name) => {
    const found = catalogue.indicators.find((i) => i.name_zh === name || i.aliases.includes(name));
    expect(found?.reported).toBe(true);
    expect(found?.frequency).toBe("monthly");
  });

  test("ids are unique", () => {
    for (const [name, ids] of [
      ["units", catalogue.units.map((u) => u.unit_code)],
      ["indicators", catalogue.indicators.map((i) => i.indicator_id)],
      ["targets", catalogue.targets.map((t) => t.target_id)],
      ["parameters", catalogue.parameters.map((p) => p.parameter_id)],
    ] as const) {
      expect(new Set(ids).size, name).toBe(ids.length);
    }
  });

  test("every rate is a ratio of two reported indicators of the same frequency", () => {
    for (const rate of catalogue.indicators.filter((i) => i.unit_aggregation === "ratio_of_sums")) {
      for (const part of [rate.numerator_id, rate.denominator_id]) {
        expect(indicators.get(part)?.reported, `${rate.indicator_id} → ${part}`).toBe(true);
        expect(indicators.get(part)?.frequency, `${rate.indicator_id} → ${part}`).toBe(rate.frequency);
      }
    }
  });
});

describe.each(catalogue.targets.map((t) => [t.target_id, t] as const))("target %s", (_id, target) => {
  test("references an existing document, indicator and unit, in the indicator's base unit", () => {
    expect(docs.has(target.doc_id)).toBe(true);
    expect(indicators.has(target.indicator_id)).toBe(true);
    expect(unitCodes.has(target.scope_code)).toBe(true);
    expect(target.base_unit).toBe(indicators.get(target.indicator_id)?.base_unit);
    expect(target.source_doc).toBe(docs.get(target.doc_id)?.source_doc);
  });

  test("obeys the rules of its kind, says what was assumed and quotes the seed text verbatim", () => {
    expect(targetProblems(target, { indicators, seed })).toEqual([]);
  });

  test("has real dates", () => {
    expect(isRealDate(target.deadline)).toBe(true);
    if (target.start_date) expect(isRealDate(target.start_date)).toBe(true);
    if (target.base_unit === "ratio") expect(target.target_value ?? 0).toBeLessThanOrEqual(1);
  });
});

test.each(catalogue.parameters.map((p) => [p.parameter_id, p] as const))(
  "parameter %s quotes the seed text",
  (_id, p) => {
    expect(docs.has(p.doc_id)).toBe(true);
    expect(seed).toContain(normaliseSeedText(p.source_quote));
  },
);
