// The bulletin's content on small hand-made inputs: what each section says, counted and named.
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, test } from "vitest";
import { bulletinContent, type BulletinData } from "../../pipeline/bulletin/content.ts";
import { escapeHtml, renderBulletinHtml } from "../../pipeline/bulletin/render.ts";
import type { VocabularyRow } from "../../pipeline/bulletin/status.ts";
import { readVocabulary } from "../../pipeline/vendor/vocabulary.ts";

// the vocabulary the marts write their *_zh words from, as the warehouse holds it
const VOCABULARY = (await readVocabulary()) as unknown as VocabularyRow[];

type Kpi = BulletinData["kpi_current"][number];
type Task = BulletinData["milestone_status"][number];
type Report = BulletinData["reporting_completeness"][number];

const kpi = (target_id: string, scope_code: string, status: string, fields: Partial<Kpi> = {}): Kpi => ({
  target_id,
  indicator_id: "grain_output",
  scope_code,
  latest_period: "2025-10-01",
  actual: 800000,
  target_value: 900000,
  deadline: "2025-12-31",
  expected_value: 850000,
  pct_of_target: 0.8888,
  status,
  ...fields,
});
const task = (target_id: string, status: string, fields: Partial<Task> = {}): Task => ({
  target_id,
  scope_code: "211400",
  source_clause: "一、（一）",
  deadline: "2025-06-30",
  lead_unit: "市农业农村局",
  responsible_units: [],
  status,
  days_late: status === "overdue" ? 123 : 0,
  ...fields,
});
const report = (unit_code: string, period: string, fields: Partial<Report> = {}): Report => ({
  unit_code,
  period,
  expected: 3,
  on_time: 3,
  late: 0,
  missing: 0,
  ...fields,
});

function data(fields: Partial<BulletinData> = {}): BulletinData {
  return {
    vocabulary: VOCABULARY,
    build: {
      as_of: "2025-10",
      as_of_date: "2025-10-31",
      as_of_label_zh: "截至2025年10月31日",
      built_at: "2025-11-03 02:00:00+00",
      due_month: "2025-09",
    },
    counties: [
      { unit_code: "211400", name_zh: "葫芦岛市", sort_order: 0 },
      { unit_code: "211402", name_zh: "连山区", sort_order: 1 },
      { unit_code: "211481", name_zh: "兴城市", sort_order: 6 },
    ],
    indicators: [
      { indicator_id: "grain_output", name_zh: "粮食产量", unit_zh: "万吨", display_scale: 10000, doc_id: "rural" },
    ],
    targets: [
      {
        target_id: "grain",
        kind: "reach",
        deadline_basis: "printed",
        indicator_id: "grain_output",
        comparator: ">=",
        target_value: 900000,
        deadline: "2025-12-31",
        source_quote: "粮食产量稳定在90万吨",
      },
      {
        target_id: "t1",
        kind: "deliverable",
        deadline_basis: "printed",
        indicator_id: null,
        comparator: "done_by",
        target_value: null,
        deadline: "2025-06-30",
        source_quote: "建成农产品<加工>集聚区",
      },
    ],
    documents: [{ doc_id: "rural", area_zh: "乡村产业振兴", issued_on: "2020-03-16" }],
    kinds: [],
    kpi_current: [],
    milestone_status: [],
    reporting_completeness: [],
    ...fields,
  };
}

const figure = (b: ReturnType<typeof bulletinContent>, key: string) => b.headline.find((f) => f.key === key)?.value;

describe("title and signature", () => {
  test("the title names the as-of month; dated on the build's day in China; signed by the office", () => {
    const b = bulletinContent(data());
    expect(b.title).toBe("关于2025年10月重点指标推进情况的通报");
    expect(b.issuedOn).toBe("2025年11月3日");
    expect(b.issuer).toBe("葫芦岛市人民政府办公室");
  });
  test("a build late in the UTC day is dated the next day in China", () => {
    const b = bulletinContent(data({ build: { ...data().build, built_at: "2025-11-03 17:00:00+00" } }));
    expect(b.issuedOn).toBe("2025年11月4日");
  });
  test.each([
    { as_of_date: "2025-10-31", cutoff: "截至2025年10月底" },
    { as_of_date: "2025-10-20", cutoff: "截至2025年10月20日" },
    { as_of_date: "2024-02-29", cutoff: "截至2024年2月底" },
    { as_of_date: "2024-02-28", cutoff: "截至2024年2月28日" },
  ])("as of $as_of_date, the overview speaks of the state $cutoff", ({ as_of_date, cutoff }) => {
    const b = bulletinContent(data({ build: { ...data().build, as_of_date } }));
    expect(b.overview[0].startsWith(`${cutoff}，`)).toBe(true);
  });
});

