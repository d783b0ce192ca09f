import { existsSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { catalogueDir } from "../catalogue/location.ts";
import { unitLookup } from "../catalogue/lookup.ts";
import { readCatalogue } from "../catalogue/read.ts";
import { CliError } from "../errors.ts";
import { chinaDate } from "../ingest/check.ts";
import { buildTemplate, templateCsv, type Completions } from "../ingest/template.ts";
import { openWarehouse, warehousePath } from "../warehouse/connection.ts";
import { queryPlain } from "../warehouse/rows.ts";
import type { Command, Io } from "./command.ts";

const help = `kpi template [--county CODE|NAME] [--period YYYY-MM] [--out FILE] [--db PATH]

生成报送模板。Writes a ready-to-fill CSV (UTF-8 with BOM, opens in Excel) listing every indicator
the unit owes for that month: monthly indicators every month, quarterly ones in March, June,
September and December, annual ones in December; then the unit's tasks and milestones due by the
end of the next month and not yet reported done in the warehouse (数值: the completion date; 备注:
the evidence; leave both blank while the task is not done). Fill in 数值 and send it back.

Options:
  --county CODE|NAME   the reporting unit (default: every unit)
  --period YYYY-MM     the month being reported (default: last month)
  --out FILE           where to write (default: template-<unit>-<period>.csv; - for standard output)
  --db PATH            the warehouse whose task reports are left out (default: $KPI_DB or
                       data/warehouse.duckdb; without one every task due is listed)
`;

/** Tasks reported done in the warehouse, or none when there is no warehouse yet. */
async function reportedDone(path: string): Promise<Completions> {
  if (!existsSync(path)) return new Map();
  const warehouse = await openWarehouse(path, { readOnly: true });
  try {
    const rows = await queryPlain(
      warehouse.connection,
      // each task's latest report, as stg_milestone_moments takes it at a moment (whoever reported it)
      `select target_id, completed_on from milestone_reports join submissions using (submission_id)
       qualify row_number() over (partition by target_id order by received_at desc, submission_id desc, source_line desc) = 1`,
    );
    return new Map(rows.map((r) => [String(r.target_id), String(r.completed_on)]));
  } finally {
    warehouse.close();
  }
}

const command: Command = {
  summary: "生成报送模板  write a ready-to-fill county template",
  help,
  async run(argv: string[], io: Io): Promise<number> {
    const { values } = parseArgs({
      args: argv,
      options: {
        county: { type: "string" },
        period: { type: "string" },
        out: { type: "string" },
        db: { type: "string" },
      },
    });
    const catalogue = await readCatalogue(catalogueDir(io.env, io.cwd));
    let unitCode: string | undefined;
    if (values.county) {
      const lookup = unitLookup(catalogue);
      const unit = lookup.find(values.county);
      if (!unit) {
        const hint = lookup.suggest(values.county);
        throw new CliError(`未知单位 unknown unit '${values.county}'${hint ? `，是否应为“${hint}”？` : ""}`);
      }
      unitCode = unit.unit_code;
    }
    const today = chinaDate(io.now);
    const lastMonth = (() => {
      const [y, m] = today.split("-").map(Number);
      return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, "0")}`;
    })();
    const period = values.period ?? lastMonth;
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(period))
      throw new CliError(`--period: 应为 YYYY-MM expected YYYY-MM, got '${period}'`);
    const done = await reportedDone(warehousePath(values.db, io.env, io.cwd));
    const template = buildTemplate(catalogue, period, unitCode, done);
    const text = templateCsv(template);
    if (values.out === "-") {
      io.out(text);
      return 0;
    }
    const out = resolve(io.cwd, values.out ?? `template-${unitCode ?? "all"}-${period}.csv`);
    await writeFile(out, "\ufeff" + text);
    io.out(
      `写出模板 wrote ${out}: ${template.rows.length} 项指标, ${template.tasks.length} 项任务 (indicators, tasks)\n`,
    );
    return 0;
  },
};

export default command;
