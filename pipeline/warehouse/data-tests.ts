// The build checks its own output, the dbt way: each file under a layer's tests/ folder is one
// SELECT that returns the rows that break a rule (none when the rule holds). `kpi build` runs them
// after the marts, inside its transaction, so a failing test leaves the warehouse as it was.
import type { DuckDBConnection } from "@duckdb/node-api";
import { readdir, readFile } from "node:fs/promises";
import { basename, join, relative } from "node:path";
import { CliError } from "../errors.ts";
import { queryPlain, type Plain } from "./rows.ts";
import { SQL_DIR } from "./sql-files.ts";

/** The layers whose tests run, sources first: a mart is only checked on sources that hold. */
const TESTED_LAYERS = ["00_schema", "20_marts"];
const SHOWN_ROWS = 5;

export interface DataTest {
  name: string;
  path: string;
  /** the file's leading comment: what the test holds */
  description: string;
  sql: string;
}

export interface DataTestFailure {
  test: DataTest;
  count: number;
  rows: Record<string, Plain>[];
}

export async function dataTests(): Promise<DataTest[]> {
  const tests: DataTest[] = [];
  for (const layer of TESTED_LAYERS) {
    const dir = join(SQL_DIR, layer, "tests");
    for (const file of (await readdir(dir)).filter((f) => f.endsWith(".sql")).sort()) {
      const path = join(dir, file);
      const text = await readFile(path, "utf-8");
      const description = text
        .split("\n")
        .filter((line) => line.startsWith("--"))
        .map((line) => line.replace(/^--\s?/, ""))
        .join(" ")
        .trim();
      tests.push({ name: basename(file, ".sql"), path, description, sql: text.trim().replace(/;$/, "") });
    }
  }
  return tests;
}

/** Runs every data test; returns the ones that found rows. */
export async function runDataTests(
  connection: DuckDBConnection,
): Promise<{ passed: number; failures: DataTestFailure[] }> {
  const failures: DataTestFailure[] = [];
  const tests = await dataTests();
  for (const test of tests) {
    const [{ n }] = await queryPlain(connection, `select cast(count(*) as bigint) as n from (\n${test.sql}\n)`);
    if (Number(n) > 0) {
      const rows = await queryPlain(connection, `select * from (\n${test.sql}\n) limit ${SHOWN_ROWS}`);
      failures.push({ test, count: Number(n), rows });
    }
  }
  return { passed: tests.length - failures.length, failures };
}

/** The failures as a message: each test by name and file, what it holds, and its first rows. */
export function describeFailures(failures: DataTestFailure[], total: number): string {
  const lines = [`数据检验未通过 data tests failed: ${failures.length} of ${total}; the build was not applied`];
  for (const { test, count, rows } of failures) {
    lines.push(
      `  ✘ ${test.name} (${relative(join(SQL_DIR, "..", ".."), test.path)}): ${count} 行 rows — ${test.description}`,
    );
    for (const row of rows) lines.push(`      ${JSON.stringify(row)}`);
    if (count > rows.length) lines.push(`      … ${count - rows.length} more`);
  }
  return lines.join("\n");
}

/** Runs the data tests and throws (exit 1) when any fails. */
export async function assertDataTests(connection: DuckDBConnection, log: (line: string) => void): Promise<void> {
  const { passed, failures } = await runDataTests(connection);
  if (failures.length > 0) throw new CliError(describeFailures(failures, passed + failures.length), 1);
  log(`· 检验 data tests: ${passed} passed\n`);
}