describe("一、总体情况: headline counts", () => {
  test.each([
    { statuses: [], key: "targets", expected: 0 },
    { statuses: ["met", "met", "on_track"], key: "met", expected: 2 },
    { statuses: ["met", "at_risk", "off_track"], key: "lagging", expected: 2 },
    { statuses: ["missed", "no_data", "no_data"], key: "no_data", expected: 2 },
    { statuses: ["missed", "no_data", "no_data"], key: "targets", expected: 3 },
  ])("$statuses → $key = $expected", ({ statuses, key, expected }) => {
    const b = bulletinContent(data({ kpi_current: statuses.map((s, i) => kpi(`grain`, `21140${i}`, s)) }));
    expect(figure(b, key)).toBe(expected);
  });

  test("tasks are counted by state", () => {
    const b = bulletinContent(
      data({ milestone_status: [task("t1", "overdue"), task("t2", "done"), task("t3", "in_progress")] }),
    );
    expect([figure(b, "tasks"), figure(b, "tasks_done"), figure(b, "tasks_overdue")]).toEqual([3, 1, 1]);
    expect(b.overview[1]).toBe("纳入督办的重点任务3项，已完成1项，逾期未完成1项。");
  });

  test("every kind of commitment is counted as the mart counted it", () => {
    const row = (kind: string, kind_zh: string, kind_total: number, code: string, zh: string, n: number) => ({
      kind,
      kind_zh,
      kind_total,
      domain: "status",
      code,
      zh,
      n,
    });
    const b = bulletinContent(
      data({
        kinds: [
          row("reach", "数值目标", 3, "met", "已达标", 2),
          row("reach", "数值目标", 3, "missed", "逾期未达标", 1),
          row("deliverable", "交付事项", 1, "overdue", "逾期", 1),
        ],
      }),
    );
    expect(b.overview).toContain("按承诺类别：数值目标3项（已达标2项、逾期未达标1项）；交付事项1项（逾期1项）。");
  });

  test("reports are judged for the latest month due by the as-of moment (not a later one still to come), summed over areas", () => {
    const b = bulletinContent(
      data({
        reporting_completeness: [
          report("211402", "2025-08-01", { late: 3, on_time: 0 }),
          report("211402", "2025-09-01", { late: 1, on_time: 2 }),
          report("211402", "2025-09-01", { missing: 2, on_time: 1 }),
          report("211481", "2025-09-01"),
          report("211481", "2025-10-01", { on_time: 0, not_due: 3 }),
        ],
      }),
    );
    expect(b.reportMonth).toBe("2025-09");
    expect([figure(b, "reports_expected"), figure(b, "reports_late"), figure(b, "reports_missing")]).toEqual([9, 1, 2]);
    expect(b.overview[2]).toBe("2025年9月数据应报9项，按时报送6项，迟报1项，漏报2项；1个单位迟报、1个单位漏报。");
  });
});

describe("二、主要指标完成情况", () => {
  test("a city target's row: target, actual with its month, 完成率, 序时进度 and status in a symbol and a word", () => {
    const b = bulletinContent(data({ kpi_current: [kpi("grain", "211400", "off_track")] }));
    expect(b.indicators).toEqual([
      {
        name: "粮食产量",
        area: "乡村产业振兴",
        target: "≥90万吨（2025年）",
        actual: "80万吨",
        period: "2025年10月",
        pct: "88.9%",
        expected: "85万吨",
        status: { status: "off_track", symbol: "▼", word: "滞后", color: "#c2410c" },
      },
    ]);
  });
  test.each([
    { frequency: "monthly", period: "2025年10月" },
    { frequency: "quarterly", period: "2025年四季度" },
    { frequency: "annual", period: "2025年" },
  ])("a $frequency figure's period reads $period", ({ frequency, period }) => {
    const base = data();
    const b = bulletinContent({
      ...base,
      indicators: base.indicators.map((i) => ({ ...i, frequency })),
      kpi_current: [kpi("grain", "211400", "met")],
    });
    expect(b.indicators[0].period).toBe(period);
  });
  test("a target is filed under the document that set it, though its indicator serves another", () => {
    const base = data();
    const b = bulletinContent({
      ...base,
      documents: [...base.documents, { doc_id: "zero_proof", area_zh: "零证明城市", issued_on: "2020-04-03" }],
      targets: [...base.targets, { ...base.targets[0], target_id: "grain_zp", doc_id: "zero_proof" }],
      kpi_current: [kpi("grain", "211400", "met"), kpi("grain_zp", "211400", "met")],
    });
    expect(b.indicators.map((l) => l.area)).toEqual(["乡村产业振兴", "零证明城市"]);
  });
  test("units' rows are not in the city table; city targets without a figure are listed apart", () => {
    const b = bulletinContent(
      data({ kpi_current: [kpi("grain", "211402", "met"), kpi("grain", "211400", "no_data", { actual: null })] }),
    );
    expect(b.indicators).toEqual([]);
    expect(b.indicatorsNoData).toEqual(["粮食产量≥90万吨（2025年）"]);
  });
});

