// Writes checked files into the warehouse: every file of a run in one go (the caller wraps it in a
// transaction, so a failure anywhere leaves the warehouse exactly as it was). Set-based throughout:
// the accepted figures of every file arrive as one staged CSV, tagged by submission; the
// rejections likewise; three statements move replaced values to the history.
import type { DuckDBConnection } from "@duckdb/node-api";
import type { AcceptedMilestone, AcceptedRow } from "../rules/row.ts";
import { insertValues } from "../warehouse/insert.ts";
import { StagedCsv } from "../warehouse/staged-csv.ts";
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

/** What a submission's row records of its file's check. */
export type CheckedCounts = Pick<
  CheckReport,
  "encoding" | "unitCodes" | "rowsRead" | "rowsRejected" | "rowsSkipped" | "rowsWarned" | "problems" | "milestones"
> & { rowsAccepted: number };

export interface BatchFile {
  id: number;
  record: SubmissionRecord;
  checked: CheckedCounts;
}

export interface LoadHooks {
  /** called as each observation is staged for writing; tests use it to fail a load halfway */
  afterRow?: (index: number) => void;
}

export interface LoadOptions {
  /**
   * false when no figure of the run reports a key the warehouse holds (a month not reported before):
   * the moves to the history, which scan every observation, are skipped
   */
  replaces: boolean;
}

/** The staged figures' columns: an accepted row and the submission it belongs to. */
export const FIGURE_COLUMNS = {
  unit_code: "varchar",
  indicator_id: "varchar",
  period: "varchar",
  value: "varchar",
  raw_value: "varchar",
  raw_unit: "varchar",
  note: "varchar",
  submission_id: "integer",
  source_line: "integer",
};

export function stageFigure(staged: StagedCsv, id: number, row: AcceptedRow): void {
  staged.add([
    row.unit_code,
    row.indicator_id,
    row.period,
    row.value,
    row.raw_value,
    row.raw_unit,
    row.note,
    id,
    row.line,
  ]);
}

export async function nextSubmissionId(connection: DuckDBConnection): Promise<number> {
  const next = await connection.runAndReadAll("select coalesce(max(submission_id), 0) + 1 from submissions");
  return Number(next.getRows()[0][0]);
}

const loads = (status: FileStatus) => status === "accepted" || status === "partial";

/**
 * The files, their rejections, and the figures of those loaded (from `figures`, staged with their
 * submission ids; rows of a file not loaded are left there). A later file's value for a key
 * replaces the earlier one, which moves to observation_history with who replaced it.
 */
export async function loadBatch(
  connection: DuckDBConnection,
  files: BatchFile[],
  figures: StagedCsv,
  { replaces }: LoadOptions,
): Promise<void> {
  await insertValues(
    connection,
    "submissions",
    ["$", "$", "$", "$", "cast($ as timestamptz)", "$", "$", "cast($ as varchar[])", "$", "$", "$", "$", "$", "$", "$"],
    files.map(({ id, record, checked }) => {
      const loaded = loads(record.status);
      return [
        id,
        record.fileName,
        record.sha256,
        record.sizeBytes,
        record.receivedAt.toISOString(),
        record.archivePath,
        checked.encoding ?? null,
        JSON.stringify(checked.unitCodes),
        checked.rowsRead,
        loaded ? checked.rowsAccepted + checked.milestones.length : 0,
        loaded ? checked.rowsRejected : checked.rowsRead,
        checked.rowsSkipped,
        loaded ? checked.rowsWarned : 0,
        record.status,
        record.reason,
      ];
    }),
  );

  const rejections = new StagedCsv("rejections");
  try {
    for (const { id, checked } of files)
      for (const p of checked.problems)
        rejections.add([
          id,
          p.line ?? null,
          p.column ?? null,
          p.value ?? null,
          p.code,
          p.severity,
          p.message_zh,
          p.message_en,
        ]);
    if (rejections.rows > 0)
      await connection.run(
        `insert into rejections select * from ${rejections.reader({
          submission_id: "integer",
          source_line: "integer",
          column_name: "varchar",
          raw_value: "varchar",
          code: "varchar",
          severity: "varchar",
          message_zh: "varchar",
          message_en: "varchar",
        })}`,
      );
  } finally {
    rejections.remove();
  }

  const loaded = files.filter((f) => loads(f.record.status));
  if (loaded.length === 0) return;
  if (figures.rows > 0) await loadFigures(connection, loaded, figures, replaces);
  await insertValues(
    connection,
    "milestone_reports",
    ["$", "$", "cast($ as date)", "cast($ as date)", "$", "$", "$", "$"],
    loaded.flatMap(({ id, checked }) =>
      checked.milestones.map((m: AcceptedMilestone) => [
        m.target_id,
        m.unit_code,
        m.period,
        m.completed_on,
        m.evidence,
        m.raw_value,
        id,
        m.line,
      ]),
    ),
  );
}

