import { relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { CliError } from "../errors.ts";
import { backupWarehouse } from "../warehouse/backup.ts";
import { warehousePath } from "../warehouse/connection.ts";
import type { Command, Io } from "./command.ts";
import { lockWait, WAIT_HELP } from "./wait-option.ts";

const help = `kpi backup --out DIR [--db PATH] [--wait SECONDS]

备份数据仓库。Writes a backup of the warehouse to a new folder DIR: the database as DuckDB's EXPORT
DATABASE writes it (DIR/warehouse: schema.sql, load.sql, a Parquet file per table), every archived
input file (DIR/archive) and DIR/backup.json (when, each table's row count, the archive's files).
The warehouse is held as a writer while the backup runs, so the copy is of one moment. Written
beside DIR and renamed at the end: a backup cut short leaves no DIR. Restore it with kpi restore.

Options:
  --out DIR              the new folder (must not exist)
  --db PATH              warehouse file (default: $KPI_DB, else data/warehouse.duckdb)
${WAIT_HELP}
`;

const command: Command = {
  summary: "备份数据仓库  back the warehouse and the archive up to a folder",
  help,
  async run(argv: string[], io: Io): Promise<number> {
    const { values } = parseArgs({
      args: argv,
      options: { out: { type: "string" }, db: { type: "string" }, wait: { type: "string" } },
    });
    if (!values.out) throw new CliError(`请用 --out 指定备份文件夹 give the backup folder with --out DIR\n\n${help}`);
    const dbPath = warehousePath(values.db, io.env, io.cwd);
    const outDir = resolve(io.cwd, values.out);
    const manifest = await backupWarehouse(dbPath, outDir, { now: io.now, wait: lockWait(values.wait, io) });
    const rows = Object.values(manifest.tables).reduce((a, b) => a + b, 0);
    io.out(
      `备份完成 backed up: ${Object.keys(manifest.tables).length} tables, ${rows} rows, ` +
        `${manifest.archive_files.length} archived files → ${relative(io.cwd, outDir) || outDir}\n`,
    );
    return 0;
  },
};

export default command;
