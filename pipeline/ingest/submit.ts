// Files into the warehouse, as `kpi ingest` and `kpi serve` both load them: each file's bytes are
// archived (by SHA-256) first and every row checked; then every file of the run is loaded in one
// transaction, set-wise, and each says what became of it.
import { readFile, stat } from "node:fs/promises";
import type { Catalogue } from "../catalogue/types.ts";
import type { ProblemCode } from "../rules/problem.ts";
import { inTransaction, type Warehouse } from "../warehouse/connection.ts";
import { StagedCsv } from "../warehouse/staged-csv.ts";
import { archive, archiveStream, sha256 } from "./archive.ts";
import {
  checkRows,
  fileStatus,
  finishReport,
  outOfLine,
  unusableFile,
  type CheckReport,
  type Figure,
  type FileStatus,
  type RowsReport,
} from "./check.ts";
import { History } from "./history.ts";
import { sizeProblem } from "./limits.ts";
import { loadBatch, nextSubmissionId, stageFigure, type BatchFile } from "./load.ts";
import { heldGroups, readHistory } from "./read-history.ts";

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

export interface Incoming {
  /** the file's path (`kpi ingest`), or the name it arrived under (an upload) */
  file: string;
  /** an upload's bytes; without them the path is read */
  bytes?: Uint8Array;
  receivedAt: Date;
  strict: boolean;
  /** the only unit whose rows may be loaded (a token's), when there is one */
  allowedUnit?: string;
}

export interface IngestOptions {
  /** a larger file is archived and refused as a whole (default MAX_FILE_BYTES) */
  maxFileBytes?: number;
  /** told after each file is checked */
  progress?: (checked: number, total: number) => void;
}

/** A file's bytes as archived: what its submission records whatever the check says. */
interface Stored {
  sha256: string;
  sizeBytes: number;
  archivePath: string;
  /** undefined when the file is over the limit: streamed into the archive, never read whole */
  bytes?: Uint8Array;
}

async function store(item: Incoming, archiveRoot: string, maxFileBytes?: number): Promise<Stored> {
  if (item.bytes) {
    const bytes = item.bytes;
    return {
      sha256: sha256(bytes),
      sizeBytes: bytes.length,
      archivePath: await archive(archiveRoot, bytes, item.file),
      bytes,
    };
  }
  const { size } = await stat(item.file);
  if (sizeProblem(size, maxFileBytes))
    return { sizeBytes: size, ...(await archiveStream(archiveRoot, item.file, item.file)) };
  const bytes = new Uint8Array(await readFile(item.file));
  return { sha256: sha256(bytes), sizeBytes: size, archivePath: await archive(archiveRoot, bytes, item.file), bytes };
}

type Pending =
  | { item: Incoming; stored: Stored; duplicateOf: number }
  | { item: Incoming; stored: Stored; id: number; rows: RowsReport; compared: Figure[] };

const group = (f: { unit_code: string; indicator_id: string }) => `${f.unit_code}|${f.indicator_id}`;

function reasonFor(status: FileStatus, report: CheckReport, strict: boolean): string | null {
  if (status === "unusable") return report.problems[0].message_zh;
  if (status !== "rejected") return null;
  return strict
    ? "严格模式：文件中有被拒绝的行，整份文件不予接收 (--strict)"
    : "没有可接收的行 no row could be accepted";
}

