// `kpi ingest` against a real DuckDB file: transactions, supersession, duplicates, strict mode,
// exit codes, and the archive.
import { DuckDBInstance } from "@duckdb/node-api";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { CATALOGUE_DIR } from "../../pipeline/catalogue/location.ts";
import { readCatalogue } from "../../pipeline/catalogue/read.ts";
import { encodingLabel, formatOutcome, formatSummary } from "../../pipeline/commands/ingest.ts";
import type { FileOutcome } from "../../pipeline/ingest/submit.ts";
import { sha256 } from "../../pipeline/ingest/archive.ts";
import { checkFile, fileStatus } from "../../pipeline/ingest/check.ts";
import { loadSubmission } from "../../pipeline/ingest/load.ts";
import { inTransaction, openWarehouse } from "../../pipeline/warehouse/connection.ts";
import { kpi } from "../support/cli.ts";

const FIXTURES = "test/fixtures/warehouse";
const fixture = (name: string) => join(FIXTURES, name);
const freshDb = () => join(mkdtempSync(join(tmpdir(), "kpi-ingest-")), "warehouse.duckdb");

async function query(db: string, sql: string): Promise<unknown[][]> {
  const instance = await DuckDBInstance.create(db, { access_mode: "READ_ONLY" });
  const connection = await instance.connect();
  const rows = (await connection.runAndReadAll(sql)).getRows();
  connection.closeSync();
  instance.closeSync();
  return rows.map((r) => r.map((v) => (typeof v === "bigint" ? Number(v) : v)));
}

/** Every row of every table that ingestion writes, as text: to compare a warehouse before and after. */
async function snapshot(db: string): Promise<string> {
  const tables = ["submissions", "observations", "observation_history", "rejections"];
  const parts = [];
  for (const t of tables)
    parts.push(
      t,
      JSON.stringify(await query(db, `select * from ${t} order by all`), (_k, v) => String(v)),
    );
  return parts.join("\n");
}

const ingest = (db: string, ...args: string[]) =>
  kpi(["ingest", "--db", db, "--received-at", "2025-11-05T09:00:00+08:00", ...args]);

