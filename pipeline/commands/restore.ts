import { relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { CliError } from "../errors.ts";
import { restoreWarehouse } from "../warehouse/backup.ts";
import { warehousePath } from "../warehouse/connection.ts";
import type { Command, Io } from "./command.ts";
import { lockWait, WAIT_HELP } from "./wait-option.ts";

const help = `kpi restore DIR [--db PATH] [--wait SECONDS]

从备份恢复数据仓库。Restores the backup in DIR (written by kpi backup) as the warehouse: imported into
a new file beside the warehouse, every table's row count checked against DIR/backup.json, then
renamed into place. A warehouse already there is kept, renamed PATH.before-restore-TIME; the
backup's archived files are copied into the archive beside the warehouse. Then run kpi build
to rewrite the dashboard's data files.

Options:
  --db PATH              warehouse file to restore to (default: $KPI_DB, else data/warehouse.duckdb)
${WAIT_HELP}
`;

const command: Command = {
  summary: "从备份恢复  restore the warehouse and the archive from a backup",
  help,
  async run(argv: string[], io: Io): Promise<number> {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { db: { type: "string" }, wait: { type: "string" } },
    });
    if (positionals.length !== 1) throw new CliError(`请指定一个备份文件夹 give one backup folder DIR\n\n${help}`);
    const dbPath = warehousePath(values.db, io.env, io.cwd);
    const { manifest, previous } = await restoreWarehouse(resolve(io.cwd, positionals[0]), dbPath, {
      now: io.now,
      wait: lockWait(values.wait, io),
    });
    if (previous) io.err(`· 原数据仓库保留为 the warehouse that was there is kept as ${relative(io.cwd, previous)}\n`);
    io.out(
      `恢复完成 restored the backup of ${manifest.created_at}: ${Object.keys(manifest.tables).length} tables, ` +
        `${manifest.archive_files.length} archived files → ${relative(io.cwd, dbPath) || dbPath}; run kpi build next\n`,
    );
    return 0;
  },
};

export default command;