describe("三、各地区进展及排名", () => {
  test("ranked by the share of targets with a figure that are met or on pace; ties share a rank; no figure, no rank", () => {
    const b = bulletinContent(
      data({
        counties: [
          { unit_code: "211400", name_zh: "葫芦岛市", sort_order: 0 },
          { unit_code: "211402", name_zh: "连山区", sort_order: 1 },
          { unit_code: "211403", name_zh: "龙港区", sort_order: 2 },
          { unit_code: "211404", name_zh: "南票区", sort_order: 3 },
          { unit_code: "211421", name_zh: "绥中县", sort_order: 4 },
        ],
        kpi_current: [
          kpi("a", "211402", "met"),
          kpi("b", "211402", "off_track"),
          kpi("a", "211403", "met"),
          kpi("b", "211403", "no_data"),
          kpi("a", "211404", "on_track"),
          kpi("a", "211421", "no_data"),
        ],
      }),
    );
    expect(b.units.map((u) => [u.name, u.rank, u.score])).toEqual([
      ["龙港区", 1, 1],
      ["南票区", 1, 1],
      ["连山区", 3, 0.5],
      ["绥中县", null, null],
    ]);
  });
  test("equal shares: fewer missing, then fewer late reports first", () => {
    const b = bulletinContent(
      data({
        kpi_current: [kpi("a", "211402", "met"), kpi("a", "211481", "met")],
        reporting_completeness: [report("211402", "2025-09-01", { missing: 1 }), report("211481", "2025-09-01")],
      }),
    );
    expect(b.units.map((u) => [u.name, u.rank])).toEqual([
      ["兴城市", 1],
      ["连山区", 2],
    ]);
  });
});

describe("四、存在的问题: named", () => {
  test("lagging targets, worst first, with the unit's name", () => {
    const b = bulletinContent(
      data({ kpi_current: [kpi("g", "211402", "at_risk"), kpi("g", "211481", "missed"), kpi("g", "211400", "met")] }),
    );
    expect(b.lagging.map((p) => [p.status.word, p.text])).toEqual([
      ["逾期未达标", "兴城市粮食产量：2025年10月完成80万吨，目标90万吨，序时进度85万吨"],
      ["关注", "连山区粮食产量：2025年10月完成80万吨，目标90万吨，序时进度85万吨"],
    ]);
  });
  test("a ceiling's figure is stated (为), not achieved (完成)", () => {
    const ceiling = {
      target_id: "no_transfer",
      kind: "window",
      deadline_basis: "printed",
      indicator_id: "grain_output",
      comparator: "<=",
      target_value: 0,
      deadline: "2020-09-01",
      source_quote: "严禁擅自转港",
    };
    const base = data();
    const b = bulletinContent({
      ...base,
      targets: [...base.targets, ceiling],
      kpi_current: [kpi("no_transfer", "211400", "missed", { target_value: 0, expected_value: 0 })],
    });
    expect(b.lagging.map((p) => p.text)).toEqual(["全市粮食产量：2025年10月为80万吨，目标0万吨，序时进度0万吨"]);
  });
  test("an overdue task of the city with no lead unit is required of 市直有关部门", () => {
    const b = bulletinContent(data({ milestone_status: [task("t1", "overdue", { lead_unit: null })] }));
    expect(b.requirements[1]).toContain("市直有关部门要抓紧办结逾期任务");
  });
  test("overdue tasks name the lead units (a|b → a、b) and the days late", () => {
    const b = bulletinContent(
      data({ milestone_status: [task("t1", "overdue", { lead_unit: "市农业农村局|市商务局" }), task("t2", "done")] }),
    );
    expect(b.overdue.map((p) => p.text)).toEqual([
      "建成农产品<加工>集聚区（一、（一），牵头：市农业农村局、市商务局）：时限2025年6月30日，已逾期123天",
    ]);
    expect(b.requirements[1]).toContain("市农业农村局、市商务局要抓紧办结逾期任务");
  });
  test("a deadline the clause does not print says how it was set: （规划期限） / （推定）", () => {
    const base = data();
    const assumed = base.targets.map((t) => (t.target_id === "t1" ? { ...t, deadline_basis: "assumed" } : t));
    const b = bulletinContent({ ...base, targets: assumed, milestone_status: [task("t1", "overdue")] });
    expect(b.overdue.map((p) => p.text)).toEqual([
      "建成农产品<加工>集聚区（一、（一），牵头：市农业农村局）：时限2025年6月30日（推定），已逾期123天",
    ]);
  });
  test("a direction's bar is its baseline, in the vocabulary's words", () => {
    const base = data();
    const direction = {
      ...base.targets[0],
      target_id: "less",
      kind: "direction",
      comparator: "decrease",
      target_value: null,
    };
    const b = bulletinContent({
      ...base,
      targets: [...base.targets, direction],
      kpi_current: [kpi("less", "211481", "off_track", { target_value: null, expected_value: 700000 })],
    });
    expect(b.lagging.map((p) => p.text)).toEqual(["兴城市粮食产量：2025年10月为80万吨，目标低于基期70万吨"]);
  });
  test("late and missing reporters named with their counts, most first; the city's own as 市本级", () => {
    const b = bulletinContent(
      data({
        reporting_completeness: [
          report("211402", "2025-09-01", { late: 1, on_time: 2 }),
          report("211481", "2025-09-01", { late: 2, on_time: 1 }),
          report("211400", "2025-09-01", { missing: 3, on_time: 0 }),
        ],
      }),
    );
    expect(b.reporting.map((p) => p.text)).toEqual([
      "2025年9月数据迟报：兴城市（2项）、连山区（1项）",
      "2025年9月数据漏报：市本级（3项）",
    ]);
  });
  test("nothing wrong: no problems listed, and the requirements say so", () => {
    const b = bulletinContent(data({ kpi_current: [kpi("g", "211400", "met")] }));
    expect([b.lagging, b.overdue, b.reporting]).toEqual([[], [], []]);
    expect(b.requirements[0]).toContain("各项指标均达到序时进度");
  });
});

