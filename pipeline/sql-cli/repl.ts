// The interactive prompt of `kpi sql`: statements may span lines and end at `;`; dot-commands
// (.tables, .schema NAME, .format, .help, .quit) work on an empty line. `lineHandler` is the whole
// behaviour as a function of one line, so it is tested without a terminal; `runRepl` only wires it
// to node:readline (history with the arrow keys, kept in a file between sessions), and `runScript`
// feeds it piped text line by line, so `printf '.tables\n' | kpi sql` does what the prompt does.
import { appendFileSync, readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import { renderText, type Format } from "./output.ts";
import { QueryRefused } from "./guard.ts";
import type { QuerySession } from "./session.ts";

export const PROMPT = "kpi> ";
export const CONTINUE = "  -> ";

export const REPL_HELP = `输入SQL查询，以分号 ; 结束（可跨多行）。Type a query ending with ; (it may span lines).
  .tables            列出表和视图 list tables and views
  .schema NAME       列出某表的列及说明 columns of a table or view, with descriptions
  .format table|csv|json   结果格式 output format (now: %FORMAT%)
  .help              本说明 this help
  .quit              退出 quit (or Ctrl-D)
只读连接：不能修改数据仓库。Read-only: the warehouse cannot be changed.
`;

/** true when the text ends with a `;` that is outside quotes and comments */
export function endsStatement(text: string): boolean {
  let quote: string | null = null;
  let lastSignificant = "";
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === quote) quote = null;
      continue;
    }
    if (ch === "'" || ch === '"') quote = ch;
    else if (ch === "-" && text[i + 1] === "-") {
      const end = text.indexOf("\n", i);
      if (end < 0) break;
      i = end;
      continue;
    } else if (ch === "/" && text[i + 1] === "*") {
      const end = text.indexOf("*/", i + 2);
      if (end < 0) return false;
      i = end + 1;
      continue;
    }
    if (!/\s/.test(ch)) lastSignificant = quote ? "" : ch;
  }
  return quote === null && lastSignificant === ";";
}

export interface LineOutput {
  out: (text: string) => void;
  err: (text: string) => void;
}

export interface LineHandler {
  /** handles one line of input; resolves to the next prompt, or null to quit */
  handle(line: string): Promise<string | null>;
  /** forgets a half-typed statement (Ctrl-C) */
  reset(): void;
  /** at the end of input: runs a last statement left without its ; */
  flush(): Promise<void>;
}

export function lineHandler(
  session: QuerySession,
  io: LineOutput,
  options: { format?: Exclude<Format, "parquet">; maxRows: number },
): LineHandler {
  let buffer = "";
  let format: Exclude<Format, "parquet"> = options.format ?? "table";

  const show = async (run: () => Promise<Parameters<typeof renderText>[0]>) => {
    try {
      io.out(renderText(await run(), format, options.maxRows));
    } catch (error) {
      if (!(error instanceof QueryRefused)) throw error;
      io.err(`${error.message}\n`);
    }
  };

  async function dotCommand(line: string): Promise<string | null> {
    const [name, ...args] = line.trim().split(/\s+/);
    switch (name) {
      case ".quit":
      case ".exit":
        return null;
      case ".help":
        io.out(REPL_HELP.replace("%FORMAT%", format));
        break;
      case ".tables":
        await show(() => session.tables());
        break;
      case ".schema": {
        if (args.length !== 1) {
          io.err("用法 usage: .schema NAME\n");
          break;
        }
        const result = await session.schema(args[0]);
        if (result.rows.length === 0) io.err(`没有名为 ${args[0]} 的表或视图 no table or view named ${args[0]}\n`);
        else await show(async () => result);
        break;
      }
      case ".format":
        if (args.length === 1 && ["table", "csv", "json"].includes(args[0])) {
          format = args[0] as typeof format;
          io.out(`结果格式 format: ${format}\n`);
        } else io.err("用法 usage: .format table|csv|json\n");
        break;
      default:
        io.err(`未知命令 unknown command ${name}; .help 列出命令 lists the commands\n`);
    }
    return PROMPT;
  }

  return {
    async handle(line: string): Promise<string | null> {
      if (buffer === "" && line.trim().startsWith(".")) return dotCommand(line);
      if (buffer === "" && line.trim() === "") return PROMPT;
      buffer += (buffer ? "\n" : "") + line;
      if (!endsStatement(buffer)) return CONTINUE;
      const sql = buffer;
      buffer = "";
      await show(() => session.query(sql));
      return PROMPT;
    },
    reset() {
      buffer = "";
    },
    async flush() {
      const sql = buffer;
      buffer = "";
      if (sql.trim()) await show(() => session.query(sql));
    },
  };
}

