import { mkdir, rm } from "node:fs/promises";
import { relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { CliError } from "../errors.ts";
import { exportParquet } from "../export/parquet.ts";
import { formatTable } from "../format/table.ts";
import { openWarehouse, warehousePath } from "../warehouse/connection.ts";
import type { Command, Io } from "./command.ts";

const help = `kpi export --parquet DIR [--db PATH]

导出数据集市为Parquet。Writes every mart of the last build (the 20_marts and 30_reader tables) as
Parquet that any engine reads, Hive-partitioned by year where the mart has a moment or a period
(DIR/kpi_status/year=2024/data_0.parquet), in one file where it has none (DIR/kpi_current/kpi_current.parquet).
DIR is replaced whole. The warehouse is opened read-only.

Options:
  --parquet DIR   where the files go
  --db PATH       warehouse file (default: $KPI_DB, else data/warehouse.duckdb)
`;

const command: Command = {
  summary: "导出数据集市为Parquet  export the marts as partitioned Parquet",
  help,
  async run(argv: string[], io: Io): Promise<number> {
    const { values } = parseArgs({ args: argv, options: { parquet: { type: "string" }, db: { type: "string" } } });
    if (!values.parquet) throw new CliError(`请指定 --parquet DIR  no --parquet DIR given\n\n${help}`);
    const dir = resolve(io.cwd, values.parquet);
    const warehouse = await openWarehouse(warehousePath(values.db, io.env, io.cwd), {
      readOnly: true,
      writesFiles: true,
    });
    try {
      await rm(dir, { recursive: true, force: true });
      await mkdir(dir, { recursive: true });
      const exported = await exportParquet(warehouse.connection, dir);
      io.out(
        formatTable(
          ["mart", "rows", "partitioned by"],
          exported.map((e) => [e.table, String(e.rows), e.partition ?? "—"]),
          { right: new Set([1]) },
        ) + `\n导出 exported ${exported.length} marts → ${relative(io.cwd, dir) || dir}\n`,
      );
    } finally {
      warehouse.close();
    }
    return 0;
  },
};

export default command;
