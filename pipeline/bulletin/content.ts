// What a monthly 通报 says, worked out from the exports of one as-of build: the one definition of
// the bulletin's content. Pure: the CLI (marts of a warehouse copy) and the dashboard (the JSON
// exports, bundled for the browser) pass the same rows; render.ts turns the result into HTML.
import { chinaDay, dateZh, formatPct, formatValue, monthZh, nameList, periodZh } from "./format.ts";
import { lookOf, looks, type StatusCell, type VocabularyRow } from "./status.ts";
import { taskOwners } from "../catalogue/labels.ts";

type Num = number | string | null;

export interface BulletinData {
  /** the marts' vocabulary (vocabulary.json): every status word, symbol and colour */
  vocabulary: VocabularyRow[];
  build: {
    as_of: string;
    /** the last day the as-of moment covers (YYYY-MM-DD, China) */
    as_of_date: string;
    /** 截至… as every page says it; 示例数据，截至… for the sample */
    as_of_label_zh: string;
    built_at: string;
    /** the latest report month due by the as-of moment (YYYY-MM), none before the first */
    due_month: string | null;
  };
  counties: { unit_code: string; name_zh: string; sort_order: number }[];
  indicators: {
    indicator_id: string;
    name_zh: string;
    unit_zh: string;
    display_scale: number;
    doc_id: string;
    /** monthly, quarterly, annual: how a period is named */
    frequency?: string;
  }[];
  targets: {
    target_id: string;
    kind: string;
    /** printed, horizon or assumed (vocabulary deadline_basis) */
    deadline_basis: string;
    doc_id?: string;
    indicator_id: string | null;
    comparator: string;
    target_value: Num;
    deadline: string | null;
    source_quote: string;
  }[];
  documents: { doc_id: string; area_zh: string; issued_on: string }[];
  /** rpt_kind_counts of all five documents at the moment: each kind of commitment by status */
  kinds: { kind: string; kind_zh: string; kind_total: number; domain: string; code: string; zh: string; n: number }[];
  kpi_current: {
    target_id: string;
    indicator_id: string;
    scope_code: string;
    latest_period: string;
    actual: Num;
    target_value: Num;
    deadline: string | null;
    expected_value: Num;
    pct_of_target: Num;
    status: string;
  }[];
  milestone_status: {
    target_id: string;
    scope_code: string;
    source_clause: string;
    deadline: string;
    lead_unit: string | null;
    responsible_units: string[] | null;
    status: string;
    days_late: Num;
  }[];
  reporting_completeness: {
    unit_code: string;
    period: string;
    expected: number;
    on_time: number;
    late: number;
    missing: number;
    not_due?: number;
  }[];
}

export const CITY = "211400";
export const ISSUER = "葫芦岛市人民政府办公室";

export interface KeyFigure {
  /** stable name (data-key in the HTML, used by tests) */
  key: string;
  label: string;
  value: number;
  unit: string;
}

export type { StatusCell } from "./status.ts";

export interface IndicatorLine {
  name: string;
  area: string;
  target: string;
  actual: string;
  period: string;
  pct: string;
  expected: string;
  status: StatusCell;
}

export interface UnitLine {
  /** null: no target with a figure, not ranked */
  rank: number | null;
  code: string;
  name: string;
  targets: number;
  met: number;
  onTrack: number;
  lagging: number;
  missed: number;
  noData: number;
  /** (met + on_track) / targets with a figure */
  score: number | null;
  overdueTasks: number;
  late: number;
  missing: number;
}

export interface Problem {
  text: string;
  status: StatusCell;
}

