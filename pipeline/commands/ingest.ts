import { readFile } from "node:fs/promises";
import { dirname, join, relative } from "node:path";
import { parseArgs } from "node:util";
import { catalogueDir } from "../catalogue/location.ts";
import { readCatalogue } from "../catalogue/read.ts";
import { CliError } from "../errors.ts";
import { formatTable } from "../format/table.ts";
import { History, readHistory } from "../ingest/history.ts";
import { listInputs, MANIFEST } from "../ingest/inputs.ts";
import { ingestBytes, type FileOutcome } from "../ingest/submit.ts";
import { inTransaction, openWarehouse, warehousePath } from "../warehouse/connection.ts";
import { prepareWarehouse } from "../warehouse/prepare.ts";
import type { Command, Io } from "./command.ts";
import { SUBMISSION_STATUS_ZH } from "../catalogue/labels.ts";

const help = `kpi ingest [options] FILE|DIR…

载入各县区报送的CSV。Loads county progress CSVs into the warehouse: each file is archived byte for
byte (by SHA-256) first, checked row by row, and loaded in one transaction.

Folders are read recursively; files whose names start with _ or . are not submissions. A folder's
${MANIFEST} (columns file,received_at) gives the time each file was received; otherwise the
time received is now (or --received-at).

Options:
  --db PATH              warehouse file (default: $KPI_DB, else data/warehouse.duckdb)
  --strict               reject a whole file when any of its rows is rejected
  --received-at ISO      when the files were received (default: now)
  --format table|json    the report's format (default: table)

Exit codes: 0 every row accepted (or the file was already ingested); 1 some rows rejected;
2 a usage error or a file unusable as a whole (still archived and recorded).
`;

const STATUS_ZH: Record<FileOutcome["status"], string> = {
  ...SUBMISSION_STATUS_ZH,
  duplicate: "＝ 重复文件，未作改动",
};

/** the file's encoding as detected, or why there is none (the file was not text) */
export function encodingLabel(encoding: string | null): string {
  return encoding ? `编码 ${encoding}` : "编码无法识别 encoding unknown";
}

/**
 * One file's result: a status line, then its problems as a table. The message, the part a clerk
 * acts on, is printed whole on its own line under each row: a table column would clip it.
 */
export function formatOutcome(o: FileOutcome, cwd: string): string {
  const name = relative(cwd, o.file) || o.file;
  if (o.status === "duplicate") {
    return `${STATUS_ZH.duplicate}  ${name}  (与第 ${o.submission_id} 号报送完全相同 identical to submission ${o.submission_id}; nothing changed)\n`;
  }
  const counts = `读取 ${o.rows_read} 行 · 接收 ${o.rows_accepted} · 拒绝 ${o.rows_rejected} · 跳过 ${o.rows_skipped} · 预警 ${o.rows_warned}`;
  let text = `${STATUS_ZH[o.status]}  ${name}  [第 ${o.submission_id} 号报送 · ${encodingLabel(o.encoding)}]  ${counts}\n`;
  if (o.problems.length > 0) {
    text += formatTable(
      ["行 line", "列 column", "原始值 value", "代码 code"],
      o.problems.map((p) => [
        p.line === undefined ? "—" : String(p.line),
        p.column ?? "—",
        p.value ?? "",
        p.severity === "warning" ? `${p.code} (预警)` : p.code,
      ]),
      { right: new Set([0]), maxCellWidth: 90, below: o.problems.map((p) => `→ ${p.message_zh}`) },
    )
      .split("\n")
      .map((l) => (l ? `    ${l}` : l))
      .join("\n");
  }
  return text;
}

/** The closing lines: totals over every file, the files that could not be read at all, and where they went. */
export function formatSummary(outcomes: FileOutcome[], warehouse: string): string {
  const sum = (k: "rows_accepted" | "rows_rejected") => outcomes.reduce((s, o) => s + o[k], 0);
  const [files, accepted, rejected] = [outcomes.length, sum("rows_accepted"), sum("rows_rejected")];
  // an unusable file has no rows to count: without its own clause the totals would hide it
  const unusable = outcomes.filter((o) => o.status === "unusable").length;
  const zh = `共 ${files} 个文件：接收 ${accepted} 行，拒绝 ${rejected} 行${unusable ? `，无法读取 ${unusable} 个` : ""}`;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  const en = `${plural(files, "file")}: ${plural(accepted, "row")} accepted, ${rejected} rejected${unusable ? `, ${plural(unusable, "file")} unusable` : ""}`;
  return `\n${zh}。${en}.\n数据仓库 warehouse: ${warehouse}\n`;
}

export function exitCode(outcomes: FileOutcome[]): number {
  if (outcomes.some((o) => o.status === "unusable")) return 2;
  if (outcomes.some((o) => o.rows_rejected > 0 || o.status === "rejected")) return 1;
  return 0;
}

const command: Command = {
  summary: "载入县区报送CSV  load county progress CSVs",
  help,
  async run(argv: string[], io: Io): Promise<number> {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        db: { type: "string" },
        strict: { type: "boolean", default: false },
        "received-at": { type: "string" },
        format: { type: "string", default: "table" },
      },
    });
    if (positionals.length === 0) throw new CliError(`请指定要载入的文件或文件夹 no FILE or DIR given\n\n${help}`);
    if (values.format !== "table" && values.format !== "json") throw new CliError(`--format must be table or json`);
    const receivedAt = values["received-at"] ? new Date(values["received-at"]) : io.now;
    if (Number.isNaN(receivedAt.getTime()))
      throw new CliError(`--received-at: 无效时间 invalid time '${values["received-at"]}'`);

    const inputs = await listInputs(positionals, io.cwd, receivedAt);
    const catalogue = await readCatalogue(catalogueDir(io.env, io.cwd));
    const dbPath = warehousePath(values.db, io.env, io.cwd);
    const warehouse = await openWarehouse(dbPath, { readOnly: false });
    const outcomes: FileOutcome[] = [];
    try {
      await inTransaction(warehouse.connection, () => prepareWarehouse(warehouse.connection, catalogue));
      const archiveRoot = join(dirname(dbPath), "archive");
      const known = new History(await readHistory(warehouse.connection), catalogue.indicators);
      for (const [i, input] of inputs.entries()) {
        const outcome = await ingestBytes(warehouse, catalogue, known, archiveRoot, {
          file: input.path,
          bytes: new Uint8Array(await readFile(input.path)),
          receivedAt: input.receivedAt,
          strict: values.strict!,
        });
        outcomes.push(outcome);
        if (values.format === "table") io.out(`[${i + 1}/${inputs.length}] ${formatOutcome(outcome, io.cwd)}`);
      }
    } finally {
      warehouse.close();
    }
    if (values.format === "json") io.out(JSON.stringify(outcomes, null, 2) + "\n");
    else {
      io.out(formatSummary(outcomes, relative(io.cwd, dbPath)));
    }
    return exitCode(outcomes);
  },
};

export default command;
