// Names as clerks write them, resolved through the catalogue's aliases; an unknown name gets the
// closest known one as a suggestion, or none when nothing is close.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { indicatorLookup, unitLookup } from "../../pipeline/catalogue/lookup.ts";
import { CATALOGUE_DIR } from "../../pipeline/catalogue/location.ts";
import { readCatalogue } from "../../pipeline/catalogue/read.ts";
import { checkFile } from "../../pipeline/ingest/check.ts";

const catalogue = await readCatalogue(CATALOGUE_DIR);
const units = unitLookup(catalogue);
const indicators = indicatorLookup(catalogue);

describe("reporting units", () => {
  it.each([
    { name: "兴城市", code: "211481" },
    { name: "兴城", code: "211481" },
    { name: "兴城市人民政府", code: "211481" },
    { name: "绥中县人民政府", code: "211421" },
    { name: "建昌县政府", code: "211422" },
    { name: "南票区人民政府", code: "211404" },
    { name: " 连山区 ", code: "211402" },
    { name: "211403", code: "211403" },
    { name: "Xingcheng City", code: "211481" },
    { name: "xingcheng city", code: "211481" },
    { name: "杨家杖子经济开发区管委会", code: "2114Z1" },
    { name: "经开区", code: "2114Z2" },
    { name: "高新区", code: "2114Z3" },
    { name: "葫芦岛市人民政府", code: "211400" },
  ])("$name → $code", ({ name, code }) => {
    expect(units.find(name)?.unit_code).toBe(code);
  });

  it.each([
    { name: "兴成市", suggestion: "兴城市" },
    { name: "绥中市", suggestion: "绥中县" },
    { name: "建昌县县政府", suggestion: "建昌县" },
    { name: "北京市", suggestion: undefined },
    { name: "", suggestion: undefined },
  ])("$name is unknown; suggested: $suggestion", ({ name, suggestion }) => {
    expect(units.find(name)).toBeUndefined();
    expect(units.suggest(name)).toBe(suggestion);
  });
});

describe("indicators", () => {
  it.each([
    { name: "粮食产量", id: "grain_output" },
    { name: "粮食产量（本年累计）", id: "grain_output" },
    { name: "粮食产量(万吨)", id: "grain_output" },
    { name: "粮食总产量", id: "grain_output" },
    { name: "粮食 产量", id: "grain_output" },
    { name: "grain_output", id: "grain_output" },
    { name: "Grain output", id: "grain_output" },
    { name: "设施农业面积（万亩）", id: "facility_agri_area" },
    { name: "公共机构数", id: "waste_public_inst_total" },
    { name: "开展垃圾分类的公共机构数", id: "waste_public_inst_classified" },
  ])("$name → $id", ({ name, id }) => {
    expect(indicators.find(name)?.indicator_id).toBe(id);
  });

  it.each([
    { name: "粮食产", suggestion: "粮食产量" },
    { name: "设施农业面基", suggestion: "设施农业面积" },
    { name: "GDP", suggestion: undefined },
  ])("$name is unknown; suggested: $suggestion", ({ name, suggestion }) => {
    expect(indicators.find(name)).toBeUndefined();
    expect(indicators.suggest(name)).toBe(suggestion);
  });

  it("computed rates are not reported: 公共机构生活垃圾分类覆盖率 is unknown in a file", () => {
    expect(indicators.find("公共机构生活垃圾分类覆盖率")).toBeUndefined();
  });
});

describe("names.csv: each row written another way, all resolved", () => {
  const report = checkFile(readFileSync(new URL("../fixtures/ingest/names.csv", import.meta.url)), {
    catalogue,
    receivedAt: new Date("2025-10-05T10:00:00+08:00"),
  });

  it.each([
    { line: 2, county: "兴城", indicator: "粮食产量（本年累计）", code: "211481" },
    { line: 3, county: "绥中县人民政府", indicator: "粮食总产量", code: "211421" },
    { line: 4, county: "建昌县政府", indicator: "grain_output", code: "211422" },
    { line: 5, county: "211404", indicator: "Grain output", code: "211404" },
    { line: 6, county: "Lianshan District", indicator: "粮食产量(万吨)", code: "211402" },
    { line: 7, county: "杨杖子开发区", indicator: "粮食产量", code: "2114Z1" },
    { line: 8, county: "经开区", indicator: "粮食产量", code: "2114Z2" },
    { line: 9, county: "高新区", indicator: "粮食产量", code: "2114Z3" },
    { line: 10, county: "龙港区人民政府", indicator: "粮食 产量", code: "211403" },
  ])("line $line: $county / $indicator → $code, grain_output", ({ line, code }) => {
    const row = report.accepted.find((r) => r.line === line);
    expect(row && [row.unit_code, row.indicator_id]).toEqual([code, "grain_output"]);
  });

  it("no row is rejected", () => {
    expect(report.problems).toEqual([]);
  });
});
