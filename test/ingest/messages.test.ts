// The words clerks read: every Chinese message names things in Chinese (an id only in brackets
// after its name), points to the dashboard rather than the CLI clerks do not have, and a task's
// label and lead come from the catalogue.
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { CATALOGUE_DIR } from "../../pipeline/catalogue/location.ts";
import { readCatalogue } from "../../pipeline/catalogue/read.ts";
import { checkFile } from "../../pipeline/ingest/check.ts";
import { taskLabel, taskLead, taskOwners, TASK_LABEL_MAX } from "../../pipeline/catalogue/labels.ts";
import { render } from "../../pipeline/messages/render.ts";
import type { ProblemCode } from "../../pipeline/rules/problem.ts";

const catalogue = await readCatalogue(CATALOGUE_DIR);

/** one problem of each code, with the detail its rule gives (ids included where the rule has them) */
const EXAMPLES: Record<ProblemCode, { value?: string; detail: Record<string, string> }> = {
  unreadable_file: { detail: { reason: "binary" } },
  no_header: { detail: {} },
  missing_column: { detail: { field: "period", field_zh: "统计期" } },
  unknown_county: { detail: { raw: "兴成市", suggestion: "兴城市" } },
  unknown_indicator: { detail: { raw: "粮食产", suggestion: "粮食产量" } },
  extra_cells: { detail: { cells: "7", extra: "1" } },
  missing_value: { detail: {} },
  bad_number: { value: "约120", detail: {} },
  unknown_unit: { detail: { raw: "垧", expected: "万亩" } },
  unit_mismatch: { detail: { raw: "万吨", indicator: "中草药种植面积", indicator_en: "x", expected: "亩" } },
  negative_value: { detail: { indicator: "粮食产量", indicator_en: "Grain output" } },
  bad_period: { value: "25年10月", detail: {} },
  future_period: { detail: { period: "2025-12", period_iso: "2025-12-01", received: "2025-11-05" } },
  wrong_frequency: {
    detail: { raw: "2025-10", indicator: "粮食产量", expected: "quarterly", expected_zh: "季度", example: "2025Q3" },
  },
  duplicate_row: { detail: { other_line: "2" } },
  numerator_exceeds_denominator: {
    detail: { numerator: "网上可办事项数", numerator_value: "120", denominator: "政务服务事项总数" },
  },
  out_of_line: { detail: { previous_period: "2025-09", previous_value: "12" } },
  unit_conflict: { detail: { in_cell: "吨", in_column: "万吨" } },
  bad_date: { value: "2020-13-01", detail: {} },
  future_date: { detail: { date: "2025-12-01", received: "2025-11-05" } },
  missing_evidence: { detail: { task: "zp_task_04", task_zh: "开展自查" } },
  not_responsible: { detail: { task: "zp_task_04", task_zh: "开展自查", unit: "兴城市", lead: "市司法局" } },
  wrong_unit: { detail: { unit: "兴城市", token_unit: "绥中县" } },
  value_out_of_range: { value: "12345678901234567890123", detail: { digits: "23", max: "14" } },
  file_too_large: { detail: { size_mb: "500.0", limit_mb: "64.0", size_bytes: "524288000" } },
  too_many_columns: { detail: { line: "1", columns: "10000", limit: "1000" } },
  cell_too_long: { detail: { line: "2", chars: "5242880", limit: "10000" } },
  unbalanced_quote: { detail: { line: "3" } },
  not_a_file: { detail: { kind: "symlink" } },
  no_rows: { detail: {} },
};

const messageZh = (code: ProblemCode) =>
  render({ code, severity: "error", line: 2, column: "数值", ...EXAMPLES[code] }).message_zh;

describe.each(Object.keys(EXAMPLES) as ProblemCode[])("the Chinese message of %s", (code) => {
  test("has no CLI jargon (clerks have the dashboard, not kpi)", () => {
    expect(messageZh(code)).not.toMatch(/\bkpi\b|--[a-z]|\.csv\b|\bnpx\b/);
  });

  test("shows no internal id except in brackets after its Chinese name", () => {
    const withoutBracketedIds = messageZh(code).replace(/“[^”]+”（[a-z][a-z0-9_]*）/g, "");
    expect(withoutBracketedIds).not.toMatch(/[a-z]+_[a-z0-9_]+/);
  });
});

test("no_header points to the dashboard's 数据报送 page for the template", () => {
  expect(messageZh("no_header")).toContain("看板“数据报送”页（报送检查与模板，/submit）");
});

