// Writes one checked file into the warehouse. The caller wraps it in a transaction, so a
// failure anywhere leaves the warehouse exactly as it was.
import type { DuckDBConnection } from "@duckdb/node-api";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { insertValues } from "../warehouse/insert.ts";
import type { CheckReport, FileStatus } from "./check.ts";

export interface SubmissionRecord {
  fileName: string;
  sha256: string;
  sizeBytes: number;
  receivedAt: Date;
  archivePath: string;
  status: FileStatus;
  reason: string | null;
}

export interface LoadHooks {
  /** called as each observation is staged for writing; tests use it to fail a load halfway */
  afterRow?: (index: number) => void;
  /**
   * false when the caller knows no row of the file reports a key the warehouse already holds (a
   * month not reported before): the moves to the history, which scan every observation, are skipped
   */
  replaces?: boolean;
}

export async function findSubmission(connection: DuckDBConnection, sha256: string): Promise<number | undefined> {
  const reader = await connection.runAndReadAll("select submission_id from submissions where sha256 = $1", [sha256]);
  const row = reader.getRows()[0];
  return row ? Number(row[0]) : undefined;
}

const quoted = (value: string) => `"${value.replaceAll('"', '""')}"`;

/**
 * The accepted rows into temp.incoming: written as one CSV to a temporary file that DuckDB reads
 * and casts in one INSERT … SELECT, not a statement (or an appender call) per value. A value is cast
 * through decimal(18, 6) when it fits: the same number, many times faster than the 128-bit
 * decimal(20, 6) cast, which the rare larger value still takes.
 */
async function stageAccepted(
  connection: DuckDBConnection,
  id: number,
  rows: CheckReport["accepted"],
  afterRow?: (index: number) => void,
): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), "kpi-load-"));
  try {
    const file = join(dir, "accepted.csv");
    const lines = rows.map((row, i) => {
      afterRow?.(i);
      const cells = [row.unit_code, row.indicator_id, row.period, row.value, row.raw_value, row.raw_unit, row.note];
      return `${cells.map(quoted).join(",")},${row.line}`;
    });
    await writeFile(file, lines.join("\n") + "\n");
    await connection.run(
      `insert into incoming
       select unit_code, indicator_id, cast(period as date),
         coalesce(try_cast(value as decimal(18, 6)), cast(value as decimal(20, 6))), coalesce(raw_value, ''),
         nullif(raw_unit, ''), nullif(note, ''), $1, source_line
       from read_csv($2, header = false, auto_detect = false, delim = ',', quote = '"', escape = '"',
         columns = {unit_code: 'varchar', indicator_id: 'varchar', period: 'varchar', value: 'varchar',
                    raw_value: 'varchar', raw_unit: 'varchar', note: 'varchar', source_line: 'integer'})`,
      [id, file],
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export async function loadSubmission(
  connection: DuckDBConnection,
  record: SubmissionRecord,
  report: CheckReport,
  hooks: LoadHooks = {},
): Promise<number> {
  const next = await connection.runAndReadAll("select coalesce(max(submission_id), 0) + 1 from submissions");
  const id = Number(next.getRows()[0][0]);
  const loadRows = record.status === "accepted" || record.status === "partial";
  await connection.run(
    `insert into submissions values ($1, $2, $3, $4, cast($5 as timestamptz), $6, $7, cast($8 as varchar[]),
       $9, $10, $11, $12, $13, $14, $15)`,
    [
      id,
      record.fileName,
      record.sha256,
      record.sizeBytes,
      record.receivedAt.toISOString(),
      record.archivePath,
      report.encoding ?? null,
      JSON.stringify(report.unitCodes),
      report.rowsRead,
      loadRows ? report.accepted.length + report.milestones.length : 0,
      loadRows ? report.rowsRejected : report.rowsRead,
      report.rowsSkipped,
      loadRows ? report.rowsWarned : 0,
      record.status,
      record.reason,
    ],
  );

  await insertValues(
    connection,
    "rejections",
    ["$", "$", "$", "$", "$", "$", "$", "$"],
    report.problems.map((p) => [
      id,
      p.line ?? null,
      p.column ?? null,
      p.value ?? null,
      p.code,
      p.severity,
      p.message_zh,
      p.message_en,
    ]),
  );
  if (!loadRows) return id;

  // set-based: the file's rows go to a scratch table in one statement, then (at most) three move them in
  await connection.run("create temp table if not exists incoming as select * from observations limit 0");
  await connection.run("delete from incoming");
  if (report.accepted.length > 0) await stageAccepted(connection, id, report.accepted, hooks.afterRow);
  if (hooks.replaces ?? true) {
    // the earlier value of a key this file reports again moves to the history, with who replaced it
    await connection.run(
      `insert into observation_history
         select o.*, $1 from observations o semi join incoming i using (unit_code, indicator_id, period)`,
      [id],
    );
    await connection.run(
      `delete from observations o
       where exists (select 1 from incoming i
                     where i.unit_code = o.unit_code and i.indicator_id = o.indicator_id and i.period = o.period)`,
    );
  }
  await connection.run("insert into observations select * from incoming");
  await insertValues(
    connection,
    "milestone_reports",
    ["$", "$", "cast($ as date)", "cast($ as date)", "$", "$", "$", "$"],
    report.milestones.map((m) => [
      m.target_id,
      m.unit_code,
      m.period,
      m.completed_on,
      m.evidence,
      m.raw_value,
      id,
      m.line,
    ]),
  );
  return id;
}
