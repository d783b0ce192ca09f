import { copyFile, mkdtemp, rename, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { bulletinContent } from "../bulletin/content.ts";
import { readBulletinData } from "../bulletin/marts.ts";
import { htmlToPdf, requireChromium } from "../bulletin/pdf.ts";
import { CHROMIUM } from "../browser/chromium.ts";
import { renderBulletinHtml } from "../bulletin/render.ts";
import { CATALOGUE_DIR } from "../catalogue/location.ts";
import { readCatalogue } from "../catalogue/read.ts";
import { CliError } from "../errors.ts";
import { buildMarts } from "../warehouse/build-marts.ts";
import { resolveAsOf } from "../warehouse/build-params.ts";
import { openWarehouse, warehousePath } from "../warehouse/connection.ts";
import type { Command, Io } from "./command.ts";

const help = `kpi bulletin (--month YYYY-MM | --as-of WHEN) --out FILE.pdf [options]

生成月度通报PDF。Builds the KPI tables as of that moment on a copy of the warehouse (the warehouse
itself is left untouched), writes the monthly bulletin (通报) — 总体情况, 主要指标完成情况, 各地区进展及
排名, 存在的问题, 下步工作要求 — and prints it to an A4 PDF with headless Chromium.

Options:
  --month YYYY-MM    the bulletin's month: as of its end, or now while it runs
  --as-of WHEN       the moment instead, as for kpi build: YYYY-MM-DD (the end of that day, China
                     time) or YYYY-MM; the bulletin is of the month the moment falls in
  --out FILE         the PDF to write (required); a .html file gets the HTML instead
  --db PATH          warehouse file (default: $KPI_DB, else data/warehouse.duckdb)
  --tolerance R      关注 band, as for kpi build (default: 0.1)
  --due-day N        report due day, as for kpi build (default: 10)

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
        tolerance: { type: "string", default: "0.1" },
        "due-day": { type: "string", default: "10" },
      },
    });
    const month = values.month;
    if (month !== undefined && !/^\d{4}-(0[1-9]|1[0-2])$/.test(month))
      throw new CliError(`--month: 应为 YYYY-MM expected YYYY-MM, got '${month}'`);
    if ((month === undefined) === (values["as-of"] === undefined))
      throw new CliError(`请指定 --month 或 --as-of 之一 give either --month YYYY-MM or --as-of YYYY-MM-DD`);
    const asOfSpec = values["as-of"] ?? month;
    const asOf = resolveAsOf(asOfSpec, io.now);
    if (!values.out) throw new CliError(`--out: 请指定输出文件 give the PDF to write`);
    const dueDay = Number(values["due-day"]);
    if (!Number.isInteger(dueDay) || dueDay < 1 || dueDay > 28)
      throw new CliError(`--due-day: 应为1到28的整数 expected 1–28`);
    const tolerance = Number(values.tolerance);
    if (!(tolerance >= 0 && tolerance < 1)) throw new CliError(`--tolerance: 应在0与1之间 expected a number in [0, 1)`);
    const dbPath = warehousePath(values.db, io.env, io.cwd);
    if (!(await stat(dbPath).catch(() => undefined))?.isFile())
      throw new CliError(`数据库不存在 no warehouse at ${dbPath}: run \`kpi ingest\` first`);
    const outPath = resolve(io.cwd, values.out);
    const asHtml = outPath.toLowerCase().endsWith(".html");
    const chromium = io.env.CHROMIUM_PATH ?? CHROMIUM;
    if (!asHtml) requireChromium(chromium);

    const catalogue = await readCatalogue(CATALOGUE_DIR);
    const temp = await mkdtemp(join(tmpdir(), "kpi-bulletin-"));
    try {
      // the build writes build_params and the marts: do it on a copy, never on the warehouse
      const copy = join(temp, "warehouse.duckdb");
      await copyFile(dbPath, copy);
      if (await stat(`${dbPath}.wal`).catch(() => undefined)) await copyFile(`${dbPath}.wal`, `${copy}.wal`);
      const warehouse = await openWarehouse(copy, { readOnly: false });
      let html: string;
      try {
        await buildMarts(
          warehouse.connection,
          catalogue,
          { asOf: asOfSpec, builtAt: io.now, tolerance, dueDay },
          io.err,
        );
        const content = bulletinContent(await readBulletinData(warehouse.connection));
        html = renderBulletinHtml(content);
        io.err(
          `· 通报 ${content.title}: ${content.indicators.length} 项指标, ${content.units.length} 个地区, ` +
            `${content.lagging.length + content.overdue.length + content.reporting.length} 个问题\n`,
        );
      } finally {
        warehouse.close();
      }
      const bytes = asHtml ? new TextEncoder().encode(html) : await htmlToPdf(html, chromium);
      const partial = `${outPath}.tmp-${process.pid}`;
      await writeFile(partial, bytes);
      await rename(partial, outPath);
    } finally {
      await rm(temp, { recursive: true, force: true });
    }
    io.out(`通报已生成 bulletin as of ${asOf.date}: ${relative(io.cwd, outPath) || outPath}\n`);
    return 0;
  },
};

export default command;