describe("kpi ingest", () => {
  test("loads a clean file, exits 0, archives the bytes under their SHA-256 and records the submission", async () => {
    const db = freshDb();
    const { code, out } = await ingest(db, fixture("oct-report.csv"));
    expect(code).toBe(0);
    expect(out).toContain("✔ 全部接收");
    const bytes = readFileSync(fixture("oct-report.csv"));
    const [submission] = await query(
      db,
      "select file_name, sha256, size_bytes, rows_read, rows_accepted, rows_rejected, status, unit_codes, archive_path from submissions",
    );
    const hash = sha256(bytes);
    expect(submission.slice(0, 7)).toEqual(["oct-report.csv", hash, bytes.length, 3, 3, 0, "accepted"]);
    expect(submission[7]).toEqual({ items: ["211421", "211481"] });
    const archived = join(db, "..", "archive", String(submission[8]));
    expect(readFileSync(archived).equals(bytes)).toBe(true);
    expect(
      await query(db, "select unit_code, cast(value as double), source_line from observations order by all"),
    ).toEqual([
      ["211421", 250000, 4],
      ["211481", 51000, 2],
      ["211481", 152000, 3],
    ]);
  });

  test("re-ingesting an identical file changes nothing and says so", async () => {
    const db = freshDb();
    await ingest(db, fixture("oct-report.csv"));
    const before = await snapshot(db);
    const { code, out } = await ingest(db, fixture("oct-report.csv"));
    expect(code).toBe(0);
    expect(out).toContain("重复文件，未作改动");
    expect(await snapshot(db)).toBe(before);
  });

  test("a later submission supersedes the value; the earlier one stays in observation_history", async () => {
    const db = freshDb();
    await ingest(db, fixture("oct-report.csv"));
    await ingest(db, fixture("oct-correction.csv"));
    expect(
      await query(
        db,
        "select cast(value as double), submission_id from observations where unit_code = '211481' and period = '2025-10-01'",
      ),
    ).toEqual([[158000, 2]]);
    expect(
      await query(db, "select cast(value as double), submission_id, superseded_by from observation_history"),
    ).toEqual([[152000, 1, 2]]);
  });

  test("a file with a bad row: the good rows load, the bad one is a rejection with line, column and message; exit 1", async () => {
    const db = freshDb();
    const { code } = await ingest(db, fixture("one-bad-row.csv"));
    expect(code).toBe(1);
    expect(await query(db, "select status, rows_accepted, rows_rejected from submissions")).toEqual([
      ["partial", 1, 1],
    ]);
    expect(await query(db, "select source_line, column_name, raw_value, code, severity from rejections")).toEqual([
      [3, "数值", "abc", "bad_number", "error"],
    ]);
  });

  test("--strict rejects the whole file when any row is rejected", async () => {
    const db = freshDb();
    const { code } = await ingest(db, "--strict", fixture("one-bad-row.csv"));
    expect(code).toBe(1);
    expect(await query(db, "select status, rows_accepted from submissions")).toEqual([["rejected", 0]]);
    expect(await query(db, "select count(*) from observations")).toEqual([[0]]);
  });

  test("a file unusable as a whole exits 2 and is still archived and recorded with its reason", async () => {
    const db = freshDb();
    const { code, out } = await ingest(db, "--format", "json", fixture("not-a-csv.xlsx"));
    expect(code).toBe(2);
    expect(JSON.parse(out)[0]).toMatchObject({ status: "unusable", problems: [{ code: "unreadable_file" }] });
    const [[status, reason, path]] = await query(db, "select status, reason, archive_path from submissions");
    expect(status).toBe("unusable");
    expect(reason).toContain("不是CSV");
    expect(existsSync(join(db, "..", "archive", String(path)))).toBe(true);
  });

  test("a load that fails halfway through a file leaves the warehouse exactly as it was", async () => {
    const db = freshDb();
    await ingest(db, fixture("oct-report.csv"));
    const before = await snapshot(db);
    const bytes = new Uint8Array(readFileSync(fixture("oct-correction.csv")));
    const catalogue = await readCatalogue(CATALOGUE_DIR);
    const report = checkFile(bytes, { catalogue, receivedAt: new Date("2025-11-06T09:00:00+08:00") });
    expect(report.accepted.length).toBe(1);
    const warehouse = await openWarehouse(db, { readOnly: false });
    const record = {
      fileName: "oct-correction.csv",
      sha256: sha256(bytes),
      sizeBytes: bytes.length,
      receivedAt: new Date("2025-11-06T09:00:00+08:00"),
      archivePath: "x",
      status: fileStatus(report, false),
      reason: null,
    };
    await expect(
      inTransaction(warehouse.connection, () =>
        loadSubmission(warehouse.connection, record, report, {
          afterRow: () => {
            throw new Error("disk full (simulated)");
          },
        }),
      ),
    ).rejects.toThrow("disk full (simulated)");
    warehouse.close();
    expect(await snapshot(db)).toBe(before);
  });
});

