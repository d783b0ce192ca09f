// The corpus of broken and hostile inputs (test/fixtures/bad/, and the big ones generated here at
// test time): each gets its exit code, its status and a problem with a code and a Chinese message —
// never an internal error — and a file refused as a whole leaves the warehouse's data as it was.
import { copyFileSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { CATALOGUE_DIR } from "../../pipeline/catalogue/location.ts";
import { readCatalogue } from "../../pipeline/catalogue/read.ts";
import { ingestFiles } from "../../pipeline/ingest/submit.ts";
import { openWarehouse } from "../../pipeline/warehouse/connection.ts";
import { prepareWarehouse } from "../../pipeline/warehouse/prepare.ts";
import { kpi } from "../support/cli.ts";
import { DATA_TABLES, INGEST_TABLES, query, tablesAsText } from "../support/warehouse-state.ts";

const BAD = resolve("test/fixtures/bad");
const RECEIVED = "2025-11-05T09:00:00+08:00";
const HEADER = "报送单位,指标,统计期,数值,计量单位,备注\n";
const GOOD = "兴城市,粮食产量,2025-09,15.27,万吨,\n";

interface Case {
  file: string;
  exit: 0 | 1 | 2;
  status: "accepted" | "partial" | "rejected" | "unusable" | "refused";
  /** the first problem's code (none when accepted) */
  code?: string;
  /** what the first problem's Chinese message says */
  zh?: RegExp;
  /** the unreadable_file reason */
  reason?: string;
}

const notText = /不是CSV文本/;
const CASES: Case[] = [
  { file: "empty.csv", exit: 2, status: "unusable", code: "no_header", zh: /前10行中找不到表头/ },
  { file: "whitespace-only.csv", exit: 2, status: "unusable", code: "no_header", zh: /找不到表头/ },
  { file: "only-bom.csv", exit: 2, status: "unusable", code: "no_header", zh: /找不到表头/ },
  { file: "header-only.csv", exit: 2, status: "unusable", code: "no_rows", zh: /只有表头/ },
  { file: "header-no-newline.csv", exit: 2, status: "unusable", code: "no_rows", zh: /只有表头/ },
  { file: "header-on-line-12.csv", exit: 2, status: "unusable", code: "no_header", zh: /前10行/ },
  { file: "html-page.csv", exit: 2, status: "unusable", code: "no_header", zh: /找不到表头/ },
  { file: "json.csv", exit: 2, status: "unusable", code: "unbalanced_quote", zh: /第1行的引号/ },
  { file: "binary-random.csv", exit: 2, status: "unusable", code: "unreadable_file", reason: "binary", zh: notText },
  { file: "pdf-renamed.csv", exit: 2, status: "unusable", code: "unreadable_file", reason: "binary", zh: notText },
  { file: "xls-renamed.csv", exit: 2, status: "unusable", code: "unreadable_file", reason: "binary", zh: notText },
  { file: "xlsx-renamed.csv", exit: 2, status: "unusable", code: "unreadable_file", reason: "zip", zh: /Excel工作簿/ },
  { file: "zip-empty-renamed.csv", exit: 2, status: "unusable", code: "unreadable_file", reason: "zip", zh: /压缩包/ },
  { file: "nul-bytes.csv", exit: 2, status: "unusable", code: "unreadable_file", reason: "nul", zh: /空字符/ },
  {
    file: "mixed-encodings.csv",
    exit: 2,
    status: "unusable",
    code: "unreadable_file",
    reason: "mixed",
    zh: /两种编码/,
  },
  { file: "latin1.csv", exit: 2, status: "unusable", code: "unreadable_file", reason: "encoding", zh: /编码无法识别/ },
  // UTF-8 up to the header's end, then bytes that are not: as good as two encodings in one file
  { file: "overlong-utf8.csv", exit: 2, status: "unusable", code: "unreadable_file", reason: "mixed", zh: /编码/ },
  { file: "utf16le-bom-broken.csv", exit: 2, status: "unusable", code: "unreadable_file", reason: "encoding" },
  {
    file: "unbalanced-quote.csv",
    exit: 2,
    status: "unusable",
    code: "unbalanced_quote",
    zh: /第3行的引号（"）没有配对/,
  },
  { file: "wide-row.csv", exit: 2, status: "unusable", code: "too_many_columns", zh: /第1行有1206列/ },
  { file: "long-cell.csv", exit: 2, status: "unusable", code: "cell_too_long", zh: /长达12000个字符/ },
  { file: "utf16le-bom.csv", exit: 0, status: "accepted" },
  { file: "utf16le-no-bom.csv", exit: 0, status: "accepted" },
  { file: "utf16be-bom.csv", exit: 0, status: "accepted" },
  { file: "utf16be-no-bom.csv", exit: 0, status: "accepted" },
  { file: "semicolon.csv", exit: 0, status: "accepted" },
  { file: "tab.csv", exit: 0, status: "accepted" },
  { file: "cr-line-ends.csv", exit: 0, status: "accepted" },
  { file: "formula-notes.csv", exit: 0, status: "accepted" },
  { file: "number-14-digits-ok.csv", exit: 0, status: "accepted" },
  { file: "county report 10月.csv", exit: 0, status: "accepted" },
  { file: "兴城市\"10月'报表.csv", exit: 0, status: "accepted" },
  { file: "📊粮食报表.csv", exit: 0, status: "accepted" },
  { file: "number-23-digits.csv", exit: 1, status: "partial", code: "value_out_of_range", zh: /位数过多/ },
  { file: "number-15-digits.csv", exit: 1, status: "partial", code: "value_out_of_range", zh: /最多14位/ },
  { file: "number-over-after-unit.csv", exit: 1, status: "partial", code: "value_out_of_range", zh: /万吨/ },
  { file: "number-1e309.csv", exit: 1, status: "partial", code: "bad_number", zh: /“1e309”不是有效数字/ },
  { file: "number-nan.csv", exit: 1, status: "partial", code: "bad_number", zh: /“NaN”不是有效数字/ },
  { file: "number-infinity.csv", exit: 1, status: "partial", code: "bad_number", zh: /“Infinity”不是有效数字/ },
  { file: "number-negative-zero.csv", exit: 1, status: "partial", code: "negative_value", zh: /不能为负数/ },
  { file: "formula-value.csv", exit: 1, status: "partial", code: "bad_number", zh: /“=1\+2”不是有效数字/ },
  { file: "stray-quote.csv", exit: 1, status: "partial", code: "bad_number", zh: /不是有效数字/ },
  { file: "unquoted-thousands.csv", exit: 1, status: "partial", code: "extra_cells", zh: /逗号没有加引号/ },
  { file: "control-chars.csv", exit: 1, status: "partial", code: "unknown_county", zh: /不在单位名录中/ },
  { file: "header-twice.csv", exit: 1, status: "partial", code: "unknown_county", zh: /“报送单位”不在单位名录中/ },
  { file: "all-rows-bad.csv", exit: 1, status: "rejected", code: "unknown_county", zh: /兴成市/ },
  { file: "blank-template.csv", exit: 1, status: "rejected", code: "missing_value", zh: /数值为空/ },
];

/** Inputs made at test time: big ones (not committed) and what git does not keep (links, devices). */
function generated(dir: string): Case[] {
  writeFileSync(join(dir, "cell-5mb.csv"), HEADER + GOOD.replace(",\n", `,${"备".repeat(5 * 1024 * 1024)}\n`));
  writeFileSync(join(dir, "columns-10000.csv"), HEADER.replace("\n", ",".repeat(9994) + "\n") + GOOD);
  symlinkSync(join(BAD, "tab.csv"), join(dir, "link.csv"));
  mkdirSync(join(dir, "folder.csv"));
  return [
    { file: join(dir, "cell-5mb.csv"), exit: 2, status: "unusable", code: "cell_too_long", zh: /长达5242880个字符/ },
    { file: join(dir, "columns-10000.csv"), exit: 2, status: "unusable", code: "too_many_columns", zh: /10000列/ },
    { file: join(dir, "link.csv"), exit: 2, status: "refused", code: "not_a_file", zh: /链接/ },
    { file: join(dir, "folder.csv"), exit: 2, status: "refused", code: "not_a_file", zh: /空文件夹/ },
    { file: "/dev/zero", exit: 2, status: "refused", code: "not_a_file", zh: /不是普通文件/ },
  ];
}

const work = mkdtempSync(join(tmpdir(), "kpi-corpus-"));
const seeded = join(work, "seeded.duckdb");
const ALL = [...CASES.map((c) => ({ ...c, file: join(BAD, c.file) })), ...generated(work)].map((c) => ({
  ...c,
  name: c.file.replace(`${work}/`, "(generated) ").replace(`${BAD}/`, ""),
}));
let copies = 0;

beforeAll(async () => {
  // one warehouse holding a file already: every case runs on its own copy of it
  expect(
    (await kpi(["ingest", "--db", seeded, "--received-at", RECEIVED, "test/fixtures/warehouse/oct-report.csv"])).code,
  ).toBe(0);
});

test("the corpus has at least 40 inputs, every fixture in test/fixtures/bad/ among them", async () => {
  const { readdirSync } = await import("node:fs");
  expect(ALL.length).toBeGreaterThanOrEqual(40);
  expect(readdirSync(BAD).sort()).toEqual(CASES.map((c) => c.file).sort());
});

describe.each(ALL)("$name", (c) => {
  test(`exit ${c.exit}, ${c.status}${c.code ? `, ${c.code}` : ""}`, async () => {
    const db = join(work, `copy-${++copies}.duckdb`);
    copyFileSync(seeded, db);
    const before = await tablesAsText(db, INGEST_TABLES);
    const { code, out, err } = await kpi(["ingest", "--db", db, "--received-at", RECEIVED, "--format", "json", c.file]);
    expect(err).not.toMatch(/internal error|内部错误/);
    expect(code).toBe(c.exit);
    const [outcome] = JSON.parse(out);
    expect(outcome.status).toBe(c.status);
    if (c.code === undefined) expect(outcome.problems).toEqual([]);
    else {
      const [first] = outcome.problems;
      expect(first.code).toBe(c.code);
      expect(first.message_zh).toMatch(/[\u4e00-\u9fff]/);
      if (c.zh) expect(first.message_zh).toMatch(c.zh);
      if (c.reason) expect(first.detail.reason).toBe(c.reason);
      // a row problem says where it is
      if (c.status === "partial" || c.status === "rejected") expect(first.line).toBeGreaterThan(1);
    }
    if (c.status === "refused") expect(await tablesAsText(db, INGEST_TABLES)).toBe(before);
    if (c.status === "unusable" || c.status === "rejected" || c.status === "refused")
      expect(await tablesAsText(db, DATA_TABLES)).toBe(before.slice(before.indexOf("observations")));
    if (c.status === "unusable") {
      const [[status, reason]] = await query(
        db,
        "select status, reason from submissions order by submission_id desc limit 1",
      );
      expect([status, reason]).toEqual(["unusable", outcome.problems[0].message_zh]);
    }
  });
});

test("a name with ../ in it (as an upload may carry) is recorded by its last part and archived inside the archive", async () => {
  const db = join(work, "dotdot.duckdb");
  copyFileSync(seeded, db);
  const catalogue = await readCatalogue(CATALOGUE_DIR);
  const warehouse = await openWarehouse(db, { readOnly: false });
  try {
    await prepareWarehouse(warehouse.connection, catalogue);
    const [outcome] = await ingestFiles(warehouse, catalogue, join(work, "archive"), [
      {
        file: "../../../etc/报表.csv",
        bytes: new TextEncoder().encode(HEADER + "兴城市,粮食产量,2025-05,9.1,万吨,\n"),
        receivedAt: new Date(RECEIVED),
        strict: false,
      },
    ]);
    expect(outcome.status).toBe("accepted");
  } finally {
    warehouse.close();
  }
  const [[name, path]] = await query(
    db,
    "select file_name, archive_path from submissions order by submission_id desc limit 1",
  );
  expect(name).toBe("报表.csv");
  expect(String(path)).toMatch(/^[0-9a-f]{2}\/[0-9a-f]{64}\.csv$/);
});
