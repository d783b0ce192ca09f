import { relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { CATALOGUE_DIR } from "../catalogue/location.ts";
import { readCatalogue } from "../catalogue/read.ts";
import { CliError } from "../errors.ts";
import { writeExports } from "../export/exports.ts";
import { inTransaction, openWarehouse, warehousePath } from "../warehouse/connection.ts";
import { prepareWarehouse } from "../warehouse/prepare.ts";
import { runLayer } from "../warehouse/sql-files.ts";
import type { Command, Io } from "./command.ts";

export const DEFAULT_EXPORT_DIR = "dashboard/data/exports";

const help = `kpi build [options]

计算指标进度并生成看板数据。Reloads the catalogue, computes the KPI tables (staging views, then
marts) as of one month, and writes the dashboard's data files. One transaction: a failed build
leaves the warehouse as it was.

Options:
  --db PATH          warehouse file (default: $KPI_DB, else data/warehouse.duckdb)
  --as-of YYYY-MM    compute as leadership saw it at the end of that month: only submissions
                     received by then, only periods up to it (default: the current month)
  --tolerance R      关注 band as a share of the expected increment (default: 0.1)
  --out DIR          where the data files go (default: ${DEFAULT_EXPORT_DIR})
`;

/** The as-of month's first day and the instant it ends in China (UTC+8). */
export function asOfBounds(asOf: string): { month: string; receivedBefore: string } {
  const m = /^(\d{4})-(\d{2})$/.exec(asOf);
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12)
    throw new CliError(`--as-of: 应为 YYYY-MM expected YYYY-MM, got '${asOf}'`);
  const [y, mo] = [Number(m[1]), Number(m[2])];
  const next = mo === 12 ? `${y + 1}-01` : `${y}-${String(mo + 1).padStart(2, "0")}`;
  return { month: `${asOf}-01`, receivedBefore: `${next}-01T00:00:00+08:00` };
}

const command: Command = {
  summary: "计算指标进度并生成看板数据  compute the KPI tables and the dashboard's data",
  help,
  async run(argv: string[], io: Io): Promise<number> {
    const { values } = parseArgs({
      args: argv,
      options: {
        db: { type: "string" },
        "as-of": { type: "string" },
        tolerance: { type: "string", default: "0.1" },
        out: { type: "string" },
      },
    });
    const asOf = values["as-of"] ?? new Date(io.now.getTime() + 8 * 3_600_000).toISOString().slice(0, 7);
    const bounds = asOfBounds(asOf);
    const tolerance = Number(values.tolerance);
    if (!(tolerance >= 0 && tolerance < 1)) throw new CliError(`--tolerance: 应在0与1之间 expected a number in [0, 1)`);
    const catalogue = await readCatalogue(CATALOGUE_DIR);
    const dbPath = warehousePath(values.db, io.env, io.cwd);
    const outDir = resolve(io.cwd, values.out ?? DEFAULT_EXPORT_DIR);
    const warehouse = await openWarehouse(dbPath, { readOnly: false });
    try {
      const { connection } = warehouse;
      await inTransaction(connection, async () => {
        io.err(`· 目录 catalogue: ${catalogue.targets.length} targets, ${catalogue.indicators.length} indicators\n`);
        await prepareWarehouse(connection, catalogue);
        await connection.run("delete from build_params");
        await connection.run(
          `insert into build_params values (cast($1 as date), cast($2 as timestamptz), cast($3 as timestamptz), $4, date '2020-01-01')`,
          [bounds.month, bounds.receivedBefore, io.now.toISOString(), tolerance],
        );
        io.err(`· 模型 models as of ${asOf}: staging, marts\n`);
        await runLayer(connection, "10_staging");
        await runLayer(connection, "20_marts");
      });
      // the browser's pre-check resolves names exactly as `kpi ingest` does: same catalogue object
      const files = await writeExports(connection, outDir, { "catalogue.json": catalogue });
      io.err(`· 导出 exports: ${files.length} files → ${relative(io.cwd, outDir) || outDir}\n`);
    } finally {
      warehouse.close();
    }
    io.out(`构建完成 built as of ${asOf}: ${relative(io.cwd, dbPath)}\n`);
    return 0;
  },
};

export default command;