describe("kpi ingest's table report", () => {
  const outcome = (over: Partial<FileOutcome>): FileOutcome => ({
    file: "/in/a.csv",
    sha256: "0",
    submission_id: 1,
    status: "accepted",
    received_at: "2025-11-05T01:00:00.000Z",
    encoding: "utf-8",
    unit_codes: [],
    rows_read: 0,
    rows_accepted: 0,
    rows_rejected: 0,
    rows_skipped: 0,
    rows_warned: 0,
    problem_counts: {},
    problems: [],
    ...over,
  });

  test("prints every message whole on its own line under its row, however long", () => {
    const long = "本行有7个单元格，比表头多1个：数字或备注中的逗号没有加引号。".repeat(6) + "或用Excel“另存为”CSV。";
    const text = formatOutcome(
      outcome({
        status: "partial",
        problems: [
          { code: "extra_cells", severity: "error", line: 15, value: "1,234", message_zh: long, message_en: "" },
          {
            code: "out_of_line",
            severity: "warning",
            line: 16,
            column: "数值",
            value: "9",
            message_zh: "短",
            message_en: "",
          },
        ],
      }),
      "/in",
    );
    const lines = text.split("\n");
    expect(lines).toContain(`             → ${long}`);
    expect(lines.findIndex((l) => l.includes("extra_cells")) + 1).toBe(lines.indexOf(`             → ${long}`));
    expect(text).toContain("out_of_line (预警)\n             → 短\n");
    expect(text).not.toContain("…");
  });

  test("the whole of every message of a real run is printed (no_header, extra_cells …)", async () => {
    const files = ["test/fixtures/ingest/no-header.csv", "test/fixtures/ingest/row-problems.csv"];
    const json = JSON.parse((await ingest(freshDb(), "--format", "json", ...files)).out) as FileOutcome[];
    const { out } = await ingest(freshDb(), ...files);
    const messages = json.flatMap((o) => o.problems.map((p) => p.message_zh));
    expect(messages.length).toBeGreaterThan(10);
    for (const message of messages) expect(out).toContain(`→ ${message}\n`);
  });

  test.each([
    { encoding: "utf-8", label: "编码 utf-8" },
    { encoding: "gb18030", label: "编码 gb18030" },
    { encoding: null, label: "编码无法识别 encoding unknown" },
  ])("encodingLabel($encoding) is $label", ({ encoding, label }) => {
    expect(encodingLabel(encoding)).toBe(label);
  });

  test.each([
    {
      outcomes: [outcome({ rows_accepted: 3 }), outcome({ status: "duplicate" })],
      zh: "共 2 个文件：接收 3 行，拒绝 0 行。2 files: 3 rows accepted, 0 rejected.",
    },
    {
      outcomes: [outcome({ status: "unusable" })],
      zh: "共 1 个文件：接收 0 行，拒绝 0 行，无法读取 1 个。1 file: 0 rows accepted, 0 rejected, 1 file unusable.",
    },
    {
      outcomes: [
        outcome({ rows_accepted: 9222, rows_rejected: 10 }),
        outcome({ status: "unusable" }),
        outcome({ status: "unusable" }),
      ],
      zh: "共 3 个文件：接收 9222 行，拒绝 10 行，无法读取 2 个。3 files: 9222 rows accepted, 10 rejected, 2 files unusable.",
    },
  ])("summary: $zh", ({ outcomes, zh }) => {
    expect(formatSummary(outcomes, "data/warehouse.duckdb")).toBe(
      `\n${zh}\n数据仓库 warehouse: data/warehouse.duckdb\n`,
    );
  });

  test("an unreadable workbook: the summary counts it, the encoding says why, exit 2", async () => {
    const { code, out } = await ingest(freshDb(), "test/fixtures/ingest/workbook.xlsx");
    expect(code).toBe(2);
    expect(out).toContain("[第 1 号报送 · 编码无法识别 encoding unknown]");
    expect(out).toContain("共 1 个文件：接收 0 行，拒绝 0 行，无法读取 1 个。");
  });
});