const target = (over: Partial<Parameters<typeof taskLabel>[0]> = {}) => ({
  target_id: "t1",
  source_clause: "",
  source_quote: "",
  ...over,
});

test.each([
  { clause: "四、（二）1.（1）开展自查", quote: "（1）开展自查。各单位要…", label: "开展自查" },
  { clause: "四、（二）5.升级“一体化”平台", quote: "5．升级…", label: "升级“一体化”平台" },
  // a clause of numbering only says nothing: the quote, without its numbering
  { clause: "四、（一）", quote: "（一）安排部署（2020年4月底前完成）", label: "安排部署（2020年4月底前完成）" },
  {
    clause: "2.",
    quote: "休渔渔船必须于2020年5月1日之前回船籍港休渔",
    label: "休渔渔船必须于2020年5月1日之前回船籍港休渔",
  },
  {
    clause: "二、（五）",
    quote: "积极推进连山区拟建的15MW生物质热电联产项目建设",
    label: "积极推进连山区拟建的15MW生物质热电联产项目建…",
  },
  // an article's number (第十三条) says nothing either
  {
    clause: "第十三条",
    quote: "市、县（市）区人民政府应当建立项目管家制度",
    label: "市、县（市）区人民政府应当建立项目管家制度",
  },
  { clause: "", quote: "", label: "t1" },
  { clause: "一、（三）", quote: "到2021年，完成垃圾分类地方立法", max: 8, label: "到2021年，完…" },
])("taskLabel($clause, $max) is $label", ({ clause, quote, max, label }) => {
  expect(taskLabel(target({ source_clause: clause, source_quote: quote }), max)).toBe(label);
});

test("every task in the catalogue has a Chinese label of at most TASK_LABEL_MAX characters (+ …)", () => {
  for (const t of catalogue.targets.filter((t) => t.comparator === "done_by")) {
    const label = taskLabel(t);
    expect(label, t.target_id).toMatch(/[\u4e00-\u9fff]/);
    expect([...label].length, t.target_id).toBeLessThanOrEqual(TASK_LABEL_MAX + 1);
  }
});

test.each([
  { lead_unit: "市司法局", scope_code: "211400", lead: "市司法局" },
  { lead_unit: "市信息中心|市政府办", scope_code: "211400", lead: "市信息中心、市政府办" },
  // no lead department: a county by name (never its code), the city by its departments
  { lead_unit: "", scope_code: "211402", lead: "连山区" },
  { lead_unit: "", scope_code: "211400", lead: "市直有关部门" },
  { lead_unit: null, scope_code: "211400", lead: "市直有关部门" },
])("taskLead($lead_unit, $scope_code) is $lead", ({ lead_unit, scope_code, lead }) => {
  const name = (code: string) => catalogue.units.find((u) => u.unit_code === code)?.name_zh ?? code;
  expect(taskLead({ lead_unit, scope_code }, name)).toBe(lead);
});

test.each([
  { lead_unit: "市司法局", responsible_units: ["市政府办"], scope_code: "211400", owners: "市司法局" },
  // the document names responsible units but no lead: they answer for it
  {
    lead_unit: null,
    responsible_units: ["各县（市）区政府", "市属开发区管委会"],
    scope_code: "211400",
    owners: "各县（市）区政府、市属开发区管委会",
  },
  { lead_unit: "", responsible_units: [], scope_code: "211402", owners: "连山区" },
  { lead_unit: null, responsible_units: null, scope_code: "211400", owners: "市直有关部门" },
])("taskOwners($lead_unit, $responsible_units, $scope_code) is $owners", ({ owners, ...target }) => {
  const name = (code: string) => catalogue.units.find((u) => u.unit_code === code)?.name_zh ?? code;
  expect(taskOwners(target, name)).toBe(owners);
});

test("a task reported by the wrong unit is named in Chinese, its id in brackets (milestones.csv line 7)", () => {
  const report = checkFile(new Uint8Array(readFileSync("test/fixtures/ingest/milestones.csv")), {
    catalogue,
    receivedAt: new Date("2020-08-05T10:00:00+08:00"),
  });
  const problem = report.problems.find((p) => p.code === "not_responsible")!;
  expect(problem.message_zh).toBe("任务“升级“一体化”平台”（zp_task_10）不由兴城市报送，应由市政府办报送。");
  expect(problem.message_en).toBe(
    'Task "升级“一体化”平台" (zp_task_10) is not reported by 兴城市; it is reported by 市政府办.',
  );
});
