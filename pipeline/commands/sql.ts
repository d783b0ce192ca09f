import { parseArgs } from "node:util";
import { CliError } from "../errors.ts";
import { toCsv } from "../format/csv.ts";
import { formatTable } from "../format/table.ts";
import { openWarehouse, warehousePath } from "../warehouse/connection.ts";
import { plainRows, type Plain } from "../warehouse/rows.ts";
import type { Command, Io } from "./command.ts";

const help = `kpi sql [options] "QUERY"

查询数据仓库（只读）。Runs one query on a read-only connection and prints the result. The
warehouse cannot be changed from here, and files outside it cannot be read.

Options:
  --db PATH                  warehouse file (default: $KPI_DB, else data/warehouse.duckdb)
  --format table|csv|json    table (default), csv (with a header row), json (an array of objects)
  --max-rows N               table format: show at most N rows (default: 200); the total is stated

Tables: documents, counties, indicators, targets, parameters, submissions, observations,
observation_history, rejections, build_params, indicator_actuals, kpi_status (see docs/data-dictionary.md).
`;

function cellText(value: Plain): string {
  if (value === null) return "NULL";
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}

const command: Command = {
  summary: "只读查询  run a read-only SQL query",
  help,
  async run(argv: string[], io: Io): Promise<number> {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        db: { type: "string" },
        format: { type: "string", default: "table" },
        "max-rows": { type: "string", default: "200" },
      },
    });
    const format = values.format!;
    if (!["table", "csv", "json"].includes(format)) throw new CliError(`--format must be table, csv or json`);
    const query = positionals.join(" ").trim();
    if (!query) throw new CliError(`请给出查询语句 no QUERY given\n\n${help}`);
    const warehouse = await openWarehouse(warehousePath(values.db, io.env, io.cwd), { readOnly: true });
    try {
      let reader;
      try {
        reader = await warehouse.connection.runAndReadAll(query);
      } catch (error) {
        throw new CliError(`查询失败 query failed: ${(error as Error).message}`, 1);
      }
      const columns = reader.columnNames();
      const rows = plainRows(reader);
      if (format === "json") io.out(JSON.stringify(rows, null, 2) + "\n");
      else if (format === "csv") io.out(toCsv(columns, rows));
      else {
        const max = Number(values["max-rows"]);
        const shown = rows.slice(0, max);
        const numeric = new Set(columns.map((c, i) => (rows.some((r) => typeof r[c] === "number") ? i : -1)));
        io.out(
          formatTable(
            columns,
            shown.map((r) => columns.map((c) => cellText(r[c]))),
            { right: numeric },
          ),
        );
        io.out(
          `(${rows.length} 行 rows${rows.length > shown.length ? `, 显示前 ${shown.length} 行 first ${shown.length} shown` : ""})\n`,
        );
      }
      return 0;
    } finally {
      warehouse.close();
    }
  },
};

export default command;