describe("kpi build and kpi sql", () => {
  test("--as-of excludes a correction received after that month, and kpi sql --format json prints kpi_status rows", async () => {
    const db = freshDb();
    const out = mkdtempSync(join(tmpdir(), "kpi-exports-"));
    await kpi(["ingest", "--db", db, "--received-at", "2025-11-05T09:00:00+08:00", fixture("oct-report.csv")]);
    await kpi(["ingest", "--db", db, "--received-at", "2025-12-03T09:00:00+08:00", fixture("oct-correction.csv")]);
    const value = async (asOf: string) => {
      expect((await kpi(["build", "--db", db, "--as-of", asOf, "--out", out])).code).toBe(0);
      const { code, out: json } = await kpi([
        "sql",
        "--db",
        db,
        "--format",
        "json",
        "select * from kpi_status where target_id = 'grain_output_800k' and period = '2025-10-01'",
      ]);
      expect(code).toBe(0);
      return JSON.parse(json);
    };
    const november = await value("2025-11");
    expect(november).toHaveLength(1);
    expect(november[0]).toMatchObject({ scope_code: "211400", actual: 402000, target_value: 800000 });
    const december = await value("2025-12");
    expect(december[0]).toMatchObject({ actual: 408000 });
  });

  test("a build whose data tests fail (a hand edit put an unknown unit into observations) changes neither the warehouse nor the exports", async () => {
    const db = freshDb();
    const out = join(mkdtempSync(join(tmpdir(), "kpi-exports-")), "exports");
    await ingest(db, fixture("oct-report.csv"));
    expect((await kpi(["build", "--db", db, "--as-of", "2025-11", "--out", out])).code).toBe(0);
    const instance = await DuckDBInstance.create(db);
    const connection = await instance.connect();
    await connection.run(`insert into observations select '999999', indicator_id, period, value, raw_value, raw_unit,
      note, submission_id, source_line from observations limit 1`);
    connection.closeSync();
    instance.closeSync();
    const marts = async () =>
      JSON.stringify(
        [
          await query(db, "select * from build_params"),
          await query(db, "select * from kpi_status order by all"),
          await query(db, "select * from reporting_completeness order by all"),
        ],
        (_k, v) => String(v),
      );
    const before = await marts();
    const exported = readFileSync(join(out, "build.json"), "utf-8");

    const failed = await kpi(["build", "--db", db, "--as-of", "2025-12", "--out", out], {
      now: new Date("2026-01-05T12:00:00+08:00"),
    });
    expect(failed.code).toBe(1);
    expect(failed.err).toContain("数据检验未通过 data tests failed: 1 of 9");
    expect(failed.err).toContain("✘ sources_known (pipeline/sql/00_schema/tests/sources_known.sql): 1 行 rows");
    expect(failed.err).toContain(`{"source":"observations","key":"unit_code","value":"999999","rows":1}`);
    expect(await marts()).toBe(before);
    expect(readFileSync(join(out, "build.json"), "utf-8")).toBe(exported);
  });

  test("a build past its memory limit stops with words, leaving the warehouse as it was; a limit that is no size is refused", async () => {
    const db = freshDb();
    const out = join(mkdtempSync(join(tmpdir(), "kpi-exports-")), "exports");
    await ingest(db, fixture("oct-report.csv"));
    expect((await kpi(["build", "--db", db, "--as-of", "2025-11", "--out", out])).code).toBe(0);
    const before = JSON.stringify(await query(db, "select * from kpi_status order by all"), (_k, v) => String(v));
    const starved = await kpi(["build", "--db", db, "--as-of", "2025-12", "--out", out], {
      env: { KPI_MEMORY_LIMIT: "1MB" },
    });
    expect(starved.code, starved.err).toBe(3);
    expect(starved.err).toContain("内存不足 DuckDB reached its memory limit");
    expect(starved.err).toContain("KPI_MEMORY_LIMIT");
    expect(JSON.stringify(await query(db, "select * from kpi_status order by all"), (_k, v) => String(v))).toBe(before);
    const wrong = await kpi(["build", "--db", db, "--out", out], { env: { KPI_MEMORY_LIMIT: "lots" } });
    expect(wrong.code).toBe(2);
    expect(wrong.err).toContain("KPI_MEMORY_LIMIT: 应为内存大小");
  });

  test("kpi sql refuses to write, and cannot read files outside the warehouse", async () => {
    const db = freshDb();
    await ingest(db, fixture("oct-report.csv"));
    const write = await kpi(["sql", "--db", db, "delete from observations"]);
    expect(write.code).toBe(1);
    expect(write.err).toMatch(/read-only/i);
    const file = await kpi(["sql", "--db", db, "select * from read_csv('/etc/passwd')"]);
    expect(file.code).toBe(1);
    expect(file.err).toMatch(/disabled by configuration/);
    expect(await query(db, "select count(*) from observations")).toEqual([[3]]);
  });
});