/**
 * true when the text holds a dot-command where the prompt would take one: on a line of its own,
 * outside a statement. Piped text without one stays a single query (`echo "select 1" | kpi sql`).
 */
export function hasDotCommand(text: string): boolean {
  let buffer = "";
  for (const line of text.split(/\r?\n/)) {
    if (buffer === "" && line.trim().startsWith(".")) return true;
    if (buffer === "" && line.trim() === "") continue;
    buffer += (buffer ? "\n" : "") + line;
    if (endsStatement(buffer)) buffer = "";
  }
  return false;
}

/**
 * Runs piped text as if typed at the prompt, without echoing prompts: dot-commands and statements
 * in order, stopping at .quit. Resolves to the number of refusals and errors reported, so the
 * caller can exit non-zero as a single refused query does.
 */
export async function runScript(
  session: QuerySession,
  text: string,
  io: LineOutput,
  options: { format?: Exclude<Format, "parquet">; maxRows: number },
): Promise<number> {
  let failures = 0;
  const err = (message: string) => {
    failures++;
    io.err(message);
  };
  const handler = lineHandler(session, { out: io.out, err }, options);
  for (const line of text.split(/\r?\n/)) {
    if ((await handler.handle(line)) === null) return failures;
  }
  await handler.flush();
  return failures;
}

export interface ReplOptions {
  input: Readable;
  output: Writable;
  err: (text: string) => void;
  /** where history is kept between sessions; undefined keeps it in memory only */
  historyFile?: string;
  maxRows: number;
}

const HISTORY_SIZE = 500;

function readHistory(file: string | undefined): string[] {
  if (!file) return [];
  try {
    // readline wants the newest first; the file has the newest last
    return readFileSync(file, "utf8").split("\n").filter(Boolean).slice(-HISTORY_SIZE).reverse();
  } catch {
    return [];
  }
}

/** runs the prompt until .quit or end of input (Ctrl-D) */
export async function runRepl(session: QuerySession, options: ReplOptions): Promise<void> {
  const rl = createInterface({
    input: options.input,
    output: options.output,
    terminal: true,
    history: readHistory(options.historyFile),
    historySize: HISTORY_SIZE,
    removeHistoryDuplicates: true,
  });
  const write = (text: string) => options.output.write(text);
  const handler = lineHandler(session, { out: write, err: options.err }, { maxRows: options.maxRows });
  write(`kpi sql 只读查询 read-only queries · .help 帮助 for help · .quit 退出 to quit\n`);
  rl.on("SIGINT", () => {
    handler.reset();
    write("\n");
    rl.setPrompt(PROMPT);
    rl.prompt();
  });
  rl.setPrompt(PROMPT);
  rl.prompt();
  for await (const line of rl) {
    if (options.historyFile && line.trim()) {
      try {
        appendFileSync(options.historyFile, line.replace(/\n/g, " ") + "\n");
      } catch {
        // a history file we cannot write is no reason to stop
      }
    }
    const next = await handler.handle(line);
    if (next === null) break;
    rl.setPrompt(next);
    rl.prompt();
  }
  rl.close();
}
