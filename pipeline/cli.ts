// The only entry point: picks the subcommand, runs it, and turns expected failures into a message
// and an exit code. Nothing below this file calls process.exit.
import type { Command, Io } from "./commands/command.ts";
import { CliError } from "./errors.ts";

const commands: Record<string, () => Promise<{ default: Command }>> = {
  ingest: () => import("./commands/ingest.ts"),
  build: () => import("./commands/build.ts"),
  sql: () => import("./commands/sql.ts"),
  sample: () => import("./commands/sample.ts"),
  docs: () => import("./commands/docs.ts"),
  template: () => import("./commands/template.ts"),
  bulletin: () => import("./commands/bulletin.ts"),
  serve: () => import("./commands/serve.ts"),
  token: () => import("./commands/token.ts"),
  backup: () => import("./commands/backup.ts"),
  restore: () => import("./commands/restore.ts"),
  export: () => import("./commands/export.ts"),
};

async function usage(): Promise<string> {
  const lines = ["用法 Usage: kpi <command> [options]", "", "Commands:"];
  for (const [name, load] of Object.entries(commands)) {
    lines.push(`  ${name.padEnd(8)} ${(await load()).default.summary}`);
  }
  lines.push("", "Run `kpi <command> --help` for a command's options.");
  return lines.join("\n") + "\n";
}

export async function main(argv: string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    io.out(await usage());
    return name ? 0 : 2;
  }
  const load = commands[name];
  if (!load) {
    io.err(`kpi: 未知命令 unknown command '${name}'\n\n${await usage()}`);
    return 2;
  }
  const command = (await load()).default;
  if (rest.includes("--help") || rest.includes("-h")) {
    io.out(command.help);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof CliError) {
      io.err(`kpi ${name}: ${error.message}\n`);
      return error.exitCode;
    }
    if (isDiskFull(error)) {
      io.err(
        `kpi ${name}: 磁盘已满 the disk is full (${(error as Error).message.split("\n")[0]}): the run stopped and its ` +
          `transaction was not committed, so the warehouse is as it was before; free some space and run it again\n`,
      );
      return 3;
    }
    if (/Out of Memory Error/i.test(String(error))) {
      io.err(
        `kpi ${name}: 内存不足 DuckDB reached its memory limit (${(error as Error).message.split("\n")[0]}): the run ` +
          `stopped and its transaction was not committed, so the warehouse is as it was before; give it more with ` +
          `KPI_MEMORY_LIMIT (e.g. 4GB) and run it again\n`,
      );
      return 3;
    }
    if (error instanceof TypeError && (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
      io.err(`kpi ${name}: ${error.message}\n\n${command.help}`);
      return 2;
    }
    throw error;
  }
}

/** A write that failed for want of space: Node's ENOSPC, or DuckDB's words for it. */
function isDiskFull(error: unknown): boolean {
  return (error as { code?: string }).code === "ENOSPC" || /No space left on device|ENOSPC/i.test(String(error));
}

/** The real terminal, clock, environment and folder. */
export function processIo(): Io {
  return {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    now: new Date(),
    env: process.env,
    cwd: process.cwd(),
  };
}

/** Runs the process's own arguments: what `bin/kpi.js` calls. */
export function runCli(): void {
  const io = processIo();
  const debug = process.argv.includes("--debug");
  const argv = process.argv.slice(2).filter((arg) => arg !== "--debug");
  main(argv, io).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`kpi: 内部错误 internal error: ${debug ? (error as Error).stack : String(error)}\n`);
      if (!debug) process.stderr.write("(rerun with --debug for the stack trace)\n");
      process.exitCode = 70;
    },
  );
}
