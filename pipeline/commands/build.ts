import { relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { catalogueDir } from "../catalogue/location.ts";
import { readCatalogue } from "../catalogue/read.ts";
import { CliError } from "../errors.ts";
import { publish } from "../export/publish.ts";
import { resolveAsOf, type AsOf } from "../warehouse/build-params.ts";
import { openWarehouse, warehousePath } from "../warehouse/connection.ts";
import type { Command, Io } from "./command.ts";
import { lockWait, WAIT_HELP } from "./wait-option.ts";

export const DEFAULT_EXPORT_DIR = "dashboard/data/exports";

const help = `kpi build [options]

计算指标进度并生成看板数据。Reloads the catalogue, computes the KPI tables (staging views, then
marts) as of one moment, checks them with the data tests (pipeline/sql/*/tests/), and writes the
dashboard's data files. One transaction: a failed build or a failing data test leaves the
warehouse and the data files as they were.

Options:
  --db PATH          warehouse file (default: $KPI_DB, else data/warehouse.duckdb)
  --as-of WHEN       compute as leadership saw it at that moment: YYYY-MM-DD (the end of that
                     day, China time) or YYYY-MM (the end of that month); default now. Only
                     submissions received by then count; a report not due by then is 未到期,
                     never 漏报. A moment still to come is taken as now
  --sample           the build is of the bundled sample (npm start does this): pages say 示例数据
  --tolerance R      关注 band as a share of the expected increment (default: 0.1)
  --due-day N        a month's report is on time when received by day N of the next month (default: 10)
  --out DIR          where the data files go (default: ${DEFAULT_EXPORT_DIR})
                     (DuckDB works within 2GB of memory, spilling past it to disk; KPI_MEMORY_LIMIT=4GB
                     gives it more)
${WAIT_HELP.replace(/^ {2}--wait SECONDS {9}/, "  --wait SECONDS     ").replace(/\n {25}/g, "\n                     ")}
`;

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
        "due-day": { type: "string", default: "10" },
        out: { type: "string" },
        sample: { type: "boolean", default: false },
        wait: { type: "string" },
      },
    });
    // checked before the warehouse is opened: a mistyped moment changes nothing
    resolveAsOf(values["as-of"], io.now);
    const dueDay = Number(values["due-day"]);
    if (!Number.isInteger(dueDay) || dueDay < 1 || dueDay > 28)
      throw new CliError(`--due-day: 应为1到28的整数 expected 1–28`);
    const tolerance = Number(values.tolerance);
    if (!(tolerance >= 0 && tolerance < 1)) throw new CliError(`--tolerance: 应在0与1之间 expected a number in [0, 1)`);
    const memoryLimit = io.env.KPI_MEMORY_LIMIT;
    if (memoryLimit !== undefined && !/^\d+(\.\d+)?\s*(MB|GB|TB|MiB|GiB|TiB)$/i.test(memoryLimit))
      throw new CliError(`KPI_MEMORY_LIMIT: 应为内存大小 expected a size such as 4GB or 1500MB, got '${memoryLimit}'`);
    const catalogue = await readCatalogue(catalogueDir(io.env, io.cwd));
    const dbPath = warehousePath(values.db, io.env, io.cwd);
    const outDir = resolve(io.cwd, values.out ?? DEFAULT_EXPORT_DIR);
    const warehouse = await openWarehouse(dbPath, { readOnly: false, wait: lockWait(values.wait, io) });
    let asOf: AsOf;
    try {
      const { connection } = warehouse;
      const published = await publish(
        connection,
        catalogue,
        {
          asOf: values["as-of"],
          builtAt: io.now,
          tolerance,
          dueDay,
          sample: values.sample,
          memoryLimit,
        },
        outDir,
        io.err,
      );
      asOf = published.asOf;
      const files = published.files;
      io.err(`· 导出 exports: ${files.length} files → ${relative(io.cwd, outDir) || outDir}\n`);
    } finally {
      warehouse.close();
    }
    io.out(`构建完成 built as of ${asOf.date}: ${relative(io.cwd, dbPath)}\n`);
    return 0;
  },
};

export default command;
