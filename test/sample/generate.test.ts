// The sample data: the generator is deterministic and data/sample/ is its output byte for byte;
// ingesting all of it reports exactly the planted mistakes (_planted.json); every reporting duty
// is met in nearly every period; the tasks are done, done late or overdue; and the figures are
// plausible for Huludao; every 数据查询 example runs on the warehouse. One real DuckDB file, ingested
// and built once.
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { EXAMPLE_QUERIES } from "../../dashboard/components/example-queries.js";
import { main } from "../../pipeline/cli.ts";
import type { Io } from "../../pipeline/commands/command.ts";
import type { FileOutcome } from "../../pipeline/ingest/submit.ts";
import { generateSample, PLANTED } from "../../pipeline/sample/generate.ts";

const SAMPLE = resolve("data/sample");
const NOW = new Date("2026-11-24T12:00:00+08:00");

function readTree(dir: string, root = dir): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) for (const [k, v] of readTree(path, root)) files.set(k, v);
    else files.set(relative(root, path).split("\\").join("/"), readFileSync(path));
  }
  return files;
}

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const io: Io = { out: (t) => (out += t), err: (t) => (err += t), now: NOW, env: {}, cwd: process.cwd() };
  const code = await main(argv, io);
  return { code, out, err };
}

interface PlantedRecord {
  files: { file: string; mistake: string; problems: number }[];
  problems: { file: string; line: number | null; column: string | null; code: string; severity: string }[];
}

const planted: PlantedRecord = JSON.parse(readFileSync(join(SAMPLE, PLANTED), "utf-8"));
const key = (p: { file: string; line?: number | null; column?: string | null; code: string; severity: string }) =>
  [p.file, p.line ?? "-", p.column ?? "-", p.code, p.severity].join(" | ");

describe("the generator", () => {
  // generated once for all these tests (a second run only for the determinism check)
  let generated: ReturnType<typeof generateSample>;
  beforeAll(() => {
    generated = generateSample();
  });

  test("two runs give identical bytes", () => {
    const again = generateSample();
    expect(again.map((f) => f.path)).toEqual(generated.map((f) => f.path));
    generated.forEach((file, i) =>
      expect(Buffer.from(again[i].bytes).equals(Buffer.from(file.bytes)), file.path).toBe(true),
    );
  });

  test("data/sample/ is its output, byte for byte (regenerate with `node bin/kpi.js sample`)", () => {
    const onDisk = readTree(SAMPLE);
    expect([...onDisk.keys()].sort()).toEqual(generated.map((f) => f.path).sort());
    for (const file of generated) expect(onDisk.get(file.path)!.equals(Buffer.from(file.bytes)), file.path).toBe(true);
  });

  test("stays small: under 8 MB", () => {
    expect(generated.reduce((sum, f) => sum + f.bytes.length, 0)).toBeLessThan(8_000_000);
  });

  test("the city sends its own report, as 葫芦岛市", () => {
    const city = generated.filter((f) => /^\d{4}-\d\d\/211400\.csv$/.test(f.path));
    // every quarter (2020Q1 … 2026Q3) at least, and the months a task was completed
    expect(city.length).toBeGreaterThanOrEqual(27);
    for (const f of city) expect(new TextDecoder().decode(f.bytes), f.path).toMatch(/\r\n葫芦岛市,/);
  });

  test("plants 8 to 20 files, each listed in the receipt log", () => {
    expect(planted.files.length).toBeGreaterThanOrEqual(8);
    expect(planted.files.length).toBeLessThanOrEqual(20);
    const log = readFileSync(join(SAMPLE, "_received.csv"), "utf-8");
    for (const { file } of planted.files) expect(log).toContain(`\n${file},`);
  });
});

