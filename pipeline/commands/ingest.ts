import { dirname, join, relative } from "node:path";
import { parseArgs } from "node:util";
import { catalogueDir } from "../catalogue/location.ts";
import { readCatalogue } from "../catalogue/read.ts";
import { CliError } from "../errors.ts";
import { formatTable } from "../format/table.ts";
import { listInputs, MANIFEST, type InputFile } from "../ingest/inputs.ts";
import { MAX_FILE_BYTES } from "../ingest/limits.ts";
import { ingestFiles, type FileOutcome } from "../ingest/submit.ts";
import { render, type RenderedProblem } from "../messages/render.ts";
import { lockWait, WAIT_HELP } from "./wait-option.ts";
import { openWarehouse, warehousePath } from "../warehouse/connection.ts";
import { prepareCommitted } from "../warehouse/prepare.ts";
import type { Command, Io } from "./command.ts";
import { SUBMISSION_STATUS_ZH } from "../catalogue/labels.ts";

/** problems shown in full in the table; a file with more shows its counts by code first */
const SHOWN = 20;

const help = `kpi ingest [options] FILE|DIR…

载入各县区报送的CSV。Loads county progress CSVs into the warehouse: each file is archived byte for
byte (by SHA-256) first and checked row by row; then every file of the run is loaded in one
transaction (a run that fails leaves the warehouse as it was), and each file's report printed.

Folders are read recursively; files whose names start with _ or . are not submissions. A folder's
${MANIFEST} (columns file,received_at) gives the time each file was received; otherwise the
time received is now (or --received-at).

Options:
  --db PATH              warehouse file (default: $KPI_DB, else data/warehouse.duckdb)
  --strict               reject a whole file when any of its rows is rejected
  --received-at ISO      when the files were received (default: now)
  --format table|json    the report's format (default: table)
  --max-file-mb N        refuse a file larger than N MB as a whole (default: ${MAX_FILE_BYTES / 1024 / 1024}); an operator's
                         bulk load (a backfill, a province's history in one file) may raise it
${WAIT_HELP}

Symbolic links, devices and empty folders are not read (code not_a_file). A file over the limit
is archived, streamed, and recorded as unusable (file_too_large). A file's report lists its problems
by code and the first ${SHOWN} in full; the rest are in the rejections table.

Exit codes: 0 every row accepted (or the file was already ingested); 1 some rows rejected;
2 a usage error or a file unusable as a whole (still archived and recorded).
`;

/** A path that is not read at all (a link, a device, an empty folder): nothing archived or recorded. */
export interface Refused {
  file: string;
  status: "refused";
  problems: [RenderedProblem];
}

type Outcome = FileOutcome | Refused;

const STATUS_ZH: Record<Outcome["status"], string> = {
  ...SUBMISSION_STATUS_ZH,
  duplicate: "＝ 重复文件，未作改动",
  refused: "✘ 未读取",
};

export function refuse(input: InputFile & { refused: NonNullable<InputFile["refused"]> }): Refused {
  return {
    file: input.path,
    status: "refused",
    problems: [render({ code: "not_a_file", severity: "error", detail: { kind: input.refused } })],
  };
}

/** the file's encoding as detected, or why there is none (the file was not text) */
export function encodingLabel(encoding: string | null): string {
  return encoding ? `编码 ${encoding}` : "编码无法识别 encoding unknown";
}

/**
 * One file's result: a status line, then its problems as a table. The message, the part a clerk
 * acts on, is printed whole on its own line under each row: a table column would clip it.
 */
export function formatOutcome(o: Outcome, cwd: string): string {
  const name = relative(cwd, o.file) || o.file;
  if (o.status === "refused") {
    const [p] = o.problems;
    return `${STATUS_ZH.refused}  ${name}  (${p.code}: ${p.message_en})\n    → ${p.message_zh}\n`;
  }
  if (o.status === "duplicate") {
    return `${STATUS_ZH.duplicate}  ${name}  (与第 ${o.submission_id} 号报送完全相同 identical to submission ${o.submission_id}; nothing changed)\n`;
  }
  const counts = `读取 ${o.rows_read} 行 · 接收 ${o.rows_accepted} · 拒绝 ${o.rows_rejected} · 跳过 ${o.rows_skipped} · 预警 ${o.rows_warned}`;
  let text = `${STATUS_ZH[o.status]}  ${name}  [第 ${o.submission_id} 号报送 · ${encodingLabel(o.encoding)}]  ${counts}\n`;
  const total = Object.values(o.problem_counts).reduce((a, b) => a + b, 0);
  if (total > SHOWN) {
    const counts = Object.entries(o.problem_counts).sort((a, b) => b[1] - a[1]);
    text += `    问题 ${total} 个，按代码 problems by code: ${counts.map(([code, n]) => `${code} ${n}`).join(" · ")}\n`;
    text += `    前 ${SHOWN} 个如下，其余见 the rest: kpi sql "from rejections where submission_id = ${o.submission_id}"\n`;
  }
  if (o.problems.length > 0) {
    text += formatTable(
      ["行 line", "列 column", "原始值 value", "代码 code"],
      o.problems
        .slice(0, SHOWN)
        .map((p) => [
          p.line === undefined ? "—" : String(p.line),
          p.column ?? "—",
          p.value ?? "",
          p.severity === "warning" ? `${p.code} (预警)` : p.code,
        ]),
      { right: new Set([0]), maxCellWidth: 90, below: o.problems.slice(0, SHOWN).map((p) => `→ ${p.message_zh}`) },
    )
      .split("\n")
      .map((l) => (l ? `    ${l}` : l))
      .join("\n");
  }
  return text;
}

