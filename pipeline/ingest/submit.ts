// One file into the warehouse, as `kpi ingest` and `kpi serve` both load it: archive its bytes
// (by SHA-256) first, check every row, load it in one transaction, and say what became of it.
import { stat, readFile } from "node:fs/promises";
import type { Catalogue } from "../catalogue/types.ts";
import type { ProblemCode } from "../rules/problem.ts";
import { inTransaction, type Warehouse } from "../warehouse/connection.ts";
import { archive, archiveStream, sha256 } from "./archive.ts";
import { checkFile, fileProblem, fileStatus, type CheckReport, type FileStatus } from "./check.ts";
import type { History } from "./history.ts";
import { sizeProblem } from "./limits.ts";
import { findSubmission, loadSubmission } from "./load.ts";

/** The report lists this many problems in full; the rest are in `rejections` (and in problem_counts). */
export const REPORT_PROBLEMS = 1000;

export interface FileOutcome {
  file: string;
  sha256: string;
  submission_id: number;
  status: FileStatus | "duplicate";
  received_at: string;
  encoding: string | null;
  unit_codes: string[];
  rows_read: number;
  rows_accepted: number;
  rows_rejected: number;
  rows_skipped: number;
  rows_warned: number;
  /** every problem of the file, by code */
  problem_counts: Partial<Record<ProblemCode, number>>;
  /** the first REPORT_PROBLEMS problems in full */
  problems: CheckReport["problems"];
}

export interface Upload {
  /** the name the file arrived under (its path, for `kpi ingest`) */
  file: string;
  bytes: Uint8Array;
  receivedAt: Date;
  strict: boolean;
  /** the only unit whose rows may be loaded (a token's), when there is one */
  allowedUnit?: string;
}

/** A file's bytes as archived: what its submission records whatever the check says. */
interface Stored {
  file: string;
  sha256: string;
  sizeBytes: number;
  archivePath: string;
  receivedAt: Date;
  strict: boolean;
}

export async function ingestBytes(
  warehouse: Warehouse,
  catalogue: Catalogue,
  known: History,
  archiveRoot: string,
  { file, bytes, receivedAt, strict, allowedUnit }: Upload,
): Promise<FileOutcome> {
  const stored = {
    file,
    sha256: sha256(bytes),
    sizeBytes: bytes.length,
    archivePath: await archive(archiveRoot, bytes, file),
    receivedAt,
    strict,
  };
  return record(warehouse, known, stored, () =>
    checkFile(bytes, { catalogue, receivedAt, previous: known.previous, allowedUnit }),
  );
}

/**
 * A file on disk: read whole when it is within the size limit; beyond it, streamed into the archive
 * (never held in memory) and recorded as unusable (file_too_large).
 */
export async function ingestPath(
  warehouse: Warehouse,
  catalogue: Catalogue,
  known: History,
  archiveRoot: string,
  { path, receivedAt, strict }: { path: string; receivedAt: Date; strict: boolean },
): Promise<FileOutcome> {
  const { size } = await stat(path);
  const tooLarge = sizeProblem(size);
  if (!tooLarge) {
    const bytes = new Uint8Array(await readFile(path));
    return ingestBytes(warehouse, catalogue, known, archiveRoot, { file: path, bytes, receivedAt, strict });
  }
  const streamed = await archiveStream(archiveRoot, path, path);
  const stored = { file: path, sizeBytes: size, receivedAt, strict, ...streamed };
  return record(warehouse, known, stored, () => fileProblem(tooLarge.code, tooLarge.detail));
}

async function record(
  warehouse: Warehouse,
  known: History,
  { file, sha256: hash, sizeBytes, archivePath, receivedAt, strict }: Stored,
  check: () => CheckReport,
): Promise<FileOutcome> {
  const base = { file, sha256: hash, received_at: receivedAt.toISOString() };
  const existing = await findSubmission(warehouse.connection, hash);
  if (existing !== undefined) {
    const empty = { encoding: null, unit_codes: [], rows_read: 0, rows_accepted: 0, rows_rejected: 0 };
    return {
      ...base,
      ...empty,
      submission_id: existing,
      status: "duplicate",
      rows_skipped: 0,
      rows_warned: 0,
      problem_counts: {},
      problems: [],
    };
  }
  const report = check();
  const status = fileStatus(report, strict);
  const reason =
    status === "unusable"
      ? report.problems[0].message_zh
      : status === "rejected"
        ? strict
          ? "严格模式：文件中有被拒绝的行，整份文件不予接收 (--strict)"
          : "没有可接收的行 no row could be accepted"
        : null;
  const fileName = file.split(/[\\/]/).pop() || file;
  const submissionId = await inTransaction(warehouse.connection, () =>
    loadSubmission(
      warehouse.connection,
      { fileName, sha256: hash, sizeBytes, receivedAt, archivePath, status, reason },
      report,
      { replaces: report.accepted.some((r) => known.has(r.unit_code, r.indicator_id, r.period)) },
    ),
  );
  const loaded = status === "accepted" || status === "partial";
  if (loaded) known.add(report.accepted.map((r) => ({ ...r, value: Number(r.value) })));
  const problemCounts: Partial<Record<ProblemCode, number>> = {};
  for (const p of report.problems) problemCounts[p.code] = (problemCounts[p.code] ?? 0) + 1;
  return {
    ...base,
    submission_id: submissionId,
    status,
    encoding: report.encoding ?? null,
    unit_codes: report.unitCodes,
    rows_read: report.rowsRead,
    rows_accepted: loaded ? report.accepted.length + report.milestones.length : 0,
    rows_rejected: loaded ? report.rowsRejected : report.rowsRead,
    rows_skipped: report.rowsSkipped,
    rows_warned: loaded ? report.rowsWarned : 0,
    problem_counts: problemCounts,
    problems: report.problems.slice(0, REPORT_PROBLEMS),
  };
}
