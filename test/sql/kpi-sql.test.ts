// `kpi sql` on a real warehouse file: every kind of write is refused with a clear message and the
// file's bytes stay the same; outside files are off unless asked for; each output format round-trips.
import { DuckDBInstance } from "@duckdb/node-api";
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Papa from "papaparse";
import { beforeAll, describe, expect, test } from "vitest";
import { openSession } from "../../pipeline/sql-cli/session.ts";
import { plainRows } from "../../pipeline/warehouse/rows.ts";
import { kpi } from "../support/cli.ts";

const QUERY = `select target_id, scope_code, period, actual, target_value, pct_of_target, status, status_zh, is_final
  from kpi_status order by target_id, scope_code, period`;

let dir: string;
let db: string;
/** papaparse typing: numbers and booleans back from their text, codes and dates stay text */
const TEXT = new Set(["target_id", "scope_code", "period", "status", "status_zh"]);
const dynamicTyping = (column: string | number) => !TEXT.has(String(column));

const sha = () => createHash("sha256").update(readFileSync(db)).digest("hex");

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "kpi-sql-"));
  db = join(dir, "warehouse.duckdb");
  const ingest = await kpi([
    "ingest",
    "--db",
    db,
    "--received-at",
    "2025-11-05T09:00:00+08:00",
    "test/fixtures/warehouse/oct-report.csv",
  ]);
  expect(ingest.code).toBe(0);
  expect((await kpi(["build", "--db", db, "--as-of", "2025-11", "--out", join(dir, "exports")])).code).toBe(0);
}, 120_000);