/**
 * A value is cast through decimal(18, 6) when it fits: the same number, many times faster than the
 * 128-bit decimal(20, 6) cast, which the rare larger value still takes.
 */
async function loadFigures(
  connection: DuckDBConnection,
  loaded: BatchFile[],
  figures: StagedCsv,
  replaces: boolean,
): Promise<void> {
  const staged = `(select unit_code, indicator_id, cast(period as date) as period,
       coalesce(try_cast(value as decimal(18, 6)), cast(value as decimal(20, 6))) as value, coalesce(raw_value, '') as raw_value,
       nullif(raw_unit, '') as raw_unit, nullif(note, '') as note, submission_id, source_line
     from ${figures.reader(FIGURE_COLUMNS)}
     where submission_id in (${loaded.map((f) => f.id).join(", ")}))`;
  // one file reports a key once (a second time is a duplicate_row): its rows go in as they are,
  // read straight from the staged file; a run of several is ranked by submission first
  const several = loaded.length > 1;
  if (several) await connection.run(`create or replace temp table incoming as select * from ${staged}`);
  const incoming = several ? "incoming" : staged;
  if (replaces) {
    // the warehouse's value of a key a file reports again moves to the history, replaced by the
    // run's first file to report it
    await connection.run(
      `insert into observation_history
       select o.*, i.first_id
       from observations o
       join (select unit_code, indicator_id, period, min(submission_id) as first_id from ${incoming} group by all) i
         using (unit_code, indicator_id, period)`,
    );
    await connection.run(
      `delete from observations o
       where exists (select 1 from ${incoming} i
                     where i.unit_code = o.unit_code and i.indicator_id = o.indicator_id and i.period = o.period)`,
    );
  }
  if (!several) {
    await connection.run(`insert into observations select * from ${incoming}`);
    return;
  }
  // within the run, each file's value by the next file's
  await connection.run(
    `insert into observation_history
     select * exclude (next_id), next_id from (
       select *, lead(submission_id) over (partition by unit_code, indicator_id, period order by submission_id) as next_id
       from incoming)
     where next_id is not null`,
  );
  await connection.run(
    `insert into observations
     select * from incoming
     qualify submission_id = max(submission_id) over (partition by unit_code, indicator_id, period)`,
  );
  await connection.run("drop table incoming");
}

/** One checked file on its own (its accepted rows in hand): the batch of one. Returns its submission id. */
export async function loadSubmission(
  connection: DuckDBConnection,
  record: SubmissionRecord,
  report: CheckReport,
  hooks: LoadHooks = {},
): Promise<number> {
  const id = await nextSubmissionId(connection);
  const figures = new StagedCsv("figures");
  try {
    report.accepted.forEach((row, i) => {
      hooks.afterRow?.(i);
      stageFigure(figures, id, row);
    });
    const checked = { ...report, rowsAccepted: report.accepted.length };
    await loadBatch(connection, [{ id, record, checked }], figures, { replaces: true });
  } finally {
    figures.remove();
  }
  return id;
}
