// Writes one checked file into the warehouse. The caller wraps it in a transaction, so a
// failure anywhere leaves the warehouse exactly as it was.
import type { DuckDBConnection } from "@duckdb/node-api";
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
}

export async function findSubmission(connection: DuckDBConnection, sha256: string): Promise<number | undefined> {
  const reader = await connection.runAndReadAll("select submission_id from submissions where sha256 = $1", [sha256]);
  const row = reader.getRows()[0];
  return row ? Number(row[0]) : undefined;
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

  const problem = await connection.prepare(`insert into rejections values ($1, $2, $3, $4, $5, $6, $7, $8)`);
  for (const p of report.problems) {
    problem.bind([
      id,
      p.line ?? null,
      p.column ?? null,
      p.value ?? null,
      p.code,
      p.severity,
      p.message_zh,
      p.message_en,
    ]);
    await problem.run();
  }
  if (!loadRows) return id;

  // The earlier value of a key this file reports again moves to the history, with who replaced it.
  const supersede = await connection.prepare(
    `insert into observation_history
       select unit_code, indicator_id, period, value, raw_value, raw_unit, note, submission_id, source_line, $4
       from observations where unit_code = $1 and indicator_id = $2 and period = cast($3 as date)`,
  );
  const remove = await connection.prepare(
    `delete from observations where unit_code = $1 and indicator_id = $2 and period = cast($3 as date)`,
  );
  const insert = await connection.prepare(
    `insert into observations values ($1, $2, cast($3 as date), cast($4 as decimal(20, 6)), $5, $6, $7, $8, $9)`,
  );
  for (const [index, row] of report.accepted.entries()) {
    const key = [row.unit_code, row.indicator_id, row.period];
    supersede.bind([...key, id]);
    await supersede.run();
    remove.bind(key);
    await remove.run();
    insert.bind([...key, row.value, row.raw_value, row.raw_unit || null, row.note || null, id, row.line]);
    await insert.run();
    hooks.afterRow?.(index);
  }
  const milestone = await connection.prepare(
    `insert into milestone_reports values ($1, $2, cast($3 as date), cast($4 as date), $5, $6, $7, $8)`,
  );
  for (const m of report.milestones) {
    milestone.bind([m.target_id, m.unit_code, m.period, m.completed_on, m.evidence, m.raw_value, id, m.line]);
    await milestone.run();
  }
  return id;
}