/** queries on a separate in-memory DuckDB with the warehouse attached read-only */
async function direct<T>(
  fn: (run: (sql: string) => Promise<import("@duckdb/node-api").DuckDBResultReader>) => Promise<T>,
) {
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  try {
    await connection.run(`attach '${db}' as w (read_only)`);
    await connection.run("use w");
    return await fn((sql) => connection.runAndReadAll(sql));
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

describe("refusals", () => {
  const outside = () => join(dir, "stolen.csv");
  test.each([
    { kind: "INSERT", sql: "insert into counties select * from counties", says: /read-only: INSERT/ },
    { kind: "UPDATE", sql: "update counties set name_zh = 'x'", says: /read-only: UPDATE/ },
    { kind: "DELETE", sql: "delete from observations", says: /read-only: DELETE/ },
    { kind: "CREATE", sql: "create table t as select 1 as a", says: /read-only: CREATE/ },
    { kind: "CREATE TEMP", sql: "create temp table t (a int)", says: /read-only: CREATE/ },
    { kind: "DROP", sql: "drop table counties", says: /read-only: DROP/ },
    { kind: "ALTER", sql: "alter table counties add column x int", says: /read-only: ALTER/ },
    { kind: "ATTACH a file", sql: "attach '/tmp/other.duckdb' as o", says: /ATTACH statements are not allowed/ },
    { kind: "ATTACH memory", sql: "attach ':memory:' as m", says: /ATTACH statements are not allowed/ },
    { kind: "COPY … TO", sql: () => `copy counties to '${outside()}'`, says: /COPY statements are not allowed/ },
    {
      kind: "COPY (query) TO",
      sql: () => `copy (select * from counties) to '${outside()}' (format csv)`,
      says: /COPY statements are not allowed/,
    },
    { kind: "EXPORT DATABASE", sql: () => `export database '${dir}/dump'`, says: /EXPORT statements are not allowed/ },
    { kind: "SET external access", sql: "set enable_external_access = true", says: /settings are locked/ },
    { kind: "SET unsigned extensions", sql: "set allow_unsigned_extensions = true", says: /settings are locked/ },
    { kind: "RESET", sql: "reset threads", says: /settings are locked/ },
    { kind: "INSTALL", sql: "install httpfs", says: /LOAD statements are not allowed/ },
    { kind: "LOAD", sql: "load httpfs", says: /LOAD statements are not allowed/ },
    { kind: "CHECKPOINT", sql: "checkpoint", says: /read-only: CALL/ },
    { kind: "two statements", sql: "select 1; delete from observations", says: /one statement at a time/ },
  ])("$kind is refused with a clear message, exit 1, and the file's bytes unchanged", async ({ sql, says }) => {
    const before = sha();
    const { code, out, err } = await kpi(["sql", "--db", db, typeof sql === "function" ? sql() : sql]);
    expect(code).toBe(1);
    expect(out).toBe("");
    expect(err).toMatch(says);
    expect(err).toMatch(/^kpi sql: \S+/);
    expect(err).not.toMatch(/\n\s+at /); // no stack trace
    expect(sha()).toBe(before);
  });

  test("even with files allowed, writing a file stays impossible", async () => {
    const before = sha();
    const { code, err } = await kpi(["sql", "--db", db, "--allow-external-files", `copy counties to '${outside()}'`]);
    expect(code).toBe(1);
    expect(err).toMatch(/COPY statements are not allowed/);
    expect(sha()).toBe(before);
  });

  // The statement-type check is the first layer; these show DuckDB itself holds the line beneath it.
  test.each([
    ["insert into counties select * from counties", /read-only mode/],
    ["set enable_external_access = true", /configuration has been locked/],
    ["set allow_unsigned_extensions = true", /configuration has been locked/],
    ["select * from read_csv('/etc/passwd')", /disabled by configuration/],
  ])("DuckDB itself refuses %s on the session's connection", async (sql, says) => {
    const instance = await DuckDBInstance.create(db, {
      access_mode: "READ_ONLY",
      enable_external_access: "false",
      lock_configuration: "true",
    });
    const connection = await instance.connect();
    await expect(connection.run(sql)).rejects.toThrow(says);
    connection.closeSync();
    instance.closeSync();
  });
});

describe("files outside the warehouse", () => {
  test("reading one is refused by default, naming the flag that allows it", async () => {
    const { code, err } = await kpi(["sql", "--db", db, "select * from read_csv('/etc/passwd')"]);
    expect(code).toBe(1);
    expect(err).toContain("--allow-external-files");
    expect(err).toMatch(/不能访问数据仓库以外的文件/);
  });

  test("--allow-external-files allows reading, and --help names it", async () => {
    const csv = join(dir, "outside.csv");
    writeFileSync(csv, "a,b\n1,x\n2,y\n");
    const { code, out } = await kpi([
      "sql",
      "--db",
      db,
      "--allow-external-files",
      "--format",
      "json",
      `select sum(a) as total from read_csv('${csv}')`,
    ]);
    expect(code).toBe(0);
    expect(JSON.parse(out)).toEqual([{ total: 3 }]);
    expect((await kpi(["sql", "--help"])).out).toContain("--allow-external-files");
  });
});

describe("output formats round-trip", () => {
  let expected: Record<string, unknown>[];
  beforeAll(async () => {
    expected = JSON.parse((await kpi(["sql", "--db", db, "--format", "json", QUERY])).out);
    expect(expected.length).toBeGreaterThan(3);
  });

  test("json equals the rows DuckDB returns, numbers as numbers", async () => {
    expect(expected).toEqual(await direct(async (run) => plainRows(await run(QUERY))));
    expect(typeof expected.find((r) => r.actual !== null)?.actual).toBe("number");
  });

  test("csv parses back to the same rows", async () => {
    const { code, out } = await kpi(["sql", "--db", db, "--format", "csv", QUERY]);
    expect(code).toBe(0);
    const parsed = Papa.parse<Record<string, unknown>>(out.trimEnd(), { header: true, dynamicTyping });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data).toEqual(expected);
  });

  test("csv neutralises text a spreadsheet would run as a formula; numbers stay numbers", async () => {
    const { out } = await kpi([
      "sql",
      "--db",
      db,
      "--format",
      "csv",
      `select '=HYPERLINK("x")' as a, '+1' as b, '-1' as c, '@SUM(A1)' as d, -5 as n, 1.5 as x, '绥中县' as unit`,
    ]);
    expect(out).toBe(`a,b,c,d,n,x,unit\r\n"'=HYPERLINK(""x"")",'+1,'-1,'@SUM(A1),-5,1.5,绥中县\r\n`);
  });

  test("csv --out writes a UTF-8 file with a BOM for Excel and the same rows", async () => {
    const file = join(dir, "out.csv");
    const { code, err } = await kpi(["sql", "--db", db, "--format", "csv", "--out", file, QUERY]);
    expect(code).toBe(0);
    expect(err).toContain(`${expected.length} 行`);
    const bytes = readFileSync(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const parsed = Papa.parse(bytes.toString("utf8").slice(1).trimEnd(), { header: true, dynamicTyping });
    expect(parsed.data).toEqual(expected);
  });

  test("json --out writes the same rows", async () => {
    const file = join(dir, "out.json");
    expect((await kpi(["sql", "--db", db, "--format", "json", "--out", file, QUERY])).code).toBe(0);
    expect(JSON.parse(readFileSync(file, "utf8"))).toEqual(expected);
  });

  test("parquet --out reads back with DuckDB's read_parquet, types kept", async () => {
    const file = join(dir, "out.parquet");
    const before = sha();
    expect((await kpi(["sql", "--db", db, "--format", "parquet", "--out", file, QUERY])).code).toBe(0);
    expect(sha()).toBe(before);
    await direct(async (run) => {
      const reader = await run(`select * from read_parquet('${file}')`);
      const types = reader.columnTypes().map(String);
      expect(types).toEqual((await run(`select * from (${QUERY}) limit 0`)).columnTypes().map(String));
      expect(types).toContain("DATE");
      expect(reader.getRowObjectsJson()).toEqual((await run(QUERY)).getRowObjectsJson());
      expect(plainRows(reader)).toEqual(expected);
    });
  });

  test("parquet without --out is refused", async () => {
    const { code, err } = await kpi(["sql", "--db", db, "--format", "parquet", QUERY]);
    expect(code).toBe(2);
    expect(err).toContain("--out");
  });

  test("table shows at most --max-rows rows and states the total", async () => {
    const { code, out } = await kpi(["sql", "--db", db, "--max-rows", "2", QUERY]);
    expect(code).toBe(0);
    const lines = out.trimEnd().split("\n");
    expect(lines).toHaveLength(2 + 2 + 1); // header, rule, two rows, count line
    expect(lines.at(-1)).toBe(`(${expected.length} 行 rows，显示前 2 行 first 2 shown (--max-rows))`);
    expect(lines[0]).toMatch(/^target_id\s+scope_code/);
  });
});

describe("standard input", () => {
  test("a query piped in is read whole and run once, no prompt", () => {
    const run = spawnSync(process.execPath, ["bin/kpi.js", "sql", "--db", db, "--format", "json"], {
      input: "select count(*) as n\nfrom counties;\n",
      encoding: "utf8",
    });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual([{ n: expect.any(Number) }]);
    expect(run.stdout).not.toContain("kpi>");
  });

  test("a refused query piped in exits 1 with the message and no stack", () => {
    const run = spawnSync(process.execPath, ["bin/kpi.js", "sql", "--db", db], {
      input: "drop table counties",
      encoding: "utf8",
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/read-only: DROP/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  test("dot-commands piped in run as at the prompt, with the statements between them", () => {
    const run = spawnSync(process.execPath, ["bin/kpi.js", "sql", "--db", db], {
      input: ".tables\n.schema counties\nselect count(*) as n from counties;\n",
      encoding: "utf8",
    });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/kpi_status\s+table/);
    expect(run.stdout).toMatch(/unit_code\s+VARCHAR/);
    expect(run.stdout).toMatch(/^\s*n\n/m);
    expect(run.stdout).not.toContain("kpi>");
  });

  test("piped dot-commands: a refused statement exits 1; --out is a usage error (2)", () => {
    const refused = spawnSync(process.execPath, ["bin/kpi.js", "sql", "--db", db], {
      input: ".tables\ndelete from counties;\n",
      encoding: "utf8",
    });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/read-only: DELETE/);
    const withOut = spawnSync(process.execPath, ["bin/kpi.js", "sql", "--db", db, "--out", join(dir, "t.csv")], {
      input: ".tables\n",
      encoding: "utf8",
    });
    expect(withOut.status).toBe(2); // a usage error, as --out at the prompt
    expect(withOut.stderr).toContain("--out needs a single QUERY, not dot-commands");
  });
});

test("the session refuses statement types the guard does not allow even through its own API", async () => {
  const session = await openSession(db);
  await expect(session.query("vacuum")).rejects.toThrow(/read-only: VACUUM/);
  expect((await session.query("show tables")).rows.length).toBeGreaterThan(5);
  session.close();
});
