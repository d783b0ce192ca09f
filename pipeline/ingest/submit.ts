// One file into the warehouse, as `kpi ingest` and `kpi serve` both load it: archive its bytes
// (by SHA-256) first, check every row, load it in one transaction, and say what became of it.
import type { Catalogue } from "../catalogue/types.ts";
import { inTransaction, type Warehouse } from "../warehouse/connection.ts";
import { archive, sha256 } from "./archive.ts";
import { checkFile, fileStatus, type CheckReport, type FileStatus } from "./check.ts";
import type { History } from "./history.ts";
import { findSubmission, loadSubmission } from "./load.ts";

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

export async function ingestBytes(
  warehouse: Warehouse,
  catalogue: Catalogue,
  known: History,
  archiveRoot: string,
  { file, bytes, receivedAt, strict, allowedUnit }: Upload,
): Promise<FileOutcome> {
  const hash = sha256(bytes);
  const archivePath = await archive(archiveRoot, bytes, file);
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
      problems: [],
    };
  }
  const report = checkFile(bytes, { catalogue, receivedAt, previous: known.previous, allowedUnit });
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
      { fileName, sha256: hash, sizeBytes: bytes.length, receivedAt, archivePath, status, reason },
      report,
      { replaces: report.accepted.some((r) => known.has(r.unit_code, r.indicator_id, r.period)) },
    ),
  );
  const loaded = status === "accepted" || status === "partial";
  if (loaded) known.add(report.accepted.map((r) => ({ ...r, value: Number(r.value) })));
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
    problems: report.problems,
  };
}