/** The closing lines: totals over every file, the files that could not be read at all, and where they went. */
export function formatSummary(outcomes: Outcome[], warehouse: string): string {
  const sum = (k: "rows_accepted" | "rows_rejected") =>
    outcomes.reduce((s, o) => s + (o.status === "refused" ? 0 : o[k]), 0);
  const [files, accepted, rejected] = [outcomes.length, sum("rows_accepted"), sum("rows_rejected")];
  // an unusable file has no rows to count: without its own clause the totals would hide it
  const unusable = outcomes.filter((o) => o.status === "unusable" || o.status === "refused").length;
  const zh = `共 ${files} 个文件：接收 ${accepted} 行，拒绝 ${rejected} 行${unusable ? `，无法读取 ${unusable} 个` : ""}`;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  const en = `${plural(files, "file")}: ${plural(accepted, "row")} accepted, ${rejected} rejected${unusable ? `, ${plural(unusable, "file")} unusable` : ""}`;
  return `\n${zh}。${en}.\n数据仓库 warehouse: ${warehouse}\n`;
}

export function exitCode(outcomes: Outcome[]): number {
  if (outcomes.some((o) => o.status === "unusable" || o.status === "refused")) return 2;
  if (outcomes.some((o) => o.status === "rejected" || (o.status !== "refused" && o.rows_rejected > 0))) return 1;
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
        wait: { type: "string" },
        "max-file-mb": { type: "string" },
      },
    });
    if (positionals.length === 0) throw new CliError(`请指定要载入的文件或文件夹 no FILE or DIR given\n\n${help}`);
    if (values.format !== "table" && values.format !== "json") throw new CliError(`--format must be table or json`);
    const receivedAt = values["received-at"] ? new Date(values["received-at"]) : io.now;
    if (Number.isNaN(receivedAt.getTime()))
      throw new CliError(`--received-at: 无效时间 invalid time '${values["received-at"]}'`);

    const maxMb = values["max-file-mb"] === undefined ? undefined : Number(values["max-file-mb"]);
    if (maxMb !== undefined && !(Number.isFinite(maxMb) && maxMb > 0))
      throw new CliError(`--max-file-mb: 应为正数 expected a number of MB > 0, got '${values["max-file-mb"]}'`);
    const wait = lockWait(values.wait, io);
    const inputs = await listInputs(positionals, io.cwd, receivedAt);
    const catalogue = await readCatalogue(catalogueDir(io.env, io.cwd));
    const dbPath = warehousePath(values.db, io.env, io.cwd);
    const warehouse = await openWarehouse(dbPath, { readOnly: false, wait });
    const outcomes: Outcome[] = [];
    try {
      await prepareCommitted(warehouse.connection, catalogue);
      const archiveRoot = join(dirname(dbPath), "archive");
      const readable = inputs.filter((input) => !input.refused);
      // a long run says how far the checks have got (the reports follow once it is loaded)
      const step = Math.max(100, Math.ceil(readable.length / 20));
      const loaded = await ingestFiles(
        warehouse,
        catalogue,
        archiveRoot,
        readable.map((input) => ({ file: input.path, receivedAt: input.receivedAt, strict: values.strict! })),
        {
          maxFileBytes: maxMb === undefined ? undefined : Math.round(maxMb * 1024 * 1024),
          progress: (done, total) => {
            if (total > step && (done % step === 0 || done === total))
              io.err(`· 已检查 checked ${done}/${total} files\n`);
          },
        },
      );
      let next = 0;
      for (const input of inputs)
        outcomes.push(input.refused ? refuse({ ...input, refused: input.refused }) : loaded[next++]);
      if (values.format === "table")
        outcomes.forEach((outcome, i) => io.out(`[${i + 1}/${inputs.length}] ${formatOutcome(outcome, io.cwd)}`));
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
