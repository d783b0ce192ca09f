import { rename, stat, writeFile } from "node:fs/promises";
import { relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { bulletinContent } from "../bulletin/content.ts";
import { readBulletinData, type Moment } from "../bulletin/marts.ts";
import { htmlToPdf, requireChromium } from "../bulletin/pdf.ts";
import { CHROMIUM } from "../browser/chromium.ts";
import { renderBulletinHtml } from "../bulletin/render.ts";
import { CliError } from "../errors.ts";
import { resolveAsOf } from "../warehouse/build-params.ts";
import { openWarehouse, warehousePath } from "../warehouse/connection.ts";
import { queryPlain } from "../warehouse/rows.ts";
import type { Command, Io } from "./command.ts";

const help = `kpi bulletin (--month YYYY-MM | --as-of YYYY-MM-DD) --out FILE.pdf [--db PATH]

生成月度通报PDF。Writes the monthly bulletin (通报) — 总体情况, 主要指标完成情况, 各地区进展及排名, 存在的问题,
下步工作要求 — as the warehouse's reader marts hold it at one moment, and prints it to an A4 PDF
with headless Chromium. Read-only: nothing is rebuilt, the warehouse is left as it is. The
moments kept are the end of every month before the last \`kpi build\`'s month, and that build's
own moment (the 月度通报 page shows the latest, with the very same text).

Options:
  --month YYYY-MM    the end of that month; the month of the last build: that build's moment
  --as-of WHEN       the same, or a day: YYYY-MM-DD must be a month's last day or the last
                     build's day (for another day run \`kpi build --as-of YYYY-MM-DD\` first)
  --out FILE         the PDF to write (required); a .html file gets the HTML instead
  --db PATH          warehouse file (default: $KPI_DB, else data/warehouse.duckdb)

Needs Chromium at /usr/bin/chromium (or $CHROMIUM_PATH) and a CJK font (fonts-noto-cjk).
`;

const command: Command = {
  summary: "生成月度通报PDF  render the monthly bulletin (通报) to PDF",
  help,
  async run(argv: string[], io: Io): Promise<number> {
    const { values } = parseArgs({
      args: argv,
      options: {
        month: { type: "string" },
        "as-of": { type: "string" },
        out: { type: "string" },
        db: { type: "string" },
      },
    });
    const month = values.month;
    if (month !== undefined && !/^\d{4}-(0[1-9]|1[0-2])$/.test(month))
      throw new CliError(`--month: 应为 YYYY-MM expected YYYY-MM, got '${month}'`);
    if ((month === undefined) === (values["as-of"] === undefined))
      throw new CliError(`请指定 --month 或 --as-of 之一 give either --month YYYY-MM or --as-of YYYY-MM-DD`);
    const asOf = resolveAsOf(values["as-of"] ?? month, io.now);
    if (!values.out) throw new CliError(`--out: 请指定输出文件 give the PDF to write`);
    const dbPath = warehousePath(values.db, io.env, io.cwd);
    if (!(await stat(dbPath).catch(() => undefined))?.isFile())
      throw new CliError(`数据库不存在 no warehouse at ${dbPath}: run \`kpi ingest\` and \`kpi build\` first`);
    const outPath = resolve(io.cwd, values.out);
    const asHtml = outPath.toLowerCase().endsWith(".html");
    const chromium = io.env.CHROMIUM_PATH ?? CHROMIUM;
    if (!asHtml) requireChromium(chromium);

    const warehouse = await openWarehouse(dbPath, { readOnly: true });
    let html: string;
    try {
      const moment = await momentOf(warehouse.connection, asOf.date, month);
      const data = moment && (await readBulletinData(warehouse.connection, moment));
      if (!data)
        throw new CliError(
          `没有 ${asOf.date} 的数据 the warehouse keeps no moment ${asOf.date}: run \`kpi build\` (for a day: \`kpi build --as-of ${asOf.date}\`) first`,
        );
      const content = bulletinContent(data);
      html = renderBulletinHtml(content);
      io.err(
        `· 通报 ${content.title}（${content.asOfLabel}）: ${content.indicators.length} 项指标, ${content.units.length} 个地区, ` +
          `${content.lagging.length + content.overdue.length + content.reporting.length} 个问题\n`,
      );
    } finally {
      warehouse.close();
    }
    const bytes = asHtml ? new TextEncoder().encode(html) : await htmlToPdf(html, chromium);
    const partial = `${outPath}.tmp-${process.pid}`;
    await writeFile(partial, bytes);
    await rename(partial, outPath);
    io.out(`通报已生成 bulletin as of ${asOf.date}: ${relative(io.cwd, outPath) || outPath}\n`);
    return 0;
  },
};

/**
 * The kept moment a day names: the last build's own when it is that day (or, for --month, that
 * build's month), else the end of its month when it is the month's last day; null when there is
 * none (or no build at all).
 */
async function momentOf(
  connection: Parameters<typeof queryPlain>[0],
  date: string,
  month: string | undefined,
): Promise<Moment | null> {
  const [built] = await queryPlain(
    connection,
    `select count(*) as n from duckdb_tables() where table_name = 'rpt_moments'`,
  );
  if (Number(built.n) === 0) return null;
  const [latest] = await queryPlain(
    connection,
    `select strftime(as_of_date, '%Y-%m-%d') as d, strftime(as_of_month, '%Y-%m') as m from rpt_moments where is_latest`,
  );
  if (latest?.d === date || (month !== undefined && latest?.m === month)) return "latest";
  const monthEnd = new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).getUTCDate() === 1;
  return monthEnd ? { month: date.slice(0, 7) } : null;
}

export default command;
