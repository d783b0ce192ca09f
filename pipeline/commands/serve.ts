import { existsSync } from "node:fs";
import { relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { CliError } from "../errors.ts";
import { createService, listen } from "../serve/server.ts";
import { serveCopy } from "../warehouse/serving.ts";
import { warehousePath } from "../warehouse/connection.ts";
import { DEFAULT_EXPORT_DIR } from "./build.ts";
import type { Command, Io } from "./command.ts";

const help = `kpi serve [--port 3000] [--host 127.0.0.1] [--db PATH] [options]

报送服务。Serves the built dashboard (dist/, from \`npm run build\`) and the intake API on one port,
and holds the warehouse as its only writer until stopped (SIGTERM or Ctrl+C: the upload in
progress and every one queued are finished first, nothing accepted is lost; a rebuild running
then is abandoned and made again at the next start).

  POST /api/submissions   a county CSV as the body (Content-Type: text/csv) or as a multipart
                          file, with Authorization: Bearer TOKEN (kpi token create). The answer is
                          the report \`kpi ingest --format json\` gives for one file; rows of a unit
                          other than the token's are rejected (wrong_unit) and recorded
  GET  /api/submissions   the token's unit's submissions with their rejections (an admin: all)
  GET  /api/health        that the service runs, the moment its data show, whether a rebuild runs
  DELETE /api/tokens/ID   revoke a token while the server runs (an admin token)

It listens at once and builds in the background. After uploads the marts and the dashboard's data
are rebuilt (a second or two after the last one), so the pages show an accepted file once the
rebuild is whole; a rebuild runs beside the uploads on a connection of its own and never holds one
up, and the pages keep the last complete build meanwhile. Every /api request is kept in audit_log. While
it runs, \`kpi sql\` answers from the server's copy of the warehouse (refreshed after each rebuild).

Options:
  --port N           default 3000
  --host ADDR        default 127.0.0.1 (put an HTTPS reverse proxy in front for the counties)
  --db PATH          warehouse file (default: $KPI_DB, else data/warehouse.duckdb)
  --dist DIR         the built site (default: dist)
  --out DIR          where rebuilds write the data files (default: ${DEFAULT_EXPORT_DIR})
  --max-bytes N      largest upload accepted (default: 10485760, 10 MB; larger: 413)
  --rate N           requests per token per minute (default: 60; more: 429)
  --trust-proxy      take the client's address from X-Forwarded-For (behind the reverse proxy)
  --sample           the warehouse is the bundled sample's: pages say 示例数据
`;

const command: Command = {
  summary: "报送服务  serve the dashboard and the counties' upload API",
  help,
  async run(argv: string[], io: Io): Promise<number> {
    const { values } = parseArgs({
      args: argv,
      options: {
        port: { type: "string", default: "3000" },
        host: { type: "string", default: "127.0.0.1" },
        db: { type: "string" },
        dist: { type: "string", default: "dist" },
        out: { type: "string" },
        "max-bytes": { type: "string", default: String(10 * 1024 * 1024) },
        rate: { type: "string", default: "60" },
        "trust-proxy": { type: "boolean", default: false },
        sample: { type: "boolean", default: false },
      },
    });
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      throw new CliError(`--port: 应为端口号 expected a port number`);
    const bodyLimit = Number(values["max-bytes"]);
    if (!Number.isInteger(bodyLimit) || bodyLimit < 1)
      throw new CliError(`--max-bytes: 应为正整数 expected a positive integer`);
    const rateMax = Number(values.rate);
    if (!Number.isInteger(rateMax) || rateMax < 1) throw new CliError(`--rate: 应为正整数 expected a positive integer`);
    const distDir = resolve(io.cwd, values.dist!);
    if (!existsSync(`${distDir}/index.html`))
      throw new CliError(`没有已构建的站点 no built site in ${values.dist}: run \`npm run build\` first`);
    const dbPath = warehousePath(values.db, io.env, io.cwd);
    const service = await createService({
      dbPath,
      distDir,
      exportsDir: resolve(io.cwd, values.out ?? DEFAULT_EXPORT_DIR),
      now: () => new Date(),
      log: io.err,
      build: { tolerance: 0.1, dueDay: 10, sample: values.sample! },
      bodyLimit,
      rateMax,
      trustProxy: values["trust-proxy"],
    });
    const url = await listen(service, dbPath, values.host!, port);
    io.out(
      `报送服务已启动 serving ${url} (warehouse ${relative(io.cwd, dbPath) || dbPath}; kpi sql reads ${relative(io.cwd, serveCopy(dbPath))})\n`,
    );
    await new Promise<void>((done) => {
      const stop = (signal: string) => {
        io.err(`· ${signal}: 完成进行中的上传后退出 finishing the uploads in progress, then stopping\n`);
        service.close().then(done, (error) => {
          io.err(`· ${(error as Error).message}\n`);
          done();
        });
      };
      process.once("SIGTERM", () => stop("SIGTERM"));
      process.once("SIGINT", () => stop("SIGINT"));
    });
    io.out(`报送服务已停止 stopped\n`);
    return 0;
  },
};

export default command;
