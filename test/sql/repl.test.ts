// The interactive prompt, one line at a time: multi-line statements, dot-commands, refusals.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { CONTINUE, endsStatement, hasDotCommand, lineHandler, PROMPT, runScript } from "../../pipeline/sql-cli/repl.ts";
import { openSession, type QuerySession } from "../../pipeline/sql-cli/session.ts";
import { kpi } from "../support/cli.ts";

let session: QuerySession;
let out = "";
let err = "";
const handler = () => lineHandler(session, { out: (t) => (out += t), err: (t) => (err += t) }, { maxRows: 50 });

beforeAll(async () => {
  const db = join(mkdtempSync(join(tmpdir(), "kpi-repl-")), "w.duckdb");
  await kpi([
    "ingest",
    "--db",
    db,
    "--received-at",
    "2025-11-05T09:00:00+08:00",
    "test/fixtures/warehouse/oct-report.csv",
  ]);
  await kpi(["build", "--db", db, "--as-of", "2025-11", "--out", join(db, "..", "exports")]);
  session = await openSession(db);
}, 120_000);
afterAll(() => session.close());

const reset = () => {
  out = "";
  err = "";
};

test.each([
  ["select 1;", true],
  ["select 1", false],
  ["select ';'", false],
  ["select ';';", true],
  ["select 1; -- done", true],
  ["select 1 -- no end;", false],
  ["select /* ; */ 1", false],
  ['select 1 as "a;b";', true],
])("endsStatement(%j) is %s", (text, expected) => {
  expect(endsStatement(text)).toBe(expected);
});

test("a statement spans lines until ;, then runs and prints its table", async () => {
  reset();
  const h = handler();
  expect(await h.handle("select unit_code,")).toBe(CONTINUE);
  expect(await h.handle("  name_zh from counties")).toBe(CONTINUE);
  expect(out).toBe("");
  expect(await h.handle("where unit_code = '211421';")).toBe(PROMPT);
  expect(out).toMatch(/unit_code\s+name_zh/);
  expect(out).toContain("绥中县");
  expect(out).toContain("(1 行 rows)");
});

test(".tables lists tables and views, .schema NAME their columns with descriptions", async () => {
  reset();
  const h = handler();
  await h.handle(".tables");
  expect(out).toMatch(/kpi_status\s+table/);
  expect(out).toMatch(/counties/);
  reset();
  await h.handle(".schema counties");
  expect(out).toMatch(/unit_code\s+VARCHAR/);
  reset();
  await h.handle(".schema nope");
  expect(err).toContain("no table or view named nope");
});

test(".format, .help, an unknown command, and .quit", async () => {
  reset();
  const h = handler();
  await h.handle(".format json");
  await h.handle("select 1 as n;");
  expect(out).toContain('"n": 1');
  await h.handle(".help");
  expect(out).toContain(".schema NAME");
  await h.handle(".nope");
  expect(err).toContain("unknown command .nope");
  expect(await h.handle(".quit")).toBeNull();
});

test("a refused statement prints its message and the prompt goes on", async () => {
  reset();
  const h = handler();
  expect(await h.handle("delete from observations;")).toBe(PROMPT);
  expect(err).toMatch(/read-only: DELETE/);
  expect(await h.handle("select count(*) as n from observations;")).toBe(PROMPT);
  expect(out).toContain("(1 行 rows)");
});

test.each([
  [".tables\n", true],
  ["select 1;\n.schema counties\n", true],
  ["\n  .help", true],
  ["select 1", false],
  ["select 1\n.5 as half;", false], // inside a statement a leading . is SQL, as at the prompt
  ["select '.tables'", false],
])("hasDotCommand(%j) is %s", (text, expected) => {
  expect(hasDotCommand(text)).toBe(expected);
});

test("runScript runs piped lines as the prompt would: dot-commands, statements, a last one without ;", async () => {
  reset();
  const io = { out: (t: string) => (out += t), err: (t: string) => (err += t) };
  const text = ".tables\nselect 1 as a;\n.format json\nselect 2 as b";
  expect(await runScript(session, text, io, { maxRows: 50 })).toBe(0);
  expect(out).toMatch(/counties\s+table/);
  expect(out).toMatch(/^a\n/m);
  expect(out).toContain('"b": 2');
  expect(err).toBe("");
});

test("runScript counts refusals and unknown commands, and stops at .quit", async () => {
  reset();
  const io = { out: (t: string) => (out += t), err: (t: string) => (err += t) };
  const text = "drop table counties;\n.nope\n.quit\nselect 3 as never;";
  expect(await runScript(session, text, io, { maxRows: 50 })).toBe(2);
  expect(err).toMatch(/read-only: DROP/);
  expect(out).not.toContain("never");
});