describe("ingesting all of data/sample/", () => {
  const db = join(mkdtempSync(join(tmpdir(), "kpi-sample-")), "warehouse.duckdb");
  let code: number;
  let outcomes: FileOutcome[];

  beforeAll(async () => {
    const result = await run(["ingest", "--db", db, "--format", "json", "data/sample"]);
    code = result.code;
    outcomes = JSON.parse(result.out);
    // the marts (as of 2026-11, from NOW): reporting completeness, milestone status
    const built = await run(["build", "--db", db, "--out", join(dirname(db), "exports")]);
    expect(built.err).not.toMatch(/error|错误/i);
    expect(built.code).toBe(0);
  });

  async function sql<T = Record<string, unknown>>(query: string): Promise<T[]> {
    const { code, out, err } = await run(["sql", "--db", db, "--format", "json", query]);
    expect(err).toBe("");
    expect(code).toBe(0);
    return JSON.parse(out);
  }

  const outcome = (file: string) => outcomes.find((o) => relative(SAMPLE, o.file).split("\\").join("/") === file)!;

  test.each(EXAMPLE_QUERIES.map((q) => [q.title, q.sql]))(
    "the 数据查询 example %s runs on the warehouse with `kpi sql` and returns rows",
    async (_title, query) => {
      expect((await sql(query)).length).toBeGreaterThan(0);
    },
  );

  test("reports exactly the planted problems", () => {
    const reported = outcomes.flatMap((o) =>
      o.problems.map((p) => key({ ...p, file: relative(SAMPLE, o.file).split("\\").join("/") })),
    );
    expect(reported.sort()).toEqual(planted.problems.map(key).sort());
  });

  test("exits 2: the .xlsx and the file without a header are unusable", () => {
    expect(code).toBe(2);
    const unusable = outcomes.filter((o) => o.status === "unusable").map((o) => relative(SAMPLE, o.file));
    expect(unusable.sort()).toEqual(
      planted.problems
        .filter((p) => p.line === null)
        .map((p) => p.file)
        .sort(),
    );
  });

  test("a tolerated mistake is accepted whole", () => {
    for (const { file } of planted.files.filter((f) => f.problems === 0)) {
      const o = outcome(file);
      expect(o.status, file).toBe("accepted");
      expect(o.rows_rejected, file).toBe(0);
    }
  });

  test("the title, 合计 and footer rows are skipped, not read", () => {
    const o = outcome("2025-03/兴城市2025年3月重点指标报表.csv");
    // the title's two rows, 合计, the blank row and the footer, and the two tasks 兴城 still has open
    // that month (bus_demo_platforms, bus_gov_business_channel), left blank: nothing to report
    expect(o.rows_skipped).toBe(7);
  });

  test("the correction supersedes the 补报 it corrects", async () => {
    const rows = await sql<{ file_name: string; value: number; old: number }>(`
      select s.file_name, cast(o.value as double) as value, cast(h.value as double) as old
      from observations o
      join submissions s using (submission_id)
      join observation_history h using (unit_code, indicator_id, period)
      where o.unit_code = '211404' and o.indicator_id = 'facility_agri_area' and o.period = date '2024-08-01'`);
    expect(rows).toHaveLength(1);
    expect(rows[0].file_name).toBe("211404-更正.csv");
    expect(rows[0].value).toBe(rows[0].old * 15);
  });

  test("a unit typed into the value cell is converted", async () => {
    const [row] = await sql<{ raw_value: string; value: number }>(`
      select raw_value, cast(value as double) as value from observations
      where unit_code = '211421' and indicator_id = 'quality_peanut_area' and period = date '2024-01-01'`);
    expect(row.raw_value).toMatch(/^\d+\.\d\d万亩$/);
    expect(row.value).toBeCloseTo(Number(row.raw_value.replace("万亩", "")) * 10000, 6);
  });

  test("every reporting duty is reported, and accepted, in at least 85% of its periods (高新区 misses about one report in sixteen)", async () => {
    const duties = await sql<{ unit_code: string; indicator_id: string; owed: number; got: number }>(`
      with owed as (
        select d.unit_code, d.indicator_id, p.period
        from reporting_duties d
        join indicators i using (indicator_id)
        join stg_periods p on p.frequency = i.frequency and p.is_due
        cross join build_params b
        where p.period >= b.plan_start
      ),
      got as (select distinct unit_code, indicator_id, period from observations)
      select o.unit_code, o.indicator_id, cast(count(*) as integer) as owed, cast(count(g.period) as integer) as got
      from owed o left join got g using (unit_code, indicator_id, period)
      group by all`);
    const [all] = await sql<{ n: number }>("select cast(count(*) as integer) as n from reporting_duties");
    expect(duties).toHaveLength(all.n);
    // the city, the six counties and three zones, the coastal ones with the fishing figures
    expect(new Set(duties.map((d) => d.unit_code)).size).toBe(10);
    for (const d of duties) expect(d.got / d.owed, `${d.unit_code} ${d.indicator_id}`).toBeGreaterThanOrEqual(0.85);
  });

  test("reporting completeness tells a story: a few % missing, two units often late, one zone missing reports", async () => {
    const units = await sql<{ unit_code: string; expected: number; missing: number; late: number; received: number }>(`
      select unit_code, cast(sum(expected) as integer) as expected, cast(sum(missing) as integer) as missing,
        cast(sum(late) as integer) as late, cast(sum(received) as integer) as received
      from reporting_completeness group by all`);
    const total = (k: "expected" | "missing") => units.reduce((sum, u) => sum + u[k], 0);
    expect(total("missing") / total("expected")).toBeGreaterThan(0.005);
    expect(total("missing") / total("expected")).toBeLessThan(0.05);
    const lateShare = (code: string) =>
      units.find((u) => u.unit_code === code)!.late / units.find((u) => u.unit_code === code)!.received;
    expect(lateShare("211422")).toBeGreaterThan(0.15);
    expect(lateShare("211404")).toBeGreaterThan(0.15);
    const z3 = units.find((u) => u.unit_code === "2114Z3")!;
    expect(z3.missing / z3.expected).toBeGreaterThan(0.04);
  });

  test("tasks: most done on time, some done late, a few never done (overdue); wrong reports do not count", async () => {
    const tasks = await sql<{
      target_id: string;
      status: string;
      completed_late: boolean;
      reported_by: string | null;
      evidence: string | null;
    }>("select target_id, status, completed_late, reported_by, evidence from milestone_status");
    const onTime = tasks.filter((t) => t.status === "done" && !t.completed_late);
    const late = tasks.filter((t) => t.status === "done" && t.completed_late);
    const overdue = tasks.filter((t) => t.status === "overdue");
    expect(onTime.length).toBeGreaterThan(late.length);
    expect(late.length).toBeGreaterThanOrEqual(2);
    // a few never done: the hand-written record's three, and about one deliverable in eight drawn
    expect(overdue.length).toBeGreaterThanOrEqual(3);
    expect(overdue.length / tasks.length).toBeLessThan(0.15);
    // no deadline lies beyond 2026: nothing is still in progress
    expect(onTime.length + late.length + overdue.length).toBe(tasks.length);
    for (const t of [...onTime, ...late]) expect(t.evidence, t.target_id).toBeTruthy();
    // 兴城's report of the city's task was rejected (not_responsible): the city's own counts
    expect(tasks.find((t) => t.target_id === "zp_task_04")!.reported_by).toBe("211400");
    expect(tasks.find((t) => t.target_id === "suizhong_cold_storage_300kt")!.reported_by).toBe("211421");
  });

  describe("plausibility", () => {
    test("the city's grain output for each complete year is 70–95万吨", async () => {
      const years = await sql<{ year: number; wan: number }>(`
        with latest as (
          select unit_code, year(period) as year, arg_max(value, period) as value
          from observations where indicator_id = 'grain_output' group by all
        )
        select cast(year as integer) as year, cast(sum(value) / 10000 as double) as wan
        from latest where year between 2020 and 2025 group by year order by year`);
      expect(years.map((y) => y.year)).toEqual([2020, 2021, 2022, 2023, 2024, 2025]);
      for (const { wan } of years) {
        expect(wan).toBeGreaterThanOrEqual(70);
        expect(wan).toBeLessThanOrEqual(95);
      }
    });

    test("facility agriculture rises every year, from about 14万亩 toward 20万亩", async () => {
      const years = await sql<{ year: number; wan: number }>(`
        with latest as (
          select unit_code, year(period) as year, arg_max(value, period) as value
          from observations where indicator_id = 'facility_agri_area' group by all
        )
        select cast(year as integer) as year, cast(sum(value) / 10000 as double) as wan
        from latest group by year order by year`);
      for (let i = 1; i < years.length; i++) expect(years[i].wan).toBeGreaterThan(years[i - 1].wan);
      expect(years[0].wan).toBeGreaterThan(13);
      expect(years[0].wan).toBeLessThan(16);
      expect(years.find((y) => y.year === 2025)!.wan).toBeGreaterThan(18.5);
      expect(years.find((y) => y.year === 2025)!.wan).toBeLessThan(21);
    });

    test("every coverage rate a unit reports stays within [0, 1]", async () => {
      const [rates] = await sql<{ pairs: number; outside: number }>(`
        with rates as (
          select numerator_id, denominator_id from indicators where unit_aggregation = 'ratio_of_sums'
        )
        select cast(count(*) as integer) as pairs,
          cast(count(*) filter (where n.value < 0 or n.value > d.value or d.value <= 0) as integer) as outside
        from rates r
        join observations n on n.indicator_id = r.numerator_id
        join observations d on d.indicator_id = r.denominator_id and d.unit_code = n.unit_code and d.period = n.period`);
      expect(rates.pairs).toBeGreaterThan(1000);
      expect(rates.outside).toBe(0);
    });

    test("fishing breaches: mostly none, a few cases in the moratorium months, 2020's sea moratorium broken", async () => {
      const cases = await sql<{ indicator_id: string; month: number; year: number; n: number }>(`
        with monthly as (
          select unit_code, indicator_id, period, value - coalesce(lag(value) over (
            partition by unit_code, indicator_id, year(period) order by period), 0) as n
          from observations where indicator_id in (select indicator_id from indicators where doc_id = 'fishing')
        )
        select indicator_id, cast(month(period) as integer) as month, cast(year(period) as integer) as year,
          cast(n as integer) as n
        from monthly where n <> 0`);
      expect(cases.length).toBeGreaterThan(5);
      expect(cases.length).toBeLessThan(40);
      for (const c of cases) expect(c.month, `${c.indicator_id} ${c.year}-${c.month}`).toBeGreaterThanOrEqual(5);
      for (const c of cases) expect(c.month, `${c.indicator_id} ${c.year}-${c.month}`).toBeLessThanOrEqual(8);
      expect(cases.some((c) => c.indicator_id === "fishing_sea_violations" && c.year === 2020)).toBe(true);
    });

    test("coverage rises: the online-handling rate of the city climbs to 100%", async () => {
      const months = await sql<{ month: string; rate: number }>(`
        select strftime(n.period, '%Y-%m') as month, cast(sum(n.value) / sum(d.value) as double) as rate
        from observations n
        join observations d on d.unit_code = n.unit_code and d.period = n.period
        where n.indicator_id = 'online_service_items' and d.indicator_id = 'gov_service_items_total'
        group by all order by month`);
      expect(months[0].rate).toBeLessThan(0.85);
      expect(months.find((m) => m.month === "2020-07")!.rate).toBeLessThan(1);
      expect(months.at(-1)!.rate).toBe(1);
    });
  });
});