export interface Bulletin {
  asOf: string;
  /** the moment, as every page says it (示例数据，截至… for the sample) */
  asOfLabel: string;
  /** the status symbols and words, in the vocabulary's order */
  legend: string;
  title: string;
  issuedOn: string;
  issuer: string;
  /** the month whose reports are judged (the latest due by the as-of moment) */
  reportMonth: string | null;
  headline: KeyFigure[];
  overview: string[];
  /** the city's targets with a figure */
  indicators: IndicatorLine[];
  /** the city's targets without one: "指标（年）" */
  indicatorsNoData: string[];
  rankingBasis: string;
  units: UnitLine[];
  lagging: Problem[];
  overdue: Problem[];
  reporting: Problem[];
  requirements: string[];
}

const LAGGING = ["missed", "off_track", "at_risk"];

/** "2026-11-24 19:42:26.864+00" (DuckDB's text of a timestamptz) or ISO → Date */
export function parseInstant(text: string): Date {
  return new Date(text.replace(" ", "T").replace(/([+-]\d\d)$/, "$1:00"));
}
const count = <T>(rows: T[], test: (row: T) => boolean) => rows.filter(test).length;
const isLastDay = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).getUTCDate() === 1;
const short = (text: string, max = 36) => (text.length > max ? `${text.slice(0, max)}…` : text);

