import { homedir } from "node:os";
import { join, resolve } from "node:path";
import type { Readable } from "node:stream";
import { parseArgs } from "node:util";
import { CliError } from "../errors.ts";
import { EXTERNAL_FLAG, QueryRefused } from "../sql-cli/guard.ts";
import { isFormat, parquetBytes, renderText, writeAtomic } from "../sql-cli/output.ts";
import { hasDotCommand, runRepl, runScript } from "../sql-cli/repl.ts";
import { openSession, type QuerySession } from "../sql-cli/session.ts";
import { warehousePath } from "../warehouse/connection.ts";
import type { Command, Io } from "./command.ts";

const help = `kpi sql [options] ["QUERY"]

查询数据仓库（只读）。Runs one query on a read-only connection. The query is the argument, or
standard input when it is piped in; with neither, an interactive prompt opens (statements end
with ;, arrow keys recall history, .tables, .schema NAME, .help). Piped input with dot-commands
runs as if typed at the prompt (printf '.tables\n' | kpi sql). Only queries run (SELECT, WITH,
SHOW, DESCRIBE, SUMMARIZE, EXPLAIN): INSERT, UPDATE, DELETE, CREATE, DROP, ATTACH, COPY, SET …
are refused, and the warehouse file is never changed.

Options:
  --db PATH                  warehouse file (default: $KPI_DB, else data/warehouse.duckdb)
  --format FORMAT            table (default), csv (header row; cells starting with = + - @ are
                             prefixed with ' so spreadsheets do not run them), json (an array of
                             objects), parquet (needs --out)
  --out FILE                 write the result to FILE instead of the terminal (csv gets a BOM
                             so Excel reads it as UTF-8)
  --max-rows N               table format: show at most N rows (default: 200); the total is stated
  ${EXTERNAL_FLAG}     let the query read files outside the warehouse (read_csv,
                             read_parquet, …); off by default. Writing files stays impossible.

Tables: documents, counties, indicators, targets, parameters, submissions, observations,
observation_history, rejections, build_params, indicator_actuals, indicator_annual, kpi_status …
(\`.tables\` at the prompt; every column is described in docs/data-dictionary.md).

Examples:
  kpi sql "select status_zh, count(*) as n from kpi_status group by all order by n desc"
  kpi sql --format csv --out rejections.csv "from rejections"
  echo "from counties" | kpi sql --format json
`;

/** everything on a readable stream, as text */
async function readAll(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks)
    .toString("utf8")
    .replace(/^\ufeff/, "");
}

/** `kpi sql` reading from the given standard input (tests pass their own) */
export function sqlCommand(stdin: Readable & { isTTY?: boolean }): Command {
  return {
    summary: "只读查询  read-only SQL: one query, or an interactive prompt",
    help,
    async run(argv: string[], io: Io): Promise<number> {
      const { values, positionals } = parseArgs({
        args: argv,
        allowPositionals: true,
        options: {
          db: { type: "string" },
          format: { type: "string", default: "table" },
          out: { type: "string" },
          "max-rows": { type: "string", default: "200" },
          [EXTERNAL_FLAG.slice(2)]: { type: "boolean", default: false },
        },
      });
      const format = values.format!;
      if (!isFormat(format)) throw new CliError(`--format must be table, csv, json or parquet`);
      if (format === "parquet" && !values.out) throw new CliError(`--format parquet 需要 needs --out FILE`);
      const maxRows = Number(values["max-rows"]);
      if (!Number.isInteger(maxRows) || maxRows < 0) throw new CliError(`--max-rows must be a whole number`);

      let query = positionals.join(" ").trim();
      const interactive = !query && stdin.isTTY === true;
      if (!query && !interactive) query = (await readAll(stdin)).trim();
      if (!query && !interactive) throw new CliError(`请给出查询语句 no QUERY given\n\n${help}`);

      const session = await openSession(
        warehousePath(values.db, io.env, io.cwd),
        { allowExternalFiles: values[EXTERNAL_FLAG.slice(2)] as boolean },
        io.err,
      );
      try {
        if (interactive) {
          if (values.out) throw new CliError(`--out 只用于单条查询 --out needs a QUERY (argument or standard input)`);
          await runRepl(session, {
            input: stdin,
            output: process.stdout,
            err: io.err,
            historyFile: join(io.env.HOME ?? homedir(), ".kpi_sql_history"),
            maxRows,
          });
          return 0;
        }
        if (hasDotCommand(query)) {
          // piped prompt input (.tables, .schema NAME, statements ending in ;): run it line by line
          if (values.out || format === "parquet") {
            throw new CliError(
              `--out 只用于单条查询，不能与 .tables 等点命令同用 --out needs a single QUERY, not dot-commands`,
            );
          }
          const failures = await runScript(session, query, io, { format, maxRows });
          return failures > 0 ? 1 : 0;
        }
        return await runOnce(session, query, { format, out: values.out, maxRows }, io);
      } finally {
        session.close();
      }
    },
  };
}

async function runOnce(
  session: QuerySession,
  query: string,
  options: { format: string; out?: string; maxRows: number },
  io: Io,
): Promise<number> {
  let result;
  try {
    result = await session.query(query);
  } catch (error) {
    if (error instanceof QueryRefused) throw new CliError(error.message, 1);
    throw error;
  }
  const { format, out } = options;
  if (!out) {
    io.out(renderText(result, format as "table" | "csv" | "json", options.maxRows));
    return 0;
  }
  const path = resolve(io.cwd, out);
  try {
    if (format === "parquet") await writeAtomic(path, await parquetBytes(result));
    else {
      const text = renderText(result, format as "table" | "csv" | "json", options.maxRows);
      await writeAtomic(path, format === "csv" ? `\ufeff${text}` : text);
    }
  } catch (error) {
    throw new CliError(`无法写入 cannot write ${path}: ${(error as Error).message}`, 1);
  }
  io.err(`已写入 wrote ${result.rows.length} 行 rows → ${out}\n`);
  return 0;
}

export default sqlCommand(process.stdin);