export async function ingestFiles(
  warehouse: Warehouse,
  catalogue: Catalogue,
  archiveRoot: string,
  incoming: Incoming[],
  options: IngestOptions = {},
): Promise<FileOutcome[]> {
  const { connection } = warehouse;
  const known = new Map(
    (await connection.runAndReadAll("select sha256, submission_id from submissions"))
      .getRows()
      .map(([hash, id]) => [String(hash), Number(id)]),
  );
  let nextId = await nextSubmissionId(connection);
  // a figure is compared with earlier reports only where there are some: in the warehouse, or in
  // a file before it in this run (so every figure of a file but the last is kept for that)
  const held = await heldGroups(connection);
  const figures = new StagedCsv("figures");
  try {
    const pending: Pending[] = [];
    for (const [i, item] of incoming.entries()) {
      const stored = await store(item, archiveRoot, options.maxFileBytes);
      const duplicateOf = known.get(stored.sha256);
      if (duplicateOf !== undefined) {
        pending.push({ item, stored, duplicateOf });
        continue;
      }
      const id = nextId++;
      known.set(stored.sha256, id);
      const compared: Figure[] = [];
      const later = i < incoming.length - 1;
      const context = {
        catalogue,
        receivedAt: item.receivedAt,
        allowedUnit: item.allowedUnit,
        maxFileBytes: options.maxFileBytes,
      };
      const rows = stored.bytes
        ? checkRows(stored.bytes, context, (row) => {
            stageFigure(figures, id, row);
            if (later || held.has(group(row))) compared.push({ ...row, value: Number(row.value) });
          })
        : unusableFile(sizeProblem(stored.sizeBytes, options.maxFileBytes)!);
      // checked: its bytes are archived and need not be held while the rest of the run is read
      delete stored.bytes;
      pending.push({ item, stored, id, rows, compared });
      options.progress?.(i + 1, incoming.length);
    }

    const reported = pending.flatMap((p) => ("compared" in p ? p.compared : []));
    const history = new History(await readHistory(connection, reported), catalogue.indicators);
    // the history holds every value of the warehouse from each unit and indicator's earliest period in
    // the run on: whether a figure replaces one is known before the run's own are added
    const replaces = reported.some((f) => history.has(f.unit_code, f.indicator_id, f.period));

    const batch: BatchFile[] = [];
    const outcomes: FileOutcome[] = [];
    for (const p of pending) {
      const base = { file: p.item.file, sha256: p.stored.sha256, received_at: p.item.receivedAt.toISOString() };
      if ("duplicateOf" in p) {
        outcomes.push({
          ...base,
          submission_id: p.duplicateOf,
          status: "duplicate",
          encoding: null,
          unit_codes: [],
          rows_read: 0,
          rows_accepted: 0,
          rows_rejected: 0,
          rows_skipped: 0,
          rows_warned: 0,
          problem_counts: {},
          problems: [],
        });
        continue;
      }
      // compared with the warehouse and the files loaded before it in this run
      const warnings = p.rows.unusable ? [] : outOfLine(p.compared, history.previous, p.rows.valueColumn);
      const report = finishReport(p.rows, warnings, []);
      const status = fileStatus(p.rows, p.item.strict);
      const loaded = status === "accepted" || status === "partial";
      if (loaded) history.add(p.compared);
      const fileName = p.item.file.split(/[\\/]/).pop() || p.item.file;
      batch.push({
        id: p.id,
        record: {
          fileName,
          receivedAt: p.item.receivedAt,
          ...p.stored,
          status,
          reason: reasonFor(status, report, p.item.strict),
        },
        checked: { ...report, rowsAccepted: p.rows.rowsAccepted },
      });
      const problemCounts: Partial<Record<ProblemCode, number>> = {};
      for (const problem of report.problems) problemCounts[problem.code] = (problemCounts[problem.code] ?? 0) + 1;
      outcomes.push({
        ...base,
        submission_id: p.id,
        status,
        encoding: report.encoding ?? null,
        unit_codes: report.unitCodes,
        rows_read: report.rowsRead,
        rows_accepted: loaded ? p.rows.rowsAccepted + report.milestones.length : 0,
        rows_rejected: loaded ? report.rowsRejected : report.rowsRead,
        rows_skipped: report.rowsSkipped,
        rows_warned: loaded ? report.rowsWarned : 0,
        problem_counts: problemCounts,
        problems: report.problems.slice(0, REPORT_PROBLEMS),
      });
    }
    if (batch.length > 0) await inTransaction(connection, () => loadBatch(connection, batch, figures, { replaces }));
    return outcomes;
  } finally {
    figures.remove();
  }
}