export function bulletinContent(data: BulletinData): Bulletin {
  const statuses = looks(data.vocabulary, "status");
  const comparators = looks(data.vocabulary, "comparator");
  const deadlineBases = looks(data.vocabulary, "deadline_basis");
  const cell = (status: string) => lookOf(statuses, status, "no_data");
  const taskCell = (status: string) => lookOf(looks(data.vocabulary, "task_status"), status, "in_progress");
  const reportCell = (status: string) => lookOf(looks(data.vocabulary, "report_status"), status, "missing");
  const asOf = data.build.as_of;
  const asOfMonth = monthZh(asOf);
  const builtOn = chinaDay(parseInstant(data.build.built_at));
  // a bulletin as of a month's last day speaks of the month's end; of a month still running, of its day
  const asOfDate = data.build.as_of_date;
  const cutoff = isLastDay(asOfDate) ? `${monthZh(asOfDate)}底` : dateZh(asOfDate);
  const unitName = new Map(data.counties.map((c) => [c.unit_code, c.name_zh]));
  const nameOf = (code: string) => unitName.get(code) ?? code;
  // reports and tasks of the city itself are its departments' (市本级)
  const reporterName = (code: string) => (code === CITY ? "市本级" : nameOf(code));
  const leadOf = (t: BulletinData["milestone_status"][number]) => taskOwners(t, nameOf);
  const indicatorOf = new Map(data.indicators.map((i) => [i.indicator_id, i]));
  const targetOf = new Map(data.targets.map((t) => [t.target_id, t]));
  // a deadline the clause does not print says how it was set: （规划期限） / （推定）
  const basisOf = (id: string) => {
    const basis = targetOf.get(id)?.deadline_basis;
    return basis && basis !== "printed" ? `（${deadlineBases.get(basis)?.word ?? basis}）` : "";
  };
  const docOrder = new Map(data.documents.map((d, i) => [d.doc_id, i]));
  const areaOf = new Map(data.documents.map((d) => [d.doc_id, d.area_zh]));
  const units = data.counties.filter((c) => c.unit_code !== CITY).sort((a, b) => a.sort_order - b.sort_order);

  // 一、总体情况
  const kpis = data.kpi_current;
  const tasks = data.milestone_status;
  const reportMonth = data.build.due_month;
  const reports = data.reporting_completeness.filter((r) => reportMonth && r.period.startsWith(reportMonth));
  const perUnit = (code: string) => {
    const rows = reports.filter((r) => r.unit_code === code);
    return {
      expected: rows.reduce((s, r) => s + r.expected, 0),
      late: rows.reduce((s, r) => s + r.late, 0),
      missing: rows.reduce((s, r) => s + r.missing, 0),
    };
  };
  const reportingUnits = [...new Set(reports.map((r) => r.unit_code))];
  const lateUnits = reportingUnits.filter((c) => perUnit(c).late > 0);
  const missingUnits = reportingUnits.filter((c) => perUnit(c).missing > 0);

  const headline: KeyFigure[] = [
    { key: "targets", label: "监测数值目标", value: kpis.length, unit: "项" },
    { key: "met", label: "已达标", value: count(kpis, (k) => k.status === "met"), unit: "项" },
    { key: "on_track", label: "达到序时进度", value: count(kpis, (k) => k.status === "on_track"), unit: "项" },
    {
      key: "lagging",
      label: "关注或滞后",
      value: count(kpis, (k) => k.status === "at_risk" || k.status === "off_track"),
      unit: "项",
    },
    { key: "missed", label: "逾期未达标", value: count(kpis, (k) => k.status === "missed"), unit: "项" },
    { key: "no_data", label: "无数据", value: count(kpis, (k) => k.status === "no_data"), unit: "项" },
    { key: "tasks", label: "重点任务", value: tasks.length, unit: "项" },
    { key: "tasks_done", label: "任务已完成", value: count(tasks, (t) => t.status === "done"), unit: "项" },
    { key: "tasks_overdue", label: "任务逾期", value: count(tasks, (t) => t.status === "overdue"), unit: "项" },
    { key: "reports_expected", label: "应报数据", value: reports.reduce((s, r) => s + r.expected, 0), unit: "项" },
    { key: "reports_on_time", label: "按时报送", value: reports.reduce((s, r) => s + r.on_time, 0), unit: "项" },
    { key: "reports_late", label: "迟报", value: reports.reduce((s, r) => s + r.late, 0), unit: "项" },
    { key: "reports_missing", label: "漏报", value: reports.reduce((s, r) => s + r.missing, 0), unit: "项" },
  ];
  const h = Object.fromEntries(headline.map((f) => [f.key, f.value]));
  // each kind of commitment as the mart counted it: 交付事项12项（已完成8项、逾期2项…）
  const kindOrder = [...new Set(data.kinds.map((k) => k.kind))];
  const kindsText = kindOrder
    .map((kind) => {
      const rows = data.kinds.filter((k) => k.kind === kind);
      return `${rows[0].kind_zh}${rows[0].kind_total}项（${rows.map((r) => `${r.zh}${r.n}项`).join("、")}）`;
    })
    .join("；");
  const overview = [
    `截至${cutoff}，全市纳入监测的数值目标（含各地区分解目标）共${h.targets}项，其中已达标${h.met}项，` +
      `达到序时进度${h.on_track}项，关注或滞后于序时进度${h.lagging}项，逾期未达标${h.missed}项，尚无数据${h.no_data}项。`,
    `纳入督办的重点任务${h.tasks}项，已完成${h.tasks_done}项，逾期未完成${h.tasks_overdue}项。`,
    ...(kindsText ? [`按承诺类别：${kindsText}。`] : []),
    reportMonth
      ? `${monthZh(reportMonth)}数据应报${h.reports_expected}项，按时报送${h.reports_on_time}项，迟报${h.reports_late}项，漏报${h.reports_missing}项；` +
        `${lateUnits.length}个单位迟报、${missingUnits.length}个单位漏报。`
      : `截至${cutoff}尚无到期的月度报送。`,
  ];

  // 二、主要指标完成情况: the city's targets
  const cityLines = kpis
    .filter((k) => k.scope_code === CITY)
    .map((k) => ({ k, ind: indicatorOf.get(k.indicator_id), t: targetOf.get(k.target_id) }))
    .filter((x) => x.ind)
    // a target belongs to the document that set it (one indicator may serve two documents)
    .map((x) => ({ ...x, doc: x.t?.doc_id ?? x.ind!.doc_id }))
    .sort(
      (a, b) => (docOrder.get(a.doc) ?? 99) - (docOrder.get(b.doc) ?? 99) || a.k.target_id.localeCompare(b.k.target_id),
    )
    .map(({ k, ind, t, doc }): IndicatorLine => {
      const comparator = comparators.get(t?.comparator ?? ">=")?.word ?? "";
      const basis = basisOf(k.target_id);
      const deadline = k.deadline ? `（${k.deadline.slice(0, 4)}年${basis ? `，${basis.slice(1, -1)}` : ""}）` : "";
      // a direction has no number: it must beat its baseline (the expected value)
      const value = k.target_value == null ? formatValue(k.expected_value, ind!) : formatValue(k.target_value, ind!);
      return {
        name: ind!.name_zh,
        area: areaOf.get(doc) ?? "",
        target: `${comparator}${value}${deadline}`,
        actual: formatValue(k.actual, ind!),
        period: k.actual == null ? "" : periodZh(k.latest_period, ind!.frequency),
        pct: t?.comparator === "=" ? "—" : formatPct(k.pct_of_target),
        expected: formatValue(k.expected_value, ind!),
        status: cell(k.status),
      };
    });
  const indicators = cityLines.filter((l) => l.status.status !== "no_data");
  const indicatorsNoData = cityLines.filter((l) => l.status.status === "no_data").map((l) => `${l.name}${l.target}`);

  // 三、各地区进展及排名
  const unitLines: UnitLine[] = units.map((u) => {
    const rows = kpis.filter((k) => k.scope_code === u.unit_code);
    const met = count(rows, (k) => k.status === "met");
    const onTrack = count(rows, (k) => k.status === "on_track");
    const noData = count(rows, (k) => k.status === "no_data");
    const withData = rows.length - noData;
    const r = perUnit(u.unit_code);
    return {
      rank: null,
      code: u.unit_code,
      name: u.name_zh,
      targets: rows.length,
      met,
      onTrack,
      lagging: count(rows, (k) => k.status === "at_risk" || k.status === "off_track"),
      missed: count(rows, (k) => k.status === "missed"),
      noData,
      score: withData > 0 ? (met + onTrack) / withData : null,
      overdueTasks: count(tasks, (t) => t.scope_code === u.unit_code && t.status === "overdue"),
      late: r.late,
      missing: r.missing,
    };
  });
  const ranked = unitLines
    .filter((u) => u.score != null)
    .sort((a, b) => b.score! - a.score! || a.missing - b.missing || a.late - b.late);
  ranked.forEach((u, i) => {
    const prev = ranked[i - 1];
    u.rank = prev && prev.score === u.score && prev.missing === u.missing && prev.late === u.late ? prev.rank : i + 1;
  });
  const unitsOut = [...ranked, ...unitLines.filter((u) => u.score == null)];

  // 四、存在的问题
  const severity = (s: string) => LAGGING.indexOf(s);
  const lagging: Problem[] = kpis
    .filter((k) => LAGGING.includes(k.status) && indicatorOf.has(k.indicator_id))
    .sort(
      (a, b) =>
        severity(a.status) - severity(b.status) ||
        a.indicator_id.localeCompare(b.indicator_id) ||
        a.scope_code.localeCompare(b.scope_code),
    )
    .map((k) => {
      const ind = indicatorOf.get(k.indicator_id)!;
      const where = k.scope_code === CITY ? "全市" : nameOf(k.scope_code);
      // a ceiling or an exact count (违规船数 ≤ 0, = 0) is not something one 完成s: its figure simply 为
      const comparator = targetOf.get(k.target_id)?.comparator ?? "";
      const verb = ["<=", "=", "increase", "decrease"].includes(comparator) ? "为" : "完成";
      // a direction's bar is its baseline: 目标低于基期8.00天
      const goal =
        k.target_value == null
          ? `目标${comparators.get(comparator)?.word ?? ""}${formatValue(k.expected_value, ind)}`
          : `目标${formatValue(k.target_value, ind)}，序时进度${formatValue(k.expected_value, ind)}`;
      return {
        text: `${where}${ind.name_zh}：${periodZh(k.latest_period, ind.frequency)}${verb}${formatValue(k.actual, ind)}，${goal}`,
        status: cell(k.status),
      };
    });
  const overdue: Problem[] = tasks
    .filter((t) => t.status === "overdue")
    .sort((a, b) => Number(b.days_late ?? 0) - Number(a.days_late ?? 0) || a.target_id.localeCompare(b.target_id))
    .map((t) => {
      const who = nameList(leadOf(t).split("、"), 3);
      const quote = targetOf.get(t.target_id)?.source_quote ?? t.target_id;
      return {
        text: `${short(quote)}（${t.source_clause}，牵头：${who}）：时限${dateZh(t.deadline)}${basisOf(t.target_id)}，已逾期${Number(t.days_late ?? 0)}天`,
        status: taskCell(t.status),
      };
    });
  const reporting: Problem[] = [];
  if (reportMonth) {
    const describe = (codes: string[], field: "late" | "missing") =>
      codes
        .sort((a, b) => perUnit(b)[field] - perUnit(a)[field] || a.localeCompare(b))
        .map((c) => `${reporterName(c)}（${perUnit(c)[field]}项）`)
        .join("、");
    if (lateUnits.length > 0)
      reporting.push({
        text: `${monthZh(reportMonth)}数据迟报：${describe(lateUnits, "late")}`,
        status: reportCell("late"),
      });
    if (missingUnits.length > 0)
      reporting.push({
        text: `${monthZh(reportMonth)}数据漏报：${describe(missingUnits, "missing")}`,
        status: reportCell("missing"),
      });
  }

  // 五、下步工作要求
  const laggingNames = [...new Set(lagging.map((p) => p.text.split("：")[0]))];
  const leadUnits = [
    ...new Set(
      tasks
        .filter((t) => t.status === "overdue")
        .flatMap((t) => leadOf(t).split("、"))
        .filter(Boolean),
    ),
  ] as string[];
  const lateNames = [...new Set([...lateUnits, ...missingUnits])].map(reporterName);
  const requirements = [
    laggingNames.length > 0
      ? `对照序时进度抓落实。${nameList(laggingNames)}指标未达到序时进度或逾期未达标，相关责任单位要逐项分析原因，制定追赶措施：已逾期的限期达标，未到期的确保按期完成。`
      : `对照序时进度抓落实。各项指标均达到序时进度，各责任单位要保持工作力度，防止反弹。`,
    leadUnits.length > 0
      ? `加快推进逾期任务。${nameList(leadUnits)}要抓紧办结逾期任务，办结后及时报送完成日期和佐证材料，申请销号。`
      : `加快推进重点任务。各牵头单位要按完成时限推进，办结后及时报送完成日期和佐证材料。`,
    lateNames.length > 0
      ? `严格落实月报制度。${nameList(lateNames)}要按规定时限报送上月数据，杜绝迟报、漏报；报送前使用“数据报送”页面先行检查。`
      : `严格落实月报制度。各单位要继续按规定时限报送上月数据，报送前使用“数据报送”页面先行检查。`,
    `市政府办公室将按月通报各地区、各部门目标推进情况，对连续滞后、逾期的单位进行督办。`,
  ];

  return {
    asOf,
    asOfLabel: data.build.as_of_label_zh,
    legend: [...statuses.values()].map((s) => `${s.symbol} ${s.word}`).join("　"),
    title: `关于${asOfMonth}重点指标推进情况的通报`,
    issuedOn: dateZh(builtOn),
    issuer: ISSUER,
    reportMonth,
    headline,
    overview,
    indicators,
    indicatorsNoData,
    rankingBasis: "按有数据目标中“已达标”与“正常”所占比例从高到低排名；比例相同时漏报、迟报项数少者在前",
    units: unitsOut,
    lagging,
    overdue,
    reporting,
    requirements,
  };
}