describe("render", () => {
  test("a complete A4 document, every text escaped", () => {
    const b = bulletinContent(data({ milestone_status: [task("t1", "overdue")] }));
    const html = renderBulletinHtml(b);
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain("@page { size: A4;");
    expect(html).toContain('"Songti SC", "SimSun", "Noto Serif CJK SC"');
    expect(html).toContain("建成农产品&lt;加工&gt;集聚区");
    expect(html).not.toContain("<加工>");
    expect(html).toContain("<h1>关于2025年10月重点指标推进情况的通报</h1>");
    expect(html).toContain('<b data-key="tasks_overdue">1</b>');
  });
  test.each([
    ["<script>", "&lt;script&gt;"],
    [`a"b'c&`, "a&quot;b&#39;c&amp;"],
    [null, ""],
  ])("escapeHtml(%j) = %j", (input, expected) => {
    expect(escapeHtml(input)).toBe(expected);
  });
});

test("the bulletin and the dashboard (status.js) speak the vocabulary the marts write their words from", async () => {
  type Looks = Record<string, { zh: string; symbol: string; hex: string }>;
  const page = await import(pathToFileURL(resolve("dashboard/components/status.js")).href);
  const domains: [string, Looks][] = [
    ["status", page.STATUS],
    ["task_status", page.TASK_STATUS],
    ["deadline_result", page.DEADLINE_STATUS],
    ["report_status", page.REPORT_STATUS],
  ];
  for (const [domain, looks] of domains) {
    const rows = VOCABULARY.filter((v) => v.domain === domain);
    expect(rows.length, domain).toBeGreaterThan(2);
    expect(Object.keys(looks)).toEqual(rows.map((v) => v.code));
    for (const v of rows)
      expect([looks[v.code].zh, looks[v.code].symbol, looks[v.code].hex]).toEqual([v.zh, v.symbol, v.color]);
  }
  const b = bulletinContent(data({ kpi_current: [kpi("grain", "211400", "off_track")] }));
  const offTrack = VOCABULARY.find((v) => v.domain === "status" && v.code === "off_track")!;
  expect(b.indicators[0].status).toEqual({
    status: "off_track",
    symbol: offTrack.symbol,
    word: offTrack.zh,
    color: offTrack.color,
  });
  expect(b.legend).toBe("✔ 已达标　● 正常　▲ 关注　▼ 滞后　✘ 逾期未达标　○ 无数据");
});
