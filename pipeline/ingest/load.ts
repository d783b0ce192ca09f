// Writes one checked file into the warehouse. The caller wraps it in a transaction, so a
// failure anywhere leaves the warehouse exactly as it was.
import type { DuckDBConnection } from "@duckdb/node-api";
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
  /** called after each observation is written; tests use it to fail a load halfway */
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

/** The accepted rows into temp.incoming_text through DuckDB's appender: no statement per row. */
async function appendAccepted(
  connection: DuckDBConnection,
  rows: CheckReport["accepted"],
  afterRow?: (index: number) => void,
): Promise<void> {
  const appender = await connection.createAppender("incoming_text", "main", "temp");
  const text = (value: string) => (value ? appender.appendVarchar(value) : appender.appendNull());
  try {
    for (const [i, row] of rows.entries()) {
      for (const value of [row.unit_code, row.indicator_id, row.period, row.value]) appender.appendVarchar(value);
      appender.appendVarchar(row.raw_value);
      text(row.raw_unit);
      text(row.note);
      appender.appendInteger(row.line);
      appender.endRow();
      afterRow?.(i);
    }
    appender.flushSync();
  } finally {
    appender.closeSync();
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

  // set-based: the file's rows are appended as text to a scratch table, cast into a second one
  // in one statement, then three statements move them in
  await connection.run(
    `create temp table if not exists incoming_text (unit_code varchar, indicator_id varchar, period varchar,
       value varchar, raw_value varchar, raw_unit varchar, note varchar, source_line integer)`,
  );
  await connection.run("delete from incoming_text");
  await appendAccepted(connection, report.accepted, hooks.afterRow);
  await connection.run("create temp table if not exists incoming as select * from observations limit 0");
  await connection.run("delete from incoming");
  await connection.run(
    `insert into incoming
     select unit_code, indicator_id, cast(period as date), cast(value as decimal(20, 6)), raw_value, raw_unit, note,
       $1, source_line
     from incoming_text`,
    [id],
  );
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
